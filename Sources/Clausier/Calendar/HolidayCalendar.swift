/// A public holiday calendar, which decides the business days of a contract.
public enum HolidayCalendar: String, Sendable, Hashable, Codable, CaseIterable {
    /// The French national public holidays (jours fériés) that apply everywhere in metropolitan France.
    ///
    /// 1 January, Easter Monday, 1 May, 8 May, Ascension Thursday (Easter + 39 days),
    /// Whit Monday (Easter + 50 days), 14 July, 15 August, 1 November, 11 November and
    /// 25 December. Good Friday and 26 December (holidays only in Alsace-Moselle) are not
    /// included; Easter Sunday and Whit Sunday are Sundays anyway. Whit Monday counts as a
    /// holiday although it is also the "journée de solidarité" in many firms, as the
    /// catalogue lists it.
    case france = "FR"

    /// The calendar with this identifier (`FR`), or nil.
    public static func named(_ identifier: String) -> HolidayCalendar? {
        HolidayCalendar(rawValue: identifier)
    }

    /// Whether `date` is a public holiday in this calendar (whatever day of the week it falls on).
    public func isHoliday(_ date: CivilDate) -> Bool {
        let (year, month, day) = date.components
        switch (month, day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25):
            return true
        case (3...6, _):
            // Easter falls 22 March ... 25 April, so its Monday, Ascension and Whit Monday all
            // lie in March to June; other months skip the computus.
            guard let easter = HolidayCalendar.easterSunday(year: year) else { return false }
            let offset = easter.days(until: date)
            return offset == 1 || offset == 39 || offset == 50
        default:
            return false
        }
    }

    /// Whether `date` is a business day (jour ouvré): Monday to Friday and not a holiday.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        !date.weekday.isWeekend && !isHoliday(date)
    }

    /// Easter Sunday of `year` in the Gregorian calendar, or nil outside years 1...9999.
    ///
    /// Uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher). Before 1583 the result is
    /// the proleptic Gregorian Easter, not the Julian one actually observed then.
    public static func easterSunday(year: Int) -> CivilDate? {
        guard (1...9999).contains(year) else { return nil }
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let monthAndDay = h + l - 7 * m + 114
        return CivilDate(year: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)
    }
}
