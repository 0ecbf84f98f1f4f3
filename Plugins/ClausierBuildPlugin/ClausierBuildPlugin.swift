import Foundation
import PackagePlugin

/// Checks and compiles a target's contract rule files at build time.
///
/// The rules are embedded in the target as Swift source (`CompiledRules.load()`), with a typed API per
/// contract, so the host loads them at run time without YAML or libyaml. A rule error fails the build,
/// reported at the rule file's line and column.
@main
struct ClausierBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let rules = RuleFiles.rules(in: target.sourceFiles)
        guard !rules.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("CompiledRules.swift")
        return [
            .buildCommand(
                displayName: "Compiling the contract rules of \(target.name)",
                executable: try context.tool(named: "clausier").url,
                arguments: ["generate", "--output", output.path] + rules.map(\.path),
                inputFiles: rules,
                outputFiles: [output])
        ]
    }
}
