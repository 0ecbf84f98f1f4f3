/// The flat form of a contract's rules that the evaluator walks: nodes in one array, addressed by
/// index, with their operands, constants and explanation steps in side tables.
///
/// ``Expr`` is the serialisable tree the compiler produces; walking it costs a reference count
/// per node visited (its cases are boxed). This form is derived from it when a contract is built or
/// decoded, and is one immutable object, so a query holds one reference to it and reads plain
/// structs from its arrays.
final class Program: Sendable {
    /// The contract's header, its decisions and definitions, for the evaluator to read in place.
    let header: ContractHeader
    let decisions: [CompiledDecision]
    let definitions: [CompiledDefinition]
    let nodes: [ProgramBuilder.Node]
    let operands: [Int32]
    let constants: [Value]
    let steps: [StepInfo]
    let operations: [BinaryOperation]
    let builtins: [Builtin]
    let aggregates: [Aggregate]
    let branches: [ProgramBuilder.Branch]
    let rows: [ProgramBuilder.Row]
    let tiers: [ProgramBuilder.Tiers]
    let items: [ProgramBuilder.Item]
    let eligibilities: [ProgramBuilder.Eligibility]
    let decisionBodies: [Int32]
    let requirements: [[ProgramBuilder.RequirementRoots]]
    let definitionBodies: [Int32]
    /// Each decision's inputs as a tree of keys, for reading facts from JSON bytes.
    let factLayouts: [FactLayout]

    init(header: ContractHeader, decisions: [CompiledDecision], definitions: [CompiledDefinition]) {
        let built = ProgramBuilder(decisions: decisions, definitions: definitions)
        self.header = header
        self.decisions = decisions
        self.definitions = definitions
        nodes = built.nodes
        operands = built.operands
        constants = built.constants
        steps = built.steps
        operations = built.operations
        builtins = built.builtins
        aggregates = built.aggregates
        branches = built.branches
        rows = built.rows
        tiers = built.tiers
        items = built.items
        eligibilities = built.eligibilities
        decisionBodies = built.decisionBodies
        requirements = built.requirements
        definitionBodies = built.definitionBodies
        factLayouts = decisions.map { FactLayout(inputs: $0.inputs) }
    }
}

/// Lowers the IR trees of a contract into the flat tables of a ``Program``.
struct ProgramBuilder {
    enum Op: UInt8, Sendable {
        case constant, slot, asOf, field, record, list, negate, not, and, or, binary, conditional, coalesce
        case call, aggregate, cases, tiers, eligibility, invoke, noted, bind
    }

    /// One node; the meaning of `a`…`d` depends on `op` (see `lower`).
    struct Node: Sendable {
        var op: Op
        var a: Int32 = -1
        var b: Int32 = -1
        var c: Int32 = -1
        var d: Int32 = -1
    }

    struct Branch: Sendable {
        var condition: Int32
        var value: Int32
        var step: Int32
    }

    struct Row: Sendable {
        var from: Value?
        var to: Value?
        var value: Int32
        var step: Int32
    }

    struct Tiers: Sendable {
        var measure: Int32
        var lowerInclusive: Bool
        var rows: Range<Int>
        var label: String
    }

    struct Item: Sendable {
        var condition: Int32
        var reason: String
        var step: Int32
    }

    struct Eligibility: Sendable {
        var exclusions: Range<Int>
        var grounds: Range<Int>
        var granted: String
        var refused: String
        var noGround: String
        var noGroundStep: Int32
    }

    var nodes: [Node] = []
    /// Operand lists of records, lists, calls and invocations.
    var operands: [Int32] = []
    var constants: [Value] = []
    var steps: [StepInfo] = []
    var operations: [BinaryOperation] = []
    var builtins: [Builtin] = []
    var aggregates: [Aggregate] = []
    var branches: [Branch] = []
    var rows: [Row] = []
    var tiers: [Tiers] = []
    var items: [Item] = []
    var eligibilities: [Eligibility] = []

    /// The root node of each decision's body, in decision order.
    var decisionBodies: [Int32] = []
    /// The roots of a requirement: its condition, and its list for a per-item requirement (else -1).
    struct RequirementRoots: Sendable {
        var condition: Int32
        var list: Int32
    }

    /// Each decision's requirements.
    var requirements: [[RequirementRoots]] = []
    /// The root node of each definition's body.
    var definitionBodies: [Int32] = []

    init(decisions: [CompiledDecision], definitions: [CompiledDefinition]) {
        for decision in decisions {
            decisionBodies.append(lower(decision.body))
            requirements.append(
                decision.requirements.map { requirement in
                    RequirementRoots(condition: lower(requirement.condition), list: requirement.forEach.map { lower($0.list) } ?? -1)
                })
        }
        for definition in definitions { definitionBodies.append(lower(definition.body)) }
    }

    private mutating func append(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    private mutating func step(_ info: StepInfo?) -> Int32 {
        guard let info else { return -1 }
        steps.append(info)
        return Int32(steps.count - 1)
    }

    /// Lowers children first, then the list of their roots, so a list's operands are contiguous.
    private mutating func list(_ exprs: [Expr]) -> (start: Int32, count: Int32) {
        let roots = exprs.map { lower($0) }
        let start = Int32(operands.count)
        operands += roots
        return (start, Int32(roots.count))
    }

    mutating func lower(_ expr: Expr) -> Int32 {
        switch expr {
        case .constant(let value):
            constants.append(value)
            return append(Node(op: .constant, a: Int32(constants.count - 1)))
        case .slot(let slot):
            return append(Node(op: .slot, a: Int32(slot)))
        case .asOf:
            return append(Node(op: .asOf))
        case .field(let base, let index):
            let b = lower(base)
            return append(Node(op: .field, a: b, b: Int32(index)))
        case .record(let fields):
            let (start, count) = list(fields)
            return append(Node(op: .record, a: start, b: count))
        case .list(let items):
            let (start, count) = list(items)
            return append(Node(op: .list, a: start, b: count))
        case .negate(let e):
            let a = lower(e)
            return append(Node(op: .negate, a: a))
        case .not(let e):
            let a = lower(e)
            return append(Node(op: .not, a: a))
        case .and(let l, let r):
            let a = lower(l)
            let b = lower(r)
            return append(Node(op: .and, a: a, b: b))
        case .or(let l, let r):
            let a = lower(l)
            let b = lower(r)
            return append(Node(op: .or, a: a, b: b))
        case .binary(let operation, let l, let r):
            let a = lower(l)
            let b = lower(r)
            operations.append(operation)
            return append(Node(op: .binary, a: a, b: b, c: Int32(operations.count - 1)))
        case .conditional(let condition, let then, let otherwise):
            let a = lower(condition)
            let b = lower(then)
            let c = lower(otherwise)
            return append(Node(op: .conditional, a: a, b: b, c: c))
        case .coalesce(let value, let fallback):
            let a = lower(value)
            let b = lower(fallback)
            return append(Node(op: .coalesce, a: a, b: b))
        case .call(let builtin, let arguments):
            let (start, count) = list(arguments)
            builtins.append(builtin)
            return append(Node(op: .call, a: start, b: count, c: Int32(builtins.count - 1)))
        case .aggregate(let kind, let listExpr, let slot, let body):
            let a = lower(listExpr)
            let b = body.map { lower($0) } ?? -1
            aggregates.append(kind)
            return append(Node(op: .aggregate, a: a, b: b, c: Int32(slot), d: Int32(aggregates.count - 1)))
        case .cases(let caseBranches):
            var lowered: [Branch] = []
            for branch in caseBranches {
                let condition = branch.condition.map { lower($0) } ?? -1
                lowered.append(Branch(condition: condition, value: lower(branch.value), step: step(branch.step)))
            }
            let start = Int32(branches.count)
            branches += lowered
            return append(Node(op: .cases, a: start, b: Int32(lowered.count)))
        case .tiers(let table):
            let measure = lower(table.measure)
            var lowered: [Row] = []
            for row in table.rows {
                lowered.append(Row(from: row.from, to: row.to, value: lower(row.value), step: step(row.step)))
            }
            let start = rows.count
            rows += lowered
            tiers.append(
                Tiers(measure: measure, lowerInclusive: table.boundaries == .lowerInclusive, rows: start..<rows.count,
                      label: table.measureLabel))
            return append(Node(op: .tiers, a: Int32(tiers.count - 1)))
        case .eligibility(let block):
            func lowerItems(_ list: [EligibilityItem]) -> [Item] {
                list.map { Item(condition: lower($0.condition), reason: $0.reason, step: step($0.step)) }
            }
            let exclusions = lowerItems(block.exclusions)
            let grounds = lowerItems(block.grounds)
            let exclusionStart = items.count
            items += exclusions
            let groundStart = items.count
            items += grounds
            eligibilities.append(
                Eligibility(
                    exclusions: exclusionStart..<groundStart, grounds: groundStart..<items.count, granted: block.granted,
                    refused: block.refused, noGround: block.noGround, noGroundStep: step(block.noGroundStep)))
            return append(Node(op: .eligibility, a: Int32(eligibilities.count - 1)))
        case .invoke(let definition, let arguments):
            let (start, count) = list(arguments)
            return append(Node(op: .invoke, a: Int32(definition), b: start, c: count))
        case .noted(let inner, let info):
            let a = lower(inner)
            return append(Node(op: .noted, a: a, b: step(info)))
        case .bind(let slot, let value, let info, let body):
            let b = lower(value)
            let c = step(info)
            let d = lower(body)
            return append(Node(op: .bind, a: Int32(slot), b: b, c: c, d: d))
        }
    }
}
