import Clausier
import Testing

/// The evaluator through the library API, on the shipped prospect-it rules.
@Suite struct EvaluationTests {
    let rules: RuleSet

    init() throws { rules = try #require(shippedRules) }

    @Test func slaPenaltyExactlyTwoHoursIsFiftyPercentWithExplanation() throws {
        // Catalogue: tiers are lower-inclusive, so exactly 2 h is in [2h, 3h) = 50%; 50% of 200.00 EUR = 100.00 EUR.
        let answer = try rules.evaluate(
            contract: "prospect-it", decision: "sla_penalty",
            facts: try incident("2025-03-07T10:00:00+01:00", "2025-03-07T12:00:00+01:00"), asOf: try civilDate("2025-03-10"))
        #expect(answer.valueJSON == (try facts(#"{"rate": "50%", "penalty": "100.00 EUR"}"#)))
        let tier = try #require(answer.explanation.first { $0.kind == .tier })
        #expect(tier.label == "outage in [2 hours, 3 hours)")
        #expect(tier.citations == ["art. 11"])
        #expect(answer.citations.contains("art. 11"))
    }

    @Test func explanationOffRecordsNoStepsButTheSameValue() throws {
        let f = try incident("2025-03-07T10:00:00+01:00", "2025-03-07T14:00:00+01:00")
        let on = try rules.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: f, asOf: try civilDate("2025-03-10"))
        let reference = try #require(rules.reference(contract: "prospect-it", decision: "sla_penalty"))
        let off = try rules.evaluate(reference, facts: f, asOf: try civilDate("2025-03-10"), explain: false)
        #expect(off.explanation.isEmpty)
        #expect(off.value == on.value)
        // Exactly 4 h: restoration "in less than 4 hours" failed, so 100%.
        #expect(on.valueJSON == (try facts(#"{"rate": "100%", "penalty": "200.00 EUR"}"#)))
    }

    @Test func closedBeforeRecordedIsAnErrorNamingTheFact() throws {
        let f = try incident("2025-03-07T10:00:00+01:00", "2025-03-07T09:59:59+01:00")
        #expect {
            try rules.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: f, asOf: try civilDate("2025-03-10"))
        } throws: { error in
            let e = try #require(error as? EvaluationError)
            return e.fact == "incident.closed_at" && e.kind == .requirement
        }
    }

    @Test func listItemErrorsNameTheItemIndex() throws {
        let f = try facts("""
            {"incidents": [
              {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T11:00:00+01:00", "main_server_down": true, "backup_server_down": true},
              {"recorded_at": "2025-03-08T10:00:00+01:00", "closed_at": "2025-03-08T09:00:00+01:00", "main_server_down": true, "backup_server_down": true}],
             "subscription": {"monthly_fee": "200.00 EUR"}}
            """)
        let asOf = try civilDate("2025-03-31")
        do {
            _ = try rules.evaluate(contract: "prospect-it", decision: "sla_monthly_penalty", facts: f, asOf: asOf)
            Issue.record("expected an error")
        } catch {
            #expect(error.fact == "incidents[1].closed_at")
        }
    }

    @Test func monthlyPenaltyIsCappedAtTheFee() throws {
        // 3 incidents of 4 h each: 3 × 100% of 200 EUR = 600 EUR, capped at 100% of the fee.
        let item = #"{"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T14:00:00+01:00", "main_server_down": true, "backup_server_down": true}"#
        let f = try facts(#"{"incidents": [\#(item), \#(item), \#(item)], "subscription": {"monthly_fee": "200.00 EUR"}}"#)
        let answer = try rules.evaluate(contract: "prospect-it", decision: "sla_monthly_penalty", facts: f, asOf: try civilDate("2025-03-31"))
        #expect(answer.valueJSON == .string("200.00 EUR"))
        #expect(answer.explanation.contains { $0.kind == .case && $0.because?.contains("cannot exceed") == true })
    }

    @Test func emptyIncidentListGivesZero() throws {
        let f = try facts(#"{"incidents": [], "subscription": {"monthly_fee": "200.00 EUR"}}"#)
        let answer = try rules.evaluate(contract: "prospect-it", decision: "sla_monthly_penalty", facts: f, asOf: try civilDate("2025-03-31"))
        #expect(answer.valueJSON == .string("0.00 EUR"))
    }

    @Test func latePaymentInterestComputedByHand() throws {
        // 1000.00 EUR × 1.5 × 4.05% × 30 days / 365 = 1000 × 0.06075 × 30 / 365 = 1822.5 / 365 = 4.99315… → 4.99 EUR.
        let f = try facts(#"{"invoice": {"amount": "1000.00 EUR", "due_on": "2025-01-10", "paid_on": "2025-02-09"}, "legal_interest_rate": "4.05%"}"#)
        let answer = try rules.evaluate(contract: "prospect-it", decision: "late_payment_interest", facts: f, asOf: try civilDate("2025-03-01"))
        #expect(answer.valueJSON == .string("4.99 EUR"))
    }

    @Test func paymentAfterTheEvaluationDateCountsAsUnpaid() throws {
        // paid_on 2025-03-01 is after as_of 2025-02-09, so the interest runs to as_of: 30 days as above.
        let f = try facts(#"{"invoice": {"amount": "1000.00 EUR", "due_on": "2025-01-10", "paid_on": "2025-03-01"}, "legal_interest_rate": "4.05%"}"#)
        let answer = try rules.evaluate(contract: "prospect-it", decision: "late_payment_interest", facts: f, asOf: try civilDate("2025-02-09"))
        #expect(answer.valueJSON == .string("4.99 EUR"))
    }

    @Test func unknownDecisionSuggestsTheClosestId() throws {
        let asOf = try civilDate("2025-03-10")
        do {
            _ = try rules.evaluate(contract: "prospect-it", decision: "sla_penalti", facts: .object(JSONObject()), asOf: asOf)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unknownDecision)
            #expect(error.message.contains("sla_penalty"))
        }
    }

    @Test func dataReturnListsAreInTheCataloguesOrder() throws {
        let f = try facts(#"{"termination": {"cause": "client", "notified_on": "2025-03-03", "effective_on": "2025-03-31"}}"#)
        let answer = try rules.evaluate(contract: "prospect-it", decision: "data_return", facts: f, asOf: try civilDate("2025-03-03"))
        let expected = try facts(
            #"{"request_deadline": "2025-03-18", "link_expires_on": "2025-04-30", "returned": ["contacts", "emails", "faxes", "documents", "qualification"]}"#)
        #expect(answer.valueJSON == expected)
    }

    @Test func supportHoursAreReadInParisTimeAcrossDaylightSaving() throws {
        // 2025-07-07 (Monday, summer time +02:00): 07:00Z is 09:00 in Paris, open; 06:59Z is 08:59, closed.
        let open = try rules.evaluate(contract: "prospect-it", decision: "support_open", facts: try facts(#"{"at": "2025-07-07T07:00:00Z"}"#), asOf: try civilDate("2025-07-07"))
        let closed = try rules.evaluate(contract: "prospect-it", decision: "support_open", facts: try facts(#"{"at": "2025-07-07T06:59:00Z"}"#), asOf: try civilDate("2025-07-07"))
        #expect(open.value == .bool(true))
        #expect(closed.value == .bool(false))
    }
}
