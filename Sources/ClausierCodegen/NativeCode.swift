import Clausier

/// A Swift expression and the rule type of its value.
struct NativeCode {
    var text: String
    var type: ValueType
    /// A name or a literal: repeating it evaluates nothing twice, and it needs no parentheses.
    var isSimple: Bool
    /// For a name written in the rules, the name: it becomes a case of the enum its context needs.
    var nameLiteral: String? = nil

    /// The text, parenthesised unless it is simple, to be an operand.
    var operand: String { isSimple ? text : "(\(text))" }
}
