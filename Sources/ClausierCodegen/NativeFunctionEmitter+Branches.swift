import Clausier

/// The forms that decide between branches (`cases`, `tiers`, exclusions over grounds), written as
/// an `if` chain assigning one `let`.
extension NativeFunctionEmitter {
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

    mutating func tiers(_ table: TierTable, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
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

    mutating func eligibility(_ block: Eligibility, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
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
}
