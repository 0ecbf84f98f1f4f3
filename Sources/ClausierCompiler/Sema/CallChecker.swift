import Clausier
import ClausierDiagnostics

extension ExpressionChecker {
    /// Checks a call of a built-in function, an aggregate or a definition.
    mutating func call(
        _ name: String, _ args: [ExpressionSyntax], expected: ValueType?, scope: Scope, in text: Located,
        _ at: SourceLocation
    ) -> Typed? {
        if ["sum", "count", "any", "all"].contains(name) {
            return aggregate(name, args, scope: scope, in: text, at)
        }
        if let definition = definitions[name] {
            return invoke(definition, args, scope: scope, in: text, at)
        }
        guard let builtin = Builtin(rawValue: name) else {
            var hints: [String] = []
            let candidates = Self.builtinNames + Array(definitions.keys)
            if let close = Suggestions.closest(to: name, among: candidates) { hints.append("did you mean '\(close)'?") }
            diagnostics.append(.error(.unknownName, "unknown function '\(name)'", at: at, hints: hints))
            return nil
        }
        func arity(_ n: Int) -> Bool {
            if args.count == n { return true }
            diagnostics.append(
                .error(.badCall, "\(name)() takes \(n) argument\(n == 1 ? "" : "s"), not \(args.count)", at: at))
            return false
        }
        func one(_ type: ValueType) -> Expr? {
            guard arity(1) else { return nil }
            return check(args[0], expected: type, scope: scope, in: text)?.expr
        }
        switch builtin {
        case .min, .max:
            guard args.count >= 2 else {
                diagnostics.append(.error(.badCall, "\(name)() takes at least 2 arguments", at: at))
                return nil
            }
            var typed: [Typed] = []
            for arg in args {
                guard let t = infer(arg, expected: expected, scope: scope, in: text) else { return nil }
                typed.append(t)
            }
            var type = typed[0].type
            if typed.contains(where: { $0.type == .decimal }), typed.allSatisfy({ $0.type.isNumber }) { type = .decimal }
            guard type.isOrdered else {
                diagnostics.append(.error(.typeMismatch, "\(name)() needs values that can be ordered, not \(type.spoken)", at: at))
                return nil
            }
            var exprs: [Expr] = []
            for (arg, t) in zip(args, typed) {
                guard let c = coerce(t, to: type, at: location(arg, text), what: "'\(arg.text)'") else { return nil }
                exprs.append(c.expr)
            }
            return Typed(expr: .call(builtin, exprs), type: type)
        case .localDate, .localTime:
            guard let e = one(.datetime) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: builtin == .localDate ? .date : .time)
        case .atLocal:
            guard arity(2), let d = check(args[0], expected: .date, scope: scope, in: text),
                  let t = check(args[1], expected: .time, scope: scope, in: text)
            else { return nil }
            return Typed(expr: .call(builtin, [d.expr, t.expr]), type: .datetime)
        case .isBusinessDay, .isHoliday:
            guard let e = one(.date) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .bool)
        case .weekday:
            guard let e = one(.date) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: Self.weekdays)
        case .endOfMonth:
            guard let e = one(.date) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .date)
        case .quarter, .year, .month:
            guard let e = one(.date) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .int)
        case .daysBetween:
            guard arity(2), let a = check(args[0], expected: .date, scope: scope, in: text),
                  let b = check(args[1], expected: .date, scope: scope, in: text)
            else { return nil }
            return Typed(expr: .call(builtin, [a.expr, b.expr]), type: .int)
        case .ceil, .floor:
            guard let e = one(.decimal) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .int)
        case .round:
            guard let e = one(.money(header.currency)) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .money(header.currency))
        case .exists:
            guard arity(1), let t = infer(args[0], expected: nil, scope: scope, in: text) else { return nil }
            if !t.type.isOptional {
                diagnostics.append(
                    .warning(.typeMismatch, "'\(args[0].text)' is never absent, so exists() is always true here", at: at))
            }
            return Typed(expr: .call(.exists, [t.expr]), type: .bool)
        case .toDecimal:
            guard let e = one(.int) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .decimal)
        case .dayCount:
            guard let e = one(.period(.days)) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .int)
        case .hours:
            guard let e = one(.duration) else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .decimal)
        case .daysOf, .businessDaysOf, .joursFrancsOf, .monthsOf, .yearsOf:
            guard let e = one(.int), let unit = builtin.periodUnit else { return nil }
            return Typed(expr: .call(builtin, [e]), type: .period(unit))
        }
    }

    private mutating func aggregate(
        _ name: String, _ args: [ExpressionSyntax], scope: Scope, in text: Located, _ at: SourceLocation
    ) -> Typed? {
        let kind = Aggregate(rawValue: name) ?? .count
        guard (1...2).contains(args.count) else {
            diagnostics.append(
                .error(.badCall, "\(name)() takes a list and, optionally, 'item => expression'", at: at,
                       hints: ["for example: \(name)(incidents, incident => incident.closed_at - incident.recorded_at)"]))
            return nil
        }
        guard let list = infer(args[0], expected: nil, scope: scope, in: text) else { return nil }
        guard case .list(let element) = list.type else {
            diagnostics.append(
                .error(.typeMismatch, "\(name)() needs a list, but '\(args[0].text)' is \(list.type.spoken)", at: location(args[0], text)))
            return nil
        }
        var inner = scope
        let slot = inner.slots.next(element)
        var body: Typed?
        if args.count == 2 {
            guard case .lambda(let parameter, let bodySyntax, _) = args[1] else {
                diagnostics.append(
                    .error(.badCall, "the second argument of \(name)() must be 'item => expression'", at: location(args[1], text)))
                return nil
            }
            inner.bindings[parameter] = Binding(slot: slot, type: element)
            let bodyExpected: ValueType? = kind == .sum ? nil : .bool
            guard let b = check(bodySyntax, expected: bodyExpected, scope: inner, in: text) else { return nil }
            body = b
        } else if kind == .any || kind == .all {
            guard element == .bool else {
                diagnostics.append(
                    .error(.badCall, "\(name)() of a list of \(element) needs 'item => condition'", at: at))
                return nil
            }
        }
        switch kind {
        case .count:
            return Typed(expr: .aggregate(.count, list: list.expr, slot: slot, body: body?.expr), type: .int)
        case .any, .all:
            return Typed(expr: .aggregate(kind, list: list.expr, slot: slot, body: body?.expr), type: .bool)
        case .sum:
            let type = body?.type ?? element
            let zero: Value
            switch type {
            case .int: zero = .int(0)
            case .decimal: zero = .decimal(.zero)
            case .money(let c): zero = .money(Money(amount: .zero, currency: c))
            case .percent: zero = .percent(.zero)
            case .duration: zero = .duration(ExactDuration(nanoseconds: 0))
            case .period(let u) where u == .days: zero = .period(0, u)
            default:
                diagnostics.append(.error(.typeMismatch, "sum() cannot add up \(type.spoken)", at: at))
                return nil
            }
            // An empty list sums to the zero of its unit, in the contract's currency for money.
            return Typed(
                expr: .coalesce(.aggregate(.sum, list: list.expr, slot: slot, body: body?.expr), .constant(zero)),
                type: type)
        }
    }

    private mutating func invoke(
        _ definition: DefinitionSignature, _ args: [ExpressionSyntax], scope: Scope, in text: Located,
        _ at: SourceLocation
    ) -> Typed? {
        guard args.count == definition.parameters.count else {
            let names = definition.parameters.map(\.name).joined(separator: ", ")
            diagnostics.append(
                .error(.badCall, "\(definition.name)() takes \(definition.parameters.count) arguments (\(names)), not \(args.count)",
                       at: at))
            return nil
        }
        var exprs: [Expr] = []
        for (arg, parameter) in zip(args, definition.parameters) {
            guard let t = infer(arg, expected: parameter.type, scope: scope, in: text) else { return nil }
            guard let c = coerce(t, to: parameter.type, at: location(arg, text), what: "the argument '\(parameter.name)'") else {
                return nil
            }
            exprs.append(c.expr)
        }
        calls.insert(definition.index)
        return Typed(expr: .invoke(definition: definition.index, arguments: exprs), type: definition.returns)
    }
}
