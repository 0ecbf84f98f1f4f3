import Clausier
import ClausierHarness
import Foundation
import Testing

/// A query without explanation reuses memory of its thread (the decision's frame, the array of the
/// last record answer) and builds its answer by a path of its own. These check that nothing
/// leaks from one query into the next, that an answer a host keeps never changes, and that
/// threads do not share that memory.
@Suite struct QueryMemoryTests {
    let rules: RuleSet
    let cases: [(contract: String, testCase: TestCase)]

    init() throws {
        rules = try #require(shippedRules)
        let directory = repositoryRoot.appendingPathComponent("Rules")
        var cases: [(String, TestCase)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".test.yaml") {
            let path = directory.appendingPathComponent(name).path
            let data = try #require(FileManager.default.contents(atPath: path))
            let file = try #require(TestFileLoader.load(bytes: Array(data), path: path).file)
            cases += file.cases.map { (file.contract, $0) }
        }
        self.cases = cases
    }

    /// An answer or an error, comparable: errors by kind, fact and message.
    enum Outcome: Equatable {
        case value(Value)
        case error(EvaluationError.Kind, String?, String)
    }

    func outcome(_ index: Int, explain: Bool) -> Outcome {
        let (contract, testCase) = cases[index]
        do {
            let decision = try rules.evaluate(
                contract: contract, decision: testCase.decision, facts: testCase.facts, asOf: testCase.asOf, explain: explain)
            return .value(decision.value)
        } catch {
            return .error(error.kind, error.fact, error.message)
        }
    }

    @Test func explanationOffAnswersEveryShippedCaseAsExplanationOnDoes() throws {
        #expect(cases.count >= 595)
        // Kept until the end, so that later queries run while every earlier answer is still held.
        var kept: [(index: Int, answer: Outcome)] = []
        for index in cases.indices {
            let on = outcome(index, explain: true)
            let off = outcome(index, explain: false)
            #expect(off == on, "\(cases[index].testCase.name)")
            kept.append((index, off))
        }
        // In reverse, so each frame and answer array is reused by decisions of other shapes.
        for (index, answer) in kept.reversed() {
            #expect(outcome(index, explain: false) == answer, "\(cases[index].testCase.name), asked again")
        }
        for (index, answer) in kept {
            #expect(outcome(index, explain: true) == answer, "\(cases[index].testCase.name), held")
        }
    }

    @Test func aRecordAnswerTheHostKeepsIsNotChangedByLaterQueries() throws {
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let asOf = try civilDate("2025-03-10")
        func values(hours: Int64, fee: Int) throws -> [Value] {
            let recorded = Instant(nanosecondsSinceEpoch: 1_741_338_000_000_000_000)
            let closed = try #require(recorded.adding(ExactDuration(nanoseconds: hours * 3_600_000_000_000)))
            return [
                .datetime(recorded), .datetime(closed), .bool(true), .bool(true),
                .money(Money(amount: try FixedDecimal(mantissa: Int128(fee), scale: 2), currency: .eur)),
            ]
        }
        func penalty(_ decision: Decision) -> Value? {
            guard case .record(let fields) = decision.value, fields.count == 2 else { return nil }
            return fields[1]
        }
        let first = try rules.evaluate(reference, values: try values(hours: 2, fee: 200_00), asOf: asOf, explain: false)
        let expectedFirst = Value.money(Money(amount: try FixedDecimal(mantissa: 100_00, scale: 2), currency: .eur))
        #expect(penalty(first) == expectedFirst)
        do {
            let second = try rules.evaluate(reference, values: try values(hours: 4, fee: 200_00), asOf: asOf, explain: false)
            #expect(penalty(second) == .money(Money(amount: try FixedDecimal(mantissa: 200_00, scale: 2), currency: .eur)))
            #expect(penalty(first) == expectedFirst)
        }
        // The second answer is gone, so the third may reuse its array; the first stays as it was.
        for hours: Int64 in [1, 3, 0, 5] {
            let later = try rules.evaluate(reference, values: try values(hours: hours, fee: 100_00), asOf: asOf, explain: false)
            let percent: Int128 = [0, 25, 50, 75, 100][Int(min(hours, 4))]
            // percent% of 100.00 EUR is `percent` euros.
            #expect(penalty(later) == .money(Money(amount: try FixedDecimal(mantissa: percent * 100, scale: 2), currency: .eur)))
        }
        #expect(penalty(first) == expectedFirst)
        #expect(first.value == (try rules.evaluate(reference, values: try values(hours: 2, fee: 200_00), asOf: asOf, explain: true)).value)
    }

    @Test func aFailedQueryLeavesNothingBehindForTheNext() throws {
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let asOf = try civilDate("2025-03-10")
        for _ in 0..<3 {
            #expect(throws: EvaluationError.self) {
                try rules.evaluate(
                    reference, facts: try incident("2025-03-07T10:00:00+01:00", "2025-03-07T09:00:00+01:00"), asOf: asOf,
                    explain: false)
            }
            #expect(throws: EvaluationError.self) {
                try rules.evaluate(reference, values: [.bool(true)], asOf: asOf, explain: false)
            }
            let answer = try rules.evaluate(
                reference, facts: try incident("2025-03-07T10:00:00+01:00", "2025-03-07T13:00:00+01:00"), asOf: asOf, explain: false)
            #expect(answer.valueJSON == (try facts(#"{"rate": "75%", "penalty": "150.00 EUR"}"#)))
        }
    }

    @Test func concurrentQueriesOfEveryShippedCaseGetTheirOwnAnswers() async throws {
        let expected = cases.indices.map { outcome($0, explain: true) }
        let tasks = 8
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var failures = 0
                    var kept: [Outcome] = []
                    // Each task goes through the cases from its own starting point, so that threads
                    // answer different decisions at the same time.
                    for step in cases.indices {
                        let index = (step * 7 + task * cases.count / tasks) % cases.count
                        let answer = outcome(index, explain: step % 3 != 0)
                        if answer != expected[index] { failures += 1 }
                        kept.append(answer)
                    }
                    return failures
                }
            }
            var total = 0
            for await failures in group { total += failures }
            return total
        }
        #expect(failures == 0)
    }
}
