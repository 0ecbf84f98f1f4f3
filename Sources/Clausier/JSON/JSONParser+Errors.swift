/// Errors with a position: the byte found named in words, the line and column computed only
/// when an error is thrown.
extension JSONParser {
    /// The error for the byte at `position` when `expected` should have been there.
    func unexpected(_ expected: String) -> JSONReadError {
        guard position < count else {
            return error(at: position, "unexpected end of input, expected \(expected)")
        }
        switch input[position] {
        case JSONByte.slash:
            return error(at: position, "comments are not allowed in JSON")
        case UInt8(ascii: "'"):
            return error(at: position, "strings must be in double quotes, not single quotes")
        default:
            return error(at: position, "unexpected \(describeByte(at: position)), expected \(expected)")
        }
    }

    /// Names the byte at `index` for a message: `character 'x'`, `character U+0001`,
    /// `character 'é' (U+00E9)` or `invalid UTF-8 byte 0xFF`.
    func describeByte(at index: Int) -> String {
        let byte = input[index]
        if byte < 0x80 {
            if byte > 0x20 && byte < 0x7F {
                return "character '\(Character(Unicode.Scalar(byte)))'"
            }
            return "character \(Self.scalarName(UInt32(byte)))"
        }
        guard let length = validSequenceLength(at: index, end: count) else {
            return "invalid UTF-8 byte 0x\(Self.hex(UInt32(byte), width: 2))"
        }
        var value = UInt32(byte) & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(input[index + offset] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else {
            return "character \(Self.scalarName(value))"
        }
        return "character '\(Character(scalar))' (\(Self.scalarName(value)))"
    }

    static func scalarName(_ value: UInt32) -> String {
        "U+\(hex(value, width: 4))"
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// An error at a byte offset, with the line and column computed only now, because
    /// tracking them while parsing would slow down every document that is fine.
    func error(at offset: Int, _ message: String) -> JSONReadError {
        var line = 1
        var column = 1
        var index = 0
        let end = Swift.min(offset, count)
        while index < end {
            let byte = input[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 < count, input[index + 1] == 0x0A {
                    // The `\n` of this `\r\n` ends the line.
                } else {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes belong to the scalar their lead byte already counted.
                column += 1
            }
            index += 1
        }
        return JSONReadError(message: message, line: line, column: column, offset: offset)
    }
}
