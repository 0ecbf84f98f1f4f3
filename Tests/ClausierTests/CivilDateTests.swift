import Foundation
import Testing
@testable import Clausier

/// Builds a date the test knows exists; records a failure (not a crash) if it does not.
private func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate.parse(text), "\(text) should parse", sourceLocation: sourceLocation)
}

@Suite("CivilDate")
struct CivilDateTests {
    @Test("day counts from the 1970-01-01 epoch")
    func dayCounts() throws {
        #expect(try date("1970-01-01").daysSinceEpoch == 0)
        #expect(try date("1969-12-31").daysSinceEpoch == -1)
        // 1970...1999 = 30 years × 365 + 7 leap days (1972 ... 1996) = 10957.
        #expect(try date("2000-01-01").daysSinceEpoch == 10_957)
        // 10957 + 31 (January) + 28 (1...28 February) = 11016.
        #expect(try date("2000-02-29").daysSinceEpoch == 11_016)
        // 1970...2024 = 55 × 365 + 14 leap days (1972 ... 2024) = 20089; + 31 + 28 + 6 = 20154.
        #expect(try date("2025-03-07").daysSinceEpoch == 20_154)
        // 1969 years × 365 + 477 leap days (492 − 19 + 4) before 1970 = 719162.
        #expect(try date("0001-01-01").daysSinceEpoch == -719_162)
        #expect(try date("9999-12-31").daysSinceEpoch == 2_932_896)
        #expect(CivilDate.min == (try date("0001-01-01")))
        #expect(CivilDate.max == (try date("9999-12-31")))
    }

    @Test("fields advance one day at a time across the whole supported range")
    func fieldsOverWholeRange() {
        // Independent of Hinnant's algorithm: walk day by day and check that the fields
        // follow the month lengths, and that the fields map back to the same count.
        var expected = (year: 1, month: 1, day: 1)
        var days = Int32(-719_162)
        var mismatches = 0
        while days <= 2_932_896 {
            let value = CivilDate(daysSinceEpoch: days)
            let fields = value.components
            if fields != expected || CivilDate(year: fields.year, month: fields.month, day: fields.day) != value {
                mismatches += 1
            }
            if expected.day < CivilDate.daysInMonth(year: expected.year, month: expected.month) {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
            days += 1
        }
        #expect(mismatches == 0)
        #expect(expected == (10_000, 1, 1))
    }

    @Test("fields of known dates")
    func fields() throws {
        let value = try #require(CivilDate(year: 2025, month: 3, day: 7))
        #expect(value.year == 2025)
        #expect(value.month == 3)
        #expect(value.day == 7)
        #expect(value.description == "2025-03-07")
        let early = CivilDate(daysSinceEpoch: -1)
        #expect(early.year == 1969 && early.month == 12 && early.day == 31)
    }

    @Test("dates that do not exist are nil", arguments: [
        (2025, 2, 30), (2023, 2, 29), (1900, 2, 29), (2100, 2, 29), (2025, 4, 31), (2025, 6, 31),
        (2025, 9, 31), (2025, 11, 31), (2025, 13, 1), (2025, 0, 1), (2025, 1, 0), (2025, 1, 32),
        (0, 1, 1), (10_000, 1, 1), (-1, 1, 1), (2025, -1, 1), (Int.max, 1, 1), (2025, Int.min, Int.max),
    ])
    func nonexistent(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("leap days that exist")
    func leapDays() {
        // Divisible by 4 and not by 100, or divisible by 400.
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2400, month: 2, day: 29) != nil)
        #expect(CivilDate.isLeapYear(2024) && CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900) && !CivilDate.isLeapYear(2025))
    }

    @Test("parse accepts exactly YYYY-MM-DD")
    func parseAccepts() throws {
        let parsed = try #require(CivilDate.parse("2025-03-07"))
        #expect(parsed == CivilDate(year: 2025, month: 3, day: 7))
        let fromSubstring = try #require(CivilDate.parse("x2024-02-29y".dropFirst().dropLast()))
        #expect(fromSubstring == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parse("0001-01-01") == CivilDate.min)
        #expect(CivilDate.parse("9999-12-31") == CivilDate.max)
    }

    @Test("parse rejects every other form", arguments: [
        "", "2025", "2025-03", "2025-3-07", "2025-03-7", "20250307", " 2025-03-07", "2025-03-07 ",
        "2025-03-07T00:00", "2025/03/07", "+2025-03-07", "-025-03-07", "02025-03-07", "2025-02-30",
        "2023-02-29", "0000-01-01", "2025-00-10", "2025-13-01", "2025-01-00", "2025-01-32",
        "２０２５-03-07", "2025-0a-07", "2025—03-07", "2025-03-07\n",
    ])
    func parseRejects(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test("weekday of known dates")
    func weekdays() throws {
        #expect(try date("1970-01-01").weekday == .thursday)
        #expect(try date("1969-12-31").weekday == .wednesday)
        #expect(try date("2025-03-07").weekday == .friday)
        #expect(try date("2025-04-20").weekday == .sunday)
        #expect(try date("2025-04-21").weekday == .monday)
        #expect(try date("2000-01-01").weekday == .saturday)
        #expect(try date("0001-01-01").weekday == .monday)
        #expect(try date("9999-12-31").weekday == .friday)
        #expect(Weekday.saturday.isWeekend && Weekday.sunday.isWeekend)
        #expect(!Weekday.friday.isWeekend && !Weekday.monday.isWeekend)
        #expect(Weekday.monday.rawValue == 1 && Weekday.sunday.rawValue == 7)
    }

    @Test("description pads the year to four digits")
    func descriptions() throws {
        #expect(CivilDate.min.description == "0001-01-01")
        #expect(CivilDate.max.description == "9999-12-31")
        #expect(try date("0987-06-05").description == "0987-06-05")
    }

    @Test("adding days and counting days between dates")
    func addingDays() throws {
        let start = try date("2025-03-07")
        // 7 + 30 = 37; March has 31 days, so 6 April.
        #expect(start.adding(days: 30) == (try date("2025-04-06")))
        #expect(start.adding(days: -7) == (try date("2025-02-28")))
        #expect(start.adding(days: 0) == start)
        #expect(start.days(until: try date("2025-04-06")) == 30)
        #expect((try date("2025-04-06")).days(until: start) == -30)
        // 2024 is a leap year: 366 days from 2024-01-01 to 2025-01-01.
        #expect((try date("2024-01-01")).days(until: try date("2025-01-01")) == 366)
    }

    @Test("adding days outside years 1...9999 is nil, never a trap")
    func addingDaysOutOfRange() {
        #expect(CivilDate.max.adding(days: 1) == nil)
        #expect(CivilDate.min.adding(days: -1) == nil)
        #expect(CivilDate.max.adding(days: 0) == CivilDate.max)
        #expect(CivilDate.min.adding(days: Int.max) == nil)
        #expect(CivilDate.max.adding(days: Int.min) == nil)
        let extreme = CivilDate(daysSinceEpoch: .max)
        #expect(extreme.adding(days: Int.max) == nil)
        #expect(CivilDate.min.days(until: CivilDate.max) == 3_652_058)
    }

    @Test("dates order chronologically")
    func ordering() throws {
        #expect(try date("2024-12-31") < date("2025-01-01"))
        #expect(try date("1969-12-31") < date("1970-01-01"))
        #expect(!(try date("2025-01-01") < date("2025-01-01")))
    }

    @Test("Codable uses the ISO string")
    func codable() throws {
        let value = try date("2025-03-07")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-03-07\"]")
        let decoded = try JSONDecoder().decode([CivilDate].self, from: Data("[\"2024-02-29\"]".utf8))
        #expect(decoded == [try date("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data("[\"2025-02-30\"]".utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data("[20154]".utf8))
        }
        // A raw day count outside years 1...9999 cannot be written as YYYY-MM-DD.
        #expect(throws: EncodingError.self) {
            try JSONEncoder().encode([CivilDate(daysSinceEpoch: .max)])
        }
    }
}

@Suite("TimeOfDay")
struct TimeOfDayTests {
    @Test("fields and second counts")
    func fields() throws {
        let time = try #require(TimeOfDay(hour: 9, minute: 5, second: 30))
        // 9 × 3600 + 5 × 60 + 30 = 32730.
        #expect(time.secondsSinceMidnight == 32_730)
        #expect(time.hour == 9 && time.minute == 5 && time.second == 30)
        #expect(TimeOfDay(hour: 23, minute: 59, second: 59)?.secondsSinceMidnight == 86_399)
        #expect(TimeOfDay.midnight.secondsSinceMidnight == 0)
        #expect(TimeOfDay(secondsSinceMidnight: 86_399) == TimeOfDay(hour: 23, minute: 59, second: 59))
        #expect(TimeOfDay(secondsSinceMidnight: 86_400) == nil)
        #expect(TimeOfDay(secondsSinceMidnight: -1) == nil)
    }

    @Test("out-of-range fields are nil", arguments: [
        (24, 0, 0), (-1, 0, 0), (0, 60, 0), (0, -1, 0), (0, 0, 60), (0, 0, -1), (Int.max, Int.max, Int.max),
    ])
    func invalid(hour: Int, minute: Int, second: Int) {
        #expect(TimeOfDay(hour: hour, minute: minute, second: second) == nil)
    }

    @Test("parse HH:MM and HH:MM:SS")
    func parse() {
        #expect(TimeOfDay.parse("09:00") == TimeOfDay(hour: 9, minute: 0))
        #expect(TimeOfDay.parse("17:00") == TimeOfDay(hour: 17, minute: 0))
        #expect(TimeOfDay.parse("23:59:59") == TimeOfDay(hour: 23, minute: 59, second: 59))
        #expect(TimeOfDay.parse("00:00:00") == .midnight)
    }

    @Test("parse rejects other forms", arguments: [
        "", "9:00", "09:0", "0900", "24:00", "09:60", "09:00:60", "09:00:", "09:00:5", "09:00:00.5",
        " 09:00", "09:00 ", "09h00", "09:00:00Z", "-1:00",
    ])
    func parseRejects(text: String) {
        #expect(TimeOfDay.parse(text) == nil)
    }

    @Test("description shows seconds only when not zero")
    func description() {
        #expect(TimeOfDay(hour: 9, minute: 0)?.description == "09:00")
        #expect(TimeOfDay(hour: 9, minute: 0, second: 30)?.description == "09:00:30")
        #expect(TimeOfDay.midnight.description == "00:00")
    }

    @Test("times order from midnight and round-trip through Codable")
    func orderingAndCodable() throws {
        let nine = try #require(TimeOfDay(hour: 9, minute: 0))
        let seventeen = try #require(TimeOfDay(hour: 17, minute: 0))
        #expect(nine < seventeen)
        let data = try JSONEncoder().encode([nine, TimeOfDay(hour: 9, minute: 0, second: 1)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"09:00\",\"09:00:01\"]")
        let decoded = try JSONDecoder().decode([TimeOfDay].self, from: data)
        #expect(decoded == [nine, TimeOfDay(hour: 9, minute: 0, second: 1)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([TimeOfDay].self, from: Data("[\"25:00\"]".utf8))
        }
    }
}
