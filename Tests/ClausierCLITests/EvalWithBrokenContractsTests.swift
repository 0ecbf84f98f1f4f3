import Foundation
import Testing

/// `clausier eval` when another contract does not compile, and facts from a pipe.
@Suite struct EvalWithBrokenContractsTests {
    /// The shipped rules, with prospect-it broken by a misspelt boundary convention.
    private func brokenRules(in directory: URL) throws -> String {
        let rules = directory.appendingPathComponent("Rules")
        try FileManager.default.copyItem(atPath: repository("Rules"), toPath: rules.path)
        let file = rules.appendingPathComponent("prospect-it.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "boundaries: lower_inclusive", with: "boundaries: lower_inclusiv")
            .write(to: file, atomically: true, encoding: .utf8)
        return rules.path
    }

    @Test func aBrokenContractDoesNotStopTheOthers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = try brokenRules(in: directory)
        let facts = try write(#"{"subscription": {"started_on": "2025-03-01"}}"#, to: "facts.json", in: directory)
        let run = clausier(
            "eval", "--rules", rules, "--contract", "callkom", "--decision", "commitment_end_date", "--as-of", "2025-03-10",
            "--facts", facts)
        #expect(run.status == 0)
        #expect(run.out.contains(#""value":"2026-03-08""#))
        #expect(run.err.hasPrefix("warning: the contracts prospect-it did not compile and are left out"))
        #expect(run.err.contains("prospect-it.yaml"))
    }

    @Test func theBrokenContractItselfStillGivesItsErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = try brokenRules(in: directory)
        let run = clausier(
            "eval", "--rules", rules, "--contract", "prospect-it", "--decision", "sla_penalty", "--as-of", "2025-03-10")
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err.contains("unknown boundary convention 'lower_inclusiv'"))
    }

    @Test func factsAreReadFromAPipe() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("facts.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A writer on another thread, as a shell's process substitution would be.
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(#"{"subscription": {"started_on": "2025-03-01"}}"#.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let run = clausier(
            "eval", "--rules", repository("Rules"), "--contract", "callkom", "--decision", "commitment_end_date", "--as-of",
            "2025-03-10", "--facts", fifo)
        #expect(run.status == 0)
        #expect(run.out.contains(#""value":"2026-03-08""#))
    }
}
