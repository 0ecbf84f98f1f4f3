/// A time zone the engine knows, with its offset rules computed in plain integer arithmetic.
///
/// Only the zones the contracts need are supported, so the rules are written out here rather
/// than read from a system time zone database: evaluation must give the same answer on
/// every machine.
public enum ZoneRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Coordinated Universal Time, offset always zero.
    case utc = "UTC"
    /// Metropolitan France: CET (+01:00) in winter, CEST (+02:00) in summer.
    ///
    /// Summer time runs from the last Sunday of March at 01:00 UTC to the last Sunday of
    /// October at 01:00 UTC (EU directive 2000/84/EC, the rule in force since 1996).
    /// Limitation: that rule is applied to every year, so instants before 1996 (when France
    /// switched on other dates, and had no summer time at all from 1946 to 1975) get the
    /// modern offsets, not the historical ones.
    case europeParis = "Europe/Paris"

    /// The zone with this IANA identifier (`UTC`, `Etc/UTC` or `Europe/Paris`), or nil.
    public static func named(_ identifier: String) -> ZoneRule? {
        switch identifier {
        case "UTC", "Etc/UTC": return .utc
        case "Europe/Paris": return .europeParis
        default: return nil
        }
    }

    /// The zone's offset from UTC, in seconds, in force at `instant` (3600 or 7200 for Paris).
    public func offsetSeconds(at instant: Instant) -> Int {
        offsetSeconds(atUTCSeconds: ZoneRule.floorDiv(instant.nanosecondsSinceEpoch, ExactDuration.nanosecondsPerSecond))
    }

    /// The offset in force at a UTC second count since the epoch.
    func offsetSeconds(atUTCSeconds seconds: Int64) -> Int {
        switch self {
        case .utc:
            return 0
        case .europeParis:
            // The switches fall in March and October, far from New Year, so the UTC year is the local year.
            let days = Int(ZoneRule.floorDiv(seconds, 86_400))
            let year = CivilDate.civilFromDays(days).year
            let summerStart = Int64(ZoneRule.lastSunday(year: year, month: 3)) * 86_400 + 3600
            let summerEnd = Int64(ZoneRule.lastSunday(year: year, month: 10)) * 86_400 + 3600
            return seconds >= summerStart && seconds < summerEnd ? 7200 : 3600
        }
    }

    /// The local calendar date at `instant` in this zone.
    public func localDate(of instant: Instant) -> CivilDate {
        let local = localSeconds(of: instant)
        // An Int64 nanosecond count spans under 300 years, so the day count fits Int32.
        return CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: ZoneRule.floorDiv(local, 86_400)))
    }

    /// The local wall-clock time at `instant` in this zone, truncated to the whole second.
    public func localTime(of instant: Instant) -> TimeOfDay {
        TimeOfDay(checkedSeconds: Int(ZoneRule.floorMod(localSeconds(of: instant), 86_400)))
    }

    /// Seconds since the local epoch (1970-01-01T00:00 on this zone's wall clock), rounded down.
    private func localSeconds(of instant: Instant) -> Int64 {
        let utcSeconds = ZoneRule.floorDiv(instant.nanosecondsSinceEpoch, ExactDuration.nanosecondsPerSecond)
        // |utcSeconds| < 9.3e9, so adding at most two hours cannot overflow.
        return utcSeconds + Int64(offsetSeconds(atUTCSeconds: utcSeconds))
    }

    /// The instant at which this zone's clocks show `time` on `date`, saturating outside the `Instant` range.
    ///
    /// Wall times that do not exist or exist twice are resolved as follows (Europe/Paris):
    /// - spring-forward gap (02:00 to 02:59:59 on the last Sunday of March): the time is moved
    ///   forward by one hour, so local 02:30 is 03:30 CEST (01:30 UTC);
    /// - autumn overlap (02:00 to 02:59:59 on the last Sunday of October): the earlier of the two
    ///   instants is chosen, the CEST one, so local 02:30 is 00:30 UTC.
    ///
    /// An `Instant` only spans about 1678 to 2261; a date outside that span gives
    /// `Instant.min` or `Instant.max`, which still order correctly against every instant the
    /// RFC 3339 parser accepts. Use `exactInstant(date:time:)` to get nil instead.
    public func instant(date: CivilDate, time: TimeOfDay) -> Instant {
        if let exact = exactInstant(date: date, time: time) { return exact }
        return date.daysSinceEpoch < 0 ? .min : .max
    }

    /// The instant at which this zone's clocks show `time` on `date`, or nil outside the `Instant` range.
    ///
    /// Gaps and overlaps are resolved as in `instant(date:time:)`.
    public func exactInstant(date: CivilDate, time: TimeOfDay) -> Instant? {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight)
        let utcSeconds: Int64
        switch self {
        case .utc:
            utcSeconds = local
        case .europeParis:
            // Try summer time first so that an ambiguous autumn time resolves to the earlier instant.
            let asSummer = local - 7200
            let asWinter = local - 3600
            if offsetSeconds(atUTCSeconds: asSummer) == 7200 {
                utcSeconds = asSummer
            } else {
                // Either a plain winter time, or a spring gap time, which CET arithmetic
                // (local − 1 h) shifts forward by exactly one hour as documented.
                utcSeconds = asWinter
            }
        }
        let (nanoseconds, overflow) = utcSeconds.multipliedReportingOverflow(by: ExactDuration.nanosecondsPerSecond)
        return overflow ? nil : Instant(nanosecondsSinceEpoch: nanoseconds)
    }

    /// The day count of the last Sunday of a 31-day `month` of `year`.
    private static func lastSunday(year: Int, month: Int) -> Int {
        let lastDay = CivilDate.daysFromCivil(year: year, month: month, day: 31)
        // 0 for Monday ... 6 for Sunday; 1970-01-01 was a Thursday (3).
        let weekdayIndex = CivilDate.floorMod(lastDay + 3, 7)
        return lastDay - (weekdayIndex + 1) % 7
    }

    /// `value / divisor` rounded towards negative infinity (`divisor` > 0).
    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// `value` modulo `divisor`, in 0..<divisor (`divisor` > 0).
    static func floorMod(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
