import ClausierDiagnostics

extension FindingCase {
    /// Findings in contract structures (tiers, cases, records), definitions, the YAML itself, and citations.
    static let ofStructures: [FindingCase] = [
        // Contract structures
        FindingCase(
            "tiersWithoutBoundaries",
            rules("""
                decisions:
                  sla_rate:
                    title: Penalty rate of an incident
                    cites: art. 11
                    inputs:
                      incident.recorded_at: datetime
                      incident.closed_at: datetime
                    returns: percent
                    let:
                      outage: incident.closed_at - incident.recorded_at
                    value:
                      tiers:
                        1️⃣of: outage
                        cites: art. 11
                        rows:
                          - {from: 0 hours, to: 1 hour, then: 0%}
                          - {from: 1 hour, then: 25%}
                """),
            findings: [.init(.tierConvention, at: "1️⃣", hintContains: ["lower_inclusive", "upper_inclusive"])],
            ruleSet: .refused),
        // docs/CHECKS.md: "gap between 1 hour and 2 hours": the editor is told which values no row covers.
        FindingCase(
            "tierRowsWithAGap",
            tiers("""
                          - {from: 0 hours, to: 1 hour, then: 0%}
                          - 1️⃣{from: 2 hours, to: 3 hours, then: 50%}
                          - {from: 3 hours, then: 100%}
                """),
            findings: [.init(.tierRows, at: "1️⃣", messageContains: ["gap", "1 hour", "2 hours"])],
            ruleSet: .unchecked),
        FindingCase(
            "tierRowsThatOverlap",
            tiers("""
                          - {from: 0 hours, to: 2 hours, then: 0%}
                          - 1️⃣{from: 1 hour, to: 3 hours, then: 50%}
                          - {from: 3 hours, then: 100%}
                """),
            findings: [.init(.tierRows, at: "1️⃣", messageContains: ["overlap"])],
            ruleSet: .unchecked),
        FindingCase(
            "casesWithoutOtherwise",
            rules("""
                decisions:
                  suspend:
                    title: Suspension of access
                    cites: art. 6
                    inputs:
                      invoices.any_unpaid: bool
                    returns: bool
                    value:
                      1️⃣cases:
                        - when: invoices.any_unpaid
                          then: true
                          cites: art. 6
                """),
            findings: [.init(.casesWithoutOtherwise, at: "1️⃣", hintContains: ["otherwise"])],
            ruleSet: .refused),
        FindingCase(
            "recordAnswerMissingAField",
            rules("""
                decisions:
                  refund:
                    title: Refund and access
                    cites: art. 5
                    inputs:
                      subscription.paid_until: date
                    returns: {refund: money, access_until: date}
                    value:
                      1️⃣refund: 0 EUR
                """),
            findings: [.init(.missingKey, at: "1️⃣", messageContains: ["'access_until'"])],
            ruleSet: .unchecked),
        FindingCase(
            "recordAnswerWithAnExtraField",
            rules("""
                decisions:
                  refund:
                    title: Refund and access
                    cites: art. 5
                    inputs:
                      subscription.paid_until: date
                    returns: {refund: money, access_until: date}
                    value:
                      refund: 0 EUR
                      access_until: subscription.paid_until
                      1️⃣penalty: 0 EUR
                """),
            findings: [.init(.unknownName, at: "1️⃣", messageContains: ["'penalty'"], hintContains: ["refund", "access_until"])],
            ruleSet: .unchecked),
        // Definitions
        FindingCase(
            "definitionsCallingEachOtherInACycle",
            rules("""
                definitions:
                  1️⃣late_fee:
                    cites: art. 13
                    params:
                      amount: money
                    returns: money
                    value: grace_fee(amount)
                  grace_fee:
                    cites: art. 13
                    params:
                      amount: money
                    returns: money
                    value: late_fee(amount)
                decisions:
                  fee:
                    title: Fee
                    cites: art. 13
                    inputs:
                      invoice.amount: money
                    returns: money
                    value: late_fee(invoice.amount)
                """),
            findings: [.init(.cycle, at: "1️⃣", messageContains: ["late_fee", "grace_fee"])],
            ruleSet: .refused),
        // YAML
        FindingCase(
            "duplicateKeyInADecision",
            rules("""
                decisions:
                  billing_dispute_deadline:
                    title: Last day to dispute an invoice
                    cites: art. 13
                    inputs:
                      invoice.issued_on: date
                    1️⃣returns: date
                    value: invoice.issued_on + 1 month
                    2️⃣returns: money
                """),
            findings: [.init(.duplicateKey, at: "2️⃣", messageContains: ["'returns'"], notesAt: ["1️⃣"])],
            ruleSet: .refused),
        FindingCase(
            "yamlSyntaxError",
            rules("""
                decisions:
                  late_fee:
                    title: Late fee1️⃣: 40 EUR
                    cites: art. 13
                    returns: money
                    value: 40 EUR
                """),
            findings: [.init(.yamlSyntax, at: "1️⃣", hintContains: ["quotes"])],
            ruleSet: .refused),
        // Citations
        // A warning does not stop compilation.
        FindingCase(
            "decisionWithoutCitesIsAWarning",
            rules("""
                decisions:
                  1️⃣liability_cap:
                    title: Cap on liability
                    inputs:
                      subscription.monthly_fee: money
                    returns: money
                    value: subscription.monthly_fee
                """),
            findings: [.init(.missingCitation, .warning, at: "1️⃣", messageContains: ["liability_cap"], hintContains: ["cites"])],
            ruleSet: .compiled(decisions: ["liability_cap"])),
    ]
}
