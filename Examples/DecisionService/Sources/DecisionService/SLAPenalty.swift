import Clausier
import Foundation

/// The body of `POST /prospect-it/sla-penalty`, decoded with `Codable` into the types the generated
/// typed API takes (`Instant`, `Money`, `CivilDate`):
///
/// ```json
/// {"as_of": "2025-03-10", "recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00",
///  "main_server_down": true, "backup_server_down": true, "monthly_fee": "200.00 EUR"}
/// ```
struct SLAPenaltyRequest: Decodable, Sendable {
    var asOf: CivilDate
    var recordedAt: Instant
    var closedAt: Instant
    var mainServerDown: Bool
    var backupServerDown: Bool
    var monthlyFee: Money

    enum CodingKeys: String, CodingKey, CaseIterable {
        case asOf = "as_of"
        case recordedAt = "recorded_at"
        case closedAt = "closed_at"
        case mainServerDown = "main_server_down"
        case backupServerDown = "backup_server_down"
        case monthlyFee = "monthly_fee"

        /// The catalogue's name of the fact a member carries, so errors name facts as the generic route does.
        var fact: String? {
            switch self {
            case .asOf: nil
            case .recordedAt: "incident.recorded_at"
            case .closedAt: "incident.closed_at"
            case .mainServerDown: "incident.main_server_down"
            case .backupServerDown: "incident.backup_server_down"
            case .monthlyFee: "subscription.monthly_fee"
            }
        }
    }

    /// Decodes the body, or an error in the service's shape naming the fact at fault.
    static func decode(_ bytes: [UInt8]) -> Result<SLAPenaltyRequest, EvaluationError> {
        do {
            return .success(try JSONDecoder().decode(SLAPenaltyRequest.self, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(describe(error))
        } catch {
            return .failure(EvaluationError(.invalidFact, "the body could not be read: \(error)"))
        }
    }

    private static func describe(_ error: DecodingError) -> EvaluationError {
        func member(_ path: [any CodingKey]) -> CodingKeys? {
            path.first.flatMap { CodingKeys(stringValue: $0.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, _):
            let name = CodingKeys(stringValue: key.stringValue)
            return EvaluationError(
                .missingFact, "the body has no '\(key.stringValue)'; it needs \(expected)", fact: name?.fact)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            guard let name = member(context.codingPath) else {
                return EvaluationError(.invalidFact, "the body is not \(expected)")
            }
            return EvaluationError(
                .invalidFact, "'\(name.stringValue)' is not valid: \(context.debugDescription)", fact: name.fact)
        @unknown default:
            return EvaluationError(.invalidFact, "the body is not \(expected)")
        }
    }

    private static let expected =
        "{" + CodingKeys.allCases.map { "\"\($0.stringValue)\"" }.joined(separator: ", ") + "}"
}

/// The answer of `POST /prospect-it/sla-penalty`, from the typed values:
/// `{"contract", "decision", "as_of", "rate", "penalty", "citations", "generation"}`.
struct SLAPenaltyResponse: Sendable {
    var asOf: CivilDate
    var rate: FixedDecimal
    var penalty: Money
    var citations: [String]
    var generation: Int

    var json: JSONValue {
        JSONResponse.object([
            ("contract", .string(ProspectIt.id)),
            ("decision", .string("sla_penalty")),
            ("as_of", .string(asOf.description)),
            ("rate", .string(ValueEncoding.percentText(rate))),
            ("penalty", .string(penalty.description)),
            ("citations", .array(citations.map { .string($0) })),
            ("generation", .number(String(generation))),
        ])
    }
}
