import Clausier
import ClausierDiagnostics
import Foundation

/// The result of compiling rule files: the rule set when there is no error, and every finding.
public struct CompilationResult: Sendable {
    /// The compiled rules; nil when any error was found.
    public var ruleSet: RuleSet?
    /// Every finding, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Where each decision is written, by contract id and decision id.
    public var decisionLocations: [String: [String: SourceLocation]] = [:]
    /// The files compiled, as they were read: renderers quote the lines of findings from them.
    public var sources: [SourceFile] = []
    /// The file each contract is written in, by contract id: compiled branches name it relative to the
    /// rules root (``SourceFile/relativePath``), and reports show it as it was given.
    public var contractFiles: [String: SourceFile] = [:]
    /// The contracts that compiled without error, even when others did not: a tool can answer for
    /// them and say which contracts are left out (``ruleSet`` stays nil while any error remains).
    public var compiledContracts: RuleSet = RuleSet(contracts: [])

    /// The contracts of the files that did not compile, by the id their header gives when it can be read.
    public var brokenContracts: [String] {
        let compiled = Set(compiledContracts.contracts.map(\.header.id))
        return contractFiles.keys.filter { !compiled.contains($0) }.sorted()
    }
}

/// Compiles rule files into a ``RuleSet``, one stage after another, each handing the next a value:
///
/// 1. load: the file's bytes into a YAML tree with places (`YAMLLoader`);
/// 2. parse: the YAML tree into the rule file's syntax tree, expressions parsed (`RuleFileParser`);
/// 3. check: the syntax tree into the typed tree, names resolved and types known (`ContractChecker`);
/// 4. analyse: the typed tree read for coverage, conflicts, citations and the like (`ContractAnalysis`);
/// 5. lower: the typed tree into the runtime's IR, with its source map (`Lowering`).
///
/// Every stage reports every finding it can, and a file goes on to the next stage as far as it can,
/// so that one run shows shape errors, type errors and analyses together. Only a contract without
/// errors is lowered.
public enum Compiler {
    /// The suffix of test files, which live next to rule files and are not rules.
    public static let testSuffixes = [".test.yaml", ".test.yml"]

    /// Compiles in-memory sources, one contract per file.
    public static func compile(_ sources: [SourceFile]) -> CompilationResult {
        var diagnostics: [Diagnostic] = []
        var contracts: [CompiledContract] = []
        var ids: [String: SourceLocation] = [:]
        var locations: [String: [String: SourceLocation]] = [:]
        var contractFiles: [String: SourceFile] = [:]
        for source in sources {
            let (root, yamlDiagnostics) = YAMLLoader.load(bytes: source.bytes, file: source.path)
            diagnostics += yamlDiagnostics
            guard let root else {
                if !yamlDiagnostics.hasErrors {
                    diagnostics.append(.error(.wrongShape, "the rule file is empty", at: SourceLocation(file: source.path, line: 1, column: 1)))
                }
                continue
            }
            var parser = RuleFileParser(source: source)
            let syntax = parser.parse(root)
            diagnostics += parser.diagnostics
            guard let syntax else { continue }
            if let id = syntax.header.fields["id"] {
                if let first = ids[id.text] {
                    diagnostics.append(
                        .error(.duplicateID, "the contract id '\(id.text)' is used by two rule files", at: id.location,
                               notes: [DiagnosticNote("first used here", at: first)]))
                    continue
                }
                ids[id.text] = id.location
                contractFiles[id.text] = source
                for decision in syntax.decisions where locations[id.text]?[decision.id.text] == nil {
                    locations[id.text, default: [:]][decision.id.text] = decision.id.location
                }
            }
            var checker = ContractChecker(syntax)
            let typed = checker.check()
            guard let typed else {
                diagnostics += checker.diagnostics
                continue
            }
            let findings = checker.diagnostics + ContractAnalysis.findings(typed)
            diagnostics += findings
            if !findings.hasErrors, let contract = Lowering.lower(typed) { contracts.append(contract) }
        }
        let sorted = diagnostics.sortedByLocation()
        let compiled = RuleSet(contracts: contracts)
        return CompilationResult(
            ruleSet: sorted.hasErrors ? nil : compiled, diagnostics: sorted, decisionLocations: locations,
            sources: sources, contractFiles: contractFiles, compiledContracts: compiled)
    }

    /// Compiles the rule files at the given paths: files, or directories searched recursively for
    /// `.yaml` and `.yml` files other than test files.
    public static func compile(paths: [String]) -> CompilationResult {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for file in files(in: paths, diagnostics: &diagnostics) where !isTestFile(file.path) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                diagnostics.append(unreadable(file.path))
                continue
            }
            sources.append(SourceFile(path: file.path, bytes: Array(data), relativePath: file.relativePath))
        }
        var result = compile(sources)
        if diagnostics.hasErrors { result.ruleSet = nil }
        result.diagnostics = (diagnostics + result.diagnostics).sortedByLocation()
        return result
    }

    /// The finding for a path that cannot be read as a file, saying why when that can be told.
    public static func unreadable(_ path: String) -> Diagnostic {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let reason = !exists ? "it does not exist" : isDirectory.boolValue ? "it is a directory, not a file" : "it is not readable"
        return .error(
            .unreadableFile, "cannot read the file: \(reason)", at: SourceLocation(file: path, line: 1, column: 1),
            hints: ["rule files are read from .yaml and .yml files; rename or move what is not one"])
    }

    /// The rule files under the paths, sorted; test files are left out.
    public static func ruleFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        files(in: paths, diagnostics: &diagnostics).map(\.path).filter { !isTestFile($0) }
    }

    /// The test files under the paths, sorted.
    public static func testFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        files(in: paths, diagnostics: &diagnostics).map(\.path).filter(isTestFile)
    }

    static func isTestFile(_ path: String) -> Bool { testSuffixes.contains { path.hasSuffix($0) } }

    /// The YAML files under the paths, with each one's path relative to its root: the directory it was
    /// found in, or the folder of a file given by itself.
    static func files(in paths: [String], diagnostics: inout [Diagnostic]) -> [(path: String, relativePath: String)] {
        var result: [(path: String, relativePath: String)] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    .error(.unreadableFile, "no such file or directory: \(path)", at: nil))
                continue
            }
            if !isDirectory.boolValue {
                result.append((path, (path as NSString).lastPathComponent))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            var found: [(path: String, relativePath: String)] = []
            while let entry = enumerator.nextObject() as? String {
                if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                    found.append((path.hasSuffix("/") ? path + entry : path + "/" + entry, entry))
                }
            }
            result += found.sorted { $0.path < $1.path }
        }
        return result
    }
}
