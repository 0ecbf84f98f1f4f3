/// The rules a fact obeys however it arrives, decoded from JSON or given as a typed value: counts and
/// amounts are never negative, amounts are in the contract's currency, dates lie in the supported
/// years, names come from their list. Each returns what is wrong, or nil.
///
/// The fact as written is only needed for a message, so it is computed only when there is one:
/// printing an amount on every query costs more than the rule it feeds.
enum FactRules {
    /// An `int` fact counts something.
    static func count(_ value: Int, written text: @autoclosure () -> String) -> String? {
        value >= 0 ? nil : "must not be negative (it counts something), got \(text())"
    }

    /// A `money` fact prices something, in the contract's currency.
    static func money(_ value: Money, currency: Currency, written text: @autoclosure () -> String) -> String? {
        if value.currency != currency { return "the amount is in \(value.currency.code), but this contract is in \(currency.code)" }
        return value.amount.isNegative ? "an amount must not be negative, got '\(text())'" : nil
    }

    /// Dates far from any contract would overflow deadline arithmetic; they are refused as facts.
    static func date(_ value: CivilDate, written text: @autoclosure () -> String) -> String? {
        (1900...2199).contains(value.year) ? nil : "'\(text())' is outside the supported years 1900 to 2199"
    }

    /// An enum fact is one of its type's names.
    static func name(_ value: String, among cases: [String]) -> String? {
        guard !cases.contains(value) else { return nil }
        var message = "'\(value)' is not one of: \(cases.joined(separator: ", "))"
        if let close = Suggestions.closest(to: value, among: cases) { message += "; did you mean '\(close)'?" }
        return message
    }
}
