import Testing
@testable import Clausier

/// Parses an RFC 3339 literal the test knows is valid; records a failure (not a crash) otherwise.
private func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Instant {
    try #require(try? Instant.parseRFC3339(text).get(), "\(text) should parse", sourceLocation: sourceLocation)
}

/// Builds a date the test knows exists.
private func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate.parse(text), "\(text) should parse", sourceLocation: sourceLocation)
}

/// Builds a time the test knows is valid.
private func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TimeOfDay {
    try #require(TimeOfDay.parse(text), "\(text) should parse", sourceLocation: sourceLocation)
}

@Suite("ZoneRule")
struct ZoneRuleTests {
    @Test("zones by identifier")
    func named() {
        #expect(ZoneRule.named("Europe/Paris") == .europeParis)
        #expect(ZoneRule.named("UTC") == .utc)
        #expect(ZoneRule.named("Etc/UTC") == .utc)
        #expect(ZoneRule.named("europe/paris") == nil)
        #expect(ZoneRule.named("Europe/Berlin") == nil)
        #expect(ZoneRule.named("") == nil)
        #expect(ZoneRule.europeParis.rawValue == "Europe/Paris")
    }

    @Test("UTC has a zero offset all year")
    func utcOffset() throws {
        #expect(ZoneRule.utc.offsetSeconds(at: try instant("2025-07-14T10:00:00Z")) == 0)
        #expect(ZoneRule.utc.offsetSeconds(at: try instant("2025-01-14T10:00:00Z")) == 0)
        #expect(ZoneRule.utc.offsetSeconds(at: .min) == 0)
    }

    // Summer time starts on the last Sunday of March at 01:00 UTC and ends on the last Sunday
    // of October at 01:00 UTC. Last Sundays checked on a calendar: 2024: 31 March, 27 October;
    // 2025: 30 March, 26 October; 2026: 29 March, 25 October; 2030: 31 March, 27 October.
    @Test("Paris offset on each side of the switches", arguments: [
        ("2025-03-30T00:59:59Z", 3600), ("2025-03-30T01:00:00Z", 7200),
        ("2025-10-26T00:59:59Z", 7200), ("2025-10-26T01:00:00Z", 3600),
        ("2026-03-29T00:59:59Z", 3600), ("2026-03-29T01:00:00Z", 7200),
        ("2026-10-25T00:59:59Z", 7200), ("2026-10-25T01:00:00Z", 3600),
        ("2024-03-31T00:59:59Z", 3600), ("2024-03-31T01:00:00Z", 7200),
        ("2024-10-27T00:59:59Z", 7200), ("2024-10-27T01:00:00Z", 3600),
        ("2030-03-31T01:00:00Z", 7200), ("2030-10-27T00:59:59Z", 7200), ("2030-10-27T01:00:00Z", 3600),
        // The Sunday before the switch is still winter time, the one after is summer time.
        ("2025-03-23T12:00:00Z", 3600), ("2025-10-19T12:00:00Z", 7200), ("2025-11-02T12:00:00Z", 3600),
        ("2025-01-01T00:00:00Z", 3600), ("2025-07-14T10:00:00Z", 7200), ("2025-12-31T23:59:59Z", 3600),
    ])
    func parisOffsets(text: String, expected: Int) throws {
        #expect(ZoneRule.europeParis.offsetSeconds(at: try instant(text)) == expected)
    }

    @Test("fractions of a second just before a switch keep the old offset")
    func subsecondBoundary() throws {
        let switchInstant = try instant("2025-03-30T01:00:00Z")
        let justBefore = try #require(switchInstant.adding(ExactDuration(nanoseconds: -1)))
        #expect(ZoneRule.europeParis.offsetSeconds(at: justBefore) == 3600)
        #expect(ZoneRule.europeParis.offsetSeconds(at: switchInstant) == 7200)
    }

    @Test("the EU rule is also applied before 1996 (documented limitation)")
    func historicalLimitation() throws {
        // France had no summer time in 1950; the engine applies today's rule to every year.
        #expect(ZoneRule.europeParis.offsetSeconds(at: try instant("1950-07-01T12:00:00Z")) == 7200)
        // Last Sunday of March 1990 was the 25th.
        #expect(ZoneRule.europeParis.offsetSeconds(at: try instant("1990-03-25T00:59:59Z")) == 3600)
        #expect(ZoneRule.europeParis.offsetSeconds(at: try instant("1990-03-25T01:00:00Z")) == 7200)
    }

    @Test("local date and time of an instant")
    func localDateAndTime() throws {
        let newYear = try instant("2025-12-31T23:30:00Z")
        // 23:30 UTC + 1 h (CET) = 00:30 the next day.
        #expect(ZoneRule.europeParis.localDate(of: newYear) == (try date("2026-01-01")))
        #expect(ZoneRule.europeParis.localTime(of: newYear) == (try time("00:30")))
        #expect(ZoneRule.utc.localDate(of: newYear) == (try date("2025-12-31")))
        #expect(ZoneRule.utc.localTime(of: newYear) == (try time("23:30")))

        let summer = try instant("2025-07-14T22:15:30Z")
        // 22:15:30 UTC + 2 h (CEST) = 00:15:30 on 15 July.
        #expect(ZoneRule.europeParis.localDate(of: summer) == (try date("2025-07-15")))
        #expect(ZoneRule.europeParis.localTime(of: summer) == (try time("00:15:30")))

        let springGap = try instant("2025-03-30T01:00:00Z")
        #expect(ZoneRule.europeParis.localTime(of: springGap) == (try time("03:00")))
        let autumnRepeat = try instant("2025-10-26T01:00:00Z")
        #expect(ZoneRule.europeParis.localTime(of: autumnRepeat) == (try time("02:00")))
    }

    @Test("instants before the epoch floor to the right local second")
    func beforeEpoch() throws {
        // 1969-12-31T22:59:59.5Z + 1 h = 23:59:59.5 local, truncated to 23:59:59.
        let value = Instant(nanosecondsSinceEpoch: -3_600_500_000_000)
        #expect(ZoneRule.europeParis.localDate(of: value) == (try date("1969-12-31")))
        #expect(ZoneRule.europeParis.localTime(of: value) == (try time("23:59:59")))
        let midnight = Instant(nanosecondsSinceEpoch: -3_600_000_000_000)
        #expect(ZoneRule.europeParis.localDate(of: midnight) == (try date("1970-01-01")))
        #expect(ZoneRule.europeParis.localTime(of: midnight) == .midnight)
    }

    @Test("local wall time to instant, including the gap and the overlap", arguments: [
        ("2025-03-07", "22:15", "2025-03-07T21:15:00Z"),
        ("2025-07-14", "12:00", "2025-07-14T10:00:00Z"),
        ("2026-01-01", "00:30", "2025-12-31T23:30:00Z"),
        // Spring forward: 01:59:59 is the last CET second, 02:00-02:59 do not exist and are
        // moved forward one hour (02:30 -> 03:30 CEST = 01:30Z), 03:00 is CEST.
        ("2025-03-30", "01:59:59", "2025-03-30T00:59:59Z"),
        ("2025-03-30", "02:00", "2025-03-30T01:00:00Z"),
        ("2025-03-30", "02:30", "2025-03-30T01:30:00Z"),
        ("2025-03-30", "02:59:59", "2025-03-30T01:59:59Z"),
        ("2025-03-30", "03:00", "2025-03-30T01:00:00Z"),
        ("2025-03-30", "03:30", "2025-03-30T01:30:00Z"),
        // Fall back: 02:00-02:59 happen twice; the earlier (CEST) instant is chosen.
        ("2025-10-26", "01:59:59", "2025-10-25T23:59:59Z"),
        ("2025-10-26", "02:00", "2025-10-26T00:00:00Z"),
        ("2025-10-26", "02:30", "2025-10-26T00:30:00Z"),
        ("2025-10-26", "02:59:59", "2025-10-26T00:59:59Z"),
        ("2025-10-26", "03:00", "2025-10-26T02:00:00Z"),
    ])
    func wallTimeToInstant(day: String, wall: String, expected: String) throws {
        let result = ZoneRule.europeParis.instant(date: try date(day), time: try time(wall))
        #expect(result == (try instant(expected)))
        #expect(ZoneRule.europeParis.exactInstant(date: try date(day), time: try time(wall)) == result)
    }

    @Test("UTC wall time is the instant itself")
    func utcWallTime() throws {
        let result = ZoneRule.utc.instant(date: try date("2025-03-30"), time: try time("02:30"))
        #expect(result == (try instant("2025-03-30T02:30:00Z")))
    }

    @Test("every hour of 2025 survives instant -> local -> instant, except the repeated autumn hour")
    func roundTripEveryHour() throws {
        let zone = ZoneRule.europeParis
        var value = try instant("2025-01-01T00:00:00Z")
        let end = try instant("2026-01-01T00:00:00Z")
        let hour = try #require(ExactDuration.hours(1))
        // 01:00Z-01:59Z on 26 October read 02:xx CET locally, which maps back to the earlier CEST instant.
        let repeatedStart = try instant("2025-10-26T01:00:00Z")
        let repeatedEnd = try instant("2025-10-26T02:00:00Z")
        var checked = 0
        var mismatches: [String] = []
        while value < end {
            let back = zone.instant(date: zone.localDate(of: value), time: zone.localTime(of: value))
            if value >= repeatedStart && value < repeatedEnd {
                if back != (try #require(value.subtracting(hour))) { mismatches.append(value.description) }
            } else if back != value {
                mismatches.append(value.description)
            }
            checked += 1
            value = try #require(value.adding(hour))
        }
        #expect(checked == 8760)
        #expect(mismatches.isEmpty)
    }

    @Test("dates beyond the Instant span saturate, or are nil when asked exactly")
    func saturation() throws {
        let late = try date("9999-12-31")
        let early = try date("0001-01-01")
        #expect(ZoneRule.europeParis.instant(date: late, time: .midnight) == .max)
        #expect(ZoneRule.europeParis.instant(date: early, time: .midnight) == .min)
        #expect(ZoneRule.utc.exactInstant(date: late, time: .midnight) == nil)
        #expect(ZoneRule.europeParis.exactInstant(date: early, time: .midnight) == nil)
        // Saturated values still sort after / before every parseable instant.
        #expect(ZoneRule.europeParis.instant(date: late, time: .midnight) > (try instant("2200-12-31T23:59:59Z")))
        #expect(ZoneRule.europeParis.instant(date: early, time: .midnight) < (try instant("1900-01-01T00:00:00Z")))
    }

    @Test("extreme instants do not trap")
    func extremes() throws {
        // Instant.max is 2262-04-11T23:47:16.854775807Z (CEST, +2 h: 2262-04-12 01:47:16 local).
        #expect(ZoneRule.europeParis.offsetSeconds(at: .max) == 7200)
        #expect(ZoneRule.europeParis.localDate(of: .max) == (try date("2262-04-12")))
        #expect(ZoneRule.europeParis.localTime(of: .max) == (try time("01:47:16")))
        // Instant.min is 1677-09-21T00:12:43.145224192Z; September is summer time under the
        // rule applied to every year (+2 h).
        #expect(ZoneRule.europeParis.offsetSeconds(at: .min) == 7200)
        #expect(ZoneRule.europeParis.localDate(of: .min) == (try date("1677-09-21")))
        #expect(ZoneRule.europeParis.localTime(of: .min) == (try time("02:12:43")))
    }
}
