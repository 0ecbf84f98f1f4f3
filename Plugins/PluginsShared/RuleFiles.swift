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
