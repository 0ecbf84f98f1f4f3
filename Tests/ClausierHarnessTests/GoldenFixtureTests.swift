import ClausierDiagnostics
import ClausierHarness
import Foundation
import Testing

/// Every finding code has a fixture folder under Tests/Fixtures/checks holding a broken rule file and
/// the checker's expected output in every format. A change in any message shows up here, to be judged.
///
/// Record with `RECORD_GOLDENS=1 swift test --filter GoldenFixtureTests`, then read every changed file
/// before committing it.
@Suite struct GoldenFixtureTests {
    static let checks = repositoryRoot.appendingPathComponent("Tests/Fixtures/checks")
    static let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    static var folders: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: checks.path)) ?? []
        return names.filter { $0.hasPrefix("CLS") }.sorted()
    }

    /// The outputs of `clausier check --format <format>` for a folder, with paths relative to the repository.
    static func outputs(for folder: String) -> [String: String] {
        let path = checks.appendingPathComponent(folder).path
        let check = RuleCheck.run(paths: [path])
        let prefix = repositoryRoot.path + "/"
        let diagnostics = check.diagnostics.map { relative($0, prefix) }
        var sources: [String: String] = [:]
        for file in Set(diagnostics.compactMap { $0.location?.file }) {
            sources[file] = try? String(contentsOfFile: prefix + file, encoding: .utf8)
        }
        return [
            "expected.txt": TextRenderer(colors: false, sources: sources).render(diagnostics),
            "expected.json": JSONRenderer.render(diagnostics) + "\n",
            "expected.sarif": SARIFRenderer.render(diagnostics, toolVersion: "0.1.0"),
            "expected.github": GitHubRenderer.render(diagnostics),
        ]
    }

    static func relative(_ diagnostic: Diagnostic, _ prefix: String) -> Diagnostic {
        func strip(_ location: ClausierDiagnostics.SourceLocation?) -> ClausierDiagnostics.SourceLocation? {
            guard var location else { return nil }
            if location.file.hasPrefix(prefix) { location.file.removeFirst(prefix.count) }
            return location
        }
        var d = diagnostic
        d.location = strip(d.location)
        d.message = d.message.replacingOccurrences(of: prefix, with: "")
        d.hints = d.hints.map { $0.replacingOccurrences(of: prefix, with: "") }
        d.notes = d.notes.map { DiagnosticNote($0.message, at: strip($0.location)) }
        return d
    }

    @Test func everyFindingCodeHasAFixture() {
        let covered = Set(Self.folders.map { String($0.prefix(6)) })
        let documented = Set(DiagnosticCatalog.all.map(\.code.rawValue))
        #expect(documented.subtracting(covered).isEmpty, "codes without a fixture: \(documented.subtracting(covered).sorted())")
    }

    @Test(arguments: folders)
    func fixtureMatchesItsGoldenOutputs(_ folder: String) throws {
        let code = String(folder.prefix(6))
        let outputs = Self.outputs(for: folder)
        #expect(outputs["expected.json"]?.contains("\"code\":\"\(code)\"") == true, "the fixture \(folder) does not report \(code)")
        for (name, actual) in outputs.sorted(by: { $0.key < $1.key }) {
            let url = Self.checks.appendingPathComponent(folder).appendingPathComponent(name)
            if Self.record {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected != nil, "missing \(folder)/\(name): record it with RECORD_GOLDENS=1 and read it")
            if let expected { #expect(actual == expected, "\(folder)/\(name) differs from its golden file") }
        }
    }
}
