import Clausier
import ClausierDiagnostics
import ClausierHost
import Foundation
import Testing

/// Reloading rules while queries run: a broken rule set is rejected and the old one keeps answering;
/// a good one replaces it atomically; every query in flight is answered.
@Suite struct RuleLibraryTests {
    /// A one-decision contract whose answer is `rate`, so the test can tell which rules answered.
    static func rules(rate: String, broken: Bool = false) -> String {
        """
        contract: {id: r, title: R, source: r.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_away_from_zero}
        decisions:
          penalty:
            cites: art. 11
            inputs: {fee: money}
            returns: money
            value: fee * \(broken ? "unknown_rate" : rate)
        """
    }

    final class Directory: Sendable {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("clausier-reload-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        func write(_ text: String) throws {
            try text.write(toFile: path + "/r.yaml", atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let facts: JSONValue = .object(JSONObject([JSONMember(key: "fee", value: .string("200.00 EUR"))]))

    static func penalty(_ library: RuleLibrary) throws -> JSONValue {
        let asOf = try #require(CivilDate.parse("2025-03-10"))
        return try library.evaluate(contract: "r", decision: "penalty", facts: facts, asOf: asOf).valueJSON
    }

    @Test func brokenRulesAreRejectedAndTheOldOnesKeepServing() throws {
        let directory = try Directory()
        try directory.write(Self.rules(rate: "25%"))
        let library = try RuleLibrary(paths: [directory.path])
        #expect(try Self.penalty(library) == .string("50.00 EUR"))

        try directory.write(Self.rules(rate: "25%", broken: true))
        guard case .rejected(let kept, let diagnostics) = library.reload() else {
            Issue.record("a broken rule set was accepted")
            return
        }
        #expect(kept == 1)
        #expect(diagnostics.contains { $0.code == .unknownName && $0.location?.line == 7 })
        #expect(try Self.penalty(library) == .string("50.00 EUR"))

        try directory.write(Self.rules(rate: "50%"))
        guard case .replaced(let generation, _) = library.reload() else {
            Issue.record("a good rule set was rejected")
            return
        }
        #expect(generation == 2)
        #expect(try Self.penalty(library) == .string("100.00 EUR"))
    }

    @Test func queriesDuringReloadsAreAllAnsweredByOneRuleSetOrTheOther() async throws {
        let directory = try Directory()
        try directory.write(Self.rules(rate: "25%"))
        let library = try RuleLibrary(paths: [directory.path])
        let asOf = try #require(CivilDate.parse("2025-03-10"))

        let answers = try await withThrowingTaskGroup(of: [String].self) { group in
            // Reloads alternate between a 50% rule set, a broken one and a 25% one.
            group.addTask {
                for round in 0..<30 {
                    switch round % 3 {
                    case 0: try directory.write(Self.rules(rate: "50%"))
                    case 1: try directory.write(Self.rules(rate: "50%", broken: true))
                    default: try directory.write(Self.rules(rate: "25%"))
                    }
                    let outcome = library.reload()
                    if round % 3 == 1, case .replaced = outcome { return ["a broken rule set was accepted"] }
                }
                return []
            }
            for _ in 0..<8 {
                group.addTask {
                    var seen: [String] = []
                    for _ in 0..<300 {
                        let snapshot = library.current
                        let answer = try snapshot.rules.evaluate(contract: "r", decision: "penalty", facts: Self.facts, asOf: asOf)
                        guard case .string(let s) = answer.valueJSON else { return ["not a string"] }
                        seen.append(s)
                    }
                    return seen
                }
            }
            var all: [String] = []
            for try await part in group { all += part }
            return all
        }
        #expect(answers.count == 8 * 300)
        // Every answer came from a complete, clean rule set: 25% or 50% of 200 EUR, nothing else.
        #expect(Set(answers).isSubset(of: ["50.00 EUR", "100.00 EUR"]), "\(Set(answers))")
        #expect(library.current.generation == 21)
    }

    @Test func aFirstLoadWithErrorsThrowsTheFindings() throws {
        let directory = try Directory()
        try directory.write(Self.rules(rate: "25%", broken: true))
        do {
            _ = try RuleLibrary(paths: [directory.path])
            Issue.record("broken rules were loaded")
        } catch {
            #expect(error.diagnostics.contains { $0.severity == .error })
        }
    }
}
