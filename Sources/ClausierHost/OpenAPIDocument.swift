import Clausier

/// The OpenAPI 3.1 description of a decision service that answers a rule set's decisions over HTTP.
///
/// Every decision gets its own concrete path (`POST /contracts/prospect-it/decisions/sla_penalty`), so
/// that its facts and its answer have their own JSON Schemas: a client generated from the document
/// gets one typed method per decision. The schemas follow the catalogue's encoding of values (money as
/// `"150.00 EUR"`, percents as `"25%"`, dates as ISO 8601) and are as strict as the fact decoder:
/// unknown facts, negative counts and amounts, and amounts in another currency do not validate.
///
/// The document is built as a ``JSONValue`` whose members are in a fixed order, so that the same rule
/// set always gives the same text with `JSONWriter.write`.
public enum OpenAPIDocument {
    /// The OpenAPI 3.1 document of a decision service answering the rule set's decisions.
    ///
    /// - Parameters:
    ///   - rules: The compiled rules the service answers.
    ///   - title: The document's `info.title`.
    ///   - version: The document's `info.version`, the version of the service's API.
    public static func generate(
        for rules: RuleSet, title: String = "Clausier decision service", version: String = "0.1.0"
    ) -> JSONValue {
        var names = NameTable()
        var paths: [JSONMember] = []
        var schemas: [JSONMember] = sharedSchemas()
        for contract in rules.contracts {
            for decision in contract.decisions {
                let names = names.claim(contract: contract.header.id, decision: decision.id)
                schemas += decisionSchemas(contract: contract.header, decision: decision, names: names)
                paths.append(
                    JSONMember(
                        key: "/contracts/\(contract.header.id)/decisions/\(decision.id)",
                        value: object([
                            "post": decisionOperation(contract: contract.header, decision: decision, names: names)
                        ])))
            }
        }
        paths += servicePaths()

        var tags = rules.contracts.map { contract in
            object([
                "name": .string(contract.header.id),
                "description": .string("\(contract.header.title) (source: \(contract.header.source))"),
            ])
        }
        tags.append(
            object(["name": .string(serviceTag), "description": .string("Health, rule reloading and this document.")]))

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

    /// The tag of the routes that are not decisions.
    static let serviceTag = "service"
}

// MARK: - Names

extension OpenAPIDocument {
    /// The names one decision uses in the document.
    struct DecisionNames {
        /// The operation id, such as `prospectIt_slaPenalty`.
        var operationID: String
        /// The prefix of its component schemas, such as `ProspectIt_SlaPenalty`.
        var schemaPrefix: String

        var facts: String { schemaPrefix + "_Facts" }
        var value: String { schemaPrefix + "_Value" }
        var request: String { schemaPrefix + "_Request" }
        var answer: String { schemaPrefix + "_Answer" }
    }

    /// Hands out operation ids and schema names, unique even when two ids differ only in punctuation
    /// (`a-b` and `a_b` both read `AB`): a later one gets a numeric suffix.
    struct NameTable {
        private var operationIDs: Set<String> = []
        private var prefixes: Set<String> = []

        mutating func claim(contract: String, decision: String) -> DecisionNames {
            let operationID = Self.unique(
                Self.lowerCamel(contract) + "_" + Self.lowerCamel(decision), in: &operationIDs)
            let prefix = Self.unique(Self.upperCamel(contract) + "_" + Self.upperCamel(decision), in: &prefixes)
            return DecisionNames(operationID: operationID, schemaPrefix: prefix)
        }

        private static func unique(_ base: String, in taken: inout Set<String>) -> String {
            var name = base
            var counter = 2
            while taken.contains(name) {
                name = "\(base)\(counter)"
                counter += 1
            }
            taken.insert(name)
            return name
        }

        /// The id's words (split at anything but ASCII letters and digits).
        static func words(_ id: String) -> [String] {
            var words: [String] = []
            var current = ""
            for character in id {
                if character.isASCII, character.isLetter || character.isNumber {
                    current.append(character)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            return words.isEmpty ? ["x"] : words
        }

        /// `prospect-it` → `ProspectIt`, `sla_penalty` → `SlaPenalty`.
        static func upperCamel(_ id: String) -> String {
            words(id).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        /// `prospect-it` → `prospectIt`, `sla_penalty` → `slaPenalty`.
        static func lowerCamel(_ id: String) -> String {
            let upper = upperCamel(id)
            return upper.prefix(1).lowercased() + upper.dropFirst()
        }
    }
}

// MARK: - Operations

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

    static func servicePaths() -> [JSONMember] {
        [
            JSONMember(
                key: "/reload",
                value: object([
                    "post": object([
                        "tags": .array([.string(serviceTag)]),
                        "summary": .string("Reload the rules"),
                        "description": .string(
                            """
                            Compiles the rule files again and, if they check clean, serves them from now on; \
                            otherwise the rules in service stay and the findings come back. Queries in flight \
                            finish on the rules they started with.
                            """),
                        "operationId": .string("reload"),
                        "responses": object([
                            "200": response(
                                "The new rules serve; the findings are warnings, if any.", ref("ReloadResult"),
                                generationHeader: true),
                            "409": response(
                                """
                                The service runs on rules compiled in at build time and has no rule directory to \
                                read again (kind `not_reloadable`).
                                """, ref("Error")),
                            "422": response(
                                "The new rules have errors; the previous rules keep serving.", ref("ReloadRejected"),
                                generationHeader: true),
                        ]),
                    ])
                ])),
            JSONMember(
                key: "/healthz",
                value: object([
                    "get": object([
                        "tags": .array([.string(serviceTag)]),
                        "summary": .string("Health"),
                        "description": .string("Whether the service is up, and the generation of the rules it serves."),
                        "operationId": .string("healthz"),
                        "responses": object([
                            "200": response("The service is up.", ref("Health"), generationHeader: true)
                        ]),
                    ])
                ])),
            JSONMember(
                key: "/openapi.json",
                value: object([
                    "get": object([
                        "tags": .array([.string(serviceTag)]),
                        "summary": .string("This document"),
                        "description": .string("The OpenAPI 3.1 document of the service, for the rules it serves now."),
                        "operationId": .string("openapi"),
                        "responses": object([
                            "200": response(
                                "The OpenAPI document.", object(["type": .string("object")]), generationHeader: true)
                        ]),
                    ])
                ])),
        ]
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

// MARK: - Schemas shared by every decision

extension OpenAPIDocument {
    static func sharedSchemas() -> [JSONMember] {
        // Neither enum is CaseIterable; listing the cases (not their texts) keeps renamed raw values in step.
        let stepKinds: [StepKind] = [
            .decision, .value, .case, .otherwise, .tier, .exclusion, .ground, .noGround, .definition, .term,
        ]
        let errorKinds: [EvaluationError.Kind] = [
            .missingFact, .invalidFact, .unknownFact, .requirement, .unknownDecision, .arithmetic, .noTier,
        ]
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
                                            + ", or a kind of the service's own (`not_reloadable`, `body_too_large`)."),
                                    "examples": names(errorKinds.map(\.rawValue)),
                                ]),
                            ]),
                            "additionalProperties": .bool(false),
                        ])
                    ]),
                    "additionalProperties": .bool(false),
                ])),
            JSONMember(
                key: "Diagnostic",
                value: object([
                    "type": .string("object"),
                    "description": .string(
                        "A finding of the rule compiler, as `clausier check --format json` prints it."),
                    "required": names(["code", "severity", "message", "hints"]),
                    "properties": object([
                        "code": object([
                            "type": .string("string"), "pattern": .string("^CLS[0-9]{3}$"),
                            "description": .string("A stable code, explained by `clausier explain <code>`."),
                        ]),
                        "severity": object(["type": .string("string"), "enum": names(["note", "warning", "error"])]),
                        "message": object(["type": .string("string")]),
                        "file": object(["type": .string("string")]),
                        "line": object(["type": .string("integer"), "minimum": .number("1")]),
                        "column": object(["type": .string("integer"), "minimum": .number("1")]),
                        "hints": strings,
                        "notes": object([
                            "type": .string("array"),
                            "items": object([
                                "type": .string("object"),
                                "required": names(["message"]),
                                "properties": object([
                                    "message": object(["type": .string("string")]),
                                    "file": object(["type": .string("string")]),
                                    "line": object(["type": .string("integer"), "minimum": .number("1")]),
                                    "column": object(["type": .string("integer"), "minimum": .number("1")]),
                                ]),
                            ]),
                        ]),
                    ]),
                ])),
            JSONMember(
                key: "ReloadResult",
                value: object([
                    "type": .string("object"),
                    "required": names(["generation", "warnings"]),
                    "properties": object([
                        "generation": generation,
                        "warnings": object(["type": .string("array"), "items": ref("Diagnostic")]),
                    ]),
                ])),
            JSONMember(
                key: "ReloadRejected",
                value: object([
                    "type": .string("object"),
                    "required": names(["diagnostics"]),
                    "properties": object([
                        "diagnostics": object([
                            "type": .string("array"), "items": ref("Diagnostic"),
                            "description": .string("Every finding; at least one is an error."),
                        ])
                    ]),
                ])),
            JSONMember(
                key: "Health",
                value: object([
                    "type": .string("object"),
                    "required": names(["status", "generation"]),
                    "properties": object([
                        "status": object(["type": .string("string"), "const": .string("ok")]),
                        "generation": generation,
                    ]),
                ])),
        ]
    }

    static let generation = object([
        "type": .string("integer"), "minimum": .number("1"),
        "description": .string("1 for the rules loaded first, then one more for each reload that replaced them."),
    ])
}

// MARK: - Schemas of one decision

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

    /// Whether a schema describes a fact the host sends or a result the service answers: facts are
    /// read leniently where the decoder is (decimals as numbers, any number of money decimals) and
    /// strictly where it is (no negative counts or amounts).
    enum Role { case fact, result }

    /// The JSON Schema of a value of the type, in the catalogue's encoding.
    static func valueSchema(_ type: ValueType, role: Role) -> JSONValue {
        let isFact = role == .fact
        switch type {
        case .bool:
            return object(["type": .string("boolean")])
        case .int:
            return isFact
                ? object(["type": .string("integer"), "minimum": .number("0")]) : object(["type": .string("integer")])
        case .decimal:
            return isFact
                ? string(
                    Pattern.factDecimal, example: "1.5", types: ["string", "number"],
                    note: "A decimal number, as a string (a JSON number is accepted).")
                : string(Pattern.resultDecimal, example: "1.5", note: "A decimal number.")
        case .money(let currency):
            let code = currency.code
            return isFact
                ? string(
                    "^\\+?[0-9]+(\\.[0-9]+)? \(code)$", example: "150.00 \(code)",
                    note: "An amount in \(code): the amount (not negative), a space and the currency code.")
                : string(
                    "^-?[0-9]+\\.[0-9]{2} \(code)$", example: "150.00 \(code)",
                    note: "An amount in \(code), rounded to the cent.")
        case .percent:
            return string(isFact ? Pattern.factPercent : Pattern.resultPercent, example: "25%", note: "A percentage.")
        case .date:
            return string(
                isFact ? Pattern.factDate : Pattern.resultDate, example: "2025-03-07", format: "date",
                note: isFact ? "A date, YYYY-MM-DD, in the years 1900 to 2199." : "A date, YYYY-MM-DD.")
        case .datetime:
            return string(
                Pattern.datetime, example: "2025-03-07T22:15:00+01:00", format: "date-time",
                note: isFact ? "A datetime, RFC 3339 with its offset." : "A datetime, RFC 3339, in the contract's zone."
            )
        case .time:
            return string(
                Pattern.time, example: "09:00", note: "A time of day on the local wall clock, HH:MM or HH:MM:SS.")
        case .duration:
            return string(
                Pattern.duration, example: "PT2H30M", note: "An exact length of time, ISO 8601 (PT2H30M, P7D).")
        case .period(let unit):
            if isFact {
                return object([
                    "type": .string("integer"),
                    "description": .string("A whole number of \(unit.name(count: 2))."),
                ])
            }
            switch unit {
            case .days: return string("^-?P[0-9]+D$", example: "P7D", note: "A count of calendar days, ISO 8601.")
            case .months: return string("^-?P[0-9]+M$", example: "P1M", note: "A count of months, ISO 8601.")
            case .years: return string("^-?P[0-9]+Y$", example: "P5Y", note: "A count of years, ISO 8601.")
            case .businessDays:
                return string("^-?[0-9]+ business days$", example: "8 business days", note: "A count of business days.")
            case .joursFrancs:
                return string("^-?[0-9]+ jours francs$", example: "7 jours francs", note: "A count of jours francs.")
            }
        case .enumeration(let cases):
            return object(["type": .string("string"), "enum": names(cases)])
        case .list(let element):
            return object(["type": .string("array"), "items": valueSchema(element, role: role)])
        case .record(let fields):
            var properties: [JSONMember] = []
            var required: [JSONValue] = []
            for field in fields {
                properties.append(JSONMember(key: field.name, value: valueSchema(field.type, role: role)))
                // An answer always has every field (null when absent); facts may leave optional fields out.
                if !isFact || !field.type.isOptional { required.append(.string(field.name)) }
            }
            var members: [(String, JSONValue)] = [("type", .string("object"))]
            if !required.isEmpty { members.append(("required", .array(required))) }
            members.append(("properties", .object(JSONObject(properties))))
            members.append(("additionalProperties", .bool(false)))
            return object(members)
        case .optional(let inner):
            return nullable(valueSchema(inner, role: role))
        case .absent:
            return object(["type": .string("null")])
        }
    }

    /// The patterns of the catalogue's text encodings.
    enum Pattern {
        static let factDecimal = "^[+-]?[0-9]+(\\.[0-9]+)?$"
        static let resultDecimal = "^-?[0-9]+(\\.[0-9]+)?$"
        static let factPercent = "^[+-]?[0-9]+(\\.[0-9]+)?%$"
        static let resultPercent = "^-?[0-9]+(\\.[0-9]+)?%$"
        /// The decoder refuses dates outside 1900...2199, far from any contract.
        static let factDate = "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$"
        static let resultDate = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        /// RFC 3339 with a mandatory offset; seconds are required, a fraction has at most 9 digits.
        static let datetime =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?"
            + "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
        static let time = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
        /// Days or weeks, then hours, minutes, seconds in order; at least one component.
        static let duration =
            "^-?P(?=[0-9T])([0-9]+([.,][0-9]+)?[DW])?"
            + "(T(?=[0-9])([0-9]+([.,][0-9]+)?H)?([0-9]+([.,][0-9]+)?M)?([0-9]+([.,][0-9]+)?S)?)?$"
    }

    /// A string schema with a pattern, a format, a description and an example.
    static func string(
        _ pattern: String, example: String, format: String? = nil, types: [String] = ["string"], note: String
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", types.count == 1 ? .string(types[0]) : names(types))]
        if let format { members.append(("format", .string(format))) }
        members.append(("pattern", .string(pattern)))
        members.append(("description", .string(note)))
        members.append(("examples", .array([.string(example)])))
        return object(members)
    }

    /// The schema that also accepts null: `null` added to its `type` (and to its `enum`), or an `anyOf`.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var o) = schema, let typeIndex = o.members.firstIndex(where: { $0.key == "type" }) else {
            return object(["anyOf": .array([schema, object(["type": .string("null")])])])
        }
        switch o.members[typeIndex].value {
        case .string(let t):
            if t == "null" { return schema }
            o.members[typeIndex].value = .array([.string(t), .string("null")])
        case .array(let ts):
            if ts.contains(.string("null")) { return schema }
            o.members[typeIndex].value = .array(ts + [.string("null")])
        default:
            return object(["anyOf": .array([schema, object(["type": .string("null")])])])
        }
        if let enumIndex = o.members.firstIndex(where: { $0.key == "enum" }),
            case .array(let cases) = o.members[enumIndex].value
        {
            o.members[enumIndex].value = .array(cases + [.null])
        }
        return .object(o)
    }

    /// The schema with members added; a `description` already there is kept, after the new one.
    static func adding(_ extra: [(String, JSONValue)], to schema: JSONValue) -> JSONValue {
        guard case .object(var o) = schema else { return schema }
        for (key, value) in extra {
            if let index = o.members.firstIndex(where: { $0.key == key }) {
                if key == "description", case .string(let new) = value, case .string(let old) = o.members[index].value {
                    o.members[index].value = .string(new + " " + old)
                } else {
                    o.members[index].value = value
                }
            } else if key == "description" {
                // Right after `type`, where a reader looks first.
                let index = o.members.first?.key == "type" ? 1 : 0
                o.members.insert(JSONMember(key: key, value: value), at: index)
            } else {
                o.members.append(JSONMember(key: key, value: value))
            }
        }
        return .object(o)
    }
}

// MARK: - Building JSON

extension OpenAPIDocument {
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.key, value: $0.value) }))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }

    static func names(_ strings: [String]) -> JSONValue {
        .array(strings.map { .string($0) })
    }

    static func ref(_ schema: String) -> JSONValue {
        object(["$ref": .string("#/components/schemas/\(schema)")])
    }
}
