import Clausier
import Foundation
import Testing

/// The compiled rule set: serialisable without YAML, and safe to query from many threads.
@Suite struct RuleSetTests {
    @Test func encodedRuleSetDecodesToTheSameRulesAndAnswers() throws {
        let rules = try #require(shippedRules)
        let data = try JSONEncoder().encode(rules)
        let decoded = try JSONDecoder().decode(RuleSet.self, from: data)
        #expect(decoded == rules)
        let f = try incident("2025-03-07T10:00:00+01:00", "2025-03-07T11:30:00+01:00")
        let answer = try decoded.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: f, asOf: try civilDate("2025-03-10"))
        #expect(answer.valueJSON == (try facts(#"{"rate": "25%", "penalty": "50.00 EUR"}"#)))
    }

    @Test func concurrentQueriesAllAnswerCorrectly() async throws {
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let asOf = try civilDate("2025-03-10")
        // Outage of k hours: k = 0 → 0%, 1 → 25%, 2 → 50%, 3 → 75%, 4+ → 100% of 200 EUR.
        let expected = ["0.00 EUR", "50.00 EUR", "100.00 EUR", "150.00 EUR", "200.00 EUR"]
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<64 {
                group.addTask {
                    for i in 0..<50 {
                        let hours = (task + i) % 5
                        let f = try incident("2025-03-07T10:00:00+01:00", "2025-03-07T1\(hours):00:00+01:00")
                        let answer = try rules.evaluate(reference, facts: f, asOf: asOf, explain: i % 2 == 0)
                        guard case .object(let o) = answer.valueJSON, o["penalty"] == .string(expected[hours]) else { return false }
                    }
                    return true
                }
            }
            var all: [Bool] = []
            for try await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}

@Suite struct DecisionReferenceTests {
    @Test func aReferenceFromOtherRulesIsAnErrorNotAnotherDecision() throws {
        let rules = try #require(shippedRules)
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        // The same positions in a rule set holding other contracts point at another decision: refused.
        let others = RuleSet(contracts: rules.contracts.filter { $0.header.id != "prospect-it" })
        let asOf = try civilDate("2025-03-10")
        do {
            _ = try others.evaluate(reference, facts: .object(JSONObject()), asOf: asOf)
            Issue.record("a stale reference answered")
        } catch {
            #expect(error.kind == .unknownDecision)
            #expect(error.message.contains("resolve it again"))
        }
    }
}
