import Clausier
import ClausierDiagnostics

/// One thing a test can exercise: a decision, or a branch of a rule.
public struct CoverageItem: Sendable, Hashable {
    /// `decision`, or the branch's kind (`case`, `otherwise`, `tier`, `exclusion`, `ground`, `no_ground`).
    public var kind: String
    /// The decision or definition it belongs to.
    public var rule: String
    /// Its label: the decision's id, the case's condition, the tier's range, the reason code.
    public var label: String
    /// Where it is written, for branches.
    public var location: String?
    /// Whether a passing test case exercised it.
    public var covered: Bool
}

/// The coverage of one contract by its tests.
public struct ContractCoverage: Sendable {
    /// The contract's id.
    public var contract: String
    /// Its decisions, then its branches in file order.
    public var items: [CoverageItem]

    /// How many items are covered.
    public var covered: Int { items.filter(\.covered).count }
    /// The share covered, from 0 to 100; 100 for a contract with nothing to cover.
    public var percent: Double { items.isEmpty ? 100 : Double(covered) * 100 / Double(items.count) }
}

/// Which decisions and branches the passing test cases exercised.
///
/// A decision counts as covered when a passing case asked it; a branch when a passing case's
/// explanation shows it deciding. Failing cases count for nothing: they prove no behaviour.
public enum Coverage {
    /// Coverage of every contract of the rules.
    ///
    /// Compiled branches name their file relative to the rules root; given the file of each contract
    /// (``CompilationResult/contractFiles``), the report names it as it was given, like findings do.
    public static func compute(_ report: TestReport, rules: RuleSet, files: [String: SourceFile] = [:]) -> [ContractCoverage] {
        rules.contracts.map { contract in
            let id = contract.header.id
            let file = files[id]
            let passing = report.outcomes.filter { $0.contract == id && $0.passed }
            let asked = Set(passing.map(\.testCase.decision))
            var hit = Set<Int>()
            for outcome in passing {
                for step in outcome.decision?.explanation ?? [] {
                    if let branch = step.branch { hit.insert(branch) }
                }
            }
            var items = contract.decisions.map {
                CoverageItem(kind: "decision", rule: $0.id, label: $0.id, location: nil, covered: asked.contains($0.id))
            }
            for (index, branch) in contract.branches.enumerated() {
                items.append(
                    CoverageItem(kind: branch.kind.rawValue, rule: branch.rule, label: branch.label,
                                 location: file.map { shown(branch.location, in: $0) } ?? branch.location,
                                 covered: hit.contains(index)))
            }
            return ContractCoverage(contract: id, items: items)
        }
    }

    /// A compiled location, `relative/path.yaml:line:column`, with the file's path as it was given.
    static func shown(_ location: String, in file: SourceFile) -> String {
        guard location.hasPrefix(file.relativePath + ":") else { return location }
        return file.path + location.dropFirst(file.relativePath.count)
    }

    /// The report as text: per contract, every item marked covered or not, and the percentage.
    public static func text(_ coverage: [ContractCoverage]) -> String {
        var out = ""
        for contract in coverage {
            out += "coverage of \(contract.contract): \(format(contract.percent))% (\(contract.covered)/\(contract.items.count))\n"
            for item in contract.items {
                let mark = item.covered ? "  covered  " : "  MISSING  "
                var line = mark + item.kind.padding(toLength: 10, withPad: " ", startingAt: 0)
                line += item.kind == "decision" ? item.label : "\(item.rule): \(item.label)"
                if let location = item.location, !item.covered { line += "  (\(location))" }
                out += line + "\n"
            }
        }
        return out
    }

    public static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
