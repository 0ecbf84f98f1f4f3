import Clausier

// The operations: one per decision, and one per route of the service's own.
extension OpenAPIDocument {
    static func decisionOperation(contract: ContractHeader, decision: CompiledDecision, names: DecisionNames)
        -> JSONValue
    {
        let summary = decision.title.isEmpty ? decision.id : decision.title
        var description = summary
        description += "\n\nContract: \(contract.title) (`\(contract.id)`); amounts in \(contract.currency.code), "
        description += "dates and times in \(contract.zone.rawValue)."
        description +=
            decision.citations.isEmpty
            ? "\n\nCites no article." : "\n\nCites: \(decision.citations.joined(separator: ", "))."
        if decision.inputs.isEmpty {
            description += "\n\nTakes no facts."
        } else {
            description += "\n\nFacts:\n"
            for input in decision.inputs {
                description += "\n- `\(input.name)`: \(input.type)"
                if input.countsOnlyIfPast { description += " (a date after `as_of` reads as absent)" }
            }
        }
        description += "\n\nAnswer: \(decision.resultType)."

        return object([
            "tags": .array([.string(contract.id)]),
            "summary": .string(summary),
            "description": .string(description),
            "operationId": .string(names.operationID),
            "parameters": .array([
                object([
                    "name": .string("explain"),
                    "in": .string("query"),
                    "required": .bool(false),
                    "description": .string(
                        "`false` leaves out the explanation (an empty `explanation`); the value is the same."),
                    "schema": object(["type": .string("boolean"), "default": .bool(true)]),
                ])
            ]),
            "requestBody": object([
                "required": .bool(true),
                "content": jsonContent(ref(names.request)),
            ]),
            "responses": object([
                "200": response(
                    "The answer, its explanation and the articles it cites.", ref(names.answer),
                    generationHeader: true),
                "400": response(
                    """
                    Bad input: a missing, invalid or unknown fact, facts that break a requirement of the rule \
                    (`error.fact` names the fact, dotted, with list items indexed from 0), or a missing or \
                    invalid `as_of`.
                    """, ref("Error")),
                "404": response("The contract or the decision is unknown (kind `unknown_decision`).", ref("Error")),
                "default": response(
                    """
                    Any other failure, in the same shape: the rules could not answer these facts (kind \
                    `arithmetic` or `no_tier`), or the body is too large.
                    """, ref("Error")),
            ]),
        ])
    }

    /// The paths of the service's own routes, in their order; routes that share a path share its entry.
    static func servicePaths(_ routes: ServiceRoutes) -> [JSONMember] {
        var paths: [JSONMember] = []
        for route in routes.routes {
            let operation = JSONMember(key: route.method.rawValue, value: serviceOperation(route, tag: routes.tag))
            if let index = paths.firstIndex(where: { $0.key == route.path }),
                case .object(var methods) = paths[index].value
            {
                methods.members.append(operation)
                paths[index].value = .object(methods)
            } else {
                paths.append(JSONMember(key: route.path, value: .object(JSONObject([operation]))))
            }
        }
        return paths
    }

    static func serviceOperation(_ route: ServiceRoute, tag: String) -> JSONValue {
        var responses: [JSONMember] = []
        for answer in route.responses {
            let schema: JSONValue =
                switch answer.schema {
                case .component(let name): ref(name)
                case .inline(let schema): schema
                }
            let value = response(answer.description, schema, generationHeader: answer.carriesGeneration)
            responses.append(JSONMember(key: answer.status, value: value))
        }
        return object([
            "tags": .array([.string(tag)]),
            "summary": .string(route.summary),
            "description": .string(route.description),
            "operationId": .string(route.operationID),
            "responses": .object(JSONObject(responses)),
        ])
    }

    static func response(_ description: String, _ schema: JSONValue, generationHeader: Bool = false) -> JSONValue {
        guard generationHeader else {
            return object(["description": .string(description), "content": jsonContent(schema)])
        }
        return object([
            "description": .string(description),
            "headers": object(["Rules-Generation": object(["$ref": .string("#/components/headers/RulesGeneration")])]),
            "content": jsonContent(schema),
        ])
    }

    static func jsonContent(_ schema: JSONValue) -> JSONValue {
        object(["application/json": object(["schema": schema])])
    }
}
