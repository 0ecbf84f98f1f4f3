import Foundation
import Testing

@testable import Clausier

/// Parses money text that the test expects to be valid.
private func money(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Money {
    try #require(Money.parse(text), "expected \"\(text)\" to parse", sourceLocation: sourceLocation)
}

/// Parses a decimal literal that the test expects to be valid.
private func number(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FixedDecimal {
    try #require(FixedDecimal.parse(text), "expected \"\(text)\" to parse", sourceLocation: sourceLocation)
}

@Suite("Currency")
struct CurrencyTests {
    @Test(arguments: ["EUR", "USD", "CHF", "AAA", "ZZZ"])
    func acceptsThreeUppercaseLetters(code: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(currency.code == code)
        #expect(currency.description == code)
    }

    @Test(arguments: ["", "E", "EU", "EURO", "eur", "Eur", "E1R", "EU ", " EUR", "ÉUR", "€", "@@@", "[[["])
    func rejectsEverythingElse(code: String) {
        #expect(Currency(code: code) == nil)
    }

    @Test func euroConstantMatchesParsedCode() throws {
        #expect(Currency.eur.code == "EUR")
        #expect(Currency.eur == (try #require(Currency(code: "EUR"))))
        #expect(Currency.eur != (try #require(Currency(code: "EUS"))))
        #expect(Currency.eur != (try #require(Currency(code: "REU"))))
    }

    @Test func acceptsSubstring() throws {
        let text = "150 EUR;"
        let code = try #require(Currency(code: text.dropFirst(4).dropLast()))
        #expect(code == .eur)
    }

    @Test func codableAsCodeString() throws {
        let data = try JSONEncoder().encode([Currency.eur])
        #expect(String(decoding: data, as: UTF8.self) == #"["EUR"]"#)
        #expect(try JSONDecoder().decode([Currency].self, from: Data(#"["USD"]"#.utf8)).first?.code == "USD")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Currency].self, from: Data(#"["usd"]"#.utf8)) }
    }
}

@Suite("Money")
struct MoneyTests {
    let usd = Currency(code: "USD")

    // MARK: - Parsing and printing

    @Test(arguments: [
        ("150.00 EUR", "150.00", "EUR"),
        ("0.125 EUR", "0.125", "EUR"),
        ("150 EUR", "150", "EUR"),
        ("-3 EUR", "-3", "EUR"),  // negatives parse; callers reject them when needed
        ("+2.5 USD", "2.5", "USD"),
    ])
    func parseAccepts(text: String, amount: String, code: String) throws {
        let value = try money(text)
        #expect(value.amount.description == amount)
        #expect(value.currency.code == code)
    }

    @Test(arguments: [
        "150.00EUR", "EUR 150", "150.00", "150.00  EUR", " 150.00 EUR", "150.00 EUR ", "150.00 eur",
        "150.00 EURO", "1e3 EUR", "150,00 EUR", ".5 EUR", "150. EUR", "", " ", "EUR", "150.00\tEUR",
    ])
    func parseRejects(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test func parseAcceptsSubstring() throws {
        let text = "[12.5 EUR]"
        let value = try #require(Money.parse(text.dropFirst().dropLast()))
        #expect(value.description == "12.5 EUR")
        #expect(Money.parse(text.dropFirst()) == nil)  // "12.5 EUR]"
    }

    @Test func descriptionAndFormatted() throws {
        #expect(try money("150.00 EUR").description == "150.00 EUR")
        #expect(try money("0.125 EUR").description == "0.125 EUR")
        // 0.125 → 2 digits, half away from zero: 0.13.
        #expect(try money("0.125 EUR").formatted() == "0.13 EUR")
        #expect(try money("-0.125 EUR").formatted() == "-0.13 EUR")
        #expect(try money("150 EUR").formatted() == "150.00 EUR")
        #expect(try money("150 EUR").formatted(fractionDigits: 0) == "150 EUR")
        #expect(Money(amount: try number("37.5"), currency: .eur).formatted(fractionDigits: 2) == "37.50 EUR")
    }

    // MARK: - Equality and comparison

    @Test func equalityIsNumericWithinACurrency() throws {
        let a = try money("1.50 EUR")
        let b = try money("1.5 EUR")
        #expect(a == b)
        var hasherA = Hasher()
        hasherA.combine(a)
        var hasherB = Hasher()
        hasherB.combine(b)
        #expect(hasherA.finalize() == hasherB.finalize())
        #expect(try money("1.50 EUR") != money("1.50 USD"))
    }

    @Test func compare() throws {
        #expect(try money("1.50 EUR").compare(money("1.5 EUR")) == 0)
        #expect(try money("1.49 EUR").compare(money("1.5 EUR")) == -1)
        #expect(try money("-1 EUR").compare(money("-2 EUR")) == 1)
        let usd = try #require(usd)
        #expect(throws: MoneyError.currencyMismatch(.eur, usd)) { try money("1 EUR").compare(money("1 USD")) }
    }

    // MARK: - Arithmetic

    @Test func addingAndSubtractingSameCurrency() throws {
        #expect(try money("150.00 EUR").adding(money("0.125 EUR")).description == "150.125 EUR")
        #expect(try money("0.1 EUR").adding(money("0.2 EUR")) == money("0.3 EUR"))
        #expect(try money("10 EUR").subtracting(money("12.50 EUR")).description == "-2.50 EUR")
    }

    @Test func mixingCurrenciesIsAMismatch() throws {
        let usd = try #require(usd)
        #expect(throws: MoneyError.currencyMismatch(.eur, usd)) { try money("1 EUR").adding(money("1 USD")) }
        #expect(throws: MoneyError.currencyMismatch(usd, .eur)) { try money("1 USD").subtracting(money("1 EUR")) }
        #expect(MoneyError.currencyMismatch(.eur, usd).message == "cannot combine amounts in different currencies (EUR and USD)")
    }

    @Test func arithmeticOverflowIsWrapped() throws {
        let huge = Money(amount: try FixedDecimal(mantissa: Int128.max, scale: 2), currency: .eur)
        #expect(throws: MoneyError.arithmetic(.overflow)) { try huge.adding(money("0.01 EUR")) }
        #expect(throws: MoneyError.arithmetic(.overflow)) { try huge.negated().subtracting(money("0.02 EUR")) }
        #expect(MoneyError.arithmetic(.divisionByZero).message == "division by zero")
    }

    @Test func multiplyingAndDividing() throws {
        // 15000 × 25 = 375000 at scale 4.
        let share = try money("150.00 EUR").multiplying(by: number("0.25"))
        #expect(share.description == "37.5000 EUR")
        #expect(share.formatted(fractionDigits: 2) == "37.50 EUR")
        // 100 / 3 truncated at 18 places.
        #expect(try money("100 EUR").dividing(by: number("3")).description == "33.333333333333333333 EUR")
        #expect(throws: ArithmeticError.divisionByZero) { try money("1 EUR").dividing(by: .zero) }
    }

    @Test func rounded() throws {
        #expect(try money("2.345 EUR").rounded(toScale: 2, .halfEven).description == "2.34 EUR")
        #expect(try money("2.345 EUR").rounded(toScale: 2, .halfAwayFromZero).description == "2.35 EUR")
        #expect(try money("2 EUR").rounded(toScale: 2, .down).description == "2.00 EUR")
        #expect(throws: ArithmeticError.overflow) { try money("2 EUR").rounded(toScale: 20, .down) }
    }

    @Test func interestForThirtyOneDays() throws {
        // 1000.00 EUR × 4.65 % × 31 / 365:
        // 1000.00 × 0.0465 = 46.500000; × 31 = 1441.500000; / 365 = 3.949315068493150684… (693/730 = 0.9 49315068…)
        // Truncated at 18 places, then to cents half away from zero: 3.95 EUR.
        let interest = try money("1000.00 EUR")
            .multiplying(by: number("0.0465"))
            .multiplying(by: FixedDecimal(31))
            .dividing(by: FixedDecimal(365))
        #expect(interest.description == "3.949315068493150684 EUR")
        #expect(interest.formatted() == "3.95 EUR")
        #expect(try interest.rounded(toScale: 2, .halfAwayFromZero).description == "3.95 EUR")
    }

    // MARK: - Codable

    @Test func codableAsDescriptionString() throws {
        let data = try JSONEncoder().encode([try money("150.00 EUR")])
        #expect(String(decoding: data, as: UTF8.self) == #"["150.00 EUR"]"#)
        let decoded = try JSONDecoder().decode([Money].self, from: Data(#"["0.125 EUR"]"#.utf8))
        #expect(decoded.first?.description == "0.125 EUR")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["EUR 150"]"#.utf8)) }
    }
}

extension Money {
    /// The same money with the amount's sign flipped (test helper).
    fileprivate func negated() throws -> Money {
        Money(amount: try amount.negated(), currency: currency)
    }
}
