@testable import Clausier
import ClausierHarness
import Foundation
import Testing

/// The bytes path (facts read from JSON bytes straight into the frame, answers written straight to
/// bytes) against the reference path (`JSONReader` → `JSONValue` → `FactDecoder`, `JSONWriter` of
/// `.json`): the same decisions, the same errors, the same output bytes, for every YAML test case
/// and for mutated and hostile input.
@Suite struct JSONBytesPathTests {
    /// Every case of every `Rules/*.test.yaml`.
    static let cases: [(contract: String, testCase: TestCase)] = {
        let rules = repositoryRoot.appendingPathComponent("Rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []
        var all: [(String, TestCase)] = []
        for name in names.sorted() where name.hasSuffix(".test.yaml") {
            let path = rules.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                  let file = TestFileLoader.load(bytes: Array(data), path: path).file
            else { continue }
            all += file.cases.map { (file.contract, $0) }
        }
        return all
    }()

    /// The reference path for facts given as text, as `clausier eval --facts` has always read them.
    static func referenceAnswer(
        _ rules: RuleSet, _ reference: DecisionReference, _ bytes: [UInt8], asOf: CivilDate, explain: Bool
    ) -> Result<Decision, EvaluationError> {
        let facts: JSONValue
        do { facts = try JSONReader.read(bytes) } catch {
            return .failure(EvaluationError(.invalidFact, "the facts are not valid JSON: \(error.description)"))
        }
        return Result { () throws(EvaluationError) -> Decision in
            try rules.evaluate(reference, facts: facts, asOf: asOf, explain: explain)
        }
    }

    static func bytesAnswer(
        _ rules: RuleSet, _ reference: DecisionReference, _ bytes: [UInt8], asOf: CivilDate, explain: Bool
    ) -> Result<Decision, EvaluationError> {
        Result { () throws(EvaluationError) -> Decision in
            try rules.evaluate(reference, json: bytes, asOf: asOf, explain: explain)
        }
    }

    /// The bytes `JSONWriter` writes for the reference answer.
    static func referenceOutput(_ result: Result<Decision, EvaluationError>) -> [UInt8] {
        var out: [UInt8] = []
        switch result {
        case .success(let decision): JSONWriter.write(decision.json, into: &out)
        case .failure(let error): JSONWriter.write(error.json, into: &out)
        }
        return out
    }

    static func writerOutput(_ result: Result<Decision, EvaluationError>) -> [UInt8] {
        var out: [UInt8] = []
        AnswerWriter.write(result, into: &out)
        return out
    }

    /// Checks one facts document on both paths, alone and as a batch line, with and without explanation.
    static func expectSame(
        _ rules: RuleSet, _ reference: DecisionReference, facts bytes: [UInt8], asOf: CivilDate,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let label = String(decoding: bytes, as: UTF8.self)
        for explain in [false, true] {
            let expected = referenceAnswer(rules, reference, bytes, asOf: asOf, explain: explain)
            let actual = bytesAnswer(rules, reference, bytes, asOf: asOf, explain: explain)
            #expect(actual == expected, "facts \(label)", sourceLocation: sourceLocation)
            #expect(writerOutput(actual) == referenceOutput(expected), "facts \(label)", sourceLocation: sourceLocation)

            let line = Array("{\"as_of\":\"\(asOf)\",\"facts\":".utf8) + bytes + Array("}".utf8)
            expectSameLine(rules, reference, line, explain: explain, sourceLocation: sourceLocation)
        }
    }

    static func expectSameLine(
        _ rules: RuleSet, _ reference: DecisionReference, _ line: [UInt8], explain: Bool,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        line.withUnsafeBytes { raw in
            let expected = BatchLine.evaluateReference(raw, lineNumber: 7, ruleSet: rules, reference: reference, explain: explain)
            let actual = BatchLine.evaluate(raw, lineNumber: 7, ruleSet: rules, reference: reference, explain: explain)
            #expect(actual == expected, "line \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
            #expect(writerOutput(actual) == referenceOutput(expected), sourceLocation: sourceLocation)
        }
    }

    /// The same object with its members in reverse order at every level, which changes no answer.
    static func reversed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            .object(JSONObject(object.members.reversed().map { JSONMember(key: $0.key, value: reversed($0.value)) }))
        case .array(let items): .array(items.map(reversed))
        default: value
        }
    }

    @Test func everyYAMLCaseAnswersAlikeOnBothPaths() throws {
        let rules = try #require(shippedRules)
        #expect(Self.cases.count > 100)
        for (contract, testCase) in Self.cases {
            guard let reference = rules.reference(contract: contract, decision: testCase.decision) else {
                Issue.record("no decision \(contract).\(testCase.decision)")
                continue
            }
            let compact = Array(JSONWriter.write(testCase.facts).utf8)
            Self.expectSame(rules, reference, facts: compact, asOf: testCase.asOf)
            // Facts that answer must be read by the fast path, not left to the reference one.
            if case .success = Self.referenceAnswer(rules, reference, compact, asOf: testCase.asOf, explain: false) {
                let program = try rules.resolve(reference)
                var frame = [Value](repeating: .absent, count: program.frameSizes[reference.decision])
                let decoded = compact.withUnsafeBufferPointer { utf8 -> Bool in
                    var parser = JSONParser(input: utf8)
                    return RuleSet.decodeFactsDocument(&parser, program: program, index: reference.decision, asOf: testCase.asOf, into: &frame)
                }
                #expect(decoded, "\(contract).\(testCase.name) fell back to the reference path")
            }
            let spaced = Array(" \n\t{ \(JSONWriter.write(Self.reversed(testCase.facts)).dropFirst()) \r\n".utf8)
            Self.expectSame(rules, reference, facts: spaced, asOf: testCase.asOf)
        }
    }

    @Test func theFastPathTakesOrdinaryFacts() throws {
        // Not behaviour, but the point of the work: well-formed facts must not fall back.
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let program = try rules.resolve(reference)
        let text = """
            {"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00",
             "main_server_down": true, "backup_server_down": false}, "subscription": {"monthly_fee": "200.00 EUR"}}
            """
        let asOf = try civilDate("2025-03-10")
        var frame = [Value](repeating: .absent, count: program.frameSizes[reference.decision])
        let decoded = Array(text.utf8).withUnsafeBufferPointer { utf8 -> Bool in
            var parser = JSONParser(input: utf8)
            return RuleSet.decodeFactsDocument(&parser, program: program, index: reference.decision, asOf: asOf, into: &frame)
        }
        #expect(decoded)
    }

    /// Hand-written hostile facts for sla_penalty, each checked on both paths.
    static let hostile: [String] = [
        "", " ", "{", "}", "[]", "null", "42", "\"facts\"", "{}", "{} {}", "{},",
        #"{"incident": {}}"#,
        #"{"incident": null, "subscription": null}"#,
        #"{"incident": [], "subscription": {"monthly_fee": "1.00 EUR"}}"#,
        #"{"incident": {"recorded_at": 1}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "recorded_at": "2025-03-07T10:00:00+01:00"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T09:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": "yes", "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 USD"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "-1.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "99999999999999999999999999999.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": 200}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "extra": 1}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true, "sevrity": 2}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"},}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}} x"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "subscription": {}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscr\u0069ption": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00\u0020EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "incident": 1}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": null}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": tru, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "x": NaN}"#,
        #"{'incident': 1}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00" /* c */}}"#,
        #"{"subscription": {"monthly_fee": "200.00 EUR"}, "incident": {"backup_server_down": true, "main_server_down": true, "closed_at": "2025-03-30T04:00:00+02:00", "recorded_at": "2025-03-29T22:00:00+01:00"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "": 1}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": 1e999999999999, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR", "monthly_fee": "1.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "\ud800", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#,
        #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}, "caf\u00e9": 1, "café": 2}"#,
    ]

    static let slaFacts = #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:10:00+01:00", "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "15.50 EUR"}}"#

    @Test func hostileFactsGiveTheSameErrors() throws {
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let asOf = try civilDate("2025-03-10")
        var inputs = Self.hostile.map { Array($0.utf8) }
        // Bad UTF-8 in a key, in a value, a byte order mark, and lone continuation bytes.
        let good = Array(Self.slaFacts.utf8)
        inputs.append([0xEF, 0xBB, 0xBF] + good)
        inputs.append(Array(#"{"inc"#.utf8) + [0xFF] + Array(#"ident": 1}"#.utf8))
        inputs.append(Array(#"{"incident": {"recorded_at": ""#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8))
        inputs.append(Array(#"{"incident": {"recorded_at": "é"#.utf8) + [0x80] + Array(#""}}"#.utf8))
        // Deep nesting, at the limit and past it, in an input and in an unknown fact.
        for depth in [JSONReader.maximumDepth - 2, JSONReader.maximumDepth - 1, JSONReader.maximumDepth, JSONReader.maximumDepth + 5] {
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            inputs.append(Array(#"{"incident": {"recorded_at": \#(deep)}}"#.utf8))
            inputs.append(Array(#"{"zzz": \#(deep)}"#.utf8))
            let objects = String(repeating: #"{"incident":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            inputs.append(Array(objects.utf8))
        }
        // Huge numbers and long strings.
        inputs.append(Array(#"{"incident": {"recorded_at": \#(String(repeating: "9", count: 5000))}}"#.utf8))
        inputs.append(Array(#"{"incident": {"recorded_at": "\#(String(repeating: "x", count: 5000))"}}"#.utf8))
        for input in inputs {
            Self.expectSame(rules, reference, facts: input, asOf: asOf)
        }
    }

    @Test func everyTruncationAndByteChangeGivesTheSameAnswer() throws {
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let asOf = try civilDate("2025-03-10")
        let good = Array(Self.slaFacts.utf8)
        for end in 0...good.count {
            Self.expectSame(rules, reference, facts: Array(good[..<end]), asOf: asOf)
        }
        let replacements: [UInt8] = [0x22, 0x7B, 0x7D, 0x2C, 0x3A, 0x5C, 0x6E, 0x31, 0x20, 0xFF, 0x00]
        for index in good.indices {
            var removed = good
            removed.remove(at: index)
            Self.expectSame(rules, reference, facts: removed, asOf: asOf)
            for byte in replacements where byte != good[index] {
                var changed = good
                changed[index] = byte
                Self.expectSame(rules, reference, facts: changed, asOf: asOf)
            }
        }
    }

    @Test func batchLinesOfEveryShapeAnswerAlike() throws {
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let facts = Self.slaFacts
        let lines = [
            #"{"as_of": "2025-03-10", "facts": \#(facts)}"#,
            #"{"facts": \#(facts), "as_of": "2025-03-10"}"#,
            #"{"as_of": "2023-03-17"}"#,
            #"{"facts": \#(facts)}"#,
            #"{"as_of": "2025-02-30", "facts": \#(facts)}"#,
            #"{"as_of": 20250310, "facts": \#(facts)}"#,
            #"{"as_of": "2025-03-10", "facts": null}"#,
            #"{"as_of": "2025-03-10", "facts": []}"#,
            #"{"as_of": "2025-03-10", "facts": \#(facts), "note": "ignored"}"#,
            #"{"as_of": "2025-03-10", "as_of": "2025-03-11", "facts": \#(facts)}"#,
            #"{"as_of": "2025-03-10", "facts": \#(facts), "facts": {}}"#,
            #"{"as_\u006ff": "2025-03-10", "facts": \#(facts)}"#,
            #"{"as_of": "2025-03-10", "facts": \#(facts)"#,
            #"{"as_of": "2025-03-10", "facts": \#(facts)} trailing"#,
            #"{"as_of": "2025-03-10", "facts": \#(facts),}"#,
            #"["as_of"]"#, "{}", "nope", "\r",
        ]
        for line in lines {
            for explain in [false, true] {
                Self.expectSameLine(rules, reference, Array(line.utf8), explain: explain)
            }
        }
        // A decision whose inputs are all optional, if any, answers a line without facts.
        for contract in rules.contracts {
            for decision in contract.decisions where decision.inputs.allSatisfy({ $0.type.isOptional }) {
                let ref = try #require(rules.reference(contract: contract.header.id, decision: decision.id))
                Self.expectSameLine(rules, ref, Array(#"{"as_of": "2025-03-10"}"#.utf8), explain: true)
            }
        }
    }

    @Test func mutatedFactsOfEveryDecisionAnswerAlike() throws {
        // One case per decision, each cut short at every member boundary and with each value
        // replaced by values of every JSON kind: the errors of every type's rules, on both paths.
        let rules = try #require(shippedRules)
        var seen: Set<String> = []
        let kinds: [JSONValue] = [
            .null, .bool(true), .number("-1"), .number("1.5"), .number("123456789012345678901234567890"),
            .string(""), .string("2025-13-01"), .string("1e3 EUR"), .array([]), .array([.null]), .object(JSONObject()),
        ]
        for (contract, testCase) in Self.cases where seen.insert("\(contract).\(testCase.decision)").inserted {
            guard let reference = rules.reference(contract: contract, decision: testCase.decision) else { continue }
            for mutant in Self.mutants(of: testCase.facts, kinds: kinds) {
                Self.expectSame(rules, reference, facts: Array(JSONWriter.write(mutant).utf8), asOf: testCase.asOf)
            }
        }
    }

    /// The document with, in turn, each value (at any depth) replaced by each of `kinds` or removed.
    static func mutants(of value: JSONValue, kinds: [JSONValue]) -> [JSONValue] {
        var out: [JSONValue] = kinds
        switch value {
        case .object(let object):
            for (index, member) in object.members.enumerated() {
                var without = object.members
                without.remove(at: index)
                out.append(.object(JSONObject(without)))
                for inner in mutants(of: member.value, kinds: kinds) {
                    var members = object.members
                    members[index].value = inner
                    out.append(.object(JSONObject(members)))
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                for inner in mutants(of: item, kinds: kinds) {
                    var changed = items
                    changed[index] = inner
                    out.append(.array(changed))
                }
            }
        default:
            break
        }
        return out
    }

    @Test func theWriterWritesWhatJSONWriterWritesForHandBuiltAnswers() throws {
        // Values and strings the shipped rules may never produce: escapes, control characters,
        // non-ASCII, dates at the ends of the supported range, lists of records, untyped records.
        let money = try #require(Money.parse("12.3456 EUR"))
        let instant = try Instant.parseRFC3339("2025-03-30T01:30:00Z").get()
        let record = ValueType.record([
            RecordField("a\"b", .money(.eur)), RecordField("é", .optional(.percent)),
        ])
        let values: [(Value, ValueType)] = [
            (.absent, .optional(.int)), (.bool(false), .bool), (.int(-42), .int), (.int(Int.max), .int),
            (.decimal(FixedDecimal(7)), .decimal), (.money(money), .money(.eur)), (.percent(FixedDecimal(1)), .percent),
            (.datetime(instant), .datetime), (.name("a\u{1}\n\t\\\""), .enumeration(["x"])),
            (.period(-3, .businessDays), .period(.businessDays)), (.period(2, .months), .period(.months)),
            (.list([.record([.money(money), .absent]), .record([.money(money), .percent(FixedDecimal(0))])]), .list(record)),
            (.record([.int(1), .list([])]), .int), (.list([]), .list(.int)), (.date(CivilDate(daysSinceEpoch: 0)), .date),
            (.percent(try FixedDecimal(mantissa: 125, scale: 3)), .percent), (.percent(try FixedDecimal(mantissa: -5, scale: 18)), .percent),
            (.percent(try FixedDecimal(mantissa: Int128.max, scale: 0)), .percent),
            (.money(Money(amount: try FixedDecimal(mantissa: -5, scale: 1), currency: .eur)), .money(.eur)),
            (.money(Money(amount: try FixedDecimal(mantissa: 0, scale: 0), currency: .eur)), .money(.eur)),
            (.money(Money(amount: try FixedDecimal(mantissa: Int128.min, scale: 2), currency: .eur)), .money(.eur)),
            (.money(Money(amount: try FixedDecimal(mantissa: Int128(UInt64.max), scale: 2), currency: .eur)), .money(.eur)),
        ]
        for days: Int32 in [-719_528, -719_162, -1, 0, 20_000, 2_932_896, 2_932_897, 3_000_000] {
            for (value, type) in values {
                let step = ExplanationStep(
                    kind: .decision, label: "l\u{7F}\u{0}", because: days % 2 == 0 ? nil : "b\r", value: value, type: type,
                    citations: ["art. 1", "\u{2028}"])
                for zone in [ZoneRule.utc, .europeParis] {
                    let decision = Decision(
                        contract: "c\"", decision: "d/é", asOf: CivilDate(daysSinceEpoch: days), zone: zone, value: value,
                        type: type, explanation: [step, step], citations: [])
                    #expect(Self.writerOutput(.success(decision)) == Self.referenceOutput(.success(decision)))
                }
            }
        }
        for error in [
            EvaluationError(.noTier, "no \"tier\"\n"), EvaluationError(.requirement, "", fact: "a[0].b"),
            EvaluationError(.arithmetic, "é\u{0}", fact: ""),
        ] {
            #expect(Self.writerOutput(.failure(error)) == Self.referenceOutput(.failure(error)))
        }
    }
}
