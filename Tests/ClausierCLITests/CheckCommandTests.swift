import Foundation
import Testing

/// `clausier check`, run in-process on the golden fixtures and the shipped rules.
@Suite struct CheckCommandTests {
    static let checks = repositoryRoot.appendingPathComponent("Tests/Fixtures/checks")

    static var folders: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: checks.path)) ?? []
        return names.filter { $0.hasPrefix("CLS") }.sorted()
    }

    /// Every fixture, in every format, prints its golden file, and exits 1 exactly when it holds an error.
    @Test(arguments: folders)
    func eachFormatPrintsTheGoldenOutput(_ folder: String) throws {
        let directory = Self.checks.appendingPathComponent(folder)
        let json = try String(contentsOf: directory.appendingPathComponent("expected.json"), encoding: .utf8)
        let status: Int32 = json.contains(#""severity":"error""#) ? 1 : 0
        for (format, golden) in [("text", "expected.txt"), ("json", "expected.json"), ("github", "expected.github")] {
            let run = clausier("check", "--format", format, directory.path)
            let expected = try String(contentsOf: directory.appendingPathComponent(golden), encoding: .utf8)
            #expect(run.relativeOut == expected, "\(folder) --format \(format)")
            #expect(run.status == status, "\(folder) --format \(format)")
            #expect(run.err == "")
        }
        // SARIF names files given by absolute path by their file URI, and relative ones from %SRCROOT%
        // as the golden files do; the command adds a line break after the log.
        let sarif = clausier("check", "--format", "sarif", directory.path)
        let golden = try String(contentsOf: directory.appendingPathComponent("expected.sarif"), encoding: .utf8)
        let root = repositoryRoot.path + "/"
        let relative = sarif.out.replacing("file://" + root, with: "file://$ROOT/").replacing(root, with: "")
        #expect(relative == Self.absolute(golden) + "\n", "\(folder) --format sarif")
        #expect(sarif.status == status)
    }

    /// A golden SARIF log with its relative artifact locations written as absolute file URIs, the
    /// repository's root as `$ROOT`.
    static func absolute(_ sarif: String) -> String {
        var lines: [Substring] = []
        for line in sarif.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingPrefix(while: { $0 == " " }) == #""uriBaseId": "%SRCROOT%""#, let last = lines.popLast() {
                lines.append(last.replacing(#""uri": ""#, with: #""uri": "file://$ROOT/"#).dropLast())
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let directory = Self.checks.appendingPathComponent("CLS050-missing-citation").path
        let lenient = clausier("check", "--format", "json", directory)
        #expect(lenient.status == 0)
        #expect(lenient.out.contains(#""severity":"warning""#))
        #expect(clausier("check", "--format", "json", "--strict", directory).status == 1)
    }

    @Test func theShippedRulesHaveNoFindings() {
        let run = clausier("check", repository("Rules"))
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("checked 5 contracts, "), "\(run.out)")
        #expect(run.out.contains(" decisions and "), "\(run.out)")
        #expect(run.out.hasSuffix(" test cases: no findings\n"), "\(run.out)")
        #expect(clausier("check", "--strict", repository("Rules")).status == 0)
        #expect(clausier("check", "--format", "json", repository("Rules")).out == "[]\n")
    }

    @Test func aCleanFileWithoutTestsCountsOneContract() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(smallRules, to: "small.yaml", in: directory)
        let run = clausier("check", directory.path)
        #expect(run.status == 0)
        #expect(run.out == "checked 1 contract, 2 decisions: no findings\n")
    }

    @Test func aMissingPathIsAUsageError() {
        let missing = repository("no/such/rules")
        let run = clausier("check", missing)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err == "error: no such file or directory: \(missing)\n")
    }

    @Test func anUnknownFormatIsAUsageError() {
        let run = clausier("check", "--format", "xml", repository("Rules"))
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err.contains("xml"), "\(run.err)")
    }
}

/// A clean contract of two decisions, for commands that need rules of their own.
let smallRules = """
    contract:
      id: small
      title: Small contract
      source: small.txt
      effective: 2019-01-01
      timezone: Europe/Paris
      currency: EUR
      holidays: FR
      rounding: half_away_from_zero
    decisions:
      dispute_deadline:
        title: Last day to dispute an invoice
        cites: art. 13
        inputs:
          invoice.issued_on: date
        returns: date
        value: invoice.issued_on + 1 month
      liability_cap:
        title: Cap on liability
        cites: art. 12
        inputs:
          subscription.monthly_fee: money
        returns: money
        value: subscription.monthly_fee
    """
