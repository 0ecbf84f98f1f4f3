/// Lowers the IR trees of a contract into the flat tables of a ``Program``.
///
/// `.invoke` nodes (only where definitions call each other in a cycle; other calls are lowered in
/// place, see `inline`): `a` the definition, `b`…`b + c` its arguments in `arguments`, `d` the size
/// of the callee's frame.
struct ProgramBuilder {
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
    /// Each decision's requirements.
    var requirements: [[RequirementRoots]] = []
    /// The root node of each definition's body.
    var definitionBodies: [Int32] = []
    var arguments: [Argument] = []

    /// For each definition, for each parameter read only through its fields, the first of the
    /// slots its fields are spread into and how many there are.
    private var spreads: [[Int: (base: Int, count: Int)]] = []
    /// Each definition's frame size, spread fields included.
    private var definitionFrameSizes: [Int] = []
    /// The spread parameters of the definition being lowered.
    private var currentSpreads: [Int: (base: Int, count: Int)] = [:]

    /// Whether no definition calls itself, directly or not (the compiler refuses that; decoded
    /// rules might not): then every call is lowered in place (see `inline`).
    private var acyclic = false
    /// The first slot of the frame being lowered not yet given to a definition lowered in place.
    ///
    /// Each call site gets slots of its own, never shared: an argument may itself be a call,
    /// computed while the first call's arguments are being bound.
    private var regionTop = 0

    /// Where a definition's slots are while its body is lowered in place of a call (see `inline`).
    private struct InlineContext {
        /// Parameters read in place: the caller's slot holding the argument.
        var parameters: [Int: Int]
        /// Parameters passed as record literals and read field by field: the slot of each field.
        var fields: [Int: [Int]]
        /// The callee's slot 0 in the caller's frame; its other slots follow.
        var base: Int
    }

    private var inlined: InlineContext?

    /// A slot of the expression being lowered, in the frame it is lowered into.
    private func frameSlot(_ slot: Int) -> Int {
        guard let inlined else { return slot }
        return inlined.parameters[slot] ?? inlined.base + slot
    }
    /// Each decision's frame size, with the slots of the definitions lowered in place in it.
    var decisionFrameSizes: [Int] = []
    /// The contract's definitions, to lower their bodies in place of calls.
    private var definitions: [CompiledDefinition] = []

    init(decisions: [CompiledDecision], definitions: [CompiledDefinition]) {
        self.definitions = definitions
        for definition in definitions {
            var found: [Int: (base: Int, count: Int)] = [:]
            var size = max(definition.frameSize, 0)
            for parameter in 0..<max(definition.parameterCount, 0) {
                guard let count = Self.fieldsRead(of: parameter, in: definition.body) else { continue }
                found[parameter] = (size, count)
                size += count
            }
            spreads.append(found)
            definitionFrameSizes.append(size)
        }
        acyclic = Self.callsFormNoCycle(definitions)
        for decision in decisions {
            regionTop = max(decision.frameSize, 0)
            decisionBodies.append(lower(decision.body))
            requirements.append(
                decision.requirements.map { requirement in
                    RequirementRoots(condition: lower(requirement.condition), list: requirement.forEach.map { lower($0.list) } ?? -1)
                })
            decisionFrameSizes.append(regionTop)
        }
        for (index, definition) in definitions.enumerated() {
            currentSpreads = spreads[index]
            regionTop = definitionFrameSizes[index]
            definitionBodies.append(lower(definition.body))
        }
        currentSpreads = [:]
    }

    /// Lowers a call as the definition's body in place, in the caller's frame, when definitions do
    /// not call each other in a cycle: no frame to fill, no arguments to copy, no call.
    ///
    /// Each argument is computed once, in order, before the body, as a call computes it: an
    /// argument that is a slot read is read in place; any other is bound to a slot of the callee's
    /// region of the caller's frame, as are the callee's own bindings. A record literal passed to a
    /// parameter read field by field is taken apart the same way, field by field, every field still
    /// computed. The definition's step is recorded after its body, as a call records it.
    private mutating func inline(_ definition: Int, _ given: [Expr]) -> Int32 {
        let callee = definitions[definition]
        let base = regionTop
        regionTop += max(callee.frameSize, given.count, 0)
        var bindings: [(slot: Int, value: Int32)] = []
        var parameters: [Int: Int] = [:]
        var fields: [Int: [Int]] = [:]
        func readInPlace(_ node: Int32) -> Int? { nodes[Int(node)].op == .slot ? Int(nodes[Int(node)].a) : nil }
        for (position, argument) in given.enumerated() {
            // Read in place only what the body never writes, so that the caller's slot stays as it was.
            let written = Self.writes(position, in: callee.body)
            if !written, let count = spreads[definition][position]?.count, case .record(let items) = argument, items.count >= count {
                var slots: [Int] = []
                for (index, item) in items.enumerated() {
                    let value = lower(item)
                    if index < count, let slot = readInPlace(value) {
                        slots.append(slot)
                        continue
                    }
                    // Computed, bound, and read there (or, past what the body reads, only computed).
                    let slot = regionTop
                    regionTop += 1
                    bindings.append((slot, value))
                    if index < count { slots.append(slot) }
                }
                fields[position] = slots
                continue
            }
            let value = lower(argument)
            if !written, let slot = readInPlace(value) {
                parameters[position] = slot
            } else {
                parameters[position] = base + position
                bindings.append((base + position, value))
            }
        }
        let saved = (inlined, currentSpreads)
        inlined = InlineContext(parameters: parameters, fields: fields, base: base)
        currentSpreads = [:]
        let body = lower(callee.body)
        (inlined, currentSpreads) = saved
        steps.append(callee.step)
        var root = append(Node(op: .noted, a: body, b: Int32(steps.count - 1)))
        for binding in bindings.reversed() {
            root = append(Node(op: .bind, a: Int32(binding.slot), b: binding.value, c: -1, d: root))
        }
        return root
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
            return append(Node(op: .slot, a: Int32(frameSlot(slot))))
        case .asOf:
            return append(Node(op: .asOf))
        case .field(.slot(let slot), let index) where inlined?.fields[slot]?.indices.contains(index) == true:
            // A field of a record literal passed to a definition lowered in place: read where it lies.
            return append(Node(op: .slot, a: Int32(inlined?.fields[slot]?[index] ?? 0)))
        case .field(.slot(let slot), let index) where currentSpreads[slot] != nil && index >= 0:
            // A spread parameter: its field is a slot of its own.
            let base = currentSpreads[slot]?.base ?? 0
            return append(Node(op: .slot, a: Int32(base + index)))
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
            return append(Node(op: .aggregate, a: a, b: b, c: Int32(frameSlot(slot)), d: Int32(aggregates.count - 1)))
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
                var lowRow = Row(from: row.from, to: row.to, value: lower(row.value), step: step(row.step))
                let from = row.from.map(TierKey.of)
                let to = row.to.map(TierKey.of)
                // Integer bounds only when every bound there is has the one kind.
                if let kind = from?.0 ?? to?.0, kind != .none, from.map({ $0.0 == kind }) ?? true, to.map({ $0.0 == kind }) ?? true {
                    lowRow.keyKind = kind
                    lowRow.fromKey = from?.1 ?? 0
                    lowRow.toKey = to?.1 ?? 0
                    lowRow.hasFrom = from != nil
                    lowRow.hasTo = to != nil
                }
                lowered.append(lowRow)
            }
            let start = rows.count
            rows += lowered
            tiers.append(
                Tiers(measure: measure, lowerInclusive: table.boundaries == .lowerInclusive, rows: start..<rows.count,
                      label: table.measureLabel))
            return append(Node(op: .tiers, a: Int32(tiers.count - 1)))
        case .eligibility(let block):
            func lowerItems(_ list: [EligibilityItem], outcome: String) -> [Item] {
                list.map {
                    Item(condition: lower($0.condition), reason: $0.reason, step: step($0.step),
                         outcome: .record([.name(outcome), .name($0.reason)]))
                }
            }
            let exclusions = lowerItems(block.exclusions, outcome: block.refused)
            let grounds = lowerItems(block.grounds, outcome: block.granted)
            let exclusionStart = items.count
            items += exclusions
            let groundStart = items.count
            items += grounds
            eligibilities.append(
                Eligibility(
                    exclusions: exclusionStart..<groundStart, grounds: groundStart..<items.count, granted: block.granted,
                    refused: block.refused, noGround: block.noGround, noGroundStep: step(block.noGroundStep),
                    noGroundOutcome: .record([.name(block.refused), .name(block.noGround)])))
            return append(Node(op: .eligibility, a: Int32(eligibilities.count - 1)))
        case .invoke(let definition, let given) where acyclic && definitions.indices.contains(definition):
            return inline(definition, given)
        case .invoke(let definition, let given):
            // Arguments are lowered in order (and a record literal's fields in order), so they are
            // computed, and fail, in the order the tree says.
            let spread = spreads.indices.contains(definition) ? spreads[definition] : [:]
            var lowered: [Argument] = []
            var size = definitionFrameSizes.indices.contains(definition) ? definitionFrameSizes[definition] : 0
            for (position, argument) in given.enumerated() {
                size = max(size, position + 1)
                guard let (base, count) = spread[position] else {
                    lowered.append(Argument(expr: lower(argument), slot: Int32(position), spread: -1))
                    continue
                }
                if case .record(let fields) = argument, fields.count >= count {
                    for (index, field) in fields.enumerated() {
                        lowered.append(Argument(expr: lower(field), slot: index < count ? Int32(base + index) : -1, spread: -1))
                    }
                } else {
                    lowered.append(Argument(expr: lower(argument), slot: Int32(base), spread: Int32(count)))
                }
            }
            let start = Int32(arguments.count)
            arguments += lowered
            return append(Node(op: .invoke, a: Int32(definition), b: start, c: Int32(lowered.count), d: Int32(size)))
        case .noted(let inner, let info):
            let a = lower(inner)
            return append(Node(op: .noted, a: a, b: step(info)))
        case .bind(let slot, let value, let info, let body):
            let b = lower(value)
            let c = step(info)
            let d = lower(body)
            return append(Node(op: .bind, a: Int32(frameSlot(slot)), b: b, c: c, d: d))
        }
    }
}
