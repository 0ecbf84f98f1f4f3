/// Writes `JSONValue`s as compact JSON: no spaces, members in stored order, numbers as
/// their lexemes, non-ASCII text as UTF-8.
///
/// Only `"`, `\` and control characters below U+0020 are escaped, because that is all
/// RFC 8259 requires and every extra escape makes results larger and harder to read.
public struct JSONWriter: Sendable {
    /// The compact JSON text of `value`, such as `{"a":1,"b":[true,null]}`.
    public static func write(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        write(value, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the compact JSON text of `value` to `buffer` as UTF-8, so batch output
    /// needs no intermediate `String`s.
    ///
    /// Number lexemes are copied unchecked, as exactness demands; one built by hand should
    /// pass `JSONReader.isNumberLexeme(_:)`. Values read by `JSONReader` always do.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        switch value {
        case .null:
            buffer.append(contentsOf: "null".utf8)
        case .bool(let flag):
            buffer.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .number(let lexeme):
            buffer.append(contentsOf: lexeme.utf8)
        case .string(let text):
            writeString(text, into: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                write(element, into: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                writeString(member.key, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                write(member.value, into: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string; shared with `AnswerWriter` so both escape alike.
    static func writeString(_ text: String, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, into: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaped, without its quotes.
    static func appendEscaped(_ text: String, into buffer: inout [UInt8]) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, into: &buffer)
        }
        if written == nil {
            // Only strings bridged from other representations lack contiguous UTF-8.
            let utf8 = Array(text.utf8)
            utf8.withUnsafeBufferPointer { appendEscaped($0, into: &buffer) }
        }
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        // Copies runs that need no escaping in one go instead of byte by byte.
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: byte, into: &buffer)
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private static func appendEscape(for byte: UInt8, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
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
