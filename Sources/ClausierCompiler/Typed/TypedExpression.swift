import Clausier

/// A checked expression: every name resolved to a frame slot, a field index, a term or a
/// definition, every operation chosen for its operand types, and the type of the value, unit
/// included (`money(EUR)`, `period(business_days)`).
///
/// This is what the checker hands on: the analyses read it, and lowering turns it into the
/// runtime's ``Expr`` without deciding anything. `syntax` is the expression it was checked from,
/// when it comes from one, so that analyses can name sub-expressions as the editor wrote them.
struct Typed {
    /// What the expression computes.
    var expr: TypedExpr
    /// The type of its value.
    var type: ValueType
    /// The expression as written; nil for values built from YAML structure (cases, records, lists).
    var syntax: ExpressionSyntax?

    init(expr: TypedExpr, type: ValueType, syntax: ExpressionSyntax? = nil) {
        self.expr = expr
        self.type = type
        self.syntax = syntax
    }

    /// The same computation seen as another type, which needs no change of representation.
    func retyped(_ type: ValueType) -> Typed {
        Typed(expr: expr, type: type, syntax: syntax)
    }

    /// The constant value, when the expression is one (an `int` converted to `decimal` included).
    var constantValue: Value? {
        switch expr {
        case .constant(let value): value
        case .call(.toDecimal, let args):
            if args.count == 1, case .constant(.int(let i)) = args[0].expr { .decimal(FixedDecimal(i)) } else { nil }
        default: nil
        }
    }
}

/// The operations of a checked expression; the same shapes as the runtime's ``Expr``, with
/// typed operands and the rule structures (cases, tiers, exclusions over grounds) kept with
/// their syntax for the analyses.
indirect enum TypedExpr {
    case constant(Value)
    case slot(Int)
    case asOf
    case field(Typed, Int)
    case record([Typed])
    case list([Typed])
    case negate(Typed)
    case not(Typed)
    case and(Typed, Typed)
    case or(Typed, Typed)
    case binary(BinaryOperation, Typed, Typed)
    case conditional(Typed, Typed, Typed)
    case coalesce(Typed, Typed)
    case call(Builtin, [Typed])
    case aggregate(Aggregate, list: Typed, slot: Int, body: Typed?)
    case cases(TypedCases)
    case tiers(TypedTiers)
    case eligibility(TypedEligibility)
    case invoke(definition: Int, arguments: [Typed])
    /// A contract term: its value, and the step naming the provision that set it.
    case term(Value, StepInfo)
}

extension Typed {
    /// Calls `body` on each expression directly inside this one, in the order they are written.
    func forEachChild(_ body: (Typed) -> Void) {
        switch expr {
        case .constant, .slot, .asOf, .term:
            return
        case .field(let e, _), .negate(let e), .not(let e):
            body(e)
        case .record(let items), .list(let items), .call(_, let items), .invoke(_, let items):
            items.forEach(body)
        case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b), .coalesce(let a, let b):
            body(a)
            body(b)
        case .conditional(let a, let b, let c):
            body(a)
            body(b)
            body(c)
        case .aggregate(_, let list, _, let item):
            body(list)
            if let item { body(item) }
        case .cases(let block):
            for branch in block.branches {
                if let condition = branch.condition { body(condition) }
                body(branch.value)
            }
        case .tiers(let table):
            body(table.measure)
            for row in table.rows { body(row.value) }
        case .eligibility(let block):
            for item in block.exclusions + block.grounds { body(item.condition) }
        }
    }

    /// Calls `visit` on this expression and every expression inside it, depth first.
    func walk(_ visit: (Typed) -> Void) {
        var stack = [self]
        while let next = stack.popLast() {
            visit(next)
            next.forEachChild { stack.append($0) }
        }
    }
}

/// What a definition looks like from a call site.
struct DefinitionSignature {
    var index: Int
    var name: String
    var parameters: [(name: String, type: ValueType)]
    var returns: ValueType
}
