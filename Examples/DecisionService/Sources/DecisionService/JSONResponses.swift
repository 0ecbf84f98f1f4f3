import Clausier
import ClausierDiagnostics
import HTTPTypes
import Hummingbird

/// Responses whose body is compact JSON written by Clausier's `JSONWriter` and `AnswerWriter`, as the CLI prints it.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: JSONValue, generation: Int? = nil) -> Response {
        var bytes: [UInt8] = []
        JSONWriter.write(value, into: &bytes)
        return make(status, bytes: bytes, generation: generation)
    }

    static func make(_ status: HTTPResponse.Status, bytes: [UInt8], generation: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let generation { headers[.rulesGeneration] = String(generation) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An answer, as `clausier eval` prints it (`AnswerWriter`).
    static func answer(_ decision: Decision, generation: Int) -> Response {
        var bytes: [UInt8] = []
        AnswerWriter.write(decision, into: &bytes)
        return make(.ok, bytes: bytes, generation: generation)
    }

    /// `{"error": {"message", "fact", "kind"}}`, as `clausier eval` prints it (`AnswerWriter`).
    static func error(_ status: HTTPResponse.Status, _ error: EvaluationError, generation: Int? = nil) -> Response {
        var bytes: [UInt8] = []
        AnswerWriter.write(error, into: &bytes)
        return make(status, bytes: bytes, generation: generation)
    }

    /// The same shape for a failure that is not an evaluation's, with a kind of the service's own
    /// (one of `DecisionServiceRoutes`', which the OpenAPI document lists).
    static func error(_ status: HTTPResponse.Status, kind: String, message: String) -> Response {
        var bytes: [UInt8] = []
        AnswerWriter.writeError(message: message, fact: nil, kind: kind, into: &bytes)
        return make(status, bytes: bytes)
    }

    /// The findings as the array `clausier check --format json` prints (`Diagnostic.json`).
    static func diagnostics(_ diagnostics: [Diagnostic]) -> JSONValue {
        .array(diagnostics.map(\.json))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }
}

extension HTTPField.Name {
    /// The generation of the rules that answered, on every answer computed from rules.
    static let rulesGeneration = Self("Rules-Generation")!
}

/// The HTTP status of an evaluation error: 404 for an unknown contract or decision, 400 for bad
/// facts, 500 when the rules themselves could not answer (an overflow, a gap in a tier table).
func status(of error: EvaluationError) -> HTTPResponse.Status {
    switch error.kind {
    case .unknownDecision: .notFound
    case _ where error.isBadInput: .badRequest
    default: .internalServerError
    }
}
