import Clausier
import DecisionService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The routes over a real loopback socket (`.live`), on the rules compiled in at build time.
@Suite struct DecisionRouteTests {
    @Test func slaPenaltyOfExactlyTwoHoursIsFiftyPercent() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: Support.slaPenaltyURI, method: .post,
                body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T12:00:00+01:00")))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            // Exactly what `clausier eval` prints: JSONWriter.write(decision.json).
            let rules = try CompiledRules.load()
            let facts = try JSONReader.read(
                """
                {"incident": {"recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "2025-03-07T12:00:00+01:00", \
                "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "200.00 EUR"}}
                """)
            let expected = try rules.evaluate(
                contract: "prospect-it", decision: "sla_penalty", facts: facts,
                asOf: try #require(CivilDate.parse("2025-03-10")))
            #expect(String(buffer: response.body) == JSONWriter.write(expected.json))
            let body = try Support.json(response.body)
            #expect(body.keys == ["contract", "decision", "as_of", "value", "explanation", "citations"])
            let value = try #require(Support.object(body["value"]))
            #expect(Support.string(value["rate"]) == "50%")
            #expect(Support.string(value["penalty"]) == "100.00 EUR")
            #expect(Support.array(body["citations"]) == [.string("art. 11")])
        }
    }

    @Test func explainFalseLeavesOutTheExplanation() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: Support.slaPenaltyURI + "?explain=false", method: .post,
                body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T12:15:00+01:00")))
            #expect(response.status == .ok)
            let body = try Support.json(response.body)
            #expect(Support.array(body["explanation"]) == [])
            #expect(Support.string(Support.object(body["value"])?["penalty"]) == "100.00 EUR")
        }
    }

    @Test func aFactThatBreaksARequirementIsA400NamingTheFact() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: Support.slaPenaltyURI, method: .post,
                body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T09:00:00+01:00")))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json")
            let error = try Support.error(response.body)
            #expect(error.fact == "incident.closed_at")
            #expect(error.kind == "requirement")
            #expect(error.message == "the incident is closed before it was recorded")
        }
    }

    @Test func missingAndInvalidFactsAre400s() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let missing = try await client.execute(
                uri: Support.slaPenaltyURI, method: .post,
                body: ByteBuffer(string: #"{"as_of": "2025-03-10", "facts": {}}"#))
            #expect(missing.status == .badRequest)
            #expect(try Support.error(missing.body).kind == "missing_fact")
            let invalid = try await client.execute(
                uri: Support.slaPenaltyURI, method: .post,
                body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T12:00:00+01:00", fee: "two hundred")))
            #expect(invalid.status == .badRequest)
            let error = try Support.error(invalid.body)
            #expect(error.kind == "invalid_fact")
            #expect(error.fact == "subscription.monthly_fee")
        }
    }

    @Test func malformedBodiesAndBadDatesAre400sOfTheSameShape() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            for body in [
                "{not json", "[1, 2]", #"{"facts": {}}"#, #"{"as_of": "2025-02-30", "facts": {}}"#,
                #"{"as_of": 20250310}"#,
                #"{"as_of": "2025-03-10", "fact": {}}"#,
            ] {
                let response = try await client.execute(
                    uri: Support.slaPenaltyURI, method: .post, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
                let error = try Support.error(response.body)
                #expect(error.kind == "invalid_fact", "\(body)")
                #expect(error.fact == nil, "\(body)")
            }
        }
    }

    @Test func unknownContractsAndDecisionsAre404sWithASuggestion() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let decision = try await client.execute(
                uri: "/contracts/prospect-it/decisions/sla_penalti", method: .post,
                body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T12:00:00+01:00")))
            #expect(decision.status == .notFound)
            let error = try Support.error(decision.body)
            #expect(error.kind == "unknown_decision")
            #expect(error.fact == nil)
            #expect(error.message.contains("did you mean 'sla_penalty'?"))
            let contract = try await client.execute(
                uri: "/contracts/prospect-id/decisions/sla_penalty", method: .post, body: ByteBuffer(string: "{}"))
            #expect(contract.status == .notFound)
            #expect(try Support.error(contract.body).message.contains("did you mean 'prospect-it'?"))
        }
    }

    @Test func healthz() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(String(buffer: response.body) == #"{"status":"ok","generation":1}"#)
        }
    }

    @Test func openAPIDocumentDescribesEveryDecision() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let document = try Support.json(response.body)
            #expect(Support.string(document["openapi"]) == "3.1.0")
            let paths = try #require(Support.object(document["paths"]))
            #expect(paths["/contracts/prospect-it/decisions/sla_penalty"] != nil)
            #expect(paths["/reload"] != nil)
            #expect(paths["/healthz"] != nil)
        }
    }

    @Test func reloadWithoutADirectoryIsA409() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/reload", method: .post)
            #expect(response.status == .conflict)
            let error = try Support.error(response.body)
            #expect(error.kind == "not_reloadable")
            #expect(error.message.contains("--rules"))
            // Still serving.
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: health.body) == #"{"status":"ok","generation":1}"#)
        }
    }
}
