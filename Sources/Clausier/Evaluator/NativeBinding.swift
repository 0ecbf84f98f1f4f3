/// What a generated typed API needs to answer through its native code: the proof that the rules it
/// is bound to are the rules it was generated from, and the parts of each answer that do not depend
/// on the facts.
///
/// Native code encodes the rules as they were when it was generated. Bound to other rules (reloaded
/// from a directory, say), the typed API must answer with those, so it uses the interpreter: this
/// binding is then nil.
public struct NativeBinding: Sendable {
    private let templates: [Decision]

    /// Binds to the contract `id` of `rules` when it is the contract of `generated`, the rules the
    /// native code was generated from; nil otherwise.
    public init?(rules: RuleSet, generated: RuleSet?, contract id: String) {
        guard let generated, let bound = rules.contract(id), let original = generated.contract(id),
              bound.header == original.header, bound.decisions == original.decisions,
              bound.definitions == original.definitions
        else { return nil }
        templates = bound.decisions.map { decision in
            Decision(
                contract: id, decision: decision.id, asOf: bound.header.effective, zone: bound.header.zone, value: .absent,
                type: decision.resultType, explanation: [], citations: decision.citations)
        }
    }

    /// The decision answered natively: the contract's and decision's ids, its type and citations, with
    /// the value and evaluation date of this query.
    public func decision(_ index: Int, value: Value, asOf: CivilDate) -> Decision {
        guard templates.indices.contains(index) else {
            return Decision(contract: "", decision: "", asOf: asOf, zone: .utc, value: value, type: .absent, explanation: [], citations: [])
        }
        var decision = templates[index]
        decision.value = value
        decision.asOf = asOf
        return decision
    }
}
