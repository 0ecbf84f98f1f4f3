import ClausierDiagnostics
import Foundation
import Testing

/// A small run of findings: two codes twice, a warning, a note, a finding with a related location, one without any.
private let findings: [Diagnostic] = [
    .error(.unknownKey, "unknown key 'cite' in the decision 'sla_penalty'", at: SourceLocation(file: "Rules/a.yaml", line: 18, column: 5),
           hints: ["did you mean 'cites'?", "the keys are: title, cites"]),
    .warning(.missingCitation, "the decision 'refund' cites no article", at: SourceLocation(file: "Rules/a.yaml", line: 3, column: 1)),
    .error(.conflictingProvisions, "conflicting provisions for the term 'retention'", at: SourceLocation(file: "Rules/b.yaml", line: 4, column: 9),
           notes: [DiagnosticNote("the other provision (art. 10.B)", at: SourceLocation(file: "Rules/b.yaml", line: 5, column: 9))]),
    .error(.unknownKey, "unknown key 'valeu' in the case", at: SourceLocation(file: "Rules/b.yaml", line: 12, column: 7)),
    Diagnostic(.untestedDecision, .note, "the decision 'refund' has no test", at: SourceLocation(file: "Rules/a.yaml", line: 2, column: 3)),
    .error(.unreadableFile, "no rule files were found", at: nil),
]

/// The SARIF log of `diagnostics`, parsed back.
private func parsedLog(_ diagnostics: [Diagnostic]) throws -> [String: Any] {
    let text = SARIFRenderer.render(diagnostics, toolVersion: "9.8.7")
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func dictionary(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
private func list(_ value: Any?) throws -> [[String: Any]] { try #require(value as? [[String: Any]]) }
private func text(_ value: Any?) throws -> String { try #require(try dictionary(value)["text"] as? String) }

@Suite("SARIF renderer")
struct SARIFRendererTests {
    @Test("the log declares SARIF 2.1.0, its schema and one run of clausier")
    func header() throws {
        let log = try parsedLog(findings)
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try list(log["runs"])
        #expect(runs.count == 1)
        let driver = try dictionary(try dictionary(runs[0]["tool"])["driver"])
        #expect(driver["name"] as? String == "clausier")
        #expect(driver["version"] as? String == "9.8.7")
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test("one rule per code that appears, in code order, documented from the catalogue")
    func rules() throws {
        let run = try list(try parsedLog(findings)["runs"])[0]
        let rules = try list(try dictionary(try dictionary(run["tool"])["driver"])["rules"])
        #expect(rules.compactMap { $0["id"] as? String } == ["CLS001", "CLS010", "CLS040", "CLS050", "CLS071"])
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let explanation = try #require(DiagnosticCatalog.explanation(for: DiagnosticCode(id)))
            #expect(try text(rule["shortDescription"]) == explanation.title)
            #expect(try text(rule["fullDescription"]) == explanation.summary)
            let help = try dictionary(rule["help"])
            #expect(help["text"] as? String == explanation.fix)
            #expect(help["markdown"] as? String == explanation.markdown)
            let level = try dictionary(rule["defaultConfiguration"])["level"] as? String
            #expect(level == SARIFRenderer.level(explanation.severity))
        }
        #expect(rules[1]["name"] as? String == "UnknownKey")
        #expect(rules[0]["name"] as? String == "TheFileCannotBeRead")
        #expect(try dictionary(rules[3]["defaultConfiguration"])["level"] as? String == "warning")
    }

    @Test("every result names its rule by id and by an index that points at that rule")
    func ruleIndexConsistency() throws {
        let run = try list(try parsedLog(findings)["runs"])[0]
        let rules = try list(try dictionary(try dictionary(run["tool"])["driver"])["rules"])
        let results = try list(run["results"])
        #expect(results.count == findings.count)
        for (result, finding) in zip(results, findings) {
            let ruleId = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleId == finding.code.rawValue)
            #expect(rules.indices.contains(index))
            #expect(rules[index]["id"] as? String == ruleId)
        }
    }

    @Test("levels are error, warning and note")
    func levels() throws {
        let results = try list(try list(try parsedLog(findings)["runs"])[0]["results"])
        #expect(results.compactMap { $0["level"] as? String } == ["error", "warning", "error", "error", "note", "error"])
    }

    @Test("the message holds the hints; the location the file as given, line and column")
    func messageAndLocation() throws {
        let result = try list(try list(try parsedLog(findings)["runs"])[0]["results"])[0]
        #expect(try text(result["message"])
            == "unknown key 'cite' in the decision 'sla_penalty'\nhint: did you mean 'cites'?\nhint: the keys are: title, cites")
        let locations = try list(result["locations"])
        #expect(locations.count == 1)
        let physical = try dictionary(locations[0]["physicalLocation"])
        let artifact = try dictionary(physical["artifactLocation"])
        #expect(artifact["uri"] as? String == "Rules/a.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try dictionary(physical["region"])
        #expect(region["startLine"] as? Int == 18)
        #expect(region["startColumn"] as? Int == 5)
        #expect(result["relatedLocations"] == nil)
    }

    @Test("notes become related locations")
    func relatedLocations() throws {
        let result = try list(try list(try parsedLog(findings)["runs"])[0]["results"])[2]
        let related = try list(result["relatedLocations"])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 0)
        #expect(try text(related[0]["message"]) == "the other provision (art. 10.B)")
        let physical = try dictionary(related[0]["physicalLocation"])
        #expect(try dictionary(physical["artifactLocation"])["uri"] as? String == "Rules/b.yaml")
        let region = try dictionary(physical["region"])
        #expect(region["startLine"] as? Int == 5)
        #expect(region["startColumn"] as? Int == 9)
    }

    @Test("a finding without a location is a result without locations")
    func withoutLocation() throws {
        let result = try list(try list(try parsedLog(findings)["runs"])[0]["results"])[5]
        #expect(result["ruleId"] as? String == "CLS001")
        #expect(result["locations"] == nil)
        #expect(try text(result["message"]) == "no rule files were found")
    }

    @Test("no findings: a valid log with no rules and no results")
    func empty() throws {
        let run = try list(try parsedLog([])["runs"])[0]
        #expect(try list(run["results"]).isEmpty)
        #expect(try list(try dictionary(try dictionary(run["tool"])["driver"])["rules"]).isEmpty)
    }

    @Test("the output is deterministic and pretty-printed with two spaces")
    func deterministic() {
        let first = SARIFRenderer.render(findings, toolVersion: "1.0.0")
        #expect(first == SARIFRenderer.render(findings, toolVersion: "1.0.0"))
        #expect(first.hasPrefix("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"))
        let rulesOf = { (log: String) in log.split(separator: "\"results\"")[0] }
        #expect(rulesOf(first) == rulesOf(SARIFRenderer.render(findings.reversed(), toolVersion: "1.0.0")))
    }

    @Test("paths become URI references: ./ dropped, spaces encoded, absolute paths as file URIs")
    func uris() throws {
        #expect(SARIFRenderer.uri(forPath: "./Rules/my file%.yaml") == "Rules/my%20file%25.yaml")
        #expect(SARIFRenderer.uri(forPath: "Rules/rétractation.yaml") == "Rules/r%C3%A9tractation.yaml")
        let absolute = Diagnostic.error(.yamlSyntax, "bad", at: SourceLocation(file: "/srv/rules/x.yaml", line: 1, column: 1))
        let result = try list(try list(try parsedLog([absolute])["runs"])[0]["results"])[0]
        let artifact = try dictionary(try dictionary(try list(result["locations"])[0]["physicalLocation"])["artifactLocation"])
        #expect(artifact["uri"] as? String == "file:///srv/rules/x.yaml")
        #expect(artifact["uriBaseId"] == nil)
    }

    @Test("titles become CamelCase rule names")
    func camelCase() {
        #expect(SARIFRenderer.camelCase("tier rows with a gap, an overlap or out of order") == "TierRowsWithAGapAnOverlapOrOutOfOrder")
        #expect(SARIFRenderer.camelCase("YAML syntax error") == "YAMLSyntaxError")
    }
}
