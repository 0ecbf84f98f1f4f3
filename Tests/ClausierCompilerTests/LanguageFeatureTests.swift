import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Testing

/// Language features checked end to end: compile a small rule file, evaluate, compare with a hand computation.
@Suite struct LanguageFeatureTests {
    static let header = """
        contract: {id: t, title: T, source: t.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR}
        decisions:

        """

    private func compile(_ decisions: String) throws -> RuleSet {
        let result = Compiler.compile([SourceFile(path: "t.yaml", text: Self.header + decisions)])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        return try #require(result.ruleSet)
    }

    private func evaluate(_ rules: RuleSet, _ decision: String, _ facts: String, asOf: String = "2025-03-10") throws -> Value {
        let f = try JSONReader.read(facts)
        let date = try #require(CivilDate.parse(asOf))
        return try rules.evaluate(contract: "t", decision: decision, facts: f, asOf: date).value
    }

    @Test func periodConstructorsTurnACountIntoDays() throws {
        let rules = try compile("""
              end:
                cites: art. 1
                inputs: {start_on: date, extra: int}
                returns: date
                value: start_on + 29 days + days(extra)
              contest:
                cites: art. 1
                inputs: {received_on: date, n: int}
                returns: date
                value: received_on + business_days(n)
            """)
        // 2025-03-01 + 29 days = 2025-03-30, + 2 days = 2025-04-01.
        #expect(try evaluate(rules, "end", #"{"start_on": "2025-03-01", "extra": 2}"#) == .date(try #require(CivilDate.parse("2025-04-01"))))
        // Thursday 2025-04-17 + 8 business days = 2025-04-30 (Easter Monday 21 April skipped), as in the catalogue.
        #expect(try evaluate(rules, "contest", #"{"received_on": "2025-04-17", "n": 8}"#) == .date(try #require(CivilDate.parse("2025-04-30"))))
    }

    @Test func notExistsOrNarrowsTheRightSide() throws {
        let rules = try compile("""
              paid_in_time:
                cites: art. 1
                inputs: {due_on: date, paid_on: date?}
                returns: bool
                value: not exists(paid_on) or paid_on <= due_on
            """)
        #expect(try evaluate(rules, "paid_in_time", #"{"due_on": "2025-03-01"}"#) == .bool(true))
        #expect(try evaluate(rules, "paid_in_time", #"{"due_on": "2025-03-01", "paid_on": "2025-03-02"}"#) == .bool(false))
    }

    @Test func aCaseOnAbsenceNarrowsTheLaterCases() throws {
        let rules = try compile("""
              late_days:
                cites: art. 1
                inputs: {due_on: date, paid_on: date?}
                returns: int
                value:
                  cases:
                    - when: not exists(paid_on)
                      then: days_between(due_on, as_of)
                      cites: art. 1
                    - otherwise: days_between(due_on, paid_on)
                      cites: art. 1
            """)
        #expect(try evaluate(rules, "late_days", #"{"due_on": "2025-03-01"}"#) == .int(9))
        #expect(try evaluate(rules, "late_days", #"{"due_on": "2025-03-01", "paid_on": "2025-03-04"}"#) == .int(3))
    }

    @Test func aRequirementThatOneOfTwoIsGivenNarrowsTheOtherAfterACase() throws {
        let rules = try compile("""
              end:
                cites: art. 11
                inputs: {period_end: date?, delivered_on: date?}
                returns: date
                require:
                  - that: exists(period_end) or exists(delivered_on)
                    fact: period_end
                    message: one of the two ends is needed
                value:
                  cases:
                    - when: exists(period_end)
                      then: period_end + 5 years
                      cites: art. 11
                    - otherwise: delivered_on + 5 years
                      cites: art. 11
            """)
        #expect(try evaluate(rules, "end", #"{"delivered_on": "2025-03-01"}"#) == .date(try #require(CivilDate.parse("2030-03-01"))))
        #expect(try evaluate(rules, "end", #"{"period_end": "2024-02-29"}"#) == .date(try #require(CivilDate.parse("2029-02-28"))))
        let f = try JSONReader.read("{}")
        let asOf = try #require(CivilDate.parse("2025-03-10"))
        #expect(throws: EvaluationError.self) { try rules.evaluate(contract: "t", decision: "end", facts: f, asOf: asOf) }
    }

    @Test func exclusionsOverrideGroundsInOrder() throws {
        let rules = try compile("""
              refund:
                cites: art. 3
                inputs: {a: bool, b: bool, x: bool}
                returns: {decision: "enum(eligible_for_review, ineligible)", reason: "enum(excluded_x, ground_a, ground_b, no_ground)"}
                value:
                  exclusions:
                    - {when: x, reason: excluded_x, cites: art. 3.1}
                  grounds:
                    - {when: a, reason: ground_a, cites: art. 3.2}
                    - {when: b, reason: ground_b, cites: art. 3.3}
                  granted: eligible_for_review
                  refused: ineligible
                  no_ground: no_ground
            """)
        func answer(_ a: Bool, _ b: Bool, _ x: Bool) throws -> Value {
            try evaluate(rules, "refund", #"{"a": \#(a), "b": \#(b), "x": \#(x)}"#)
        }
        #expect(try answer(true, true, true) == .record([.name("ineligible"), .name("excluded_x")]))
        #expect(try answer(true, true, false) == .record([.name("eligible_for_review"), .name("ground_a")]))
        #expect(try answer(false, true, false) == .record([.name("eligible_for_review"), .name("ground_b")]))
        #expect(try answer(false, false, false) == .record([.name("ineligible"), .name("no_ground")]))
    }

    @Test func upperInclusiveTiersPutTheBoundaryInTheLowerRow() throws {
        let rules = try compile("""
              rate:
                cites: art. 11
                inputs: {minutes: int}
                returns: percent
                value:
                  tiers:
                    of: minutes
                    boundaries: upper_inclusive
                    rows:
                      - {to: 60, then: 0%, cites: art. 11}
                      - {from: 60, then: 25%, cites: art. 11}
            """)
        #expect(try evaluate(rules, "rate", #"{"minutes": 60}"#) == .percent(FixedDecimal(0)))
        #expect(try evaluate(rules, "rate", #"{"minutes": 61}"#) == .percent(try #require(FixedDecimal.parse("0.25"))))
    }
}
