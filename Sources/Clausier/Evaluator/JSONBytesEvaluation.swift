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
        let fast = json.withMemoryRebound(to: UInt8.self) { utf8 -> [Value]? in
            var parser = JSONParser(input: utf8)
            return Self.decodeFactsDocument(&parser, program: program, index: index, asOf: asOf)
        }
        if var frame = fast {
            return try answer(program: program, index: index, frame: &frame, asOf: asOf, explain: explain)
        }
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

    /// The frame of a facts document that is exactly one object, or nil when the reference path must decide.
    static func decodeFactsDocument(_ parser: inout JSONParser, program: Program, index: Int, asOf: CivilDate) -> [Value]? {
        let decoder = FactBytesDecoder(program: program, index: index)
        var frame = [Value](repeating: .absent, count: program.frameSizes[index])
        parser.skipWhitespace()
        guard decoder.decodeObject(&parser, into: &frame) else { return nil }
        parser.skipWhitespace()
        guard parser.position == parser.count else { return nil }
        decoder.finish(&frame, asOf: asOf)
        return frame
    }
}
