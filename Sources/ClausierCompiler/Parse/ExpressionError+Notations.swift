import Clausier

extension ExpressionError {
    /// The error, said in terms of the notation the editor used when the text around it is a French or
    /// informal date, amount, percentage or duration (`1 000,50 €`, `12,5%`, `2h30`), with the exact
    /// text to write instead.
    ///
    /// The whole expression is tried first, then what follows its last operator before the error, so
    /// that `amount > 1 000,50 €` reads `1 000,50 €`.
    func readingNotations(in text: String) -> ExpressionError {
        let scalars = Array(text.unicodeScalars)
        var segmentStart = min(max(offset, 0), scalars.count)
        while segmentStart > 0, !Self.boundaries.contains(scalars[segmentStart - 1]) { segmentStart -= 1 }
        for var start in [0, segmentStart] {
            while start < scalars.count, scalars[start] == " " { start += 1 }
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[start...])
            let text = String(written).trimmingCharacters(in: " ")
            guard !text.isEmpty, let suggestion = Notation.suggestion(for: text) else { continue }
            // The caret goes where the notation starts, which is what is to be rewritten.
            return ExpressionError(
                message: "'\(text)' is not how \(Self.what(suggestion)) is written here", offset: start,
                hint: "write \(suggestion)")
        }
        return self
    }

    /// Where a value starts after: comparison and arithmetic operators, parentheses and commas.
    private static let boundaries: Set<Unicode.Scalar> = ["<", ">", "=", "(", "[", "+", "*", "?"]

    private static func what(_ suggestion: String) -> String {
        if suggestion.hasSuffix("%") { return "a percentage" }
        if suggestion.hasSuffix("minutes") || suggestion.hasSuffix("hour") || suggestion.hasSuffix("hours") { return "a duration" }
        if suggestion.count == 10, suggestion.split(separator: "-").count == 3 { return "a date" }
        return "an amount"
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(String(drop(while: { $0 == character }).reversed()).drop(while: { $0 == character }).reversed())
    }
}
