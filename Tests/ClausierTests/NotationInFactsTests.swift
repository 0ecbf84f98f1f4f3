import Clausier
import Testing

/// French notations in facts get the very value to write as the example, as in rule files.
@Suite struct NotationInFactsTests {
    @Test(arguments: [
        ("01/03/2025", "'01/03/2025' is not a date: write it as YYYY-MM-DD, such as \"2025-03-01\""),
        ("2025-02-30", "'2025-02-30' is not a date that exists: February 2025 has 28 days"),
        ("March 1", "'March 1' is not a date: write it as YYYY-MM-DD, such as \"2025-03-07\""),
    ])
    func aDateFactGetsTheDateToWrite(written: String, message: String) throws {
        let rules = try #require(shippedRules)
        let facts = try facts(#"{"subscription": {"started_on": "\#(written)"}}"#)
        let asOf = try civilDate("2025-03-10")
        do {
            _ = try rules.evaluate(contract: "callkom", decision: "commitment_end_date", facts: facts, asOf: asOf)
            Issue.record("'\(written)' was accepted as a date")
        } catch {
            #expect(error.kind == .invalidFact)
            #expect(error.fact == "subscription.started_on")
            #expect(error.message == message)
        }
    }

    @Test func anAmountFactWithADecimalCommaGetsTheAmountToWrite() throws {
        let rules = try #require(shippedRules)
        let asOf = try civilDate("2025-03-10")
        let facts = try facts(#"{"subscription": {"monthly_fee": "1 000,50 €"}, "incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}}"#)
        do {
            _ = try rules.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: facts, asOf: asOf)
            Issue.record("'1 000,50 €' was accepted as an amount")
        } catch {
            #expect(error.fact == "subscription.monthly_fee")
            #expect(error.message == "'1 000,50 €' is not an amount: write the amount, a space and the currency code, such as \"1000.50 EUR\"")
        }
    }
}
