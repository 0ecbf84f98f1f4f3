import Clausier

extension ValueType {
    /// Whether values of this type can be ordered with `<`.
    var isOrdered: Bool {
        switch self {
        case .int, .decimal, .money, .percent, .date, .datetime, .time, .duration, .period: true
        default: false
        }
    }

    var isNumber: Bool { self == .int || self == .decimal }

    /// The article-style name of the type for messages: "a date", "an amount of money (EUR)".
    var spoken: String {
        switch self {
        case .bool: "a true/false value"
        case .int: "a whole number"
        case .decimal: "a decimal number"
        case .money(let c): "an amount of money (\(c.code))"
        case .percent: "a percentage"
        case .date: "a date"
        case .datetime: "a datetime"
        case .time: "a time of day"
        case .duration: "a duration in hours and minutes"
        case .period(let unit): "a number of \(unit.name(count: 2))"
        case .enumeration(let cases): "one of (\(cases.joined(separator: ", ")))"
        case .list(let e): "a list of \(e)"
        case .record: "a record \(self)"
        case .optional(let inner): "\(inner.spoken) that may be absent"
        case .absent: "none"
        }
    }
}
