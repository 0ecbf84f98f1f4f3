import Clausier

/// The native Swift of one contract: its definitions and decisions as static functions of plain
/// Swift types, with no interpreter, no `Value` and no dictionary on the way.
///
/// A decision whose IR uses a construct the backend does not translate is left out, with the
/// reason; the typed API answers it through the interpreter instead.
struct NativeContractGenerator {
    let contract: CompiledContract

    /// The generated enum, its record types, and which decisions it answers.
    struct Output {
        /// The generated enum's name: `ProspectItRules`.
        var enumName = ""
        var source = SourceWriter()
        var types = NativeTypes()
        /// Decision index → the native function's name.
        var decisions: [Int: String] = [:]
        /// Decision id → why it has no native code.
        var unsupported: [String: String] = [:]
    }

    /// The enum's name: `ProspectItRules`.
    var enumName: String { SwiftNames.type(contract.header.id) + "Rules" }

    /// The parameter names of a decision's typed method and native function, in input order.
    static func parameterNames(_ decision: CompiledDecision) -> [String] {
        var used: Set<String> = ["asOf", "explain"]
        return decision.inputs.map { input in
            var name = SwiftNames.member(input.name)
            while used.contains(name) { name += "_" }
            used.insert(name)
            return name
        }
    }

    func generate() -> Output {
        var output = Output()
        output.enumName = enumName
        var body = SourceWriter()
        body.indent(by: 1)
        // Definitions can call each other: drop those that fail, and those calling them, until none fails.
        var definitionNames: [Int: String] = [:]
        var usedNames: Set<String> = []
        for (index, definition) in contract.definitions.enumerated() {
            var name = SwiftNames.member(definition.id).replacingBackquotes
            while usedNames.contains(name) { name += "_" }
            usedNames.insert(name)
            definitionNames[index] = name
        }
        var definitionSources: [Int: SourceWriter] = [:]
        var changed = true
        while changed {
            changed = false
            definitionSources = [:]
            for index in contract.definitions.indices where definitionNames[index] != nil {
                do {
                    definitionSources[index] = try definition(index, names: definitionNames, types: &output.types)
                } catch {
                    definitionNames[index] = nil
                    changed = true
                }
            }
        }
        var decisionSources: [SourceWriter] = []
        for (index, decision) in contract.decisions.enumerated() {
            var name = SwiftNames.member(decision.id).replacingBackquotes
            while usedNames.contains(name) { name += "_" }
            do {
                decisionSources.append(try self.decision(index, name: name, definitions: definitionNames, types: &output.types))
                usedNames.insert(name)
                output.decisions[index] = name
            } catch {
                output.unsupported[decision.id] = error.description
            }
        }

        var w = SourceWriter()
        w.doc("""
            The rules of `\(contract.header.id)` as Swift, generated from their compiled form: one function per \
            decision and definition, on plain Swift values.

            ``\(SwiftNames.type(contract.header.id))`` calls these when it is bound to the rules they were generated from, \
            and explanation is off; otherwise the interpreter answers, with the same answers and errors.
            """)
        w.open("enum \(enumName)")
        do { try output.types.declare(into: &w) } catch {
            // A record of a type without native form: no decision using it was generated either.
        }
        for index in contract.definitions.indices {
            guard let source = definitionSources[index], definitionNames[index] != nil else { continue }
            w.line()
            w.append(source)
        }
        for source in decisionSources {
            w.line()
            w.append(source)
        }
        w.close()
        output.source = w
        return output
    }

    /// The parameters every generated function takes after the rule's own: the evaluation date, and
    /// the explanation being recorded (nil when explanation is off).
    static let context = ["asOf: CivilDate", "explanation: inout NativeExplanation?"]

    private func citations(_ list: [String]) -> String {
        list.isEmpty ? "" : " Cites \(list.joined(separator: ", "))."
    }

    private func definition(_ index: Int, names: [Int: String], types: inout NativeTypes) throws(NativeUnsupported) -> SourceWriter {
        let definition = contract.definitions[index]
        guard let functionName = names[index], definition.slotTypes.count >= definition.parameterCount else {
            throw NativeUnsupported(description: "a definition without slot types")
        }
        var emitter = NativeFunctionEmitter(
            contract: contract, definitionNames: names, types: types, slotTypes: definition.slotTypes, reserved: Set(names.values))
        var parameters: [String] = []
        for slot in 0..<definition.parameterCount {
            let given = definition.parameterNames.indices.contains(slot) ? definition.parameterNames[slot] : "parameter"
            let name = emitter.fresh(given)
            emitter.name(slot: slot, name)
            parameters.append("_ \(name): \(try emitter.types.swift(definition.slotTypes[slot]))")
        }
        let result = try emitter.value(definition.body, want: definition.step.type)
        let title = "\(SwiftNames.comment(definition.step.because ?? definition.id)) (`\(definition.id)`)."
        return try function(functionName, title: title, citing: definition.step.citations, parameters, returning: result, &emitter, &types)
    }

    /// A generated function: its doc comment, signature, the emitter's statements and the return.
    private func function(
        _ name: String, title: String, citing cited: [String], _ parameters: [String], returning result: NativeCode,
        _ emitter: inout NativeFunctionEmitter, _ types: inout NativeTypes
    ) throws(NativeUnsupported) -> SourceWriter {
        let resultType = try emitter.types.swift(result.type)
        var w = SourceWriter()
        w.doc(title + citations(cited))
        w.open("static func \(name)(\((parameters + Self.context).joined(separator: ", "))) throws(EvaluationError) -> \(resultType)")
        w.append(emitter.w)
        w.line("return \(result.text)")
        w.close()
        types = emitter.types
        return w
    }

    private func decision(
        _ index: Int, name: String, definitions: [Int: String], types: inout NativeTypes
    ) throws(NativeUnsupported) -> SourceWriter {
        let decision = contract.decisions[index]
        guard decision.slotTypes.count == decision.frameSize else { throw NativeUnsupported(description: "rules compiled without slot types") }
        var emitter = NativeFunctionEmitter(
            contract: contract, definitionNames: definitions, types: types, slotTypes: decision.slotTypes,
            reserved: Set(definitions.values).union(Self.parameterNames(decision)))
        var parameters: [String] = []
        for (input, parameter) in zip(decision.inputs, Self.parameterNames(decision)) {
            emitter.name(slot: input.slot, parameter)
            parameters.append("\(parameter): \(try emitter.types.swift(input.type))")
        }
        for requirement in decision.requirements {
            try self.requirement(requirement, &emitter)
        }
        var result = try emitter.value(decision.body, want: decision.resultType)
        var rounded = result
        if result.type.holdsMoney {
            result = try emitter.named(result, "exact")
            rounded = try emitter.named(try roundingMoney(result, &emitter), "answer")
            let raw = try emitter.types.boxed(result.text, result.type)
            let answer = try emitter.types.boxed(rounded.text, rounded.type)
            emitter.w.line(
                "explanation?.recordRounding(raw: \(raw), rounded: \(answer), type: \(try NativeTypes.typeLiteral(decision.resultType)), "
                    + "mode: \(emitter.rounding))")
        }
        let title = "\(SwiftNames.comment(decision.title.isEmpty ? decision.id : decision.title)) (`\(decision.id)`)."
        return try function(name, title: title, citing: decision.citations, parameters, returning: rounded, &emitter, &types)
    }

    /// A requirement on the facts: the interpreter's error when it fails, naming the item of a list.
    private func requirement(_ requirement: Requirement, _ e: inout NativeFunctionEmitter) throws(NativeUnsupported) {
        let message = SwiftNames.literal(requirement.message)
        guard let each = requirement.forEach else {
            let condition = try e.condition(requirement.condition)
            e.w.open("guard \(condition.text) else")
            e.w.line("throw EvaluationError(.requirement, \(message), fact: \(SwiftNames.literal(requirement.fact)))")
            e.w.close()
            return
        }
        var list = try e.value(each.list, want: nil)
        if case .optional(let inner) = list.type { list = try e.coerce(list, to: inner) }
        guard case .list = list.type else { throw NativeUnsupported(description: "a requirement for each item of \(list.type)") }
        let item = e.fresh(each.itemName)
        let position = e.fresh("position")
        e.name(slot: each.itemSlot, item)
        var suffix = ""
        if requirement.fact.hasPrefix(each.itemName + ".") { suffix = String(requirement.fact.dropFirst(each.itemName.count)) }
        let (lines, condition) = try e.nested { (inner) throws(NativeUnsupported) -> NativeCode in
            try inner.condition(requirement.condition)
        }
        e.w.open("for (\(position), \(item)) in \(list.operand).enumerated()")
        e.w.append(lines)
        e.w.open("guard \(condition.text) else")
        let fact = "\(SwiftNames.literal(each.listName + "[")) + String(\(position)) + \(SwiftNames.literal("]" + suffix))"
        e.w.line("throw EvaluationError(.requirement, \(message), fact: \(fact))")
        e.w.close()
        e.w.close()
    }

    /// Money in the answer rounded to the cent once, with the contract's mode, as the interpreter does.
    private func roundingMoney(_ code: NativeCode, _ e: inout NativeFunctionEmitter) throws(NativeUnsupported) -> NativeCode {
        guard code.type.holdsMoney else { return code }
        switch code.type {
        case .money:
            return NativeCode(
                text: "try Arithmetic.roundToCent(\(code.text), \(e.rounding), computing: \"the rounding of the answer\")",
                type: code.type, isSimple: false)
        case .record(let fields):
            var record = code
            if !record.isSimple {
                let name = e.fresh("answer")
                e.w.line("let \(name) = \(code.text)")
                record = NativeCode(text: name, type: code.type, isSimple: true)
            }
            var arguments: [String] = []
            for field in fields {
                let member = SwiftNames.member(field.name).replacingBackquotes
                let rounded = try roundingMoney(NativeCode(text: "\(record.text).\(member)", type: field.type, isSimple: true), &e)
                arguments.append("\(member): \(rounded.text)")
            }
            return NativeCode(text: "\(try e.types.swift(code.type))(\(arguments.joined(separator: ", ")))", type: code.type, isSimple: false)
        case .optional(let inner), .list(let inner):
            let element = try roundingMoney(NativeCode(text: "element", type: inner, isSimple: true), &e)
            let closure = "{ (element) throws(EvaluationError) -> \(try e.types.swift(inner)) in \(element.text) }"
            return NativeCode(text: "try \(code.operand).map \(closure)", type: code.type, isSimple: false)
        default:
            return code
        }
    }
}

extension ValueType {
    /// Whether a value of this type can hold an amount of money.
    var holdsMoney: Bool {
        switch self {
        case .money: true
        case .record(let fields): fields.contains { $0.type.holdsMoney }
        case .optional(let inner), .list(let inner): inner.holdsMoney
        default: false
        }
    }
}
