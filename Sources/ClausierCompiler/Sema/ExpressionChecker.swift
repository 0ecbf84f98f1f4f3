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
        if case .money = expected, typed.type.isNumber { hints.append("write the currency after the amount, such as '0 \(header.currency.code)'") }
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
                return fail(.invalidValue, "'\(d)' is not a date that exists", at, hints: ["write a real date as YYYY-MM-DD"])
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

    /// The optional names an expression proves absent when it does not hold: `exists(x)`, and
    /// disjunctions of such (`exists(x) or exists(y)` failing proves both absent).
    static func absentNamesWhenFalse(_ condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return []
        case .binary("or", let l, let r, _):
            return absentNamesWhenFalse(l).union(absentNamesWhenFalse(r))
        default:
            return []
        }
    }

    /// The optional names an expression proves absent when it holds: `not exists(x)`, and conjunctions.
    static func absentNames(in condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .unary("not", let inner, _): return absentNamesWhenFalse(inner)
        case .binary("and", let l, let r, _): return absentNames(in: l).union(absentNames(in: r))
        default: return []
        }
    }

    /// The names of `exists(a) or exists(b) or …`, a requirement that at least one is present.
    static func presenceDisjunction(_ condition: ExpressionSyntax) -> [String]? {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return nil
        case .binary("or", let l, let r, _):
            guard let a = presenceDisjunction(l), let b = presenceDisjunction(r) else { return nil }
            return a + b
        default:
            return nil
        }
    }

    /// The optional names an expression proves present when it does not hold: `not exists(x)`, and
    /// disjunctions of such.
    static func presentNamesWhenFalse(_ condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .unary("not", let inner, _):
            return presentNames(in: inner)
        case .binary("or", let l, let r, _):
            return presentNamesWhenFalse(l).union(presentNamesWhenFalse(r))
        default:
            return []
        }
    }

    /// The optional names an expression proves present when it holds: `exists(x)` and conjunctions of them.
    static func presentNames(in condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return []
        case .binary("and", let l, let r, _):
            return presentNames(in: l).union(presentNames(in: r))
        case .unary("not", let inner, _):
            return presentNamesWhenFalse(inner)
        default:
            return []
        }
    }

    private mutating func fail(
        _ code: DiagnosticCode, _ message: String, _ at: SourceLocation, hints: [String] = []
    ) -> Typed? {
        diagnostics.append(.error(code, message, at: at, hints: hints))
        return nil
    }

    // MARK: - Literals with units

    private mutating func quantity(_ n: String, _ unit: String, _ at: SourceLocation) -> Typed? {
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

    // MARK: - Names

    private mutating func name(_ path: [String], expected: ValueType?, scope: Scope, _ at: SourceLocation) -> Typed? {
        // The longest dotted prefix that is a binding wins; the rest are fields of it.
        for k in stride(from: path.count, through: 1, by: -1) {
            let key = path.prefix(k).joined(separator: ".")
            guard let binding = scope.bindings[key] else { continue }
            var type = binding.type
            if scope.isPresent(key) { type = type.unwrapped }
            var typed = Typed(expr: .slot(binding.slot), type: type)
            for field in path.dropFirst(k) {
                guard let next = fieldAccess(typed, field, at) else { return nil }
                typed = next
            }
            return typed
        }
        for k in stride(from: path.count, through: 1, by: -1) {
            let key = path.prefix(k).joined(separator: ".")
            guard let group = groupRecord(key, scope: scope) else { continue }
            var typed: Typed? = group
            for field in path.dropFirst(k) {
                // A misspelt input under a known prefix is an unknown name, suggested among full input names.
                guard let current = typed, case .record(let fields) = current.type, fields.contains(where: { $0.name == field })
                else {
                    typed = nil
                    break
                }
                typed = fieldAccess(current, field, at)
            }
            if let typed { return typed }
            break
        }
        let joined = path.joined(separator: ".")
        if path.count == 1, let term = terms[joined] { return term }
        if path.count == 1, case .enumeration(let cases) = expected?.unwrapped ?? .absent, cases.contains(joined) {
            return Typed(expr: .constant(.name(joined)), type: .enumeration([joined]))
        }
        var hints: [String] = []
        if let close = Suggestions.closest(to: joined, among: scope.allNames + Array(terms.keys)) {
            hints.append("did you mean '\(close)'?")
        } else if case .enumeration(let cases) = expected?.unwrapped ?? .absent {
            hints.append("the values allowed here are: \(cases.joined(separator: ", "))")
        }
        return fail(.unknownName, "unknown name '\(joined)'", at, hints: hints)
    }

    /// The inputs under a dotted prefix as one record, such as `incident` for `incident.recorded_at`, ….
    private func groupRecord(_ prefix: String, scope: Scope) -> Typed? {
        guard let fields = scope.group(prefix) else { return nil }
        var types: [RecordField] = []
        var exprs: [Typed] = []
        for (field, names) in fields {
            let full = "\(prefix).\(field)"
            if names == [full], let binding = scope.bindings[full] {
                types.append(RecordField(field, binding.type))
                exprs.append(Typed(expr: .slot(binding.slot), type: binding.type))
            } else if let nested = groupRecord(full, scope: scope) {
                types.append(RecordField(field, nested.type))
                exprs.append(nested)
            }
        }
        return Typed(expr: .record(exprs), type: .record(types))
    }

    private mutating func fieldAccess(_ base: Typed, _ field: String, _ at: SourceLocation) -> Typed? {
        guard case .record(let fields) = base.type else {
            if base.type.isOptional, case .record = base.type.unwrapped {
                return fail(.optionalUnwrapped, "this record may be absent; check it with exists(...) before reading '\(field)'", at)
            }
            return fail(.typeMismatch, "\(base.type.spoken) has no field '\(field)'", at)
        }
        guard let index = fields.firstIndex(where: { $0.name == field }) else {
            var hints: [String] = []
            if let close = Suggestions.closest(to: field, among: fields.map(\.name)) { hints.append("did you mean '\(close)'?") }
            hints.append("its fields are: \(fields.map(\.name).joined(separator: ", "))")
            return fail(.unknownName, "no field '\(field)' in this record", at, hints: hints)
        }
        if case .record(let built) = base.expr, built.indices.contains(index) {
            return built[index].retyped(fields[index].type)
        }
        return Typed(expr: .field(base, index), type: fields[index].type)
    }

    func isUnresolvedName(_ e: ExpressionSyntax, _ scope: Scope) -> Bool {
        guard case .name(let path, _) = e, path.count == 1 else { return false }
        return scope.bindings[path[0]] == nil && scope.group(path[0]) == nil
    }

    // MARK: - Operators

    private mutating func binary(
        _ op: String, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, expected: ValueType?, scope: Scope,
        in text: Located, _ at: SourceLocation
    ) -> Typed? {
        switch op {
        case "and", "or":
            guard let l = check(lhs, expected: .bool, scope: scope, in: text) else { return nil }
            var rightScope = scope
            // `exists(x) and …` and `not exists(x) or …` both prove x present on their right.
            rightScope.present.formUnion(op == "and" ? Self.presentNames(in: lhs) : Self.presentNamesWhenFalse(lhs))
            rightScope.absent.formUnion(op == "and" ? Self.absentNames(in: lhs) : Self.absentNamesWhenFalse(lhs))
            guard let r = check(rhs, expected: .bool, scope: rightScope, in: text) else { return nil }
            return Typed(expr: op == "and" ? .and(l, r) : .or(l, r), type: .bool)
        case "??":
            guard let l = infer(lhs, expected: expected.map { .optional($0.unwrapped) }, scope: scope, in: text) else { return nil }
            guard l.type.isOptional else {
                return fail(.typeMismatch, "'\(lhs.text)' is never absent, so '??' has no effect", at, hints: ["remove '?? \(rhs.text)'"])
            }
            guard let r = check(rhs, expected: expected ?? l.type.unwrapped, scope: scope, in: text) else { return nil }
            guard let lc = Self.convert(l, to: .optional(r.type)) else {
                return fail(.typeMismatch, "'\(lhs.text)' is \(l.type.spoken) and its default '\(rhs.text)' is \(r.type.spoken)", at)
            }
            return Typed(expr: .coalesce(lc, r), type: r.type)
        case "==", "!=", "<", "<=", ">", ">=":
            return comparison(op, lhs, rhs, scope: scope, in: text, at)
        default:
            guard let l = infer(lhs, expected: nil, scope: scope, in: text),
                  let r = infer(rhs, expected: nil, scope: scope, in: text)
            else { return nil }
            if l.type.isOptional || r.type.isOptional {
                let which = l.type.isOptional ? lhs : rhs
                return fail(.optionalUnwrapped, "'\(which.text)' may be absent, so it cannot be used in '\(op)'", location(which, text),
                            hints: ["check it first with 'exists(\(which.text))', or give a default with '\(which.text) ?? value'"])
            }
            return arithmetic(op, l, r, at, lhs: lhs, rhs: rhs)
        }
    }

    private mutating func comparison(
        _ op: String, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, scope: Scope, in text: Located,
        _ at: SourceLocation
    ) -> Typed? {
        let comparisonKind = Comparison(rawValue: op) ?? .equal
        var l: Typed?
        var r: Typed?
        if isUnresolvedName(lhs, scope), !isUnresolvedName(rhs, scope) {
            r = infer(rhs, expected: nil, scope: scope, in: text)
            guard let rt = r else { return nil }
            l = check(lhs, expected: rt.type, scope: scope, in: text)
        } else {
            l = infer(lhs, expected: nil, scope: scope, in: text)
            guard let lt = l else { return nil }
            r = isUnresolvedName(rhs, scope) ? check(rhs, expected: lt.type, scope: scope, in: text)
                : infer(rhs, expected: nil, scope: scope, in: text)
        }
        guard let l, let r else { return nil }
        if l.type.isOptional || r.type.isOptional {
            let which = l.type.isOptional ? lhs : rhs
            return fail(.optionalUnwrapped, "'\(which.text)' may be absent, so it cannot be compared", location(which, text),
                        hints: ["check it first with 'exists(\(which.text)) and …', or give a default with '?? value'"])
        }
        let compatible: Bool
        switch (l.type, r.type) {
        case (.int, .decimal), (.decimal, .int): compatible = true
        case (.money(let a), .money(let b)):
            guard a == b else {
                return fail(.unitMismatch, "cannot compare \(a.code) with \(b.code)", at, hints: ["amounts in different currencies cannot be mixed"])
            }
            compatible = true
        case (.enumeration(let a), .enumeration(let b)):
            compatible = a.contains(where: b.contains) || a == b
        default: compatible = l.type == r.type
        }
        guard compatible else {
            var hints: [String] = []
            if (l.type == .date && r.type == .datetime) || (l.type == .datetime && r.type == .date) {
                hints.append("take the date of the datetime with local_date(...)")
            }
            if (l.type == .duration && r.type == .period(.days)) || (l.type == .period(.days) && r.type == .duration) {
                hints.append("calendar days and hours are different units: compare days with days, hours with hours")
            }
            if (l.type == .duration || r.type == .duration) && (l.type == .date || r.type == .date) {
                hints.append("a duration is a length of time, a date is a day: they cannot be compared")
            }
            return fail(.typeMismatch, "cannot compare \(l.type.spoken) with \(r.type.spoken)", at, hints: hints)
        }
        if comparisonKind != .equal && comparisonKind != .notEqual && !l.type.isOrdered {
            return fail(.typeMismatch, "'\(op)' needs values that can be ordered, not \(l.type.spoken)", at,
                        hints: ["use '==' or '!='"])
        }
        return Typed(expr: .binary(.compare(comparisonKind), l, r), type: .bool)
    }

    private mutating func arithmetic(
        _ op: String, _ l: Typed, _ r: Typed, _ at: SourceLocation, lhs: ExpressionSyntax, rhs: ExpressionSyntax
    ) -> Typed? {
        func ok(_ operation: BinaryOperation, _ type: ValueType) -> Typed? {
            Typed(expr: .binary(operation, l, r), type: type)
        }
        let numeric: (ValueType) -> Bool = { $0 == .int || $0 == .decimal }
        switch (op, l.type, r.type) {
        case ("+", .int, .int): return ok(.addInt, .int)
        case ("-", .int, .int): return ok(.subtractInt, .int)
        case ("*", .int, .int): return ok(.multiplyInt, .int)
        case ("/", .int, .int): return ok(.divideInt, .decimal)
        case ("+", let a, let b) where numeric(a) && numeric(b): return ok(.addDecimal, .decimal)
        case ("-", let a, let b) where numeric(a) && numeric(b): return ok(.subtractDecimal, .decimal)
        case ("*", let a, let b) where numeric(a) && numeric(b): return ok(.multiplyDecimal, .decimal)
        case ("/", let a, let b) where numeric(a) && numeric(b): return ok(.divideDecimal, .decimal)
        case ("+", .money(let a), .money(let b)), ("-", .money(let a), .money(let b)):
            guard a == b else {
                return fail(.unitMismatch, "cannot \(op == "+" ? "add" : "subtract") \(b.code) \(op == "+" ? "to" : "from") \(a.code)", at,
                            hints: ["amounts in different currencies cannot be mixed"])
            }
            return ok(op == "+" ? .addMoney : .subtractMoney, .money(a))
        case ("*", .money(let c), let f) where numeric(f) || f == .percent: return ok(.multiplyMoney, .money(c))
        case ("*", let f, .money(let c)) where numeric(f) || f == .percent: return ok(.multiplyMoney, .money(c))
        case ("/", .money(let c), let f) where numeric(f): return ok(.divideMoney, .money(c))
        case ("/", .money(let a), .money(let b)):
            guard a == b else { return fail(.unitMismatch, "cannot divide \(a.code) by \(b.code)", at) }
            return ok(.divideMoneyByMoney, .decimal)
        case ("+", .percent, .percent): return ok(.addPercent, .percent)
        case ("-", .percent, .percent): return ok(.subtractPercent, .percent)
        case ("*", .percent, let f) where numeric(f) || f == .percent: return ok(.multiplyPercent, .percent)
        case ("*", let f, .percent) where numeric(f): return ok(.multiplyPercent, .percent)
        case ("+", .duration, .duration): return ok(.addDuration, .duration)
        case ("-", .duration, .duration): return ok(.subtractDuration, .duration)
        case ("+", .period(let a), .period(let b)) where a == b: return ok(.addPeriod, .period(a))
        case ("-", .period(let a), .period(let b)) where a == b: return ok(.subtractPeriod, .period(a))
        case ("+", .date, .period): return ok(.dateAddPeriod, .date)
        case ("-", .date, .period): return ok(.dateSubtractPeriod, .date)
        case ("-", .date, .date): return ok(.dateDifference, .period(.days))
        case ("+", .datetime, .duration): return ok(.datetimeAddDuration, .datetime)
        case ("-", .datetime, .duration): return ok(.datetimeSubtractDuration, .datetime)
        case ("-", .datetime, .datetime): return ok(.datetimeDifference, .duration)
        default: break
        }
        var hints: [String] = []
        switch (l.type, r.type) {
        case (.datetime, .period(let unit)):
            hints.append("\(unit.name(count: 2)) are counted on dates: write local_date(\(lhs.text)) \(op) \(rhs.text), or use hours")
        case (.date, .duration):
            hints.append("hours and minutes apply to a datetime; a date takes days, business_days, jours_francs, months or years")
        case (.period, .date):
            hints.append("write the date first: \(rhs.text) \(op) \(lhs.text)")
        case (.money, .money) where op == "*":
            hints.append("an amount can be multiplied by a number or a percentage, not by another amount")
        case (.percent, .money), (.money, .percent):
            hints.append("a percentage applies to an amount with '*': write amount * rate")
        case (.period(let a), .period(let b)):
            hints.append("\(a.name(count: 2)) and \(b.name(count: 2)) are different calendars and cannot be combined")
        default: break
        }
        let unitLike: Bool = {
            switch (l.type, r.type) {
            case (.datetime, .period), (.date, .duration), (.period, .period), (.period, .duration), (.duration, .period): true
            default: false
            }
        }()
        return fail(unitLike ? .unitMismatch : .typeMismatch,
                    "cannot apply '\(op)' to \(l.type.spoken) and \(r.type.spoken)", at, hints: hints)
    }
}
