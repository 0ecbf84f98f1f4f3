import Clausier

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
    /// The slots read so far; internal so that aggregates, beside this file, can name an unread item `_`.
    var read: Set<Int> = []

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
}
