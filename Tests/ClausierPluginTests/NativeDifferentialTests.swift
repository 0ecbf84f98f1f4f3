import Clausier
import ClausierHarness
import Foundation
import Testing

/// The native code that the build plugin generated from the shipped rules against the interpreter:
/// every YAML case of Rules/, then random facts for every decision, must give the same decision
/// (value, type, citations) or the same error (kind, fact, message) both ways.
@Suite struct NativeDifferentialTests {
    /// A typed API's dynamic entry, for any of the five contracts.
    typealias Entry = @Sendable (String, [Value], CivilDate, Bool) throws(EvaluationError) -> Decision

    let rules: RuleSet
    let entries: [String: Entry]

    init() throws {
        rules = try CompiledRules.load()
        let prospectIt = try ProspectIt(rules: rules)
        let releads = try Releads(rules: rules)
        let suiviPro = try SuiviPro(rules: rules)
        let callkom = try Callkom(rules: rules)
        let serviceSMTP = try ServiceSmtp(rules: rules)
        #expect(prospectIt.usesNativeCode && releads.usesNativeCode && suiviPro.usesNativeCode)
        #expect(callkom.usesNativeCode && serviceSMTP.usesNativeCode)
        entries = [
            ProspectIt.id: { (d, v, a, e) throws(EvaluationError) in try prospectIt.evaluate(d, values: v, asOf: a, explain: e) },
            Releads.id: { (d, v, a, e) throws(EvaluationError) in try releads.evaluate(d, values: v, asOf: a, explain: e) },
            SuiviPro.id: { (d, v, a, e) throws(EvaluationError) in try suiviPro.evaluate(d, values: v, asOf: a, explain: e) },
            Callkom.id: { (d, v, a, e) throws(EvaluationError) in try callkom.evaluate(d, values: v, asOf: a, explain: e) },
            ServiceSmtp.id: { (d, v, a, e) throws(EvaluationError) in try serviceSMTP.evaluate(d, values: v, asOf: a, explain: e) },
        ]
    }

    /// Every decision of the shipped rules has native code: a construct the backend stops translating
    /// shows here, by name, rather than as a silent fall back to the interpreter.
    @Test func everyDecisionIsNative() {
        let native = ProspectIt.nativeDecisions + Releads.nativeDecisions + SuiviPro.nativeDecisions + Callkom.nativeDecisions
            + ServiceSmtp.nativeDecisions
        let all = rules.contracts.flatMap { $0.decisions.map(\.id) }
        #expect(native.count == all.count, "without native code: \(Set(all).subtracting(native).sorted())")
        #expect(all.count == 60)
    }

    /// Runs one query both ways, with explanation off and on, and compares the outcomes: the
    /// explanation's steps, values and citations included.
    private func compare(_ contract: String, _ decision: String, values: [Value], asOf: CivilDate, _ context: String) throws {
        try compare(contract, decision, values: values, asOf: asOf, explain: false, context)
        try compare(contract, decision, values: values, asOf: asOf, explain: true, context + " (explained)")
    }

    private func compare(
        _ contract: String, _ decision: String, values: [Value], asOf: CivilDate, explain: Bool, _ context: String
    ) throws {
        let reference = try #require(rules.reference(contract: contract, decision: decision))
        let entry = try #require(entries[contract])
        let interpreted = Result { () throws(EvaluationError) -> Decision in
            try rules.evaluate(reference, values: values, asOf: asOf, explain: explain)
        }
        let native = Result { () throws(EvaluationError) -> Decision in try entry(decision, values, asOf, explain) }
        switch (interpreted, native) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(contract)/\(decision) \(context): interpreter \(a.value) \(a.explanation), native \(b.value) \(b.explanation)")
        case (.failure(let a), .failure(let b)):
            #expect(a == b, "\(contract)/\(decision) \(context): interpreter \(a), native \(b)")
        default:
            Issue.record("\(contract)/\(decision) \(context): interpreter \(interpreted), native \(native)")
        }
    }

    @Test func everyYAMLCaseAgrees() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Rules").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".test.yaml") }.sorted()
        #expect(names.count == 5)
        var compared = 0
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let file = try #require(TestFileLoader.load(bytes: bytes, path: path).file)
            for testCase in file.cases {
                let reference = try #require(rules.reference(contract: file.contract, decision: testCase.decision))
                // Facts that do not decode never reach a typed API: its parameters are Swift values.
                guard let values = try? rules.inputValues(reference, facts: testCase.facts, asOf: testCase.asOf) else { continue }
                try compare(file.contract, testCase.decision, values: values, asOf: testCase.asOf, "case '\(testCase.name)'")
                compared += 1
            }
        }
        #expect(compared > 450)
    }

    @Test(arguments: 0..<5)
    func randomFactsAgree(contractIndex: Int) throws {
        let contract = rules.contracts[contractIndex]
        var random = FactGenerator(seed: UInt64(contractIndex + 1) &* 0x9E37_79B9_7F4A_7C15)
        for decision in contract.decisions {
            for round in 0..<300 {
                let asOf = random.date()
                let values = decision.inputs.map { random.value(of: $0.type, near: asOf) }
                try compare(contract.header.id, decision.id, values: values, asOf: asOf, "round \(round) \(values) as of \(asOf)")
            }
        }
    }

    @Test func otherRulesAreAnsweredByTheInterpreter() throws {
        let original = try #require(rules.contract(ProspectIt.id))
        var header = original.header
        header.title += " (amended)"
        let amended = CompiledContract(
            header: header, decisions: original.decisions, definitions: original.definitions, branches: original.branches)
        let other = RuleSet(contracts: rules.contracts.filter { $0.header.id != ProspectIt.id } + [amended])
        #expect(try ProspectIt(rules: other).usesNativeCode == false)
        #expect(try ProspectIt(rules: rules).usesNativeCode)
    }
}

/// Random facts of any rule type, with the values where rules change their answer weighted in:
/// small counts and tier bounds, month ends and holidays, the DST changes of Europe/Paris, whole
/// hours between two instants, amounts that need rounding, and now and then a value the facts'
/// checks refuse (a negative count or amount, another currency, a date out of range).
struct FactGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: deterministic, so a failure replays.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    private static let notableDates = [
        "2024-02-29", "2025-02-28", "2025-03-29", "2025-03-30", "2025-03-31", "2025-04-18", "2025-04-21", "2025-05-01",
        "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-10-25", "2025-10-26", "2025-10-31",
        "2025-11-01", "2025-11-11", "2025-12-25", "2025-12-31", "2026-01-01", "2023-03-17", "2024-12-31",
    ].compactMap { CivilDate.parse($0) }

    mutating func date() -> CivilDate {
        if chance(40) { return pick(Self.notableDates) }
        return CivilDate(daysSinceEpoch: Int32(int(19_000...20_800)))
    }

    private mutating func date(near asOf: CivilDate) -> CivilDate {
        if chance(2) { return CivilDate(year: 1899, month: 12, day: 31) ?? asOf }
        if chance(35) { return pick(Self.notableDates) }
        let offset = pick([0, 1, -1, 7, -7, 14, -14, 15, -15, 16, -16, 29, 30, -30, 31, -31, 60, -60, 365, -365, int(-400...400)])
        return CivilDate(daysSinceEpoch: asOf.daysSinceEpoch &+ Int32(offset))
    }

    private mutating func instant(near asOf: CivilDate) -> Instant {
        let day = date(near: asOf)
        let seconds = chance(50) ? pick([0, 3600, 7200, 3 * 3600, 6 * 3600, 9 * 3600, 18 * 3600, 22 * 3600, 86_399]) : int(0...86_399)
        // Whole hours and their neighbours, and local midnight across a DST change.
        let nanos = (Int64(day.daysSinceEpoch) * 86_400 + Int64(seconds) - 3600) * 1_000_000_000
        return Instant(nanosecondsSinceEpoch: nanos + (chance(20) ? Int64(pick([-1, 1])) * 1_000_000_000 : 0))
    }

    private mutating func decimal() -> FixedDecimal {
        let mantissa = Int128(pick([0, 1, 5, 10, 25, 50, 99, 100, 150, int(0...100_000)]))
        return (try? FixedDecimal(mantissa: mantissa, scale: pick([0, 1, 2, 3]))) ?? .zero
    }

    mutating func value(of type: ValueType, near asOf: CivilDate) -> Value {
        switch type {
        case .bool: return .bool(chance(50))
        case .int: return .int(chance(3) ? -1 : pick([0, 1, 2, 3, 5, 10, 14, 15, 30, 31, 59, 60, 61, 120, 240, 1000, int(0...5000)]))
        case .decimal: return .decimal(decimal())
        case .percent: return .percent(decimal())
        case .money(let currency):
            let amount = (try? FixedDecimal(mantissa: Int128(pick([0, 1, 5, 99, 4990, 20000, 100_000, int(0...10_000_000)])), scale: pick([2, 2, 2, 0, 3])))
                ?? .zero
            if chance(3) { return .money(Money(amount: (try? amount.negated()) ?? amount, currency: currency)) }
            if chance(3), let usd = Currency(code: "USD") { return .money(Money(amount: amount, currency: usd)) }
            return .money(Money(amount: amount, currency: currency))
        case .date: return .date(date(near: asOf))
        case .datetime: return .datetime(instant(near: asOf))
        case .time: return .time(TimeOfDay(secondsSinceMidnight: pick([0, 6 * 3600, 9 * 3600, 18 * 3600, 22 * 3600, int(0...86_399)])) ?? .midnight)
        case .duration: return .duration(ExactDuration(nanoseconds: Int64(int(0...(10 * 3600))) * 1_000_000_000))
        case .period(let unit): return .period(int(0...60), unit)
        case .enumeration(let cases): return cases.isEmpty ? .name("") : .name(pick(cases))
        case .list(let element): return .list((0..<int(0...4)).map { _ in value(of: element, near: asOf) })
        case .record(let fields): return .record(fields.map { value(of: $0.type, near: asOf) })
        case .optional(let inner): return chance(30) ? .absent : value(of: inner, near: asOf)
        case .absent: return .absent
        }
    }
}
