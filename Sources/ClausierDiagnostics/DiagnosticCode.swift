/// A stable identifier of a kind of finding, such as `CLS010`.
///
/// Codes never change meaning once shipped: CI configurations and suppressions refer to them.
public struct DiagnosticCode: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier, `CLS` and three digits.
    public var rawValue: String

    /// Wraps an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

extension DiagnosticCode {
    // Reading files and YAML.
    /// A rule file or test file cannot be read.
    public static let unreadableFile: DiagnosticCode = "CLS001"
    /// The YAML is malformed.
    public static let yamlSyntax: DiagnosticCode = "CLS002"
    /// A mapping holds the same key twice.
    public static let duplicateKey: DiagnosticCode = "CLS003"
    /// A YAML feature rule files do not allow (anchors, aliases, tags, several documents).
    public static let unsupportedYAML: DiagnosticCode = "CLS004"

    // Shape of a rule file.
    /// A key the format does not know.
    public static let unknownKey: DiagnosticCode = "CLS010"
    /// A key the format requires is absent.
    public static let missingKey: DiagnosticCode = "CLS011"
    /// A node of the wrong kind (a list where a mapping belongs, ...).
    public static let wrongShape: DiagnosticCode = "CLS012"
    /// A scalar that is not a valid value for its key (a date that does not exist, ...).
    public static let invalidValue: DiagnosticCode = "CLS013"
    /// Two declarations share one id.
    public static let duplicateID: DiagnosticCode = "CLS014"
    /// An input that no rule of its decision reads.
    public static let unusedInput: DiagnosticCode = "CLS015"

    // Expressions and types.
    /// An expression that cannot be parsed.
    public static let expressionSyntax: DiagnosticCode = "CLS020"
    /// A name that refers to no input, binding, definition or function.
    public static let unknownName: DiagnosticCode = "CLS021"
    /// A value of one type where another is required.
    public static let typeMismatch: DiagnosticCode = "CLS022"
    /// Units that do not combine: EUR with USD, business days with a datetime.
    public static let unitMismatch: DiagnosticCode = "CLS023"
    /// A call with the wrong number or kind of arguments.
    public static let badCall: DiagnosticCode = "CLS024"
    /// Definitions or decisions that depend on each other in a cycle.
    public static let cycle: DiagnosticCode = "CLS025"
    /// An optional value used where a value is required, without `exists` or `??`.
    public static let optionalUnwrapped: DiagnosticCode = "CLS026"

    // Contract structures.
    /// Tiers whose boundary convention is not declared.
    public static let tierConvention: DiagnosticCode = "CLS030"
    /// Tier rows with a gap, an overlap or out of order.
    public static let tierRows: DiagnosticCode = "CLS031"
    /// Cases without a final `otherwise` whose conditions do not cover every case.
    public static let casesWithoutOtherwise: DiagnosticCode = "CLS032"
    /// Tier values that go down as the measure goes up.
    public static let decreasingTiers: DiagnosticCode = "CLS033"
    /// A money answer that can have fractions of a cent, in a contract that does not declare its rounding.
    public static let roundingUndeclared: DiagnosticCode = "CLS034"
    /// A case, exclusion or ground that earlier ones always take first.
    public static let unreachableBranch: DiagnosticCode = "CLS035"

    /// Two provisions give a term different values and the file does not say which prevails.
    public static let conflictingProvisions: DiagnosticCode = "CLS040"

    // Citations.
    /// A decision or definition without a citation of the contract.
    public static let missingCitation: DiagnosticCode = "CLS050"
    /// A case, tier row, exclusion or ground without a citation.
    public static let branchWithoutCitation: DiagnosticCode = "CLS051"

    // Test files.
    /// A test case that cannot be run as written.
    public static let invalidTest: DiagnosticCode = "CLS070"
    /// A decision that no test case asks.
    public static let untestedDecision: DiagnosticCode = "CLS071"
}
