/// Writes `JSONValue`s as JSON: members in stored order, numbers as their lexemes, non-ASCII
/// text as UTF-8. Compact (no spaces) unless `Options.prettyPrinted` is given.
///
/// Only `"`, `\` and control characters below U+0020 are escaped, because that is all
/// RFC 8259 requires and every extra escape makes results larger and harder to read.
public struct JSONWriter: Sendable {
    /// Choices on layout and escaping. The empty set is the compact form of answers, which hosts
    /// read: adding an option never changes what the empty set writes.
    public struct Options: OptionSet, Sendable, Hashable {
        /// The options as bits, one per option.
        public let rawValue: UInt8

        /// Creates options from their bits.
        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// One element or member a line, two spaces of indentation a level, `": "` after each key;
        /// an empty array or object stays `[]` or `{}`. The first line is not indented and there is
        /// no final newline. This is the layout of `clausier check --format sarif`, kept for
        /// readable golden files.
        public static let prettyPrinted = Options(rawValue: 1 << 0)

        /// Writes U+0008 and U+000C as `\u0008` and `\u000c` instead of `\b` and `\f`.
        ///
        /// Both are valid JSON. `clausier check --format json` and `--format sarif` have always
        /// written them this way and tools compare their output byte for byte, whereas answers and
        /// test reports use the short escapes.
        public static let backspaceAndFormFeedAsUnicodeEscapes = Options(rawValue: 1 << 1)
    }

    /// The compact JSON text of `value`, such as `{"a":1,"b":[true,null]}`.
    public static func write(_ value: JSONValue) -> String {
        write(value, options: [])
    }

    /// The JSON text of `value`, laid out and escaped as `options` say.
    public static func write(_ value: JSONValue, options: Options) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        write(value, options: options, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the compact JSON text of `value` to `buffer` as UTF-8, so batch output
    /// needs no intermediate `String`s.
    ///
    /// Number lexemes are copied unchecked, as exactness demands; one built by hand should
    /// pass `JSONReader.isNumberLexeme(_:)`. Values read by `JSONReader` always do.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        write(value, options: [], into: &buffer)
    }

    /// Appends the JSON text of `value` to `buffer` as UTF-8, laid out and escaped as `options` say.
    public static func write(_ value: JSONValue, options: Options, into buffer: inout [UInt8]) {
        write(value, options: options, depth: 0, into: &buffer)
    }

    private static func write(_ value: JSONValue, options: Options, depth: Int, into buffer: inout [UInt8]) {
        switch value {
        case .null:
            buffer.append(contentsOf: "null".utf8)
        case .bool(let flag):
            buffer.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .number(let lexeme):
            buffer.append(contentsOf: lexeme.utf8)
        case .string(let text):
            writeString(text, options: options, into: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                startLine(options: options, depth: depth + 1, into: &buffer)
                write(element, options: options, depth: depth + 1, into: &buffer)
            }
            if !elements.isEmpty { startLine(options: options, depth: depth, into: &buffer) }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                startLine(options: options, depth: depth + 1, into: &buffer)
                writeString(member.key, options: options, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                if options.contains(.prettyPrinted) { buffer.append(UInt8(ascii: " ")) }
                write(member.value, options: options, depth: depth + 1, into: &buffer)
            }
            if !object.isEmpty { startLine(options: options, depth: depth, into: &buffer) }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// When pretty-printing, a newline and the indentation of `depth`; nothing otherwise.
    private static func startLine(options: Options, depth: Int, into buffer: inout [UInt8]) {
        guard options.contains(.prettyPrinted) else { return }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends `text` as a JSON string; shared with `AnswerWriter` so both escape alike.
    static func writeString(_ text: String, options: Options = [], into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, options: options, into: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaped, without its quotes.
    static func appendEscaped(_ text: String, options: Options = [], into buffer: inout [UInt8]) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, options: options, into: &buffer)
        }
        if written == nil {
            // Only strings bridged from other representations lack contiguous UTF-8.
            let utf8 = Array(text.utf8)
            utf8.withUnsafeBufferPointer { appendEscaped($0, options: options, into: &buffer) }
        }
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, options: Options, into buffer: inout [UInt8]) {
        // Copies runs that need no escaping in one go instead of byte by byte.
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: byte, options: options, into: &buffer)
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private static func appendEscape(for byte: UInt8, options: Options, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        let shortBackspaceAndFormFeed = !options.contains(.backspaceAndFormFeedAsUnicodeEscapes)
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08 where shortBackspaceAndFormFeed: buffer.append(UInt8(ascii: "b"))
        case 0x0C where shortBackspaceAndFormFeed: buffer.append(UInt8(ascii: "f"))
        default:
            // Only bytes below 0x20 get here, so two hex digits are enough.
            let hexDigits: StaticString = "0123456789abcdef"
            hexDigits.withUTF8Buffer { digits in
                buffer.append(UInt8(ascii: "u"))
                buffer.append(UInt8(ascii: "0"))
                buffer.append(UInt8(ascii: "0"))
                buffer.append(digits[Int(byte >> 4)])
                buffer.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
