import Clausier
import ClausierDiagnostics

/// What a test case expects.
public enum Expectation: Sendable, Hashable {
    /// The answer's value, in the catalogue's JSON encoding, and citations it must include (`cites:`:
    /// the answer's citations contain these, those of the definitions it calls included), or that must be
    /// exactly its citations, in any order (`cites_exactly:`).
    case value(JSONValue, citations: [String], exactCitations: Bool = false)
    /// An error naming `fact` (when given) whose message contains `message` (when given).
    case error(fact: String?, message: String?)
}

/// One test case of a test file.
public struct TestCase: Sendable, Hashable {
    /// A unique, descriptive name.
    public var name: String
    /// The decision asked.
    public var decision: String
    /// The evaluation date.
    public var asOf: CivilDate
    /// The facts, as a JSON object.
    public var facts: JSONValue
    /// What must come out.
    public var expectation: Expectation
    /// Where the case starts in its file.
    public var location: SourceLocation
    /// Where `expect.value` is written, so that `clausier test --update` can write another in its place.
    public var valuePlace: ValuePlace?
}

/// Where an expected value is written in its test file.
public struct ValuePlace: Sendable, Hashable {
    /// Where the value starts.
    public var location: SourceLocation
    /// Whether `expect` is a flow mapping (`expect: {value: 1, cites: …}`), where a plain value ends at `,` or `}`.
    public var inFlowMapping: Bool
    /// Whether the value is a block mapping or list, on the lines below its key.
    public var isBlock: Bool

    /// Creates a place.
    public init(location: SourceLocation, inFlowMapping: Bool, isBlock: Bool) {
        self.location = location
        self.inFlowMapping = inFlowMapping
        self.isBlock = isBlock
    }
}

/// A test file: cases for one contract.
public struct TestFile: Sendable, Hashable {
    /// The file's path.
    public var path: String
    /// The contract tested.
    public var contract: String
    /// Where the contract id is written.
    public var contractLocation: SourceLocation
    /// The cases, in file order.
    public var cases: [TestCase]
}
