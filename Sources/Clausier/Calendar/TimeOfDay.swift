/// A wall-clock time of day to the second, on a 24-hour clock, without a date or a zone.
///
/// Leap seconds and `24:00` are not representable: a time is one of the 86,400 seconds of
/// an ordinary day.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since midnight, 0..<86400.
    public let secondsSinceMidnight: Int32

    /// Midnight, `00:00`.
    public static let midnight = TimeOfDay(checkedSeconds: 0)

    /// Creates the time from its fields, or nil if any is out of range (hour 0...23, minute and second 0...59).
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.secondsSinceMidnight = Int32(truncatingIfNeeded: hour * 3600 + minute * 60 + second)
    }

    /// Creates the time from a second count, or nil outside 0..<86400.
    public init?(secondsSinceMidnight: Int) {
        guard (0..<86_400).contains(secondsSinceMidnight) else { return nil }
        self.secondsSinceMidnight = Int32(truncatingIfNeeded: secondsSinceMidnight)
    }

    /// The time of a literal of generated code, written from a valid time; a count outside
    /// 0..<86400 is clamped into it, so this never traps.
    public init(literalSeconds seconds: Int) {
        self.init(checkedSeconds: min(max(seconds, 0), 86_399))
    }

    /// Builds a value the caller has already range-checked.
    init(checkedSeconds: Int) {
        self.secondsSinceMidnight = Int32(truncatingIfNeeded: checkedSeconds)
    }

    /// Parses `HH:MM` or `HH:MM:SS` (exactly two digits each, 24-hour clock); nil for anything else.
    public static func parse(_ text: some StringProtocol) -> TimeOfDay? {
        var fields = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 2, 5:
                guard byte == UInt8(ascii: ":") else { return nil }
            case 0, 1, 3, 4, 6, 7:
                guard let digit = CivilDate.digitValue(byte) else { return nil }
                switch count {
                case 0, 1: fields.0 = fields.0 * 10 + digit
                case 3, 4: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
            default:
                return nil
            }
            count += 1
        }
        guard count == 5 || count == 8 else { return nil }
        return TimeOfDay(hour: fields.0, minute: fields.1, second: fields.2)
    }

    /// The hour, 0...23.
    public var hour: Int { Int(secondsSinceMidnight) / 3600 }

    /// The minute, 0...59.
    public var minute: Int { Int(secondsSinceMidnight) % 3600 / 60 }

    /// The second, 0...59.
    public var second: Int { Int(secondsSinceMidnight) % 60 }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero (`09:00`, `09:00:30`).
    public var description: String {
        second == 0 ? hourMinute : hourMinuteSecond
    }

    /// `HH:MM`, ignoring the seconds.
    var hourMinute: String {
        CivilDate.zeroPadded(hour, width: 2) + ":" + CivilDate.zeroPadded(minute, width: 2)
    }

    /// `HH:MM:SS`, always with the seconds (the form RFC 3339 needs).
    var hourMinuteSecond: String {
        hourMinute + ":" + CivilDate.zeroPadded(second, width: 2)
    }

    /// Orders times from midnight onwards.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// Decodes the time from its `HH:MM` or `HH:MM:SS` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a time written HH:MM or HH:MM:SS (24-hour clock), got \"\(text)\""
            )
        }
        self = time
    }

    /// Encodes the time as its description string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
