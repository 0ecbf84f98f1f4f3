/// The slots of one frame: a decision's inputs and bindings, or a definition's parameters and bindings.
///
/// A buffer rather than an array, so that a query allocates no frame: a decision's frame lives on
/// the stack (typed facts) or is lent by the thread's scratch memory (JSON facts, which the decoder
/// writes into an array); a definition is lowered in place in its caller's frame, or, when
/// definitions call each other in a cycle, called with a frame on the stack. Writes go through the buffer, with no copy-on-write check.
typealias Frame = UnsafeMutableBufferPointer<Value>

extension UnsafeMutableBufferPointer where Element == Value {
    /// Initialises every slot to `.absent`, storing the case directly rather than copying a value
    /// through the generic `initialize(repeating:)`.
    func initializeAbsent() {
        guard let base = baseAddress else { return }
        for index in 0..<count { (base + index).initialize(to: .absent) }
    }

    /// Sets every slot back to `.absent`, destroying only values that hold a reference.
    func resetToAbsent() {
        guard let base = baseAddress else { return }
        for index in 0..<count {
            switch base[index] {
            case .absent: continue
            case .name, .list, .record: base[index] = .absent
            // Nothing to release: the slot is overwritten as it is.
            default: (base + index).initialize(to: .absent)
            }
        }
    }

    /// Deinitialises every slot, destroying only values that hold a reference (names, lists,
    /// records): the others own nothing, and the generic `deinitialize()` would destroy each one
    /// through a call. A new case of `Value` holding a reference must be added here and in
    /// `resetToAbsent`.
    func deinitializeValues() {
        guard let base = baseAddress else { return }
        for index in 0..<count {
            switch base[index] {
            case .name, .list, .record: (base + index).deinitialize(count: 1)
            default: continue
            }
        }
    }
}

/// Walks the compiled program of one contract for one evaluation.
///
/// The machine itself is immutable during a query (so the rules' arrays are read without reference
/// counting); the mutable state, the frame and the explanation being recorded, is passed in.
struct Machine {
    let program: Program
    let asOf: CivilDate

    private static func bool(_ value: Value) throws(EvaluationError) -> Bool {
        guard case .bool(let b) = value else { throw Operations.mismatch("a condition") }
        return b
    }

    private static func date(_ value: Value) throws(EvaluationError) -> CivilDate {
        guard case .date(let d) = value else { throw Operations.mismatch("a date function") }
        return d
    }

    /// Evaluates the node at `index` of the contract's program.
    ///
    /// Node indices are made by `Program.lower` and always valid; slots, fields and definitions come
    /// from the (possibly decoded) IR and are checked.
    func evaluate(_ index: Int32, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) -> Value {
        let node = program.nodes[Int(index)]
        switch node.op {
        case .constant:
            return program.constants[Int(node.a)]
        case .slot:
            let slot = Int(node.a)
            guard frame.indices.contains(slot) else { throw Operations.mismatch("a slot read") }
            return frame[slot]
        case .asOf:
            return .date(asOf)
        case .field:
            let record = try operand(node.a, frame, &trace)
            let field = Int(node.b)
            guard case .record(let fields) = record, fields.indices.contains(field) else {
                throw Operations.mismatch("a field read")
            }
            return fields[field]
        case .record, .list:
            var values: [Value] = []
            values.reserveCapacity(Int(node.b))
            for position in Int(node.a)..<Int(node.a + node.b) {
                values.append(try operand(program.operands[position], frame, &trace))
            }
            return node.op == .record ? .record(values) : .list(values)
        case .negate:
            return try (try operand(node.a, frame, &trace)).negated()
        case .not:
            return .bool(!(try Self.bool(try operand(node.a, frame, &trace))))
        case .and:
            guard try Self.bool(try operand(node.a, frame, &trace)) else { return .bool(false) }
            return .bool(try Self.bool(try operand(node.b, frame, &trace)))
        case .or:
            if try Self.bool(try operand(node.a, frame, &trace)) { return .bool(true) }
            return .bool(try Self.bool(try operand(node.b, frame, &trace)))
        case .binary:
            let lhs = try operand(node.a, frame, &trace)
            let rhs = try operand(node.b, frame, &trace)
            return try Operations.binary(program.operations[Int(node.c)], lhs, rhs, header: program.header)
        case .conditional:
            return try Self.bool(try operand(node.a, frame, &trace)) ? try operand(node.b, frame, &trace) : try operand(node.c, frame, &trace)
        case .coalesce:
            let value = try operand(node.a, frame, &trace)
            if case .absent = value { return try operand(node.b, frame, &trace) }
            return value
        case .call:
            let builtin = program.builtins[Int(node.c)]
            switch node.b {
            // One- and two-argument calls, the usual ones, without an argument array.
            case 1:
                return try call(builtin, try operand(program.operands[Int(node.a)], frame, &trace), nil, nil)
            case 2:
                let first = try operand(program.operands[Int(node.a)], frame, &trace)
                let second = try operand(program.operands[Int(node.a) + 1], frame, &trace)
                return try call(builtin, first, second, nil)
            default:
                var values: [Value] = []
                values.reserveCapacity(Int(node.b))
                for position in Int(node.a)..<Int(node.a + node.b) {
                    values.append(try operand(program.operands[position], frame, &trace))
                }
                return try call(builtin, nil, nil, values)
            }
        case .aggregate:
            return try aggregate(program.aggregates[Int(node.d)], list: node.a, slot: Int(node.c), body: node.b, frame, &trace)
        case .cases:
            let branch = program.branches[try caseBranch(node, frame, &trace)]
            let value = try evaluate(branch.value, frame, &trace)
            if trace.isOn { trace.record(program, branch.step, value) }
            return value
        case .tiers:
            let row = program.rows[try tierRow(Int(node.a), frame, &trace)]
            let value = try evaluate(row.value, frame, &trace)
            if trace.isOn { trace.record(program, row.step, value) }
            return value
        case .eligibility:
            return try eligibility(Int(node.a), frame, &trace)
        case .invoke:
            let value = try invoke(node, frame, &trace) { (callee, trace) throws(EvaluationError) -> Value in
                try evaluate(program.definitionBodies[Int(node.a)], callee, &trace)
            }
            if trace.isOn { trace.record(program.definitions[Int(node.a)].step, value) }
            return value
        case .noted:
            let value = try operand(node.a, frame, &trace)
            if trace.isOn { trace.record(program, node.b, value) }
            return value
        case .bind:
            try bind(node, frame, &trace)
            return try operand(node.d, frame, &trace)
        }
    }

    /// A node's value, with slots read in place rather than through a call of `evaluate`: they are
    /// most operands, and the call costs more than the read.
    @inline(__always)
    private func operand(_ index: Int32, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) -> Value {
        let node = program.nodes[Int(index)]
        guard node.op == .slot else { return try evaluate(index, frame, &trace) }
        let slot = Int(node.a)
        guard frame.indices.contains(slot) else { throw Operations.mismatch("a slot read") }
        return frame[slot]
    }

    /// Evaluates a decision's body with explanation off, building a record answer in `storage`
    /// instead of a new array; nil when the answer is the record now in `storage`.
    ///
    /// It follows the nodes whose value is the value of one of their children (bindings, calls,
    /// cases, tiers, conditionals) down to the node that makes the answer; any other node is
    /// evaluated as usual. The caller lends `storage` from the thread's scratch memory, so that a
    /// record answer reuses the array of an earlier answer the host has let go of.
    func evaluateAnswer(_ index: Int32, _ frame: Frame, _ trace: inout Trace, into storage: inout [Value]) throws(EvaluationError) -> Value? {
        let node = program.nodes[Int(index)]
        switch node.op {
        case .record:
            let fields = Int(node.a)..<Int(node.a + node.b)
            if storage.count == fields.count {
                // The last answer had as many fields: overwrite them in place.
                for (field, position) in fields.enumerated() {
                    storage[field] = try operand(program.operands[position], frame, &trace)
                }
            } else {
                storage.removeAll(keepingCapacity: true)
                for position in fields { storage.append(try operand(program.operands[position], frame, &trace)) }
            }
            return nil
        case .noted where !trace.isOn:
            return try evaluateAnswer(node.a, frame, &trace, into: &storage)
        case .bind where !trace.isOn:
            try bind(node, frame, &trace)
            return try evaluateAnswer(node.d, frame, &trace, into: &storage)
        case .conditional:
            let branch = try Self.bool(try operand(node.a, frame, &trace)) ? node.b : node.c
            return try evaluateAnswer(branch, frame, &trace, into: &storage)
        case .cases where !trace.isOn:
            let branch = program.branches[try caseBranch(node, frame, &trace)]
            return try evaluateAnswer(branch.value, frame, &trace, into: &storage)
        case .tiers where !trace.isOn:
            let row = program.rows[try tierRow(Int(node.a), frame, &trace)]
            return try evaluateAnswer(row.value, frame, &trace, into: &storage)
        case .invoke where !trace.isOn:
            return try invoke(node, frame, &trace) { (callee, trace) throws(EvaluationError) -> Value? in
                try evaluateAnswer(program.definitionBodies[Int(node.a)], callee, &trace, into: &storage)
            }
        default:
            return try evaluate(index, frame, &trace)
        }
    }

    /// Evaluates a binding's value into its slot and records it.
    private func bind(_ node: ProgramBuilder.Node, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) {
        let value = try operand(node.b, frame, &trace)
        let slot = Int(node.a)
        guard frame.indices.contains(slot) else { throw Operations.mismatch("a binding") }
        if node.c >= 0, trace.isOn { trace.record(program, node.c, value) }
        frame[slot] = value
    }

    /// The index in `program.branches` of the case that applies.
    private func caseBranch(_ node: ProgramBuilder.Node, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) -> Int {
        for index in Int(node.a)..<Int(node.a + node.b) {
            let condition = program.branches[index].condition
            if condition >= 0, !(try Self.bool(try operand(condition, frame, &trace))) { continue }
            return index
        }
        throw EvaluationError(.noTier, "no case applies and there is no otherwise")
    }

    /// Calls a definition: its arguments go into a frame of its own, on the stack, and `body`
    /// evaluates the definition's body in it. Only definitions that call each other in a cycle are
    /// called; the others are lowered in place (`ProgramBuilder.inline`).
    private func invoke<R>(
        _ node: ProgramBuilder.Node, _ frame: Frame, _ trace: inout Trace,
        _ body: (Frame, inout Trace) throws(EvaluationError) -> R
    ) throws(EvaluationError) -> R {
        let definition = Int(node.a)
        guard program.definitions.indices.contains(definition), program.definitionBodies.indices.contains(definition) else {
            throw Operations.mismatch("a call")
        }
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: max(Int(node.d), 0)) { (callee) throws(EvaluationError) -> R in
            callee.initializeAbsent()
            defer { callee.deinitializeValues() }
            try pass(node, from: frame, to: callee, &trace)
            return try body(callee, &trace)
        }
    }

    /// Computes a call's arguments in the caller's frame and writes them into the callee's.
    private func pass(_ node: ProgramBuilder.Node, from frame: Frame, to callee: Frame, _ trace: inout Trace) throws(EvaluationError) {
        for index in Int(node.b)..<Int(node.b + node.c) {
            let argument = program.arguments[index]
            let value = try operand(argument.expr, frame, &trace)
            let slot = Int(argument.slot)
            if argument.spread < 0 {
                // A field of a record literal the callee never reads is computed, then dropped.
                guard slot >= 0 else { continue }
                guard callee.indices.contains(slot) else { throw Operations.mismatch("a call") }
                callee[slot] = value
            } else if argument.spread > 0 {
                let count = Int(argument.spread)
                guard case .record(let fields) = value, fields.count >= count, slot >= 0, slot + count <= callee.count else {
                    throw Operations.mismatch("a call")
                }
                for field in 0..<count { callee[slot + field] = fields[field] }
            }
        }
    }

    /// Calls a built-in function; arguments come as `first` and `second` for calls of one or two
    /// arguments (no array to allocate), and in `rest` otherwise.
    private func call(_ builtin: Builtin, _ first: Value?, _ second: Value?, _ rest: [Value]?) throws(EvaluationError) -> Value {
        let header = program.header
        func arg(_ i: Int) throws(EvaluationError) -> Value {
            if let rest {
                guard rest.indices.contains(i) else { throw Operations.mismatch("\(builtin.rawValue)()") }
                return rest[i]
            }
            guard let value = i == 0 ? first : (i == 1 ? second : nil) else { throw Operations.mismatch("\(builtin.rawValue)()") }
            return value
        }
        switch builtin {
        case .min, .max:
            var best = try arg(0)
            let count = rest?.count ?? (second == nil ? 1 : 2)
            for index in 1..<max(count, 1) {
                let candidate = try arg(index)
                let order = try Operations.compare(candidate, best)
                if builtin == .min ? order < 0 : order > 0 { best = candidate }
            }
            return best
        case .localDate:
            guard case .datetime(let t) = try arg(0) else { throw Operations.mismatch("local_date()") }
            return .date(header.zone.localDate(of: t))
        case .localTime:
            guard case .datetime(let t) = try arg(0) else { throw Operations.mismatch("local_time()") }
            return .time(header.zone.localTime(of: t))
        case .atLocal:
            guard case .date(let d) = try arg(0), case .time(let t) = try arg(1) else {
                throw Operations.mismatch("at_local()")
            }
            return .datetime(header.zone.instant(date: d, time: t))
        case .isBusinessDay:
            return .bool(header.holidays.isBusinessDay(try Self.date(try arg(0))))
        case .isHoliday:
            return .bool(header.holidays.isHoliday(try Self.date(try arg(0))))
        case .weekday:
            return .name((try Self.date(try arg(0))).weekday.name)
        case .endOfMonth:
            return .date((try Self.date(try arg(0))).endOfMonth)
        case .quarter:
            return .int((try Self.date(try arg(0))).quarter)
        case .year:
            return .int((try Self.date(try arg(0))).year)
        case .month:
            return .int((try Self.date(try arg(0))).month)
        case .daysBetween:
            return .int((try Self.date(try arg(0))).days(until: try Self.date(try arg(1))))
        case .ceil, .floor:
            guard let d = Operations.decimal(try arg(0)) else { throw Operations.mismatch("\(builtin.rawValue)()") }
            return .int(builtin == .ceil ? try Arithmetic.ceiling(d) : try Arithmetic.floor(d))
        case .round:
            guard case .money(let m) = try arg(0) else { throw Operations.mismatch("round()") }
            return .money(try Arithmetic.roundToCent(m, header.rounding))
        case .exists:
            if case .absent = try arg(0) { return .bool(false) }
            return .bool(true)
        case .toDecimal:
            guard let d = Operations.decimal(try arg(0)) else { throw Operations.mismatch("decimal()") }
            return .decimal(d)
        case .dayCount:
            guard case .period(let n, _) = try arg(0) else { throw Operations.mismatch("day_count()") }
            return .int(n)
        case .daysOf, .businessDaysOf, .joursFrancsOf, .monthsOf, .yearsOf:
            guard case .int(let n) = try arg(0), let unit = builtin.periodUnit else {
                throw Operations.mismatch("\(builtin.rawValue)()")
            }
            return .period(n, unit)
        case .hours:
            guard case .duration(let d) = try arg(0) else { throw Operations.mismatch("hours()") }
            return .decimal(try Arithmetic.hours(d))
        }
    }


    private func aggregate(
        _ kind: Aggregate, list: Int32, slot: Int, body: Int32, _ frame: Frame, _ trace: inout Trace
    ) throws(EvaluationError) -> Value {
        guard case .list(let items) = try evaluate(list, frame, &trace), frame.indices.contains(slot) else {
            throw Operations.mismatch("an aggregate")
        }
        switch kind {
        case .count where body < 0:
            return .int(items.count)
        case .sum:
            var total: Value = .absent
            for item in items {
                frame[slot] = item
                let value = body >= 0 ? try evaluate(body, frame, &trace) : item
                total = if case .absent = total { value } else { try Operations.add(total, value, header: program.header) }
            }
            return total
        case .count, .any, .all:
            var count = 0
            for item in items {
                frame[slot] = item
                let holds = body >= 0 ? try Self.bool(try evaluate(body, frame, &trace)) : true
                if holds { count += 1 }
                if kind == .any, holds { return .bool(true) }
                if kind == .all, !holds { return .bool(false) }
            }
            switch kind {
            case .any: return .bool(false)
            case .all: return .bool(true)
            default: return .int(count)
            }
        }
    }

    /// The index in `program.rows` of the tier row that covers the measure.
    ///
    /// The table's fields are read one by one: copying the table would count references to its label.
    private func tierRow(_ index: Int, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) -> Int {
        let measure = try operand(program.tiers[index].measure, frame, &trace)
        let lowerInclusive = program.tiers[index].lowerInclusive
        for row in program.tiers[index].rows {
            if let key = program.rows[row].keyKind.key(of: measure) {
                // Integer bounds: the order `Operations.compare` gives, without copying the bounds.
                if program.rows[row].hasFrom {
                    let from = program.rows[row].fromKey
                    if lowerInclusive ? key < from : key <= from { continue }
                }
                if program.rows[row].hasTo {
                    let to = program.rows[row].toKey
                    if lowerInclusive ? key >= to : key > to { continue }
                }
                return row
            }
            if let from = program.rows[row].from {
                let order = try Operations.compare(measure, from)
                if lowerInclusive ? order < 0 : order <= 0 { continue }
            }
            if let to = program.rows[row].to {
                let order = try Operations.compare(measure, to)
                if lowerInclusive ? order >= 0 : order > 0 { continue }
            }
            return row
        }
        throw EvaluationError(.noTier, "no tier row covers the value of \(program.tiers[index].label)")
    }

    /// The first exclusion that holds refuses, else the first ground that holds grants, else no ground;
    /// the answers are built once, in the program.
    private func eligibility(_ index: Int, _ frame: Frame, _ trace: inout Trace) throws(EvaluationError) -> Value {
        // Field by field: copying the block would count references to its three names.
        for item in program.eligibilities[index].exclusions where try Self.bool(try operand(program.items[item].condition, frame, &trace)) {
            if trace.isOn { trace.record(program, program.items[item].step, program.items[item].outcome) }
            return program.items[item].outcome
        }
        for item in program.eligibilities[index].grounds where try Self.bool(try operand(program.items[item].condition, frame, &trace)) {
            if trace.isOn { trace.record(program, program.items[item].step, program.items[item].outcome) }
            return program.items[item].outcome
        }
        let outcome = program.eligibilities[index].noGroundOutcome
        if trace.isOn { trace.record(program, program.eligibilities[index].noGroundStep, outcome) }
        return outcome
    }
}

/// The explanation being recorded during one query; off costs one check per branch.
struct Trace {
    /// nil when explanation is off.
    var steps: [ExplanationStep]?

    init(explain: Bool) {
        guard explain else {
            steps = nil
            return
        }
        // Room for the steps of a usual decision at once, rather than growing 1, 2, 4, 8, 16.
        var steps: [ExplanationStep] = []
        steps.reserveCapacity(16)
        self.steps = steps
    }

    var isOn: Bool { steps != nil }

    mutating func record(_ program: Program, _ step: Int32, _ value: Value) {
        guard step >= 0 else { return }
        record(program.steps[Int(step)], value)
    }

    mutating func record(_ info: StepInfo, _ value: Value) {
        guard steps != nil else { return }
        steps?.append(ExplanationStep(info, value: value))
    }
}
