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
}

/// A source text to compile, with the path that findings will name.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in findings.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a source from text.
    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// Creates a source from raw bytes (invalid UTF-8 is reported, not assumed away).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Compiles rule files into a ``RuleSet``: load YAML, parse, check, lower.
public enum Compiler {
    /// The suffix of test files, which live next to rule files and are not rules.
    public static let testSuffixes = [".test.yaml", ".test.yml"]

    /// Compiles in-memory sources, one contract per file.
    public static func compile(_ sources: [SourceFile]) -> CompilationResult {
        var diagnostics: [Diagnostic] = []
        var contracts: [CompiledContract] = []
        var ids: [String: SourceLocation] = [:]
        var locations: [String: [String: SourceLocation]] = [:]
        for source in sources {
            let (root, yamlDiagnostics) = YAMLLoader.load(bytes: source.bytes, file: source.path)
            diagnostics += yamlDiagnostics
            guard let root else {
                if !yamlDiagnostics.hasErrors {
                    diagnostics.append(.error(.wrongShape, "the rule file is empty", at: SourceLocation(file: source.path, line: 1, column: 1)))
                }
                continue
            }
            var parser = RuleFileParser(file: source.path)
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
            }
            if let id = syntax.header.fields["id"]?.text {
                for decision in syntax.decisions where locations[id]?[decision.id.text] == nil {
                    locations[id, default: [:]][decision.id.text] = decision.id.location
                }
            }
            var syntaxWithText = syntax
            syntaxWithText.positions = SourcePositions(bytes: source.bytes)
            var compiler = ContractCompiler(syntaxWithText)
            let contract = compiler.compile()
            diagnostics += compiler.diagnostics
            if let contract { contracts.append(contract) }
        }
        let sorted = diagnostics.sortedByLocation()
        return CompilationResult(
            ruleSet: sorted.hasErrors ? nil : RuleSet(contracts: contracts), diagnostics: sorted, decisionLocations: locations)
    }

    /// Compiles the rule files at the given paths: files, or directories searched recursively for
    /// `.yaml` and `.yml` files other than test files.
    public static func compile(paths: [String]) -> CompilationResult {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for file in ruleFiles(in: paths, diagnostics: &diagnostics) {
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(unreadable(file))
                continue
            }
            sources.append(SourceFile(path: file, bytes: Array(data)))
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
        files(in: paths, diagnostics: &diagnostics).filter { path in !testSuffixes.contains { path.hasSuffix($0) } }
    }

    /// The test files under the paths, sorted.
    public static func testFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        files(in: paths, diagnostics: &diagnostics).filter { path in testSuffixes.contains { path.hasSuffix($0) } }
    }

    static func files(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    .error(.unreadableFile, "no such file or directory: \(path)", at: nil))
                continue
            }
            if !isDirectory.boolValue {
                result.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let entry = enumerator.nextObject() as? String {
                if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                    found.append(path.hasSuffix("/") ? path + entry : path + "/" + entry)
                }
            }
            result += found.sorted()
        }
        return result
    }
}
