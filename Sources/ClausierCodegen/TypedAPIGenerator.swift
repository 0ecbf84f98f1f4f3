import Clausier

/// Generates a typed Swift API for the contracts of a rule set: one struct per contract, one method
/// per decision whose parameters are the decision's inputs in Swift types, and typed answers.
///
/// Changing a rule's inputs changes the method's signature, so a host calling it stops compiling
/// where it must be updated.
struct TypedAPIGenerator {
    let contract: CompiledContract
    /// The contract's native code, which the typed methods call when they can.
    let native: NativeContractGenerator.Output

    init(contract: CompiledContract) {
        self.contract = contract
        self.native = NativeContractGenerator(contract: contract).generate()
    }

    /// A nested type to declare in a decision's namespace.
    private struct Declaration {
        var name: String
        var source: SourceWriter
    }

    func generate(into w: inout SourceWriter) {
        let header = contract.header
        let typeName = SwiftNames.type(header.id)
        w.doc("""
            \(SwiftNames.comment(header.title))

            Compiled from `\(header.source)`, in force from \(header.effective). Dates are read in \(header.zone.rawValue), \
            amounts are in \(header.currency.code), rounded once to the cent (\(header.rounding.rawValue)).
            """)
        w.block("public struct \(typeName): Sendable") { w in
            w.doc("The contract's id in the catalogue.")
            w.line("public static let id = \(SwiftNames.literal(header.id))")
            w.line()
            w.doc("The rules answering this contract's decisions.")
            w.line("public let rules: RuleSet")
            w.line("private let references: [DecisionReference]")
            w.line("private let native: Bool")
            w.line("private static let binding = NativeBinding(generated: CompiledRules.generated, contract: id)")
            w.line()
            w.doc("""
                The decisions answered by native Swift generated from the rules, explanation included; the others are \
                answered by the interpreter, with the same answers.
                """)
            let nativeIDs = contract.decisions.indices.filter { native.decisions[$0] != nil }.map { SwiftNames.literal(contract.decisions[$0].id) }
            w.line("public static let nativeDecisions: [String] = [\(nativeIDs.joined(separator: ", "))]")
            w.line()
            w.doc("""
                Whether the native code answers: true when the rules bound are the rules this API was generated from \
                (``CompiledRules/load()``); rules loaded or reloaded from elsewhere are answered by the interpreter.
                """)
            w.line("public var usesNativeCode: Bool { native }")
            w.line()
            w.doc("""
                Binds the typed API to rules holding this contract and the decisions it was generated for.

                - Throws: ``EvaluationError`` when a decision is missing: the rules changed since the code was generated.
                """)
            w.block("public init(rules: RuleSet) throws(EvaluationError)") { w in
                w.line("var references: [DecisionReference] = []")
                w.line("references.reserveCapacity(\(contract.decisions.count))")
                let ids = contract.decisions.map { SwiftNames.literal($0.id) }.joined(separator: ", ")
                w.block("for decision in [\(ids)]") { w in
                    w.block("guard let reference = rules.reference(contract: Self.id, decision: decision) else") { w in
                        w.line("throw EvaluationError(")
                        w.line("    .unknownDecision,")
                        w.line("    \"the rules have no decision '\\(decision)' of '\\(Self.id)': regenerate the typed API from them\")")
                    }
                    w.line("references.append(reference)")
                }
                w.line("self.rules = rules")
                w.line("self.references = references")
                w.line("self.native = NativeBinding.matches(rules, generated: CompiledRules.generated, contract: Self.id)")
            }
            for (index, decision) in contract.decisions.enumerated() {
                w.line()
                method(decision, index: index, into: &w)
                w.line()
                namespace(decision, into: &w)
            }
            w.line()
            dynamicEntry(into: &w)
        }
        w.line()
        w.append(native.source)
    }

    /// `evaluate(_:values:asOf:explain:)`: a decision named at run time, with its inputs as values,
    /// answered as the typed method answers it (natively when it can).
    private func dynamicEntry(into w: inout SourceWriter) {
        w.doc("""
            Answers a decision named at run time, its inputs given as values in the decision's input order, through \
            the typed method, so natively when it can.

            - Throws: ``EvaluationError`` of kind `unknownDecision` for a decision this contract does not have, \
            `invalidFact` for values of the wrong number or type, and as the typed method does.
            """)
        w.block("public func evaluate(_ decision: String, values: [Value], asOf: CivilDate, explain: Bool = false) throws(EvaluationError) -> Decision") { w in
            w.block("switch decision") { w in
                for decision in contract.decisions {
                    let namespace = SwiftNames.type(decision.id)
                    w.line("case \(SwiftNames.literal(decision.id)):")
                    w.indent(by: 1)
                    w.block("guard values.count == \(decision.inputs.count) else") { w in
                        w.line("throw EvaluationError(.invalidFact, \"the decision '\\(decision)' takes \(decision.inputs.count) inputs, not \\(values.count)\")")
                    }
                    var arguments: [String] = []
                    for (position, (name, input)) in parameters(decision).enumerated() {
                        arguments.append("\(name.replacingBackquotes): try \(fromValue("values[\(position)]", input.type, namespace: namespace, name: input.name))")
                    }
                    arguments += ["asOf: asOf", "explain: explain"]
                    w.line("return try \(SwiftNames.member(decision.id))(\(arguments.joined(separator: ", "))).decision")
                    w.indent(by: -1)
                }
                w.line("default:")
                w.line("    throw EvaluationError(.unknownDecision, \"the contract '\\(Self.id)' has no decision '\\(decision)'\")")
            }
        }
    }

    private func parameters(_ decision: CompiledDecision) -> [(name: String, input: InputSpec)] {
        var used: Set<String> = ["asOf", "explain"]
        return decision.inputs.map { input in
            var name = SwiftNames.member(input.name)
            while used.contains(name) { name += "_" }
            used.insert(name)
            return (name, input)
        }
    }

    private func method(_ decision: CompiledDecision, index: Int, into w: inout SourceWriter) {
        let namespace = SwiftNames.type(decision.id)
        var doc = decision.title.isEmpty ? "The decision `\(decision.id)`." : SwiftNames.comment(decision.title) + "."
        if !decision.citations.isEmpty { doc += "\n\nCites \(decision.citations.joined(separator: ", "))." }
        doc += "\n\n- Parameters:"
        for (name, input) in parameters(decision) {
            doc += "\n  - \(name.replacingBackquotes): `\(input.name)`, \(input.type)"
            if input.countsOnlyIfPast { doc += "; a date after `asOf` counts as absent" }
            doc += "."
        }
        doc += "\n  - asOf: The evaluation date, in the contract's time zone."
        doc += "\n  - explain: Whether to record the steps that decided, in `decision.explanation`."
        doc += "\n- Returns: The answer in Swift types, with the decision and its citations."
        doc += "\n- Throws: ``EvaluationError`` naming the fact at fault."
        w.doc(doc)
        var signature = parameters(decision).map { "\($0.name): \(swiftType($0.input.type, namespace: namespace, name: $0.input.name))" }
        signature += ["asOf: CivilDate", "explain: Bool = false"]
        w.block("public func \(SwiftNames.member(decision.id))(\(signature.joined(separator: ", "))) throws(EvaluationError) -> Answer<\(namespace).Result>") { w in
            if let function = native.decisions[index] {
                nativeCall(decision, index: index, function: function, into: &w)
            } else if let reason = native.unsupported[decision.id] {
                w.line("// The interpreter answers: the native backend does not translate \(SwiftNames.comment(reason)).")
            }
            let values = parameters(decision).map { toValue($0.name, $0.input.type) }
            w.line("let values: [Value] = [\(values.joined(separator: ", "))]")
            w.line("let decision = try rules.evaluate(references[\(index)], values: values, asOf: asOf, explain: explain)")
            w.line("return Answer(value: try \(fromValue("decision.value", decision.resultType, namespace: namespace, name: resultName(decision))), decision: decision)")
        }
    }

    /// The native path of a typed method: the facts checked as the interpreter checks them, then the
    /// generated function, its answer converted to the API's types.
    private func nativeCall(_ decision: CompiledDecision, index: Int, function: String, into w: inout SourceWriter) {
        let namespace = SwiftNames.type(decision.id)
        w.block("if native") { w in
            var arguments: [String] = []
            var counter = 0
            for (name, input) in parameters(decision) {
                let plain = name.replacingBackquotes
                validate(name, input.type, fact: SwiftNames.literal(input.name), counter: &counter, into: &w)
                var argument = name
                if input.countsOnlyIfPast {
                    w.line("let \(plain)Counted = \(name).flatMap { $0 > asOf ? nil : $0 }")
                    argument = plain + "Counted"
                }
                arguments.append("\(plain): \(toNative(argument, input.type))")
            }
            arguments += ["asOf: asOf", "explanation: &explanation"]
            w.line("var explanation: NativeExplanation? = explain ? NativeExplanation() : nil")
            w.line("let answer = try \(native.enumName).\(function)(\(arguments.joined(separator: ", ")))")
            let result = SwiftNames.type(decision.id) + ".Result"
            w.line("let value: \(result) = \(fromNative("answer", decision.resultType, namespace: namespace, name: resultName(decision)))")
            w.block("if let explanation") { w in
                w.line("let decision = Self.binding.decision(\(index), value: \(toValue("value", decision.resultType)), asOf: asOf, explanation: explanation.steps)")
                w.line("return Answer(value: value, decision: decision)")
            }
            w.line("return Answer(value: value, asOf: asOf) { (value: \(result), asOf: CivilDate) -> Decision in")
            w.line("    Self.binding.decision(\(index), value: \(toValue("value", decision.resultType)), asOf: asOf)")
            w.line("}")
        }
    }

    /// Checks of a typed fact, as `ValueValidator` makes them; `fact` is Swift code for its dotted name.
    private func validate(_ expr: String, _ type: ValueType, fact: String, counter: inout Int, into w: inout SourceWriter) {
        func fail(_ check: String) {
            w.block("if let problem = \(check)") { w in
                w.line("throw EvaluationError(.invalidFact, problem, fact: \(fact))")
            }
        }
        switch type {
        case .int: fail("FactCheck.count(\(expr))")
        case .money:
            // Native code exists only for amounts in euros (`NativeTypes.swift(_:)`).
            fail("FactCheck.money(\(expr), currency: .eur)")
        case .date: fail("FactCheck.date(\(expr))")
        case .optional(let inner) where inner.needsFactCheck:
            counter += 1
            let present = "present\(counter)"
            w.block("if let \(present) = \(expr)") { w in validate(present, inner, fact: fact, counter: &counter, into: &w) }
        case .list(let element) where element.needsFactCheck:
            counter += 1
            let (index, item) = ("index\(counter)", "item\(counter)")
            w.block("for (\(index), \(item)) in \(expr).enumerated()") { w in
                validate(item, element, fact: "\(fact) + \"[\" + String(\(index)) + \"]\"", counter: &counter, into: &w)
            }
        case .record(let fields):
            for field in fields where field.type.needsFactCheck {
                validate("\(expr).\(SwiftNames.member(field.name))", field.type, fact: "\(fact) + \(SwiftNames.literal("." + field.name))",
                         counter: &counter, into: &w)
            }
        default:
            return
        }
    }

    /// Swift code turning an API value into the native code's representation.
    private func toNative(_ expr: String, _ type: ValueType) -> String {
        switch type {
        case .enumeration: return "\(expr).native"
        case .optional(let inner), .list(let inner):
            let element = toNative("$0", inner)
            return element == "$0" ? expr : "\(expr).map { \(element) }"
        case .record(let fields):
            // Declared by the native function taking this input; a missing one would not compile.
            let name = native.types.declared(type) ?? "_"
            let arguments = fields.map { field in
                let member = SwiftNames.member(field.name)
                return "\(member.replacingBackquotes): \(toNative("\(expr).\(member)", field.type))"
            }
            return "\(native.enumName).\(name)(\(arguments.joined(separator: ", ")))"
        default: return expr
        }
    }

    /// Swift code turning the native code's answer into the API's types (throwing for enums).
    private func fromNative(_ expr: String, _ type: ValueType, namespace: String, name: String) -> String {
        switch type {
        case .enumeration:
            return "\(swiftType(type, namespace: namespace, name: name, qualified: true))(native: \(expr))"
        case .record(let fields):
            let arguments = fields.map { field in
                let member = SwiftNames.member(field.name)
                return "\(member.replacingBackquotes): \(fromNative("\(expr).\(member)", field.type, namespace: namespace, name: field.name))"
            }
            return "\(swiftType(type, namespace: namespace, name: name, qualified: true))(\(arguments.joined(separator: ", ")))"
        case .optional(let inner), .list(let inner):
            let itemName = type.isOptional ? name : name + "_item"
            let element = fromNative("element", inner, namespace: namespace, name: itemName)
            guard element != "element" else { return expr }
            let elementType = swiftType(inner, namespace: namespace, name: itemName, qualified: true)
            return "\(expr).map { (element) -> \(elementType) in \(element) }"
        default: return expr
        }
    }

    private func namespace(_ decision: CompiledDecision, into w: inout SourceWriter) {
        let namespace = SwiftNames.type(decision.id)
        w.doc("The types of ``\(SwiftNames.member(decision.id).replacingBackquotes)(\(parameters(decision).map { "\($0.name.replacingBackquotes):" }.joined())asOf:explain:)``.")
        w.block("public enum \(namespace)") { w in
            var declarations: [String: SourceWriter] = [:]
            var order: [String] = []
            for input in decision.inputs {
                collect(input.type, name: input.name, namespace: namespace, into: &declarations, order: &order)
            }
            switch decision.resultType {
            case .record, .enumeration:
                // The answer's own type is `Result`.
                collect(decision.resultType, name: resultName(decision), namespace: namespace, into: &declarations, order: &order)
            default:
                collect(decision.resultType, name: resultName(decision), namespace: namespace, into: &declarations, order: &order)
                w.doc("The answer of `\(decision.id)`.")
                w.line("public typealias Result = \(swiftType(decision.resultType, namespace: namespace, name: resultName(decision), qualified: false))")
            }
            for name in order {
                guard let source = declarations[name] else { continue }
                w.line()
                for line in source.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    w.line(String(line))
                }
            }
        }
    }

    /// The Swift type of a value type; records and enums get named nested types.
    private func swiftType(_ type: ValueType, namespace: String, name: String, qualified: Bool = true) -> String {
        let prefix = qualified ? namespace + "." : ""
        if let scalar = NativeTypes.scalarType(type) { return scalar }
        switch type {
        case .enumeration, .record: return prefix + nestedName(name)
        case .list(let element): return "[\(swiftType(element, namespace: namespace, name: name + "_item", qualified: qualified))]"
        case .optional(let inner): return swiftType(inner, namespace: namespace, name: name, qualified: qualified) + "?"
        default: return "Never?"
        }
    }

    private func nestedName(_ name: String) -> String { SwiftNames.type(name) }

    /// The name of the answer's nested type: `Result` itself for a record or an enum, otherwise a name
    /// that `Result` can alias without referring to itself.
    private func resultName(_ decision: CompiledDecision) -> String {
        switch decision.resultType {
        case .record, .enumeration: "result"
        default: "result_value"
        }
    }

    private func collect(
        _ type: ValueType, name: String, namespace: String, into declarations: inout [String: SourceWriter], order: inout [String]
    ) {
        switch type {
        case .optional(let inner): collect(inner, name: name, namespace: namespace, into: &declarations, order: &order)
        case .list(let element): collect(element, name: name + "_item", namespace: namespace, into: &declarations, order: &order)
        case .enumeration(let cases):
            let typeName = nestedName(name)
            guard declarations[typeName] == nil else { return }
            var w = SourceWriter()
            w.doc(name == "result" || name == "result_value" ? "The values the answer can take." : "The values of `\(name)`.")
            w.block("public enum \(typeName): String, Sendable, Hashable, CaseIterable") { w in
                for c in cases {
                    let member = SwiftNames.member(c)
                    w.line(member.replacingBackquotes == c ? "case \(member)" : "case \(member) = \(SwiftNames.literal(c))")
                }
                w.line()
                if let nativeType = native.types.declared(type) {
                    let qualified = "\(native.enumName).\(nativeType)"
                    w.line()
                    w.doc("The same name in the generated rules.")
                    w.block("fileprivate var native: \(qualified)") { w in
                        w.block("switch self") { w in
                            for c in cases { w.line("case .\(SwiftNames.member(c).replacingBackquotes): .\(SwiftNames.member(c).replacingBackquotes)") }
                        }
                    }
                    w.line()
                    w.doc("The name of the generated rules' answer.")
                    w.block("fileprivate init(native: \(qualified))") { w in
                        w.block("switch native") { w in
                            for c in cases { w.line("case .\(SwiftNames.member(c).replacingBackquotes): self = .\(SwiftNames.member(c).replacingBackquotes)") }
                        }
                    }
                }
                w.line()
                w.doc("Reads the value from an answer.")
                w.block("public init(decoding value: Value) throws(EvaluationError)") { w in
                    w.line("let name = try value.asName()")
                    w.block("guard let known = Self(rawValue: name) else") { w in
                        w.line("throw EvaluationError(.arithmetic, \"'\\(name)' is not a value of \(typeName): regenerate the typed API\")")
                    }
                    w.line("self = known")
                }
            }
            declarations[typeName] = w
            order.append(typeName)
        case .record(let fields):
            let typeName = nestedName(name)
            guard declarations[typeName] == nil else { return }
            for field in fields {
                collect(field.type, name: field.name, namespace: namespace, into: &declarations, order: &order)
            }
            var w = SourceWriter()
            w.doc(name == "result" || name == "result_value" ? "The answer's fields." : "The fields of `\(name)`.")
            w.block("public struct \(typeName): Sendable, Hashable") { w in
                for field in fields {
                    w.doc("`\(field.name)`, \(field.type).")
                    w.line("public var \(SwiftNames.member(field.name)): \(swiftType(field.type, namespace: namespace, name: field.name, qualified: false))")
                }
                w.line()
                w.doc("Creates the record from its fields.")
                let params = fields.map { "\(SwiftNames.member($0.name)): \(swiftType($0.type, namespace: namespace, name: $0.name, qualified: false))" }
                w.block("public init(\(params.joined(separator: ", ")))") { w in
                    for field in fields {
                        let member = SwiftNames.member(field.name)
                        w.line("self.\(member) = \(member)")
                    }
                }
                w.line()
                w.doc("Reads the record from an answer.")
                w.block("public init(decoding value: Value) throws(EvaluationError)") { w in
                    w.line("let fields = try value.asRecord(count: \(fields.count))")
                    for (index, field) in fields.enumerated() {
                        w.line("self.\(SwiftNames.member(field.name)) = try \(fromValue("fields[\(index)]", field.type, namespace: namespace, name: field.name, qualified: false))")
                    }
                }
                w.line()
                w.doc("The record as a rule value.")
                w.block("public var value: Value") { w in
                    let items = fields.map { toValue("self." + SwiftNames.member($0.name).replacingBackquotes, $0.type) }
                    w.line(".record([\(items.joined(separator: ", "))])")
                }
            }
            declarations[typeName] = w
            order.append(typeName)
        default:
            return
        }
    }

    /// Swift code turning the Swift value `expr` into a rule `Value`.
    private func toValue(_ expr: String, _ type: ValueType) -> String {
        if let scalar = NativeTypes.scalarValue(expr, type) { return scalar }
        switch type {
        case .enumeration: return ".name(\(expr).rawValue)"
        case .record: return "\(expr).value"
        case .list(let element): return ".list(\(expr).map { item -> Value in \(toValue("item", element)) })"
        case .optional(let inner): return "(\(expr).map { present -> Value in \(toValue("present", inner)) } ?? .absent)"
        default: return ".absent"
        }
    }

    /// Swift code reading the rule `Value` expression `expr` as its Swift type (throwing).
    private func fromValue(_ expr: String, _ type: ValueType, namespace: String, name: String, qualified: Bool = true) -> String {
        switch type {
        case .bool: return "\(expr).asBool()"
        case .int: return "\(expr).asInt()"
        case .decimal: return "\(expr).asDecimal()"
        case .percent: return "\(expr).asPercent()"
        case .money: return "\(expr).asMoney()"
        case .date: return "\(expr).asDate()"
        case .datetime: return "\(expr).asDatetime()"
        case .time: return "\(expr).asTime()"
        case .duration: return "\(expr).asDuration()"
        case .period: return "\(expr).asDays()"
        case .enumeration, .record:
            return "\(swiftType(type, namespace: namespace, name: name, qualified: qualified))(decoding: \(expr))"
        case .list(let element):
            let elementType = swiftType(element, namespace: namespace, name: name + "_item", qualified: qualified)
            return "\(expr).asList().map { (item) throws(EvaluationError) -> \(elementType) in try \(fromValue("item", element, namespace: namespace, name: name + "_item", qualified: qualified)) }"
        case .optional(let inner):
            return "(\(expr).isAbsent ? nil : \(fromValue(expr, inner, namespace: namespace, name: name, qualified: qualified)))"
        case .absent: return "Optional<Never>.none"
        }
    }
}

extension String {
    /// The name without the backquotes that escape a keyword.
    var replacingBackquotes: String { filter { $0 != "`" } }
}
