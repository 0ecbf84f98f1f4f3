import ClausierDiagnostics

/// Maps an offset inside a scalar's value back to its line and column in the file.
///
/// YAML folds multi-line values (block scalars `>` and `|`, and plain or quoted values that go
/// on over several lines), so an offset in the value is not a column on the scalar's first line.
/// The value and the file are walked side by side, whitespace matching any run of whitespace,
/// which is exact for expressions (they hold no escapes). Lines are decoded only when a finding
/// needs them: on a clean file the file's line table is all the work done.
extension SourceFile {
    /// Line `index` (0-based) as Unicode scalars, without its line break.
    private func scalars(ofLine index: Int) -> [Unicode.Scalar] {
        guard let text = line(index + 1) else { return [] }
        return Array(text.unicodeScalars.filter { $0 != "\r" })
    }

    /// The common case, without decoding anything: the value's first `offset` characters are ASCII and
    /// stand as they are on the scalar's first line.
    private func sameLineLocation(of offset: Int, in scalar: Located) -> SourceLocation? {
        let content = scalar.contentLocation
        let lineIndex = content.line - 1
        guard lineIndex >= 0, lineIndex < lineStarts.count else { return nil }
        var position = lineStarts[lineIndex] + content.column - 1
        var consumed = 0
        // Compare through the character at `offset` too, so that a block scalar (whose text starts on
        // the next line) never takes this path.
        for byte in scalar.text.utf8 {
            guard byte < 0x80, position < bytes.count, bytes[position] == byte, byte != UInt8(ascii: "\n") else { return nil }
            if consumed == offset { break }
            position += 1
            consumed += 1
        }
        guard consumed == offset else { return nil }
        // The offset points at the value's character there, provided the line holds only ASCII before it.
        for index in lineStarts[lineIndex]..<(lineStarts[lineIndex] + content.column - 1) where index < bytes.count && bytes[index] >= 0x80 {
            return nil
        }
        return content.advanced(byColumns: offset)
    }

    /// The location of `offset` (in Unicode scalars) inside the value of `scalar`.
    func location(of offset: Int, in scalar: Located) -> SourceLocation {
        let start = scalar.location
        let lineCount = self.lineCount
        guard start.line >= 1, start.line <= lineCount else { return scalar.contentLocation.advanced(byColumns: offset) }
        if let fast = sameLineLocation(of: offset, in: scalar) { return fast }
        var line = start.line - 1
        var column = start.column - 1
        var text = self.scalars(ofLine: line)
        func current() -> Unicode.Scalar? {
            guard line < lineCount else { return nil }
            return column < text.count ? text[column] : "\n"
        }
        func advance() {
            guard line < lineCount else { return }
            if column < text.count {
                column += 1
            } else {
                line += 1
                column = 0
                text = self.scalars(ofLine: line)
            }
        }
        func skipWhitespace() {
            while let c = current(), c == " " || c == "\t" || c == "\n" {
                if line >= lineCount { return }
                advance()
            }
        }
        if let first = current() {
            if first == "|" || first == ">" {
                line += 1
                column = 0
                text = self.scalars(ofLine: line)
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
        guard line < lineCount else { return scalar.contentLocation.advanced(byColumns: offset) }
        return SourceLocation(file: start.file, line: line + 1, column: column + 1)
    }
}
