import Clausier
import ClausierDiagnostics

/// Finds branches that can never apply, and `cases` without `otherwise` that leave some facts to
/// no case, with an example of such facts.
enum BranchCoverage {
    /// The findings of a `cases` block.
    static func findings(_ block: TypedCases) -> [Diagnostic] {
        var abstraction = ConditionAbstraction()
        var conditions: [(condition: Condition, location: SourceLocation)] = []
        for branch in block.branches {
            if let condition = branch.condition { conditions.append((abstraction.abstract(condition), branch.syntax.location)) }
        }
        return findings(
            conditions, domains: abstraction.domains, hasOtherwise: block.branches.last?.condition == nil, at: block.location)
    }

    /// The findings of exclusions over grounds, which are tried in order like cases; `no_ground` is their otherwise.
    static func findings(_ block: TypedEligibility) -> [Diagnostic] {
        var abstraction = ConditionAbstraction()
        let conditions = (block.exclusions + block.grounds).map { item in
            (condition: abstraction.abstract(item.condition), location: item.syntax.location)
        }
        return findings(
            conditions, domains: abstraction.domains, hasOtherwise: true, at: block.syntax.location, what: "exclusion or ground",
            whatPlural: "exclusions and grounds")
    }

    private static func findings(
        _ conditions: [(condition: Condition, location: SourceLocation)], domains: [String: Domain], hasOtherwise: Bool,
        at location: SourceLocation, what: String = "case", whatPlural: String = "cases"
    ) -> [Diagnostic] {
        guard let cells = ConditionSpace.cells(for: conditions.map(\.condition), domains: domains) else {
            guard !hasOtherwise else { return [] }
            return [
                .error(.casesWithoutOtherwise, "these cases have no 'otherwise', and whether they cover every case cannot be shown",
                       at: location, hints: ["add a last case '- otherwise: <value>' saying what holds when no condition does"])
            ]
        }
        var diagnostics: [Diagnostic] = []
        for (index, entry) in conditions.enumerated() {
            let reachable = cells.contains { cell in
                cell.holds(entry.condition) && !conditions[..<index].contains { cell.holds($0.condition) }
            }
            if !reachable {
                let message = index == 0
                    ? "this \(what) can never apply: its condition never holds"
                    : "this \(what) can never apply: the \(whatPlural) before it take every fact it matches"
                diagnostics.append(
                    .warning(.unreachableBranch, message, at: entry.location,
                             hints: ["put the more specific \(what) first, or correct the condition"]))
            }
        }
        if !hasOtherwise, let uncovered = cells.first(where: { cell in !conditions.contains { cell.holds($0.condition) } }) {
            let example = uncovered.description
            diagnostics.append(
                .error(.casesWithoutOtherwise,
                       "these cases have no 'otherwise' and do not cover every case" + (example.isEmpty ? "" : ": for example \(example)"),
                       at: location, hints: ["add the missing case, or a last case '- otherwise: <value>'"]))
        }
        return diagnostics
    }
}
