import Foundation
import PackagePlugin

/// `swift package clausier-check [paths…] [options]`: runs `clausier check`, by default on the rule
/// files of the package's targets (or its `Rules` folder when no target holds any).
///
/// The arguments are those of `clausier check` (`--format sarif`, `--strict`, …): the command plugin
/// is the CLI, run from SwiftPM, with no logic of its own.
@main
struct ClausierCheckCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let tool = try context.tool(named: "clausier").url
        let hasPath = RuleFiles.namesAPath(arguments, optionsWithValues: ["--format"])
        if hasPath {
            try RuleFiles.run(tool, ["check"] + arguments)
        } else {
            try RuleFiles.run(tool, ["check"] + arguments, ruleSets: RuleFiles.defaultRuleSets(context))
        }
    }
}
