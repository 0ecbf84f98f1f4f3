/// The calendar a count of days or months is measured in.
public enum PeriodUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every day counts; the day of the starting event is day 0.
    case days
    /// Jours ouvrés: Monday to Friday, not a public holiday of the contract's calendar.
    case businessDays = "business_days"
    /// The starting day is not counted; an end on a weekend or holiday moves to the next day that is none.
    case joursFrancs = "jours_francs"
    /// Calendar months, clamped to the last day of a shorter month.
    case months
    /// Calendar years (twelve clamped months).
    case years

    /// The unit as an editor reads it, singular or plural.
    public func name(count: Int) -> String {
        switch self {
        case .days: count == 1 ? "day" : "days"
        case .businessDays: count == 1 ? "business day" : "business days"
        case .joursFrancs: count == 1 ? "jour franc" : "jours francs"
        case .months: count == 1 ? "month" : "months"
        case .years: count == 1 ? "year" : "years"
        }
    }
}

/// One named field of a record type.
public struct RecordField: Sendable, Hashable, Codable {
    /// The field's name, as it appears in JSON.
    public var name: String
    /// The field's type.
    public var type: ValueType

    /// Creates a field.
    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }
}

/// The type of a value in the rule language, with its unit where it has one.
///
/// Units are part of the type so that mixing them (EUR with USD, business days with a datetime)
/// is found when the rules are compiled, not when a host asks a question.
public indirect enum ValueType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// true or false.
    case bool
    /// A whole number.
    case int
    /// An exact decimal number.
    case decimal
    /// An exact amount in one currency.
    case money(Currency)
    /// A percentage, held as a fraction (25% is 0.25).
    case percent
    /// A civil date in the contract's time zone.
    case date
    /// A point in time, shown in the contract's time zone.
    case datetime
    /// A time of day on the local wall clock.
    case time
    /// An exact length of time (hours, minutes, seconds).
    case duration
    /// A count in a calendar unit: calendar days, business days, jours francs, months, years.
    case period(PeriodUnit)
    /// One of a closed list of names.
    case enumeration([String])
    /// A list of values of one type.
    case list(ValueType)
    /// A record with named fields, in their declared order.
    case record([RecordField])
    /// A value that may be absent.
    case optional(ValueType)
    /// The type of the literal `none`, before it meets an optional type.
    case absent

    /// The type without its optional wrapper.
    public var unwrapped: ValueType {
        if case .optional(let inner) = self { return inner }
        return self
    }

    /// Whether the type is optional.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type as the rule language writes it.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .decimal: "decimal"
        case .money(let currency): "money (\(currency.code))"
        case .percent: "percent"
        case .date: "date"
        case .datetime: "datetime"
        case .time: "time"
        case .duration: "duration"
        case .period(let unit): unit.rawValue
        case .enumeration(let cases): "enum(\(cases.joined(separator: ", ")))"
        case .list(let element): "list of \(element)"
        case .record(let fields): "{" + fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "}"
        case .optional(let inner): "\(inner)?"
        case .absent: "none"
        }
    }
}
