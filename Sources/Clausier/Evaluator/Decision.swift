/// One step of an explanation: a value computed, a case, tier, exclusion or ground that decided.
public struct ExplanationStep: Sendable, Hashable {
    /// What kind of step it is.
    public var kind: StepKind
    /// Its label: a binding's name, a case's condition, a tier's range.
    public var label: String
    /// Why, in the rule file's words.
    public var because: String?
    /// The value it produced.
    public var value: Value
    /// The value's type.
    public var type: ValueType
    /// The articles it cites.
    public var citations: [String]
    /// The branch it took, an index in ``CompiledContract/branches``; nil for steps that are not branches.
    public var branch: Int?

    /// Creates a step.
    public init(
        kind: StepKind, label: String, because: String?, value: Value, type: ValueType, citations: [String], branch: Int? = nil
    ) {
        self.kind = kind
        self.label = label
        self.because = because
        self.value = value
        self.type = type
        self.citations = citations
        self.branch = branch
    }
}

/// The answer to a decision: its value and why.
public struct Decision: Sendable, Hashable {
    /// The contract's id.
    public var contract: String
    /// The decision's id.
    public var decision: String
    /// The evaluation date.
    public var asOf: CivilDate
    /// The contract's time zone, in which datetimes of the answer are shown.
    public var zone: ZoneRule
    /// The answer, with money rounded to the cent.
    public var value: Value
    /// The answer's type.
    public var type: ValueType
    /// The steps that decided it, in evaluation order; empty when explanation was off.
    public var explanation: [ExplanationStep]
    /// Every article cited: the decision's own, then each step's, without repeats.
    public var citations: [String]

    /// Creates a decision.
    public init(
        contract: String, decision: String, asOf: CivilDate, zone: ZoneRule, value: Value, type: ValueType,
        explanation: [ExplanationStep], citations: [String]
    ) {
        self.contract = contract
        self.decision = decision
        self.asOf = asOf
        self.zone = zone
        self.value = value
        self.type = type
        self.explanation = explanation
        self.citations = citations
    }
}

extension ExplanationStep {
    /// The step of `info` with the value computed there: how the interpreter and native code record one.
    init(_ info: StepInfo, value: Value) {
        self.init(
            kind: info.kind, label: info.label, because: info.because, value: value, type: info.type,
            citations: info.citations, branch: info.branch)
    }

    /// The exact answer before its one rounding to the cent, shown so that a reader can check it.
    static func beforeRounding(_ raw: Value, type: ValueType, mode: RoundingMode) -> ExplanationStep {
        ExplanationStep(
            kind: .decision, label: "exact answer, before rounding to the cent (\(mode.rawValue))", because: nil, value: raw,
            type: type, citations: [])
    }
}

extension Decision {
    /// A decision's citations: its own, then each step's, without repeats.
    static func citations(_ own: [String], with steps: [ExplanationStep]) -> [String] {
        var citations = own
        for step in steps {
            for citation in step.citations where !citations.contains(citation) { citations.append(citation) }
        }
        return citations
    }
}
