import Clausier

/// The routes of Clausier's decision service (`Examples/DecisionService`) besides its decisions:
/// the table the service registers its HTTP routes from and hands to the OpenAPI generator, so
/// that what it serves and what its document says cannot drift apart.
public enum DecisionServiceRoutes {
    /// `POST /reload`: compile the rule directory again and serve it if it checks clean.
    public static let reload = ServiceRoute(
        .post, "/reload", operationID: "reload", summary: "Reload the rules",
        description: """
            Compiles the rule files again and, if they check clean, serves them from now on; \
            otherwise the rules in service stay and the findings come back. Queries in flight \
            finish on the rules they started with.
            """,
        responses: [
            .init(
                "200", "The new rules serve; the findings are warnings, if any.", schema: .component("ReloadResult"),
                carriesGeneration: true),
            .init(
                "409",
                """
                The service runs on rules compiled in at build time and has no rule directory to \
                read again (kind `\(notReloadable)`).
                """, schema: .component("Error")),
            .init(
                "422", "The new rules have errors; the previous rules keep serving.",
                schema: .component("ReloadRejected"), carriesGeneration: true),
        ])

    /// `GET /healthz`: whether the service is up, and the generation of its rules.
    public static let health = ServiceRoute(
        .get, "/healthz", operationID: "healthz", summary: "Health",
        description: "Whether the service is up, and the generation of the rules it serves.",
        responses: [.init("200", "The service is up.", schema: .component("Health"), carriesGeneration: true)])

    /// `GET /openapi.json`: the document itself.
    public static let openAPI = ServiceRoute(
        .get, "/openapi.json", operationID: "openapi", summary: "This document",
        description: "The OpenAPI 3.1 document of the service, for the rules it serves now.",
        responses: [
            .init(
                "200", "The OpenAPI document.", schema: .inline(OpenAPIDocument.object(["type": .string("object")])),
                carriesGeneration: true)
        ])

    /// The kind of the error `POST /reload` answers on rules compiled in at build time.
    public static let notReloadable = "not_reloadable"
    /// The kind of the error a body larger than the service reads is answered with.
    public static let bodyTooLarge = "body_too_large"

    /// Every route above, with the schemas they name and the service's own error kinds.
    public static let routes = ServiceRoutes(
        tag: "service", tagDescription: "Health, rule reloading and this document.",
        routes: [reload, health, openAPI], schemas: OpenAPIDocument.decisionServiceSchemas(),
        errorKinds: [notReloadable, bodyTooLarge])
}

extension OpenAPIDocument {
    /// The component schemas the decision service's routes name: `Diagnostic`, `ReloadResult`,
    /// `ReloadRejected`, `Health`.
    static func decisionServiceSchemas() -> [JSONMember] {
        let strings = object(["type": .string("array"), "items": object(["type": .string("string")])])
        return [
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
}
