import Testing
@testable import Clausier

/// Writing JSON, and the JSON model's own behaviour.
struct JSONWriterTests {
    // MARK: Writing

    @Test func writesCompactly() {
        let value = makeObject([("a", .number("1")), ("b", .array([.bool(true), .null]))])
        #expect(JSONWriter.write(value) == #"{"a":1,"b":[true,null]}"#)
        #expect(JSONWriter.write(.array([])) == "[]")
        #expect(JSONWriter.write(.object(JSONObject())) == "{}")
        #expect(JSONWriter.write(.bool(false)) == "false")
        #expect(JSONWriter.write(.number("-0.00")) == "-0.00")
    }

    @Test func writesKeysInStoredOrder() {
        let value = makeObject([("z", .null), ("a", .null), ("m", .null)])
        #expect(JSONWriter.write(value) == #"{"z":null,"a":null,"m":null}"#)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        // \u{01} → \u0001, \u{1F} → \u001f; named escapes for the six that have them;
        // "/" and DEL (0x7F) stay as they are; non-ASCII stays UTF-8.
        let text = "\u{01}\u{1F}\n\r\t\u{08}\u{0C}\"\\/\u{7F}é😀\u{0}"
        #expect(JSONWriter.write(.string(text)) == #""\u0001\u001f\n\r\t\b\f\"\\/"# + "\u{7F}é😀" + #"\u0000""#)
    }

    @Test func escapesKeysToo() {
        #expect(JSONWriter.write(makeObject([("a\"b\n", .null)])) == #"{"a\"b\n":null}"#)
    }

    @Test func appendsToAnExistingBuffer() {
        var buffer = Array("prefix:".utf8)
        JSONWriter.write(.array([.string("é"), .number("1.50")]), into: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        #expect(buffer == Array("prefix:[\"é\",1.50]\n".utf8))
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,null]}"#,
        #"{"z":{"y":{"x":[]}},"a":{}}"#,
        #"[0.1,1E+2,-0.0,-0,1e-7,123456789012345678901234567890]"#,
        #"["😀é€","a\"b\\c\nd\u0001\u001f","/"]"#,
        #""plain""#,
        "null",
    ])
    func roundTripsCompactDocuments(_ text: String) throws {
        #expect(JSONWriter.write(try JSONReader.read(text)) == text)
    }

    @Test func writtenControlCharactersReadBack() throws {
        // Every scalar below 0x20 survives write-then-read.
        let text = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        #expect(text.unicodeScalars.count == 32)
        #expect(try JSONReader.read(JSONWriter.write(.string(text))) == .string(text))
    }

    // MARK: Model

    @Test func kindNamesReadWellInMessages() {
        #expect(JSONValue.null.kindName == "null")
        #expect(JSONValue.bool(true).kindName == "a boolean")
        #expect(JSONValue.number("1").kindName == "a number")
        #expect(JSONValue.string("").kindName == "a string")
        #expect(JSONValue.array([]).kindName == "an array")
        #expect(JSONValue.object(JSONObject()).kindName == "an object")
    }

    @Test func objectEqualityDependsOnOrder() {
        // Order is part of the value because it is part of the output.
        #expect(makeObject([("a", .null), ("b", .null)]) != makeObject([("b", .null), ("a", .null)]))
        #expect(Set([makeObject([("a", .null)]), makeObject([("a", .null)])]).count == 1)
    }
}
