import Foundation
import PackagePlugin

/// `swift package clausier-check [paths…] [options]`: runs `clausier check`, by default on `Rules`.
///
/// The arguments are those of `clausier check` (`--format sarif`, `--strict`, …): the command plugin
/// is the CLI, run from SwiftPM, with no logic of its own.
@main
struct ClausierCheckCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let tool = try context.tool(named: "clausier").url
        let hasPath = arguments.contains { !$0.hasPrefix("-") }
        let paths = hasPath ? [] : [context.package.directoryURL.appendingPathComponent("Rules").path]
        try RuleFiles.run(tool, ["check"] + arguments + paths)
    }
}
