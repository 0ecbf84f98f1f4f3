/// Readings of the notations people write instead of Clausier's: French and informal dates,
/// amounts, percentages and durations. Each reading gives the exact text to write instead, for the
/// hints of error messages in rule files, test files and facts alike. Nothing is ever *accepted*
/// in these notations: `1/2/2025` is the 1st of February in Paris and the 2nd of January in New
/// York, so the fix is shown, not guessed silently.
public enum Notation {
    /// `31/12/2025` (day/month/year, with `/`, `.` or `-`) as `2025-12-31`; nil when the text is not a
    /// day/month/year date that exists.
    public static func isoDate(fromDayMonthYear text: some StringProtocol) -> String? {
        let trimmed = text.trimmingSpaces
        for separator in ["/", ".", "-"] as [Character] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
                  parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                  let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
                  let date = CivilDate(year: year, month: month, day: day)
            else { continue }
            return date.description
        }
        return nil
    }

    /// Why a text shaped like `YYYY-MM-DD` is not a date, such as "February 2025 has 28 days"; nil
    /// when it is not shaped so or names a real date.
    public static func whyNotADate(_ text: some StringProtocol) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(month): the month comes second, from 01 to 12" }
        let length = CivilDate.daysInMonth(year: year, month: month)
        guard day < 1 || day > length else { return nil }
        return "\(monthNames[month - 1]) \(year) has \(length) days"
    }

    /// `1000,50 EUR`, `1 000,50 €`, `1000.50 eur`, `€1000` as `1000.50 EUR`; nil when the text is not an
    /// amount in one of these notations.
    public static func amount(_ text: some StringProtocol) -> String? {
        var rest = Substring(text.trimmingSpaces)
        var code: String?
        for (symbol, iso) in currencySymbols {
            if rest.hasPrefix(symbol) {
                code = iso
                rest = rest.dropFirst(symbol.count)
            } else if rest.hasSuffix(symbol) {
                code = iso
                rest = rest.dropLast(symbol.count)
            }
        }
        rest = Substring(rest.trimmingSpaces)
        if code == nil {
            let words = rest.split(separator: " ")
            guard let last = words.last, last.count == 3, last.allSatisfy(\.isLetter) else { return nil }
            code = last.uppercased()
            rest = rest.dropLast(3)
        }
        guard let code, let number = decimal(rest) else { return nil }
        return "\(number) \(code)"
    }

    /// `12,5%` or `12.5 %` as `12.5%`; nil when the text is not a percentage in one of these notations.
    public static func percent(_ text: some StringProtocol) -> String? {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix("%"), let number = decimal(trimmed.dropLast()) else { return nil }
        return "\(number)%"
    }

    /// `2h30`, `2 h`, `2 hours 30 minutes`, `1 hour and 15 min` as one unit: `150 minutes`, `2 hours`;
    /// nil when the text is not a duration in one of these notations.
    public static func duration(_ text: some StringProtocol) -> String? {
        var rest = Array(text.lowercased())
        var minutes = 0
        var parts = 0
        // A unit Clausier does not know (`h`, `min`) makes even one part worth a hint.
        var informal = false
        func skipSpaces() { while rest.first == " " { rest.removeFirst() } }
        skipSpaces()
        while !rest.isEmpty {
            guard let digits = take(&rest, \.isASCIIDigit), let value = Int(String(digits)) else { return nil }
            skipSpaces()
            guard let word = take(&rest, \.isLetter).map({ String($0) }) else { return nil }
            // A number too large to count in minutes is no duration anyone meant: no reading, and no trap.
            func add(_ amount: Int, times factor: Int) -> Bool {
                let (product, overflowed) = amount.multipliedReportingOverflow(by: factor)
                let (sum, overflowedAgain) = minutes.addingReportingOverflow(product)
                minutes = sum
                return !overflowed && !overflowedAgain
            }
            if word == "h" {
                informal = true
                guard add(value, times: 60) else { return nil }
                // `2h30`: the number right after `h` is minutes.
                if let more = take(&rest, \.isASCIIDigit) {
                    guard let extra = Int(String(more)), add(extra, times: 1) else { return nil }
                    parts += 1
                }
            } else if hourWords.contains(word) {
                informal = informal || word.hasPrefix("heure")
                guard add(value, times: 60) else { return nil }
            } else if minuteWords.contains(word) {
                informal = informal || word == "min" || word == "mn"
                guard add(value, times: 1) else { return nil }
            } else {
                return nil
            }
            parts += 1
            skipSpaces()
            if rest.starts(with: Array("and")) || rest.starts(with: Array("et")) {
                rest.removeFirst(rest.starts(with: Array("and")) ? 3 : 2)
                skipSpaces()
            }
        }
        guard parts > 1 || informal, minutes > 0 else { return nil }
        return minutes % 60 == 0 ? "\(minutes / 60) hour\(minutes == 60 ? "" : "s")" : "\(minutes) minutes"
    }

    /// The first reading that applies to the text, whatever it was meant to be.
    public static func suggestion(for text: some StringProtocol) -> String? {
        isoDate(fromDayMonthYear: text) ?? percent(text) ?? duration(text) ?? amount(text)
    }

    // MARK: - Pieces

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let currencySymbols: [(String, String)] = [("€", "EUR"), ("$", "USD"), ("£", "GBP"), ("CHF", "CHF")]
    private static let hourWords: Set<String> = ["hour", "hours", "heure", "heures"]
    private static let minuteWords: Set<String> = ["min", "mn", "minute", "minutes"]

    /// A number with a decimal comma or point and spaces between thousands, as `1000.50`.
    private static func decimal(_ text: some StringProtocol) -> String? {
        // Spaces, no-break spaces and narrow no-break spaces group thousands in French.
        let compact = String(text).filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
        guard !compact.isEmpty, compact.filter({ $0 == "," || $0 == "." }).count <= 1,
              compact.allSatisfy({ $0.isASCIIDigit || $0 == "," || $0 == "." }),
              compact.first?.isASCIIDigit == true, compact.last?.isASCIIDigit == true
        else { return nil }
        return String(compact.map { $0 == "," ? "." : $0 })
    }

    private static func take(_ characters: inout [Character], _ predicate: (Character) -> Bool) -> [Character]? {
        let prefix = characters.prefix(while: predicate)
        guard !prefix.isEmpty else { return nil }
        characters.removeFirst(prefix.count)
        return Array(prefix)
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(String(drop(while: { $0 == " " }).reversed()).drop(while: { $0 == " " }).reversed())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
