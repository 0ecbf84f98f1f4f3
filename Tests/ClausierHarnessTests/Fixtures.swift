import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Foundation
import Testing

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small contract for the harness to run tests against: a date, a fee with two branches, and a
/// fee that refuses bad input.
let billingRules = """
    contract:
      id: billing
      title: Billing terms
      source: billing.txt
      effective: 2019-01-01
      timezone: Europe/Paris
      currency: EUR
      holidays: FR
      rounding: half_away_from_zero
    decisions:
      dispute_deadline:
        title: Last day to dispute an invoice
        cites: art. 13
        inputs:
          invoice.issued_on: date
        returns: date
        value: invoice.issued_on + 1 month
      late_fee:
        title: Fee for a late payment
        cites: art. 14
        inputs:
          invoice.paid: bool
        returns: money
        value:
          cases:
            - when: invoice.paid
              then: 0 EUR
              cites: art. 14
            - otherwise: 40 EUR
              cites: art. 14.2
      retrieval_fee:
        title: Fee for retrieving data
        cites: art. 15
        inputs:
          retrieval.years: int
        returns: money
        require:
          - that: retrieval.years >= 1
            fact: retrieval.years
            message: the retrieval covers at least one year
        value: 350 EUR + 100 EUR * (retrieval.years - 1)
    """

/// The small contract, compiled.
func compiledBilling() throws -> RuleSet {
    let result = Compiler.compile([SourceFile(path: "billing.yaml", text: billingRules)])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return try #require(result.ruleSet)
}
