import Clausier
import ClausierDiagnostics

/// A named intermediate value of a rule (`let:`), checked.
struct TypedBinding {
    /// Its name.
    var name: String
    /// The frame slot it is stored in.
    var slot: Int
    /// Its value.
    var value: Typed
}

/// A requirement on the facts (`require:`), checked.
struct TypedRequirement {
    /// What must hold.
    var condition: Typed
    /// The list it is checked for each item of, with the item's slot.
    var forEach: (list: Typed, itemSlot: Int)?
    /// The requirement as written.
    var syntax: RequireSyntax
}

/// A decision or a definition, checked.
///
/// Parts that did not check are left out (`value` is nil when the answer did not), so that the
/// analyses still read what did; a rule with an error is never lowered.
struct TypedRule {
    /// The rule as written.
    var syntax: RuleSyntax
    /// The declared result type, when it resolved.
    var returns: ValueType?
    /// The inputs (decisions) or parameters (definitions) that resolved, with their slots.
    var inputs: [InputSpec]
    /// The requirements that checked (decisions only).
    var requirements: [TypedRequirement]
    /// The `let` bindings that checked, in order.
    var lets: [TypedBinding]
    /// The answer, when it checked.
    var value: Typed?
    /// The type of each frame slot, in slot order.
    var slotTypes: [ValueType]
    /// Whether every part checked.
    var isComplete: Bool

    /// The answer with its bindings, when the rule is complete.
    var body: (lets: [TypedBinding], value: Typed)? {
        guard isComplete, let value else { return nil }
        return (lets, value)
    }
}

/// One provision's value of a contract term.
struct TypedProvision {
    var syntax: ProvisionSyntax
    var value: Value
    var type: ValueType
}

/// A contract term, checked: each provision's value, and the one that holds.
struct TypedTerm {
    /// The term as written.
    var syntax: TermSyntax
    /// Each provision's value, in order.
    var provisions: [TypedProvision]
    /// The value that holds and the step naming its provision; nil while provisions conflict unresolved.
    var resolved: Typed?
}

/// A contract, checked: what the analyses read and lowering turns into a ``CompiledContract``.
struct TypedContract {
    /// The contract as written.
    var syntax: ContractSyntax
    /// The header, resolved.
    var header: ContractHeader
    /// The terms, in order.
    var terms: [TypedTerm]
    /// The definitions whose signature resolved, in index order.
    var definitions: [TypedRule]
    /// The decisions, in order, duplicates left out.
    var decisions: [TypedRule]
}
