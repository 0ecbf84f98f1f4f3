import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Foundation

/// What `clausier check` does, as a library call: compile the rule files of the paths, read the test
/// files beside them, and report every finding of both, including decisions no test asks (CLS071).
public struct RuleCheck: Sendable {
    /// The compiled rules and the compiler's findings.
    public var compilation: CompilationResult
    /// The test files found in the paths.
    public var testFiles: [TestFile]
    /// Every finding: the compiler's, the test files', and untested decisions; sorted by location.
    public var diagnostics: [Diagnostic]
    /// The rule and test files as they were read, for renderers to quote.
    public var sources: [SourceFile]

    /// Checks the rule and test files under the paths. A rule file given by itself brings the test file
    /// beside it (`callkom.yaml`, `callkom.test.yaml`), and a test file its rule file, so that
    /// `clausier test Rules/callkom.yaml` tests callkom rather than nothing.
    public static func run(paths: [String]) -> RuleCheck {
        let paths = withSiblings(paths)
        let compilation = Compiler.compile(paths: paths)
        var diagnostics = compilation.diagnostics
        var files: [TestFile] = []
        var sources = compilation.sources
        var found: [Diagnostic] = []
        for path in Compiler.testFiles(in: paths, diagnostics: &found) {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(Compiler.unreadable(path))
                continue
            }
            sources.append(SourceFile(path: path, bytes: Array(data)))
            let (file, fileDiagnostics) = TestFileLoader.load(bytes: Array(data), path: path)
            diagnostics += fileDiagnostics
            if let file { files.append(file) }
        }
        if !files.isEmpty { diagnostics += untested(compilation, files) + invalidFacts(compilation, files) }
        return RuleCheck(compilation: compilation, testFiles: files, diagnostics: diagnostics.sortedByLocation(), sources: sources)
    }

    /// The paths, each file given by itself followed by its sibling: the test file of a rule file, the
    /// rule file of a test file, when it exists and is not already among the paths.
    static func withSiblings(_ paths: [String]) -> [String] {
        let manager = FileManager.default
        var result = paths
        func covered(_ path: String) -> Bool {
            result.contains { given in given == path || path.hasPrefix(given.hasSuffix("/") ? given : given + "/") }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let candidates: [String]
            if let suffix = Compiler.testSuffixes.first(where: { path.hasSuffix($0) }) {
                let stem = String(path.dropLast(suffix.count))
                candidates = [stem + ".yaml", stem + ".yml"]
            } else if let ext = [".yaml", ".yml"].first(where: { path.hasSuffix($0) }) {
                let stem = String(path.dropLast(ext.count))
                candidates = Compiler.testSuffixes.map { stem + $0 }
            } else {
                candidates = []
            }
            for candidate in candidates where manager.fileExists(atPath: candidate) && !covered(candidate) {
                result.append(candidate)
            }
        }
        return result
    }

    /// The finding when the paths hold no test file: a test run that tests nothing must not pass.
    public static func noTests(in paths: [String]) -> Diagnostic {
        .error(
            .invalidTest, "no test file in \(paths.joined(separator: ", ")): nothing was tested", at: nil,
            hints: ["the tests of a rule file such as callkom.yaml go beside it, in callkom.test.yaml"])
    }

    /// Decisions that no test case asks, and test cases that ask what does not exist.
    static func untested(_ compilation: CompilationResult, _ files: [TestFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let identified = Set(compilation.contractFiles.values.map(\.path))
        let unidentified = compilation.sources.filter { !identified.contains($0.path) }
        var asked: [String: Set<String>] = [:]
        var testFile: [String: String] = [:]
        for file in files {
            testFile[file.contract] = testFile[file.contract] ?? file.path
            for testCase in file.cases { asked[file.contract, default: []].insert(testCase.decision) }
            guard let decisions = compilation.decisionLocations[file.contract] else {
                // A rule file that did not load may be the one that defines it: its error is the one to read.
                if !unidentified.isEmpty { continue }
                var hints: [String] = []
                if let close = Suggestions.closest(to: file.contract, among: Array(compilation.decisionLocations.keys)) {
                    hints.append("did you mean '\(close)'?")
                }
                diagnostics.append(
                    .error(.invalidTest, "the tests are for the contract '\(file.contract)', which no rule file in these paths defines",
                           at: file.contractLocation, hints: hints))
                continue
            }
            for testCase in file.cases where decisions[testCase.decision] == nil {
                var hints: [String] = []
                if let close = Suggestions.closest(to: testCase.decision, among: Array(decisions.keys)) {
                    hints.append("did you mean '\(close)'?")
                }
                diagnostics.append(
                    .error(.invalidTest, "the test '\(testCase.name)' asks the decision '\(testCase.decision)', which the contract '\(file.contract)' does not have",
                           at: testCase.location, hints: hints))
            }
        }
        for (contract, decisions) in compilation.decisionLocations.sorted(by: { $0.key < $1.key }) {
            for (decision, location) in decisions.sorted(by: { $0.value < $1.value })
            where !(asked[contract]?.contains(decision) ?? false) {
                diagnostics.append(
                    .warning(.untestedDecision, "no test case asks the decision '\(decision)'", at: location,
                             hints: ["add cases for it in \(testFile[contract] ?? "\(contract).test.yaml"), on both sides of every boundary"]))
            }
        }
        return diagnostics
    }
}
