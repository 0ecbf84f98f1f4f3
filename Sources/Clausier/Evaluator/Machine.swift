/// Walks the compiled IR of one contract for one evaluation.
///
/// A value type built per query: rule sets stay immutable and shareable, and the only mutable
/// state (the frame and the explanation being recorded) belongs to the query.
struct Machine {
    let contract: CompiledContract
    let asOf: CivilDate
    /// nil when explanation is off, so that recording costs nothing then.
    var steps: [ExplanationStep]?

    init(contract: CompiledContract, asOf: CivilDate, explain: Bool) {
        self.contract = contract
        self.asOf = asOf
        self.steps = explain ? [] : nil
    }

    private mutating func record(_ info: StepInfo, _ value: Value) {
        guard steps != nil else { return }
        steps?.append(
            ExplanationStep(
                kind: info.kind, label: info.label, because: info.because, value: value, type: info.type,
                citations: info.citations, branch: info.branch))
    }

    private static func bool(_ value: Value) throws(EvaluationError) -> Bool {
        guard case .bool(let b) = value else { throw Operations.mismatch("a condition") }
        return b
    }

    private static func date(_ value: Value) throws(EvaluationError) -> CivilDate {
        guard case .date(let d) = value else { throw Operations.mismatch("a date function") }
        return d
    }

    mutating func evaluate(_ expr: Expr, _ frame: inout [Value]) throws(EvaluationError) -> Value {
        switch expr {
        case .constant(let value):
            return value
        case .slot(let index):
            guard frame.indices.contains(index) else { throw Operations.mismatch("a slot read") }
            return frame[index]
        case .asOf:
            return .date(asOf)
        case .field(let base, let index):
            let record = try evaluate(base, &frame)
            guard case .record(let fields) = record, fields.indices.contains(index) else {
                throw Operations.mismatch("a field read")
            }
            return fields[index]
        case .record(let fields):
            var values: [Value] = []
            values.reserveCapacity(fields.count)
            for field in fields { values.append(try evaluate(field, &frame)) }
            return .record(values)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, &frame)) }
            return .list(values)
        case .negate(let operand):
            return try negate(try evaluate(operand, &frame))
        case .not(let operand):
            return .bool(!(try Self.bool(try evaluate(operand, &frame))))
        case .and(let lhs, let rhs):
            guard try Self.bool(try evaluate(lhs, &frame)) else { return .bool(false) }
            return .bool(try Self.bool(try evaluate(rhs, &frame)))
        case .or(let lhs, let rhs):
            if try Self.bool(try evaluate(lhs, &frame)) { return .bool(true) }
            return .bool(try Self.bool(try evaluate(rhs, &frame)))
        case .binary(let op, let lhs, let rhs):
            let a = try evaluate(lhs, &frame)
            let b = try evaluate(rhs, &frame)
            return try Operations.binary(op, a, b, header: contract.header)
        case .conditional(let condition, let then, let otherwise):
            return try Self.bool(try evaluate(condition, &frame))
                ? try evaluate(then, &frame) : try evaluate(otherwise, &frame)
        case .coalesce(let value, let fallback):
            let v = try evaluate(value, &frame)
            if case .absent = v { return try evaluate(fallback, &frame) }
            return v
        case .call(let builtin, let arguments):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, &frame)) }
            return try call(builtin, values)
        case .aggregate(let kind, let listExpr, let slot, let body):
            return try aggregate(kind, listExpr, slot, body, &frame)
        case .cases(let branches):
            // Index, not `for branch in`: copying a branch (with its step's strings) per case costs retains.
            for index in branches.indices {
                if let condition = branches[index].condition, !(try Self.bool(try evaluate(condition, &frame))) { continue }
                let value = try evaluate(branches[index].value, &frame)
                if steps != nil { record(branches[index].step, value) }
                return value
            }
            throw EvaluationError(.noTier, "no case applies and there is no otherwise")
        case .tiers(let table):
            return try tiers(table, &frame)
        case .eligibility(let block):
            return try eligibility(block, &frame)
        case .invoke(let index, let arguments):
            guard contract.definitions.indices.contains(index) else { throw Operations.mismatch("a call") }
            let definition = contract.definitions[index]
            var callee = [Value](repeating: .absent, count: max(definition.frameSize, arguments.count))
            for (i, argument) in arguments.enumerated() { callee[i] = try evaluate(argument, &frame) }
            let value = try evaluate(definition.body, &callee)
            record(definition.step, value)
            return value
        case .noted(let inner, let step):
            let value = try evaluate(inner, &frame)
            record(step, value)
            return value
        case .bind(let slot, let valueExpr, let step, let body):
            let value = try evaluate(valueExpr, &frame)
            guard frame.indices.contains(slot) else { throw Operations.mismatch("a binding") }
            frame[slot] = value
            if let step { record(step, value) }
            return try evaluate(body, &frame)
        }
    }

    private func negate(_ value: Value) throws(EvaluationError) -> Value {
        switch value {
        case .int(let i):
            let (r, o) = Int(0).subtractingReportingOverflow(i)
            if o { throw Operations.overflow("a negation") }
            return .int(r)
        case .decimal(let d):
            do { return .decimal(try d.negated()) } catch { throw Operations.arithmetic(error, "a negation") }
        case .percent(let d):
            do { return .percent(try d.negated()) } catch { throw Operations.arithmetic(error, "a negation") }
        case .money(let m):
            do { return .money(Money(amount: try m.amount.negated(), currency: m.currency)) } catch {
                throw Operations.arithmetic(error, "a negation")
            }
        case .duration(let d):
            let (r, o) = Int64(0).subtractingReportingOverflow(d.nanoseconds)
            if o { throw Operations.overflow("a negation") }
            return .duration(ExactDuration(nanoseconds: r))
        case .period(let n, let unit):
            let (r, o) = Int(0).subtractingReportingOverflow(n)
            if o { throw Operations.overflow("a negation") }
            return .period(r, unit)
        default:
            throw Operations.mismatch("a negation")
        }
    }

    private func call(_ builtin: Builtin, _ args: [Value]) throws(EvaluationError) -> Value {
        let header = contract.header
        func arg(_ i: Int) throws(EvaluationError) -> Value {
            guard args.indices.contains(i) else { throw Operations.mismatch("\(builtin.rawValue)()") }
            return args[i]
        }
        switch builtin {
        case .min, .max:
            guard var best = args.first else { throw Operations.mismatch("\(builtin.rawValue)()") }
            for candidate in args.dropFirst() {
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
            return .name(Self.weekdayNames[(try Self.date(try arg(0))).weekday.rawValue - 1])
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
            do {
                let r = builtin == .ceil ? try d.ceiling() : try d.floor()
                guard let i = r.integerValue else { throw Operations.overflow("\(builtin.rawValue)()") }
                return .int(i)
            } catch let error as ArithmeticError {
                throw Operations.arithmetic(error, "\(builtin.rawValue)()")
            } catch let error as EvaluationError {
                throw error
            } catch {
                throw Operations.overflow("\(builtin.rawValue)()")
            }
        case .round:
            guard case .money(let m) = try arg(0) else { throw Operations.mismatch("round()") }
            do { return .money(try m.rounded(toScale: 2, header.rounding)) } catch {
                throw Operations.arithmetic(error, "round()")
            }
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
            do {
                let nanos = try FixedDecimal(mantissa: Int128(d.nanoseconds), scale: 9)
                return .decimal(try nanos.dividing(by: FixedDecimal(3600)))
            } catch { throw Operations.arithmetic(error, "hours()") }
        }
    }

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private mutating func aggregate(
        _ kind: Aggregate, _ listExpr: Expr, _ slot: Int, _ body: Expr?, _ frame: inout [Value]
    ) throws(EvaluationError) -> Value {
        guard case .list(let items) = try evaluate(listExpr, &frame), frame.indices.contains(slot) else {
            throw Operations.mismatch("an aggregate")
        }
        switch kind {
        case .count where body == nil:
            return .int(items.count)
        case .sum:
            var total: Value = .absent
            for item in items {
                frame[slot] = item
                let value: Value
                if let body { value = try evaluate(body, &frame) } else { value = item }
                total = if case .absent = total { value } else { try Operations.add(total, value, header: contract.header) }
            }
            return total
        case .count, .any, .all:
            var count = 0
            for item in items {
                frame[slot] = item
                let holds = try Self.bool(try evaluate(body ?? .constant(.bool(true)), &frame))
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

    private mutating func tiers(_ table: TierTable, _ frame: inout [Value]) throws(EvaluationError) -> Value {
        let measure = try evaluate(table.measure, &frame)
        let lowerInclusive = table.boundaries == .lowerInclusive
        for index in table.rows.indices {
            if let from = table.rows[index].from {
                let order = try Operations.compare(measure, from)
                if lowerInclusive ? order < 0 : order <= 0 { continue }
            }
            if let to = table.rows[index].to {
                let order = try Operations.compare(measure, to)
                if lowerInclusive ? order >= 0 : order > 0 { continue }
            }
            let value = try evaluate(table.rows[index].value, &frame)
            if steps != nil { record(table.rows[index].step, value) }
            return value
        }
        throw EvaluationError(.noTier, "no tier row covers the value of \(table.measureLabel)")
    }

    private mutating func eligibility(_ block: Eligibility, _ frame: inout [Value]) throws(EvaluationError) -> Value {
        for item in block.exclusions where try Self.bool(try evaluate(item.condition, &frame)) {
            let value = Value.record([.name(block.refused), .name(item.reason)])
            record(item.step, value)
            return value
        }
        for item in block.grounds where try Self.bool(try evaluate(item.condition, &frame)) {
            let value = Value.record([.name(block.granted), .name(item.reason)])
            record(item.step, value)
            return value
        }
        let value = Value.record([.name(block.refused), .name(block.noGround)])
        record(block.noGroundStep, value)
        return value
    }
}
