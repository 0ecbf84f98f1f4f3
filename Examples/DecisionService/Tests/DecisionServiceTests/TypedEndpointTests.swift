import Clausier
import DecisionService
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /prospect-it/sla-penalty`: Codable in, the generated `ProspectIt(rules:).slaPenalty(...)` behind.
@Suite struct TypedEndpointTests {
    static func body(closedAt: String, fee: String = "200.00 EUR") -> ByteBuffer {
        ByteBuffer(
            string: """
                {"as_of": "2025-03-10", "recorded_at": "2025-03-07T10:00:00+01:00", "closed_at": "\(closedAt)", \
                "main_server_down": true, "backup_server_down": true, "monthly_fee": "\(fee)"}
                """)
    }

    @Test func answersThroughTheTypedAPI() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post, body: Self.body(closedAt: "2025-03-07T12:00:00+01:00"))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(
                String(buffer: response.body)
                    == #"{"contract":"prospect-it","decision":"sla_penalty","as_of":"2025-03-10","rate":"50%","penalty":"100.00 EUR","citations":["art. 11"],"generation":1}"#
            )
        }
    }

    @Test func typedAPIAndGenericRouteAgree() async throws {
        // The same call made in-process on the compiled-in rules.
        let rules = try CompiledRules.load()
        let answer = try ProspectIt(rules: rules).slaPenalty(
            incidentRecordedAt: try Instant.parseRFC3339("2025-03-07T10:00:00+01:00").get(),
            incidentClosedAt: try Instant.parseRFC3339("2025-03-07T13:30:00+01:00").get(),
            incidentMainServerDown: true, incidentBackupServerDown: true,
            subscriptionMonthlyFee: try #require(Money.parse("200.00 EUR")),
            asOf: try #require(CivilDate.parse("2025-03-10")))
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let typed = try Support.json(
                try await client.execute(
                    uri: "/prospect-it/sla-penalty", method: .post,
                    body: Self.body(closedAt: "2025-03-07T13:30:00+01:00")
                ).body)
            let generic = try Support.json(
                try await client.execute(
                    uri: Support.slaPenaltyURI, method: .post,
                    body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T13:30:00+01:00"))
                ).body)
            let value = try #require(Support.object(generic["value"]))
            #expect(Support.string(typed["rate"]) == "75%")
            #expect(Support.string(typed["rate"]) == Support.string(value["rate"]))
            #expect(Support.string(typed["penalty"]) == Support.string(value["penalty"]))
            #expect(Support.string(typed["penalty"]) == answer.value.penalty.description)
        }
    }

    @Test func badTypedFactsNameTheFact() async throws {
        let app = try Support.compiledInApp()
        try await app.test(.live) { client in
            let early = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post, body: Self.body(closedAt: "2025-03-07T09:00:00+01:00"))
            #expect(early.status == .badRequest)
            let requirement = try Support.error(early.body)
            #expect(requirement.fact == "incident.closed_at")
            #expect(requirement.kind == "requirement")

            let fee = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post,
                body: Self.body(closedAt: "2025-03-07T12:00:00+01:00", fee: "200"))
            #expect(fee.status == .badRequest)
            let invalid = try Support.error(fee.body)
            #expect(invalid.fact == "subscription.monthly_fee")
            #expect(invalid.kind == "invalid_fact")

            let missing = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post, body: ByteBuffer(string: #"{"as_of": "2025-03-10"}"#))
            #expect(missing.status == .badRequest)
            #expect(try Support.error(missing.body).kind == "missing_fact")

            let malformed = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post, body: ByteBuffer(string: "{"))
            #expect(malformed.status == .badRequest)
            #expect(try Support.error(malformed.body).kind == "invalid_fact")
        }
    }
}
