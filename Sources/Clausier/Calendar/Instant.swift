/// Why an RFC 3339 datetime was rejected.
public enum InstantParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The datetime has no UTC offset, so the instant it names is unknown.
    case missingOffset
    /// The text is not an RFC 3339 datetime or names a date or time that does not exist; the message says which part.
    case invalid(String)
    /// The year lies outside the supported span 1900...2200.
    case outOfRange

    /// A message for the person who wrote the value.
    public var message: String {
        switch self {
        case .missingOffset:
            return "the datetime has no UTC offset: add an offset such as +01:00 or Z"
        case .invalid(let detail):
            return detail
        case .outOfRange:
            return "the datetime's year must be between 1900 and 2200"
        }
    }

    /// The message, as `message`.
    public var description: String { message }
}

/// A point in time, as nanoseconds since 1970-01-01T00:00:00Z, independent of any zone.
///
/// The Int64 count spans roughly 1678 to 2261; leap seconds are not counted (POSIX time).
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z, negative before it.
    public let nanosecondsSinceEpoch: Int64

    /// The earliest representable instant (1677-09-21T00:12:43.145224192Z).
    public static let min = Instant(nanosecondsSinceEpoch: .min)
    /// The latest representable instant (2262-04-11T23:47:16.854775807Z).
    public static let max = Instant(nanosecondsSinceEpoch: .max)

    /// Creates the instant `nanosecondsSinceEpoch` nanoseconds after 1970-01-01T00:00:00Z.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The instant `duration` later (earlier when negative), or nil on overflow.
    public func adding(_ duration: ExactDuration) -> Instant? {
        let (sum, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(duration.nanoseconds)
        return overflow ? nil : Instant(nanosecondsSinceEpoch: sum)
    }

    /// The instant `duration` earlier (later when negative), or nil on overflow.
    public func subtracting(_ duration: ExactDuration) -> Instant? {
        let (difference, overflow) = nanosecondsSinceEpoch.subtractingReportingOverflow(duration.nanoseconds)
        return overflow ? nil : Instant(nanosecondsSinceEpoch: difference)
    }

    /// The time elapsed from `earlier` to this instant (negative if `earlier` is later), or nil on overflow.
    public func duration(since earlier: Instant) -> ExactDuration? {
        let (difference, overflow) = nanosecondsSinceEpoch.subtractingReportingOverflow(earlier.nanosecondsSinceEpoch)
        return overflow ? nil : ExactDuration(nanoseconds: difference)
    }

    /// Orders instants chronologically.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    // MARK: - RFC 3339

    /// Parses an RFC 3339 datetime, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    ///
    /// `t` and `z` may be lower case; the fraction has 1 to 9 digits; the offset is required
    /// (`.missingOffset` without one). Leap seconds (`:60`), a space instead of `T`, and a
    /// time without seconds are rejected as `.invalid`, as is a date that does not exist.
    /// Years outside 1900...2200 give `.outOfRange`.
    public static func parseRFC3339(_ text: some StringProtocol) -> Result<Instant, InstantParseError> {
        // Facts are parsed on every query: scan contiguous UTF-8 in place rather than through
        // String's generic index machinery.
        if let result = text.utf8.withContiguousStorageIfAvailable({ parseRFC3339(bytes: $0) }) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { parseRFC3339(bytes: $0) }
    }

    static func parseRFC3339(bytes: UnsafeBufferPointer<UInt8>) -> Result<Instant, InstantParseError> {
        let shape = "expected a datetime such as 2025-03-07T22:15:00+01:00"
        var scanner = Scanner(bytes: bytes)

        guard let year = scanner.digits(4), scanner.take("-"),
              let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2)
        else { return .failure(.invalid("\(shape): the date must be written YYYY-MM-DD")) }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            return .failure(.invalid("the date \(CivilDate.zeroPadded(year, width: 4))-\(CivilDate.zeroPadded(month, width: 2))-\(CivilDate.zeroPadded(day, width: 2)) does not exist"))
        }
        guard scanner.take("T") || scanner.take("t") else {
            return .failure(.invalid("\(shape): put a T between the date and the time"))
        }
        guard let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2) else {
            return .failure(.invalid("\(shape): the time must be written HH:MM:SS"))
        }
        guard scanner.take(":"), let second = scanner.digits(2) else {
            return .failure(.invalid("\(shape): the time needs seconds, written HH:MM:SS"))
        }
        guard let time = TimeOfDay(hour: hour, minute: minute, second: second) else {
            return .failure(.invalid("the time \(CivilDate.zeroPadded(hour, width: 2)):\(CivilDate.zeroPadded(minute, width: 2)):\(CivilDate.zeroPadded(second, width: 2)) does not exist (hours 00-23, minutes and seconds 00-59)"))
        }

        var fraction: Int64 = 0
        if scanner.take(".") {
            var count = 0
            while let digit = scanner.digit() {
                guard count < 9 else {
                    return .failure(.invalid("the fraction of a second has more than 9 digits"))
                }
                fraction = fraction * 10 + Int64(digit)
                count += 1
            }
            guard count > 0 else {
                return .failure(.invalid("\(shape): a decimal point must be followed by digits"))
            }
            for _ in count..<9 { fraction *= 10 }
        }

        let offsetSeconds: Int64
        if scanner.isAtEnd {
            return .failure(.missingOffset)
        } else if scanner.take("Z") || scanner.take("z") {
            offsetSeconds = 0
        } else if let sign: Int64 = scanner.take("+") ? 1 : (scanner.take("-") ? -1 : nil) {
            guard let offsetHour = scanner.digits(2), scanner.take(":"), let offsetMinute = scanner.digits(2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return .failure(.invalid("the offset must be Z or written +HH:MM or -HH:MM, such as +01:00")) }
            offsetSeconds = sign * Int64(offsetHour * 3600 + offsetMinute * 60)
        } else {
            return .failure(.invalid("the offset must be Z or written +HH:MM or -HH:MM, such as +01:00"))
        }
        guard scanner.isAtEnd else {
            return .failure(.invalid("\(shape): unexpected text after the offset"))
        }
        guard (1900...2200).contains(year) else { return .failure(.outOfRange) }

        // Years 1900...2200 keep every step far inside Int64.
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight) - offsetSeconds
        return .success(Instant(nanosecondsSinceEpoch: seconds * ExactDuration.nanosecondsPerSecond + fraction))
    }

    /// Reads ASCII fields from the front of a UTF-8 view without allocating.
    private struct Scanner {
        /// The text's bytes.
        let bytes: UnsafeBufferPointer<UInt8>
        /// The next byte to read.
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Whether every byte has been read.
        var isAtEnd: Bool { index >= bytes.count }

        /// Consumes `character` if it comes next.
        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Consumes one decimal digit if one comes next.
        mutating func digit() -> Int? {
            guard index < bytes.count, let value = CivilDate.digitValue(bytes[index]) else { return nil }
            index += 1
            return value
        }

        /// Consumes exactly `count` decimal digits, or nothing if fewer come next.
        mutating func digits(_ count: Int) -> Int? {
            let saved = index
            var value = 0
            for _ in 0..<count {
                guard let next = digit() else {
                    index = saved
                    return nil
                }
                value = value * 10 + next
            }
            return value
        }
    }

    /// The instant as RFC 3339 on `zone`'s wall clock, with the offset in force then.
    ///
    /// The fraction of a second appears only when it is not zero, without trailing zeros.
    /// UTC is written with `Z`; other zones with `±HH:MM`: `2025-03-07T22:15:00+01:00`.
    public func formatted(in zone: ZoneRule) -> String {
        let offset = zone.offsetSeconds(at: self)
        let perSecond = ExactDuration.nanosecondsPerSecond
        let utcSeconds = ZoneRule.floorDiv(nanosecondsSinceEpoch, perSecond)
        let fraction = ZoneRule.floorMod(nanosecondsSinceEpoch, perSecond)
        // |utcSeconds| < 9.3e9, so adding the offset cannot overflow.
        let localSeconds = utcSeconds + Int64(offset)
        let date = CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: ZoneRule.floorDiv(localSeconds, 86_400)))
        let time = TimeOfDay(checkedSeconds: Int(ZoneRule.floorMod(localSeconds, 86_400)))

        var text = date.description + "T" + time.hourMinuteSecond
        text += ExactDuration.fractionSuffix(nanoseconds: UInt64(truncatingIfNeeded: fraction))
        if zone == .utc {
            text += "Z"
        } else {
            let magnitude = offset.magnitude
            text += offset < 0 ? "-" : "+"
            text += CivilDate.zeroPadded(Int(magnitude / 3600), width: 2)
            text += ":"
            text += CivilDate.zeroPadded(Int(magnitude % 3600 / 60), width: 2)
        }
        return text
    }

    /// The instant in RFC 3339, in UTC.
    public var description: String { formatted(in: .utc) }

    /// Decodes the instant from an RFC 3339 string with an offset.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Instant.parseRFC3339(text) {
        case .success(let instant):
            self = instant
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\": \(error.message)")
        }
    }

    /// Encodes the instant as an RFC 3339 string in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted(in: .utc))
    }
}
