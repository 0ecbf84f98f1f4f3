import Testing
@testable import Clausier

/// Builds a date the test knows exists.
private func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate.parse(text), "\(text) should parse", sourceLocation: sourceLocation)
}

@Suite("Calendar arithmetic")
struct CalendarArithmeticTests {
    // MARK: Months and years

    @Test("months are clamped to the target month's last day", arguments: [
        // Catalogue: 31 January + 1 month = 28 February, or 29 in a leap year.
        ("2025-01-31", 1, "2025-02-28"), ("2024-01-31", 1, "2024-02-29"),
        ("2025-01-29", 1, "2025-02-28"), ("2024-01-29", 1, "2024-02-29"),
        ("2025-01-30", 1, "2025-02-28"), ("2024-01-30", 1, "2024-02-29"),
        ("2025-01-28", 1, "2025-02-28"),
        ("2025-05-31", 1, "2025-06-30"), ("2025-10-31", 4, "2026-02-28"),
        ("2025-03-07", 3, "2025-06-07"), ("2025-12-15", 1, "2026-01-15"),
        ("2025-03-07", 0, "2025-03-07"), ("2025-03-07", 12, "2026-03-07"),
        // Backwards, across year ends too.
        ("2025-03-31", -1, "2025-02-28"), ("2024-03-31", -1, "2024-02-29"),
        ("2025-01-15", -1, "2024-12-15"), ("2025-01-15", -13, "2023-12-15"),
        ("2025-08-31", -6, "2025-02-28"), ("2025-01-01", -12, "2024-01-01"),
        // Clamping does not carry over: 31 Jan + 1 = 28 Feb, but 31 Jan + 2 = 31 Mar.
        ("2025-01-31", 2, "2025-03-31"),
    ])
    func months(start: String, count: Int, expected: String) throws {
        #expect(try date(start).adding(months: count) == date(expected))
    }

    @Test("months outside years 1...9999 or overflowing are nil")
    func monthsOutOfRange() throws {
        #expect(try date("9999-12-01").adding(months: 1) == nil)
        #expect(try date("0001-01-31").adding(months: -1) == nil)
        #expect(try date("2025-03-07").adding(months: Int.max) == nil)
        #expect(try date("2025-03-07").adding(months: Int.min) == nil)
        #expect(try date("9999-11-30").adding(months: 1) == date("9999-12-30"))
    }

    @Test("years are twelve clamped months")
    func years() throws {
        #expect(try date("2024-02-29").adding(years: 1) == date("2025-02-28"))
        #expect(try date("2024-02-29").adding(years: 4) == date("2028-02-29"))
        #expect(try date("2024-02-29").adding(years: -1) == date("2023-02-28"))
        #expect(try date("2025-03-07").adding(years: 10) == date("2035-03-07"))
        #expect(try date("2025-03-07").adding(years: Int.max) == nil)
        #expect(try date("2025-03-07").adding(years: Int.min) == nil)
        #expect(try date("9999-03-07").adding(years: 1) == nil)
    }

    @Test("end of month")
    func endOfMonth() throws {
        #expect(try date("2025-02-10").endOfMonth == date("2025-02-28"))
        #expect(try date("2024-02-10").endOfMonth == date("2024-02-29"))
        #expect(try date("2025-04-01").endOfMonth == date("2025-04-30"))
        #expect(try date("2025-12-31").endOfMonth == date("2025-12-31"))
        #expect(try date("1900-02-01").endOfMonth == date("1900-02-28"))
        #expect(CivilDate.max.endOfMonth == CivilDate.max)
    }

    @Test("quarters", arguments: [
        ("2025-01-01", 1), ("2025-03-31", 1), ("2025-04-01", 2), ("2025-06-30", 2),
        ("2025-07-01", 3), ("2025-09-30", 3), ("2025-10-01", 4), ("2025-12-31", 4),
    ])
    func quarter(text: String, expected: Int) throws {
        #expect(try date(text).quarter == expected)
    }

    // MARK: Business days

    @Test("catalogue: Thursday 2025-04-17 + 8 business days = 2025-04-30")
    func catalogueBusinessDays() throws {
        // Fri 18 (1, Good Friday counts), Sat 19, Sun 20, Easter Monday 21 skipped,
        // 22 (2), 23 (3), 24 (4), 25 (5), Sat 26, Sun 27, 28 (6), 29 (7), 30 (8).
        #expect(try date("2025-04-17").adding(businessDays: 8, in: .france) == date("2025-04-30"))
    }

    @Test("business days forwards and backwards", arguments: [
        ("2025-04-17", 0, "2025-04-17"),
        ("2025-04-19", 0, "2025-04-19"),   // n = 0 returns self even on a Saturday
        ("2025-04-18", 1, "2025-04-22"),   // Sat, Sun, Easter Monday skipped
        ("2025-04-19", 1, "2025-04-22"),   // start on a Saturday: the start is not counted
        ("2025-12-24", 1, "2025-12-26"),   // Christmas skipped
        ("2025-12-24", 3, "2025-12-30"),   // 26 (1), Sat, Sun, 29 (2), 30 (3)
        // callkom 5.6-style: Monday 19 May + 12: 20..23 (4), 26..28 (7), Ascension 29 skipped,
        // 30 (8), 2..5 June (12).
        ("2025-05-19", 12, "2025-06-05"),
        // Saturday 20 December + 12: 22, 23, 24 (3), 25 skipped, 26 (4), 29, 30, 31 (7),
        // 1 January skipped, 2 (8), 5, 6, 7, 8 (12).
        ("2025-12-20", 12, "2026-01-08"),
        // 2026: Wed 13 May + 5: Ascension 14 skipped, 15 (1), 18, 19, 20, 21 (5).
        ("2026-05-13", 5, "2026-05-21"),
        // Backwards: 30 April − 8 retraces the catalogue example.
        ("2025-04-30", -8, "2025-04-17"),
        ("2025-05-02", -1, "2025-04-30"),  // 1 May skipped
        ("2025-01-06", -3, "2024-12-31"),  // Fri 3, Thu 2, (1 Jan skipped), Tue 31 Dec
    ])
    func businessDays(start: String, count: Int, expected: String) throws {
        #expect(try date(start).adding(businessDays: count, in: .france) == date(expected))
    }

    @Test("adding then removing n business days returns to a business day")
    func businessDayRoundTrip() throws {
        var day = try date("2025-01-01")
        var failures: [String] = []
        while day.year == 2025 {
            if HolidayCalendar.france.isBusinessDay(day) {
                for n in 1...15 {
                    let forward = try #require(day.adding(businessDays: n, in: .france))
                    if !HolidayCalendar.france.isBusinessDay(forward)
                        || forward.adding(businessDays: -n, in: .france) != day {
                        failures.append("\(day) + \(n)")
                    }
                }
            }
            day = try #require(day.adding(days: 1))
        }
        #expect(failures.isEmpty)
    }

    @Test("business-day counts are bounded and never trap")
    func businessDayBounds() throws {
        let start = try date("2025-03-07")
        #expect(start.adding(businessDays: 100_001, in: .france) == nil)
        #expect(start.adding(businessDays: -100_001, in: .france) == nil)
        #expect(start.adding(businessDays: Int.max, in: .france) == nil)
        #expect(start.adding(businessDays: Int.min, in: .france) == nil)
        let far = try #require(start.adding(businessDays: 100_000, in: .france))
        // Weekdays alone give 100000 × 7/5 = 140000 calendar days; with at most 11 holidays a
        // year, at least 260 − 11 = 249 business days per 365.25 days: at most 146687 days.
        #expect((140_000...146_700).contains(start.days(until: far)))
        let back = try #require(start.adding(businessDays: -100_000, in: .france))
        #expect((140_000...146_700).contains(back.days(until: start)))
        #expect(CivilDate.max.adding(businessDays: 1, in: .france) == nil)
        #expect(CivilDate.min.adding(businessDays: -1, in: .france) == nil)
    }

    @Test("previous business day", arguments: [
        ("2025-06-09", "2025-06-06"),  // Whit Monday -> Friday
        ("2025-06-10", "2025-06-06"),  // Tuesday after Whit Monday -> Friday
        ("2025-05-02", "2025-04-30"),  // 1 May skipped
        ("2025-05-09", "2025-05-07"),  // 8 May skipped
        ("2025-04-22", "2025-04-18"),  // Easter Monday and the weekend skipped; Good Friday counts
        ("2025-01-02", "2024-12-31"),  // 1 January skipped
        ("2025-03-10", "2025-03-07"),  // Monday -> Friday
        ("2025-03-08", "2025-03-07"),  // Saturday -> Friday
        ("2025-05-30", "2025-05-28"),  // Ascension Thursday skipped
        // plan_prolongation: absence starting Monday 18 August 2025; Friday 15 August is a
        // holiday, so the deadline is Thursday 14 August.
        ("2025-08-18", "2025-08-14"),
        ("2026-05-11", "2026-05-07"),  // 2026 Ascension is Thursday 14 May; 8 May is Friday
    ])
    func previousBusinessDay(start: String, expected: String) throws {
        #expect(try date(start).previousBusinessDay(in: .france) == date(expected))
    }

    @Test("next business day")
    func nextBusinessDay() throws {
        #expect(try date("2025-04-18").nextBusinessDay(in: .france) == date("2025-04-22"))
        #expect(try date("2025-03-07").nextBusinessDay(in: .france) == date("2025-03-10"))
    }

    // MARK: Jours francs

    @Test("catalogue: jours francs examples")
    func catalogueJoursFrancs() throws {
        // Thursday 1 May + 7 = Thursday 8 May, a holiday -> Friday 9 May.
        #expect(try date("2025-05-01").adding(joursFrancs: 7, in: .france) == date("2025-05-09"))
        // Saturday 1 November + 7 = Saturday 8, then Sunday 9 -> Monday 10.
        #expect(try date("2025-11-01").adding(joursFrancs: 7, in: .france) == date("2025-11-10"))
    }

    @Test("jours francs", arguments: [
        ("2025-03-07", 7, "2025-03-14"),  // Friday + 7 = Friday, a business day
        ("2025-12-18", 7, "2025-12-26"),  // + 7 = Thursday 25, Christmas -> Friday 26
        ("2025-04-13", 1, "2025-04-14"),  // Sunday + 1 = Monday
        ("2025-04-11", 1, "2025-04-14"),  // Friday + 1 = Saturday -> Monday
        ("2025-04-10", 0, "2025-04-10"),
        ("2025-04-19", 0, "2025-04-22"),  // Saturday + 0: Sat, Sun, Easter Monday -> Tuesday
        // 2026: Friday 1 May + 7 = Friday 8 May (holiday), Sat 9, Sun 10 -> Monday 11.
        ("2026-05-01", 7, "2026-05-11"),
        ("2025-07-07", 7, "2025-07-15"),  // + 7 = Monday 14 July -> Tuesday 15
    ])
    func joursFrancs(start: String, count: Int, expected: String) throws {
        #expect(try date(start).adding(joursFrancs: count, in: .france) == date(expected))
    }

    @Test("jours francs reject negative counts and the end of the calendar")
    func joursFrancsBounds() throws {
        #expect(try date("2025-03-07").adding(joursFrancs: -1, in: .france) == nil)
        #expect(try date("2025-03-07").adding(joursFrancs: Int.min, in: .france) == nil)
        #expect(try date("2025-03-07").adding(joursFrancs: Int.max, in: .france) == nil)
        // 9999-12-31 is a Friday: + 0 stays; 9999-12-25 + 6 is the 31st, a business day.
        #expect(CivilDate.max.adding(joursFrancs: 0, in: .france) == CivilDate.max)
        #expect(try date("9999-12-25").adding(joursFrancs: 6, in: .france) == CivilDate.max)
        #expect(CivilDate.max.adding(joursFrancs: 1, in: .france) == nil)
    }
}
