import ClausierDiagnostics

/// Maps an offset inside a scalar's value back to its line and column in the file.
///
/// YAML folds multi-line values (block scalars `>` and `|`, and plain or quoted values that go
/// on over several lines), so an offset in the value is not a column on the scalar's first line.
/// The value and the file are walked side by side, whitespace matching any run of whitespace,
/// which is exact for expressions (they hold no escapes).
public struct SourcePositions: Sendable, Hashable {
    private let lines: [[Unicode.Scalar]]

    /// Indexes a file's text.
    public init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.unicodeScalars.filter { $0 != "\r" })
        }
    }

    /// No source text: offsets are added to the scalar's column.
    public static let none = SourcePositions(text: "")

    /// The location of `offset` (in Unicode scalars) inside the value of `scalar`.
    public func location(of offset: Int, in scalar: Located) -> SourceLocation {
        let start = scalar.location
        guard start.line >= 1, start.line <= lines.count else { return scalar.contentLocation.advanced(byColumns: offset) }
        var line = start.line - 1
        var column = start.column - 1
        func current() -> Unicode.Scalar? {
            guard line < lines.count else { return nil }
            return column < lines[line].count ? lines[line][column] : "\n"
        }
        func advance() {
            guard line < lines.count else { return }
            if column < lines[line].count { column += 1 } else { line += 1; column = 0 }
        }
        func skipWhitespace() {
            while let c = current(), c == " " || c == "\t" || c == "\n" {
                if line >= lines.count { return }
                advance()
            }
        }
        if let first = current() {
            if first == "|" || first == ">" {
                line += 1
                column = 0
            } else if first == "\"" || first == "'" {
                advance()
            }
        }
        var consumed = 0
        for v in scalar.text.unicodeScalars {
            if consumed == offset { break }
            consumed += 1
            if v == " " || v == "\n" || v == "\t" {
                skipWhitespace()
            } else {
                skipWhitespace()
                advance()
            }
        }
        skipWhitespace()
        guard line < lines.count else { return scalar.contentLocation.advanced(byColumns: offset) }
        return SourceLocation(file: start.file, line: line + 1, column: column + 1)
    }
}
