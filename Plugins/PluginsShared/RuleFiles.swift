import Foundation
import PackagePlugin

/// What the Clausier plugins share: which files of a target are rule files, and how to run the tool.
enum RuleFiles {
    /// The rule files among a target's files: `.yaml` and `.yml`, without the `*.test.yaml` test files.
    static func rules(in files: FileList) -> [URL] {
        files.map(\.url).filter(isRuleFile).sorted { $0.path < $1.path }
    }

    static func isRuleFile(_ url: URL) -> Bool {
        let name = url.lastPathComponent
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        return !name.hasSuffix(".test.yaml") && !name.hasSuffix(".test.yml")
    }

    /// What a command plugin runs the tool on when the arguments name no path, one run per rule set: the
    /// rule files of each target that holds some (each target compiles its own rules, with the build
    /// plugin), and the package's `Rules` folder when it has one outside every target.
    static func defaultRuleSets(_ context: PluginContext) -> [[String]] {
        var sets: [[String]] = []
        for case let module as SourceModuleTarget in context.package.targets {
            var folders: [String] = []
            for url in rules(in: module.sourceFiles) {
                let folder = url.deletingLastPathComponent().path
                if !folders.contains(folder) { folders.append(folder) }
            }
            if !folders.isEmpty { sets.append(folders.sorted()) }
        }
        let packageRules = context.package.directoryURL.appendingPathComponent("Rules").path
        if FileManager.default.fileExists(atPath: packageRules), !sets.joined().contains(where: { $0.hasPrefix(packageRules) }) {
            sets.insert([packageRules], at: 0)
        }
        return sets.isEmpty ? [[packageRules]] : sets
    }

    /// The rule sets that have test files beside them, for `clausier-test`; all of them when none has,
    /// so that a run that would test nothing says so and fails.
    static func testedRuleSets(_ context: PluginContext) -> [[String]] {
        let sets = defaultRuleSets(context)
        let tested = sets.filter { folders in
            folders.contains { folder in
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                return names.contains { $0.hasSuffix(".test.yaml") || $0.hasSuffix(".test.yml") }
            }
        }
        return tested.isEmpty ? sets : tested
    }

    /// Runs the tool once per rule set, and fails when any run fails, after running them all.
    static func run(_ tool: URL, _ arguments: [String], ruleSets: [[String]]) throws {
        var failures: [any Error] = []
        for paths in ruleSets {
            do { try run(tool, arguments + paths) } catch { failures.append(error) }
        }
        if let first = failures.first { throw first }
    }

    /// Whether the arguments name a path: an argument that is neither an option nor the value of one.
    static func namesAPath(_ arguments: [String], optionsWithValues: Set<String>) -> Bool {
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if optionsWithValues.contains(argument) {
                skipNext = true
                continue
            }
            if !argument.hasPrefix("-") { return true }
        }
        return false
    }

    /// Runs the `clausier` tool with arguments, streaming its output, and fails when it fails.
    static func run(_ tool: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ClausierPluginError(
                "clausier \(arguments.first ?? "") failed (exit code \(process.terminationStatus)); the findings are above")
        }
    }
}

/// A plugin failure with a message for the build log.
struct ClausierPluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
