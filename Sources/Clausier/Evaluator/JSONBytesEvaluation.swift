extension RuleSet {
    /// Answers a decision for facts given as JSON text, read straight into the decision's frame.
    ///
    /// The same answer, and for bad input the same ``EvaluationError`` (kind, fact and message),
    /// as reading the text with ``JSONReader`` and calling ``evaluate(_:facts:asOf:explain:)``,
    /// without building a ``JSONValue`` of the document. Text that is not JSON is an error of
    /// kind `invalidFact` whose message starts "the facts are not valid JSON: ", as
    /// `clausier eval` reports it.
    ///
    /// - Parameters:
    ///   - reference: The decision, resolved once with ``reference(contract:decision:)``.
    ///   - json: The facts object as UTF-8, in memory the caller owns for the duration of the call.
    ///   - asOf: The evaluation date, in the contract's zone.
    ///   - explain: Whether to record the steps that decided.
    /// - Throws: ``EvaluationError`` naming the fact at fault.
    public func evaluate(
        _ reference: DecisionReference, json: UnsafeRawBufferPointer, asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        let program = try resolve(reference)
        let index = reference.decision
        // Read into this thread's frame, as the other entry points do, so that a query allocates no frame.
        let fast = try EvaluationScratch.withFrame(count: program.frameSizes[index]) { (frame) throws(EvaluationError) -> Decision? in
            let decoded = json.withMemoryRebound(to: UInt8.self) { utf8 -> Bool in
                var parser = JSONParser(input: utf8)
                return Self.decodeFactsDocument(&parser, program: program, index: index, asOf: asOf, into: &frame)
            }
            guard decoded else { return nil }
            return try answer(program: program, index: index, frame: &frame, asOf: asOf, explain: explain)
        }
        if let fast { return fast }
        let facts: JSONValue
        do { facts = try JSONReader.read(bytes: json) } catch {
            throw EvaluationError(.invalidFact, "the facts are not valid JSON: \(error.description)")
        }
        return try evaluate(reference, facts: facts, asOf: asOf, explain: explain)
    }

    /// Answers a decision for facts given as JSON text in any collection of UTF-8 bytes (`[UInt8]`,
    /// `Data`, a `String`'s `utf8`), as the `UnsafeRawBufferPointer` overload does.
    public func evaluate(
        _ reference: DecisionReference, json: some Collection<UInt8>, asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        let result = json.withContiguousStorageIfAvailable { utf8 in
            Result { () throws(EvaluationError) -> Decision in
                try evaluate(reference, json: UnsafeRawBufferPointer(utf8), asOf: asOf, explain: explain)
            }
        }
        if let result { return try result.get() }
        // Only collections without contiguous storage get here; they are read from a copy.
        return try evaluate(reference, json: Array(json), asOf: asOf, explain: explain)
    }

    /// Reads a facts document that is exactly one object into `frame` (all `.absent`, of the decision's
    /// frame size); false when the reference path must decide, the frame then holding what was read.
    static func decodeFactsDocument(
        _ parser: inout JSONParser, program: Program, index: Int, asOf: CivilDate, into frame: inout [Value]
    ) -> Bool {
        let decoder = FactBytesDecoder(program: program, index: index)
        parser.skipWhitespace()
        guard decoder.decodeObject(&parser, into: &frame) else { return false }
        parser.skipWhitespace()
        guard parser.position == parser.count else { return false }
        decoder.finish(&frame, asOf: asOf)
        return true
    }
}
