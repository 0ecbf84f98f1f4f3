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

/// Translates the IR of one rule into the statements of a Swift function body.
///
/// Each `Expr` becomes a Swift expression of a static type; the forms that decide between branches
/// (`cases`, `tiers`, exclusions over grounds) become `if` chains assigning a `let`, so the code reads
/// like the hand-written function. Everything is evaluated in the order the interpreter evaluates it
/// and every failing operation calls the same ``Arithmetic`` function, so errors are the same too.
struct NativeFunctionEmitter {
    let contract: CompiledContract
    /// The definitions that have native functions, by index, with their Swift names.
    let definitionNames: [Int: String]
    var types: NativeTypes
    var w = SourceWriter()
    private let slotTypes: [ValueType]
    private var slotNames: [Int: String] = [:]
    private var used: Set<String>
    private var read: Set<Int> = []

    init(contract: CompiledContract, definitionNames: [Int: String], types: NativeTypes, slotTypes: [ValueType], reserved: Set<String>) {
        self.contract = contract
        self.definitionNames = definitionNames
        self.types = types
        self.slotTypes = slotTypes
        self.used = reserved.union(["asOf", "explanation", "Arithmetic", "Money", "FixedDecimal", "CivilDate", "Instant", "ExactDuration"])
    }

    // MARK: Names

    /// A local name not used yet in this function.
    mutating func fresh(_ base: String) -> String {
        var name = SwiftNames.member(base).replacingBackquotes
        if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { name = "value" }
        var candidate = name
        var suffix = 2
        while used.contains(candidate) || SwiftNames.keywords.contains(candidate) {
            candidate = name + "\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Gives a slot the Swift name it is read by.
    mutating func name(slot: Int, _ name: String) {
        slotNames[slot] = name
    }

    func type(ofSlot slot: Int) throws(NativeUnsupported) -> ValueType {
        guard slotTypes.indices.contains(slot) else { throw NativeUnsupported(description: "a slot without a type") }
        return slotTypes[slot]
    }

    /// Emits `body` into a writer of its own, to place its statements inside a block.
    mutating func nested<T>(_ body: (inout NativeFunctionEmitter) throws(NativeUnsupported) -> T) throws(NativeUnsupported) -> (SourceWriter, T) {
        let saved = w
        w = SourceWriter()
        do {
            let result = try body(&self)
            let inner = w
            w = saved
            return (inner, result)
        } catch {
            w = saved
            throw error
        }
    }

    // MARK: Explanation

    /// Records an explanation step with a value, when explanation is on; the value is converted only then.
    mutating func record(_ info: StepInfo?, _ code: NativeCode) throws(NativeUnsupported) {
        guard let info else { return }
        let step = try types.step(info)
        w.line("explanation?.record(Self.\(step), \(try types.boxed(code.text, code.type)))")
    }

    /// The code as a name, so that it can be both recorded and used.
    mutating func named(_ code: NativeCode, _ base: String) throws(NativeUnsupported) -> NativeCode {
        guard !code.isSimple else { return code }
        let name = fresh(base)
        w.line("let \(name): \(try types.swift(code.type)) = \(code.text)")
        return NativeCode(text: name, type: code.type, isSimple: true)
    }

    // MARK: Values

    /// The Swift expression of `expr`, converted to `want` when given.
    mutating func value(_ expr: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        let code = try raw(expr, want: want)
        guard let want else { return code }
        return try coerce(code, to: want)
    }

    mutating func condition(_ expr: Expr) throws(NativeUnsupported) -> NativeCode {
        try value(expr, want: .bool)
    }

    /// Converts a value to the type a context needs, as the interpreter's dynamic values allow.
    mutating func coerce(_ code: NativeCode, to want: ValueType) throws(NativeUnsupported) -> NativeCode {
        switch (code.type, want) {
        case _ where code.type == want:
            return code
        case (.int, .decimal), (.int, .percent):
            return NativeCode(text: "FixedDecimal(\(code.text))", type: want, isSimple: false)
        case (.enumeration(let given), .enumeration(let wanted)):
            if given.isEmpty, wanted.isEmpty { return code }
            if wanted.isEmpty { return NativeCode(text: "\(code.operand).rawValue", type: want, isSimple: false) }
            if let name = code.nameLiteral, wanted.contains(name) {
                return NativeCode(text: "\(try types.swift(want)).\(NativeTypes.member(name))", type: want, isSimple: true)
            }
            throw NativeUnsupported(description: "a name of enum(\(given.joined(separator: ", "))) used as \(want)")
        case (.absent, .optional):
            return NativeCode(text: "nil", type: want, isSimple: true)
        case (.optional(let inner), _) where !want.isOptional:
            // Narrowing: the compiler proved the value present here.
            let present = fresh("present")
            w.open("guard let \(present) = \(code.text) else")
            w.line("throw Arithmetic.inconsistent(\"a value proven present\")")
            w.close()
            return try coerce(NativeCode(text: present, type: inner, isSimple: true), to: want)
        case (_, .optional(let inner)) where !code.type.isOptional:
            let converted = try coerce(code, to: inner)
            return NativeCode(text: converted.text, type: want, isSimple: converted.isSimple)
        case (.list(let a), .list(let b)) where (try? types.swift(a)) == (try? types.swift(b)):
            return NativeCode(text: code.text, type: want, isSimple: code.isSimple)
        default:
            throw NativeUnsupported(description: "a \(code.type) used as \(want)")
        }
    }

    /// A number as a `FixedDecimal`, as the interpreter reads an int, decimal or percent operand.
    mutating func numeric(_ code: NativeCode) throws(NativeUnsupported) -> NativeCode {
        switch code.type {
        case .decimal, .percent: return code
        case .int: return NativeCode(text: "FixedDecimal(\(code.text))", type: .decimal, isSimple: false)
        case .optional(let inner) where inner == .int || inner == .decimal || inner == .percent:
            return try numeric(try coerce(code, to: inner))
        default: throw NativeUnsupported(description: "a \(code.type) used as a number")
        }
    }

    private mutating func raw(_ expr: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        switch expr {
        case .constant(.absent):
            guard let want, want.isOptional else { throw NativeUnsupported(description: "an absent value without a type") }
            return NativeCode(text: "nil", type: want, isSimple: true)
        case .constant(let value):
            let (text, type) = try NativeTypes.literal(value)
            var code = NativeCode(text: text, type: type, isSimple: true)
            if case .name(let name) = value { code.nameLiteral = name }
            return code
        case .slot(let slot):
            guard let name = slotNames[slot] else { throw NativeUnsupported(description: "a slot read before it is bound") }
            read.insert(slot)
            return NativeCode(text: name, type: try type(ofSlot: slot), isSimple: true)
        case .asOf:
            return NativeCode(text: "asOf", type: .date, isSimple: true)
        case .field(let base, let index):
            let record = try value(base, want: nil)
            guard case .record(let fields) = record.type, fields.indices.contains(index) else {
                throw NativeUnsupported(description: "a field of a \(record.type)")
            }
            return NativeCode(text: "\(record.operand).\(SwiftNames.member(fields[index].name))", type: fields[index].type, isSimple: record.isSimple)
        case .record(let items):
            guard case .record(let fields)? = want?.unwrapped, fields.count == items.count else {
                throw NativeUnsupported(description: "a record without its type")
            }
            let name = try types.swift(.record(fields))
            var arguments: [String] = []
            for (field, item) in zip(fields, items) {
                arguments.append("\(SwiftNames.member(field.name).replacingBackquotes): \(try value(item, want: field.type).text)")
            }
            return NativeCode(text: "\(name)(\(arguments.joined(separator: ", ")))", type: .record(fields), isSimple: false)
        case .list(let items):
            var element: ValueType?
            if case .list(let e)? = want?.unwrapped { element = e }
            var texts: [String] = []
            for item in items {
                let code = try value(item, want: element)
                element = element ?? code.type
                texts.append(code.text)
            }
            guard let element else { throw NativeUnsupported(description: "an empty list without its type") }
            return NativeCode(text: "[\(texts.joined(separator: ", "))]", type: .list(element), isSimple: false)
        case .negate(let inner):
            let code = try value(inner, want: nil)
            let function: String
            switch code.type {
            case .int, .period: function = "negateInt"
            case .decimal, .percent: function = "negateDecimal"
            case .money: function = "negateMoney"
            case .duration: function = "negateDuration"
            default: throw NativeUnsupported(description: "a negation of \(code.type)")
            }
            return NativeCode(text: "try Arithmetic.\(function)(\(code.text))", type: code.type, isSimple: false)
        case .not(let inner):
            return NativeCode(text: "!\(try condition(inner).operand)", type: .bool, isSimple: false)
        case .and(let lhs, let rhs):
            return try shortCircuit(lhs, rhs, isAnd: true)
        case .or(let lhs, let rhs):
            return try shortCircuit(lhs, rhs, isAnd: false)
        case .binary(let operation, let lhs, let rhs):
            return try binary(operation, lhs, rhs)
        case .conditional(let test, let then, let otherwise):
            return try conditional(test, then, otherwise, want: want)
        case .coalesce(let primary, let fallback):
            return try coalesce(primary, fallback, want: want)
        case .call(let builtin, let arguments):
            return try call(builtin, arguments)
        case .aggregate(let kind, let list, let slot, let body):
            return try aggregate(kind, list: list, slot: slot, body: body)
        case .cases(let branches):
            let arms = branches.map { Arm(condition: $0.condition.map { .expr($0) } ?? .always, value: .expr($0.value), step: $0.step) }
            return try chain(arms, want: want, named: "decided", noMatch: "no case applies and there is no otherwise")
        case .tiers(let table):
            return try tiers(table, want: want)
        case .eligibility(let block):
            return try eligibility(block, want: want)
        case .invoke(let index, let arguments):
            guard contract.definitions.indices.contains(index), let name = definitionNames[index] else {
                throw NativeUnsupported(description: "a call of a definition without native code")
            }
            let definition = contract.definitions[index]
            guard arguments.count == definition.parameterCount, definition.slotTypes.count >= definition.parameterCount else {
                throw NativeUnsupported(description: "a call of \(definition.id) with other parameters")
            }
            var texts: [String] = []
            for (argument, type) in zip(arguments, definition.slotTypes) {
                texts.append(try value(argument, want: type).text)
            }
            texts += ["asOf: asOf", "explanation: &explanation"]
            let result = try named(
                NativeCode(text: "try \(name)(\(texts.joined(separator: ", ")))", type: definition.step.type, isSimple: false),
                definition.id)
            try record(definition.step, result)
            return result
        case .noted(let inner, let info):
            let code = try named(try value(inner, want: want), info.label)
            try record(info, code)
            return code
        case .bind(let slot, let bound, let step, let body):
            let type = try type(ofSlot: slot)
            let code = try value(bound, want: type)
            let name = fresh(step?.label ?? "value")
            let (lines, result) = try nested { (e) throws(NativeUnsupported) -> NativeCode in
                e.name(slot: slot, name)
                return try e.value(body, want: want)
            }
            if read.contains(slot) || step != nil {
                w.line("let \(name): \(try types.swift(type)) = \(code.text)")
                try record(step, NativeCode(text: name, type: type, isSimple: true))
            } else {
                // Still evaluated, as the interpreter does: it can fail.
                w.line("_ = \(code.text)")
            }
            w.append(lines)
            return result
        }
    }

    // MARK: Operators

    private mutating func shortCircuit(_ lhs: Expr, _ rhs: Expr, isAnd: Bool) throws(NativeUnsupported) -> NativeCode {
        let left = try condition(lhs)
        let (lines, right) = try nested { (e) throws(NativeUnsupported) -> NativeCode in try e.condition(rhs) }
        // `&&` takes its right operand as an untyped rethrowing autoclosure: one that throws is written out.
        if lines.isEmpty, !right.text.contains("try ") {
            return NativeCode(text: "\(left.operand) \(isAnd ? "&&" : "||") \(right.operand)", type: .bool, isSimple: false)
        }
        let name = fresh("holds")
        w.line("let \(name): Bool")
        w.open("if \(isAnd ? "" : "!")\(left.operand)")
        w.append(lines)
        w.line("\(name) = \(right.text)")
        w.close("} else {")
        w.line("\(name) = \(isAnd ? "false" : "true")")
        w.close()
        return NativeCode(text: name, type: .bool, isSimple: true)
    }

    private mutating func binary(_ operation: BinaryOperation, _ lhs: Expr, _ rhs: Expr) throws(NativeUnsupported) -> NativeCode {
        func call(_ function: String, _ a: NativeCode, _ b: NativeCode, _ type: ValueType, label: String = "") -> NativeCode {
            NativeCode(text: "try Arithmetic.\(function)(\(a.text), \(label)\(b.text))", type: type, isSimple: false)
        }
        switch operation {
        case .addInt, .subtractInt, .multiplyInt:
            let a = try value(lhs, want: .int)
            let b = try value(rhs, want: .int)
            let function = operation == .addInt ? "addInts" : operation == .subtractInt ? "subtractInts" : "multiplyInts"
            return call(function, a, b, .int)
        case .divideInt, .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal:
            let a = try numeric(try value(lhs, want: nil))
            let b = try numeric(try value(rhs, want: nil))
            let function =
                switch operation {
                case .addDecimal: "addDecimals"
                case .subtractDecimal: "subtractDecimals"
                case .multiplyDecimal: "multiplyDecimals"
                default: "divideDecimals"
                }
            return call(function, a, b, .decimal)
        case .addMoney, .subtractMoney, .divideMoneyByMoney:
            let a = try value(lhs, want: nil)
            guard case .money = a.type.unwrapped else { throw NativeUnsupported(description: "money arithmetic on \(a.type)") }
            let money = try coerce(a, to: a.type.unwrapped)
            let b = try value(rhs, want: money.type)
            switch operation {
            case .addMoney: return call("addMoney", money, b, money.type)
            case .subtractMoney: return call("subtractMoney", money, b, money.type)
            default: return call("ratio", money, b, .decimal)
            }
        case .multiplyMoney, .divideMoney:
            var a = try value(lhs, want: nil)
            if case .optional(let inner) = a.type { a = try coerce(a, to: inner) }
            if case .money = a.type {
                let factor = try numeric(try value(rhs, want: nil))
                return call(operation == .multiplyMoney ? "multiplyMoney" : "divideMoney", a, factor, a.type, label: "by: ")
            }
            guard operation == .multiplyMoney else { throw NativeUnsupported(description: "a division of \(a.type) by money") }
            // factor × money: the factor is evaluated first, as the interpreter does.
            let factor = try numeric(a)
            let first = fresh("factor")
            w.line("let \(first): FixedDecimal = \(factor.text)")
            var m = try value(rhs, want: nil)
            if case .optional(let inner) = m.type { m = try coerce(m, to: inner) }
            guard case .money = m.type else { throw NativeUnsupported(description: "a multiplication of \(m.type)") }
            return call("multiplyMoney", m, NativeCode(text: first, type: .decimal, isSimple: true), m.type, label: "by: ")
        case .addPercent, .subtractPercent:
            let a = try value(lhs, want: .percent)
            let b = try value(rhs, want: .percent)
            return call(operation == .addPercent ? "addPercents" : "subtractPercents", a, b, .percent)
        case .multiplyPercent:
            let a = try numeric(try value(lhs, want: nil))
            let b = try numeric(try value(rhs, want: nil))
            return call("multiplyPercents", a, b, .percent)
        case .addDuration, .subtractDuration:
            let a = try value(lhs, want: .duration)
            let b = try value(rhs, want: .duration)
            return call(operation == .addDuration ? "addDurations" : "subtractDurations", a, b, .duration)
        case .addPeriod, .subtractPeriod:
            let a = try value(lhs, want: nil)
            guard case .period = a.type.unwrapped else { throw NativeUnsupported(description: "period arithmetic on \(a.type)") }
            let period = try coerce(a, to: a.type.unwrapped)
            let b = try value(rhs, want: nil)
            guard case .period = b.type.unwrapped else { throw NativeUnsupported(description: "period arithmetic on \(b.type)") }
            let other = try coerce(b, to: b.type.unwrapped)
            return call(operation == .addPeriod ? "addPeriods" : "subtractPeriods", period, other, period.type)
        case .dateAddPeriod, .dateSubtractPeriod:
            let date = try value(lhs, want: .date)
            let b = try value(rhs, want: nil)
            guard case .period(let unit) = b.type.unwrapped else { throw NativeUnsupported(description: "a date plus \(b.type)") }
            let count = try coerce(b, to: .period(unit))
            let function = operation == .dateAddPeriod ? "shift" : "shiftBack"
            return NativeCode(
                text: "try Arithmetic.\(function)(\(date.text), by: \(count.text), .\(SwiftNames.member(unit.rawValue)), holidays: \(holidays))",
                type: .date, isSimple: false)
        case .dateDifference:
            let a = try value(lhs, want: .date)
            let b = try value(rhs, want: .date)
            // The interpreter counts from the right operand to the left one.
            if b.isSimple || a.isSimple && !a.text.contains("try") {
                return NativeCode(text: "\(b.operand).days(until: \(a.text))", type: .period(.days), isSimple: false)
            }
            let later = fresh("later")
            w.line("let \(later): CivilDate = \(a.text)")
            return NativeCode(text: "\(b.operand).days(until: \(later))", type: .period(.days), isSimple: false)
        case .datetimeAddDuration, .datetimeSubtractDuration:
            let a = try value(lhs, want: .datetime)
            let b = try value(rhs, want: .duration)
            return call(operation == .datetimeAddDuration ? "addDuration" : "subtractDuration", a, b, .datetime)
        case .datetimeDifference:
            let a = try value(lhs, want: .datetime)
            let b = try value(rhs, want: .datetime)
            return call("difference", a, b, .duration)
        case .compare(let comparison):
            let a = try value(lhs, want: nil)
            let b = try value(rhs, want: nil)
            if comparison == .equal || comparison == .notEqual {
                return try equality(a, b, comparison == .equal)
            }
            return NativeCode(text: try compare(a, comparison, b), type: .bool, isSimple: false)
        }
    }

    /// `==` and `!=` with the interpreter's meaning: values of different kinds are never equal.
    private mutating func equality(_ a: NativeCode, _ b: NativeCode, _ equal: Bool) throws(NativeUnsupported) -> NativeCode {
        var (a, b) = (a, b)
        if a.type.unwrapped != b.type.unwrapped, a.type.unwrapped.isEnumeration, b.type.unwrapped.isEnumeration {
            // A name written in the rules takes the enum of the other side.
            if b.nameLiteral != nil || a.type.unwrapped == .enumeration([]) {
                b = try coerce(b, to: a.type.unwrapped)
            } else {
                a = try coerce(a, to: b.type.unwrapped)
            }
        }
        let (x, y) = (a.type.unwrapped, b.type.unwrapped)
        guard x == y || x == .absent || y == .absent else {
            throw NativeUnsupported(description: "a comparison of \(a.type) with \(b.type)")
        }
        return NativeCode(text: "\(a.operand) \(equal ? "==" : "!=") \(b.operand)", type: .bool, isSimple: false)
    }

    /// An ordered comparison with the interpreter's meaning (`Operations.compare`).
    mutating func compare(_ a: NativeCode, _ comparison: Comparison, _ b: NativeCode) throws(NativeUnsupported) -> String {
        var a = a
        var b = b
        if case .optional(let inner) = a.type { a = try coerce(a, to: inner) }
        if case .optional(let inner) = b.type { b = try coerce(b, to: inner) }
        switch (a.type, b.type) {
        case (.int, .int), (.date, .date), (.datetime, .datetime), (.time, .time), (.duration, .duration), (.period, .period):
            return "\(a.operand) \(comparison.rawValue) \(b.operand)"
        case (.money, .money):
            return "try Arithmetic.compareMoney(\(a.text), \(b.text)) \(comparison.rawValue) 0"
        case (.int, _), (.decimal, _), (.percent, _):
            let x = try numeric(a)
            let y = try numeric(b)
            return "\(x.operand) \(comparison.rawValue) \(y.operand)"
        default:
            throw NativeUnsupported(description: "an ordered comparison of \(a.type) with \(b.type)")
        }
    }

    private mutating func conditional(_ test: Expr, _ then: Expr, _ otherwise: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        let arms = [Arm(condition: .expr(test), value: .expr(then)), Arm(condition: .always, value: .expr(otherwise))]
        return try chain(arms, want: want, named: "chosen", noMatch: "")
    }

    private mutating func coalesce(_ primary: Expr, _ fallback: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        let first = try value(primary, want: nil)
        guard case .optional(let inner) = first.type else { return try coerce(first, to: want ?? first.type) }
        let target = want ?? inner
        guard inner == target.unwrapped || inner.isEnumeration && target.unwrapped.isEnumeration else {
            throw NativeUnsupported(description: "\(first.type) ?? \(target)")
        }
        let (lines, second) = try nested { (e) throws(NativeUnsupported) -> NativeCode in try e.value(fallback, want: target) }
        if lines.isEmpty, !second.text.contains("try ") {
            return NativeCode(text: "\(first.operand) ?? \(second.operand)", type: target, isSimple: false)
        }
        let name = fresh("value")
        w.line("let \(name): \(try types.swift(target))")
        let present = fresh("present")
        w.open("if let \(present) = \(first.text)")
        w.line("\(name) = \(present)")
        w.close("} else {")
        w.append(lines)
        w.line("\(name) = \(second.text)")
        w.close()
        return NativeCode(text: name, type: target, isSimple: true)
    }

    // MARK: Branches

    /// When an arm of a chain applies.
    enum ArmCondition {
        case expr(Expr)
        case code(String)
        case always
    }

    /// What an arm of a chain answers.
    enum ArmValue {
        case expr(Expr)
        case code(String, ValueType)
    }

    struct Arm {
        var condition: ArmCondition
        var value: ArmValue
        /// The explanation step recorded when this arm decides.
        var step: StepInfo? = nil
    }

    /// An `if … else if …` chain assigning the first arm that applies to a `let`; when none does,
    /// the interpreter's `noMatch` error. Conditions that need statements of their own open an
    /// `else` block, so nothing is evaluated before the arms above it have failed.
    mutating func chain(_ arms: [Arm], want: ValueType?, named base: String, noMatch: String) throws(NativeUnsupported) -> NativeCode {
        var target = want
        let (lines, name) = try nested { (e) throws(NativeUnsupported) -> String in
            let name = e.fresh(base)
            var opened = 0
            var isFirst = true
            var exhaustive = false
            for arm in arms {
                let test: String?
                switch arm.condition {
                case .always: test = nil
                case .code(let text): test = text
                case .expr(let expr):
                    let (conditionLines, code) = try e.nested { (inner) throws(NativeUnsupported) -> NativeCode in try inner.condition(expr) }
                    if isFirst {
                        e.w.append(conditionLines)
                    } else if !conditionLines.isEmpty {
                        e.w.close("} else {")
                        opened += 1
                        e.w.append(conditionLines)
                        isFirst = true
                    }
                    test = code.text
                }
                if let test {
                    if isFirst { e.w.open("if \(test)") } else { e.w.close("} else if \(test) {") }
                } else if !isFirst {
                    e.w.close("} else {")
                }
                try e.assign(arm.value, to: name, target: &target)
                if let step = arm.step, let type = target {
                    try e.record(step, NativeCode(text: name, type: type, isSimple: true))
                }
                if test == nil {
                    exhaustive = true
                    if !isFirst { e.w.close() }
                    break
                }
                isFirst = false
            }
            if !exhaustive {
                if isFirst { throw NativeUnsupported(description: "a choice without arms") }
                e.w.close("} else {")
                e.w.line("throw EvaluationError(.noTier, \(SwiftNames.literal(noMatch)))")
                e.w.close()
            }
            for _ in 0..<opened { e.w.close() }
            return name
        }
        guard let target else { throw NativeUnsupported(description: "a choice of no type") }
        w.line("let \(name): \(try types.swift(target))")
        w.append(lines)
        return NativeCode(text: name, type: target, isSimple: true)
    }

    private mutating func assign(_ arm: ArmValue, to name: String, target: inout ValueType?) throws(NativeUnsupported) {
        switch arm {
        case .expr(let expr):
            let code = try value(expr, want: target)
            target = target ?? code.type
            w.line("\(name) = \(code.text)")
        case .code(let text, let type):
            target = target ?? type
            w.line("\(name) = \(text)")
        }
    }

    private mutating func tiers(_ table: TierTable, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        var measure = try value(table.measure, want: nil)
        if case .optional(let inner) = measure.type { measure = try coerce(measure, to: inner) }
        if !measure.isSimple {
            let name = fresh(table.measureLabel)
            w.line("let \(name): \(try types.swift(measure.type)) = \(measure.text)")
            measure = NativeCode(text: name, type: measure.type, isSimple: true)
        }
        let lower = table.boundaries == .lowerInclusive
        var arms: [Arm] = []
        for row in table.rows {
            var tests: [String] = []
            if let from = row.from {
                let (text, type) = try NativeTypes.literal(from)
                tests.append(try compare(measure, lower ? .greaterOrEqual : .greater, NativeCode(text: text, type: type, isSimple: true)))
            }
            if let to = row.to {
                let (text, type) = try NativeTypes.literal(to)
                tests.append(try compare(measure, lower ? .less : .lessOrEqual, NativeCode(text: text, type: type, isSimple: true)))
            }
            arms.append(Arm(condition: tests.isEmpty ? .always : .code(tests.joined(separator: " && ")), value: .expr(row.value), step: row.step))
        }
        return try chain(arms, want: want, named: "tier", noMatch: "no tier row covers the value of \(table.measureLabel)")
    }

    private mutating func eligibility(_ block: Eligibility, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        guard let want, case .record(let fields) = want, fields.count == 2 else {
            throw NativeUnsupported(description: "exclusions and grounds without their record type")
        }
        let record = try types.swift(want)
        let decision = SwiftNames.member(fields[0].name).replacingBackquotes
        let reason = SwiftNames.member(fields[1].name).replacingBackquotes
        func name(_ text: String, as type: ValueType) throws(NativeUnsupported) -> String {
            try coerce(NativeCode(text: SwiftNames.literal(text), type: .enumeration([]), isSimple: true, nameLiteral: text), to: type).text
        }
        func answer(_ outcome: String, _ why: String) throws(NativeUnsupported) -> ArmValue {
            .code("\(record)(\(decision): \(try name(outcome, as: fields[0].type)), \(reason): \(try name(why, as: fields[1].type)))", want)
        }
        var arms: [Arm] = []
        for item in block.exclusions {
            arms.append(Arm(condition: .expr(item.condition), value: try answer(block.refused, item.reason), step: item.step))
        }
        for item in block.grounds {
            arms.append(Arm(condition: .expr(item.condition), value: try answer(block.granted, item.reason), step: item.step))
        }
        arms.append(Arm(condition: .always, value: try answer(block.refused, block.noGround), step: block.noGroundStep))
        return try chain(arms, want: want, named: "eligibility", noMatch: "")
    }

    // MARK: Functions and aggregates

    private var zone: String {
        switch contract.header.zone {
        case .utc: "ZoneRule.utc"
        case .europeParis: "ZoneRule.europeParis"
        }
    }

    private var holidays: String {
        switch contract.header.holidays {
        case .france: "HolidayCalendar.france"
        }
    }

    var rounding: String { "RoundingMode.\(SwiftNames.member(contract.header.rounding.rawValue))" }

    private mutating func call(_ builtin: Builtin, _ arguments: [Expr]) throws(NativeUnsupported) -> NativeCode {
        // floor(a / b) and ceil(a / b) of whole numbers stay in whole numbers (same answers and errors).
        if builtin == .floor || builtin == .ceil, arguments.count == 1, case .binary(.divideInt, let lhs, let rhs) = arguments[0] {
            let a = try value(lhs, want: .int)
            let b = try value(rhs, want: .int)
            let function = builtin == .floor ? "flooredQuotient" : "ceiledQuotient"
            return NativeCode(text: "try Arithmetic.\(function)(\(a.text), \(b.text))", type: .int, isSimple: false)
        }
        var codes: [NativeCode] = []
        for argument in arguments { codes.append(try value(argument, want: nil)) }
        func one() throws(NativeUnsupported) -> NativeCode {
            guard codes.count == 1 else { throw NativeUnsupported(description: "\(builtin.rawValue)() with \(codes.count) arguments") }
            return codes[0]
        }
        func typed(_ type: ValueType, _ index: Int = 0) throws(NativeUnsupported) -> NativeCode {
            guard codes.indices.contains(index) else { throw NativeUnsupported(description: "\(builtin.rawValue)() without arguments") }
            return try coerce(codes[index], to: type)
        }
        func code(_ text: String, _ type: ValueType) -> NativeCode { NativeCode(text: text, type: type, isSimple: false) }
        switch builtin {
        case .min, .max:
            guard var best = codes.first else { throw NativeUnsupported(description: "\(builtin.rawValue)() without arguments") }
            if case .optional(let inner) = best.type { best = try coerce(best, to: inner) }
            for var candidate in codes.dropFirst() {
                if case .optional(let inner) = candidate.type { candidate = try coerce(candidate, to: inner) }
                guard candidate.type == best.type else { throw NativeUnsupported(description: "\(builtin.rawValue)() of mixed types") }
                let function: String
                switch best.type {
                case .money: function = builtin == .min ? "smallerMoney" : "largerMoney"
                case .int, .decimal, .percent, .date, .datetime, .time, .duration, .period:
                    function = builtin == .min ? "smaller" : "larger"
                default: throw NativeUnsupported(description: "\(builtin.rawValue)() of \(best.type)")
                }
                let prefix = function.hasSuffix("Money") ? "try " : ""
                best = code("\(prefix)Arithmetic.\(function)(\(best.text), \(candidate.text))", best.type)
            }
            return best
        case .localDate: return code("\(zone).localDate(of: \(try typed(.datetime).text))", .date)
        case .localTime: return code("\(zone).localTime(of: \(try typed(.datetime).text))", .time)
        case .atLocal:
            return code("\(zone).instant(date: \(try typed(.date).text), time: \(try typed(.time, 1).text))", .datetime)
        case .isBusinessDay: return code("\(holidays).isBusinessDay(\(try typed(.date).text))", .bool)
        case .isHoliday: return code("\(holidays).isHoliday(\(try typed(.date).text))", .bool)
        case .weekday: return code("\(try typed(.date).operand).weekday.name", .enumeration([]))
        case .endOfMonth: return code("\(try typed(.date).operand).endOfMonth", .date)
        case .quarter: return code("\(try typed(.date).operand).quarter", .int)
        case .year: return code("\(try typed(.date).operand).year", .int)
        case .month: return code("\(try typed(.date).operand).month", .int)
        case .daysBetween: return code("\(try typed(.date).operand).days(until: \(try typed(.date, 1).text))", .int)
        case .ceil: return code("try Arithmetic.ceiling(\(try numeric(try one()).text))", .int)
        case .floor: return code("try Arithmetic.floor(\(try numeric(try one()).text))", .int)
        case .round:
            let amount = try one()
            guard case .money = amount.type.unwrapped else { throw NativeUnsupported(description: "round() of \(amount.type)") }
            return code("try Arithmetic.roundToCent(\(try coerce(amount, to: amount.type.unwrapped).text), \(rounding))", amount.type.unwrapped)
        case .exists:
            let argument = try one()
            guard argument.type.isOptional, argument.isSimple else { throw NativeUnsupported(description: "exists() of \(argument.type)") }
            return code("\(argument.text) != nil", .bool)
        case .toDecimal: return code(try numeric(try one()).text, .decimal)
        case .dayCount:
            let period = try one()
            guard case .period = period.type.unwrapped else { throw NativeUnsupported(description: "day_count() of \(period.type)") }
            let count = try coerce(period, to: period.type.unwrapped)
            return NativeCode(text: count.text, type: .int, isSimple: count.isSimple)
        case .daysOf, .businessDaysOf, .joursFrancsOf, .monthsOf, .yearsOf:
            guard let unit = builtin.periodUnit else { throw NativeUnsupported(description: "\(builtin.rawValue)()") }
            let count = try coerce(try one(), to: .int)
            return NativeCode(text: count.text, type: .period(unit), isSimple: count.isSimple)
        case .hours: return code("try Arithmetic.hours(\(try typed(.duration).text))", .decimal)
        }
    }

    private mutating func aggregate(_ kind: Aggregate, list: Expr, slot: Int, body: Expr?) throws(NativeUnsupported) -> NativeCode {
        var items = try value(list, want: nil)
        if case .optional(let inner) = items.type { items = try coerce(items, to: inner) }
        guard case .list(let element) = items.type else { throw NativeUnsupported(description: "an aggregate of \(items.type)") }
        if kind == .count, body == nil {
            return NativeCode(text: "\(items.operand).count", type: .int, isSimple: false)
        }
        let item = fresh("item")
        name(slot: slot, item)
        let (lines, term) = try nested { (e) throws(NativeUnsupported) -> NativeCode in
            guard let body else { return NativeCode(text: item, type: element, isSimple: true) }
            return try e.value(body, want: kind == .sum ? nil : .bool)
        }
        let loopItem = read.contains(slot) ? item : "_"
        switch kind {
        case .sum:
            let add: String
            switch term.type {
            case .int: add = "addInts"
            case .money: add = "addMoney"
            case .percent: add = "addPercents"
            case .duration: add = "addDurations"
            case .period: add = "addPeriods"
            case .decimal: add = "addDecimals"
            default: throw NativeUnsupported(description: "a sum of \(term.type)")
            }
            let total = fresh("total")
            w.line("var \(total): \(try types.swift(term.type))? = nil")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            var termText = term.text
            if !term.isSimple {
                let name = fresh("term")
                w.line("let \(name) = \(term.text)")
                termText = name
            }
            w.line("\(total) = if let \(total) { try Arithmetic.\(add)(\(total), \(termText)) } else { \(termText) }")
            w.close()
            return NativeCode(text: total, type: .optional(term.type), isSimple: true)
        case .count:
            let count = fresh("count")
            w.line("var \(count) = 0")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            w.line("if \(term.text) { \(count) += 1 }")
            w.close()
            return NativeCode(text: count, type: .int, isSimple: true)
        case .any, .all:
            let found = fresh(kind == .any ? "any" : "all")
            w.line("var \(found) = \(kind == .any ? "false" : "true")")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            w.open("if \(kind == .any ? "" : "!")\(term.operand)")
            w.line("\(found) = \(kind == .any ? "true" : "false")")
            w.line("break")
            w.close()
            w.close()
            return NativeCode(text: found, type: .bool, isSimple: true)
        }
    }
}

extension ValueType {
    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
}
