/// The checks of typed facts that generated code makes before its native rules answer: the same
/// rules and messages as facts decoded from JSON or given as values (`FactRules`), computing the
/// text of a message only when a fact is wrong.
public enum FactCheck {
    /// What is wrong with a count, or nil.
    @inlinable
    public static func count(_ value: Int) -> String? {
        value >= 0 ? nil : countProblem(value)
    }

    @usableFromInline
    static func countProblem(_ value: Int) -> String? {
        FactRules.count(value, written: String(value))
    }

    /// What is wrong with an amount in a contract of `currency`, or nil.
    public static func money(_ value: Money, currency: Currency) -> String? {
        guard value.currency != currency || value.amount.isNegative else { return nil }
        return FactRules.money(value, currency: currency, written: value.description)
    }

    /// What is wrong with a date, or nil.
    public static func date(_ value: CivilDate) -> String? {
        FactRules.date(value, written: "") == nil ? nil : FactRules.date(value, written: value.description)
    }
}
