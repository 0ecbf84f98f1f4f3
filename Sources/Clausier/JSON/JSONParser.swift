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
    /// Internal only so that the string reading beside this file can fill it.
    var scratch: [UInt8] = []

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

    // MARK: Whitespace

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
}
