/// A strict RFC 8259 JSON reader that keeps numbers as their exact lexemes.
///
/// Facts arrive as JSON on the hot path of `clausier eval --batch`, so the reader works on
/// UTF-8 bytes directly. It is strict because a lenient reader would let a malformed fact
/// file be read as something its author did not write: exactly one value with surrounding
/// whitespace, no comments, no trailing commas, no `NaN`, no leading zeros, no byte order
/// mark, no invalid UTF-8, no lone surrogates, no duplicate keys, and at most
/// `maximumDepth` nested arrays and objects so hostile input cannot exhaust the stack.
public enum JSONReader: Sendable {
    /// How deeply arrays and objects may nest; one level deeper is an error.
    public static let maximumDepth = 128

    /// Reads one JSON document from a string.
    public static func read(_ text: String) throws(JSONReadError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(JSONReadError) -> JSONValue in try readDocument(utf8) }
        }
        return try result.get()
    }

    /// Reads one JSON document from UTF-8 bytes in memory the caller owns.
    public static func read(bytes: UnsafeRawBufferPointer) throws(JSONReadError) -> JSONValue {
        let result = bytes.withMemoryRebound(to: UInt8.self) { utf8 in
            Result { () throws(JSONReadError) -> JSONValue in try readDocument(utf8) }
        }
        return try result.get()
    }

    /// Reads one JSON document from UTF-8 bytes.
    public static func read(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { utf8 in
            Result { () throws(JSONReadError) -> JSONValue in try readDocument(utf8) }
        }
        return try result.get()
    }

    /// Whether `text` is a number exactly as RFC 8259 spells one (`-0`, `1.50`, `1E+2`).
    ///
    /// Code that builds `JSONValue.number` by hand checks its lexeme with this, because
    /// the writer emits lexemes unchanged.
    public static func isNumberLexeme(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var parser = JSONParser(input: utf8)
            guard let first = utf8.first, first == JSONByte.minus || JSONByte.isDigit(first) else { return false }
            do {
                _ = try parser.parseNumber()
            } catch {
                return false
            }
            return parser.position == utf8.count
        }
    }

    private static func readDocument(_ utf8: UnsafeBufferPointer<UInt8>) throws(JSONReadError) -> JSONValue {
        var parser = JSONParser(input: utf8)
        return try parser.parseDocument()
    }
}
