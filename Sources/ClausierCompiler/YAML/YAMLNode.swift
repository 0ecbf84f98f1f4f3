import ClausierDiagnostics

/// A text value of a rule file, as written, with where it starts.
///
/// The loader never interprets scalars (no numbers, booleans or dates): later stages decide
/// what a value means from the key it belongs to, so `"010"` and `010` stay the same text.
public struct YAMLScalar: Sendable, Hashable {
    /// The text, after YAML's quoting and folding rules are applied.
    public var value: String
    /// Where the scalar starts (its opening quote, `|` or `>` when it has one).
    public var location: SourceLocation
    /// Whether the scalar is single- or double-quoted, or a block literal (`|`) or folded (`>`) scalar: not plain.
    public var isQuoted: Bool
    /// Whether the scalar is a plain `""`, `~`, `null`, `Null` or `NULL`, such as the empty value of `key:`.
    public var isNull: Bool

    /// Creates a scalar.
    public init(value: String, location: SourceLocation, isQuoted: Bool, isNull: Bool) {
        self.value = value
        self.location = location
        self.isQuoted = isQuoted
        self.isNull = isNull
    }
}

/// A YAML mapping of a rule file: its entries in source order, keys always text.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable, Hashable {
        /// The key, with its own location for messages about the key.
        public var key: YAMLScalar
        /// The value.
        public var value: YAMLNode

        /// Creates an entry.
        public init(key: YAMLScalar, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in source order; the loader keeps only the first of duplicate keys.
    public var entries: [Entry]
    /// Where the mapping starts: its first key in block style, its `{` in flow style.
    public var location: SourceLocation

    /// Creates a mapping.
    public init(entries: [Entry], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    /// The value of the first entry whose key is `key`, or nil when there is none.
    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key.value == key }?.value
    }
}

/// A YAML sequence (list) of a rule file.
public struct YAMLSequence: Sendable, Hashable {
    /// The items in source order.
    public var items: [YAMLNode]
    /// Where the list starts: its first `-` in block style, its `[` in flow style.
    public var location: SourceLocation

    /// Creates a list.
    public init(items: [YAMLNode], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}

/// One node of a loaded rule file: a text value, a mapping or a list.
public indirect enum YAMLNode: Sendable, Hashable {
    /// A text value.
    case scalar(YAMLScalar)
    /// A mapping of text keys to nodes.
    case mapping(YAMLMapping)
    /// A list of nodes.
    case sequence(YAMLSequence)

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// What kind of node this is, in words for messages to editors of rule files ("expected a list, found a mapping").
    public var kindName: String {
        switch self {
        case .scalar: "a text value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
