import Clausier
import DecisionService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// `POST /reload` on a temporary copy of the shipped rules, over a real loopback socket.
@Suite struct ReloadTests {
    static func app(_ copy: RulesCopy) throws -> some ApplicationProtocol {
        try buildApplication(ServiceConfiguration(port: 0, rulesDirectory: copy.directory.path, logLevel: .error))
    }

    static func rateAndPenalty(_ client: some TestClientProtocol) async throws -> (
        rate: String?, penalty: String?, generation: String?
    ) {
        let response = try await client.execute(
            uri: Support.slaPenaltyURI, method: .post,
            body: ByteBuffer(string: Support.incident(closedAt: "2025-03-07T12:00:00+01:00")))
        #expect(response.status == .ok)
        let value = Support.object(try Support.json(response.body)["value"])
        return (Support.string(value?["rate"]), Support.string(value?["penalty"]), response.headers[.rulesGeneration])
    }

    @Test func brokenRulesAreRejectedAndTheOldRulesKeepServingUntilFixed() async throws {
        #expect(RulesCopy.broken != RulesCopy.original)
        #expect(RulesCopy.changed != RulesCopy.original)
        let copy = try RulesCopy()
        let app = try Self.app(copy)
        try await app.test(.live) { client in
            let before = try await Self.rateAndPenalty(client)
            #expect(before.rate == "50%")
            #expect(before.generation == "1")

            // Break the rule file: 422 with the findings, and generation 1 keeps answering.
            try copy.write(RulesCopy.broken)
            let rejected = try await client.execute(uri: "/reload", method: .post)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.headers[.contentType] == "application/json")
            let body = try Support.json(rejected.body)
            #expect(body.keys == ["diagnostics"])
            let diagnostics = try #require(Support.array(body["diagnostics"]))
            // The misspelt key (an error) and the definition left without a citation (a warning).
            #expect(diagnostics.count == 2)
            let findings = diagnostics.compactMap(Support.object)
            for finding in findings {
                #expect(finding.keys == ["code", "severity", "message", "file", "line", "column", "hints", "notes"])
            }
            let error = try #require(findings.first { Support.string($0["severity"]) == "error" })
            #expect(Support.string(error["code"]) == "CLS010")
            #expect(Support.string(error["message"]) == "unknown key 'cite' in the definition 'incident_penalty'")
            #expect(Support.string(error["file"])?.hasSuffix("/prospect-it.yaml") == true)
            #expect(Support.number(error["line"]) == 18)
            #expect(Support.number(error["column"]) == 5)
            let during = try await Self.rateAndPenalty(client)
            #expect(during.rate == "50%")
            #expect(during.penalty == "100.00 EUR")
            #expect(during.generation == "1")
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: health.body) == #"{"status":"ok","generation":1}"#)

            // Fix it with another rate for [2 h, 3 h): 200, generation 2, and the new answer.
            try copy.write(RulesCopy.changed)
            let replaced = try await client.execute(uri: "/reload", method: .post)
            #expect(replaced.status == .ok)
            #expect(String(buffer: replaced.body) == #"{"generation":2,"warnings":[]}"#)
            let after = try await Self.rateAndPenalty(client)
            #expect(after.rate == "60%")
            #expect(after.penalty == "120.00 EUR")
            #expect(after.generation == "2")
            // The typed endpoint answers on the same library, so on the new rules too.
            let typed = try await client.execute(
                uri: "/prospect-it/sla-penalty", method: .post,
                body: TypedEndpointTests.body(closedAt: "2025-03-07T12:00:00+01:00"))
            let typedBody = try Support.json(typed.body)
            #expect(Support.string(typedBody["penalty"]) == "120.00 EUR")
            #expect(Support.number(typedBody["generation"]) == 2)
            let healthAfter = try await client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: healthAfter.body) == #"{"status":"ok","generation":2}"#)
        }
    }

    /// One answer seen by a client: the generation that answered and the rate it gave.
    struct Seen: Sendable {
        var status: HTTPResponse.Status
        var generation: Int?
        var rate: String?
    }

    final class Shared: Sendable {
        let clientsDone = Mutex(false)
        /// How many clients have had their first answer, and how many reloads replaced the rules.
        let clientsStarted = Mutex(0)
        let replaced = Mutex(0)

        /// Waits (briefly) until a condition holds.
        func wait(until condition: @Sendable () -> Bool) async throws {
            while !condition() { try await Task.sleep(for: .milliseconds(1)) }
        }
        /// The rate each generation answers, as the reloader learns it.
        let rates = Mutex<[Int: String]>([1: "50%"])
    }

    @Test func concurrentQueriesDuringReloadsAreAllAnswered() async throws {
        let copy = try RulesCopy()
        let app = try Self.app(copy)
        let clients = 8
        let requestsPerClient = 50
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let shared = Shared()

            // Reloads until the clients are done: the 60% rules, a broken file, the 50% rules, again and again.
            // It starts once every client has had an answer (from generation 1), and each client's last query
            // waits for a first replacement, so the answers are sure to span several generations.
            async let reloads: (replaced: Int, rejected: Int) = TestClient.withClient(host: "localhost", port: port) {
                reloader in
                try await shared.wait { shared.clientsStarted.withLock { $0 } == clients }
                var replaced = 0
                var rejected = 0
                var cycle = 0
                while cycle < 3 || !shared.clientsDone.withLock({ $0 }) {
                    let version = cycle % 3
                    try copy.write([RulesCopy.changed, RulesCopy.broken, RulesCopy.original][version])
                    let response = try await reloader.execute(.init("/reload", method: .post, authority: "localhost"))
                    if version == 1 {
                        #expect(response.status == .unprocessableContent)
                        rejected += 1
                    } else {
                        #expect(response.status == .ok)
                        let generation = try #require(
                            Support.number(try Support.json(response.body ?? ByteBuffer())["generation"]))
                        shared.rates.withLock { $0[generation] = version == 0 ? "60%" : "50%" }
                        shared.replaced.withLock { $0 += 1 }
                        replaced += 1
                    }
                    cycle += 1
                }
                return (replaced, rejected)
            }

            let seen = try await withThrowingTaskGroup(of: [Seen].self) { group in
                for index in 0..<clients {
                    group.addTask {
                        try await TestClient.withClient(host: "localhost", port: port) { http in
                            var seen: [Seen] = []
                            for request in 0..<requestsPerClient {
                                if request == 1 { shared.clientsStarted.withLock { $0 += 1 } }
                                if request == requestsPerClient - 1 {
                                    try await shared.wait { shared.replaced.withLock { $0 } > 0 }
                                }
                                // Half the queries go through the typed endpoint, half through the generic route.
                                let typed = (index + request) % 2 == 0
                                let response = try await http.execute(
                                    .init(
                                        typed ? "/prospect-it/sla-penalty" : Support.slaPenaltyURI, method: .post,
                                        authority: "localhost",
                                        body: typed
                                            ? TypedEndpointTests.body(closedAt: "2025-03-07T12:00:00+01:00")
                                            : ByteBuffer(
                                                string: Support.incident(closedAt: "2025-03-07T12:00:00+01:00"))))
                                let body = try Support.json(response.body ?? ByteBuffer())
                                let rate =
                                    typed
                                    ? Support.string(body["rate"])
                                    : Support.string(Support.object(body["value"])?["rate"])
                                seen.append(
                                    Seen(
                                        status: response.status,
                                        generation: response.headers[.rulesGeneration].flatMap { Int($0) }, rate: rate))
                            }
                            return seen
                        }
                    }
                }
                var all: [Seen] = []
                for try await some in group { all += some }
                return all
            }
            shared.clientsDone.withLock { $0 = true }
            let (replaced, rejected) = try await reloads

            #expect(seen.count == clients * requestsPerClient)
            #expect(seen.allSatisfy { $0.status == .ok })
            // Every answer is the one of the generation that gave it: no request saw a half-replaced rule set.
            let rates = shared.rates.withLock { $0 }
            for answer in seen {
                let generation = try #require(answer.generation)
                #expect(rates[generation] == answer.rate, "generation \(generation)")
            }
            #expect(replaced >= 2)
            #expect(rejected >= 1)
            // The reloads really happened while the clients were querying.
            #expect(Set(seen.compactMap(\.generation)).count > 1)
            let generations = Set(seen.compactMap(\.generation)).sorted()
            print(
                "concurrent reload test: \(seen.count) answers, \(replaced) reloads replaced, \(rejected) rejected,",
                "generations seen \(generations)")
        }
    }
}

extension HTTPField.Name {
    static let rulesGeneration = Self("Rules-Generation")!
}
