import Clausier
import Testing

/// Bad facts are errors that name the fact, checked before the rule answers.
@Suite struct FactValidationTests {
    let rules: RuleSet

    init() throws { rules = try #require(shippedRules) }

    private func error(_ decision: String, _ json: String) throws -> EvaluationError? {
        let f = try facts(json)
        let asOf = try civilDate("2025-03-10")
        do {
            _ = try rules.evaluate(contract: "prospect-it", decision: decision, facts: f, asOf: asOf)
            return nil
        } catch {
            return error
        }
    }

    private static let goodIncident =
        #""recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true"#

    @Test func missingRequiredFact() throws {
        let e = try #require(try error("sla_penalty", #"{"incident": {\#(Self.goodIncident)}}"#))
        #expect(e.kind == .missingFact)
        #expect(e.fact == "subscription.monthly_fee")
    }

    @Test func wrongJSONType() throws {
        let e = try #require(
            try error("sla_penalty", #"{"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": 1, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}"#))
        #expect(e.kind == .invalidFact)
        #expect(e.fact == "incident.main_server_down")
    }

    @Test func datetimeWithoutOffset() throws {
        let e = try #require(
            try error("support_open", #"{"at": "2025-03-07T10:00:00"}"#))
        #expect(e.fact == "at")
        #expect(e.message.contains("offset"))
    }

    @Test func dateThatDoesNotExist() throws {
        let e = try #require(try error("billing_dispute_deadline", #"{"invoice": {"issued_on": "2025-02-30"}}"#))
        #expect(e.fact == "invoice.issued_on")
        #expect(e.message.contains("does not exist") || e.message.contains("not a date"))
    }

    @Test func moneyInAnotherCurrencyWithoutCurrencyOrNegative() throws {
        let usd = try #require(try error("liability_cap", #"{"subscription": {"monthly_fee": "200.00 USD"}}"#))
        #expect(usd.fact == "subscription.monthly_fee")
        #expect(usd.message.contains("USD"))
        let bare = try #require(try error("liability_cap", #"{"subscription": {"monthly_fee": "200.00"}}"#))
        #expect(bare.fact == "subscription.monthly_fee")
        let negative = try #require(try error("liability_cap", #"{"subscription": {"monthly_fee": "-1.00 EUR"}}"#))
        #expect(negative.message.contains("negative"))
    }

    @Test func enumValueOutsideItsList() throws {
        let e = try #require(
            try error("maintenance_compliant", #"{"maintenance": {"kind": "urgent", "starts_at": "2025-03-07T22:00:00+01:00", "ends_at": "2025-03-07T22:10:00+01:00"}}"#))
        #expect(e.fact == "maintenance.kind")
        #expect(e.message.contains("light"))
    }

    @Test func misspeltOptionalFactIsAnErrorNotAbsent() throws {
        let e = try #require(
            try error("late_payment_interest", #"{"invoice": {"amount": "1000.00 EUR", "due_on": "2025-01-10", "paid_at": "2025-01-10"}, "legal_interest_rate": "4.05%"}"#))
        #expect(e.kind == .unknownFact)
        #expect(e.fact == "invoice.paid_at")
        #expect(e.message.contains("invoice.paid_on"))
    }

    @Test func negativeIntIsRejected() throws {
        let e = try #require(try error("user_data_retrieval_fee", #"{"retrieval": {"years": -1}}"#))
        #expect(e.fact == "retrieval.years")
    }

    @Test func nullForAnOptionalMeansAbsent() throws {
        // No payment: interest runs to as_of (2025-03-10): 59 days × 1000 × 6.075% / 365 = 3584.25 / 365 = 9.8198 → 9.82 EUR.
        let answer = try rules.evaluate(
            contract: "prospect-it", decision: "late_payment_interest",
            facts: try facts(#"{"invoice": {"amount": "1000.00 EUR", "due_on": "2025-01-10", "paid_on": null}, "legal_interest_rate": "4.05%"}"#),
            asOf: try civilDate("2025-03-10"))
        #expect(answer.valueJSON == .string("9.82 EUR"))
    }

    @Test func everyFactIsValidatedWhateverTheBranch() throws {
        // emergency maintenance is always compliant, but a malformed notice is still bad input.
        let e = try #require(
            try error("maintenance_compliant", #"{"maintenance": {"kind": "emergency", "starts_at": "2025-03-07T22:00:00+01:00", "ends_at": "2025-03-07T22:10:00+01:00", "notified_at": "yesterday"}}"#))
        #expect(e.fact == "maintenance.notified_at")
    }

    @Test func factsMustBeAnObject() throws {
        let e = try #require(try error("support_open", "[1, 2]"))
        #expect(e.kind == .invalidFact)
    }
}
