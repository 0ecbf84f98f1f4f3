/// A JSON document or one of its parts, kept exactly as written.
///
/// Numbers keep their lexeme instead of becoming `Double`, because facts carry money and
/// decimals that a binary float would silently round. Two values are equal only when they
/// are written the same way: `.number("1.0") != .number("1")`, and objects compare their
/// members in order.
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number, as the exact lexeme of the document (`"1.50"`, `"-0"`, `"1e3"`).
    ///
    /// Values built by hand must hold a lexeme that follows the RFC 8259 number grammar
    /// (see `JSONReader.isNumberLexeme(_:)`): the writer emits it unchanged.
    case number(String)
    /// A string, with escapes already decoded.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object, members in document order.
    case object(JSONObject)

    /// The kind of value with its article ("a number", "an object"), for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object.
///
/// A struct rather than a tuple so that objects can be `Hashable`.
public struct JSONMember: Sendable, Hashable {
    /// The member's key, escapes decoded.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object that keeps its members in document order.
///
/// Lookup is a linear scan: fact objects are small, and an array beats a hash table for
/// them while also preserving order for output. The reader never produces two members with
/// the same key; objects built by hand are not checked, and lookup then finds the first.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The members, in document order.
    public var members: [JSONMember]

    /// Creates an object from members in the order they should be written.
    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// The value of the first member named `key`, or nil when there is none.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The keys, in document order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// Iterates over the members in document order.
    public func makeIterator() -> IndexingIterator<[JSONMember]> {
        members.makeIterator()
    }
}
