/// Contract calendar arithmetic: calendar months, business days and jours francs.
///
/// Every operation returns nil rather than leave years 1...9999, so hostile counts never trap.
extension CivilDate {
    /// The largest business-day count `adding(businessDays:in:)` accepts (about 380 years).
    public static let maximumBusinessDayCount = 100_000

    /// The same day `months` calendar months later (earlier when negative), clamped to the target month's last day.
    ///
    /// 2025-01-31 + 1 month = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29;
    /// 2025-03-31 − 1 month = 2025-02-28. Nil outside years 1...9999.
    public func adding(months: Int) -> CivilDate? {
        let (year, month, day) = components
        // Months counted from January of year 0; the year is at most 9999, so this cannot overflow.
        let start = year * 12 + (month - 1)
        let (target, overflow) = start.addingReportingOverflow(months)
        guard !overflow else { return nil }
        let targetYear = target >= 0 ? target / 12 : (target - 11) / 12
        let targetMonth = target - targetYear * 12 + 1
        let lastDay = CivilDate.daysInMonth(year: targetYear, month: targetMonth)
        return CivilDate(year: targetYear, month: targetMonth, day: Swift.min(day, lastDay))
    }

    /// The same day `years` years later (earlier when negative): `12 × years` months, clamped.
    ///
    /// 2024-02-29 + 1 year = 2025-02-28. Nil outside years 1...9999.
    public func adding(years: Int) -> CivilDate? {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return overflow ? nil : adding(months: months)
    }

    /// The last day of this date's month.
    public var endOfMonth: CivilDate {
        let (year, month, day) = components
        return CivilDate(daysSinceEpoch: daysSinceEpoch &+ Int32(truncatingIfNeeded: CivilDate.daysInMonth(year: year, month: month) - day))
    }

    /// The calendar quarter of this date, 1 (January to March) ... 4 (October to December).
    public var quarter: Int {
        (month - 1) / 3 + 1
    }

    /// The `n`-th business day strictly after this date (before it when `n` < 0).
    ///
    /// This date itself is never counted, even when it is a business day, and `n == 0` returns
    /// it unchanged. Thursday 2025-04-17 + 8 business days = 2025-04-30 (Easter Monday
    /// skipped; Good Friday counts). Nil when `|n|` exceeds `maximumBusinessDayCount` or the
    /// result would leave years 1...9999.
    public func adding(businessDays n: Int, in calendar: HolidayCalendar) -> CivilDate? {
        guard n.magnitude <= UInt(CivilDate.maximumBusinessDayCount) else { return nil }
        let step = n < 0 ? -1 : 1
        var remaining = Int(n.magnitude)
        var date = self
        // Terminates: at most two weekend days and a few holidays separate business days.
        while remaining > 0 {
            guard let next = date.adding(days: step) else { return nil }
            date = next
            if calendar.isBusinessDay(date) { remaining -= 1 }
        }
        return date
    }

    /// The deadline `n` jours francs after this date (the day of the event), or nil.
    ///
    /// The event day is not counted: the deadline is this date + `n` calendar days, then moved
    /// to the next day that is not a Saturday, Sunday or holiday. 2025-05-01 + 7 = 2025-05-09
    /// (8 May is a holiday); 2025-11-01 + 7 = 2025-11-10. A jours-francs period only runs
    /// forward, so a negative `n` gives nil, as does a result outside years 1...9999.
    public func adding(joursFrancs n: Int, in calendar: HolidayCalendar) -> CivilDate? {
        guard n >= 0, var date = adding(days: n) else { return nil }
        while !calendar.isBusinessDay(date) {
            guard let next = date.adding(days: 1) else { return nil }
            date = next
        }
        return date
    }

    /// The last business day strictly before this date, or nil before year 1.
    ///
    /// For Monday 2025-06-09 (Whit Monday) it is Friday 2025-06-06.
    public func previousBusinessDay(in calendar: HolidayCalendar) -> CivilDate? {
        adding(businessDays: -1, in: calendar)
    }

    /// The first business day strictly after this date, or nil after year 9999.
    public func nextBusinessDay(in calendar: HolidayCalendar) -> CivilDate? {
        adding(businessDays: 1, in: calendar)
    }
}
