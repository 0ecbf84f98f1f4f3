import Clausier
import ClausierDiagnostics

/// A checked `cases` block.
struct TypedCases {
    /// The branches, in order.
    var branches: [TypedCase]
    /// Where the block starts.
    var location: SourceLocation
}

/// A checked branch of a `cases` block.
struct TypedCase {
    /// The condition; nil for `otherwise`.
    var condition: Typed?
    /// The value when it decides.
    var value: Typed
    /// The branch as written: its label, citations and place.
    var syntax: CaseSyntax

    /// The label of its explanation step and coverage branch: the condition as written.
    var label: String { syntax.when?.text ?? "otherwise" }
    var kind: StepKind { syntax.when == nil ? .otherwise : .case }
}

/// A checked tier table.
struct TypedTiers {
    /// The measure looked up.
    var measure: Typed
    /// The declared boundary convention (lower-inclusive when it was not declared, which is an error).
    var boundaries: TierBoundaries
    /// The rows, in order.
    var rows: [TypedTierRow]
    /// The table as written.
    var syntax: TiersSyntax
}

/// A checked row of a tier table.
struct TypedTierRow {
    /// The lower bound; nil for none.
    var from: Value?
    /// The upper bound; nil for none.
    var to: Value?
    /// The row's value.
    var value: Typed
    /// The row's citations: its own, or the table's when it has none.
    var provenance: Provenance
    /// The row's range as explanations show it, such as `[2 hours, 4 hours)`.
    var label: String
    /// The row as written.
    var syntax: TierRowSyntax
}

/// Checked exclusions over grounds.
struct TypedEligibility {
    /// The exclusions, in order.
    var exclusions: [TypedEligibilityItem]
    /// The grounds, in order.
    var grounds: [TypedEligibilityItem]
    /// The type of its outcome, `{decision, reason}`, before any conversion to the type its place requires.
    var outcomeType: ValueType
    /// The block as written.
    var syntax: EligibilitySyntax
}

/// A checked exclusion or ground.
struct TypedEligibilityItem {
    /// When it holds.
    var condition: Typed
    /// The item as written.
    var syntax: EligibilityItemSyntax
}
