/// Why a JSON document was rejected, and where.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in plain words ("expected ':' after an object key").
    public var message: String
    /// The 1-based line; `\n`, `\r\n` and a lone `\r` each end a line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars like `SourceLocation` does.
    public var column: Int
    /// The 0-based byte offset into the UTF-8 input.
    public var offset: Int

    /// Creates an error at a position.
    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

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

/// The recursive-descent parser behind `JSONReader`, one per document.
///
/// Positions are plain indices checked against `count` before every read, so malformed
/// input ends in a thrown error and never in an out-of-bounds access.
struct JSONParser {
    // Internal rather than private so that `FactBytesDecoder` can walk a document with the
    // same grammar, positions and depth limit as `JSONReader`.
    let input: UnsafeBufferPointer<UInt8>
    let count: Int
    /// The index of the next byte to read.
    var position = 0
    var depth = 0
    /// Reused across strings with escapes so that decoding them allocates once per document.
    private var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.count = input.count
    }

    // MARK: Document and values

    mutating func parseDocument() throws(JSONReadError) -> JSONValue {
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            throw error(at: 0, "a byte order mark (U+FEFF) is not allowed before the JSON value")
        }
        skipWhitespace()
        guard position < count else {
            throw error(at: position, "no JSON value: the input is empty or only whitespace")
        }
        let value = try parseValue()
        skipWhitespace()
        guard position == count else {
            throw unexpected("the end of the input after the JSON value")
        }
        return value
    }

    mutating func parseValue() throws(JSONReadError) -> JSONValue {
        guard position < count else { throw unexpected("a value") }
        switch input[position] {
        case JSONByte.quote:
            return .string(try parseString())
        case JSONByte.openBrace:
            return try parseObject()
        case JSONByte.openBracket:
            return try parseArray()
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case JSONByte.minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error(at: position, "NaN and Infinity are not allowed in JSON")
        default:
            throw unexpected("a value")
        }
    }

    mutating func parseLiteral(_ literal: StaticString) throws(JSONReadError) {
        let start = position
        let length = literal.utf8CodeUnitCount
        guard count - start >= length else {
            throw error(at: start, "invalid literal: expected '\(literal)'")
        }
        let matches = literal.withUTF8Buffer { expected in
            for index in 0..<length where input[start + index] != expected[index] {
                return false
            }
            return true
        }
        guard matches else {
            throw error(at: start, "invalid literal: expected '\(literal)'")
        }
        position = start + length
    }

    // MARK: Containers

    mutating func enterContainer() throws(JSONReadError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            throw error(at: position, "arrays and objects are nested more than \(JSONReader.maximumDepth) levels deep")
        }
    }

    private mutating func parseArray() throws(JSONReadError) -> JSONValue {
        try enterContainer()
        position += 1
        skipWhitespace()
        if position < count, input[position] == JSONByte.closeBracket {
            position += 1
            depth -= 1
            return .array([])
        }
        // Starting with room for a few avoids the repeated regrowth of tiny arrays, which
        // measured as costing more than a third of reading a small fact document.
        var elements: [JSONValue] = []
        elements.reserveCapacity(4)
        while true {
            let element = try parseValue()
            elements.append(element)
            skipWhitespace()
            guard position < count else { throw unexpected("',' or ']' after an array element") }
            let byte = input[position]
            if byte == JSONByte.comma {
                position += 1
                skipWhitespace()
                if position < count, input[position] == JSONByte.closeBracket {
                    throw error(at: position, "expected a value after ',' (trailing commas are not allowed)")
                }
            } else if byte == JSONByte.closeBracket {
                position += 1
                break
            } else {
                throw unexpected("',' or ']' after an array element")
            }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONReadError) -> JSONValue {
        try enterContainer()
        position += 1
        skipWhitespace()
        if position < count, input[position] == JSONByte.closeBrace {
            position += 1
            depth -= 1
            return .object(JSONObject())
        }
        // As for arrays; fact objects typically have a handful of members.
        var members: [JSONMember] = []
        members.reserveCapacity(8)
        var keySet: Set<String>? = nil
        while true {
            guard position < count, input[position] == JSONByte.quote else {
                throw unexpected("a string key in double quotes")
            }
            let keyOffset = position
            let key = try parseString()
            if Self.isDuplicate(key, in: members, keySet: &keySet) {
                throw error(at: keyOffset, "duplicate key \(JSONWriter.write(.string(key)))")
            }
            skipWhitespace()
            guard position < count, input[position] == JSONByte.colon else {
                throw unexpected("':' after an object key")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard position < count else { throw unexpected("',' or '}' after an object member") }
            let byte = input[position]
            if byte == JSONByte.comma {
                position += 1
                skipWhitespace()
                if position < count, input[position] == JSONByte.closeBrace {
                    throw error(at: position, "expected a key after ',' (trailing commas are not allowed)")
                }
            } else if byte == JSONByte.closeBrace {
                position += 1
                break
            } else {
                throw unexpected("',' or '}' after an object member")
            }
        }
        depth -= 1
        return .object(JSONObject(members))
    }

    /// Above this many members, duplicate keys are found with a set instead of a scan,
    /// so an object with many keys costs linear time rather than quadratic.
    private static var linearKeyScanLimit: Int { 12 }

    /// Whether `key` is already among `members`; `keySet` caches their keys once there are many.
    ///
    /// String equality is canonical equivalence, the same test the subscript uses, so two
    /// keys that lookup could not tell apart are reported as duplicates.
    private static func isDuplicate(_ key: String, in members: [JSONMember], keySet: inout Set<String>?) -> Bool {
        if keySet != nil {
            return keySet?.insert(key).inserted == false
        }
        if members.count < linearKeyScanLimit {
            return members.contains { $0.key == key }
        }
        var set = Set<String>(minimumCapacity: 2 * members.count)
        for member in members {
            set.insert(member.key)
        }
        let isNew = set.insert(key).inserted
        keySet = set
        return !isNew
    }

    // MARK: Numbers

    /// Reads a number from `position`, which holds `-` or a digit, and returns its lexeme.
    mutating func parseNumber() throws(JSONReadError) -> String {
        let start = position
        var index = position
        if index < count, input[index] == JSONByte.minus {
            index += 1
        }
        guard index < count, JSONByte.isDigit(input[index]) else {
            throw error(at: index, "expected a digit after '-'")
        }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, JSONByte.isDigit(input[index]) {
                throw error(at: index, "numbers cannot have leading zeros")
            }
        } else {
            while index < count, JSONByte.isDigit(input[index]) { index += 1 }
        }
        if index < count, input[index] == JSONByte.period {
            index += 1
            guard index < count, JSONByte.isDigit(input[index]) else {
                throw error(at: index, "expected a digit after the decimal point")
            }
            while index < count, JSONByte.isDigit(input[index]) { index += 1 }
        }
        if index < count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, input[index] == JSONByte.plus || input[index] == JSONByte.minus {
                index += 1
            }
            guard index < count, JSONByte.isDigit(input[index]) else {
                throw error(at: index, "expected a digit in the exponent")
            }
            while index < count, JSONByte.isDigit(input[index]) { index += 1 }
        }
        // Catches `0x1F`, `1.2.3`, `12abc` with a message about the number rather than a
        // confusing one about the separator that should have followed it.
        if index < count, JSONByte.continuesNumberLikeText(input[index]) {
            throw error(at: index, "unexpected \(describeByte(at: index)) in a number")
        }
        position = index
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
    }

    // MARK: Strings

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
    private func validSequenceLength(at index: Int, end: Int) -> Int? {
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

    // MARK: Whitespace and errors

    /// After a member's value in an object: true past a `,` (another member follows, whitespace
    /// skipped), false past the closing `}`, nil for anything else (the document is not one this
    /// fast reading takes).
    mutating func afterMember() -> Bool? {
        skipWhitespace()
        guard position < count else { return nil }
        let byte = input[position]
        position += 1
        if byte == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        return byte == UInt8(ascii: "}") ? false : nil
    }

    mutating func skipWhitespace() {
        while position < count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The error for the byte at `position` when `expected` should have been there.
    private func unexpected(_ expected: String) -> JSONReadError {
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
    private func describeByte(at index: Int) -> String {
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

    private static func scalarName(_ value: UInt32) -> String {
        "U+\(hex(value, width: 4))"
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// An error at a byte offset, with the line and column computed only now, because
    /// tracking them while parsing would slow down every document that is fine.
    private func error(at offset: Int, _ message: String) -> JSONReadError {
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

/// The bytes the grammar names, as constants instead of an extension on `UInt8`, so they
/// cannot collide with helpers other files of the module add to `UInt8`.
enum JSONByte {
    static var quote: UInt8 { 0x22 }
    static var backslash: UInt8 { 0x5C }
    static var slash: UInt8 { 0x2F }
    static var openBrace: UInt8 { 0x7B }
    static var closeBrace: UInt8 { 0x7D }
    static var openBracket: UInt8 { 0x5B }
    static var closeBracket: UInt8 { 0x5D }
    static var comma: UInt8 { 0x2C }
    static var colon: UInt8 { 0x3A }
    static var minus: UInt8 { 0x2D }
    static var plus: UInt8 { 0x2B }
    static var period: UInt8 { 0x2E }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Bytes that, right after a number, mean the author meant a longer number-like token.
    static func continuesNumberLikeText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), period, plus, minus:
            true
        default:
            false
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }
}
