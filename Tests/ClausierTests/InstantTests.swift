import Foundation
import Testing
@testable import Clausier

/// Parses an RFC 3339 literal the test knows is valid.
private func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Instant {
    try #require(try? Instant.parseRFC3339(text).get(), "\(text) should parse", sourceLocation: sourceLocation)
}

/// Parses an ISO 8601 duration literal the test knows is valid.
private func duration(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExactDuration {
    try #require(ExactDuration.parseISO8601(text), "\(text) should parse", sourceLocation: sourceLocation)
}

/// One second in nanoseconds.
private let second: Int64 = 1_000_000_000

@Suite("Instant")
struct InstantTests {
    // 2025-03-07 is day 20154 (see CivilDateTests): 20154 × 86400 = 1741305600 s at midnight UTC;
    // 22:15+01:00 is 21:15Z = 76500 s later: 1741382100 s.
    @Test("parse the catalogue example and its equivalent spellings")
    func parseEquivalents() throws {
        let expected = Instant(nanosecondsSinceEpoch: 1_741_382_100 * second)
        #expect(try instant("2025-03-07T22:15:00+01:00") == expected)
        #expect(try instant("2025-03-07T21:15:00Z") == expected)
        #expect(try instant("2025-03-07t21:15:00z") == expected)
        #expect(try instant("2025-03-07T21:15:00+00:00") == expected)
        #expect(try instant("2025-03-07T21:15:00-00:00") == expected)
        #expect(try instant("2025-03-07T16:15:00-05:00") == expected)
        #expect(try instant("2025-03-08T06:45:00+09:30") == expected)
    }

    @Test("fractions of a second")
    func fractions() throws {
        let base: Int64 = 1_741_382_100 * second
        #expect(try instant("2025-03-07T22:15:00.5+01:00").nanosecondsSinceEpoch == base + 500_000_000)
        #expect(try instant("2025-03-07T22:15:00.000000001+01:00").nanosecondsSinceEpoch == base + 1)
        #expect(try instant("2025-03-07T22:15:00.123456789Z").nanosecondsSinceEpoch == base + 3600 * second + 123_456_789)
    }

    @Test("supported year span 1900...2200")
    func yearSpan() throws {
        // Python / `date -d`: 1900-01-01T00:00:00Z = −2208988800 s; 2200-12-31T23:59:59Z = 7289654399 s.
        #expect(try instant("1900-01-01T00:00:00Z").nanosecondsSinceEpoch == -2_208_988_800 * second)
        #expect(try instant("2200-12-31T23:59:59Z").nanosecondsSinceEpoch == 7_289_654_399 * second)
        #expect(Instant.parseRFC3339("1899-12-31T23:59:59Z") == .failure(.outOfRange))
        #expect(Instant.parseRFC3339("2201-01-01T00:00:00Z") == .failure(.outOfRange))
        #expect(Instant.parseRFC3339("0001-01-01T00:00:00Z") == .failure(.outOfRange))
        #expect(Instant.parseRFC3339("9999-12-31T23:59:59+01:00") == .failure(.outOfRange))
    }

    @Test("a missing offset is its own error, with a hint")
    func missingOffset() {
        let result = Instant.parseRFC3339("2025-03-07T22:15:00")
        #expect(result == .failure(.missingOffset))
        #expect(InstantParseError.missingOffset.message.contains("add an offset such as +01:00 or Z"))
        #expect(Instant.parseRFC3339("2025-03-07T22:15:00.5") == .failure(.missingOffset))
    }

    @Test("malformed or impossible datetimes are invalid", arguments: [
        "", "2025-03-07", "2025-02-30T10:00:00+01:00", "2023-02-29T10:00:00Z", "2025-03-07T25:00:00+01:00",
        "2025-03-07T24:00:00Z", "2025-03-07T22:60:00Z", "2025-03-07T22:15:60Z", "2025-03-07T22:15:00+1:00",
        "2025-03-07T22:15:00+0100", "2025-03-07T22:15:00+01", "2025-03-07T22:15:00+24:00",
        "2025-03-07T22:15:00+01:60", "2025-03-07T22:15+01:00", "2025-03-07 22:15:00+01:00",
        "2025-03-07T22:15:00.+01:00", "2025-03-07T22:15:00.1234567891Z", "2025-03-07T22:15:00Z ",
        " 2025-03-07T22:15:00Z", "2025-03-07T22:15:00ZZ", "2025-03-07T22:15:00UTC", "2025-3-07T22:15:00Z",
        "2025-03-07T2:15:00Z", "2025-03-07T22:15:00+01:00:00", "2025-03-07T22:15:00 +01:00",
        "2025-03-07X22:15:00Z", "２025-03-07T22:15:00Z",
    ])
    func invalid(text: String) {
        let result = Instant.parseRFC3339(text)
        guard case .failure(.invalid(let message)) = result else {
            Issue.record("\(text) gave \(result), expected .invalid")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test("invalid messages name the faulty part")
    func messages() {
        #expect(Instant.parseRFC3339("2025-02-30T10:00:00+01:00") == .failure(.invalid("the date 2025-02-30 does not exist")))
        guard case .failure(.invalid(let offsetMessage)) = Instant.parseRFC3339("2025-03-07T22:15:00+1:00") else {
            Issue.record("expected .invalid")
            return
        }
        #expect(offsetMessage.contains("+HH:MM"))
        guard case .failure(.invalid(let timeMessage)) = Instant.parseRFC3339("2025-03-07T25:00:00+01:00") else {
            Issue.record("expected .invalid")
            return
        }
        #expect(timeMessage.contains("25:00:00"))
    }

    @Test("formatted in a zone uses that zone's offset at the instant")
    func formatting() throws {
        let winter = try instant("2025-03-07T21:15:00Z")
        #expect(winter.formatted(in: .europeParis) == "2025-03-07T22:15:00+01:00")
        #expect(winter.formatted(in: .utc) == "2025-03-07T21:15:00Z")
        let summer = try instant("2025-07-14T10:00:00Z")
        #expect(summer.formatted(in: .europeParis) == "2025-07-14T12:00:00+02:00")
        let half = try instant("2025-03-07T22:15:00.5+01:00")
        #expect(half.formatted(in: .europeParis) == "2025-03-07T22:15:00.5+01:00")
        let nano = try instant("2025-03-07T22:15:00.000000001+01:00")
        #expect(nano.formatted(in: .europeParis) == "2025-03-07T22:15:00.000000001+01:00")
        // The repeated autumn hour: 00:30Z is 02:30+02:00, 01:30Z is 02:30+01:00.
        #expect(try instant("2025-10-26T00:30:00Z").formatted(in: .europeParis) == "2025-10-26T02:30:00+02:00")
        #expect(try instant("2025-10-26T01:30:00Z").formatted(in: .europeParis) == "2025-10-26T02:30:00+01:00")
        // Half a second before the epoch: floor, not truncation, of the negative count.
        let beforeEpoch = Instant(nanosecondsSinceEpoch: -500_000_000)
        #expect(beforeEpoch.formatted(in: .utc) == "1969-12-31T23:59:59.5Z")
        #expect(beforeEpoch.description == "1969-12-31T23:59:59.5Z")
        #expect(Instant.max.formatted(in: .utc) == "2262-04-11T23:47:16.854775807Z")
        #expect(Instant.min.formatted(in: .utc) == "1677-09-21T00:12:43.145224192Z")
    }

    @Test("RFC 3339 round trip", arguments: [
        "2025-03-07T22:15:00+01:00", "2025-07-14T12:00:00+02:00", "2025-03-07T22:15:00.5+01:00",
        "2025-03-30T03:00:00+02:00", "2025-10-26T02:00:00+01:00", "2026-01-01T00:30:00+01:00",
        "1900-01-01T01:00:00+01:00", "2200-12-31T23:59:59.999999999+01:00",
    ])
    func roundTrip(text: String) throws {
        #expect(try instant(text).formatted(in: .europeParis) == text)
    }

    @Test("adding durations and measuring between instants")
    func arithmetic() throws {
        // suivi-pro breach: discovered Friday 28 March 10:00 CET + 72 h crosses the spring
        // switch: 09:00Z + 72 h = Monday 31 March 09:00Z = 11:00 CEST.
        let discovered = try instant("2025-03-28T10:00:00+01:00")
        let seventyTwoHours = try #require(ExactDuration.hours(72))
        let deadline = try #require(discovered.adding(seventyTwoHours))
        #expect(deadline.formatted(in: .europeParis) == "2025-03-31T11:00:00+02:00")
        #expect(deadline.duration(since: discovered) == ExactDuration.hours(72))
        #expect(discovered.duration(since: deadline) == ExactDuration.hours(-72))
        #expect(deadline.subtracting(seventyTwoHours) == discovered)

        let recorded = try instant("2025-03-07T10:00:00+01:00")
        let closed = try instant("2025-03-07T12:30:00+01:00")
        #expect(closed.duration(since: recorded)?.iso8601 == "PT2H30M")
    }

    @Test("overflowing arithmetic is nil")
    func overflow() {
        #expect(Instant.max.adding(ExactDuration(nanoseconds: 1)) == nil)
        #expect(Instant.min.adding(ExactDuration(nanoseconds: -1)) == nil)
        #expect(Instant.min.subtracting(ExactDuration(nanoseconds: 1)) == nil)
        #expect(Instant.max.duration(since: .min) == nil)
        #expect(Instant.min.duration(since: .max) == nil)
        #expect(Instant.max.adding(.zero) == .max)
    }

    @Test("Codable writes RFC 3339 in UTC and reads any offset")
    func codable() throws {
        let value = try instant("2025-03-07T22:15:00+01:00")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-03-07T21:15:00Z\"]")
        let decoded = try JSONDecoder().decode([Instant].self, from: Data("[\"2025-03-07T22:15:00+01:00\"]".utf8))
        #expect(decoded == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Instant].self, from: Data("[\"2025-03-07T22:15:00\"]".utf8))
        }
    }
}

@Suite("ExactDuration")
struct ExactDurationTests {
    @Test("parse exact ISO 8601 durations", arguments: [
        ("PT2H30M", 9_000 * second),           // 2 × 3600 + 30 × 60
        ("PT45S", 45 * second),
        ("PT1.5S", 1_500_000_000),
        ("PT1,5S", 1_500_000_000),
        ("P1DT2H", 26 * 3_600 * second),       // a day is exactly 24 h
        ("-PT1H", -3_600 * second),
        ("P7D", 604_800 * second),             // 7 × 86400
        ("P1W", 604_800 * second),
        ("PT72H", 259_200 * second),
        ("PT0.25H", 900 * second),             // a quarter of an hour
        ("PT1.5M", 90 * second),
        ("P1.5D", 129_600 * second),           // 36 h
        ("PT0S", 0),
        ("-PT0S", 0),
        ("PT0.000000001S", 1),
        ("PT100H", 360_000 * second),
        ("PT1H0.5S", 3_600 * second + 500_000_000),
        ("P0D", 0),
        // The largest and smallest values: Int64.max ns = 9223372036.854775807 s
        // = 2562047 h (9223369200 s) + 2836 s = 47 min 16 s.
        ("PT2562047H47M16.854775807S", Int64.max),
        ("-PT2562047H47M16.854775808S", Int64.min),
    ] as [(String, Int64)])
    func parse(text: String, nanoseconds: Int64) {
        #expect(ExactDuration.parseISO8601(text) == ExactDuration(nanoseconds: nanoseconds))
    }

    @Test("parse rejects calendar units and malformed text", arguments: [
        "", "P", "PT", "P1M", "P1Y", "P1Y2M", "P1DT", "PT1H2H", "PT1M1H", "PT1S1M", "PT1.5H30M",
        "pt1h", "PT1h", "PT1.S", "PT.5S", "PT1.1234567891S", "P1W1D", "P1WT1H", "+PT1H", "PT-1H",
        "--PT1H", "PT1H ", " PT1H", "P1.5DT1H", "PT1", "1H", "T1H", "PTH", "P1D1D", "PT2562048H",
        "PT2562047H47M16.854775808S", "PT9999999999999999999H", "P1DT2H30M1S5", "PT1H30",
        "P１D", "PT1_000S",
    ])
    func parseRejects(text: String) {
        #expect(ExactDuration.parseISO8601(text) == nil)
    }

    @Test("canonical ISO 8601 form", arguments: [
        (9_000 * second, "PT2H30M"),
        (0, "PT0S"),
        (3_599 * second, "PT59M59S"),
        (360_000 * second, "PT100H"),          // hours are not folded into days
        (1_500_000_000, "PT1.5S"),
        (-3_600 * second, "-PT1H"),
        (1, "PT0.000000001S"),
        (3_600 * second + 500_000_000, "PT1H0.5S"),
        (90 * second, "PT1M30S"),
        (3_601 * second, "PT1H1S"),
        (-1_500_000_000, "-PT1.5S"),
        (Int64.min, "-PT2562047H47M16.854775808S"),
        (Int64.max, "PT2562047H47M16.854775807S"),
    ] as [(Int64, String)])
    func canonical(nanoseconds: Int64, expected: String) {
        let value = ExactDuration(nanoseconds: nanoseconds)
        #expect(value.iso8601 == expected)
        #expect(value.description == expected)
        #expect(ExactDuration.parseISO8601(expected) == value)
    }

    @Test("P7D is written in hours")
    func daysNormalise() throws {
        #expect(try duration("P7D").iso8601 == "PT168H")
        #expect(try duration("P1DT2H").iso8601 == "PT26H")
    }

    @Test("unit constructors are checked")
    func constructors() {
        #expect(ExactDuration.seconds(45)?.nanoseconds == 45 * second)
        #expect(ExactDuration.minutes(90)?.iso8601 == "PT1H30M")
        #expect(ExactDuration.hours(72)?.nanoseconds == 259_200 * second)
        #expect(ExactDuration.days(1) == ExactDuration.hours(24))
        #expect(ExactDuration.hours(-1)?.iso8601 == "-PT1H")
        // Int64.max ns = 9223372036.85… s.
        #expect(ExactDuration.seconds(9_223_372_036) != nil)
        #expect(ExactDuration.seconds(9_223_372_037) == nil)
        #expect(ExactDuration.hours(Int.max) == nil)
        #expect(ExactDuration.minutes(Int.min) == nil)
        #expect(ExactDuration.days(106_752) == nil)  // 106752 × 86400 s > 9223372036 s
        #expect(ExactDuration.days(106_751) != nil)
    }

    @Test("checked sums, differences and negation")
    func arithmetic() throws {
        let hour = try duration("PT1H")
        let halfHour = try duration("PT30M")
        #expect(hour.adding(halfHour)?.iso8601 == "PT1H30M")
        #expect(halfHour.subtracting(hour)?.iso8601 == "-PT30M")
        #expect(hour.negated?.iso8601 == "-PT1H")
        #expect(hour.negated?.isNegative == true)
        #expect(!hour.isNegative)
        #expect(ExactDuration(nanoseconds: .min).negated == nil)
        #expect(ExactDuration(nanoseconds: .max).adding(ExactDuration(nanoseconds: 1)) == nil)
        #expect(ExactDuration(nanoseconds: .min).subtracting(ExactDuration(nanoseconds: 1)) == nil)
        #expect(halfHour < hour)
        #expect(try duration("-PT1H") < ExactDuration.zero)
    }

    @Test("Codable uses the ISO string")
    func codable() throws {
        let data = try JSONEncoder().encode([try duration("P1DT2H")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"PT26H\"]")
        #expect(try JSONDecoder().decode([ExactDuration].self, from: Data("[\"PT2H30M\"]".utf8)) == [try duration("PT2H30M")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ExactDuration].self, from: Data("[\"P1M\"]".utf8))
        }
    }
}
