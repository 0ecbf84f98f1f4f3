/// A value computed or read by the rules.
///
/// The payloads are fixed-size except for names, lists and records, so scalar evaluation does not allocate.
public enum Value: Sendable, Hashable, Codable {
    /// true or false.
    case bool(Bool)
    /// A whole number.
    case int(Int)
    /// An exact decimal number.
    case decimal(FixedDecimal)
    /// An exact amount in one currency.
    case money(Money)
    /// A percentage, held as a fraction (25% is 0.25).
    case percent(FixedDecimal)
    /// A civil date.
    case date(CivilDate)
    /// A point in time.
    case datetime(Instant)
    /// A time of day.
    case time(TimeOfDay)
    /// An exact length of time.
    case duration(ExactDuration)
    /// A count of a calendar unit.
    case period(Int, PeriodUnit)
    /// A name from an enumeration.
    case name(String)
    /// A list.
    case list([Value])
    /// A record, fields in the order of its type.
    case record([Value])
    /// An optional value that is absent.
    case absent
}
