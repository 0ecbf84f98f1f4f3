import ClausierDiagnostics
import Testing

/// A source text with position markers, in the style of swift-syntax's `1️⃣` markers.
///
/// Write a rule file as a Swift multi-line string and put a marker such as `1️⃣` right before the
/// character a finding must point at:
///
/// ```swift
/// let source = MarkedSource("""
///     value: invoice.issued_on + 1️⃣+ 1 month
///     """)
/// source.text            // "value: invoice.issued_on + + 1 month"
/// source.position("1️⃣")  // line 1, column 28
/// ```
///
/// The markers are removed from ``text``; each one is mapped to the 1-based line and column of the
/// character that followed it. Columns count Unicode scalars of the clean text, and line breaks are
/// counted as libyaml counts them (`\r\n` is one break), so positions compare directly with the
/// compiler's ``ClausierDiagnostics/SourceLocation``. A marker at the end of a line stands for the
/// column just after its last character.
///
/// The markers are the keycaps `0️⃣` to `9️⃣` (also accepted without the variation selector U+FE0F)
/// and `🔟`; none of them can occur in a rule file, so a digit of the text is never taken for one.
struct MarkedSource {
    /// A 1-based line and column.
    struct Position: Hashable, CustomStringConvertible {
        var line: Int
        var column: Int

        var description: String { "\(line):\(column)" }
    }

    /// The text without its markers.
    let text: String
    /// Each marker's position in ``text``.
    let positions: [String: Position]
    /// Markers written more than once; a marked source must name each place once.
    let duplicates: [String]

    /// Strips the markers from `marked` and records where each one was.
    init(_ marked: String) {
        var clean = String.UnicodeScalarView()
        var positions: [String: Position] = [:]
        var duplicates: [String] = []
        let scalars = Array(marked.unicodeScalars)
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        var index = 0
        while index < scalars.count {
            if let (name, length) = Self.marker(at: index, in: scalars) {
                if positions[name] != nil { duplicates.append(name) }
                positions[name] = Position(line: line, column: column)
                index += length
                continue
            }
            let scalar = scalars[index]
            clean.append(scalar)
            index += 1
            if scalar == "\n", afterCarriageReturn {
                // The "\n" of "\r\n": the "\r" already started the new line.
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
        }
        self.text = String(clean)
        self.positions = positions
        self.duplicates = duplicates
    }

    /// The position of `marker`, or nil when the text has no such marker.
    subscript(_ marker: String) -> Position? { positions[marker] }

    /// The position of `marker`; records a test issue when the text has no such marker.
    func position(_ marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Position {
        guard let position = positions[marker] else {
            Issue.record("the source has no marker \(marker)", sourceLocation: sourceLocation)
            return Position(line: 0, column: 0)
        }
        return position
    }

    /// The compiler's location of `marker` in `file`; records a test issue when the text has no such marker.
    func location(
        _ marker: String, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> ClausierDiagnostics.SourceLocation {
        let position = position(marker, sourceLocation: sourceLocation)
        return ClausierDiagnostics.SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The marker starting at `index`, with its length in scalars.
    private static func marker(at index: Int, in scalars: [Unicode.Scalar]) -> (name: String, length: Int)? {
        let first = scalars[index]
        if first == "\u{1F51F}" { return ("🔟", 1) }
        guard ("0"..."9").contains(first) else { return nil }
        // Keycap: digit, optional U+FE0F VARIATION SELECTOR-16, U+20E3 COMBINING ENCLOSING KEYCAP.
        var next = index + 1
        if next < scalars.count, scalars[next] == "\u{FE0F}" { next += 1 }
        guard next < scalars.count, scalars[next] == "\u{20E3}" else { return nil }
        return (String(first) + "\u{FE0F}\u{20E3}", next + 1 - index)
    }
}
