import Clausier
import ClausierDiagnostics

/// Findings about whole rules: articles not cited, inputs never read, amounts never rounded.
enum RuleFindings {
    /// A decision or definition that cites no article.
    static func missingCitation(_ rule: RuleSyntax, what: String) -> Diagnostic? {
        guard rule.cites.isEmpty else { return nil }
        return .warning(
            .missingCitation, "the \(what) '\(rule.id.text)' cites no article of the contract", at: rule.id.location,
            hints: ["add 'cites:' with the article it encodes, such as 'cites: art. 11'"])
    }

    /// A branch that cites no article.
    static func uncitedBranch(_ provenance: Provenance, what: String, at location: SourceLocation) -> Diagnostic? {
        guard provenance.cites.isEmpty else { return nil }
        return .warning(
            .branchWithoutCitation, "\(what) cites no article of the contract", at: location,
            hints: ["add 'cites:' with the article that sets it, so explanations can cite it"])
    }

    /// The inputs a complete decision never reads, unless the rule file says why (`unused:`).
    static func unusedInputs(_ decision: TypedRule) -> [Diagnostic] {
        guard let body = decision.body else { return [] }
        var read = Set<Int>()
        func collect(_ typed: Typed) {
            typed.walk { if case .slot(let slot) = $0.expr { read.insert(slot) } }
        }
        body.lets.forEach { collect($0.value) }
        collect(body.value)
        for requirement in decision.requirements {
            collect(requirement.condition)
            if let each = requirement.forEach { collect(each.list) }
        }
        var diagnostics: [Diagnostic] = []
        for input in decision.inputs where !read.contains(input.slot) {
            guard let syntax = decision.syntax.inputs.first(where: { $0.name.text == input.name }), syntax.unusedBecause == nil
            else { continue }
            diagnostics.append(
                .warning(.unusedInput, "the input '\(input.name)' is never used by the decision '\(decision.syntax.id.text)'",
                         at: syntax.name.location,
                         hints: [
                             "use it in the rule, or remove it",
                             "if the catalogue fixes this input but the contract makes it irrelevant, say why: {type: \(input.type), unused: <reason>}",
                         ]))
        }
        return diagnostics
    }

    /// A contract that answers amounts with fractions of a cent but does not say how they are rounded.
    static func undeclaredRounding(_ contract: TypedContract) -> Diagnostic? {
        guard contract.syntax.header.fields["rounding"] == nil else { return nil }
        let first = contract.decisions.first { decision in
            guard let returns = decision.returns, returns.containsMoney, let body = decision.body else { return false }
            return body.lets.contains { mayHaveFractionsOfACent($0.value) } || mayHaveFractionsOfACent(body.value)
        }
        guard let first else { return nil }
        return .warning(
            .roundingUndeclared,
            "the decision '\(first.syntax.id.text)' answers an amount that can have fractions of a cent, but the contract does not declare how it is rounded",
            at: contract.syntax.header.location,
            hints: ["add 'rounding: half_away_from_zero' (or half_even, up, down, ceiling, floor) to the contract header"])
    }

    /// Whether the expression multiplies or divides money, or calls a definition that may.
    private static func mayHaveFractionsOfACent(_ typed: Typed) -> Bool {
        var found = false
        typed.walk {
            if case .binary(let op, _, _) = $0.expr, op == .multiplyMoney || op == .divideMoney { found = true }
            if case .invoke = $0.expr { found = true }
        }
        return found
    }
}

extension ValueType {
    /// Whether a value of this type holds money somewhere.
    var containsMoney: Bool {
        switch self {
        case .money: true
        case .optional(let t), .list(let t): t.containsMoney
        case .record(let fields): fields.contains { $0.type.containsMoney }
        default: false
        }
    }
}
