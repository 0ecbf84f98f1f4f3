import Clausier
import ClausierDiagnostics

/// Finds provisions that set one term to different values with no resolution, and resolutions
/// that give no reason or resolve nothing.
enum TermConflicts {
    static func findings(_ term: TypedTerm) -> [Diagnostic] {
        let values = term.provisions
        let name = term.syntax.name.text
        let distinct = values.reduce(into: [Value]()) { if !$0.contains($1.value) { $0.append($1.value) } }
        guard distinct.count > 1 else {
            guard let prevails = term.syntax.prevails else { return [] }
            return [
                .warning(.conflictingProvisions, "the provisions of '\(name)' agree, so 'prevails' has no effect", at: prevails.location)
            ]
        }
        guard let prevails = term.syntax.prevails else {
            let described = values.map { "\($0.syntax.cites.joined(separator: ", ")) says \($0.syntax.value.text)" }
            return values.enumerated().map { index, entry in
                let others = values.enumerated().filter { $0.offset != index }.map(\.element)
                return .error(
                    .conflictingProvisions,
                    "conflicting provisions for the term '\(name)': \(described.joined(separator: "; "))",
                    at: entry.syntax.location,
                    hints: ["declare which provision prevails and why: 'prevails: <article>' and 'because: <reason>' under the term"],
                    notes: others.map { DiagnosticNote("the other provision (\($0.syntax.cites.joined(separator: ", ")))", at: $0.syntax.location) })
            }
        }
        guard term.syntax.because == nil else { return [] }
        return [
            .warning(.conflictingProvisions, "the resolution of the term '\(name)' gives no reason",
                     at: prevails.location, hints: ["add 'because:' saying why \(prevails.text) prevails"])
        ]
    }
}
