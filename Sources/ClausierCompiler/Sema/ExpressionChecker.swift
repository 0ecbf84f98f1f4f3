import Clausier
import ClausierDiagnostics

/// Type-checks expressions into the typed tree.
///
/// Every error is reported at its column with the types involved, and checking goes on after an
/// error so that one run reports as many findings as it can.
struct ExpressionChecker {
    let header: ContractHeader
    let definitions: [String: DefinitionSignature]
    /// The contract's terms, each a constant that records which provision set it.
    let terms: [String: Typed]
    /// The file, to place findings inside values that span several lines.
    let source: SourceFile
    var diagnostics: [Diagnostic] = []
    /// Definitions called, for the cycle check.
    var calls: Set<Int> = []
    /// Terms and definitions whose declaration was reported wrong: their uses raise nothing more.
    var poisonedNames: Set<String> = []

    init(header: ContractHeader, definitions: [String: DefinitionSignature], terms: [String: Typed] = [:], source: SourceFile) {
        self.header = header
        self.definitions = definitions
        self.terms = terms
        self.source = source
    }

    static let weekdays: ValueType = .enumeration(Weekday.allCases.map(\.name))

    // MARK: - Entry points

    /// Checks a parsed expression; `expected` guides enum names, `none` and lists, and is then enforced.
    /// An expression that did not parse was reported by the parser and checks as nothing.
    mutating func check(_ text: ExpressionText, expected: ValueType?, scope: Scope) -> Typed? {
        guard let syntax = syntax(of: text) else { return nil }
        return check(syntax, expected: expected, scope: scope, in: text.source)
    }

    /// The expression's tree, or its syntax error reported at its column.
    mutating func syntax(of text: ExpressionText) -> ExpressionSyntax? {
        guard let error = text.syntaxError else { return text.syntax }
        diagnostics.append(
            .error(.expressionSyntax, error.message, at: source.location(of: error.offset, in: text.source),
                   hints: error.hint.map { [$0] } ?? []))
        return nil
    }

    mutating func check(_ e: ExpressionSyntax, expected: ValueType?, scope: Scope, in text: Located) -> Typed? {
        guard let typed = infer(e, expected: expected, scope: scope, in: text) else { return nil }
        guard let expected else { return typed }
        return coerce(typed, to: expected, at: location(e, text), what: "'\(e.text)'")
    }

    func location(_ e: ExpressionSyntax, _ text: Located) -> SourceLocation {
        source.location(of: e.offset, in: text)
    }

    // MARK: - Coercion

    /// Fits a value to the type its place requires, or reports why it does not.
    mutating func coerce(_ typed: Typed, to expected: ValueType, at location: SourceLocation, what: String) -> Typed? {
        if let converted = Self.convert(typed, to: expected) { return converted }
        if case .money(let a) = typed.type.unwrapped, case .money(let b) = expected.unwrapped, a != b {
            diagnostics.append(
                .error(.unitMismatch, "\(what) is in \(a.code), but \(b.code) is required here", at: location,
                       hints: ["amounts in different currencies cannot be mixed"]))
            return nil
        }
        if typed.type.isOptional, !expected.isOptional, Self.convert(typed.retyped(typed.type.unwrapped), to: expected) != nil {
            diagnostics.append(
                .error(.optionalUnwrapped, "\(what) may be absent, but a value is required here", at: location,
                       hints: ["check it first with 'exists(...)' in a case or an 'and', or give a default with '?? value'"]))
            return nil
        }
        var hints: [String] = []
        if case .enumeration(let cases) = expected, case .enumeration(let got) = typed.type {
            let extra = got.filter { !cases.contains($0) }
            hints.append("\(extra.joined(separator: ", ")) \(extra.count == 1 ? "is" : "are") not among \(cases.joined(separator: ", "))")
        }
        if expected == .percent, case .money = typed.type { hints.append("a percentage is written like 25%") }
        if let hint = Self.unitHint(for: typed, where: expected) {
            hints.append(hint)
        } else if case .money = expected, typed.type.isNumber {
            hints.append("write the currency after the amount, such as '0 \(header.currency.code)'")
        } else if expected == .percent || expected == .duration, typed.type.isNumber {
            hints.append(expected == .percent ? "a percentage is written like 25%" : "a duration is written with its unit, like 2 hours")
        }
        diagnostics.append(
            .error(.typeMismatch, "\(what) is \(typed.type.spoken), but \(expected.spoken) is required here", at: location,
                   hints: hints))
        return nil
    }

    /// The silent conversions: int to decimal, a value to its optional, enum subsets, record field order.
    static func convert(_ typed: Typed, to expected: ValueType) -> Typed? {
        let type = typed.type
        if type == expected { return typed }
        switch (type, expected) {
        case (.int, .decimal):
            return Typed(expr: .call(.toDecimal, [typed]), type: .decimal, syntax: typed.syntax)
        case (.absent, .optional):
            return typed.retyped(expected)
        case (.optional(let inner), .optional(let target)):
            return sameRepresentation(inner, target) ? typed.retyped(expected) : nil
        case (_, .optional(let target)):
            return convert(typed, to: target)?.retyped(expected)
        case (.enumeration(let got), .enumeration(let cases)):
            return got.allSatisfy(cases.contains) ? typed.retyped(expected) : nil
        case (.list(let element), .list(let target)):
            // Lists convert only when their items need no change of representation.
            return sameRepresentation(element, target) ? typed.retyped(expected) : nil
        case (.record(let fields), .record(let targets)):
            guard fields.count == targets.count else { return nil }
            var converted: [Typed] = []
            var identity = true
            for (position, target) in targets.enumerated() {
                guard let index = fields.firstIndex(where: { $0.name == target.name }),
                      let c = convert(Typed(expr: .field(typed, index), type: fields[index].type), to: target.type)
                else { return nil }
                if index != position || !sameRepresentation(fields[index].type, target.type) { identity = false }
                converted.append(c)
            }
            if identity { return typed.retyped(expected) }
            if case .record(let built) = typed.expr {
                // A record literal is reordered at compile time rather than rebuilt at run time.
                var reordered: [Typed] = []
                for target in targets {
                    guard let index = fields.firstIndex(where: { $0.name == target.name }), built.indices.contains(index) else {
                        return nil
                    }
                    reordered.append(built[index])
                }
                return Typed(expr: .record(reordered), type: expected, syntax: typed.syntax)
            }
            return Typed(expr: .record(converted), type: expected, syntax: typed.syntax)
        default:
            return nil
        }
    }

    /// Whether a value of one type converts to the other without a change of representation.
    static func sameRepresentation(_ from: ValueType, _ to: ValueType) -> Bool {
        guard let c = convert(Typed(expr: .slot(0), type: from), to: to), case .slot(0) = c.expr else { return false }
        return true
    }

    // MARK: - Inference

    /// Checks an expression and infers its type; `expected` only guides names and literals here.
    mutating func infer(_ e: ExpressionSyntax, expected: ValueType?, scope: Scope, in text: Located) -> Typed? {
        guard var typed = inferOperation(e, expected: expected, scope: scope, in: text) else { return nil }
        typed.syntax = e
        return typed
    }

    private mutating func inferOperation(_ e: ExpressionSyntax, expected: ValueType?, scope: Scope, in text: Located) -> Typed? {
        let at = location(e, text)
        switch e {
        case .number(let n, _):
            if n.contains(".") {
                guard let d = FixedDecimal.parse(n) else { return fail(.invalidValue, "'\(n)' is not a valid decimal", at) }
                return Typed(expr: .constant(.decimal(d)), type: .decimal)
            }
            guard let i = Int(n) else { return fail(.invalidValue, "the number \(n) is too large", at) }
            return Typed(expr: .constant(.int(i)), type: .int)
        case .percent(let n, _):
            guard let d = FixedDecimal.parse(n), let fraction = try? d.dividing(by: FixedDecimal(100)) else {
                return fail(.invalidValue, "'\(n)%' is not a valid percentage", at)
            }
            return Typed(expr: .constant(.percent(fraction.normalized())), type: .percent)
        case .quantity(let n, let unit, _):
            return quantity(n, unit, at)
        case .date(let d, _):
            guard let date = CivilDate.parse(d) else {
                return fail(
                    .invalidValue, "'\(d)' is not a date that exists", at,
                    hints: [Notation.whyNotADate(d), "write a real date as YYYY-MM-DD"].compactMap { $0 })
            }
            return Typed(expr: .constant(.date(date)), type: .date)
        case .time(let t, _):
            guard let time = TimeOfDay.parse(t) else {
                return fail(.invalidValue, "'\(t)' is not a time of day", at, hints: ["write HH:MM from 00:00 to 23:59"])
            }
            return Typed(expr: .constant(.time(time)), type: .time)
        case .bool(let b, _):
            return Typed(expr: .constant(.bool(b)), type: .bool)
        case .none:
            // The catalogue has enums with a value named `none`: where such an enum is expected, `none` is that name.
            if case .enumeration(let cases) = expected?.unwrapped ?? .absent, cases.contains("none") {
                return Typed(expr: .constant(.name("none")), type: .enumeration(["none"]))
            }
            return Typed(expr: .constant(.absent), type: expected.map { $0.isOptional ? $0 : .absent } ?? .absent)
        case .asOf:
            return Typed(expr: .asOf, type: .date)
        case .name(let path, _):
            return name(path, expected: expected, scope: scope, at)
        case .field(let base, let field, _):
            guard let b = infer(base, expected: nil, scope: scope, in: text) else { return nil }
            return fieldAccess(b, field, at)
        case .unary(let op, let operand, _):
            if op == "not" {
                guard let o = check(operand, expected: .bool, scope: scope, in: text) else { return nil }
                return Typed(expr: .not(o), type: .bool)
            }
            guard let o = infer(operand, expected: expected, scope: scope, in: text) else { return nil }
            if case .constant(let v) = o.expr, let folded = try? v.negated() { return Typed(expr: .constant(folded), type: o.type) }
            switch o.type {
            case .int, .decimal, .money, .percent, .duration, .period: return Typed(expr: .negate(o), type: o.type)
            default: return fail(.typeMismatch, "'-' cannot be applied to \(o.type.spoken)", at)
            }
        case .binary(let op, let lhs, let rhs, _):
            return binary(op, lhs, rhs, expected: expected, scope: scope, in: text, at)
        case .call(let name, let args, _):
            return call(name, args, expected: expected, scope: scope, in: text, at)
        case .lambda:
            return fail(.expressionSyntax, "'=>' is only allowed inside sum(), count(), any() and all()", at)
        case .list(let items, _):
            var element: ValueType?
            if case .list(let e) = expected?.unwrapped { element = e }
            var exprs: [Typed] = []
            for item in items {
                guard let t = check(item, expected: element, scope: scope, in: text) else { return nil }
                if element == nil { element = t.type }
                exprs.append(t)
            }
            guard let element else {
                return fail(.typeMismatch, "the type of an empty list cannot be known here", at, hints: ["declare the type in 'returns'"])
            }
            return Typed(expr: .list(exprs), type: .list(element))
        case .conditional(let condition, let then, let otherwise, _):
            guard let c = check(condition, expected: .bool, scope: scope, in: text) else { return nil }
            var thenScope = scope
            thenScope.present.formUnion(Self.presentNames(in: condition))
            guard let t = check(then, expected: expected, scope: thenScope, in: text) else { return nil }
            guard let o = check(otherwise, expected: expected ?? t.type, scope: scope, in: text) else { return nil }
            return Typed(expr: .conditional(c, t, o), type: expected ?? t.type)
        }
    }

    mutating func fail(
        _ code: DiagnosticCode, _ message: String, _ at: SourceLocation, hints: [String] = []
    ) -> Typed? {
        diagnostics.append(.error(code, message, at: at, hints: hints))
        return nil
    }

    // MARK: - Literals with units

    mutating func quantity(_ n: String, _ unit: String, _ at: SourceLocation) -> Typed? {
        if ExpressionParser.isCurrencyCode(unit) {
            guard let amount = FixedDecimal.parse(n), let currency = Currency(code: unit) else {
                return fail(.invalidValue, "'\(n) \(unit)' is not a valid amount", at)
            }
            return Typed(expr: .constant(.money(Money(amount: amount, currency: currency))), type: .money(currency))
        }
        let periodUnits: [String: PeriodUnit] = [
            "day": .days, "days": .days, "business_day": .businessDays, "business_days": .businessDays,
            "jour_franc": .joursFrancs, "jours_francs": .joursFrancs, "month": .months, "months": .months,
            "year": .years, "years": .years,
        ]
        if let periodUnit = periodUnits[unit] {
            guard let count = Int(n) else {
                return fail(.invalidValue, "a number of \(periodUnit.name(count: 2)) must be whole, not \(n)", at)
            }
            return Typed(expr: .constant(.period(count, periodUnit)), type: .period(periodUnit))
        }
        let nanosPerUnit: [String: Int64] = [
            "hour": 3_600_000_000_000, "hours": 3_600_000_000_000, "minute": 60_000_000_000, "minutes": 60_000_000_000,
            "second": 1_000_000_000, "seconds": 1_000_000_000,
        ]
        guard let perUnit = nanosPerUnit[unit], let amount = FixedDecimal.parse(n),
              let nanos = try? amount.multiplying(by: FixedDecimal(Int(perUnit))), let whole = nanos.integerValue
        else { return fail(.invalidValue, "'\(n) \(unit)' is not a valid duration", at) }
        return Typed(expr: .constant(.duration(ExactDuration(nanoseconds: Int64(whole)))), type: .duration)
    }
}
