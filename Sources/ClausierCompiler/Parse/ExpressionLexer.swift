import Clausier

/// A token of the expression language.
struct Token: Equatable {
    enum Kind: Equatable {
        case number, percent, date, time, identifier, symbol, end
    }
    var kind: Kind
    var text: String
    var offset: Int
    /// The offset just after the token (`%` of a percentage included).
    var end: Int = 0
}

/// An error in an expression's text, at an offset.
struct ExpressionError: Error, Hashable {
    var message: String
    var offset: Int
    var hint: String?
}

/// Splits an expression into tokens. Dates (`2025-03-07`) and times (`09:00`) are single tokens,
/// so that they never read as subtractions or as a YAML-style mapping.
enum ExpressionLexer {
    static let symbols = ["==", "!=", "<=", ">=", "=>", "??", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."]

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isIdent(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || ("0"..."9").contains(c) }
        func slice(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return String(s)
        }
        while i < scalars.count {
            // Each token ends where the scan stands when the next one starts: before any whitespace.
            if let last = tokens.indices.last, tokens[last].end == 0 { tokens[last].end = i }
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            let start = i
            if isDigit(i) {
                // A date written day/month/year would read as two divisions: say so, with the date to write.
                var end = i
                var slashes = 0
                while end < scalars.count, isDigit(end) || scalars[end] == "/" {
                    if scalars[end] == "/" { slashes += 1 }
                    end += 1
                }
                if slashes == 2, let iso = Notation.isoDate(fromDayMonthYear: slice(start, end)) {
                    throw ExpressionError(
                        message: "'\(slice(start, end))' would be read as a division: dates are written year first",
                        offset: start, hint: "write \(iso)")
                }
                // A date: 4 digits, '-', 2 digits, '-', 2 digits.
                if (0..<4).allSatisfy({ isDigit(i + $0) }), i + 9 < scalars.count,
                   scalars[i + 4] == "-", isDigit(i + 5), isDigit(i + 6), scalars[i + 7] == "-", isDigit(i + 8), isDigit(i + 9)
                {
                    i += 10
                    tokens.append(Token(kind: .date, text: slice(start, i), offset: start))
                    continue
                }
                // A time: 2 digits, ':', 2 digits, optionally ':' and 2 digits.
                if isDigit(i + 1), i + 4 < scalars.count, scalars[i + 2] == ":", isDigit(i + 3), isDigit(i + 4) {
                    i += 5
                    if i + 2 < scalars.count, scalars[i] == ":", isDigit(i + 1), isDigit(i + 2) { i += 3 }
                    tokens.append(Token(kind: .time, text: slice(start, i), offset: start))
                    continue
                }
                while isDigit(i) { i += 1 }
                if i < scalars.count, scalars[i] == ".", isDigit(i + 1) {
                    i += 1
                    while isDigit(i) { i += 1 }
                }
                if i < scalars.count, scalars[i] == "%" {
                    tokens.append(Token(kind: .percent, text: slice(start, i), offset: start))
                    i += 1
                    continue
                }
                tokens.append(Token(kind: .number, text: slice(start, i), offset: start))
                continue
            }
            if isIdentStart(c) {
                while i < scalars.count, isIdent(scalars[i]) { i += 1 }
                tokens.append(Token(kind: .identifier, text: slice(start, i), offset: start))
                continue
            }
            if let symbol = symbols.first(where: { sym in
                let s = Array(sym.unicodeScalars)
                return i + s.count <= scalars.count && Array(scalars[i..<(i + s.count)]) == s
            }) {
                i += symbol.unicodeScalars.count
                tokens.append(Token(kind: .symbol, text: symbol, offset: start))
                continue
            }
            var hint: String?
            if c == "=" { hint = "to compare, write '=='" }
            if c == "&" || c == "|" { hint = "write 'and' or 'or'" }
            if c == "!" { hint = "write 'not'" }
            if c == "\"" || c == "'" { hint = "names from a list (enum values) are written without quotes" }
            throw ExpressionError(message: "unexpected character '\(Character(c))'", offset: start, hint: hint)
        }
        if let last = tokens.indices.last, tokens[last].end == 0 { tokens[last].end = i }
        tokens.append(Token(kind: .end, text: "", offset: scalars.count, end: scalars.count))
        return tokens
    }
}
