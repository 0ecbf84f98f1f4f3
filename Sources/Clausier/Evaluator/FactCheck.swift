/// The checks of typed facts that generated code makes before its native rules answer: `FactRules`,
/// the rules and messages of facts decoded from JSON or given as values.
public enum FactCheck {
    /// What is wrong with a count, or nil.
    public static func count(_ value: Int) -> String? {
        FactRules.count(value, written: String(value))
    }

    /// What is wrong with an amount in a contract of `currency`, or nil.
    public static func money(_ value: Money, currency: Currency) -> String? {
        FactRules.money(value, currency: currency, written: value.description)
    }

    /// What is wrong with a date, or nil.
    public static func date(_ value: CivilDate) -> String? {
        FactRules.date(value, written: value.description)
    }
}
