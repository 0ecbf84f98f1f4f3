/// One line of a JSON Lines batch, `{"as_of": "YYYY-MM-DD", "facts": {...}}`, answered the way
/// `clausier eval --batch` answers it.
///
/// A line without `"facts"` is answered as if its facts were `{}`; members other than `as_of`
/// and `facts` are ignored. A line that is not JSON, not an object, or without a valid `as_of`
/// is an `invalidFact` error whose message starts with `line N: `.
public enum BatchLine {
    /// Answers one line, reading its facts straight from the bytes into the decision's frame.
    ///
    /// For many lines, ``BatchEvaluator`` does the same and reuses its work between lines.
    ///
    /// - Parameters:
    ///   - line: The line's UTF-8 bytes, without its line feed.
    ///   - lineNumber: Its 1-based number in the batch, for error messages.
    ///   - ruleSet: The rules.
    ///   - reference: The decision, resolved once for the whole batch.
    ///   - explain: Whether to record the steps that decided.
    /// - Returns: The decision, or the error to report for this line.
    public static func evaluate(
        _ line: UnsafeRawBufferPointer, lineNumber: Int, ruleSet: RuleSet, reference: DecisionReference, explain: Bool
    ) -> Result<Decision, EvaluationError> {
        do {
            var evaluator = try BatchEvaluator(ruleSet: ruleSet, reference: reference, explain: explain)
            return evaluator.evaluate(line, lineNumber: lineNumber)
        } catch {
            return .failure(error)
        }
    }

    /// The reference path, and the one that reports every error of a line: the whole line read
    /// by ``DecisionRequest`` (as a decision service reads a body), then answered with
    /// ``RuleSet/evaluate(_:facts:asOf:explain:)``.
    static func evaluateReference(
        _ line: UnsafeRawBufferPointer, lineNumber: Int, ruleSet: RuleSet, reference: DecisionReference, explain: Bool
    ) -> Result<Decision, EvaluationError> {
        Result { () throws(EvaluationError) -> Decision in
            try DecisionRequest.decode(line, .batchLine(lineNumber)).answer(reference, on: ruleSet, explain: explain)
        }
    }
}

/// Answers the lines of a batch for one decision, reusing between lines what one line needs:
/// the resolved rules, the tree of input names, and the frame the facts are read into.
public struct BatchEvaluator {
    private let ruleSet: RuleSet
    private let reference: DecisionReference
    private let program: Program
    private let explain: Bool
    private let decoder: FactBytesDecoder
    private var frame: [Value]

    /// Prepares to answer lines for a decision.
    ///
    /// - Throws: ``EvaluationError`` of kind `unknownDecision` when the reference is not to these rules.
    public init(ruleSet: RuleSet, reference: DecisionReference, explain: Bool) throws(EvaluationError) {
        self.ruleSet = ruleSet
        self.reference = reference
        self.explain = explain
        program = try ruleSet.resolve(reference)
        decoder = FactBytesDecoder(program: program, index: reference.decision)
        frame = [Value](repeating: .absent, count: program.frameSizes[reference.decision])
    }

    /// Answers one line, `{"as_of": "YYYY-MM-DD", "facts": {...}}`, as ``BatchLine`` describes.
    ///
    /// - Parameters:
    ///   - line: The line's UTF-8 bytes, without its line feed.
    ///   - lineNumber: Its 1-based number in the batch, for error messages.
    /// - Returns: The decision, or the error to report for this line.
    public mutating func evaluate(_ line: UnsafeRawBufferPointer, lineNumber: Int) -> Result<Decision, EvaluationError> {

        // The frame is moved out for the call and back after, so that it is never copied.
        var frame: [Value] = []
        swap(&frame, &self.frame)
        defer { swap(&frame, &self.frame) }
        // Every slot starts absent, as in a new frame: the last line's values must not leak.
        for slot in frame.indices { frame[slot] = .absent }
        let asOf = line.withMemoryRebound(to: UInt8.self) { utf8 -> CivilDate? in
            var parser = JSONParser(input: utf8)
            return Self.decode(&parser, decoder: decoder, into: &frame)
        }
        guard let asOf else {
            return BatchLine.evaluateReference(
                line, lineNumber: lineNumber, ruleSet: ruleSet, reference: reference, explain: explain)
        }
        return Result { () throws(EvaluationError) -> Decision in
            try ruleSet.answer(program: program, index: reference.decision, frame: &frame, asOf: asOf, explain: explain)
        }
    }

    /// The date and frame of a line that is exactly `{"as_of": ..., "facts": {...}}` in either
    /// order, each at most once, with facts the fast reader accepts; nil when the reference path
    /// must decide (anything else, including the other members it would ignore).
    private static func decode(_ parser: inout JSONParser, decoder: FactBytesDecoder, into frame: inout [Value]) -> CivilDate? {
        var asOf: CivilDate?
        var sawFacts = false
        parser.skipWhitespace()
        guard parser.position < parser.count, parser.input[parser.position] == JSONByte.openBrace else { return nil }
        do { try parser.enterContainer() } catch { return nil }
        parser.position += 1
        parser.skipWhitespace()
        var done = parser.position < parser.count && parser.input[parser.position] == JSONByte.closeBrace
        if done { parser.position += 1 }
        while !done {
            guard let member = Self.memberKey(&parser) else { return nil }
            parser.skipWhitespace()
            guard parser.position < parser.count, parser.input[parser.position] == JSONByte.colon else { return nil }
            parser.position += 1
            parser.skipWhitespace()
            switch member {
            case .asOf:
                guard asOf == nil, parser.position < parser.count, parser.input[parser.position] == JSONByte.quote else {
                    return nil
                }
                let text: String
                do { text = try parser.parseString() } catch { return nil }
                guard let date = CivilDate.parse(text) else { return nil }
                asOf = date
            case .facts:
                guard !sawFacts, decoder.decodeObject(&parser, into: &frame) else { return nil }
                sawFacts = true
            }
            guard let more = parser.afterMember() else { return nil }
            done = !more
        }
        parser.skipWhitespace()
        guard parser.position == parser.count, let asOf else { return nil }
        if !sawFacts, !decoder.acceptsNoFacts() { return nil }
        decoder.finish(&frame, asOf: asOf)
        return asOf
    }

    private enum Member { case asOf, facts }

    /// `as_of` or `facts` as the key at the parser's position, written without escapes; nil for any other.
    private static func memberKey(_ parser: inout JSONParser) -> Member? {
        if Self.skip("\"as_of\"", &parser) { return .asOf }
        if Self.skip("\"facts\"", &parser) { return .facts }
        return nil
    }

    /// Moves past `literal` when the bytes at the parser's position are exactly it.
    private static func skip(_ literal: StaticString, _ parser: inout JSONParser) -> Bool {
        let matched = literal.withUTF8Buffer { expected in
            guard parser.count - parser.position >= expected.count else { return false }
            for offset in 0..<expected.count where parser.input[parser.position + offset] != expected[offset] {
                return false
            }
            return true
        }
        if matched { parser.position += literal.utf8CodeUnitCount }
        return matched
    }
}
