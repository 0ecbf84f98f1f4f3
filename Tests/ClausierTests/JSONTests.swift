import Testing
@testable import Clausier

// MARK: Helpers

/// The error reading `text` throws, or nil when it reads fine.
private func readError(_ text: String) -> JSONReadError? {
    do {
        _ = try JSONReader.read(text)
        return nil
    } catch {
        return error
    }
}

/// The error reading `bytes` throws, or nil when they read fine.
private func readError(bytes: [UInt8]) -> JSONReadError? {
    do {
        _ = try JSONReader.read(bytes)
        return nil
    } catch {
        return error
    }
}

/// An object with its members in the given order.
func makeObject(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
}

/// A document that must be rejected, where, and with which words in the message.
struct JSONRejection: Sendable, CustomTestStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var offset: Int
    var fragment: String

    var testDescription: String { JSONWriter.write(.string(text)) }
}

/// Like `JSONRejection`, for inputs that are not valid UTF-8 and so cannot be Swift strings.
struct JSONByteRejection: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var column: Int
    var offset: Int
    var fragment: String

    var testDescription: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
}

/// The JSON reader and writer, against RFC 8259 and hand-computed positions.
struct JSONTests {
    // MARK: Valid documents

    @Test func readsEveryKindOfValue() throws {
        #expect(try JSONReader.read("null") == .null)
        #expect(try JSONReader.read("true") == .bool(true))
        #expect(try JSONReader.read("false") == .bool(false))
        #expect(try JSONReader.read("42") == .number("42"))
        #expect(try JSONReader.read(#""hi""#) == .string("hi"))
        #expect(try JSONReader.read("[]") == .array([]))
        #expect(try JSONReader.read("{}") == .object(JSONObject()))
        #expect(try JSONReader.read(#"[1,"a",null,true,{"k":[]}]"#)
            == .array([.number("1"), .string("a"), .null, .bool(true), makeObject([("k", .array([]))])]))
    }

    @Test func acceptsTheFourWhitespaceCharactersAroundAndBetweenTokens() throws {
        let text = " \t\r\n{ \"a\" :\n[ 1 ,\t2 ] ,\r\n\"b\":\"c\" }\n\t "
        #expect(try JSONReader.read(text)
            == makeObject([("a", .array([.number("1"), .number("2")])), ("b", .string("c"))]))
    }

    @Test func keepsObjectMembersInDocumentOrder() throws {
        let value = try JSONReader.read(#"{"zeta":1,"alpha":2,"mid":{"y":true,"x":false}}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object, got \(value.kindName)")
            return
        }
        #expect(object.keys == ["zeta", "alpha", "mid"])
        #expect(object.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(object.count == 3)
        #expect(object["alpha"] == .number("2"))
        #expect(object["mid"] == makeObject([("y", .bool(true)), ("x", .bool(false))]))
        #expect(object["missing"] == nil)
    }

    @Test(arguments: [
        "0", "-0", "0.1", "-0.0", "1.50", "1e3", "1E+2", "1E-2", "2e-0", "0e0", "-12.345e+67",
        "123456789012345678901234567890.000000000000000000001",
    ])
    func keepsTheExactNumberLexeme(lexeme: String) throws {
        #expect(try JSONReader.read(lexeme) == .number(lexeme))
        #expect(try JSONReader.read("[\(lexeme)]") == .array([.number(lexeme)]))
        #expect(JSONReader.isNumberLexeme(lexeme))
    }

    @Test func numbersThatAreEqualAsQuantitiesStayDistinctValues() {
        // Exactness is the point: "1.0" and "1" are different lexemes, so different values.
        #expect(JSONValue.number("1.0") != .number("1"))
        #expect(JSONValue.number("1.50") == .number("1.50"))
    }

    @Test(arguments: ["", "01", "+1", ".5", "1.", "1e", "-", "0x1F", "1.5.3", " 1", "1 ", "NaN", "1,5"])
    func rejectsNonNumberLexemes(text: String) {
        #expect(!JSONReader.isNumberLexeme(text))
    }

    @Test func decodesEveryEscape() throws {
        #expect(try JSONReader.read(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC""#)
            == .string("\"\\/\u{08}\u{0C}\n\r\tAé€"))
        // Text around escapes is kept: runs before, between and after them.
        #expect(try JSONReader.read(#""ab\ncd\tef""#) == .string("ab\ncd\tef"))
        #expect(try JSONReader.read(#""\u0000""#) == .string("\u{0}"))
    }

    @Test func decodesSurrogatePairs() throws {
        // U+1F600 = 0x10000 + (0xD83D - 0xD800) << 10 + (0xDE00 - 0xDC00).
        #expect(try JSONReader.read(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONReader.read(#""a\uD83D\uDE00b""#) == .string("a😀b"))
        // The highest scalar: U+10FFFF = \uDBFF\uDFFF.
        #expect(try JSONReader.read(#""\uDBFF\uDFFF""#) == .string("\u{10FFFF}"))
    }

    @Test func readsRawUTF8Text() throws {
        #expect(try JSONReader.read(#"{"prénom":"Zoë 😀 €"}"#) == makeObject([("prénom", .string("Zoë 😀 €"))]))
        #expect(try JSONReader.read([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == .string("😀"))
        #expect(try JSONReader.read([0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]) == .string("\u{10FFFF}"))
    }

    @Test func readsFromRawBytesAndArraysAlike() throws {
        let text = #"{"a":[1.25,"x"]}"#
        let bytes = Array(text.utf8)
        let fromRaw = try bytes.withUnsafeBytes { raw in
            Result { () throws(JSONReadError) -> JSONValue in try JSONReader.read(bytes: raw) }
        }.get()
        #expect(fromRaw == makeObject([("a", .array([.number("1.25"), .string("x")]))]))
        #expect(try JSONReader.read(bytes) == fromRaw)
        #expect(try JSONReader.read(text) == fromRaw)
    }

    @Test func emptyRawBufferIsAnErrorNotACrash() {
        var caught: JSONReadError?
        do {
            _ = try JSONReader.read(bytes: UnsafeRawBufferPointer(start: nil, count: 0))
        } catch {
            caught = error
        }
        #expect(caught?.line == 1)
        #expect(caught?.column == 1)
        #expect(caught?.offset == 0)
    }

    @Test func acceptsNestingOf128Levels() throws {
        let text = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var value = try JSONReader.read(text)
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 128)

        // Objects count as levels too: 64 objects each holding an array is 128 levels.
        let mixed = String(repeating: #"{"k":["#, count: 64) + String(repeating: "]}", count: 64)
        #expect(throws: Never.self) { try JSONReader.read(mixed) }
    }

    @Test func allowsTheSameKeyInDifferentObjects() throws {
        #expect(try JSONReader.read(#"{"a":{"a":1},"b":[{"a":2},{"a":3}]}"#)
            == makeObject([
                ("a", makeObject([("a", .number("1"))])),
                ("b", .array([makeObject([("a", .number("2"))]), makeObject([("a", .number("3"))])])),
            ]))
    }

    @Test func acceptsManyDistinctKeys() throws {
        // Past the linear-scan limit the duplicate check switches to a set; distinct keys must pass.
        let members = (0..<500).map { #""key\#($0)":\#($0)"# }.joined(separator: ",")
        guard case .object(let object) = try JSONReader.read("{\(members)}") else {
            Issue.record("expected an object")
            return
        }
        #expect(object.count == 500)
        #expect(object["key0"] == .number("0"))
        #expect(object["key499"] == .number("499"))
    }

    // MARK: Rejections

    @Test(arguments: [
        // {0 "1 a2 "3 :4 15 ,6 }7
        JSONRejection(text: #"{"a":1,}"#, line: 1, column: 8, offset: 7, fragment: "trailing commas"),
        // [0 11 ,2 23 ,4 ]5
        JSONRejection(text: "[1,2,]", line: 1, column: 6, offset: 5, fragment: "trailing commas"),
        // [0 ,1
        JSONRejection(text: "[,1]", line: 1, column: 2, offset: 1, fragment: "expected a value"),
        // [0 11 sp2 23
        JSONRejection(text: "[1 2]", line: 1, column: 4, offset: 3, fragment: "expected ',' or ']' after an array element"),
        // {0 "1 a2 "3 sp4 15
        JSONRejection(text: #"{"a" 1}"#, line: 1, column: 6, offset: 5, fragment: "expected ':' after an object key"),
        // {0 "1 a2 "3 :4 15 sp6 "7
        JSONRejection(text: #"{"a":1 "b":2}"#, line: 1, column: 8, offset: 7, fragment: "expected ',' or '}' after an object member"),
        // {0 "1 a2 "3 :4 15 ]6
        JSONRejection(text: #"{"a":1]"#, line: 1, column: 7, offset: 6, fragment: "expected ',' or '}'"),
        // {0 a1
        JSONRejection(text: "{a:1}", line: 1, column: 2, offset: 1, fragment: "a string key in double quotes"),
        JSONRejection(text: "{'a':1}", line: 1, column: 2, offset: 1, fragment: "double quotes"),
        JSONRejection(text: "['a']", line: 1, column: 2, offset: 1, fragment: "double quotes"),
        // {0 "1 a2 "3 :4 }5
        JSONRejection(text: #"{"a":}"#, line: 1, column: 6, offset: 5, fragment: "unexpected character '}', expected a value"),
        // 10 sp1 22
        JSONRejection(text: "1 2", line: 1, column: 3, offset: 2, fragment: "after the JSON value"),
        // [0 11 ]2 ]3
        JSONRejection(text: "[1]]", line: 1, column: 4, offset: 3, fragment: "after the JSON value"),
        JSONRejection(text: "{}{}", line: 1, column: 3, offset: 2, fragment: "after the JSON value"),
        // [0 11 ,2 sp3 24 (end at 5)
        JSONRejection(text: "[1, 2", line: 1, column: 6, offset: 5, fragment: "unexpected end of input"),
        JSONRejection(text: #"{"a":1"#, line: 1, column: 7, offset: 6, fragment: "unexpected end of input"),
        JSONRejection(text: "{", line: 1, column: 2, offset: 1, fragment: "unexpected end of input, expected a string key"),
        JSONRejection(text: "[", line: 1, column: 2, offset: 1, fragment: "unexpected end of input, expected a value"),
        // [0 11 ]2 sp3 /4
        JSONRejection(text: "[1] // note", line: 1, column: 5, offset: 4, fragment: "comments are not allowed"),
        JSONRejection(text: "/* note */ 1", line: 1, column: 1, offset: 0, fragment: "comments are not allowed"),
        JSONRejection(text: "[1 /* x */]", line: 1, column: 4, offset: 3, fragment: "comments are not allowed"),
        JSONRejection(text: "NaN", line: 1, column: 1, offset: 0, fragment: "NaN and Infinity"),
        JSONRejection(text: "[Infinity]", line: 1, column: 2, offset: 1, fragment: "NaN and Infinity"),
        // -0 I1
        JSONRejection(text: "-Infinity", line: 1, column: 2, offset: 1, fragment: "expected a digit after '-'"),
        JSONRejection(text: "-", line: 1, column: 2, offset: 1, fragment: "expected a digit after '-'"),
        // 00 11: the second digit is what makes it wrong.
        JSONRejection(text: "01", line: 1, column: 2, offset: 1, fragment: "leading zeros"),
        JSONRejection(text: "-01", line: 1, column: 3, offset: 2, fragment: "leading zeros"),
        JSONRejection(text: "[00]", line: 1, column: 3, offset: 2, fragment: "leading zeros"),
        JSONRejection(text: "+1", line: 1, column: 1, offset: 0, fragment: "unexpected character '+', expected a value"),
        JSONRejection(text: ".5", line: 1, column: 1, offset: 0, fragment: "unexpected character '.'"),
        // 10 .1 (end at 2)
        JSONRejection(text: "1.", line: 1, column: 3, offset: 2, fragment: "expected a digit after the decimal point"),
        JSONRejection(text: "1.e3", line: 1, column: 3, offset: 2, fragment: "expected a digit after the decimal point"),
        JSONRejection(text: "1e", line: 1, column: 3, offset: 2, fragment: "expected a digit in the exponent"),
        JSONRejection(text: "1e+", line: 1, column: 4, offset: 3, fragment: "expected a digit in the exponent"),
        // 00 x1
        JSONRejection(text: "0x1F", line: 1, column: 2, offset: 1, fragment: "unexpected character 'x' in a number"),
        // 10 .1 52 .3
        JSONRejection(text: "1.5.3", line: 1, column: 4, offset: 3, fragment: "unexpected character '.' in a number"),
        JSONRejection(text: "[12abc]", line: 1, column: 4, offset: 3, fragment: "in a number"),
        JSONRejection(text: "nul", line: 1, column: 1, offset: 0, fragment: "expected 'null'"),
        JSONRejection(text: "[tru]", line: 1, column: 2, offset: 1, fragment: "expected 'true'"),
        JSONRejection(text: "fals", line: 1, column: 1, offset: 0, fragment: "expected 'false'"),
        JSONRejection(text: "True", line: 1, column: 1, offset: 0, fragment: "unexpected character 'T'"),
        // [0 "1 a2 b3 c4: the error points at the opening quote.
        JSONRejection(text: #"["abc"#, line: 1, column: 2, offset: 1, fragment: "unterminated string"),
        JSONRejection(text: #""abc\"#, line: 1, column: 1, offset: 0, fragment: "unterminated string"),
        JSONRejection(text: #""abc\""#, line: 1, column: 1, offset: 0, fragment: "unterminated string"),
        // "0 a1 \2
        JSONRejection(text: #""a\x""#, line: 1, column: 3, offset: 2, fragment: "invalid escape"),
        JSONRejection(text: #""\'""#, line: 1, column: 2, offset: 1, fragment: "invalid escape"),
        JSONRejection(text: #""\u12G4""#, line: 1, column: 2, offset: 1, fragment: "four hex digits"),
        JSONRejection(text: #""\u12""#, line: 1, column: 2, offset: 1, fragment: "four hex digits"),
        // "0 \1: a surrogate error points at the escape that cannot stand alone.
        JSONRejection(text: #""\ud83d""#, line: 1, column: 2, offset: 1, fragment: #"lone surrogate \ud83d"#),
        JSONRejection(text: #""\ud83dx""#, line: 1, column: 2, offset: 1, fragment: "lone surrogate"),
        JSONRejection(text: #""\ud83d\u0041""#, line: 1, column: 2, offset: 1, fragment: "lone surrogate"),
        JSONRejection(text: #""\ud83d\ud83d""#, line: 1, column: 2, offset: 1, fragment: "lone surrogate"),
        JSONRejection(text: #""\ude00""#, line: 1, column: 2, offset: 1, fragment: #"lone surrogate \ude00"#),
        JSONRejection(text: #""x\uDE00\uD83D""#, line: 1, column: 3, offset: 2, fragment: "lone surrogate"),
        // "0 a1 <control>2
        JSONRejection(text: "\"a\u{01}b\"", line: 1, column: 3, offset: 2, fragment: "unescaped control character U+0001"),
        JSONRejection(text: "\"a\nb\"", line: 1, column: 3, offset: 2, fragment: "unescaped control character U+000A"),
        JSONRejection(text: "\"a\tb\"", line: 1, column: 3, offset: 2, fragment: "U+0009"),
        JSONRejection(text: "\"\\n\u{1F}\"", line: 1, column: 4, offset: 3, fragment: "U+001F"),
        JSONRejection(text: "", line: 1, column: 1, offset: 0, fragment: "empty"),
        // sp0 sp1 \n2 sp3 (end at 4, line 2 column 2)
        JSONRejection(text: "  \n ", line: 2, column: 2, offset: 4, fragment: "empty"),
        // Only space, tab, CR and LF are JSON whitespace.
        JSONRejection(text: "\u{0B}1", line: 1, column: 1, offset: 0, fragment: "U+000B"),
        JSONRejection(text: "\u{A0}1", line: 1, column: 1, offset: 0, fragment: "(U+00A0)"),
        JSONRejection(text: "é", line: 1, column: 1, offset: 0, fragment: "character 'é' (U+00E9)"),
        // {0 "1 a2 "3 :4 15 ,6 "7: the second key is reported.
        JSONRejection(text: #"{"a":1,"a":2}"#, line: 1, column: 8, offset: 7, fragment: #"duplicate key "a""#),
        JSONRejection(text: #"{"a\nb":1,"a\u000ab":2}"#, line: 1, column: 11, offset: 10, fragment: #"duplicate key "a\nb""#),
        // Swift strings compare by canonical equivalence, as the subscript does, so "é" and
        // "e" + U+0301 cannot both be keys: {0 "1 é2-3 "4 :5 16 ,7 "8 → 8 bytes, 7 scalars before.
        JSONRejection(text: "{\"\u{E9}\":1,\"e\u{301}\":2}", line: 1, column: 8, offset: 8, fragment: "duplicate key"),
        // Line 1 is `{` (offsets 0-1 with its LF), line 2 `  "a": 1,` (2-11), line 3 `  "b" 2`
        // starts at 12: sp12 sp13 "14 b15 "16 sp17 2 at offset 18, column 7.
        JSONRejection(text: "{\n  \"a\": 1,\n  \"b\" 2\n}", line: 3, column: 7, offset: 18, fragment: "expected ':'"),
        // [0 11 ,2 \r3 \n4 25 ,6 \r7 \n8 ]9: CRLF is one line break.
        JSONRejection(text: "[1,\r\n2,\r\n]", line: 3, column: 1, offset: 9, fragment: "trailing commas"),
        // [0 11 ,2 \r3 ]4: a lone CR also ends a line.
        JSONRejection(text: "[1,\r]", line: 2, column: 1, offset: 4, fragment: "trailing commas"),
        // Columns count scalars: [0 "1 😀2-5 "6 ,7 sp8 x9 is column [1 "2 😀3 "4 ,5 sp6 x7.
        JSONRejection(text: "[\"😀\", x]", line: 1, column: 7, offset: 9, fragment: "unexpected character 'x'"),
    ])
    func rejects(_ rejection: JSONRejection) throws {
        let error = try #require(readError(rejection.text))
        #expect(error.line == rejection.line)
        #expect(error.column == rejection.column)
        #expect(error.offset == rejection.offset)
        #expect(error.message.contains(rejection.fragment), "message: \(error.message)")
        // Reading bytes must agree with reading the string.
        #expect(readError(bytes: Array(rejection.text.utf8)) == error)
    }

    @Test(arguments: [
        // "0 a1 FF2
        JSONByteRejection(bytes: [0x22, 0x61, 0xFF, 0x22], column: 3, offset: 2, fragment: "invalid UTF-8 in a string (byte 0xFF)"),
        // Overlong encoding of "/".
        JSONByteRejection(bytes: [0x22, 0xC0, 0xAF, 0x22], column: 2, offset: 1, fragment: "invalid UTF-8"),
        // U+D800 encoded directly.
        JSONByteRejection(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], column: 2, offset: 1, fragment: "invalid UTF-8"),
        // U+110000, past the last scalar.
        JSONByteRejection(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], column: 2, offset: 1, fragment: "invalid UTF-8"),
        // A three-byte sequence cut short by the closing quote.
        JSONByteRejection(bytes: [0x22, 0xE2, 0x82, 0x22], column: 2, offset: 1, fragment: "invalid UTF-8"),
        // A continuation byte with no lead.
        JSONByteRejection(bytes: [0x22, 0x80, 0x22], column: 2, offset: 1, fragment: "invalid UTF-8"),
        // "0 é1-2 FF3: column 3 because é is one scalar.
        JSONByteRejection(bytes: [0x22, 0xC3, 0xA9, 0xFF, 0x22], column: 3, offset: 3, fragment: "invalid UTF-8"),
        // "0 \1 n2 FF3: the same check on the path that decodes escapes.
        JSONByteRejection(bytes: [0x22, 0x5C, 0x6E, 0xFF, 0x22], column: 4, offset: 3, fragment: "invalid UTF-8"),
        // Outside strings.
        JSONByteRejection(bytes: [0xFF], column: 1, offset: 0, fragment: "invalid UTF-8 byte 0xFF"),
        JSONByteRejection(bytes: [0x5B, 0x80, 0x5D], column: 2, offset: 1, fragment: "invalid UTF-8 byte 0x80"),
        JSONByteRejection(bytes: [0xEF, 0xBB, 0xBF, 0x31], column: 1, offset: 0, fragment: "byte order mark"),
    ])
    func rejectsBytes(_ rejection: JSONByteRejection) throws {
        let error = try #require(readError(bytes: rejection.bytes))
        #expect(error.line == 1)
        #expect(error.column == rejection.column)
        #expect(error.offset == rejection.offset)
        #expect(error.message.contains(rejection.fragment), "message: \(error.message)")
    }

    @Test func rejectsNestingOf129Levels() throws {
        // Brackets 1...128 are at offsets 0...127; the 129th, at offset 128, is one too many.
        let text = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        let error = try #require(readError(text))
        #expect(error.offset == 128)
        #expect(error.column == 129)
        #expect(error.message.contains("nested more than 128"))

        // 128 objects-or-arrays then one more object: {"k": is 5 bytes, [ is 1, so 64 pairs
        // take 384 bytes and the next `{` is the 129th level at offset 384.
        let mixed = String(repeating: #"{"k":["#, count: 64) + #"{"x":1}"# + String(repeating: "]}", count: 64)
        let mixedError = try #require(readError(mixed))
        #expect(mixedError.offset == 384)
    }

    @Test func hostileDepthIsAnErrorNotAStackOverflow() throws {
        let error = try #require(readError(String(repeating: "[", count: 1_000_000)))
        #expect(error.offset == 128)
    }

    @Test func findsDuplicatesAmongManyKeys() throws {
        // Twenty 8-byte members `"kNN":0,` after `{` end at offset 1 + 20 * 8 = 161, where the
        // repeated "k05" starts; it is found by the set used past the linear-scan limit.
        let members = (0..<20).map { index in #""k\#(index < 10 ? "0" : "")\#(index)":0,"# }.joined()
        let error = try #require(readError("{" + members + #""k05":1}"#))
        #expect(error.offset == 161)
        #expect(error.column == 162)
        #expect(error.message == #"duplicate key "k05""#)
    }

    @Test func errorDescriptionNamesLineAndColumn() throws {
        let error = try #require(readError(#"{"a":1,}"#))
        #expect(error.description == "line 1, column 8: expected a key after ',' (trailing commas are not allowed)")
    }

    // MARK: Size

    @Test func readsAMegabyteArrayOfSmallObjects() throws {
        // A sanity check that large inputs work, not a timing assertion.
        var text = "["
        var count = 0
        while text.utf8.count < 1_000_000 {
            if count > 0 { text += "," }
            text += #"{"id":\#(count),"amount":"12.50","rate":0.125,"ok":true,"tags":["a","b\n"]}"#
            count += 1
        }
        text += "]"
        guard case .array(let elements) = try JSONReader.read(text) else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.count == count)
        guard case .object(let last) = try #require(elements.last) else {
            Issue.record("expected an object")
            return
        }
        #expect(last["id"] == .number("\(count - 1)"))
        #expect(last["tags"] == .array([.string("a"), .string("b\n")]))
        // The document is compact, so writing it back must give the same text.
        #expect(JSONWriter.write(.array(elements)) == text)
    }

    // MARK: Robustness

    @Test func mutatedDocumentsNeverCrashAndRoundTripWhenAccepted() throws {
        // A fixed-seed generator keeps this deterministic. Every mutation must either read,
        // and then survive write-then-read unchanged, or fail with a position inside the input.
        let seeds: [[UInt8]] = [
            Array(#"{"a":[1,2.5e3,-0.0,{"b":null}],"c":"x\u00e9\ud83d\ude00\n","d":true}"#.utf8),
            Array(#"[{"id":1,"amount":"12.50"},[],{},"é😀",false]"#.utf8),
        ]
        let alphabet = Array(#"{}[],:"\ 019.eE+-tfnu/"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0
        for round in 0..<3000 {
            var document = seeds[round % seeds.count]
            for _ in 0...next(3) {
                let index = next(document.count)
                switch next(3) {
                case 0: document[index] = alphabet[next(alphabet.count)]
                case 1: document.insert(alphabet[next(alphabet.count)], at: index)
                default: document.remove(at: index)
                }
            }
            do {
                let value = try JSONReader.read(document)
                accepted += 1
                #expect(try JSONReader.read(JSONWriter.write(value)) == value)
            } catch {
                #expect((0...document.count).contains(error.offset))
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        // Some single-byte changes keep a document valid (a digit for a digit), some do not.
        #expect(accepted > 0 && accepted < 3000)
    }
}
