import Clausier
import ClausierDiagnostics

/// The analyses of a checked contract: findings about rules that mean something, but perhaps not
/// what the contract says (branches that never apply, cases that leave facts uncovered, tiers that
/// go down, provisions in conflict, inputs never read, articles not cited, amounts never rounded).
///
/// They read the typed tree only, and what did not check is not analysed (the checker reported it).
enum ContractAnalysis {
    /// Every finding of the analyses, in the order of the contract.
    static func findings(_ contract: TypedContract) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for term in contract.terms { diagnostics += TermConflicts.findings(term) }
        for definition in contract.definitions {
            diagnostics += rule(definition, what: "definition")
        }
        for decision in contract.decisions {
            diagnostics += rule(decision, what: "decision")
            diagnostics += RuleFindings.unusedInputs(decision)
        }
        if let rounding = RuleFindings.undeclaredRounding(contract) { diagnostics.append(rounding) }
        return diagnostics
    }

    private static func rule(_ rule: TypedRule, what: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let missing = RuleFindings.missingCitation(rule.syntax, what: what) { diagnostics.append(missing) }
        for binding in rule.lets { structures(in: binding.value, into: &diagnostics) }
        if let value = rule.value { structures(in: value, into: &diagnostics) }
        return diagnostics
    }

    /// The findings of the cases, tiers, and exclusions over grounds inside an expression, outer ones first.
    private static func structures(in typed: Typed, into diagnostics: inout [Diagnostic]) {
        switch typed.expr {
        case .cases(let block):
            for branch in block.branches {
                let what = branch.condition == nil ? "this 'otherwise'" : "this case"
                if let uncited = RuleFindings.uncitedBranch(branch.syntax.provenance, what: what, at: branch.syntax.location) {
                    diagnostics.append(uncited)
                }
                structures(in: branch.value, into: &diagnostics)
            }
            diagnostics += BranchCoverage.findings(block)
        case .tiers(let table):
            for row in table.rows {
                structures(in: row.value, into: &diagnostics)
                if let uncited = RuleFindings.uncitedBranch(row.provenance, what: "this tier row", at: row.syntax.location) {
                    diagnostics.append(uncited)
                }
            }
            diagnostics += TierValues.findings(table)
        case .eligibility(let block):
            for item in block.exclusions + block.grounds {
                let what = "this exclusion or ground"
                if let uncited = RuleFindings.uncitedBranch(item.syntax.provenance, what: what, at: item.syntax.location) {
                    diagnostics.append(uncited)
                }
            }
            diagnostics += BranchCoverage.findings(block)
        default:
            // Structures come from the rule file's YAML, never from inside an expression: only values built
            // from YAML (records, lists) can hold them.
            guard typed.syntax == nil else { return }
            typed.forEachChild { structures(in: $0, into: &diagnostics) }
        }
    }
}

/// Finds tier rows whose value goes down while the measure goes up, unless the row says why.
enum TierValues {
    static func findings(_ table: TypedTiers) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: Value?
        for row in table.rows {
            guard case .constant(let current) = row.value.expr else {
                previous = nil
                continue
            }
            if let previous, let order = Value.order(current, previous), order < 0, row.syntax.provenance.because == nil {
                diagnostics.append(
                    .warning(.decreasingTiers,
                             "this row's value \(Cell.text(current)) is below the previous row's \(Cell.text(previous)), although the measure goes up",
                             at: row.syntax.location,
                             hints: ["a penalty or rate that goes down as the measure goes up is usually a typo; if the contract says so, keep it and explain it in 'because:'"]))
            }
            previous = current
        }
        return diagnostics
    }
}
