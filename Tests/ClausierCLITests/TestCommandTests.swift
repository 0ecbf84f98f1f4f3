import Foundation
import Testing

/// Cases of the small contract: one passes, one expects the wrong amount.
private let smallTests = """
    contract: small
    tests:
      - name: a month after the 31st of January is the end of February
        decision: dispute_deadline
        as_of: 2025-03-10
        facts: {invoice: {issued_on: "2025-01-31"}}
        expect: {value: "2025-02-28", cites: art. 13}
      - name: the cap is the monthly fee
        decision: liability_cap
        as_of: 2025-03-10
        facts: {subscription: {monthly_fee: "200.00 EUR"}}
        expect: {value: "100.00 EUR"}
    """

/// A directory of the small contract and `tests` as its test file.
private func smallDirectory(tests: String = smallTests) throws -> URL {
    let directory = try temporaryDirectory()
    try write(smallRules, to: "small.yaml", in: directory)
    try write(tests, to: "small.test.yaml", in: directory)
    return directory
}

/// The numbers of the last line, `N passed, M failed`.
private func summary(_ text: String) -> (passed: Int, failed: Int)? {
    guard let last = text.split(separator: "\n").last else { return nil }
    let words = last.split(separator: " ")
    guard words.count == 4, words[1] == "passed,", words[3] == "failed", let passed = Int(words[0]), let failed = Int(words[2])
    else { return nil }
    return (passed, failed)
}

/// `clausier test`, run in-process on the shipped rules and on small test files.
@Suite struct TestCommandTests {
    @Test func theShippedTestsPass() throws {
        let run = clausier("test", repository("Rules"))
        #expect(run.status == 0, "\(run.out)")
        let counts = try #require(summary(run.out))
        #expect(counts.failed == 0)
        #expect(counts.passed > 100)
        // Without --verbose, only the summary: no case failed.
        #expect(run.out == "\(counts.passed) passed, 0 failed\n")
        #expect(run.err == "")
    }

    @Test func jsonCountsEveryCaseAndTheSummaryGoesToStandardError() throws {
        let run = clausier("test", "--format", "json", repository("Rules"))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let passed = try #require(object["passed"] as? Int)
        #expect(object["failed"] as? Int == 0)
        #expect((object["cases"] as? [Any])?.count == passed)
        #expect(object["coverage"] == nil)
        #expect(run.err == "\(passed) passed, 0 failed\n")
    }

    @Test func junitIsXMLAndTheCoverageGoesToStandardError() throws {
        let run = clausier("test", "--format", "junit", "--coverage", repository("Rules"))
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("<?xml"))
        #expect(run.out.contains("<testsuite"))
        #expect(run.err.hasPrefix("coverage of "))
        #expect(summary(run.err)?.failed == 0)
    }

    @Test func coverageListsEveryContract() {
        let run = clausier("test", "--coverage", repository("Rules"))
        #expect(run.status == 0)
        for contract in ["releads", "suivi-pro", "prospect-it", "callkom", "service-smtp"] {
            #expect(run.out.contains("coverage of \(contract): "), "\(contract)")
        }
    }

    @Test func aFailingCaseIsShownAndExitsOne() throws {
        let directory = try smallDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = clausier("test", directory.path)
        #expect(run.status == 1)
        #expect(run.out.contains("the cap is the monthly fee"))
        #expect(run.out.contains(#"expected "100.00 EUR", got "200.00 EUR""#))
        #expect(!run.out.contains("end of February"))
        #expect(run.out.hasSuffix("1 passed, 1 failed\n"))
        // --verbose shows the passing case too.
        #expect(clausier("test", "--verbose", directory.path).out.contains("end of February"))
    }

    @Test func aContractBelowTheMinimumCoverageFails() throws {
        let directory = try smallDirectory(tests: """
            contract: small
            tests:
              - name: one decision only
                decision: liability_cap
                as_of: 2025-03-10
                facts: {subscription: {monthly_fee: "200.00 EUR"}}
                expect: {value: "200.00 EUR"}
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = clausier("test", "--min-coverage", "80", directory.path)
        #expect(run.status == 1)
        #expect(run.out.contains("coverage of small: 50.0% (1/2)\n"))
        #expect(run.out.hasSuffix("coverage of small is 50.0%, below the minimum of 80.0%\n1 passed, 0 failed\n"))
        #expect(clausier("test", "--min-coverage", "50", directory.path).status == 0)
    }

    @Test func aCoverageAbove100IsAUsageError() {
        let run = clausier("test", "--min-coverage", "101", repository("Rules"))
        #expect(run.status == 2)
        #expect(run.err.contains("--min-coverage is a percentage from 0 to 100"), "\(run.err)")
    }

    @Test func rulesWithErrorsStopTheRunBeforeAnyCase() throws {
        let directory = try smallDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(smallRules.replacingOccurrences(of: "returns: money", with: "returns: monney"), to: "small.yaml", in: directory)
        let text = clausier("test", directory.path)
        #expect(text.status == 1)
        #expect(text.out.contains("error[CLS013]"), "\(text.out)")
        #expect(summary(text.out) == nil)
        let json = clausier("test", "--format", "json", directory.path)
        #expect(json.status == 1)
        #expect(json.out.contains(#""diagnostics""#))
        #expect(json.err.contains("error[CLS013]"))
        // On standard error the findings are never coloured.
        #expect(!json.err.contains("\u{1B}["))
    }

    @Test func aMissingPathIsAUsageError() {
        let run = clausier("test", repository("no-such-directory"))
        #expect(run.status == 2)
        #expect(run.err == "error: no such file or directory: \(repository("no-such-directory"))\n")
    }
}
