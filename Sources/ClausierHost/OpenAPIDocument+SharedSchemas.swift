import Clausier

// The component schemas every decision shares.
extension OpenAPIDocument {
    /// The schemas every decision's operation names: `Answer`, `ExplanationStep` and `Error`, whose
    /// kinds are the evaluation's and then the service's own.
    static func sharedSchemas(serviceErrorKinds: [String]) -> [JSONMember] {
        // Neither enum is CaseIterable; listing the cases (not their texts) keeps renamed raw values in step.
        let stepKinds: [StepKind] = [
            .decision, .value, .case, .otherwise, .tier, .exclusion, .ground, .noGround, .definition, .term,
        ]
        let errorKinds: [EvaluationError.Kind] = [
            .missingFact, .invalidFact, .unknownFact, .requirement, .unknownDecision, .arithmetic, .noTier,
        ]
        let ownKinds =
            serviceErrorKinds.isEmpty
            ? "." : ", or a kind of the service's own (\(serviceErrorKinds.map { "`\($0)`" }.joined(separator: ", ")))."
        let strings = object(["type": .string("array"), "items": object(["type": .string("string")])])
        return [
            JSONMember(
                key: "Answer",
                value: object([
                    "type": .string("object"),
                    "description": .string("An answer, as `clausier eval` prints it."),
                    "required": names(["contract", "decision", "as_of", "value", "explanation", "citations"]),
                    "properties": object([
                        "contract": object(["type": .string("string"), "description": .string("The contract's id.")]),
                        "decision": object(["type": .string("string"), "description": .string("The decision's id.")]),
                        "as_of": object([
                            "type": .string("string"), "format": .string("date"),
                            "description": .string("The evaluation date."),
                        ]),
                        "value": object(["description": .string("The answer, in the catalogue's JSON encoding.")]),
                        "explanation": object([
                            "type": .string("array"),
                            "description": .string(
                                "The steps that decided, in evaluation order; money in them is exact, not rounded."),
                            "items": ref("ExplanationStep"),
                        ]),
                        "citations": object([
                            "type": .string("array"),
                            "description": .string(
                                "Every article cited: the decision's own, then each step's, without repeats."),
                            "items": object(["type": .string("string")]),
                        ]),
                    ]),
                    "additionalProperties": .bool(false),
                ])),
            JSONMember(
                key: "ExplanationStep",
                value: object([
                    "type": .string("object"),
                    "description": .string(
                        "An explanation step: a value computed, or a case, tier, exclusion or ground that decided."
                    ),
                    "required": names(["step", "label", "value", "citations"]),
                    "properties": object([
                        "step": object(["type": .string("string"), "enum": names(stepKinds.map(\.rawValue))]),
                        "label": object([
                            "type": .string("string"),
                            "description": .string("A binding's name, a case's condition, a tier's range."),
                        ]),
                        "value": object([
                            "description": .string("The value the step produced, in the catalogue's JSON encoding.")
                        ]),
                        "because": object([
                            "type": .string("string"), "description": .string("Why, in the rule file's words."),
                        ]),
                        "citations": strings,
                    ]),
                    "additionalProperties": .bool(false),
                ])),
            JSONMember(
                key: "Error",
                value: object([
                    "type": .string("object"),
                    "description": .string("Why a decision could not be answered."),
                    "required": names(["error"]),
                    "properties": object([
                        "error": object([
                            "type": .string("object"),
                            "required": names(["message", "fact", "kind"]),
                            "properties": object([
                                "message": object([
                                    "type": .string("string"),
                                    "description": .string(
                                        "What is wrong, in plain words, with how to fix it when knowable."),
                                ]),
                                "fact": object([
                                    "type": names(["string", "null"]),
                                    "description": .string(
                                        "The dotted name of the fact at fault (`incidents[1].closed_at`), "
                                            + "or null when no fact is."),
                                ]),
                                "kind": object([
                                    "type": .string("string"),
                                    "description": .string(
                                        "What failed: "
                                            + errorKinds.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                                            + ownKinds),
                                    "examples": names(errorKinds.map(\.rawValue)),
                                ]),
                            ]),
                            "additionalProperties": .bool(false),
                        ])
                    ]),
                    "additionalProperties": .bool(false),
                ])),
        ]
    }
}
