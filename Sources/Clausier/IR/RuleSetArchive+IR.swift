// How each part of the IR is written to and read from a ``RuleSetArchive``, field by field in
// declaration order. A field added to the IR is added here on both sides, or the round-trip test fails.

extension ArchiveWriter {
    mutating func contract(_ c: CompiledContract) {
        header(c.header)
        list(c.decisions) { w, d in w.decision(d) }
        list(c.definitions) { w, d in w.definition(d) }
        list(c.branches) { w, b in
            w.string(b.rule)
            w.string(b.kind.rawValue)
            w.string(b.label)
            w.string(b.location)
        }
    }

    mutating func header(_ h: ContractHeader) {
        string(h.id)
        string(h.title)
        string(h.source)
        int(Int(h.effective.daysSinceEpoch))
        string(h.zone.rawValue)
        string(h.currency.code)
        string(h.holidays.rawValue)
        string(h.rounding.rawValue)
    }

    mutating func decision(_ d: CompiledDecision) {
        string(d.id)
        string(d.title)
        list(d.citations) { w, s in w.string(s) }
        list(d.inputs) { w, input in
            w.string(input.name)
            w.type(input.type)
            w.int(input.slot)
            w.bool(input.countsOnlyIfPast)
        }
        list(d.requirements) { w, r in
            w.expr(r.condition)
            w.string(r.fact)
            w.string(r.message)
            w.optional(r.forEach) { w, each in
                w.expr(each.list)
                w.int(each.itemSlot)
                w.string(each.listName)
                w.string(each.itemName)
            }
        }
        expr(d.body)
        type(d.resultType)
        int(d.frameSize)
        list(d.slotTypes) { w, t in w.type(t) }
    }

    mutating func definition(_ d: CompiledDefinition) {
        string(d.id)
        step(d.step)
        int(d.parameterCount)
        expr(d.body)
        int(d.frameSize)
        list(d.slotTypes) { w, t in w.type(t) }
        list(d.parameterNames) { w, s in w.string(s) }
    }

    mutating func step(_ s: StepInfo) {
        string(s.kind.rawValue)
        string(s.label)
        optional(s.because) { w, b in w.string(b) }
        list(s.citations) { w, c in w.string(c) }
        type(s.type)
        optional(s.branch) { w, b in w.int(b) }
    }

    mutating func type(_ t: ValueType) {
        switch t {
        case .bool: tag(0)
        case .int: tag(1)
        case .decimal: tag(2)
        case .money(let c): tag(3); string(c.code)
        case .percent: tag(4)
        case .date: tag(5)
        case .datetime: tag(6)
        case .time: tag(7)
        case .duration: tag(8)
        case .period(let unit): tag(9); string(unit.rawValue)
        case .enumeration(let cases): tag(10); list(cases) { w, s in w.string(s) }
        case .list(let element): tag(11); type(element)
        case .record(let fields):
            tag(12)
            list(fields) { w, f in
                w.string(f.name)
                w.type(f.type)
            }
        case .optional(let inner): tag(13); type(inner)
        case .absent: tag(14)
        }
    }

    mutating func decimal(_ d: FixedDecimal) {
        int128(d.mantissa)
        int(Int(d.scale))
    }

    mutating func value(_ v: Value) {
        switch v {
        case .bool(let b): tag(0); bool(b)
        case .int(let i): tag(1); int(i)
        case .decimal(let d): tag(2); decimal(d)
        case .money(let m): tag(3); decimal(m.amount); string(m.currency.code)
        case .percent(let d): tag(4); decimal(d)
        case .date(let d): tag(5); int(Int(d.daysSinceEpoch))
        case .datetime(let t): tag(6); int64(t.nanosecondsSinceEpoch)
        case .time(let t): tag(7); int(Int(t.secondsSinceMidnight))
        case .duration(let d): tag(8); int64(d.nanoseconds)
        case .period(let n, let unit): tag(9); int(n); string(unit.rawValue)
        case .name(let s): tag(10); string(s)
        case .list(let items): tag(11); list(items) { w, i in w.value(i) }
        case .record(let fields): tag(12); list(fields) { w, i in w.value(i) }
        case .absent: tag(13)
        }
    }

    mutating func operation(_ op: BinaryOperation) {
        if case .compare(let comparison) = op {
            tag(255)
            string(comparison.rawValue)
        } else {
            tag(BinaryOperation.archived.firstIndex(of: op) ?? 254)
        }
    }

    mutating func expr(_ e: Expr) {
        switch e {
        case .constant(let v): tag(0); value(v)
        case .slot(let s): tag(1); int(s)
        case .asOf: tag(2)
        case .field(let base, let index): tag(3); expr(base); int(index)
        case .record(let items): tag(4); list(items) { w, i in w.expr(i) }
        case .list(let items): tag(5); list(items) { w, i in w.expr(i) }
        case .negate(let inner): tag(6); expr(inner)
        case .not(let inner): tag(7); expr(inner)
        case .and(let a, let b): tag(8); expr(a); expr(b)
        case .or(let a, let b): tag(9); expr(a); expr(b)
        case .binary(let op, let a, let b): tag(10); operation(op); expr(a); expr(b)
        case .conditional(let c, let t, let o): tag(11); expr(c); expr(t); expr(o)
        case .coalesce(let a, let b): tag(12); expr(a); expr(b)
        case .call(let builtin, let args): tag(13); string(builtin.rawValue); list(args) { w, a in w.expr(a) }
        case .aggregate(let kind, let listExpr, let slot, let body):
            tag(14); string(kind.rawValue); expr(listExpr); int(slot); optional(body) { w, b in w.expr(b) }
        case .cases(let branches):
            tag(15)
            list(branches) { w, b in
                w.optional(b.condition) { w, c in w.expr(c) }
                w.expr(b.value)
                w.step(b.step)
            }
        case .tiers(let table):
            tag(16)
            expr(table.measure)
            string(table.boundaries.rawValue)
            list(table.rows) { w, row in
                w.optional(row.from) { w, v in w.value(v) }
                w.optional(row.to) { w, v in w.value(v) }
                w.expr(row.value)
                w.step(row.step)
            }
            string(table.measureLabel)
        case .eligibility(let block):
            tag(17)
            for items in [block.exclusions, block.grounds] {
                list(items) { w, item in
                    w.expr(item.condition)
                    w.string(item.reason)
                    w.step(item.step)
                }
            }
            string(block.granted)
            string(block.refused)
            string(block.noGround)
            step(block.noGroundStep)
        case .invoke(let definition, let args): tag(18); int(definition); list(args) { w, a in w.expr(a) }
        case .noted(let inner, let info): tag(19); expr(inner); step(info)
        case .bind(let slot, let bound, let info, let body):
            tag(20); int(slot); expr(bound); optional(info) { w, s in w.step(s) }; expr(body)
        }
    }
}

extension BinaryOperation {
    /// The operations other than comparisons, in archive order: append new ones at the end.
    static let archived: [BinaryOperation] = [
        .addInt, .subtractInt, .multiplyInt, .divideInt, .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal,
        .addMoney, .subtractMoney, .multiplyMoney, .divideMoney, .divideMoneyByMoney, .addPercent, .subtractPercent,
        .multiplyPercent, .addDuration, .subtractDuration, .addPeriod, .subtractPeriod, .dateAddPeriod, .dateSubtractPeriod,
        .dateDifference, .datetimeAddDuration, .datetimeSubtractDuration, .datetimeDifference,
    ]
}

extension ArchiveReader {
    typealias Failure = RuleSetArchive.Error

    mutating func contract() throws(Failure) -> CompiledContract {
        let header = try self.header()
        let decisions = try list { (r) throws(Failure) in try r.decision() }
        let definitions = try list { (r) throws(Failure) in try r.definition() }
        let branches = try list { (r) throws(Failure) in
            BranchInfo(rule: try r.string(), kind: try r.raw(StepKind.self), label: try r.string(), location: try r.string())
        }
        return CompiledContract(header: header, decisions: decisions, definitions: definitions, branches: branches)
    }

    mutating func header() throws(Failure) -> ContractHeader {
        let id = try string()
        let title = try string()
        let source = try string()
        let effective = try date()
        let zone = try raw(ZoneRule.self)
        let currency = try self.currency()
        return ContractHeader(
            id: id, title: title, source: source, effective: effective, zone: zone, currency: currency,
            holidays: try raw(HolidayCalendar.self), rounding: try raw(RoundingMode.self))
    }

    mutating func date() throws(Failure) -> CivilDate {
        let days = try int()
        guard let narrow = Int32(exactly: days) else { throw error("a date out of range") }
        return CivilDate(daysSinceEpoch: narrow)
    }

    mutating func currency() throws(Failure) -> Currency {
        let code = try string()
        guard let currency = Currency(code: code) else { throw error("an unknown currency '\(code)'") }
        return currency
    }

    mutating func decision() throws(Failure) -> CompiledDecision {
        let id = try string()
        let title = try string()
        let citations = try list { (r) throws(Failure) in try r.string() }
        let inputs = try list { (r) throws(Failure) in
            InputSpec(name: try r.string(), type: try r.type(), slot: try r.int(), countsOnlyIfPast: try r.bool())
        }
        let requirements = try list { (r) throws(Failure) in
            Requirement(
                condition: try r.expr(), fact: try r.string(), message: try r.string(),
                forEach: try r.optional { (r) throws(Failure) in
                    Requirement.ForEach(list: try r.expr(), itemSlot: try r.int(), listName: try r.string(), itemName: try r.string())
                })
        }
        return CompiledDecision(
            id: id, title: title, citations: citations, inputs: inputs, requirements: requirements, body: try expr(),
            resultType: try type(), frameSize: try int(), slotTypes: try list { (r) throws(Failure) in try r.type() })
    }

    mutating func definition() throws(Failure) -> CompiledDefinition {
        CompiledDefinition(
            id: try string(), step: try step(), parameterCount: try int(), body: try expr(), frameSize: try int(),
            slotTypes: try list { (r) throws(Failure) in try r.type() },
            parameterNames: try list { (r) throws(Failure) in try r.string() })
    }

    mutating func step() throws(Failure) -> StepInfo {
        StepInfo(
            kind: try raw(StepKind.self), label: try string(), because: try optional { (r) throws(Failure) in try r.string() },
            citations: try list { (r) throws(Failure) in try r.string() }, type: try type(),
            branch: try optional { (r) throws(Failure) in try r.int() })
    }

    mutating func type() throws(Failure) -> ValueType {
        switch try byte() {
        case 0: return .bool
        case 1: return .int
        case 2: return .decimal
        case 3: return .money(try currency())
        case 4: return .percent
        case 5: return .date
        case 6: return .datetime
        case 7: return .time
        case 8: return .duration
        case 9: return .period(try raw(PeriodUnit.self))
        case 10: return .enumeration(try list { (r) throws(Failure) in try r.string() })
        case 11: return .list(try type())
        case 12: return .record(try list { (r) throws(Failure) in RecordField(try r.string(), try r.type()) })
        case 13: return .optional(try type())
        case 14: return .absent
        default: throw error("an unknown type tag")
        }
    }

    mutating func decimal() throws(Failure) -> FixedDecimal {
        let mantissa = try int128()
        let scale = try int()
        do { return try FixedDecimal(mantissa: mantissa, scale: scale) } catch { throw self.error("a decimal of scale \(scale)") }
    }

    mutating func value() throws(Failure) -> Value {
        switch try byte() {
        case 0: return .bool(try bool())
        case 1: return .int(try int())
        case 2: return .decimal(try decimal())
        case 3: return .money(Money(amount: try decimal(), currency: try currency()))
        case 4: return .percent(try decimal())
        case 5: return .date(try date())
        case 6: return .datetime(Instant(nanosecondsSinceEpoch: try int64()))
        case 7:
            guard let time = TimeOfDay(secondsSinceMidnight: try int()) else { throw error("a time out of range") }
            return .time(time)
        case 8: return .duration(ExactDuration(nanoseconds: try int64()))
        case 9: return .period(try int(), try raw(PeriodUnit.self))
        case 10: return .name(try string())
        case 11: return .list(try list { (r) throws(Failure) in try r.value() })
        case 12: return .record(try list { (r) throws(Failure) in try r.value() })
        case 13: return .absent
        default: throw error("an unknown value tag")
        }
    }

    mutating func operation() throws(Failure) -> BinaryOperation {
        let tag = Int(try byte())
        if tag == 255 { return .compare(try raw(Comparison.self)) }
        guard BinaryOperation.archived.indices.contains(tag) else { throw error("an unknown operation") }
        return BinaryOperation.archived[tag]
    }

    mutating func expr() throws(Failure) -> Expr {
        // Generated archives nest as deep as the rules do; a deeper one is refused, not a stack overflow.
        depth += 1
        defer { depth -= 1 }
        guard depth <= 2_000 else { throw error("expressions nested too deeply") }
        switch try byte() {
        case 0: return .constant(try value())
        case 1: return .slot(try int())
        case 2: return .asOf
        case 3: return .field(try expr(), try int())
        case 4: return .record(try list { (r) throws(Failure) in try r.expr() })
        case 5: return .list(try list { (r) throws(Failure) in try r.expr() })
        case 6: return .negate(try expr())
        case 7: return .not(try expr())
        case 8: return .and(try expr(), try expr())
        case 9: return .or(try expr(), try expr())
        case 10: return .binary(try operation(), try expr(), try expr())
        case 11: return .conditional(try expr(), try expr(), try expr())
        case 12: return .coalesce(try expr(), try expr())
        case 13: return .call(try raw(Builtin.self), try list { (r) throws(Failure) in try r.expr() })
        case 14:
            return .aggregate(
                try raw(Aggregate.self), list: try expr(), slot: try int(), body: try optional { (r) throws(Failure) in try r.expr() })
        case 15:
            return .cases(
                try list { (r) throws(Failure) in
                    CaseBranch(condition: try r.optional { (r) throws(Failure) in try r.expr() }, value: try r.expr(), step: try r.step())
                })
        case 16:
            let measure = try expr()
            let boundaries = try raw(TierBoundaries.self)
            let rows = try list { (r) throws(Failure) in
                TierRow(
                    from: try r.optional { (r) throws(Failure) in try r.value() }, to: try r.optional { (r) throws(Failure) in try r.value() },
                    value: try r.expr(), step: try r.step())
            }
            return .tiers(TierTable(measure: measure, boundaries: boundaries, rows: rows, measureLabel: try string()))
        case 17:
            let item = { (r: inout ArchiveReader) throws(Failure) -> EligibilityItem in
                EligibilityItem(condition: try r.expr(), reason: try r.string(), step: try r.step())
            }
            let exclusions = try list(item)
            let grounds = try list(item)
            return .eligibility(
                Eligibility(
                    exclusions: exclusions, grounds: grounds, granted: try string(), refused: try string(), noGround: try string(),
                    noGroundStep: try step()))
        case 18: return .invoke(definition: try int(), arguments: try list { (r) throws(Failure) in try r.expr() })
        case 19: return .noted(try expr(), try step())
        case 20:
            return .bind(slot: try int(), value: try expr(), step: try optional { (r) throws(Failure) in try r.step() }, body: try expr())
        default: throw error("an unknown expression tag")
        }
    }
}
