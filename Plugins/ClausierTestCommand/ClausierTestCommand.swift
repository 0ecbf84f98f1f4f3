import Foundation
import PackagePlugin

/// `swift package clausier-test [paths…] [options]`: runs `clausier test`, by default on `Rules`.
///
/// The arguments are those of `clausier test` (`--coverage`, `--min-coverage 100`, `--format junit`, …).
@main
struct ClausierTestCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let tool = try context.tool(named: "clausier").url
        let takesValue: Set<String> = ["--format", "--min-coverage"]
        var hasPath = false
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if takesValue.contains(argument) { skipNext = true; continue }
            if !argument.hasPrefix("-") { hasPath = true }
        }
        let paths = hasPath ? [] : [context.package.directoryURL.appendingPathComponent("Rules").path]
        try RuleFiles.run(tool, ["test"] + arguments + paths)
    }
}
