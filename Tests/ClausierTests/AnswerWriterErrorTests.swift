import Clausier
import Testing

/// `AnswerWriter`'s error objects: the bytes of `JSONWriter.write(EvaluationError.json)`, for an
/// evaluation's kinds and for a host's own.
@Suite struct AnswerWriterErrorTests {
    @Test(
        arguments: [
            ("the incident is closed before it was recorded", "incident.closed_at", "requirement"),
            ("the body is larger than 10 bytes, or could not be read", nil, "body_too_large"),
            ("quotes \" and \\ and\nnew lines, é", "a[0].b", "not_reloadable"),
        ] as [(String, String?, String)])
    func writesTheErrorObject(message: String, fact: String?, kind: String) {
        var bytes: [UInt8] = []
        AnswerWriter.writeError(message: message, fact: fact, kind: kind, into: &bytes)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == JSONWriter.write(EvaluationError.json(message: message, fact: fact, kind: kind)))
    }

    @Test func anEvaluationErrorIsWrittenWithItsKind() {
        let error = EvaluationError(.missingFact, "the required fact 'x' is missing", fact: "x")
        var bytes: [UInt8] = []
        AnswerWriter.write(error, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.write(error.json))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"error":{"message":"the required fact 'x' is missing","fact":"x","kind":"missing_fact"}}"#)
    }
}
