/// What generated native code needs from the rules it was generated from: whether the rules a typed
/// API is bound to are those rules, and the parts of each answer that do not depend on the facts.
///
/// Native code encodes the rules as they were when it was generated. Bound to other rules (reloaded
/// from a directory, say), a typed API must answer with those, so it uses the interpreter.
public struct NativeBinding: Sendable {
    private let templates: [Decision]

    /// The answers' templates of the contract `id` of the rules the code was generated from; empty
    /// when they are missing, which only a hand-edited generated file can cause.
    public init(generated: RuleSet?, contract id: String) {
        guard let contract = generated?.contract(id) else {
            templates = []
            return
        }
        templates = contract.decisions.map { decision in
            Decision(
                contract: id, decision: decision.id, asOf: contract.header.effective, zone: contract.header.zone, value: .absent,
                type: decision.resultType, explanation: [], citations: decision.citations)
        }
    }

    /// Whether the contract `id` of `rules` is the contract of `generated`: same header, decisions and
    /// definitions (where each branch is written does not matter).
    public static func matches(_ rules: RuleSet, generated: RuleSet?, contract id: String) -> Bool {
        guard let bound = rules.contract(id), let original = generated?.contract(id) else { return false }
        return bound.header == original.header && bound.decisions == original.decisions && bound.definitions == original.definitions
    }

    /// The decision answered natively: the contract's and decision's ids, its type and citations, with
    /// the value, evaluation date and explanation of this query; the citations are the decision's,
    /// then each step's, without repeats, as the interpreter gives them.
    public func decision(_ index: Int, value: Value, asOf: CivilDate, explanation: [ExplanationStep] = []) -> Decision {
        guard templates.indices.contains(index) else {
            return Decision(contract: "", decision: "", asOf: asOf, zone: .utc, value: value, type: .absent, explanation: [], citations: [])
        }
        var decision = templates[index]
        decision.value = value
        decision.asOf = asOf
        if !explanation.isEmpty {
            decision.explanation = explanation
            decision.citations = Decision.citations(decision.citations, with: explanation)
        }
        return decision
    }
}
