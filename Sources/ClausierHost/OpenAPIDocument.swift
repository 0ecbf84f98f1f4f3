import Clausier

/// The OpenAPI 3.1 description of a decision service that answers a rule set's decisions over HTTP.
///
/// Every decision gets its own concrete path (`POST /contracts/prospect-it/decisions/sla_penalty`), so
/// that its facts and its answer have their own JSON Schemas: a client generated from the document
/// gets one typed method per decision. The schemas follow the catalogue's encoding of values (money as
/// `"150.00 EUR"`, percents as `"25%"`, dates as ISO 8601) and are as strict as the fact decoder:
/// unknown facts, negative counts and amounts, and amounts in another currency do not validate.
/// The service's other routes are its own: it describes them with ``ServiceRoutes``.
///
/// The document is built as a ``JSONValue`` whose members are in a fixed order, so that the same rule
/// set always gives the same text with `JSONWriter.write`.
public enum OpenAPIDocument {
    /// The OpenAPI 3.1 document of a decision service answering the rule set's decisions.
    ///
    /// - Parameters:
    ///   - rules: The compiled rules the service answers.
    ///   - routes: The service's routes besides the decisions (``DecisionServiceRoutes/routes`` for
    ///     Clausier's decision service), described after them.
    ///   - title: The document's `info.title`.
    ///   - version: The document's `info.version`, the version of the service's API.
    public static func generate(
        for rules: RuleSet, routes: ServiceRoutes, title: String = "Clausier decision service",
        version: String = "0.1.0"
    ) -> JSONValue {
        var names = NameTable()
        var paths: [JSONMember] = []
        var schemas: [JSONMember] = sharedSchemas(serviceErrorKinds: routes.errorKinds) + routes.schemas
        for contract in rules.contracts {
            for decision in contract.decisions {
                let names = names.claim(contract: contract.header.id, decision: decision.id)
                schemas += decisionSchemas(contract: contract.header, decision: decision, names: names)
                paths.append(
                    JSONMember(
                        key: decisionPath(contract: contract.header.id, decision: decision.id),
                        value: object([
                            "post": decisionOperation(contract: contract.header, decision: decision, names: names)
                        ])))
            }
        }
        paths += servicePaths(routes)

        var tags = rules.contracts.map { contract in
            object([
                "name": .string(contract.header.id),
                "description": .string("\(contract.header.title) (source: \(contract.header.source))"),
            ])
        }
        if !routes.routes.isEmpty {
            tags.append(object(["name": .string(routes.tag), "description": .string(routes.tagDescription)]))
        }

        return object([
            "openapi": .string("3.1.0"),
            "info": object([
                "title": .string(title),
                "version": .string(version),
                "description": .string(
                    """
                    Answers the decisions of the compiled contract rules. Each decision is one POST route \
                    whose body is the evaluation date (`as_of`) and the facts, nested by the dotted input names \
                    (`incident.recorded_at` is `{"incident": {"recorded_at": …}}`). Every answer carries its \
                    explanation and the contract articles it rests on; bad facts are a 400 error naming the fact.
                    """),
            ]),
            "tags": .array(tags),
            "paths": .object(JSONObject(paths)),
            "components": object([
                "schemas": .object(JSONObject(schemas)),
                "headers": object([
                    "RulesGeneration": object([
                        "description": .string("The generation of the rules that answered (see `/healthz`)."),
                        "schema": generation,
                    ])
                ]),
            ]),
        ])
    }

    /// The path of a decision's route, `/contracts/{contract}/decisions/{decision}`.
    ///
    /// A service registers its route with this path, with its router's placeholders for the ids
    /// (`decisionPath(contract: "{contract}", decision: "{decision}")`), so that the paths it answers
    /// are those its document lists.
    public static func decisionPath(contract: String, decision: String) -> String {
        "/contracts/\(contract)/decisions/\(decision)"
    }

    /// The schema of a rules generation, in the `Rules-Generation` header and in bodies that carry one.
    static let generation = object([
        "type": .string("integer"), "minimum": .number("1"),
        "description": .string("1 for the rules loaded first, then one more for each reload that replaced them."),
    ])
}
