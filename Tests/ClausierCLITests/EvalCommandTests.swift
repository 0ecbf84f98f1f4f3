import Foundation
import Testing

/// One prospect-it incident, as `--facts` and batch lines give it.
private func incident(_ recorded: String, _ closed: String) -> String {
    """
    {"incident": {"recorded_at": "\(recorded)", "closed_at": "\(closed)", "main_server_down": true, "backup_server_down": true}, \
    "subscription": {"monthly_fee": "200.00 EUR"}}
    """
}

/// Catalogue, prospect-it, sla_penalty: exactly 2 hours is in [2h, 3h), 50% of 200.00 EUR.
private let twoHours = incident("2025-03-07T10:00:00+01:00", "2025-03-07T12:00:00+01:00")
/// Catalogue: closed before recorded is bad input naming `incident.closed_at`.
private let closedBeforeRecorded = incident("2025-03-07T10:00:00+01:00", "2025-03-07T09:59:59+01:00")

private func object(_ line: some StringProtocol) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

/// `clausier eval`, one decision and --batch, run in-process on the shipped rules.
@Suite struct EvalCommandTests {
    let directory: URL

    init() throws { directory = try temporaryDirectory() }

    func eval(_ arguments: String...) -> Run {
        let base = ["eval", "--rules", repository("Rules"), "--contract", "prospect-it", "--decision", "sla_penalty"]
        let run = clausier(base + arguments)
        return run
    }

    @Test func answersWithTheValueTheExplanationAndTheCitations() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let facts = try write(twoHours, to: "facts.json", in: directory)
        let run = eval("--as-of", "2025-03-10", "--facts", facts)
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(run.out.hasSuffix("}\n"))
        #expect(run.out.split(separator: "\n").count == 1)
        let answer = try object(run.out)
        #expect(answer["contract"] as? String == "prospect-it")
        #expect(answer["decision"] as? String == "sla_penalty")
        #expect(answer["as_of"] as? String == "2025-03-10")
        #expect(answer["value"] as? [String: String] == ["rate": "50%", "penalty": "100.00 EUR"])
        #expect((answer["citations"] as? [String])?.contains("art. 11") == true)
        #expect((answer["explanation"] as? [Any])?.isEmpty == false)
    }

    @Test func noExplanationLeavesTheStepsOutButNotTheValue() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let facts = try write(twoHours, to: "facts.json", in: directory)
        let full = try object(eval("--as-of", "2025-03-10", "--facts", facts).out)
        let run = eval("--as-of", "2025-03-10", "--facts", facts, "--no-explanation")
        #expect(run.status == 0)
        let short = try object(run.out)
        #expect(short["value"] as? [String: String] == full["value"] as? [String: String])
        #expect((short["explanation"] as? [Any])?.isEmpty ?? true)
    }

    @Test func badFactsPrintAnErrorNamingTheFactAndExitOne() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let facts = try write(closedBeforeRecorded, to: "facts.json", in: directory)
        let run = eval("--as-of", "2025-03-10", "--facts", facts)
        #expect(run.status == 1)
        let error = try #require(try object(run.out)["error"] as? [String: Any])
        #expect(error["fact"] as? String == "incident.closed_at")
        #expect(error["message"] is String)
        #expect(error["kind"] is String)
    }

    @Test func withoutFactsTheFactsAreEmpty() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = eval("--as-of", "2025-03-10")
        #expect(run.status == 1)
        let error = try #require(try object(run.out)["error"] as? [String: Any])
        #expect((error["fact"] as? String)?.hasPrefix("incident.") == true)
    }

    @Test func eachBatchLineIsAnsweredAsOneEvaluationWouldBe() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try write(twoHours, to: "good.json", in: directory)
        let bad = try write(closedBeforeRecorded, to: "bad.json", in: directory)
        let batch = try write(
            #"{"as_of": "2025-03-10", "facts": \#(twoHours)}"# + "\n\n"
                + #"{"as_of": "2025-03-10", "facts": \#(closedBeforeRecorded)}"# + "\n"
                + #"{"as_of": "2025-03-11", "facts": \#(twoHours)}"#,
            to: "batch.jsonl", in: directory)
        let run = eval("--batch", batch)
        // Every input line has its output line, at the same position: the blank line is an error line.
        // The last line needs no newline.
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines.last == "")
        #expect(lines.first.map(String.init) == eval("--as-of", "2025-03-10", "--facts", good).out.dropLast().description)
        let blank = try #require(try object(lines[1])["error"] as? [String: Any])
        #expect((blank["message"] as? String)?.hasPrefix("line 2: a blank line is not a request") == true)
        #expect(String(lines[2]) == eval("--as-of", "2025-03-10", "--facts", bad).out.dropLast().description)
        #expect(try object(lines[3])["as_of"] as? String == "2025-03-11")
    }

    @Test func aBatchWithoutErrorsExitsZero() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let batch = try write(#"{"as_of": "2025-03-10", "facts": \#(twoHours)}"# + "\n", to: "batch.jsonl", in: directory)
        let run = eval("--batch", batch, "--no-explanation")
        #expect(run.status == 0)
        #expect(run.out.split(separator: "\n").count == 1)
    }

    /// Usage errors exit 2 and say what to do on standard error.
    @Test(arguments: [
        (["--facts", "x.json"], "give --as-of YYYY-MM-DD"),
        (["--as-of", "2025-02-30"], "'2025-02-30' is not a date"),
        (["--batch", "x.jsonl", "--as-of", "2025-03-10"], "--batch reads the evaluation date and facts from each line"),
        (["--as-of", "2025-03-10", "--facts", "/no/such/facts.json"], "error: cannot read the facts file /no/such/facts.json\n"),
        (["--batch", "/no/such/batch.jsonl"], "error: cannot read the batch file /no/such/batch.jsonl\n"),
    ])
    func usageErrors(arguments: [String], message: String) {
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = clausier(["eval", "--rules", repository("Rules"), "--contract", "prospect-it", "--decision", "sla_penalty"] + arguments)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err.contains(message), "\(run.err)")
    }

    @Test func anUnknownDecisionOrRulesThatDoNotCompileAreUsageErrors() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let unknown = clausier(["eval", "--rules", repository("Rules"), "--contract", "prospect-it", "--decision", "sla_penalti", "--as-of", "2025-03-10"])
        #expect(unknown.status == 2)
        #expect(unknown.err.hasPrefix("error: "))
        #expect(unknown.err.contains("sla_penalty"), "a close name is suggested: \(unknown.err)")
        let broken = repository("Tests/Fixtures/checks/CLS022-type-mismatch")
        let run = clausier(["eval", "--rules", broken, "--contract", "test", "--decision", "x", "--as-of", "2025-03-10"])
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err.contains("error[CLS022]"))
    }
}
