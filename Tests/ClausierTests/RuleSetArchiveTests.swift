import Clausier
import Testing

/// The binary archive that generated code embeds: it gives back exactly the rules it was made from,
/// and bytes it did not write are an error, never a crash.
@Suite struct RuleSetArchiveTests {
    @Test func theShippedRulesRoundTrip() throws {
        let rules = try #require(shippedRules)
        let bytes = RuleSetArchive.encode(rules)
        #expect(try RuleSetArchive.decode(bytes) == rules)
        #expect(try RuleSetArchive.decode(base64: RuleSetArchive.base64(rules)) == rules)
        // Slot types and parameter names travel too: the native backend needs them.
        let decoded = try RuleSetArchive.decode(bytes)
        #expect(decoded.contracts.allSatisfy { c in c.decisions.allSatisfy { $0.slotTypes.count == $0.frameSize } })
        #expect(decoded.contract("prospect-it")?.definitions.first?.parameterNames == ["incident", "monthly_fee"])
    }

    @Test func theDecodedRulesAnswerAsTheOriginal() throws {
        let rules = try RuleSetArchive.decode(RuleSetArchive.encode(try #require(shippedRules)))
        let f = try incident("2025-03-07T10:00:00+01:00", "2025-03-07T11:30:00+01:00")
        let answer = try rules.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: f, asOf: try civilDate("2025-03-10"))
        #expect(answer.valueJSON == (try facts(#"{"rate": "25%", "penalty": "50.00 EUR"}"#)))
    }

    @Test func truncatedOrCorruptedArchivesAreErrors() throws {
        let bytes = RuleSetArchive.encode(try #require(shippedRules))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 997)) {
            #expect(throws: RuleSetArchive.Error.self) { try RuleSetArchive.decode(Array(bytes[..<length])) }
        }
        var corrupted = 0
        for position in stride(from: 5, to: bytes.count, by: max(1, bytes.count / 499)) {
            var copy = bytes
            copy[position] = ~copy[position]
            // A flipped byte may still read as other valid rules; it must never trap.
            if (try? RuleSetArchive.decode(copy)) == nil { corrupted += 1 }
        }
        #expect(corrupted > 0)
        #expect(throws: RuleSetArchive.Error.self) { try RuleSetArchive.decode(base64: "not base64!") }
        #expect(throws: RuleSetArchive.Error.self) { try RuleSetArchive.decode(Array("CLSR0".utf8)) }
    }
}
