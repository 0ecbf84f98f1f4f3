import ClausierDiagnostics

/// A piece of text from a rule file with where it starts.
public struct Located: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Where it starts.
    public var location: SourceLocation
    /// Whether the YAML scalar was quoted; expressions inside quotes start one column later.
    public var isQuoted: Bool

    /// Creates located text.
    public init(_ text: String, at location: SourceLocation, quoted: Bool = false) {
        self.text = text
        self.location = location
        self.isQuoted = quoted
    }

    /// The location of the first character of the text itself.
    var contentLocation: SourceLocation { isQuoted ? location.advanced(byColumns: 1) : location }
}

/// A field of a record type as written: its name and its type.
public struct FieldTypeSyntax: Sendable, Hashable {
    /// The field's name.
    public var name: Located
    /// The field's type.
    public var type: TypeSyntax
}

/// A type as written in a rule file: `money`, `date?`, `enum(a, b)`, `list of {...}`, or a mapping of fields.
public indirect enum TypeSyntax: Sendable, Hashable {
    /// A type written as text.
    case text(Located)
    /// A record written as a YAML mapping of field names to types.
    case record([FieldTypeSyntax], SourceLocation, optional: Bool)
    /// A list written as `{list: ...}`.
    case list(TypeSyntax, SourceLocation, optional: Bool)

    /// Where the type is written.
    var location: SourceLocation {
        switch self {
        case .text(let t): t.location
        case .record(_, let l, _), .list(_, let l, _): l
        }
    }
}

/// An input of a decision or a parameter of a definition.
public struct InputSyntax: Sendable, Hashable {
    /// The dotted name.
    public var name: Located
    /// Its type.
    public var type: TypeSyntax
    /// A date after the evaluation date reads as absent (`counts: only_if_past`).
    public var countsOnlyIfPast: Bool
    /// Why the rule does not read this input (`unused: <reason>`), which silences the unused-input warning.
    public var unusedBecause: String?
}

/// `for_each: <list>` and `as: <item>` of a requirement checked for each item of a list.
public struct ForEachSyntax: Sendable, Hashable {
    /// The list.
    public var list: ExpressionText
    /// The name each item takes in the condition.
    public var item: Located
}

/// A requirement on the facts (`require:`).
public struct RequireSyntax: Sendable, Hashable {
    /// What must hold.
    public var that: ExpressionText
    /// The fact to blame when it does not.
    public var fact: Located
    /// The error message.
    public var message: Located
    /// Set to check the condition for each item of a list.
    public var forEach: ForEachSyntax?
    /// Where the requirement starts.
    public var location: SourceLocation
}

/// Citations and an explanation attached to a branch.
public struct Provenance: Sendable, Hashable {
    /// The articles cited.
    public var cites: [String]
    /// Why, in the editor's words.
    public var because: String?
}

/// One branch of a `cases` block.
public struct CaseSyntax: Sendable, Hashable {
    /// The condition; nil for `otherwise`.
    public var when: ExpressionText?
    /// The value.
    public var then: NodeSyntax
    /// Its citations.
    public var provenance: Provenance
    /// Where the branch starts.
    public var location: SourceLocation
}

/// One row of a tier table.
public struct TierRowSyntax: Sendable, Hashable {
    /// The lower bound, if any.
    public var from: ExpressionText?
    /// The upper bound, if any.
    public var to: ExpressionText?
    /// The row's value.
    public var then: NodeSyntax
    /// Its citations.
    public var provenance: Provenance
    /// Where the row starts.
    public var location: SourceLocation
}

/// A tier table.
public struct TiersSyntax: Sendable, Hashable {
    /// The measure.
    public var of: ExpressionText
    /// The declared boundary convention.
    public var boundaries: Located?
    /// The rows.
    public var rows: [TierRowSyntax]
    /// Citations for the table as a whole.
    public var provenance: Provenance
    /// Where the table starts.
    public var location: SourceLocation
}

/// An exclusion or a ground.
public struct EligibilityItemSyntax: Sendable, Hashable {
    /// When it holds.
    public var when: ExpressionText
    /// Its reason code.
    public var reason: Located
    /// Its citations.
    public var provenance: Provenance
    /// Where it starts.
    public var location: SourceLocation
}

/// Exclusions over grounds.
public struct EligibilitySyntax: Sendable, Hashable {
    /// The exclusions, in order.
    public var exclusions: [EligibilityItemSyntax]
    /// The grounds, in order.
    public var grounds: [EligibilityItemSyntax]
    /// The decision when a ground holds.
    public var granted: Located
    /// The decision when an exclusion holds or no ground does.
    public var refused: Located
    /// The reason when nothing holds.
    public var noGround: Located
    /// Citations of the no-ground outcome.
    public var provenance: Provenance
    /// Where the block starts.
    public var location: SourceLocation
}

/// A value in a rule file: an expression, or one of the contract structures.
public indirect enum NodeSyntax: Sendable, Hashable {
    /// An expression.
    case expression(ExpressionText)
    /// Ordered cases.
    case cases([CaseSyntax], SourceLocation)
    /// A tier table.
    case tiers(TiersSyntax)
    /// Exclusions over grounds.
    case eligibility(EligibilitySyntax)
    /// A record whose fields are values.
    case record([RecordFieldSyntax], SourceLocation)
    /// A list written as a YAML list, whose items are values.
    case list([NodeSyntax], SourceLocation)
    /// A value whose shape was wrong, which the parser reported: it stands in its place, so that what
    /// contains it is not also reported (a record as missing the field, say).
    case invalid(SourceLocation)

    /// Where the value starts.
    var location: SourceLocation {
        switch self {
        case .expression(let e): e.location
        case .cases(_, let l), .record(_, let l), .list(_, let l), .invalid(let l): l
        case .tiers(let t): t.location
        case .eligibility(let e): e.location
        }
    }
}

/// One field of a record value.
public struct RecordFieldSyntax: Sendable, Hashable {
    /// The field's name.
    public var name: Located
    /// Its value.
    public var value: NodeSyntax
}

/// A named intermediate value (`let:`).
public struct BindingSyntax: Sendable, Hashable {
    /// Its name.
    public var name: Located
    /// Its value.
    public var value: NodeSyntax
}

/// A decision or a definition: the parts they share.
public struct RuleSyntax: Sendable, Hashable {
    /// The id.
    public var id: Located
    /// A one-line description.
    public var title: String
    /// The articles it encodes.
    public var cites: [String]
    /// Inputs (decisions) or parameters (definitions), in order.
    public var inputs: [InputSyntax]
    /// The declared result type.
    public var returns: TypeSyntax?
    /// Requirements on the facts (decisions only).
    public var requires: [RequireSyntax]
    /// Intermediate values, in order.
    public var lets: [BindingSyntax]
    /// The answer.
    public var value: NodeSyntax?
    /// Where it starts.
    public var location: SourceLocation
    /// Whether the rule has a key the parser did not know (`input:` for `inputs:`, say): names it
    /// might have declared are then unknown, and reporting each use would bury the one mistake.
    public var hasUnknownKeys = false
}

/// The contract header.
public struct HeaderSyntax: Sendable, Hashable {
    /// Each key's value, by key.
    public var fields: [String: Located]
    /// Where the header starts.
    public var location: SourceLocation
}

/// One provision of the contract that sets a term.
public struct ProvisionSyntax: Sendable, Hashable {
    /// The value the provision gives the term.
    public var value: ExpressionText
    /// The article.
    public var cites: [String]
    /// What the provision says, in the contract's words.
    public var says: String?
    /// Where it starts.
    public var location: SourceLocation
}

/// A contract term set by one or more provisions, with the resolution when they disagree.
public struct TermSyntax: Sendable, Hashable {
    /// The term's name, used in expressions.
    public var name: Located
    /// A one-line description.
    public var title: String
    /// The provisions that set it.
    public var provisions: [ProvisionSyntax]
    /// The article of the provision that prevails, when they disagree.
    public var prevails: Located?
    /// Why it prevails.
    public var because: String?
    /// Where it starts.
    public var location: SourceLocation
}

/// A parsed rule file.
public struct ContractSyntax: Sendable, Hashable {
    /// The file it came from, to place findings inside values that span several lines.
    public var source: SourceFile
    /// The contract header.
    public var header: HeaderSyntax
    /// Terms set by provisions of the contract.
    public var terms: [TermSyntax]
    /// Reusable rules with parameters.
    public var definitions: [RuleSyntax]
    /// The catalogue's decisions.
    public var decisions: [RuleSyntax]
}
