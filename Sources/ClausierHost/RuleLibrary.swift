import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Synchronization

/// Rules loaded from rule files, which operations can reload while the host serves queries.
///
/// A reload compiles the files anew and replaces the rules only if they check clean; otherwise the
/// rules in service stay, and the findings are returned. Replacing is atomic: a query takes the
/// ``current`` rule set once and completes on it, whatever reloads happen meanwhile, because a
/// ``RuleSet`` is an immutable value.
public final class RuleLibrary: Sendable {
    /// The rules in service and how many times they were replaced.
    public struct Snapshot: Sendable {
        /// The compiled rules.
        public let rules: RuleSet
        /// 1 for the rules loaded first, then one more for each reload that replaced them.
        public let generation: Int
    }

    /// What a reload did.
    public enum ReloadOutcome: Sendable {
        /// The new rules checked clean and now serve; the findings are warnings, if any.
        case replaced(generation: Int, warnings: [Diagnostic])
        /// The new rules have errors; the previous rules keep serving.
        case rejected(keptGeneration: Int, diagnostics: [Diagnostic])
    }

    /// Why the first load failed.
    public struct LoadError: Error, Sendable {
        /// The findings; at least one is an error.
        public let diagnostics: [Diagnostic]
    }

    /// The rule files or directories the rules are read from.
    public let paths: [String]
    private let state: Mutex<Snapshot>
    /// Serialises reloads, so that two reloads cannot finish in the opposite order to their start.
    private let reloading = Mutex<Void>(())

    /// Loads the rules; they must check clean.
    public init(paths: [String]) throws(LoadError) {
        let result = Compiler.compile(paths: paths)
        guard let rules = result.ruleSet else { throw LoadError(diagnostics: result.diagnostics) }
        self.paths = paths
        self.state = Mutex(Snapshot(rules: rules, generation: 1))
    }

    /// Serves rules compiled elsewhere (precompiled, say); `reload()` then reads `paths`.
    public init(rules: RuleSet, paths: [String] = []) {
        self.paths = paths
        self.state = Mutex(Snapshot(rules: rules, generation: 1))
    }

    /// The rules in service now. Take it once per query.
    public var current: Snapshot { state.withLock { $0 } }

    /// Compiles the rule files again and, if they check clean, puts them in service.
    @discardableResult
    public func reload() -> ReloadOutcome {
        reloading.withLock { _ in
            let result = Compiler.compile(paths: paths)
            guard let rules = result.ruleSet else {
                return .rejected(keptGeneration: current.generation, diagnostics: result.diagnostics)
            }
            let generation = state.withLock { snapshot in
                snapshot = Snapshot(rules: rules, generation: snapshot.generation + 1)
                return snapshot.generation
            }
            return .replaced(generation: generation, warnings: result.diagnostics)
        }
    }

    /// Answers a decision on the rules in service.
    public func evaluate(
        contract: String, decision: String, facts: JSONValue, asOf: CivilDate, explain: Bool = true
    ) throws(EvaluationError) -> Decision {
        try current.rules.evaluate(contract: contract, decision: decision, facts: facts, asOf: asOf, explain: explain)
    }
}
