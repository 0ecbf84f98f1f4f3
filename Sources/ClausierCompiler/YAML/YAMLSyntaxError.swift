import CYAML
import Foundation
import ClausierDiagnostics

/// Turns libyaml's failure report into one finding, rephrased for editors of rule files.
enum YAMLSyntaxError {
    static func diagnostic(
        parser: UnsafePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>, file: String
    ) -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? ""
        let context = state.context.map { String(cString: $0) }
        let source = SourceText(input: input, encoding: state.encoding)
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .error(
                .yamlSyntax, "there is not enough memory to read this file",
                at: SourceLocation(file: file, line: 1, column: 1))
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset instead of a mark.
            let (line, column) = source.position(atByteOffset: state.problem_offset)
            let at = SourceLocation(file: file, zeroBasedLine: line, zeroBasedColumn: column)
            return readerError(problem: problem, value: state.problem_value, at: at)
        default:
            let problemAt = SourceLocation(file: file, mark: state.problem_mark)
            let contextAt = context == nil ? nil : SourceLocation(file: file, mark: state.context_mark)
            let offending = source.scalar(line: state.problem_mark.line, column: state.problem_mark.column)
            // The escape error marks the backslash; the letter after it is the one to name.
            let following = source.scalar(
                line: state.problem_mark.line, column: min(state.problem_mark.column, Int.max - 1) + 1)
            var wording = rephrase(
                problem: problem, context: context, offending: offending, following: following, contextAt: contextAt)
            if problem == "mapping values are not allowed in this context",
               let hint = overIndentedKey(in: source, line: state.problem_mark.line, column: state.problem_mark.column)
            {
                wording.hints.insert(hint, at: 0)
            }
            let primary = wording.atContext ? (contextAt ?? problemAt) : problemAt
            var notes: [DiagnosticNote] = []
            if wording.atContext, primary != problemAt, let problemNote = wording.problemNote {
                notes.append(DiagnosticNote(problemNote, at: problemAt))
            } else if !wording.atContext, let contextAt, contextAt != problemAt, let note = contextNote(context) {
                notes.append(DiagnosticNote(note, at: contextAt))
            }
            return .error(.yamlSyntax, wording.message, at: primary, hints: wording.hints, notes: notes)
        }
    }

    private static func readerError(problem: String, value: Int32, at location: SourceLocation) -> Diagnostic {
        if problem == "control characters are not allowed" {
            let code = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return .error(
                .yamlSyntax, "the file contains an invisible control character (U+\(padded)) here", at: location,
                hints: ["delete it; such characters often come along with text pasted from another program"])
        }
        if problem.contains("UTF-16") || problem.contains("surrogate") {
            return .error(
                .yamlSyntax, "the file is not valid UTF-16 text from here on", at: location,
                hints: ["save the file with the UTF-8 encoding"])
        }
        if problem.contains("UTF-8") || problem == "invalid Unicode character" {
            // For octet problems libyaml hands over the offending byte, which helps find it in a hex view.
            let byte = problem.contains("octet") && (0...255).contains(value)
                ? " (byte 0x\(String(UInt8(truncatingIfNeeded: value), radix: 16, uppercase: true)))" : ""
            return .error(
                .yamlSyntax, "the file is not valid UTF-8 text from here on\(byte)", at: location,
                hints: ["save the file with the UTF-8 encoding"])
        }
        return .error(.yamlSyntax, "the file cannot be read as text: \(problem)", at: location)
    }

    /// A plain-words message, and whether the context mark is a better place to point at than the problem mark.
    private struct Wording {
        var message: String
        var hints: [String] = []
        /// True where libyaml's problem mark is where it gave up (end of file, next line), not where the mistake is.
        var atContext = false
        /// With `atContext`, what the problem mark shows.
        var problemNote: String?
    }

    /// The hint for a key indented further than the key on the line above (`then:` under `- when:`):
    /// YAML reads it as the continuation of that key's value, and a ':' there is not allowed.
    private static func overIndentedKey(in source: SourceText, line: Int, column: Int) -> String? {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacing("\r", with: "") }
        guard line > 0, line < lines.count else { return nil }
        let current = Array(lines[line])
        guard column <= current.count else { return nil }
        let indent = current.prefix { $0 == " " }.count
        guard indent < column else { return nil }
        let key = String(current[indent..<column])
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        var above = line - 1
        while above >= 0, lines[above].allSatisfy({ $0 == " " }) || lines[above].drop(while: { $0 == " " }).hasPrefix("#") {
            above -= 1
        }
        guard above >= 0 else { return nil }
        var previous = Substring(lines[above])
        var keyColumn = previous.prefix { $0 == " " }.count
        previous = previous.dropFirst(keyColumn)
        if previous.hasPrefix("- ") {
            previous = previous.dropFirst(2)
            keyColumn += 2
        }
        guard let colon = previous.firstIndex(of: ":"), indent > keyColumn else { return nil }
        let previousKey = previous[..<colon]
        guard !previousKey.isEmpty, previousKey.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        // A key with nothing after it opens a nested mapping, where a deeper key is right.
        let value = previous[previous.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        let shown = value.count > 24 ? value.prefix(24) + "…" : Substring(value)
        return "'\(key):' is indented more than '\(previousKey):' on the line above, which already has a value ('\(shown)'): "
            + "start '\(key):' in column \(keyColumn + 1) if it is a key of the same mapping, "
            + "or move that value off the line if '\(key):' belongs under '\(previousKey):'"
    }

    private static let tabHint = "indent with spaces, not tabs"
    private static let quoteHint = "put the value in quotes"

    private static func rephrase(
        problem: String, context: String?, offending: Unicode.Scalar?, following: Unicode.Scalar?,
        contextAt: SourceLocation?
    ) -> Wording {
        let character = offending.map { "'\(Character($0))'" } ?? "this character"
        switch problem {
        case "mapping values are not allowed in this context":
            return Wording(
                message: "a ':' followed by a space is not allowed here",
                hints: [
                    "a ':' inside a value needs the value in quotes",
                    "if a nested mapping starts here, put it on its own line below its key",
                ])
        case "found character that cannot start any token":
            if offending == "\t" {
                return Wording(message: "a tab character is not allowed here", hints: [tabHint])
            }
            return Wording(message: "a value cannot start with \(character)", hints: [quoteHint])
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return Wording(message: "a tab character is used for indentation", hints: [tabHint])
        case "could not find expected ':'":
            return Wording(
                message: "a ':' is missing after the key on this line",
                hints: ["each entry of a mapping is written 'key: value'"],
                atContext: true, problemNote: "the next ':' was looked for up to here")
        case "found unexpected end of stream" where isQuoted(context),
            "found unexpected document indicator" where isQuoted(context):
            return Wording(
                message: "this quoted value is never closed", hints: ["add the closing quote"],
                atContext: true, problemNote: "the closing quote was looked for up to here")
        case "found unknown escape character":
            return Wording(
                message: "'\\\(following.map { String(Character($0)) } ?? "")' is not a known escape in a double-quoted value",
                hints: ["write '\\\\' for a backslash, or use single quotes, where '\\' has no special meaning"])
        case "block sequence entries are not allowed in this context":
            return Wording(
                message: "a list item ('-') cannot start here",
                hints: ["put each '- item' on a line of its own, indented below its key"])
        case "did not find expected key":
            return Wording(
                message: "a key of the mapping\(startingAt(contextAt)) was expected here",
                hints: [
                    "keys of one mapping start in the same column: check the indentation of this line",
                    "text after a closing quote belongs inside the quotes",
                ])
        case "did not find expected '-' indicator":
            return Wording(
                message: "an item of the list\(startingAt(contextAt)) was expected here",
                hints: ["items of one list each start with '-', in the same column: check the indentation"])
        case "did not find expected ',' or ']'":
            return Wording(
                message: "the list opened with '['\(at(contextAt)) is not closed properly",
                hints: ["separate the items with ',' and close the list with ']'"])
        case "did not find expected ',' or '}'":
            return Wording(
                message: "the mapping opened with '{'\(at(contextAt)) is not closed properly",
                hints: ["separate the entries with ',' and close the mapping with '}'"])
        case "did not find expected alphabetic or numeric character"
        where context == "while scanning an anchor" || context == "while scanning an alias":
            return Wording(
                message: "a value that starts with '&' or '*' must be in quotes", hints: [quoteHint])
        case "did not find expected node content":
            if let offending, ",[]{}".unicodeScalars.contains(offending) {
                return Wording(message: "a value cannot start with \(character)", hints: [quoteHint])
            }
            return Wording(message: "a value was expected here", hints: [quoteHint])
        case "did not find expected <document start>":
            return Wording(
                message: "there is more text after the end of the document",
                hints: ["remove the '...' line, or the text after it"])
        case "did not find expected comment or line break" where context == "while scanning a block scalar":
            return Wording(
                message: "unexpected text after '|' or '>'",
                hints: ["start the text on the next line, indented below its key"])
        default:
            break
        }
        if context?.contains("tag") == true || problem.contains("tag") {
            return Wording(
                message: "tags are not allowed in rule files (\(problem))",
                hints: ["remove the '!' and what follows it, or put the value in quotes"])
        }
        if context?.contains("directive") == true {
            return Wording(
                message: "lines starting with '%' are not allowed in rule files (\(problem))",
                hints: ["remove the line, or put the value in quotes"])
        }
        return Wording(message: "this is not valid YAML: \(problem)")
    }

    private static func isQuoted(_ context: String?) -> Bool {
        context == "while scanning a quoted scalar" || context == "while parsing a quoted scalar"
    }

    private static func startingAt(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        return " that starts\(at(location))"
    }

    private static func at(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        return " at line \(location.line), column \(location.column)"
    }

    /// What libyaml's context says about its mark, in plain words; nil when the mark adds nothing.
    private static func contextNote(_ context: String?) -> String? {
        switch context {
        case nil, "while scanning for the next token"?: nil
        case "while parsing a block mapping"?, "while parsing a flow mapping"?: "the mapping starts here"
        case "while parsing a block collection"?, "while parsing a flow sequence"?: "the list starts here"
        case "while scanning a quoted scalar"?, "while parsing a quoted scalar"?: "the quoted value starts here"
        case "while scanning a simple key"?: "the key starts here"
        case "while scanning a block scalar"?: "the block text starts here"
        case "while scanning a plain scalar"?: nil  // Points at the value before a tab; the tab is the news.
        case let other?: "\(other.replacingPrefix("while ", with: "")) started here"
        }
    }
}

extension SourceLocation {
    /// The 1-based location of a 0-based libyaml mark.
    init(file: String, mark: yaml_mark_t) {
        // Marks never exceed the input's length; the cap only keeps the +1 of the conversion from trapping.
        self.init(
            file: file, zeroBasedLine: min(mark.line, Int.max - 1), zeroBasedColumn: min(mark.column, Int.max - 1))
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// The input decoded again on the error path, to turn libyaml's byte offsets and marks into
/// characters and places.
///
/// Not the file's ``SourceFile`` line table: libyaml may read UTF-16, and counts lines its own way
/// (a lone `\r`, U+2028 and a leading byte order mark), so its marks are decoded by its rules here.
private struct SourceText {
    let text: String

    init(input: UnsafeBufferPointer<UInt8>, encoding: yaml_encoding_t) {
        text = Self.decode(input[...], encoding: encoding)
        self.input = input
        self.encoding = encoding
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let encoding: yaml_encoding_t

    private static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, encoding: yaml_encoding_t) -> String {
        let bigEndian: Bool
        switch encoding {
        case YAML_UTF16LE_ENCODING: bigEndian = false
        case YAML_UTF16BE_ENCODING: bigEndian = true
        default: return String(decoding: bytes, as: UTF8.self)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex, bytes.index(after: index) < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[bytes.index(after: index)])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index = bytes.index(index, offsetBy: 2)
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The 0-based line and column of the character that starts `offset` bytes into the input.
    func position(atByteOffset offset: Int) -> (line: Int, column: Int) {
        let prefix = input[..<min(max(offset, 0), input.count)]
        var position = TextPosition()
        for scalar in Self.decode(prefix, encoding: encoding).unicodeScalars {
            position.advance(over: scalar)
        }
        return (position.line, position.column)
    }

    /// The character at a 0-based libyaml mark, or nil past the end of the text.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        var position = TextPosition()
        for scalar in text.unicodeScalars {
            if position.line == line, position.column == column, !position.isBreak(scalar) {
                return scalar
            }
            if position.line > line { return nil }
            position.advance(over: scalar)
        }
        return nil
    }
}

/// Counts lines and columns the way libyaml's marks do.
private struct TextPosition {
    private(set) var line = 0
    private(set) var column = 0
    private var afterCarriageReturn = false
    private var atStart = true

    func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    mutating func advance(over scalar: Unicode.Scalar) {
        defer { atStart = false }
        // libyaml drops a byte order mark at the start before it counts anything.
        if atStart, scalar == "\u{FEFF}" { return }
        if scalar == "\n", afterCarriageReturn {
            afterCarriageReturn = false
            return
        }
        afterCarriageReturn = scalar == "\r"
        if isBreak(scalar) {
            line += 1
            column = 0
        } else {
            column += 1
        }
    }
}
