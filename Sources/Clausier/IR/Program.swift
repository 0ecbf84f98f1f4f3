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
    /// The arguments of every call, addressed by `.invoke` nodes.
    let arguments: [ProgramBuilder.Argument]
    /// Each decision's inputs as typed facts are checked on the fast path, in input order.
    let inputChecks: [[InputCheck]]
    /// Each decision's frame size, with the slots of the definitions lowered in place in it (see `ProgramBuilder.inline`).
    let frameSizes: [Int]

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
        arguments = built.arguments
        inputChecks = decisions.map { $0.inputs.map(InputCheck.init) }
        frameSizes = built.decisionFrameSizes
    }
}
