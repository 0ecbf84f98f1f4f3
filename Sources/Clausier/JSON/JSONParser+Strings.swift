/// Strings: a fast path for those without escapes, escapes and surrogate pairs decoded, UTF-8
/// checked so that an error can point at the offending byte.
extension JSONParser {
    /// Reads a string from `position`, which holds its opening quote.
    mutating func parseString() throws(JSONReadError) -> String {
        let open = position
        var index = open + 1
        var allBits: UInt8 = 0
        // Fast path: most strings have no escapes, so their bytes become the String as is.
        while index < count {
            let byte = input[index]
            if byte == JSONByte.quote {
                position = index + 1
                if allBits >= 0x80, let invalid = firstInvalidUTF8(from: open + 1, to: index) {
                    throw invalidUTF8(at: invalid)
                }
                return String(decoding: UnsafeBufferPointer(rebasing: input[(open + 1)..<index]), as: UTF8.self)
            }
            if byte == JSONByte.backslash || byte < 0x20 { break }
            allBits |= byte
            index += 1
        }
        return try parseEscapedString(open: open, from: index)
    }

    private mutating func parseEscapedString(open: Int, from firstSpecial: Int) throws(JSONReadError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = open + 1
        var index = firstSpecial
        while index < count {
            let byte = input[index]
            if byte == JSONByte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                position = index + 1
                // Escapes decode to whole scalars, so the decoded text is valid exactly when
                // the raw bytes are, and the raw bytes give the error its position.
                if let invalid = firstInvalidUTF8(from: open + 1, to: index) {
                    throw invalidUTF8(at: invalid)
                }
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == JSONByte.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                index = try decodeEscape(at: index, open: open)
                runStart = index
            } else if byte < 0x20 {
                throw error(
                    at: index,
                    "unescaped control character \(Self.scalarName(UInt32(byte))) in a string (write it as an escape such as \\n or \\u0001)"
                )
            } else {
                index += 1
            }
        }
        throw error(at: open, "unterminated string (no closing '\"')")
    }

    /// Decodes the escape whose backslash is at `index` into `scratch`; returns the index after it.
    private mutating func decodeEscape(at index: Int, open: Int) throws(JSONReadError) -> Int {
        guard index + 1 < count else {
            throw error(at: open, "unterminated string (no closing '\"')")
        }
        let decoded: UInt8
        switch input[index + 1] {
        case JSONByte.quote: decoded = JSONByte.quote
        case JSONByte.backslash: decoded = JSONByte.backslash
        case JSONByte.slash: decoded = JSONByte.slash
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: index)
        default:
            throw error(at: index, "invalid escape: a backslash followed by \(describeByte(at: index + 1)) in a string")
        }
        scratch.append(decoded)
        return index + 2
    }

    private mutating func decodeUnicodeEscape(at index: Int) throws(JSONReadError) -> Int {
        let unit = try hexQuad(at: index + 2, escape: index)
        let scalarValue: UInt32
        var next = index + 6
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate counts only as the first half of a `\uD83D\uDE00` pair.
            guard next + 1 < count, input[next] == JSONByte.backslash, input[next + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate(at: index, "a high surrogate must be followed by a low surrogate escape")
            }
            let low = try hexQuad(at: next + 2, escape: next)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw loneSurrogate(at: index, "a high surrogate must be followed by a low surrogate escape")
            }
            scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw loneSurrogate(at: index, "a low surrogate must follow a high surrogate escape")
        default:
            scalarValue = unit
        }
        appendUTF8(scalarValue)
        return next
    }

    /// The value of the four hex digits at `index`; `escape` is where the `\u` began.
    private func hexQuad(at index: Int, escape: Int) throws(JSONReadError) -> UInt32 {
        guard index + 4 <= count else {
            throw error(at: escape, "invalid \\u escape: expected four hex digits")
        }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = JSONByte.hexValue(input[index + offset]) else {
                throw error(at: escape, "invalid \\u escape: expected four hex digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    private func loneSurrogate(at index: Int, _ reason: String) -> JSONReadError {
        let end = Swift.min(index + 6, count)
        let written = String(decoding: UnsafeBufferPointer(rebasing: input[index..<end]), as: UTF8.self)
        return error(at: index, "lone surrogate \(written) in a string (\(reason))")
    }

    /// Appends a scalar known to be valid (never a surrogate, at most 0x10FFFF) as UTF-8.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: value))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(truncatingIfNeeded: value >> 6))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(truncatingIfNeeded: value >> 12))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(truncatingIfNeeded: value >> 18))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (value >> 12) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        }
    }

    /// The index of the first byte in `start..<end` that does not begin a well-formed
    /// UTF-8 sequence, or nil when the whole range is valid.
    private func firstInvalidUTF8(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if input[index] < 0x80 {
                index += 1
            } else if let length = validSequenceLength(at: index, end: end) {
                index += length
            } else {
                return index
            }
        }
        return nil
    }

    private func invalidUTF8(at index: Int) -> JSONReadError {
        error(at: index, "invalid UTF-8 in a string (byte 0x\(Self.hex(UInt32(input[index]), width: 2)))")
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode table 3-7), or nil.
    func validSequenceLength(at index: Int, end: Int) -> Int? {
        let lead = input[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard end - index >= length, secondRange.contains(input[index + 1]) else { return nil }
        for offset in 2..<length where !(0x80...0xBF).contains(input[index + offset]) {
            return nil
        }
        return length
    }
}
