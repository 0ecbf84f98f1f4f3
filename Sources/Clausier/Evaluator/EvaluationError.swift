/// Why a decision could not be answered.
///
/// Bad facts name the fact by its dotted name (`incidents[1].closed_at`), so a host can show the
/// error next to the field at fault.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A required fact is absent.
        case missingFact = "missing_fact"
        /// A fact has the wrong JSON type or an invalid value.
        case invalidFact = "invalid_fact"
        /// A fact the decision does not know.
        case unknownFact = "unknown_fact"
        /// The facts break a requirement of the rule (an incident closed before it was recorded).
        case requirement
        /// The contract or decision does not exist.
        case unknownDecision = "unknown_decision"
        /// A computation overflowed or divided by zero.
        case arithmetic
        /// No tier row covers the measure.
        case noTier = "no_tier"
    }

    /// What failed.
    public var kind: Kind
    /// What is wrong, in plain words, with how to fix it when knowable.
    public var message: String
    /// The dotted name of the fact at fault, if a fact is.
    public var fact: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, fact: String? = nil) {
        self.kind = kind
        self.message = message
        self.fact = fact
    }

    public var description: String {
        if let fact { return "\(fact): \(message)" }
        return message
    }

    /// Whether the error is the caller's (bad facts or an unknown decision) rather than the rules'.
    public var isBadInput: Bool {
        switch kind {
        case .missingFact, .invalidFact, .unknownFact, .requirement, .unknownDecision: true
        case .arithmetic, .noTier: false
        }
    }
}
