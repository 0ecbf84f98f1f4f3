extension RuleSet {
    /// The facts decoded and checked as ``evaluate(_:facts:asOf:explain:)`` does, as one value per input
    /// in the decision's input order: what ``evaluate(_:values:asOf:explain:)`` and a generated typed API
    /// take. An optional date that counts only once past reads as absent after `asOf`.
    ///
    /// - Throws: ``EvaluationError`` naming the fact at fault, exactly as the evaluation would.
    public func inputValues(_ reference: DecisionReference, facts: JSONValue, asOf: CivilDate) throws(EvaluationError) -> [Value] {
        let program = try resolve(reference)
        let decision = program.decisions[reference.decision]
        var frame = [Value](repeating: .absent, count: decision.frameSize)
        try FactDecoder(header: program.header, asOf: asOf).decode(facts, for: decision, into: &frame)
        return decision.inputs.map { frame.indices.contains($0.slot) ? frame[$0.slot] : .absent }
    }
}
