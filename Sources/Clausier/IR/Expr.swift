/// Where a step of an explanation comes from: what it is, its label, and the articles it cites.
public struct StepInfo: Sendable, Hashable, Codable {
    /// What kind of step this is.
    public var kind: StepKind
    /// A short label: the binding's name, the case's condition, the tier's range.
    public var label: String
    /// The editor's explanation of why, from the rule file's `because`.
    public var because: String?
    /// The articles cited, as the rule file writes them.
    public var citations: [String]
    /// The type of the step's value, to show it.
    public var type: ValueType
    /// The branch's index in ``CompiledContract/branches``, for test coverage; nil for steps that are not branches.
    public var branch: Int?

    /// Creates step information.
    public init(kind: StepKind, label: String, because: String?, citations: [String], type: ValueType, branch: Int? = nil) {
        self.kind = kind
        self.label = label
        self.because = because
        self.citations = citations
        self.type = type
        self.branch = branch
    }
}

/// A branch of a rule (a case, a tier row, an exclusion, a ground, the no-ground outcome), listed so
/// that test coverage can say which were never exercised.
public struct BranchInfo: Sendable, Hashable, Codable {
    /// The decision or definition it belongs to.
    public var rule: String
    /// What kind of branch it is.
    public var kind: StepKind
    /// Its label, as in explanations.
    public var label: String
    /// Where it is written, `file:line:column`.
    public var location: String

    /// Creates a branch description.
    public init(rule: String, kind: StepKind, label: String, location: String) {
        self.rule = rule
        self.kind = kind
        self.label = label
        self.location = location
    }
}

/// The kinds of explanation steps.
public enum StepKind: String, Sendable, Hashable, Codable {
    /// The decision as a whole.
    case decision
    /// A named intermediate value.
    case value
    /// The case of a `cases` block that decided.
    case `case`
    /// The `otherwise` of a `cases` block.
    case otherwise
    /// The row of a tier table that decided.
    case tier
    /// An exclusion that held and refused.
    case exclusion
    /// A ground that held and granted.
    case ground
    /// Neither exclusion nor ground held.
    case noGround = "no_ground"
    /// A definition called by the decision.
    case definition
    /// A contract term, with the provision that set it.
    case term
}

/// One branch of a `cases` block.
public struct CaseBranch: Sendable, Hashable, Codable {
    /// The condition; nil for `otherwise`.
    public var condition: Expr?
    /// The value when the condition holds.
    public var value: Expr
    /// The explanation step recorded when this branch decides.
    public var step: StepInfo

    /// Creates a branch.
    public init(condition: Expr?, value: Expr, step: StepInfo) {
        self.condition = condition
        self.value = value
        self.step = step
    }
}

/// The boundary convention of a tier table, declared in the rule file.
public enum TierBoundaries: String, Sendable, Hashable, Codable {
    /// Each row is `[from, to)`: a measure equal to a boundary belongs to the upper row.
    case lowerInclusive = "lower_inclusive"
    /// Each row is `(from, to]`: a measure equal to a boundary belongs to the lower row.
    case upperInclusive = "upper_inclusive"
}

/// One row of a tier table.
public struct TierRow: Sendable, Hashable, Codable {
    /// The lower bound; nil for no lower bound.
    public var from: Value?
    /// The upper bound; nil for no upper bound.
    public var to: Value?
    /// The row's value.
    public var value: Expr
    /// The explanation step recorded when this row decides.
    public var step: StepInfo

    /// Creates a row.
    public init(from: Value?, to: Value?, value: Expr, step: StepInfo) {
        self.from = from
        self.to = to
        self.value = value
        self.step = step
    }
}

/// A tier table: a measure looked up in contiguous rows.
public struct TierTable: Sendable, Hashable, Codable {
    /// The measure.
    public var measure: Expr
    /// The declared boundary convention.
    public var boundaries: TierBoundaries
    /// The rows, in increasing order.
    public var rows: [TierRow]
    /// The measure's name for explanations and errors.
    public var measureLabel: String

    /// Creates a tier table.
    public init(measure: Expr, boundaries: TierBoundaries, rows: [TierRow], measureLabel: String) {
        self.measure = measure
        self.boundaries = boundaries
        self.rows = rows
        self.measureLabel = measureLabel
    }
}

/// One exclusion or ground of an eligibility block.
public struct EligibilityItem: Sendable, Hashable, Codable {
    /// When it holds.
    public var condition: Expr
    /// Its reason code.
    public var reason: String
    /// The explanation step recorded when it decides.
    public var step: StepInfo

    /// Creates an item.
    public init(condition: Expr, reason: String, step: StepInfo) {
        self.condition = condition
        self.reason = reason
        self.step = step
    }
}

/// Exclusions that override grounds: the first exclusion that holds refuses, else the first ground grants.
public struct Eligibility: Sendable, Hashable, Codable {
    /// Checked first, in order.
    public var exclusions: [EligibilityItem]
    /// Checked when no exclusion holds, in order.
    public var grounds: [EligibilityItem]
    /// The decision when a ground holds.
    public var granted: String
    /// The decision when an exclusion holds or no ground does.
    public var refused: String
    /// The reason when nothing holds.
    public var noGround: String
    /// The step recorded when nothing holds.
    public var noGroundStep: StepInfo

    /// Creates an eligibility block.
    public init(
        exclusions: [EligibilityItem], grounds: [EligibilityItem], granted: String, refused: String,
        noGround: String, noGroundStep: StepInfo
    ) {
        self.exclusions = exclusions
        self.grounds = grounds
        self.granted = granted
        self.refused = refused
        self.noGround = noGround
        self.noGroundStep = noGroundStep
    }
}

/// The compiled expression tree that the evaluator walks.
///
/// Names are resolved to frame slots and field indices, operations to typed operations:
/// the hot path does no lookups by name.
public indirect enum Expr: Sendable, Hashable, Codable {
    /// A constant.
    case constant(Value)
    /// A slot of the current frame: an input, a binding or a parameter.
    case slot(Int)
    /// The evaluation date.
    case asOf
    /// A field of a record.
    case field(Expr, Int)
    /// A record from its fields, in the record type's order.
    case record([Expr])
    /// A list from its items.
    case list([Expr])
    /// Arithmetic negation (int, decimal, money, percent, duration, period).
    case negate(Expr)
    /// Boolean negation.
    case not(Expr)
    /// Short-circuit and.
    case and(Expr, Expr)
    /// Short-circuit or.
    case or(Expr, Expr)
    /// A typed binary operation.
    case binary(BinaryOperation, Expr, Expr)
    /// if … then … else.
    case conditional(Expr, Expr, Expr)
    /// The first operand when present, else the second.
    case coalesce(Expr, Expr)
    /// A built-in function.
    case call(Builtin, [Expr])
    /// A fold over a list; the body sees the item in `slot`.
    case aggregate(Aggregate, list: Expr, slot: Int, body: Expr?)
    /// Ordered cases: the first whose condition holds decides.
    case cases([CaseBranch])
    /// A tier table.
    case tiers(TierTable)
    /// Exclusions over grounds.
    case eligibility(Eligibility)
    /// A call of a definition of the same contract with its arguments.
    case invoke(definition: Int, arguments: [Expr])
    /// Evaluates an expression and records it as an explanation step (a contract term, say).
    case noted(Expr, StepInfo)
    /// Binds a value to a slot and records it as an explanation step, then evaluates the body.
    case bind(slot: Int, value: Expr, step: StepInfo?, body: Expr)
}

extension Expr {
    /// Calls `body` on each expression directly inside this one, in the order they are written.
    ///
    /// One list of the IR's cases for every walk over it (the checker's analyses, the program
    /// builder), so that a case added to `Expr` is added here once.
    public func forEachChild(_ body: (Expr) throws -> Void) rethrows {
        switch self {
        case .constant, .slot, .asOf:
            return
        case .field(let e, _), .negate(let e), .not(let e), .noted(let e, _):
            try body(e)
        case .record(let items), .list(let items), .call(_, let items), .invoke(_, let items):
            for item in items { try body(item) }
        case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b), .coalesce(let a, let b), .bind(_, let a, _, let b):
            try body(a)
            try body(b)
        case .conditional(let a, let b, let c):
            try body(a)
            try body(b)
            try body(c)
        case .aggregate(_, let list, _, let item):
            try body(list)
            if let item { try body(item) }
        case .cases(let branches):
            for branch in branches {
                if let condition = branch.condition { try body(condition) }
                try body(branch.value)
            }
        case .tiers(let table):
            try body(table.measure)
            for row in table.rows { try body(row.value) }
        case .eligibility(let block):
            for item in block.exclusions { try body(item.condition) }
            for item in block.grounds { try body(item.condition) }
        }
    }

    /// The expressions directly inside this one, in the order they are written.
    public var children: [Expr] {
        var children: [Expr] = []
        forEachChild { children.append($0) }
        return children
    }
}
