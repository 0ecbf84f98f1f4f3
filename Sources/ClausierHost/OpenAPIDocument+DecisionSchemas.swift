import Clausier

// The component schemas of one decision: its facts, its value, its request and its answer.
extension OpenAPIDocument {
    static func decisionSchemas(contract: ContractHeader, decision: CompiledDecision, names: DecisionNames)
        -> [JSONMember]
    {
        let facts = factsSchema(decision.inputs, prefix: [], title: "The facts of \(contract.id).\(decision.id)")
        let anyRequired = decision.inputs.contains { !$0.type.isOptional }
        var value = valueSchema(decision.resultType, role: .result)
        value = adding(
            [("description", .string("The answer of \(contract.id).\(decision.id): \(decision.resultType)."))],
            to: value)
        return [
            JSONMember(key: names.facts, value: facts.schema),
            JSONMember(key: names.value, value: value),
            JSONMember(
                key: names.request,
                value: object([
                    "type": .string("object"),
                    "required": .array(anyRequired ? [.string("as_of"), .string("facts")] : [.string("as_of")]),
                    "properties": object([
                        "as_of": object([
                            "type": .string("string"), "format": .string("date"),
                            "pattern": .string(Pattern.resultDate),
                            "description": .string(
                                "The evaluation date, in \(contract.zone.rawValue). Nothing reads the clock."),
                            "examples": .array([.string("2025-03-10")]),
                        ]),
                        "facts": object([
                            "$ref": .string("#/components/schemas/\(names.facts)"),
                            "description": .string(anyRequired ? "The facts." : "The facts; absent means none (`{}`)."),
                        ]),
                    ]),
                    "additionalProperties": .bool(false),
                ])),
            JSONMember(
                key: names.answer,
                value: object([
                    "allOf": .array([
                        ref("Answer"),
                        object([
                            "type": .string("object"),
                            "properties": object([
                                "contract": object(["const": .string(contract.id)]),
                                "decision": object(["const": .string(decision.id)]),
                                "value": ref(names.value),
                            ]),
                        ]),
                    ])
                ])),
        ]
    }

    /// The facts object for the inputs under `prefix`, and whether any of them is required.
    ///
    /// Inputs nest by their dotted names; an object is required when a fact under it is, and may be
    /// left out when none is.
    static func factsSchema(_ inputs: [InputSpec], prefix: [String], title: String?) -> (
        schema: JSONValue, required: Bool
    ) {
        var keys: [String] = []
        var groups: [String: [InputSpec]] = [:]
        for input in inputs where input.path.count > prefix.count {
            let key = input.path[prefix.count]
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(input)
        }
        var properties: [JSONMember] = []
        var required: [JSONValue] = []
        for key in keys {
            let group = groups[key] ?? []
            let child: (schema: JSONValue, required: Bool)
            // A fact that is itself an input takes its input's schema, even if other names extend it.
            if let leaf = group.first(where: { $0.path.count == prefix.count + 1 }) {
                child = (factSchema(leaf), !leaf.type.isOptional)
            } else {
                child = factsSchema(group, prefix: prefix + [key], title: nil)
            }
            properties.append(JSONMember(key: key, value: child.schema))
            if child.required { required.append(.string(key)) }
        }
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        if let title {
            members.append(("description", .string(title + ", nested by the dotted input names.")))
        } else {
            let name = prefix.joined(separator: ".")
            members.append(("description", .string("The facts under `\(name)`.")))
        }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("properties", .object(JSONObject(properties))))
        members.append(("additionalProperties", .bool(false)))
        // Not nullable even when every fact under it is optional: the service reads `"contract": null`
        // as an unknown fact `contract`, not as the absence of the facts under it.
        return (object(members), !required.isEmpty)
    }

    /// The schema of one input, with its dotted name and how to write it.
    static func factSchema(_ input: InputSpec) -> JSONValue {
        var description = "`\(input.name)`: \(input.type)"
        if input.type.isOptional { description += "; absent or null means there is none" }
        if input.countsOnlyIfPast {
            description += "; counts only if past: a date after `as_of` reads as absent (it has not happened yet)"
        }
        description += "."
        return adding([("description", .string(description))], to: valueSchema(input.type, role: .fact))
    }
}
