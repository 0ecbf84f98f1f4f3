/// A request to answer one decision, `{"as_of": "YYYY-MM-DD", "facts": {...}}`: a line of
/// `clausier eval --batch`, or the body of a decision service's `POST /contracts/{id}/decisions/{decision}`.
///
/// One reading for both, so that a batch and a service refuse the same requests with the same
/// messages. A request without `"facts"` has the facts `{}`. ``BatchEvaluator`` reads well-formed
/// lines faster, straight from the bytes, and comes here for everything else.
public struct DecisionRequest: Sendable, Hashable {
    /// The evaluation date, in the contract's zone.
    public var asOf: CivilDate
    /// The facts, a JSON object nested by the dotted input names (not checked yet: evaluating does).
    public var facts: JSONValue

    /// Creates a request.
    public init(asOf: CivilDate, facts: JSONValue = .object(JSONObject())) {
        self.asOf = asOf
        self.facts = facts
    }

    /// Where a request was read from, which words its errors and decides what other members mean.
    public enum Framing: Sendable, Hashable {
        /// The 1-based line of a batch: each error starts `line N: `, and members other than
        /// `as_of` and `facts` are ignored, so a line may carry the caller's own id.
        case batchLine(Int)
        /// The body of an HTTP request: members other than `as_of` and `facts` are refused, since
        /// a misspelt `"fact"` would otherwise be answered as if there were no facts.
        case body
    }

    /// Reads a request from UTF-8 bytes.
    ///
    /// - Throws: ``EvaluationError`` of kind `invalidFact` when the bytes are not JSON, not an
    ///   object, or hold no valid `as_of` (or, for a body, another member).
    public static func decode(_ bytes: [UInt8], _ framing: Framing) throws(EvaluationError) -> DecisionRequest {
        let json: JSONValue
        do { json = try JSONReader.read(bytes) } catch { throw framing.notJSON(error) }
        return try decode(json, framing)
    }

    /// Reads a request from UTF-8 bytes in memory the caller owns, such as a batch line.
    ///
    /// - Throws: As reading a request from an array of bytes does.
    public static func decode(_ bytes: UnsafeRawBufferPointer, _ framing: Framing) throws(EvaluationError)
        -> DecisionRequest
    {
        let json: JSONValue
        do { json = try JSONReader.read(bytes: bytes) } catch {
            // Every batch line gets one answer, so that outputs match inputs by position: a blank line is an error line.
            if case .batchLine = framing, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                throw framing.error("a blank line is not a request: each line is {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}")
            }
            throw framing.notJSON(error)
        }
        return try decode(json, framing)
    }

    /// Reads a request already parsed as JSON.
    ///
    /// - Throws: As reading a request from bytes does, but for the JSON itself.
    public static func decode(_ json: JSONValue, _ framing: Framing) throws(EvaluationError) -> DecisionRequest {
        guard case .object(let object) = json else { throw framing.notAnObject(json) }
        if case .body = framing, let unknown = object.keys.first(where: { $0 != "as_of" && $0 != "facts" }) {
            throw EvaluationError(
                .invalidFact, "unknown member '\(unknown)': the body is {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}")
        }
        if object["as_of"] == nil, object["facts"] == nil, !object.keys.isEmpty {
            // The facts alone, not wrapped: say what a request is rather than that `as_of` is not a date.
            throw framing.error(
                "a request is {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}, but this one has neither 'as_of' nor 'facts': "
                    + "if these are the facts, wrap them as {\"as_of\": \"2025-03-07\", \"facts\": {...}}")
        }
        guard case .string(let text)? = object["as_of"], let asOf = CivilDate.parse(text) else {
            throw framing.error("'as_of' must be a date such as \"2025-03-07\"")
        }
        return DecisionRequest(asOf: asOf, facts: object["facts"] ?? .object(JSONObject()))
    }

    /// Answers the request.
    ///
    /// - Throws: ``EvaluationError`` as ``RuleSet/evaluate(_:facts:asOf:explain:)`` does.
    public func answer(_ reference: DecisionReference, on ruleSet: RuleSet, explain: Bool = true)
        throws(EvaluationError) -> Decision
    {
        try ruleSet.evaluate(reference, facts: facts, asOf: asOf, explain: explain)
    }
}

extension DecisionRequest.Framing {
    /// An `invalidFact` error, worded for where the request came from.
    fileprivate func error(_ message: String) -> EvaluationError {
        switch self {
        case .batchLine(let number): EvaluationError(.invalidFact, "line \(number): \(message)")
        case .body: EvaluationError(.invalidFact, message)
        }
    }

    fileprivate func notJSON(_ error: JSONReadError) -> EvaluationError {
        switch self {
        case .batchLine: self.error("not valid JSON: \(error.description)")
        case .body: self.error("the body is not valid JSON: \(error.description)")
        }
    }

    fileprivate func notAnObject(_ json: JSONValue) -> EvaluationError {
        switch self {
        case .batchLine: error("expected {\"as_of\": ..., \"facts\": {...}}")
        case .body: error("the body is \(json.kindName): expected {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}")
        }
    }
}
