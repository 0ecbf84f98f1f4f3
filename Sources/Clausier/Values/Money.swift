/// An exact amount of one currency, such as `150.00 EUR`.
///
/// Deliberately not `Comparable`: amounts in different currencies have no order, so comparison
/// goes through `compare(_:)`, which reports a mismatch instead of guessing.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount, with the scale it was written or computed with.
    public var amount: FixedDecimal
    /// The currency of the amount.
    public var currency: Currency

    /// Creates an amount of the given currency.
    public init(amount: FixedDecimal, currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses `"<amount> <CODE>"` with exactly one space, e.g. `"150.00 EUR"`; returns nil otherwise.
    ///
    /// Negative amounts such as `"-3 EUR"` parse; callers that need a non-negative amount check it.
    /// `"150.00EUR"`, `"EUR 150"` and `"150.00"` are rejected.
    public static func parse(_ text: some StringProtocol) -> Money? {
        let utf8 = text.utf8
        guard let space = utf8.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let amountText = text[text.startIndex..<space]
        let codeText = text[utf8.index(after: space)..<text.endIndex]
        // A second space would end up in one of the parts, and both parsers reject spaces.
        guard let amount = FixedDecimal.parse(amountText), let currency = Currency(code: codeText) else { return nil }
        return Money(amount: amount, currency: currency)
    }

    /// The amount's canonical text, one space, and the code: `"150.00 EUR"`.
    public var description: String {
        amount.description + " " + currency.code
    }

    /// The amount rounded half away from zero to `fractionDigits` places (default 2), then the code: `"37.50 EUR"`.
    public func formatted(fractionDigits: Int = 2) -> String {
        amount.formatted(fractionDigits: fractionDigits) + " " + currency.code
    }

    /// The same money with its amount rounded to exactly `toScale` places.
    public func rounded(toScale: Int, _ mode: RoundingMode) throws(ArithmeticError) -> Money {
        Money(amount: try amount.rounded(toScale: toScale, mode), currency: currency)
    }

    /// The exact sum; both amounts must be in the same currency.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        do {
            return Money(amount: try amount.adding(other.amount), currency: currency)
        } catch {
            throw .arithmetic(error)
        }
    }

    /// The exact difference; both amounts must be in the same currency.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        do {
            return Money(amount: try amount.subtracting(other.amount), currency: currency)
        } catch {
            throw .arithmetic(error)
        }
    }

    /// The amount multiplied by a plain number, with `FixedDecimal.multiplying(by:)` precision.
    public func multiplying(by factor: FixedDecimal) throws(ArithmeticError) -> Money {
        Money(amount: try amount.multiplying(by: factor), currency: currency)
    }

    /// The amount divided by a plain number, truncated at 18 places like `FixedDecimal.dividing(by:)`.
    public func dividing(by divisor: FixedDecimal) throws(ArithmeticError) -> Money {
        Money(amount: try amount.dividing(by: divisor), currency: currency)
    }

    /// Compares amounts of the same currency: -1, 0 or 1; different currencies throw `.currencyMismatch`.
    public func compare(_ other: Money) throws(MoneyError) -> Int {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        if amount < other.amount { return -1 }
        return amount == other.amount ? 0 : 1
    }

    /// Decodes from a JSON string accepted by `parse`, e.g. `"150.00 EUR"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not an amount of money: expected an amount, one space and a currency code, like \"150.00 EUR\""
            )
        }
        self = money
    }

    /// Encodes as a JSON string of `description`, e.g. `"150.00 EUR"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A failure of money arithmetic: mixed currencies or an arithmetic error on the amounts.
public enum MoneyError: Error, Sendable, Hashable {
    /// The two operands are in different currencies (left operand's currency first).
    case currencyMismatch(Currency, Currency)
    /// The amounts could not be combined exactly.
    case arithmetic(ArithmeticError)

    /// A plain-words explanation suitable for a diagnostic shown to a rule author.
    public var message: String {
        switch self {
        case let .currencyMismatch(lhs, rhs):
            "cannot combine amounts in different currencies (\(lhs.code) and \(rhs.code))"
        case let .arithmetic(error):
            error.message
        }
    }
}
