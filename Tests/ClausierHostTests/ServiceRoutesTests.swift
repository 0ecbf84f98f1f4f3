import Clausier
import ClausierCompiler
import ClausierHost
import Foundation
import Testing

/// The OpenAPI document describes the routes its caller declares, besides the decisions, and
/// nothing of a service it was not told about.
@Suite struct ServiceRoutesTests {
    static let rules: RuleSet? = Compiler.compile(
        paths: [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Rules").path
        ]
    ).ruleSet

    static func member(_ value: JSONValue?, _ path: String...) -> JSONValue? {
        var current = value
        for key in path {
            guard case .object(let object)? = current else { return nil }
            current = object[key]
        }
        return current
    }

    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let object)? = value else { return [] }
        return object.keys
    }

    /// A service of one route, with a schema and an error kind of its own.
    static let status = ServiceRoutes(
        tag: "ops", tagDescription: "Operations.",
        routes: [
            ServiceRoute(
                .get, "/status", operationID: "status", summary: "Status", description: "How the service is.",
                responses: [
                    .init("200", "Up.", schema: .component("Status"), carriesGeneration: true),
                    .init("503", "Down.", schema: .component("Error")),
                ]),
            ServiceRoute(
                .delete, "/status", operationID: "resetStatus", summary: "Reset", description: "Starts afresh.",
                responses: [.init("204", "Done.", schema: .inline(.object(JSONObject())))]),
        ],
        schemas: [
            JSONMember(key: "Status", value: .object(JSONObject([JSONMember(key: "type", value: .string("object"))])))
        ],
        errorKinds: ["down"])

    @Test func describesTheRoutesItIsGiven() throws {
        let rules = try #require(Self.rules)
        let document = OpenAPIDocument.generate(for: rules, routes: Self.status)
        let paths = Self.keys(Self.member(document, "paths"))
        #expect(paths.last == "/status")
        #expect(!paths.contains("/healthz"))
        #expect(Self.keys(Self.member(document, "paths", "/status")) == ["get", "delete"])
        let get = Self.member(document, "paths", "/status", "get")
        #expect(Self.member(get, "operationId") == .string("status"))
        #expect(Self.member(get, "tags") == .array([.string("ops")]))
        #expect(Self.keys(Self.member(get, "responses")) == ["200", "503"])
        #expect(
            Self.member(get, "responses", "200", "content", "application/json", "schema", "$ref")
                == .string("#/components/schemas/Status"))
        #expect(Self.keys(Self.member(get, "responses", "200", "headers")) == ["Rules-Generation"])
        #expect(Self.member(get, "responses", "503", "headers") == nil)
        #expect(
            Self.member(
                document, "paths", "/status", "delete", "responses", "204", "content", "application/json", "schema")
                == .object(JSONObject()))

        let schemas = Self.keys(Self.member(document, "components", "schemas"))
        #expect(Array(schemas.prefix(4)) == ["Answer", "ExplanationStep", "Error", "Status"])
        #expect(!schemas.contains("Health"))
        guard case .array(let tags)? = Self.member(document, "tags"), let last = tags.last else {
            Issue.record("no tags")
            return
        }
        #expect(Self.member(last, "name") == .string("ops"))
        guard
            case .string(let kinds)? = Self.member(
                document, "components", "schemas", "Error", "properties", "error", "properties", "kind", "description")
        else {
            Issue.record("no kinds")
            return
        }
        #expect(kinds.hasSuffix("`no_tier`, or a kind of the service's own (`down`)."))
    }

    @Test func withoutRoutesOnlyTheDecisionsAreDescribed() throws {
        let rules = try #require(Self.rules)
        let document = OpenAPIDocument.generate(for: rules, routes: .none)
        let paths = Self.keys(Self.member(document, "paths"))
        #expect(paths.count == rules.contracts.reduce(0) { $0 + $1.decisions.count })
        #expect(paths.allSatisfy { $0.hasPrefix("/contracts/") })
        guard case .array(let tags)? = Self.member(document, "tags") else {
            Issue.record("no tags")
            return
        }
        #expect(tags.count == rules.contracts.count)
        guard
            case .string(let kinds)? = Self.member(
                document, "components", "schemas", "Error", "properties", "error", "properties", "kind", "description")
        else {
            Issue.record("no kinds")
            return
        }
        #expect(kinds.hasSuffix("`no_tier`."))
    }

    /// The decision service's table: the routes its document has always listed.
    @Test func theDecisionServiceRoutes() {
        let table = DecisionServiceRoutes.routes
        #expect(table.routes.map(\.path) == ["/reload", "/healthz", "/openapi.json"])
        #expect(table.routes.map(\.method) == [.post, .get, .get])
        #expect(table.routes.map(\.operationID) == ["reload", "healthz", "openapi"])
        #expect(table.schemas.map(\.key) == ["Diagnostic", "ReloadResult", "ReloadRejected", "Health"])
        #expect(table.errorKinds == ["not_reloadable", "body_too_large"])
        #expect(
            OpenAPIDocument.decisionPath(contract: "{contract}", decision: "{decision}")
                == "/contracts/{contract}/decisions/{decision}")
    }
}
