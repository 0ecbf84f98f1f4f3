import Clausier
import ClausierCompiler
import Foundation
import Testing

@testable import ClausierHost

/// The OpenAPI document of the decision service, generated for the shipped rules.
///
/// `scripts/validate-openapi.py` validates the same document with openapi-spec-validator and runs
/// the shipped test cases' facts through its schemas; set `CLAUSIER_OPENAPI_OUT` to a file path to
/// have `dumpWhenAsked` write it there.
@Suite struct OpenAPIDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped rules, compiled once.
    static let rules: RuleSet? = Compiler.compile(paths: [repository.appendingPathComponent("Rules").path]).ruleSet

    static func document() throws -> JSONValue {
        OpenAPIDocument.generate(
            for: try #require(rules, "the shipped rules must compile"), routes: DecisionServiceRoutes.routes)
    }

    /// The value at a path of object keys and array indices.
    static func at(_ value: JSONValue?, _ path: Any...) -> JSONValue? {
        var current = value
        for step in path {
            switch (current, step) {
            case (.object(let o)?, let key as String): current = o[key]
            case (.array(let a)?, let index as Int): current = a.indices.contains(index) ? a[index] : nil
            default: return nil
            }
        }
        return current
    }

    static func strings(_ value: JSONValue?) -> [String]? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let o)? = value else { return [] }
        return o.keys
    }

    static func schema(_ document: JSONValue, _ name: String) -> JSONValue? {
        at(document, "components", "schemas", name)
    }

    @Test func isOpenAPI31WithTheGivenTitleAndVersion() throws {
        let rules = try #require(Self.rules)
        let document = OpenAPIDocument.generate(
            for: rules, routes: DecisionServiceRoutes.routes, title: "Billing rules", version: "2.3.4")
        #expect(Self.at(document, "openapi") == .string("3.1.0"))
        #expect(Self.at(document, "info", "title") == .string("Billing rules"))
        #expect(Self.at(document, "info", "version") == .string("2.3.4"))
        #expect(Self.at(try Self.document(), "info", "title") == .string("Clausier decision service"))
        #expect(Self.at(try Self.document(), "info", "version") == .string("0.1.0"))
    }

    @Test func hasOnePathPerDecisionAndTheServiceRoutes() throws {
        let rules = try #require(Self.rules)
        let document = try Self.document()
        let paths = Self.keys(Self.at(document, "paths"))
        let decisions = rules.contracts.flatMap { c in
            c.decisions.map { "/contracts/\(c.header.id)/decisions/\($0.id)" }
        }
        #expect(decisions.count == 60)
        #expect(paths == decisions + ["/reload", "/healthz", "/openapi.json"])
        #expect(Self.keys(Self.at(document, "paths", "/reload")) == ["post"])
        #expect(Self.keys(Self.at(document, "paths", "/healthz")) == ["get"])
        #expect(Self.keys(Self.at(document, "paths", "/openapi.json")) == ["get"])
        #expect(Self.keys(Self.at(document, "paths", "/reload", "post", "responses")) == ["200", "409", "422"])
        #expect(
            Self.at(document, "paths", "/healthz", "get", "responses", "200", "content", "application/json", "schema")
                == .object(JSONObject([JSONMember(key: "$ref", value: .string("#/components/schemas/Health"))])))
        #expect(Self.keys(Self.at(document, "components", "headers")) == ["RulesGeneration"])

        var operationIDs: [String] = []
        for path in paths {
            guard case .object(let operations)? = Self.at(document, "paths", path) else { continue }
            for operation in operations.members {
                guard case .string(let id)? = Self.at(operation.value, "operationId") else {
                    Issue.record("\(path) has no operationId")
                    continue
                }
                operationIDs.append(id)
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count, "operation ids must be unique")
        #expect(operationIDs.count == 63)
    }

    @Test func describesEachDecisionOperation() throws {
        let document = try Self.document()
        let post = Self.at(document, "paths", "/contracts/prospect-it/decisions/sla_penalty", "post")
        #expect(Self.at(post, "operationId") == .string("prospectIt_slaPenalty"))
        #expect(Self.strings(Self.at(post, "tags")) == ["prospect-it"])
        #expect(
            Self.at(post, "summary") == .string("Penalty for one incident under the Service Availability Guarantee"))
        guard case .string(let description)? = Self.at(post, "description") else {
            Issue.record("no description")
            return
        }
        #expect(description.contains("Cites: art. 11."))
        #expect(description.contains("`incident.recorded_at`: datetime"))
        #expect(
            Self.at(post, "requestBody", "content", "application/json", "schema", "$ref")
                == .string("#/components/schemas/ProspectIt_SlaPenalty_Request"))
        #expect(Self.keys(Self.at(post, "responses")) == ["200", "400", "404", "default"])
        #expect(
            Self.at(post, "responses", "200", "content", "application/json", "schema", "$ref")
                == .string("#/components/schemas/ProspectIt_SlaPenalty_Answer"))
        for status in ["400", "404"] {
            #expect(
                Self.at(post, "responses", status, "content", "application/json", "schema", "$ref")
                    == .string("#/components/schemas/Error"))
        }
        let tags = (0..<6).compactMap { Self.at(document, "tags", $0, "name") }
        #expect(
            tags == ["callkom", "prospect-it", "releads", "service-smtp", "suivi-pro", "service"].map { .string($0) })

        #expect(Self.at(post, "parameters", 0, "name") == .string("explain"))
        #expect(Self.at(post, "parameters", 0, "in") == .string("query"))
        #expect(
            Self.at(post, "responses", "200", "headers", "Rules-Generation", "$ref")
                == .string("#/components/headers/RulesGeneration"))

        let request = Self.schema(document, "ProspectIt_SlaPenalty_Request")
        #expect(Self.strings(Self.at(request, "required")) == ["as_of", "facts"])
        #expect(Self.at(request, "additionalProperties") == .bool(false))
        #expect(
            Self.at(request, "properties", "facts", "$ref")
                == .string("#/components/schemas/ProspectIt_SlaPenalty_Facts"))
        let answer = Self.schema(document, "ProspectIt_SlaPenalty_Answer")
        #expect(Self.at(answer, "allOf", 0, "$ref") == .string("#/components/schemas/Answer"))
        #expect(
            Self.at(answer, "allOf", 1, "properties", "value", "$ref")
                == .string("#/components/schemas/ProspectIt_SlaPenalty_Value"))
        #expect(Self.at(answer, "allOf", 1, "properties", "decision", "const") == .string("sla_penalty"))
    }

    @Test func factsNestByDottedNames() throws {
        let document = try Self.document()
        let facts = try #require(Self.schema(document, "ProspectIt_SlaPenalty_Facts"))
        #expect(Self.at(facts, "type") == .string("object"))
        #expect(Self.strings(Self.at(facts, "required")) == ["incident", "subscription"])
        #expect(Self.at(facts, "additionalProperties") == .bool(false))

        let incident = Self.at(facts, "properties", "incident")
        #expect(Self.at(incident, "type") == .string("object"))
        #expect(Self.at(incident, "additionalProperties") == .bool(false))
        let fields = ["recorded_at", "closed_at", "main_server_down", "backup_server_down"]
        #expect(Self.strings(Self.at(incident, "required")) == fields)
        #expect(Self.keys(Self.at(incident, "properties")) == fields)
        #expect(Self.at(incident, "properties", "recorded_at", "type") == .string("string"))
        #expect(Self.at(incident, "properties", "recorded_at", "format") == .string("date-time"))
        #expect(Self.at(incident, "properties", "main_server_down", "type") == .string("boolean"))

        let fee = Self.at(facts, "properties", "subscription", "properties", "monthly_fee")
        #expect(Self.at(fee, "type") == .string("string"))
        #expect(Self.at(fee, "pattern") == .string("^\\+?[0-9]+(\\.[0-9]+)? EUR$"))
        guard case .string(let description)? = Self.at(fee, "description") else {
            Issue.record("monthly_fee has no description")
            return
        }
        #expect(description.hasPrefix("`subscription.monthly_fee`: money (EUR)"))
    }

    @Test func optionalFactsAreNullableAndNotRequired() throws {
        let document = try Self.document()
        let invoice = Self.at(Self.schema(document, "ProspectIt_LatePaymentInterest_Facts"), "properties", "invoice")
        #expect(Self.strings(Self.at(invoice, "required")) == ["amount", "due_on"])
        let paidOn = Self.at(invoice, "properties", "paid_on")
        #expect(Self.strings(Self.at(paidOn, "type")) == ["string", "null"])
        #expect(Self.at(paidOn, "format") == .string("date"))
        guard case .string(let description)? = Self.at(paidOn, "description") else {
            Issue.record("paid_on has no description")
            return
        }
        #expect(description.contains("a date after `as_of` reads as absent"))

        // An object holding only optional facts may be left out, but is not nullable: the service reads
        // `"contract": null` as an unknown fact.
        let prescription = Self.schema(document, "Callkom_PrescriptionDeadline_Facts")
        #expect(Self.at(prescription, "required") == nil)
        #expect(Self.at(prescription, "properties", "contract", "type") == .string("object"))
        #expect(Self.at(prescription, "properties", "contract", "required") == nil)
        let request = Self.schema(document, "Callkom_PrescriptionDeadline_Request")
        #expect(Self.strings(Self.at(request, "required")) == ["as_of"])

        let maintenance = Self.at(
            Self.schema(document, "ProspectIt_MaintenanceCompliant_Facts"), "properties", "maintenance")
        #expect(Self.strings(Self.at(maintenance, "required")) == ["kind", "starts_at", "ends_at"])
        #expect(Self.strings(Self.at(maintenance, "properties", "kind", "enum")) == ["light", "major", "emergency"])

        let retrieval = Self.at(
            Self.schema(document, "ProspectIt_UserDataRetrievalFee_Facts"), "properties", "retrieval")
        #expect(Self.at(retrieval, "properties", "years", "type") == .string("integer"))
        #expect(Self.at(retrieval, "properties", "years", "minimum") == .number("0"))
    }

    @Test func valueSchemasFollowTheResultType() throws {
        let document = try Self.document()
        let value = try #require(Self.schema(document, "ProspectIt_DataReturn_Value"))
        #expect(Self.at(value, "type") == .string("object"))
        #expect(Self.strings(Self.at(value, "required")) == ["request_deadline", "link_expires_on", "returned"])
        #expect(Self.at(value, "additionalProperties") == .bool(false))
        let deadline = Self.at(value, "properties", "request_deadline")
        #expect(Self.strings(Self.at(deadline, "type")) == ["string", "null"])
        #expect(Self.at(deadline, "format") == .string("date"))
        let returned = Self.at(value, "properties", "returned")
        #expect(Self.at(returned, "type") == .string("array"))
        #expect(Self.at(returned, "items", "type") == .string("string"))
        #expect(
            Self.strings(Self.at(returned, "items", "enum"))
                == ["contacts", "emails", "faxes", "documents", "qualification", "history"])

        let penalty = Self.schema(document, "ProspectIt_SlaPenalty_Value")
        #expect(Self.at(penalty, "properties", "penalty", "pattern") == .string("^-?[0-9]+\\.[0-9]{2} EUR$"))
        #expect(Self.at(penalty, "properties", "rate", "pattern") == .string(OpenAPIDocument.Pattern.resultPercent))
        #expect(Self.at(Self.schema(document, "ProspectIt_SupportOpen_Value"), "type") == .string("boolean"))
    }

    @Test func everyReferenceResolvesInsideTheDocument() throws {
        let document = try Self.document()
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let o):
                for member in o.members {
                    if member.key == "$ref", case .string(let r) = member.value { references.append(r) }
                    collect(member.value)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.count > 240)
        for reference in references {
            #expect(reference.hasPrefix("#/"), "\(reference) is not local")
            let steps = reference.dropFirst(2).split(separator: "/").map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            var target: JSONValue? = document
            for step in steps { target = Self.at(target, step) }
            #expect(target != nil, "\(reference) does not resolve")
        }
        // Every component schema is used.
        let used = Set(references.map { String($0.split(separator: "/").last ?? "") })
        for name in Self.keys(Self.at(document, "components", "schemas")) {
            #expect(used.contains(name), "\(name) is never referenced")
        }
    }

    @Test func isDeterministic() throws {
        let first = JSONWriter.write(try Self.document())
        let second = JSONWriter.write(try Self.document())
        #expect(first == second)
        let recompiled = try #require(
            Compiler.compile(paths: [Self.repository.appendingPathComponent("Rules").path]).ruleSet)
        let again = OpenAPIDocument.generate(for: recompiled, routes: DecisionServiceRoutes.routes)
        #expect(JSONWriter.write(again) == first)
        #expect(try JSONReader.read(first) == (try Self.document()))
    }

    @Test func namesAreSafeAndUnique() {
        var table = OpenAPIDocument.NameTable()
        let a = table.claim(contract: "prospect-it", decision: "sla_penalty")
        #expect(a.operationID == "prospectIt_slaPenalty")
        #expect(a.facts == "ProspectIt_SlaPenalty_Facts")
        #expect(a.value == "ProspectIt_SlaPenalty_Value")
        let b = table.claim(contract: "prospect_it", decision: "sla-penalty")
        #expect(b.operationID == "prospectIt_slaPenalty2")
        #expect(b.schemaPrefix == "ProspectIt_SlaPenalty2")
        #expect(OpenAPIDocument.NameTable.upperCamel("service-smtp") == "ServiceSmtp")
        #expect(OpenAPIDocument.NameTable.lowerCamel("a.b c/2") == "aBC2")
    }

    /// Writes the document to the file named by `CLAUSIER_OPENAPI_OUT`, for `scripts/validate-openapi.py`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLAUSIER_OPENAPI_OUT"] != nil))
    func dumpWhenAsked() throws {
        let path = try #require(ProcessInfo.processInfo.environment["CLAUSIER_OPENAPI_OUT"])
        try JSONWriter.write(try Self.document()).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
