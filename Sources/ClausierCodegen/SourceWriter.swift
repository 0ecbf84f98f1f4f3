/// Accumulates Swift source with indentation.
struct SourceWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: depth) + content + "\n"
    }

    mutating func doc(_ content: String) {
        for part in content.split(separator: "\n", omittingEmptySubsequences: false) {
            line(part.isEmpty ? "///" : "/// " + part)
        }
    }

    mutating func indent(by levels: Int) {
        depth = max(0, depth + levels)
    }

    mutating func block(_ opening: String, _ body: (inout SourceWriter) -> Void) {
        line(opening + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }
}

extension SourceWriter {
    /// Opens a brace block whose closing line is written by ``close(_:)``: for `if … { } else { }` chains.
    mutating func open(_ opening: String) {
        line(opening + " {")
        indent(by: 1)
    }

    /// Closes a block opened with ``open(_:)``, with `}` or a continuation such as `} else {`.
    mutating func close(_ closing: String = "}") {
        indent(by: -1)
        line(closing)
        if closing.hasSuffix("{") { indent(by: 1) }
    }

    /// Writes the lines of another writer here, keeping their relative indentation.
    mutating func append(_ other: SourceWriter) {
        for part in other.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            line(String(part.drop(while: { $0 == " " }).isEmpty ? "" : part))
        }
    }

    /// Whether nothing was written.
    var isEmpty: Bool { text.isEmpty }
}
