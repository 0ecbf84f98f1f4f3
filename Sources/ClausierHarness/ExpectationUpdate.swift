import Clausier
import ClausierDiagnostics

/// One expected value re-recorded by `clausier test --update`: what the case expected, and what the
/// rules answer now.
public struct ExpectationUpdate: Sendable, Hashable {
    /// The test file.
    public var file: String
    /// Where the value is written.
    public var location: SourceLocation
    /// The case's name.
    public var name: String
    /// The value the case expected.
    public var old: JSONValue
    /// The value the rules answer, now written in its place.
    public var new: JSONValue

    /// The change as a line an editor reviews: `file:line: 'name': old → new`.
    public var description: String {
        "\(location): '\(name)': \(JSONWriter.write(old)) → \(JSONWriter.write(new))"
    }
}

/// Re-records the expected values of failing cases after an intended change of the rules.
///
/// Only a case that expected a value and got another is rewritten, its value replaced in the file's
/// text where it is written (flow style); every other line, comment included, stays as it was. A case
/// that got an error, expected an error, or whose value is a block on the lines below its key is left
/// failing, for the editor to look at.
public enum ExpectationUpdater {
    /// The new text of each test file that changes, by path, and every change made.
    public static func update(_ report: TestReport, sources: [SourceFile]) -> (texts: [String: [UInt8]], changes: [ExpectationUpdate]) {
        var texts: [String: [UInt8]] = [:]
        var changes: [ExpectationUpdate] = []
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // Rewriting from the end of each file keeps the offsets of earlier values valid.
        var edits: [String: [(range: Range<Int>, text: String, change: ExpectationUpdate)]] = [:]
        for outcome in report.outcomes where !outcome.passed {
            guard case .value(let expected, _, _) = outcome.testCase.expectation, let decision = outcome.decision,
                  let place = outcome.testCase.valuePlace, !place.isBlock, let source = byPath[outcome.file],
                  let range = valueRange(in: source, at: place)
            else { continue }
            let actual = decision.valueJSON
            guard !JSONComparison.equal(expected, actual) else { continue }
            let change = ExpectationUpdate(
                file: outcome.file, location: place.location, name: outcome.testCase.name, old: expected, new: actual)
            edits[outcome.file, default: []].append((range, flow(actual), change))
        }
        for (path, fileEdits) in edits {
            guard var bytes = byPath[path]?.bytes else { continue }
            for edit in fileEdits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
            }
            texts[path] = bytes
            changes += fileEdits.map(\.change)
        }
        return (texts, changes.sorted { ($0.file, $0.location.line) < ($1.file, $1.location.line) })
    }

    /// The bytes of a flow-style value written at `place`: a `{…}` or `[…]` with what it nests, a quoted
    /// text, or a plain text up to the end of the line, a comment, or (inside `{…}`) the next `,` or `}`.
    static func valueRange(in source: SourceFile, at place: ValuePlace) -> Range<Int>? {
        guard let start = source.offset(of: place.location), let line = source.byteRange(ofLine: place.location.line),
              start < line.upperBound
        else { return nil }
        let bytes = source.bytes
        let first = bytes[start]
        var index = start
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let q = quote {
                    if byte == UInt8(ascii: "\\"), q == UInt8(ascii: "\"") { index += 1 } else if byte == q { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return start..<(index + 1) }
                }
                index += 1
            }
            return nil
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            index += 1
            while index < line.upperBound {
                if bytes[index] == UInt8(ascii: "\\"), first == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                if bytes[index] == first { return start..<(index + 1) }
                index += 1
            }
            return nil
        default:
            while index < line.upperBound {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#"), index > start, bytes[index - 1] == UInt8(ascii: " ") { break }
                if place.inFlowMapping, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") { break }
                index += 1
            }
            while index > start, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
            return index > start ? start..<index : nil
        }
    }

    /// A value in YAML's flow style, as test files write them: `{rate: "50%", penalty: "100.00 EUR"}`.
    static func flow(_ value: JSONValue) -> String {
        switch value {
        case .object(let object):
            return "{" + object.members.map { key($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .array(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        default:
            return JSONWriter.write(value)
        }
    }

    private static func key(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)) }
        return plain ? text : JSONWriter.write(.string(text))
    }
}
