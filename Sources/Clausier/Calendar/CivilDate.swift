/// A day of the week, numbered as in ISO 8601 (Monday is 1, Sunday is 7).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Monday, ISO day 1.
    case monday = 1
    /// Tuesday, ISO day 2.
    case tuesday = 2
    /// Wednesday, ISO day 3.
    case wednesday = 3
    /// Thursday, ISO day 4.
    case thursday = 4
    /// Friday, ISO day 5.
    case friday = 5
    /// Saturday, ISO day 6.
    case saturday = 6
    /// Sunday, ISO day 7.
    case sunday = 7

    /// Whether the day is Saturday or Sunday.
    public var isWeekend: Bool { rawValue >= 6 }
    /// The day's name as the rule language writes it: `monday` … `sunday`.
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }
}

/// A calendar date without a time or a zone, in the proleptic Gregorian calendar.
///
/// The value is a day count from 1970-01-01, so comparing, hashing and adding days never
/// touch the year/month/day split. Dates built through the checked initialisers and
/// `parse` lie in years 1...9999; `init(daysSinceEpoch:)` accepts any count, and such a
/// date still computes its fields but refuses to encode.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is day 0); negative before it.
    public let daysSinceEpoch: Int32

    /// The day count of 0001-01-01, the first supported date.
    static let minDays: Int = -719_162
    /// The day count of 9999-12-31, the last supported date.
    static let maxDays: Int = 2_932_896

    /// The first supported date, 0001-01-01.
    public static let min = CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: minDays))
    /// The last supported date, 9999-12-31.
    public static let max = CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: maxDays))

    /// Creates a date from a raw day count (1970-01-01 is 0), without a range check.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates the date with these fields, or nil if it does not exist or its year is outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        // The range checks above bound the count well inside Int32.
        self.daysSinceEpoch = Int32(truncatingIfNeeded: CivilDate.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day); nil for anything else
    /// or for a date that does not exist.
    public static func parse(_ text: some StringProtocol) -> CivilDate? {
        // Dates are parsed for every fact and every batch line: scan contiguous UTF-8 in place
        // rather than through the generic string view.
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var year = 0, month = 0, day = 0
        var count = 0
        for byte in bytes {
            switch count {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0...3, 5, 6, 8, 9:
                guard let digit = CivilDate.digitValue(byte) else { return nil }
                if count < 4 {
                    year = year * 10 + digit
                } else if count < 7 {
                    month = month * 10 + digit
                } else {
                    day = day * 10 + digit
                }
            default:
                return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The year, month (1...12) and day (1...31), computed together in one pass.
    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.civilFromDays(Int(daysSinceEpoch))
    }

    /// The year (1...9999 for dates built through the checked initialisers).
    public var year: Int { components.year }

    /// The month, 1...12.
    public var month: Int { components.month }

    /// The day of the month, 1...31.
    public var day: Int { components.day }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday, ISO day 4; `floorMod` keeps dates before it correct.
        let index = CivilDate.floorMod(Int(daysSinceEpoch) + 3, 7)
        return Weekday(rawValue: index + 1) ?? .monday
    }

    /// The date as `YYYY-MM-DD`, for example `2025-03-07`.
    public var description: String {
        let (year, month, day) = components
        var text = year < 0 ? "-" : ""
        text += CivilDate.zeroPadded(Int(year.magnitude), width: 4)
        text += "-"
        text += CivilDate.zeroPadded(month, width: 2)
        text += "-"
        text += CivilDate.zeroPadded(day, width: 2)
        return text
    }

    /// The date `days` days later (earlier when negative), or nil outside years 1...9999.
    public func adding(days: Int) -> CivilDate? {
        let (sum, overflow) = Int(daysSinceEpoch).addingReportingOverflow(days)
        guard !overflow, sum >= CivilDate.minDays, sum <= CivilDate.maxDays else { return nil }
        return CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: sum))
    }

    /// The number of days from this date to `other` (positive when `other` is later).
    public func days(until other: CivilDate) -> Int {
        // Both counts are Int32, so the difference cannot overflow Int.
        Int(other.daysSinceEpoch) - Int(daysSinceEpoch)
    }

    /// Orders dates chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// Decodes the date from its `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected an existing date written YYYY-MM-DD, got \"\(text)\""
            )
        }
        self = date
    }

    /// Encodes the date as its `YYYY-MM-DD` string; throws for a date outside years 1...9999.
    public func encode(to encoder: any Encoder) throws {
        guard Int(daysSinceEpoch) >= CivilDate.minDays, Int(daysSinceEpoch) <= CivilDate.maxDays else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(codingPath: encoder.codingPath,
                                      debugDescription: "date \(description) is outside years 1...9999")
            )
        }
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Shared calendar helpers

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year` (28...31), or 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Howard Hinnant's `days_from_civil`; callers keep the fields in range so Int cannot overflow.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's `civil_from_days`; exact for any Int32 day count.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The remainder of `value / divisor` taken towards negative infinity (`divisor` > 0).
    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        let r = value % divisor
        return r < 0 ? r + divisor : r
    }

    /// The value of an ASCII decimal digit, or nil for any other byte.
    static func digitValue(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte &- UInt8(ascii: "0")) : nil
    }

    /// `value` (non-negative) in decimal, left-padded with zeros to `width` digits.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
