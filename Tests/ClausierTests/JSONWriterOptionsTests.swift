import Testing
import Clausier

/// An object with members in the order given.
private func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
    .object(JSONObject(pairs.map { JSONMember(key: $0.0, value: $0.1) }))
}

/// A document with every kind of value, nested, with empty containers and a string needing escapes.
private let sample = object([
    ("a", .number("1.50")),
    ("b", .array([.bool(true), .null, .array([]), .object(JSONObject())])),
    ("c", object([("d", .string("x\u{08}y\u{0C}z\n"))])),
])

@Suite("JSON writer options")
struct JSONWriterOptionsTests {
    @Test func noOptionsIsTheCompactFormOfAnswers() {
        #expect(JSONWriter.write(sample, options: []) == JSONWriter.write(sample))
        #expect(JSONWriter.write(sample) == #"{"a":1.50,"b":[true,null,[],{}],"c":{"d":"x\by\fz\n"}}"#)
    }

    @Test func prettyPrintsWithTwoSpacesAndKeepsEmptyContainersOnOneLine() {
        let expected = """
            {
              "a": 1.50,
              "b": [
                true,
                null,
                [],
                {}
              ],
              "c": {
                "d": "x\\by\\fz\\n"
              }
            }
            """
        #expect(JSONWriter.write(sample, options: .prettyPrinted) == expected)
    }

    @Test(arguments: [
        (JSONValue.array([]), "[]"),
        (JSONValue.object(JSONObject()), "{}"),
        (JSONValue.string("a\"b"), #""a\"b""#),
        (JSONValue.number("-0"), "-0"),
        (JSONValue.array([.null]), "[\n  null\n]"),
    ])
    func prettyPrintsScalarsAndEmptyContainersAsCompactDoes(_ value: JSONValue, _ expected: String) {
        #expect(JSONWriter.write(value, options: .prettyPrinted) == expected)
    }

    @Test func backspaceAndFormFeedCanBeWrittenAsUnicodeEscapes() {
        let text = JSONValue.string("\u{08}\u{0C}\n\r\t\u{01}\"\\/é")
        #expect(JSONWriter.write(text) == #""\b\f\n\r\t\u0001\"\\/é""#)
        #expect(JSONWriter.write(text, options: .backspaceAndFormFeedAsUnicodeEscapes) == #""\u0008\u000c\n\r\t\u0001\"\\/é""#)
    }

    @Test func unicodeEscapesApplyToKeysToo() {
        let value = object([("\u{08}", .string("\u{0C}"))])
        #expect(JSONWriter.write(value, options: .backspaceAndFormFeedAsUnicodeEscapes) == #"{"\u0008":"\u000c"}"#)
    }

    @Test(arguments: [JSONWriter.Options(), .prettyPrinted, .backspaceAndFormFeedAsUnicodeEscapes, [.prettyPrinted, .backspaceAndFormFeedAsUnicodeEscapes]])
    func everyOptionReadsBackToTheSameValue(_ options: JSONWriter.Options) throws {
        #expect(try JSONReader.read(JSONWriter.write(sample, options: options)) == sample)
    }

    @Test func appendsWithOptionsToAnExistingBuffer() {
        var buffer = Array("x=".utf8)
        JSONWriter.write(.array([.string("\u{0C}")]), options: [.prettyPrinted, .backspaceAndFormFeedAsUnicodeEscapes], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x=[\n  \"\\u000c\"\n]")
    }
}
