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
    /// The first key of the mapping, which starts a list item when the mapping is one.
    var firstKey: String?
    /// Set once a repeat of the first key of a list item was reported as a missing `- `: the keys that
    /// follow it are that next item's, and their repeats are the same mistake.
    var missingDashReported = false

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
                if stack[top].missingDashReported { return .key(key, keep: false) }
                let isItem = top > 0 && stack[top - 1].kind == .sequence
                if isItem, key.value == stack[top].firstKey {
                    // The first key of a list item again: another item starts here, without its dash.
                    stack[top].missingDashReported = true
                    let dashColumn = max(1, first.column - 2)
                    diagnostics.append(
                        .error(
                            .duplicateKey, "duplicate key '\(key.value)' in this item of the list", at: key.location,
                            hints: [
                                "if another item starts here, write '- \(key.value):' with its dash in column \(dashColumn), like the item above"
                            ],
                            notes: [DiagnosticNote("this item starts here", at: first)]))
                    return .key(key, keep: false)
                }
                diagnostics.append(
                    .error(
                        .duplicateKey, "duplicate key '\(key.value)' in this mapping", at: key.location,
                        hints: ["remove one of the two, or merge them"],
                        notes: [DiagnosticNote("first defined here", at: first)]))
                return .key(key, keep: false)
            }
            if stack[top].firstKey == nil { stack[top].firstKey = key.value }
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
