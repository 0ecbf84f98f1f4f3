/// Checks typed facts given as values (by generated Swift APIs, say) the way JSON facts are checked:
/// the shape of each value against its input's type, no negative counts or amounts, the contract's
/// currency. Errors name the fact as JSON decoding would.
enum ValueValidator {
    static func validate(_ value: Value, as type: ValueType, name: String) throws(EvaluationError) {
        func invalid(_ message: String) -> EvaluationError { EvaluationError(.invalidFact, message, fact: name) }
        switch (type, value) {
        case (.optional, .absent):
            return
        case (.optional(let inner), _):
            try validate(value, as: inner, name: name)
        case (_, .absent):
            throw EvaluationError(.missingFact, "the required fact '\(name)' is missing", fact: name)
        case (.bool, .bool), (.decimal, .decimal), (.percent, .percent), (.datetime, .datetime), (.time, .time),
            (.duration, .duration):
            return
        case (.int, .int(let i)):
            if let problem = FactRules.count(i, written: String(i)) { throw invalid(problem) }
        case (.money(let currency), .money(let m)):
            if let problem = FactRules.money(m, currency: currency, written: m.description) { throw invalid(problem) }
        case (.date, .date(let d)):
            if let problem = FactRules.date(d, written: d.description) { throw invalid(problem) }
        case (.period(let unit), .period(_, let given)) where unit == given:
            return
        case (.enumeration(let cases), .name(let s)):
            if let problem = FactRules.name(s, among: cases) { throw invalid(problem) }
        case (.list(let element), .list(let items)):
            for (index, item) in items.enumerated() { try validate(item, as: element, name: "\(name)[\(index)]") }
        case (.record(let fields), .record(let values)):
            guard fields.count == values.count else { throw invalid("expected a record of \(fields.count) fields") }
            for (field, item) in zip(fields, values) { try validate(item, as: field.type, name: "\(name).\(field.name)") }
        default:
            throw invalid("expected \(type)")
        }
    }
}

extension RuleSet {
    /// Answers a decision for facts given as typed values, one per input in the decision's input order.
    ///
    /// This is the path of generated Swift APIs: no JSON, the same validation (shapes, no negative
    /// counts or amounts, the contract's currency, dates that count only once past) and the same answer.
    ///
    /// - Parameters:
    ///   - reference: The decision, resolved once with ``RuleSet/reference(contract:decision:)``.
    ///   - values: One value per ``CompiledDecision/inputs``, `.absent` for an absent optional.
    ///   - asOf: The evaluation date, in the contract's time zone.
    ///   - explain: Whether to record the steps that decided.
    /// - Throws: ``EvaluationError`` naming the fact at fault.
    public func evaluate(
        _ reference: DecisionReference, values: [Value], asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        let program = try resolve(reference)
        let index = reference.decision
        guard values.count == program.inputChecks[index].count else {
            throw EvaluationError(
                .invalidFact, "the decision '\(program.decisions[index].id)' takes \(program.decisions[index].inputs.count) inputs, not \(values.count)")
        }
        // The frame lives on the stack: nothing here needs it as an array.
        let size = max(program.frameSizes[index], 0)
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: size) { (frame) throws(EvaluationError) -> Decision in
            frame.initializeAbsent()
            defer { frame.deinitializeValues() }
            let checks = program.inputChecks[index]
            for position in checks.indices {
                if !checks[position].accepts(values[position]) {
                    // Not one of the usual cases: the full check, which also words the error.
                    let input = program.decisions[index].inputs[position]
                    try ValueValidator.validate(values[position], as: input.type, name: input.name)
                }
                let slot = checks[position].slot
                guard frame.indices.contains(slot) else { throw Operations.mismatch("typed facts") }
                if checks[position].countsOnlyIfPast, case .date(let d) = values[position], d > asOf {
                    frame[slot] = .absent
                } else {
                    frame[slot] = values[position]
                }
            }
            return try answer(program: program, index: index, slots: frame, asOf: asOf, explain: explain)
        }
    }
}
