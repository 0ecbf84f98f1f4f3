extension RuleSet {
    /// Answers a decision for the facts, at an explicit evaluation date.
    ///
    /// Every fact is validated before the rule answers, whatever branch would decide. Money in the
    /// answer is rounded to the cent once, with the contract's declared rounding mode.
    ///
    /// - Parameters:
    ///   - reference: The decision, resolved once with ``reference(contract:decision:)``.
    ///   - facts: A JSON object whose nesting follows the dotted input names.
    ///   - asOf: The evaluation date, in the contract's zone. Nothing reads the clock.
    ///   - explain: Whether to record the steps that decided; off costs nothing.
    /// - Throws: ``EvaluationError`` naming the fact at fault.
    public func evaluate(
        _ reference: DecisionReference, facts: JSONValue, asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        let program = try resolve(reference)
        let index = reference.decision
        return try EvaluationScratch.withFrame(count: program.frameSizes[index]) { (frame) throws(EvaluationError) -> Decision in
            try FactDecoder(header: program.header, asOf: asOf).decode(facts, for: program.decisions[index], into: &frame)
            return try answer(program: program, index: index, frame: &frame, asOf: asOf, explain: explain)
        }
    }

    /// Checks the requirements on the decoded facts, runs the rule and rounds the answer.
    ///
    /// The frame needs `program.frameSizes[index]` slots, more than the decision's own
    /// `frameSize` when definitions are lowered in place in it; a shorter one is lengthened here
    /// (allocating), so that a caller sizing it by `frameSize` still gets the right answer.
    func answer(
        program: Program, index: Int, frame: inout [Value], asOf: CivilDate, explain: Bool
    ) throws(EvaluationError) -> Decision {
        if frame.count < program.frameSizes[index] {
            frame.append(contentsOf: repeatElement(.absent, count: program.frameSizes[index] - frame.count))
        }
        return try frame.withUnsafeMutableBufferPointer { (slots) throws(EvaluationError) -> Decision in
            try answer(program: program, index: index, slots: slots, asOf: asOf, explain: explain)
        }
    }

    /// The same, on a frame lent as a buffer.
    func answer(
        program: Program, index: Int, slots: Frame, asOf: CivilDate, explain: Bool
    ) throws(EvaluationError) -> Decision {
        let machine = Machine(program: program, asOf: asOf)
        var trace = Trace(explain: explain)
        try machine.check(decision: index, slots, &trace)
        guard explain else {
            // Nothing to explain: no steps, the decision's own citations, and a record answer built
            // in the array of an earlier answer the host has let go of.
            let value = try EvaluationScratch.withAnswerStorage { (storage) throws(EvaluationError) -> Value in
                if let raw = try machine.evaluateAnswer(program.decisionBodies[index], slots, &trace, into: &storage) {
                    return try Self.rounded(raw, mode: program.header.rounding)
                }
                for field in storage.indices {
                    switch storage[field] {
                    case .money(let m):
                        // As `ValueEncoding.roundingMoney` rounds it, with its error, without copying the field twice.
                        do throws(ArithmeticError) { storage[field] = .money(try m.rounded(toScale: 2, program.header.rounding)) } catch {
                            throw Operations.arithmetic(error, "the rounding of the answer")
                        }
                    case .list, .record:
                        if Self.holdsMoney(storage[field]) {
                            storage[field] = try ValueEncoding.roundingMoney(storage[field], mode: program.header.rounding)
                        }
                    default:
                        continue
                    }
                }
                return .record(storage)
            }
            return Decision(
                contract: program.header.id, decision: program.decisions[index].id, asOf: asOf, zone: program.header.zone,
                value: value, type: program.decisions[index].resultType, explanation: [], citations: program.decisions[index].citations)
        }
        let raw = try machine.evaluate(program.decisionBodies[index], slots, &trace)
        let value = try Self.rounded(raw, mode: program.header.rounding)
        var steps = trace.steps ?? []
        if raw != value {
            steps.append(.beforeRounding(raw, type: program.decisions[index].resultType, mode: program.header.rounding))
        }
        let citations = Decision.citations(program.decisions[index].citations, with: steps)
        return Decision(
            contract: program.header.id, decision: program.decisions[index].id, asOf: asOf, zone: program.header.zone,
            value: value, type: program.decisions[index].resultType, explanation: steps, citations: citations)
    }

    /// Whether rounding money to the cent could change the value: answers without money are kept
    /// as they are (a shared eligibility answer, say), rather than copied.
    private static func holdsMoney(_ value: Value) -> Bool {
        switch value {
        case .money: true
        case .record(let items), .list(let items): items.contains(where: holdsMoney)
        default: false
        }
    }

    /// The answer with its money rounded to the cent once, with the contract's rounding mode.
    private static func rounded(_ value: Value, mode: RoundingMode) throws(EvaluationError) -> Value {
        holdsMoney(value) ? try ValueEncoding.roundingMoney(value, mode: mode) : value
    }

    /// Resolves a contract and decision id, or says which one is unknown and suggests the closest.
    ///
    /// - Throws: ``EvaluationError`` of kind `unknownDecision`.
    public func resolveReference(contract: String, decision: String) throws(EvaluationError) -> DecisionReference {
        if let reference = reference(contract: contract, decision: decision) { return reference }
        guard let known = self.contract(contract) else {
            var message = "there is no contract '\(contract)'"
            if let close = Suggestions.closest(to: contract, among: contracts.map(\.header.id)) {
                message += "; did you mean '\(close)'?"
            }
            throw EvaluationError(.unknownDecision, message)
        }
        var message = "the contract '\(contract)' has no decision '\(decision)'"
        if let close = Suggestions.closest(to: decision, among: known.decisions.map(\.id)) {
            message += "; did you mean '\(close)'?"
        }
        throw EvaluationError(.unknownDecision, message)
    }

    /// Answers a decision named by its contract and decision ids.
    ///
    /// - Throws: ``EvaluationError`` of kind `unknownDecision` when either id is unknown, or as
    ///   ``evaluate(_:facts:asOf:explain:)`` does.
    public func evaluate(
        contract: String, decision: String, facts: JSONValue, asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        try evaluate(try resolveReference(contract: contract, decision: decision), facts: facts, asOf: asOf, explain: explain)
    }
}

extension Machine {
    /// Checks the rule's requirements on the facts; the first that fails is the error.
    func check(decision: Int, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) {
        // By index, and through the program: copying a requirement (its strings), or even holding
        // the arrays, costs reference counts on every query.
        for index in program.decisions[decision].requirements.indices where index < program.requirements[decision].count {
            let root = program.requirements[decision][index]
            // A per-item requirement, and only one, has the roots of a list.
            guard root.list >= 0 else {
                guard case .bool(true) = try evaluate(root.condition, frame, &trace) else {
                    let requirement = program.decisions[decision].requirements[index]
                    throw EvaluationError(.requirement, requirement.message, fact: requirement.fact)
                }
                continue
            }
            let requirements = program.decisions[decision].requirements
            guard let each = requirements[index].forEach else { continue }
            guard case .list(let items) = try evaluate(root.list, frame, &trace), frame.indices.contains(each.itemSlot) else {
                throw Operations.mismatch("a requirement")
            }
            for (position, item) in items.enumerated() {
                frame[each.itemSlot] = item
                guard case .bool(true) = try evaluate(root.condition, frame, &trace) else {
                    let requirement = requirements[index]
                    var fact = "\(each.listName)[\(position)]"
                    if requirement.fact.hasPrefix(each.itemName + ".") {
                        fact += requirement.fact.dropFirst(each.itemName.count)
                    }
                    throw EvaluationError(.requirement, requirement.message, fact: fact)
                }
            }
        }
    }
}

extension Decision {
    /// The catalogue's JSON: `{"contract", "decision", "as_of", "value", "explanation", "citations"}`.
    public var json: JSONValue {
        var steps: [JSONValue] = []
        for step in explanation {
            var members = [
                JSONMember(key: "step", value: .string(step.kind.rawValue)),
                JSONMember(key: "label", value: .string(step.label)),
                JSONMember(key: "value", value: ValueEncoding.json(step.value, type: step.type, zone: zone, exact: true)),
            ]
            if let because = step.because { members.append(JSONMember(key: "because", value: .string(because))) }
            members.append(JSONMember(key: "citations", value: .array(step.citations.map { .string($0) })))
            steps.append(.object(JSONObject(members)))
        }
        return .object(
            JSONObject([
                JSONMember(key: "contract", value: .string(contract)),
                JSONMember(key: "decision", value: .string(decision)),
                JSONMember(key: "as_of", value: .string(asOf.description)),
                JSONMember(key: "value", value: valueJSON),
                JSONMember(key: "explanation", value: .array(steps)),
                JSONMember(key: "citations", value: .array(citations.map { .string($0) })),
            ]))
    }

    /// The answer alone in the catalogue's JSON encoding.
    public var valueJSON: JSONValue { ValueEncoding.json(value, type: type, zone: zone) }
}

extension EvaluationError {
    /// `{"error": {"message", "fact", "kind"}}`, as the CLI and services answer bad input.
    public var json: JSONValue { Self.json(message: message, fact: fact, kind: kind.rawValue) }

    /// The same error object for a failure with a kind of the caller's own (a service's `not_reloadable`).
    public static func json(message: String, fact: String?, kind: String) -> JSONValue {
        .object(
            JSONObject([
                JSONMember(
                    key: "error",
                    value: .object(
                        JSONObject([
                            JSONMember(key: "message", value: .string(message)),
                            JSONMember(key: "fact", value: fact.map { .string($0) } ?? .null),
                            JSONMember(key: "kind", value: .string(kind)),
                        ])))
            ]))
    }
}
