/// A signed, exact length of time in nanoseconds (about ±292 years).
///
/// "Exact" means every unit is a fixed number of nanoseconds. A day is taken as exactly
/// 24 hours and a week as 7 such days; months and years are not exact and are rejected by
/// the parser (calendar months belong to `CivilDate.adding(months:)`). Across a daylight
/// saving change a `P1D` duration therefore moves the local clock by 23 or 25 hours' worth
/// of wall time, which is what "72 hours"-style deadlines mean.
public struct ExactDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in nanoseconds; negative for a duration that runs backwards.
    public let nanoseconds: Int64

    /// Nanoseconds in one second.
    static let nanosecondsPerSecond: Int64 = 1_000_000_000
    /// Nanoseconds in one minute.
    static let nanosecondsPerMinute: Int64 = 60_000_000_000
    /// Nanoseconds in one hour.
    static let nanosecondsPerHour: Int64 = 3_600_000_000_000
    /// Nanoseconds in one 24-hour day.
    static let nanosecondsPerDay: Int64 = 86_400_000_000_000

    /// The empty duration, `PT0S`.
    public static let zero = ExactDuration(nanoseconds: 0)

    /// Creates a duration of `nanoseconds` nanoseconds.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// `count` seconds, or nil if that overflows the nanosecond range.
    public static func seconds(_ count: Int) -> ExactDuration? {
        scaled(count, by: nanosecondsPerSecond)
    }

    /// `count` minutes, or nil if that overflows the nanosecond range.
    public static func minutes(_ count: Int) -> ExactDuration? {
        scaled(count, by: nanosecondsPerMinute)
    }

    /// `count` hours, or nil if that overflows the nanosecond range.
    public static func hours(_ count: Int) -> ExactDuration? {
        scaled(count, by: nanosecondsPerHour)
    }

    /// `count` days of exactly 24 hours, or nil if that overflows the nanosecond range.
    public static func days(_ count: Int) -> ExactDuration? {
        scaled(count, by: nanosecondsPerDay)
    }

    /// `count × unit` nanoseconds, checked.
    private static func scaled(_ count: Int, by unit: Int64) -> ExactDuration? {
        let (product, overflow) = Int64(truncatingIfNeeded: count).multipliedReportingOverflow(by: unit)
        // Int is 64-bit on every supported platform; the width check keeps a wider Int honest.
        guard !overflow, Int64(exactly: count) != nil else { return nil }
        return ExactDuration(nanoseconds: product)
    }

    /// The sum of two durations, or nil on overflow.
    public func adding(_ other: ExactDuration) -> ExactDuration? {
        let (sum, overflow) = nanoseconds.addingReportingOverflow(other.nanoseconds)
        return overflow ? nil : ExactDuration(nanoseconds: sum)
    }

    /// This duration minus `other`, or nil on overflow.
    public func subtracting(_ other: ExactDuration) -> ExactDuration? {
        let (difference, overflow) = nanoseconds.subtractingReportingOverflow(other.nanoseconds)
        return overflow ? nil : ExactDuration(nanoseconds: difference)
    }

    /// The opposite duration, or nil for the one value (`Int64.min` ns) that has none.
    public var negated: ExactDuration? {
        let (value, overflow) = Int64(0).subtractingReportingOverflow(nanoseconds)
        return overflow ? nil : ExactDuration(nanoseconds: value)
    }

    /// Whether the duration is shorter than zero.
    public var isNegative: Bool { nanoseconds < 0 }

    /// Orders durations from the most negative to the longest.
    public static func < (lhs: ExactDuration, rhs: ExactDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    // MARK: - ISO 8601

    /// Parses an ISO 8601 duration made of exact units only, or returns nil.
    ///
    /// Accepted: an optional leading `-`, then `P`, then either `nW` alone, or an optional `nD`
    /// followed by an optional `T` part with `nH`, `nM`, `nS` in that order (each at most once,
    /// at least one component in all, and a `T` must be followed by one). The last component
    /// may carry a fraction of 1 to 9 digits after `.` or `,` (`PT1.5S`, `PT0.25H`), which is
    /// always exact in nanoseconds. Designators are upper case. `Y` and date-part `M`
    /// (months) are rejected because their length depends on the calendar.
    public static func parseISO8601(_ text: some StringProtocol) -> ExactDuration? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        guard bytes.first == UInt8(ascii: "P") else { return nil }
        bytes = bytes.dropFirst()

        var total: Int128 = 0
        var components = 0
        var sawFraction = false

        // Date part: a day or week count, which is exact here (24 h days).
        if let first = bytes.first, CivilDate.digitValue(first) != nil {
            guard let number = scanNumber(&bytes), let designator = bytes.popFirst() else { return nil }
            switch designator {
            case UInt8(ascii: "D"):
                total += number.nanoseconds(unit: nanosecondsPerDay)
            case UInt8(ascii: "W"):
                // ISO 8601 writes weeks alone, never with other components.
                guard bytes.isEmpty else { return nil }
                total += number.nanoseconds(unit: 7 * nanosecondsPerDay)
            default:
                return nil
            }
            components += 1
            sawFraction = number.hasFraction
        }

        if bytes.first == UInt8(ascii: "T") {
            guard !sawFraction else { return nil }
            bytes = bytes.dropFirst()
            var timeComponents = 0
            // H, M, S must come in this order, each at most once: track the last unit's rank.
            var lastRank = -1
            while !bytes.isEmpty {
                // Only the lowest-order component may carry a fraction, so nothing may follow one.
                guard !sawFraction, let number = scanNumber(&bytes), let designator = bytes.popFirst() else {
                    return nil
                }
                let rank: Int, unit: Int64
                switch designator {
                case UInt8(ascii: "H"): (rank, unit) = (0, nanosecondsPerHour)
                case UInt8(ascii: "M"): (rank, unit) = (1, nanosecondsPerMinute)
                case UInt8(ascii: "S"): (rank, unit) = (2, nanosecondsPerSecond)
                default: return nil
                }
                guard rank > lastRank else { return nil }
                lastRank = rank
                total += number.nanoseconds(unit: unit)
                timeComponents += 1
                sawFraction = number.hasFraction
            }
            guard timeComponents > 0 else { return nil }
            components += timeComponents
        }

        guard bytes.isEmpty, components > 0 else { return nil }
        let signed = negative ? -total : total
        guard let value = Int64(exactly: signed) else { return nil }
        return ExactDuration(nanoseconds: value)
    }

    /// A non-negative decimal number read from a duration component.
    private struct ComponentNumber {
        /// The digits before the decimal mark.
        var whole: Int128
        /// The digits after the decimal mark, as an integer.
        var fraction: Int128
        /// How many digits follow the decimal mark (0 when there is no fraction).
        var fractionDigits: Int

        /// Whether the number had a decimal mark.
        var hasFraction: Bool { fractionDigits > 0 }

        /// The number times `unit` nanoseconds; exact because every unit is a multiple of 10^9.
        func nanoseconds(unit: Int64) -> Int128 {
            var divisor: Int128 = 1
            for _ in 0..<fractionDigits { divisor *= 10 }
            return whole * Int128(unit) + fraction * (Int128(unit) / divisor)
        }
    }

    /// Reads `digits[.,digits]`, at most 18 whole digits and 1...9 fraction digits.
    ///
    /// The whole-digit cap keeps every later Int128 product far from overflow; any value that
    /// long would overflow the Int64 result anyway.
    private static func scanNumber(_ bytes: inout Substring.UTF8View.SubSequence) -> ComponentNumber? {
        var number = ComponentNumber(whole: 0, fraction: 0, fractionDigits: 0)
        var wholeDigits = 0
        while let byte = bytes.first, let digit = CivilDate.digitValue(byte) {
            guard wholeDigits < 18 else { return nil }
            number.whole = number.whole * 10 + Int128(digit)
            wholeDigits += 1
            bytes = bytes.dropFirst()
        }
        guard wholeDigits > 0 else { return nil }
        if let mark = bytes.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            while let byte = bytes.first, let digit = CivilDate.digitValue(byte) {
                guard number.fractionDigits < 9 else { return nil }
                number.fraction = number.fraction * 10 + Int128(digit)
                number.fractionDigits += 1
                bytes = bytes.dropFirst()
            }
            guard number.fractionDigits > 0 else { return nil }
        }
        return number
    }

    /// The canonical ISO 8601 form: hours, minutes, seconds (hours never folded into days).
    ///
    /// Zero components are left out, zero itself is `PT0S`, a fraction of a second is written
    /// with its trailing zeros removed, and a negative duration has a leading `-`:
    /// `PT2H30M`, `PT100H`, `PT1.5S`, `-PT1H`.
    public var iso8601: String {
        let magnitude = nanoseconds.magnitude
        let perHour = UInt64(ExactDuration.nanosecondsPerHour)
        let perMinute = UInt64(ExactDuration.nanosecondsPerMinute)
        let perSecond = UInt64(ExactDuration.nanosecondsPerSecond)
        let hours = magnitude / perHour
        let minutes = magnitude % perHour / perMinute
        let seconds = magnitude % perMinute / perSecond
        let fraction = magnitude % perSecond

        var text = nanoseconds < 0 ? "-PT" : "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
            text += "\(seconds)"
            text += ExactDuration.fractionSuffix(nanoseconds: fraction)
            text += "S"
        }
        return text
    }

    /// `.` and the fraction of a second without trailing zeros, or "" when it is zero.
    static func fractionSuffix(nanoseconds fraction: UInt64) -> String {
        guard fraction > 0 else { return "" }
        var digits = CivilDate.zeroPadded(Int(fraction), width: 9)
        while digits.last == "0" { digits.removeLast() }
        return "." + digits
    }

    /// The ISO 8601 form, as `iso8601`.
    public var description: String { iso8601 }

    /// Decodes the duration from an ISO 8601 string of exact units.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = ExactDuration.parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected an ISO 8601 duration in days, hours, minutes or seconds such as PT2H30M, got \"\(text)\""
            )
        }
        self = duration
    }

    /// Encodes the duration as its canonical ISO 8601 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
