import Clausier
import ClausierCompiler
import Foundation
import Testing

/// `DecisionRequest`: the one reading of `{"as_of", "facts"}` for batch lines and service bodies,
/// with each framing's words for what is wrong.
@Suite struct DecisionRequestTests {
    static let rules: RuleSet? = Compiler.compile(
        paths: [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Rules").path
        ]
    ).ruleSet

    static func decode(_ text: String, _ framing: DecisionRequest.Framing) -> Result<DecisionRequest, EvaluationError> {
        Result { () throws(EvaluationError) -> DecisionRequest in
            try DecisionRequest.decode(Array(text.utf8), framing)
        }
    }

    /// The messages `clausier eval --batch` and the decision service have always given.
    @Test(arguments: [
        (
            "{not json", DecisionRequest.Framing.batchLine(5),
            "line 5: not valid JSON: line 1, column 2: unexpected character 'n', expected a string key in double quotes"
        ),
        (
            "{not json", .body,
            "the body is not valid JSON: line 1, column 2: unexpected character 'n', expected a string key in double quotes"
        ),
        ("[1, 2]", .batchLine(6), "line 6: expected {\"as_of\": ..., \"facts\": {...}}"),
        ("[1, 2]", .body, "the body is an array: expected {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}"),
        ("null", .body, "the body is null: expected {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}"),
        ("{\"facts\": {}}", .batchLine(8), "line 8: 'as_of' must be a date such as \"2025-03-07\""),
        ("{\"as_of\": \"2025-02-30\"}", .body, "'as_of' must be a date such as \"2025-03-07\""),
        ("{\"as_of\": 20250310}", .batchLine(1), "line 1: 'as_of' must be a date such as \"2025-03-07\""),
        (
            "{\"as_of\": \"2025-03-10\", \"fact\": {}}", .body,
            "unknown member 'fact': the body is {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}"
        ),
        // A body's unknown member is named before its date is read.
        (
            "{\"id\": 1, \"as_of\": \"bad\"}", .body,
            "unknown member 'id': the body is {\"as_of\": \"YYYY-MM-DD\", \"facts\": {...}}"
        ),
        ("{\"id\": 1, \"as_of\": \"bad\"}", .batchLine(2), "line 2: 'as_of' must be a date such as \"2025-03-07\""),
    ])
    func refusesWithTheFramingsWords(text: String, framing: DecisionRequest.Framing, message: String) {
        #expect(Self.decode(text, framing) == .failure(EvaluationError(.invalidFact, message)))
    }

    @Test func readsTheDateAndTheFactsInEitherOrder() throws {
        let asOf = try #require(CivilDate.parse("2025-03-10"))
        let facts = JSONValue.object(JSONObject([JSONMember(key: "a", value: .number("1"))]))
        for framing in [DecisionRequest.Framing.body, .batchLine(1)] {
            #expect(
                Self.decode(#"{"as_of": "2025-03-10", "facts": {"a": 1}}"#, framing)
                    == .success(DecisionRequest(asOf: asOf, facts: facts)))
            #expect(
                Self.decode(#"{"facts": {"a": 1}, "as_of": "2025-03-10"}"#, framing)
                    == .success(DecisionRequest(asOf: asOf, facts: facts)))
            // No facts are the empty facts.
            #expect(Self.decode(#"{"as_of": "2025-03-10"}"#, framing) == .success(DecisionRequest(asOf: asOf)))
        }
        // A batch line may carry members of the caller's own.
        #expect(
            Self.decode(#"{"id": 7, "as_of": "2025-03-10", "facts": {"a": 1}}"#, .batchLine(3))
                == .success(DecisionRequest(asOf: asOf, facts: facts)))
        // Bytes the caller owns read the same.
        let line = Array(#"{"as_of": "2025-03-10", "facts": {"a": 1}}"#.utf8)
        let fromBuffer = line.withUnsafeBytes { raw in
            Result { () throws(EvaluationError) -> DecisionRequest in try DecisionRequest.decode(raw, .batchLine(1)) }
        }
        #expect(fromBuffer == .success(DecisionRequest(asOf: asOf, facts: facts)))
    }

    @Test func answersAsTheRuleSetDoes() throws {
        let rules = try #require(Self.rules)
        let reference = try rules.resolveReference(contract: "prospect-it", decision: "sla_penalty")
        let text = """
            {"as_of": "2025-03-10", "facts": {"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", \
            "closed_at": "2025-03-07T12:00:00+01:00", "main_server_down": true, "backup_server_down": true}, \
            "subscription": {"monthly_fee": "200.00 EUR"}}}
            """
        let request = try Self.decode(text, .body).get()
        let answer = try request.answer(reference, on: rules)
        #expect(answer == (try rules.evaluate(reference, facts: request.facts, asOf: request.asOf)))
        #expect(answer.valueJSON == (try JSONReader.read(#"{"rate": "50%", "penalty": "100.00 EUR"}"#)))
        let quiet = try request.answer(reference, on: rules, explain: false)
        #expect(quiet.explanation.isEmpty)
        #expect(quiet.value == answer.value)

        let missing = try Self.decode(#"{"as_of": "2025-03-10"}"#, .body).get()
        #expect(throws: EvaluationError.self) { try missing.answer(reference, on: rules) }
    }
}
