import Foundation
import PackagePlugin

/// `swift package clausier-test [paths…] [options]`: runs `clausier test`, by default on the rule files
/// of the package's targets and the test files beside them (or its `Rules` folder when no target holds any).
///
/// The arguments are those of `clausier test` (`--coverage`, `--min-coverage 100`, `--format junit`, …).
@main
struct ClausierTestCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let tool = try context.tool(named: "clausier").url
        let hasPath = RuleFiles.namesAPath(arguments, optionsWithValues: ["--format", "--min-coverage"])
        if hasPath {
            try RuleFiles.run(tool, ["test"] + arguments)
        } else {
            try RuleFiles.run(tool, ["test"] + arguments, ruleSets: RuleFiles.testedRuleSets(context))
        }
    }
}
