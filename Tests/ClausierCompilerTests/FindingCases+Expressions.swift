import ClausierDiagnostics

extension FindingCase {
    /// Findings in the keys of the format, types and units, names, expression syntax and optional inputs.
    static let ofExpressions: [FindingCase] = [
        // Keys of the format
        FindingCase(
            "unknownKeyInADecision",
            rules("""
                decisions:
                  billing_dispute_deadline:
                    title: Last day to dispute an invoice
                    1️⃣cite: art. 13
                    inputs:
                      invoice.issued_on: date
                    returns: date
                    value: invoice.issued_on + 1 month
                """),
            errorsOnly: true,
            findings: [.init(.unknownKey, at: "1️⃣", messageContains: ["'cite'"], hintContains: ["did you mean 'cites'"])],
            ruleSet: .refused),
        // The required key is reported missing at the header, the misspelling at its own line.
        FindingCase(
            "unknownKeyInTheContractHeader",
            MarkedSource("""
                contract:
                  id: test
                  title: Test contract
                  source: test.txt
                  effective: 2019-01-01
                  2️⃣timezon: Europe/Paris
                  currency: EUR
                  holidays: FR
                decisions:
                  liability_cap:
                    cites: art. 12
                    inputs:
                      subscription.monthly_fee: money
                    returns: money
                    value: subscription.monthly_fee

                """),
            findings: [
                // One mistake, one error: the missing 'timezone' is the misspelt 'timezon', reported once.
                .init(.unknownKey, at: "2️⃣", messageContains: ["'timezon'"], hintContains: ["did you mean 'timezone'"]),
            ],
            ruleSet: .refused),
        FindingCase(
            "oneRunReportsSeveralIndependentErrors",
            rules("""
                decisions:
                  liability_cap:
                    1️⃣titel: Cap on liability
                    cites: art. 12
                    inputs:
                      subscription.monthly_fee: money
                    returns: money
                    value: subscription.monthly_fee
                  claim_fee:
                    title: Fee of a claim
                    cites: art. 18
                    inputs:
                      claim.generating_fact_on: date
                    returns: money
                    value: 2️⃣claim.generating_fact_on + 30 days
                  late_interest:
                    title: Late-payment interest
                    cites: art. 13
                    inputs:
                      invoice.amount: money
                    returns: money
                    value: invoice.amount * 3️⃣rate
                """),
            findings: [
                .init(.unknownKey, at: "1️⃣", hintContains: ["'title'"]),
                .init(.typeMismatch, at: "2️⃣", messageContains: ["date", "money"]),
                .init(.unknownName, at: "3️⃣", messageContains: ["'rate'"]),
            ],
            ruleSet: .refused),
        // Types and units
        FindingCase(
            "typeErrorNamesBothTypes",
            rules("""
                decisions:
                  fee_due:
                    title: Fee due
                    cites: art. 1
                    returns: money
                    value: 1️⃣2025-01-01 + 30 days
                """),
            findings: [.init(.typeMismatch, at: "1️⃣", messageContains: ["date", "money"])],
            ruleSet: .unchecked),
        FindingCase(
            "businessDaysAddedToADatetime",
            rules("""
                decisions:
                  response_due:
                    title: Response due
                    cites: art. 11
                    inputs:
                      incident.recorded_at: datetime
                    returns: datetime
                    value: 1️⃣incident.recorded_at + 8 business_days
                """),
            findings: [.init(.unitMismatch, at: "1️⃣", messageContains: ["datetime", "business days"], hintContains: ["local_date(incident.recorded_at)"])],
            ruleSet: .unchecked),
        FindingCase(
            "eurosPlusDollars",
            rules("""
                decisions:
                  total_fee:
                    title: Total fee
                    cites: art. 13
                    inputs:
                      subscription.monthly_fee: money
                    returns: money
                    value: 1️⃣subscription.monthly_fee + 10 USD
                """),
            findings: [.init(.unitMismatch, at: "1️⃣", messageContains: ["EUR", "USD"])],
            ruleSet: .unchecked),
        FindingCase(
            "durationComparedWithADate",
            rules("""
                decisions:
                  long_outage:
                    title: Long outage
                    cites: art. 11
                    inputs:
                      incident.recorded_at: datetime
                      incident.closed_at: datetime
                    returns: bool
                    value: 1️⃣incident.closed_at - incident.recorded_at > 2025-01-01
                """),
            findings: [.init(.typeMismatch, at: "1️⃣", messageContains: ["duration", "date"])],
            ruleSet: .unchecked),
        FindingCase(
            "percentageUsedAsMoney",
            rules("""
                decisions:
                  penalty:
                    title: Penalty
                    cites: art. 11
                    returns: money
                    value: 1️⃣25%
                """),
            findings: [.init(.typeMismatch, at: "1️⃣", messageContains: ["percentage", "money"])],
            ruleSet: .unchecked),
        FindingCase(
            "unknownType",
            rules("""
                decisions:
                  liability_cap:
                    title: Cap on liability
                    cites: art. 12
                    inputs:
                      subscription.monthly_fee: money
                    returns: 1️⃣monney
                    value: subscription.monthly_fee
                """),
            findings: [.init(.invalidValue, at: "1️⃣", messageContains: ["'monney'"], hintContains: ["'money'"])],
            ruleSet: .unchecked),
        FindingCase(
            "dateLiteralThatDoesNotExist",
            rules("""
                decisions:
                  issued_before_cutoff:
                    title: Issued before the cut-off
                    cites: art. 13
                    inputs:
                      invoice.issued_on: date
                    returns: bool
                    value: invoice.issued_on < 1️⃣2025-02-30
                """),
            findings: [.init(.invalidValue, at: "1️⃣", messageContains: ["2025-02-30"])],
            ruleSet: .unchecked),
        FindingCase(
            "enumNameOutsideTheDeclaredEnum",
            rules("""
                decisions:
                  eligible:
                    title: Eligible
                    cites: art. 3
                    inputs:
                      invoice.paid: bool
                    returns: enum(yes, no)
                    value: 1️⃣maybe
                """),
            findings: [.init(.unknownName, at: "1️⃣", messageContains: ["'maybe'"], hintContains: ["yes, no"])],
            ruleSet: .unchecked),
        // Names
        FindingCase(
            "unknownNameSuggestsTheInput",
            rules("""
                decisions:
                  closing_day:
                    title: Day the incident was closed
                    cites: art. 11
                    inputs:
                      incident.recorded_at: datetime
                      incident.closed_at: datetime
                    returns: date
                    value: local_date(1️⃣incident.closed_att)
                """),
            findings: [.init(.unknownName, at: "1️⃣", messageContains: ["'incident.closed_att'"], hintContains: ["'incident.closed_at'"])],
            ruleSet: .unchecked),
        FindingCase(
            "unknownFunctionSuggestsTheBuiltin",
            rules("""
                decisions:
                  support_day:
                    title: Day of a support request
                    cites: art. 3
                    inputs:
                      at: datetime
                    returns: date
                    value: 1️⃣locl_date(at)
                """),
            findings: [.init(.unknownName, at: "1️⃣", messageContains: ["locl_date"], hintContains: ["'local_date'"])],
            ruleSet: .unchecked),
        // Expression syntax
        // In a quoted value, the column still counts from the line, past the opening quote.
        FindingCase(
            "operatorWithoutOperand",
            rules("""
                decisions:
                  billing_dispute_deadline:
                    title: Last day to dispute an invoice
                    cites: art. 13
                    inputs:
                      invoice.issued_on: date
                    returns: date
                    value: invoice.issued_on + 1️⃣+ 1 month
                  claim_deadline:
                    title: Last day to make a claim
                    cites: art. 18
                    inputs:
                      claim.generating_fact_on: date
                    returns: date
                    value: "claim.generating_fact_on + 2️⃣+ 1 month"
                """),
            findings: [
                .init(.expressionSyntax, at: "1️⃣", messageContains: ["'+'"]),
                .init(.expressionSyntax, at: "2️⃣", messageContains: ["'+'"]),
            ],
            ruleSet: .unchecked),
        // The ')' is missing at the end of the expression: that is where it is reported.
        FindingCase(
            "unclosedParenthesis",
            rules("""
                decisions:
                  billing_dispute_deadline:
                    title: Last day to dispute an invoice
                    cites: art. 13
                    inputs:
                      invoice.issued_on: date
                    returns: date
                    value: (invoice.issued_on + 1 month1️⃣
                """),
            findings: [.init(.expressionSyntax, at: "1️⃣", messageContains: ["')'"])],
            ruleSet: .unchecked),
        FindingCase(
            "singleEqualsInsteadOfDoubleEquals",
            rules("""
                decisions:
                  unpaid:
                    title: Whether an invoice is unpaid
                    cites: art. 5
                    inputs:
                      invoice.paid: bool
                    returns: bool
                    value: invoice.paid 1️⃣= false
                """),
            findings: [.init(.expressionSyntax, at: "1️⃣", messageContains: ["'='"], hintContains: ["'=='"])],
            ruleSet: .unchecked),
        // Long expressions are folded over several lines with '>-' (as in Rules/prospect-it.yaml):
        // a finding must point at the line and column where the mistake is written.
        FindingCase(
            "errorOnTheSecondLineOfAFoldedExpression",
            rules("""
                decisions:
                  maintenance_ok:
                    title: Whether a maintenance window is fine
                    cites: art. 10
                    inputs:
                      maintenance.starts_at: datetime
                      maintenance.ends_at: datetime
                    returns: bool
                    value: >-
                      maintenance.ends_at >= maintenance.starts_at
                      and 1️⃣maintenance.end_at <= maintenance.starts_at + 6 hours
                """),
            findings: [.init(.unknownName, at: "1️⃣", messageContains: ["'maintenance.end_at'"])],
            ruleSet: .unchecked),
        // Optional inputs
        FindingCase(
            "optionalInputUsedWithoutExists",
            rules("""
                decisions:
                  follow_up:
                    title: Day after payment
                    cites: art. 13
                    inputs:
                      invoice.paid_on: date?
                    returns: date
                    value: 1️⃣invoice.paid_on + 1 day
                """),
            findings: [.init(.optionalUnwrapped, at: "1️⃣", messageContains: ["invoice.paid_on"], hintContains: ["exists", "??"])],
            ruleSet: .unchecked),
    ]
}
