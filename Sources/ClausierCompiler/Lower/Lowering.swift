import Clausier
import ClausierDiagnostics

/// Turns a contract's typed tree into the runtime's IR. The last stage: everything it needs was
/// decided by the checker, so it reports nothing.
///
/// It also writes the source map of the compiled contract: each branch a test can cover, with
/// where it is written, relative to the rules root. Compiled and generated output therefore name
/// no folder of the machine that compiled them.
struct Lowering {
    /// The file the contract is written in, relative to the rules root.
    let file: String
    /// The branches registered so far, in the order they are lowered.
    private(set) var branches: [BranchInfo] = []
    /// The rule being lowered, which owns the branches registered.
    private var rule = ""

    init(file: String) { self.file = file }

    /// The compiled contract; nil when some rule did not check (which the checker reported).
    static func lower(_ contract: TypedContract) -> CompiledContract? {
        var lowering = Lowering(file: contract.syntax.source.relativePath)
        var definitions: [CompiledDefinition] = []
        for definition in contract.definitions {
            guard let compiled = lowering.definition(definition) else { return nil }
            definitions.append(compiled)
        }
        var decisions: [CompiledDecision] = []
        for decision in contract.decisions {
            guard let compiled = lowering.decision(decision) else { return nil }
            decisions.append(compiled)
        }
        return CompiledContract(header: contract.header, decisions: decisions, definitions: definitions, branches: lowering.branches)
    }

    private mutating func definition(_ typed: TypedRule) -> CompiledDefinition? {
        guard let returns = typed.returns, let body = typed.body else { return nil }
        rule = typed.syntax.id.text
        let syntax = typed.syntax
        return CompiledDefinition(
            id: syntax.id.text,
            step: StepInfo(kind: .definition, label: syntax.id.text, because: syntax.title.isEmpty ? nil : syntax.title,
                           citations: syntax.cites, type: returns),
            parameterCount: typed.inputs.count, body: lower(body), frameSize: typed.slotTypes.count,
            slotTypes: typed.slotTypes, parameterNames: typed.inputs.map(\.name))
    }

    private mutating func decision(_ typed: TypedRule) -> CompiledDecision? {
        guard let returns = typed.returns, let body = typed.body else { return nil }
        rule = typed.syntax.id.text
        let requirements = typed.requirements.map { requirement in
            Requirement(
                condition: lower(requirement.condition), fact: requirement.syntax.fact.text,
                message: requirement.syntax.message.text,
                forEach: requirement.forEach.flatMap { each in
                    requirement.syntax.forEach.map {
                        Requirement.ForEach(list: lower(each.list), itemSlot: each.itemSlot, listName: $0.list.text, itemName: $0.item.text)
                    }
                })
        }
        return CompiledDecision(
            id: typed.syntax.id.text, title: typed.syntax.title, citations: typed.syntax.cites, inputs: typed.inputs,
            requirements: requirements, body: lower(body), resultType: returns, frameSize: typed.slotTypes.count,
            slotTypes: typed.slotTypes)
    }

    /// The `let` bindings and the value as one expression: each binding a `bind` around the rest.
    private mutating func lower(_ body: (lets: [TypedBinding], value: Typed)) -> Expr {
        let bindings = body.lets.map { binding in
            (binding, lower(binding.value))
        }
        var expr = lower(body.value)
        for (binding, value) in bindings.reversed() {
            let step = StepInfo(kind: .value, label: binding.name, because: nil, citations: [], type: binding.value.type)
            expr = .bind(slot: binding.slot, value: value, step: step, body: expr)
        }
        return expr
    }

    /// Registers a branch for coverage and returns its explanation step.
    private mutating func step(
        _ kind: StepKind, _ label: String, _ provenance: Provenance, _ type: ValueType, at location: SourceLocation
    ) -> StepInfo {
        let place = SourceLocation(file: file, line: location.line, column: location.column)
        branches.append(BranchInfo(rule: rule, kind: kind, label: label, location: place.description))
        return StepInfo(
            kind: kind, label: label, because: provenance.because, citations: provenance.cites, type: type,
            branch: branches.count - 1)
    }

    mutating func lower(_ typed: Typed) -> Expr {
        switch typed.expr {
        case .constant(let value): return .constant(value)
        case .slot(let slot): return .slot(slot)
        case .asOf: return .asOf
        case .field(let base, let index): return .field(lower(base), index)
        case .record(let fields): return .record(fields.map { lower($0) })
        case .list(let items): return .list(items.map { lower($0) })
        case .negate(let operand): return .negate(lower(operand))
        case .not(let operand): return .not(lower(operand))
        case .and(let l, let r): return .and(lower(l), lower(r))
        case .or(let l, let r): return .or(lower(l), lower(r))
        case .binary(let operation, let l, let r): return .binary(operation, lower(l), lower(r))
        case .conditional(let c, let t, let e): return .conditional(lower(c), lower(t), lower(e))
        case .coalesce(let l, let r): return .coalesce(lower(l), lower(r))
        case .call(let builtin, let arguments): return .call(builtin, arguments.map { lower($0) })
        case .aggregate(let kind, let list, let slot, let body):
            return .aggregate(kind, list: lower(list), slot: slot, body: body.map { lower($0) })
        case .invoke(let definition, let arguments):
            return .invoke(definition: definition, arguments: arguments.map { lower($0) })
        case .term(let value, let step):
            return .noted(.constant(value), step)
        case .cases(let block):
            return .cases(
                block.branches.map { branch in
                    let condition = branch.condition.map { lower($0) }
                    let value = lower(branch.value)
                    return CaseBranch(
                        condition: condition, value: value,
                        step: step(branch.kind, branch.label, branch.syntax.provenance, typed.type, at: branch.syntax.location))
                })
        case .tiers(let table):
            let measure = lower(table.measure)
            let rows = table.rows.map { row in
                let value = lower(row.value)
                return TierRow(
                    from: row.from, to: row.to, value: value,
                    step: step(.tier, "\(table.syntax.of.text) in \(row.label)", row.provenance, typed.type, at: row.syntax.location))
            }
            return .tiers(TierTable(measure: measure, boundaries: table.boundaries, rows: rows, measureLabel: table.syntax.of.text))
        case .eligibility(let block):
            func items(_ items: [TypedEligibilityItem], _ kind: StepKind) -> [EligibilityItem] {
                items.map { item in
                    EligibilityItem(
                        condition: lower(item.condition), reason: item.syntax.reason.text,
                        step: step(kind, item.syntax.reason.text, item.syntax.provenance, block.outcomeType, at: item.syntax.location))
                }
            }
            let exclusions = items(block.exclusions, .exclusion)
            let grounds = items(block.grounds, .ground)
            let syntax = block.syntax
            return .eligibility(
                Eligibility(
                    exclusions: exclusions, grounds: grounds, granted: syntax.granted.text, refused: syntax.refused.text,
                    noGround: syntax.noGround.text,
                    noGroundStep: step(.noGround, syntax.noGround.text, syntax.provenance, block.outcomeType, at: syntax.noGround.location)))
        }
    }
}
