import Clausier
import ClausierDiagnostics

/// How a built-in function is checked: what it takes and what it answers.
enum BuiltinSignature {
    /// Arguments of fixed types, checked in order, and the type of the result.
    case fixed(Builtin, [ValueType], returns: ValueType)
    /// `min`, `max`: two or more values of one ordered type, which is the result's.
    case extremum(Builtin)
    /// `round(x)`: an amount in the contract's currency, rounded by its rule.
    case round
    /// `exists(x)`: whether an optional value is present.
    case exists
    /// `sum`, `count`, `any`, `all` over a list, with an optional `item => expression`.
    case aggregate(Aggregate)
}

extension ExpressionChecker {
    /// Every built-in function by the name rule files call it, in the order suggestions list them.
    ///
    /// The one table a new built-in is added to: calls are checked from it, and definitions may not
    /// take its names. (The runtime's ``Builtin`` says how the function is computed.)
    static let builtins: KeyValuePairs<String, BuiltinSignature> = [
        "min": .extremum(.min),
        "max": .extremum(.max),
        "local_date": .fixed(.localDate, [.datetime], returns: .date),
        "local_time": .fixed(.localTime, [.datetime], returns: .time),
        "at_local": .fixed(.atLocal, [.date, .time], returns: .datetime),
        "is_business_day": .fixed(.isBusinessDay, [.date], returns: .bool),
        "is_holiday": .fixed(.isHoliday, [.date], returns: .bool),
        "weekday": .fixed(.weekday, [.date], returns: weekdays),
        "end_of_month": .fixed(.endOfMonth, [.date], returns: .date),
        "quarter": .fixed(.quarter, [.date], returns: .int),
        "year": .fixed(.year, [.date], returns: .int),
        "month": .fixed(.month, [.date], returns: .int),
        "days_between": .fixed(.daysBetween, [.date, .date], returns: .int),
        "ceil": .fixed(.ceil, [.decimal], returns: .int),
        "floor": .fixed(.floor, [.decimal], returns: .int),
        "round": .round,
        "exists": .exists,
        "decimal": .fixed(.toDecimal, [.int], returns: .decimal),
        "day_count": .fixed(.dayCount, [.period(.days)], returns: .int),
        "hours": .fixed(.hours, [.duration], returns: .decimal),
        "days": .fixed(.daysOf, [.int], returns: .period(.days)),
        "business_days": .fixed(.businessDaysOf, [.int], returns: .period(.businessDays)),
        "jours_francs": .fixed(.joursFrancsOf, [.int], returns: .period(.joursFrancs)),
        "months": .fixed(.monthsOf, [.int], returns: .period(.months)),
        "years": .fixed(.yearsOf, [.int], returns: .period(.years)),
        "sum": .aggregate(.sum),
        "count": .aggregate(.count),
        "any": .aggregate(.any),
        "all": .aggregate(.all),
    ]

    /// The built-in named `name`, if there is one.
    static func builtin(named name: String) -> BuiltinSignature? {
        builtins.first { $0.key == name }?.value
    }

    /// Checks a call of a built-in function, an aggregate or a definition.
    mutating func call(
        _ name: String, _ args: [ExpressionSyntax], expected: ValueType?, scope: Scope, in text: Located,
        _ at: SourceLocation
    ) -> Typed? {
        let signature = Self.builtin(named: name)
        if case .aggregate(let kind) = signature {
            return aggregate(kind, name, args, scope: scope, in: text, at)
        }
        if let definition = definitions[name] {
            return invoke(definition, args, scope: scope, in: text, at)
        }
        guard let signature else {
            if poisonedNames.contains(name) || scope.unknownNamesArePoisoned { return nil }
            var hints: [String] = []
            let candidates = Self.builtins.map(\.key) + Array(definitions.keys)
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
        /// Checks the arguments against fixed types, stopping at the first that does not check.
        func arguments(_ types: [ValueType]) -> [Typed]? {
            guard arity(types.count) else { return nil }
            var checked: [Typed] = []
            for (arg, type) in zip(args, types) {
                guard let typed = check(arg, expected: type, scope: scope, in: text) else { return nil }
                checked.append(typed)
            }
            return checked
        }
        switch signature {
        case .fixed(let builtin, let parameters, let returns):
            guard let checked = arguments(parameters) else { return nil }
            return Typed(expr: .call(builtin, checked), type: returns)
        case .round:
            let money = ValueType.money(header.currency)
            guard let checked = arguments([money]) else { return nil }
            return Typed(expr: .call(.round, checked), type: money)
        case .extremum(let builtin):
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
            var converted: [Typed] = []
            for (arg, t) in zip(args, typed) {
                guard let c = coerce(t, to: type, at: location(arg, text), what: "'\(arg.text)'") else { return nil }
                converted.append(c)
            }
            return Typed(expr: .call(builtin, converted), type: type)
        case .exists:
            guard arity(1), let t = infer(args[0], expected: nil, scope: scope, in: text) else { return nil }
            if !t.type.isOptional {
                diagnostics.append(
                    .warning(.typeMismatch, "'\(args[0].text)' is never absent, so exists() is always true here", at: at))
            }
            return Typed(expr: .call(.exists, [t]), type: .bool)
        case .aggregate:
            return nil
        }
    }

    private mutating func aggregate(
        _ kind: Aggregate, _ name: String, _ args: [ExpressionSyntax], scope: Scope, in text: Located, _ at: SourceLocation
    ) -> Typed? {
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
            return Typed(expr: .aggregate(.count, list: list, slot: slot, body: body), type: .int)
        case .any, .all:
            return Typed(expr: .aggregate(kind, list: list, slot: slot, body: body), type: .bool)
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
                expr: .coalesce(
                    Typed(expr: .aggregate(.sum, list: list, slot: slot, body: body), type: .optional(type)),
                    Typed(expr: .constant(zero), type: type)),
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
        var exprs: [Typed] = []
        for (arg, parameter) in zip(args, definition.parameters) {
            guard let t = infer(arg, expected: parameter.type, scope: scope, in: text) else { return nil }
            guard let c = coerce(t, to: parameter.type, at: location(arg, text), what: "the argument '\(parameter.name)'") else {
                return nil
            }
            exprs.append(c)
        }
        calls.insert(definition.index)
        return Typed(expr: .invoke(definition: definition.index, arguments: exprs), type: definition.returns)
    }
}
