import Foundation
import Testing
@testable import Clausier

/// Builds a date the test knows exists.
private func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate.parse(text), "\(text) should parse", sourceLocation: sourceLocation)
}

/// Every holiday the calendar reports in `year`, in order.
private func holidays(in year: Int, _ calendar: HolidayCalendar) throws -> [String] {
    var day = try #require(CivilDate(year: year, month: 1, day: 1))
    var found: [String] = []
    while day.year == year {
        if calendar.isHoliday(day) { found.append(day.description) }
        day = try #require(day.adding(days: 1))
    }
    return found
}

@Suite("HolidayCalendar")
struct HolidayCalendarTests {
    // Easter dates from published tables; 2285 is the next Easter on 22 March, the earliest
    // possible date, and 2038 falls on 25 April, the latest.
    @Test("Easter Sunday", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2038, "2038-04-25"), (2100, "2100-03-28"), (2285, "2285-03-22"), (2000, "2000-04-23"),
        (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"), (1954, "1954-04-18"),
        (1900, "1900-04-15"), (1583, "1583-04-10"),
    ])
    func easter(year: Int, expected: String) throws {
        #expect(HolidayCalendar.easterSunday(year: year) == (try date(expected)))
    }

    @Test("Easter is nil outside years 1...9999")
    func easterOutOfRange() {
        #expect(HolidayCalendar.easterSunday(year: 0) == nil)
        #expect(HolidayCalendar.easterSunday(year: 10_000) == nil)
        #expect(HolidayCalendar.easterSunday(year: Int.min) == nil)
        #expect(HolidayCalendar.easterSunday(year: Int.max) == nil)
        #expect(HolidayCalendar.easterSunday(year: 1) != nil)
        #expect(HolidayCalendar.easterSunday(year: 9999) != nil)
    }

    @Test("Easter is always a Sunday between 22 March and 25 April")
    func easterBounds() throws {
        var wrong: [Int] = []
        for year in 1583...9999 {
            let easter = try #require(HolidayCalendar.easterSunday(year: year))
            let (y, m, d) = easter.components
            let inWindow = (m == 3 && d >= 22) || (m == 4 && d <= 25)
            if y != year || !inWindow || easter.weekday != .sunday { wrong.append(year) }
        }
        #expect(wrong.isEmpty)
    }

    // Easter 2025 is 20 April: Monday 21 April, Ascension = +39 = Thursday 29 May,
    // Whit Monday = +50 = 9 June.
    @Test("every French holiday of 2025, and nothing else")
    func france2025() throws {
        #expect(try holidays(in: 2025, .france) == [
            "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
            "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
        ])
        #expect(HolidayCalendar.france.isHoliday(try date("2025-05-29")))
        #expect(HolidayCalendar.france.isHoliday(try date("2025-06-09")))
    }

    // Easter 2026 is 5 April: Monday 6 April, Ascension 5 April + 39 = Thursday 14 May,
    // Whit Monday 5 April + 50 = 25 May.
    @Test("every French holiday of 2026, and nothing else")
    func france2026() throws {
        #expect(try holidays(in: 2026, .france) == [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
            "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        ])
    }

    @Test("days that are not national holidays")
    func notHolidays() throws {
        let france = HolidayCalendar.france
        #expect(!france.isHoliday(try date("2025-04-18")))  // Good Friday (Alsace-Moselle only)
        #expect(!france.isHoliday(try date("2025-04-20")))  // Easter Sunday
        #expect(!france.isHoliday(try date("2025-06-08")))  // Whit Sunday
        #expect(!france.isHoliday(try date("2025-12-26")))  // St Stephen (Alsace-Moselle only)
        #expect(!france.isHoliday(try date("2025-12-31")))
        #expect(!france.isHoliday(try date("2025-05-02")))
    }

    @Test("business days are Monday to Friday minus holidays")
    func businessDays() throws {
        let france = HolidayCalendar.france
        #expect(france.isBusinessDay(try date("2025-03-07")))   // Friday
        #expect(!france.isBusinessDay(try date("2025-03-08")))  // Saturday
        #expect(!france.isBusinessDay(try date("2025-03-09")))  // Sunday
        #expect(!france.isBusinessDay(try date("2025-04-21")))  // Easter Monday
        #expect(france.isBusinessDay(try date("2025-04-18")))   // Good Friday works
        #expect(!france.isBusinessDay(try date("2025-11-01")))  // Saturday and holiday
        #expect(!france.isBusinessDay(try date("2025-07-14")))  // Monday holiday
        // 2025: 261 weekdays (52 weeks + Wednesday 1 Jan... Wednesday 31 Dec: 52 × 5 + 1)
        // minus the 10 holidays falling on a weekday (all but Saturday 1 November) = 251.
        var count = 0
        var day = try date("2025-01-01")
        while day.year == 2025 {
            if france.isBusinessDay(day) { count += 1 }
            day = try #require(day.adding(days: 1))
        }
        #expect(count == 251)
    }

    @Test("identifier and Codable")
    func identifier() throws {
        #expect(HolidayCalendar.named("FR") == .france)
        #expect(HolidayCalendar.named("fr") == nil)
        #expect(HolidayCalendar.named("DE") == nil)
        let data = try JSONEncoder().encode([HolidayCalendar.france])
        #expect(String(decoding: data, as: UTF8.self) == "[\"FR\"]")
        #expect(try JSONDecoder().decode([HolidayCalendar].self, from: data) == [.france])
    }
}
