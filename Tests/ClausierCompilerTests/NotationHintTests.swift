import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Testing

/// French and informal notations in rule files: each error says what was understood and the exact
/// text to write instead (issue: the first hour of a legal editor).
@Suite struct NotationHintTests {
    static let header = """
        contract: {id: n, title: N, source: n.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}
        decisions:
          d:
            title: D
            cites: art. 1
            inputs: {day: date, amount: money, rate: percent, outage: duration, delay: days}
            returns: bool

        """

    private func findings(_ value: String) -> [Diagnostic] {
        Compiler.compile([SourceFile(path: "n.yaml", text: Self.header + "    value: \(value)\n")]).diagnostics
    }

    @Test(arguments: [
        // Today's reading would be a division, then "cannot compare a date with a decimal number".
        ("day < 31/12/2025", "'31/12/2025' is not how a date is written here", "write 2025-12-31", 18),
        ("amount > 1000,50 EUR", "'1000,50 EUR' is not how an amount is written here", "write 1000.50 EUR", 21),
        ("amount > 1 000,50 €", "'1 000,50 €' is not how an amount is written here", "write 1000.50 EUR", 21),
        ("amount > 1000.50 eur", "'1000.50 eur' is not how an amount is written here", "write 1000.50 EUR", 21),
        ("rate > 12,5%", "'12,5%' is not how a percentage is written here", "write 12.5%", 19),
        ("outage >= 2h30", "'2h30' is not how a duration is written here", "write 150 minutes", 22),
        ("outage >= 2 hours 30 minutes", "'2 hours 30 minutes' is not how a duration is written here", "write 150 minutes", 22),
    ])
    func notationsInExpressions(value: String, message: String, hint: String, column: Int) throws {
        let found = findings(value).filter { $0.severity == .error }
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.code == .expressionSyntax)
        #expect(first.message == message)
        #expect(first.hints == [hint])
        #expect(first.location == SourceLocation(file: "n.yaml", line: 8, column: column))
    }

    @Test(arguments: [
        ("amount > 1000", "write the currency after the amount: 1000 EUR"),
        ("rate > 5", "write a percentage with %: 5%"),
        ("outage > 2", "write the unit of the duration: 2 hours, or 2 minutes"),
        ("delay > 3", "write the unit: 3 days"),
        ("amount + 10 > 0 EUR", "write the currency after the amount: 10 EUR"),
    ])
    func bareNumbersWhereAUnitIsRequired(value: String, hint: String) throws {
        let found = findings(value).filter { $0.severity == .error }
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.code == .typeMismatch)
        #expect(first.hints.contains(hint))
    }

    @Test func multiplyingMoneyByANumberNeedsNoUnit() {
        #expect(!findings("amount * 2 > 10 EUR").hasErrors)
    }

    @Test(arguments: [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2025-13-01", "there is no month 13: the month comes second, from 01 to 12"),
    ])
    func datesThatDoNotExistSayWhy(date: String, why: String) throws {
        let first = try #require(findings("day < \(date)").first)
        #expect(first.message == "'\(date)' is not a date that exists")
        #expect(first.hints.first == why)
    }

    @Test func anEffectiveDateThatDoesNotExistIsNotToldToUseTheFormatItUses() throws {
        let text = Self.header.replacingOccurrences(of: "effective: 2025-01-01", with: "effective: 2025-02-30") + "    value: true\n"
        let first = try #require(Compiler.compile([SourceFile(path: "n.yaml", text: text)]).diagnostics.first)
        #expect(first.message == "'2025-02-30' is not a date that exists: February 2025 has 28 days")
    }

    @Test func anEffectiveDateWrittenDayFirstGetsTheDateToWrite() throws {
        let text = Self.header.replacingOccurrences(of: "effective: 2025-01-01", with: "effective: 28/02/2025") + "    value: true\n"
        let first = try #require(Compiler.compile([SourceFile(path: "n.yaml", text: text)]).diagnostics.first)
        #expect(first.hints == ["write 2025-02-28"])
    }

    @Test func aTierBoundWrittenWronglyIsOneErrorNotAlsoAMissingBound() {
        // Today the row after "2 hours 30 minutes" was also told "no row can follow a row without 'to'".
        let text = """
            contract: {id: n, title: N, source: n.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}
            decisions:
              d:
                title: D
                cites: art. 1
                inputs: {outage: duration}
                returns: percent
                value:
                  tiers:
                    of: outage
                    boundaries: lower_inclusive
                    cites: art. 1
                    rows:
                      - to: 2 hours 30 minutes
                        then: 0%
                      - from: 150 minutes
                        then: 10%

            """
        let found = Compiler.compile([SourceFile(path: "n.yaml", text: text)]).diagnostics
        #expect(found.map(\.code) == [.expressionSyntax])
        #expect(found.first?.hints == ["write 150 minutes"])
    }
}
