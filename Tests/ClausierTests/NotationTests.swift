import Clausier
import Testing

/// The notations people write instead of Clausier's, each read as the exact text to write instead.
@Suite struct NotationTests {
    @Test(arguments: [
        ("31/12/2025", "2025-12-31"),
        ("1/2/2025", "2025-02-01"),
        ("28.02.2025", "2025-02-28"),
        ("07-03-2025", "2025-03-07"),
        (" 28/02/2025 ", "2025-02-28"),
    ])
    func dayMonthYearDates(text: String, iso: String) {
        #expect(Notation.isoDate(fromDayMonthYear: text) == iso)
    }

    @Test(arguments: ["30/02/2025", "2025-12-31", "12/2025", "31/12/25", "a/b/2025", "100/12/2025"])
    func notDayMonthYearDates(text: String) {
        #expect(Notation.isoDate(fromDayMonthYear: text) == nil)
    }

    @Test(arguments: [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2025-04-31", "April 2025 has 30 days"),
        ("2025-13-01", "there is no month 13: the month comes second, from 01 to 12"),
    ])
    func whyADateDoesNotExist(text: String, why: String) {
        #expect(Notation.whyNotADate(text) == why)
    }

    @Test func aRealDateNeedsNoExplanation() {
        #expect(Notation.whyNotADate("2025-02-28") == nil)
        #expect(Notation.whyNotADate("28/02/2025") == nil)
    }

    @Test(arguments: [
        ("1000,50 EUR", "1000.50 EUR"),
        ("1 000,50 €", "1000.50 EUR"),
        ("1\u{202F}000,50\u{A0}€", "1000.50 EUR"),
        ("1000.50 eur", "1000.50 EUR"),
        ("€1000", "1000 EUR"),
        ("40 $", "40 USD"),
        ("12 500 EUR", "12500 EUR"),
    ])
    func amounts(text: String, written: String) {
        #expect(Notation.amount(text) == written)
    }

    @Test(arguments: ["1000,50", "EUR", "1,000.50 EUR", "12 apples and 3", "abc EUR"])
    func notAmounts(text: String) {
        #expect(Notation.amount(text) == nil)
    }

    @Test(arguments: [("12,5%", "12.5%"), ("12,5 %", "12.5%"), ("3 %", "3%")])
    func percentages(text: String, written: String) {
        #expect(Notation.percent(text) == written)
    }

    @Test(arguments: [
        ("2h30", "150 minutes"),
        ("2h", "2 hours"),
        ("1 h", "1 hour"),
        ("2 hours 30 minutes", "150 minutes"),
        ("1 hour and 15 min", "75 minutes"),
        ("2 heures", "2 hours"),
        ("90 min", "90 minutes"),
        ("1 hour 60 minutes", "2 hours"),
    ])
    func durations(text: String, written: String) {
        #expect(Notation.duration(text) == written)
    }

    @Test(arguments: [
        "2 hours", "30 minutes", "2 days", "h", "2 apples", "2h30 bananas",
        // Too large to count in minutes: no reading rather than a trap.
        "9223372036854775807h", "999999999999999999 hours", "1h9223372036854775807", "9223372036854775807 min 1 min",
    ])
    func durationsAlreadyRightOrNotDurations(text: String) {
        #expect(Notation.duration(text) == nil)
    }

    @Test func oneSuggestionWhateverWasMeant() {
        #expect(Notation.suggestion(for: "31/12/2025") == "2025-12-31")
        #expect(Notation.suggestion(for: "12,5%") == "12.5%")
        #expect(Notation.suggestion(for: "2h30") == "150 minutes")
        #expect(Notation.suggestion(for: "1 000,50 €") == "1000.50 EUR")
        #expect(Notation.suggestion(for: "amount > 3") == nil)
    }

    @Test func anyTextIsReadWithoutATrap() {
        // A fixed-seed generator over the characters these notations are made of.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("0123456789 /.,-%h€$£:eEuUrRminhoursheures9\u{A0}\u{202F}")
        for _ in 0..<20_000 {
            let text = String((0..<next(24)).map { _ in alphabet[next(alphabet.count)] })
            _ = Notation.suggestion(for: text)
            _ = Notation.whyNotADate(text)
        }
    }
}
