import CYAML
import ClausierDiagnostics

/// Reads the text of a rule file into a `YAMLNode` tree through libyaml's event API.
///
/// Rule files allow a strict subset of YAML: one document, text keys, no duplicate keys,
/// no anchors, aliases or tags. Everything outside that subset is reported, with its place,
/// in words an editor of rule files understands.
public enum YAMLLoader {
    /// How many mappings and lists may nest inside each other before loading stops.
    ///
    /// Real rule files nest a handful of levels; the limit keeps hostile input from
    /// growing the builder's stack without bound.
    static let maximumDepth = 64

    /// Loads one YAML document. Returns the root (nil when the file is empty or cannot be parsed) and every finding.
    ///
    /// After a finding that does not stop loading (a duplicate key, an alias, a key that is not text),
    /// the root is still returned, with the offending entry or item left out.
    public static func load(_ text: String, file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        var text = text
        return text.withUTF8 { load(input: $0, file: file) }
    }

    /// Loads one YAML document from the raw bytes of a file, so invalid UTF-8 is reported with its place.
    ///
    /// The encoding is detected by libyaml: UTF-8, or UTF-16 when the bytes start with its byte order mark.
    public static func load(bytes: [UInt8], file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        bytes.withUnsafeBufferPointer { load(input: $0, file: file) }
    }

    private static func load(
        input: UnsafeBufferPointer<UInt8>, file: String
    ) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        guard let base = input.baseAddress, !input.isEmpty else { return (nil, []) }
        // On the heap because libyaml keeps a pointer to the parser inside the parser.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            let start = SourceLocation(file: file, line: 1, column: 1)
            return (nil, [.error(.yamlSyntax, "there is not enough memory to read this file", at: start)])
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)

        var builder = TreeBuilder(file: file)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                builder.diagnostics.append(
                    YAMLSyntaxError.diagnostic(parser: UnsafePointer(parser), input: input, file: file))
                return (nil, builder.diagnostics)
            }
            let step = builder.consume(event)
            yaml_event_delete(&event)
            switch step {
            case .proceed: continue
            case .finished: return (builder.root, builder.diagnostics)
            case .aborted: return (nil, builder.diagnostics)
            }
        }
    }
}

/// What the event loop does after one event.
private enum BuildStep {
    case proceed
    case finished
    case aborted
}

/// Where a mapping under construction stands between its keys and values.
private enum KeyState {
    case expectingKey
    /// The key of the value to come; `keep` is false for the second of two duplicate keys.
    case key(YAMLScalar, keep: Bool)
    /// A key that was reported; its value is read and dropped.
    case rejectedKey
}

/// A mapping or list whose end event has not arrived yet.
private struct Frame {
    enum Kind {
        case mapping
        case sequence
    }

    let kind: Kind
    let location: SourceLocation
    var entries: [YAMLMapping.Entry] = []
    var items: [YAMLNode] = []
    var keyState: KeyState = .expectingKey
    var firstKeyLocations: [String: SourceLocation] = [:]

    init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// Turns libyaml events into nodes with an explicit stack, so deep input cannot overflow the call stack.
private struct TreeBuilder {
    let file: String
    var diagnostics: [Diagnostic] = []
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var documentCount = 0

    init(file: String) {
        self.file = file
    }

    mutating func consume(_ event: yaml_event_t) -> BuildStep {
        let start = location(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
            return .proceed
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            guard documentCount == 1 else {
                diagnostics.append(
                    .error(
                        .unsupportedYAML, "a rule file holds one YAML document, but a second one starts here",
                        at: start,
                        hints: ["remove the '---' line, or move what follows it to a file of its own"]))
                return .finished
            }
            return .proceed
        case YAML_ALIAS_EVENT:
            let name = text(event.data.alias.anchor)
            diagnostics.append(
                .error(
                    .unsupportedYAML, Self.anchorMessage, at: start,
                    hints: ["replace '*\(name)' with a copy of the value it refers to"]))
            attach(nil)
            return .proceed
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            reportProperties(anchor: data.anchor, tag: data.tag, at: start)
            attach(.scalar(scalar(data.value, length: data.length, style: data.style, at: start)))
            return .proceed
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            reportProperties(anchor: data.anchor, tag: data.tag, at: start)
            return open(.sequence, at: start)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            reportProperties(anchor: data.anchor, tag: data.tag, at: start)
            return open(.mapping, at: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close()
            return .proceed
        default:
            // STREAM-END, and NO-EVENT which libyaml returns for any read past the end.
            return .finished
        }
    }

    private static let anchorMessage = "anchors and aliases are not allowed in rule files: write the value out"

    private mutating func open(_ kind: Frame.Kind, at start: SourceLocation) -> BuildStep {
        guard stack.count < YAMLLoader.maximumDepth else {
            diagnostics.append(
                .error(
                    .unsupportedYAML,
                    "mappings and lists are nested too deeply here: rule files allow at most \(YAMLLoader.maximumDepth) levels",
                    at: start, hints: ["split the structure into flatter parts"]))
            return .aborted
        }
        stack.append(Frame(kind: kind, location: start))
        return .proceed
    }

    private mutating func close() {
        // libyaml balances start and end events; an unmatched end is ignored rather than trusted.
        guard let frame = stack.popLast() else { return }
        switch frame.kind {
        case .mapping: attach(.mapping(YAMLMapping(entries: frame.entries, location: frame.location)))
        case .sequence: attach(.sequence(YAMLSequence(items: frame.items, location: frame.location)))
        }
    }

    /// Puts a finished node into its parent; nil stands for a rejected node that still fills its slot.
    private mutating func attach(_ node: YAMLNode?) {
        guard let top = stack.indices.last else {
            root = node
            return
        }
        switch stack[top].kind {
        case .sequence:
            if let node { stack[top].items.append(node) }
        case .mapping:
            switch stack[top].keyState {
            case .expectingKey:
                stack[top].keyState = acceptKey(node, frame: top)
            case .key(let key, let keep):
                if keep, let node { stack[top].entries.append(YAMLMapping.Entry(key: key, value: node)) }
                stack[top].keyState = .expectingKey
            case .rejectedKey:
                stack[top].keyState = .expectingKey
            }
        }
    }

    private mutating func acceptKey(_ node: YAMLNode?, frame top: Int) -> KeyState {
        switch node {
        case nil:
            return .rejectedKey
        case .scalar(let key)?:
            if let first = stack[top].firstKeyLocations[key.value] {
                diagnostics.append(
                    .error(
                        .duplicateKey, "duplicate key '\(key.value)' in this mapping", at: key.location,
                        hints: ["remove one of the two, or merge them"],
                        notes: [DiagnosticNote("first defined here", at: first)]))
                return .key(key, keep: false)
            }
            stack[top].firstKeyLocations[key.value] = key.location
            return .key(key, keep: true)
        case let other?:
            diagnostics.append(
                .error(
                    .unsupportedYAML, "a key must be a text value, but this key is \(other.kindName)",
                    at: other.location, hints: ["write the key as plain text followed by ':'"]))
            return .rejectedKey
        }
    }

    private mutating func reportProperties(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at start: SourceLocation
    ) {
        if let anchor {
            diagnostics.append(
                .error(
                    .unsupportedYAML, Self.anchorMessage, at: start,
                    hints: ["remove '&\(text(anchor))' and write out the value wherever it is needed"]))
        }
        if let tag {
            diagnostics.append(
                .error(
                    .unsupportedYAML, "the tag '\(Self.shortTag(text(tag)))' is not allowed in rule files",
                    at: start, hints: ["remove the tag; to keep a value as text, put it in quotes"]))
        }
    }

    /// Shows a standard tag the way it was most likely written (`!!str`, not `tag:yaml.org,2002:str`).
    private static func shortTag(_ tag: String) -> String {
        let standardPrefix = "tag:yaml.org,2002:"
        guard tag.hasPrefix(standardPrefix) else { return tag }
        return "!!" + tag.dropFirst(standardPrefix.count)
    }

    private func scalar(
        _ bytes: UnsafeMutablePointer<yaml_char_t>?, length: Int, style: yaml_scalar_style_t, at start: SourceLocation
    ) -> YAMLScalar {
        var value = ""
        if let bytes {
            value = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
        let isPlain = style == YAML_PLAIN_SCALAR_STYLE
        let isNull = isPlain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
        return YAMLScalar(value: value, location: start, isQuoted: !isPlain, isNull: isNull)
    }

    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafePointer(pointer))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, mark: mark)
    }
}

/// Turns libyaml's failure report into one finding, rephrased for editors of rule files.
private enum YAMLSyntaxError {
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
            let wording = rephrase(
                problem: problem, context: context, offending: offending, following: following, contextAt: contextAt)
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
    fileprivate init(file: String, mark: yaml_mark_t) {
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

/// The input decoded again on the error path, to turn byte offsets and marks into characters and places.
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
