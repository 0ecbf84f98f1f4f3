import Clausier
import ClausierDiagnostics

/// Checks one contract's syntax tree into its typed tree, reporting every error it can find.
///
/// What it reports is what makes the rules mean nothing or something other than written: names,
/// types, units, shapes, cycles. Findings about rules that do mean something (coverage,
/// citations, conflicts, unused inputs) are the analyses', which read the typed tree afterwards.
struct ContractChecker {
    let syntax: ContractSyntax
    var diagnostics: [Diagnostic] = []
    /// Terms and definitions whose declaration was reported wrong, whose uses then raise nothing more.
    private var poisonedNames: Set<String> = []

    init(_ syntax: ContractSyntax) { self.syntax = syntax }

    mutating func check() -> TypedContract? {
        guard let header = header() else { return nil }
        let terms = self.terms(header: header)
        var termValues: [String: Typed] = [:]
        for term in terms { termValues[term.syntax.name.text] = term.resolved }
        var types = TypeResolver(currency: header.currency)
        // Signatures first, so that definitions and decisions may appear in any order.
        var signatures: [String: DefinitionSignature] = [:]
        var definitionSyntax: [RuleSyntax] = []
        for rule in syntax.definitions {
            if signatures[rule.id.text] != nil || ExpressionChecker.builtin(named: rule.id.text) != nil {
                diagnostics.append(
                    .error(.duplicateID, "the definition '\(rule.id.text)' is already defined or is a built-in function",
                           at: rule.id.location))
                continue
            }
            var parameters: [(name: String, type: ValueType)] = []
            for input in rule.inputs {
                if let type = types.resolve(input.type) { parameters.append((input.name.text, type)) }
            }
            let returns = rule.returns.flatMap { types.resolve($0) }
            guard parameters.count == rule.inputs.count, let returns else {
                poisonedNames.insert(rule.id.text)
                continue
            }
            signatures[rule.id.text] = DefinitionSignature(
                index: definitionSyntax.count, name: rule.id.text, parameters: parameters, returns: returns)
            definitionSyntax.append(rule)
        }
        diagnostics += types.diagnostics
        var definitions: [TypedRule] = []
        var callGraph: [Int: Set<Int>] = [:]
        for (index, rule) in definitionSyntax.enumerated() {
            guard let signature = signatures[rule.id.text] else { continue }
            var checker = ExpressionChecker(header: header, definitions: signatures, terms: termValues, source: syntax.source)
            checker.poisonedNames = poisonedNames
            let slots = SlotAllocator()
            var scope = Scope(slots: slots)
            scope.unknownNamesArePoisoned = rule.hasUnknownKeys
            var parameters: [InputSpec] = []
            for parameter in signature.parameters {
                let slot = scope.bind(parameter.name, parameter.type)
                scope.inputOrder.append(parameter.name)
                parameters.append(InputSpec(name: parameter.name, type: parameter.type, slot: slot, countsOnlyIfPast: false))
            }
            let body = self.body(rule, returns: signature.returns, scope: scope, checker: &checker)
            diagnostics += checker.diagnostics
            callGraph[index] = checker.calls
            definitions.append(
                TypedRule(
                    syntax: rule, returns: signature.returns, inputs: parameters, requirements: [], lets: body.lets,
                    value: body.value, slotTypes: slots.types, isComplete: body.isComplete))
        }
        reportCycles(callGraph, definitionSyntax)
        var decisions: [TypedRule] = []
        var seen: [String: SourceLocation] = [:]
        for rule in syntax.decisions {
            if let first = seen[rule.id.text] {
                diagnostics.append(
                    .error(.duplicateID, "the decision '\(rule.id.text)' is defined twice", at: rule.id.location,
                           notes: [DiagnosticNote("first defined here", at: first)]))
                continue
            }
            seen[rule.id.text] = rule.id.location
            decisions.append(decision(rule, header: header, signatures: signatures, terms: termValues))
        }
        return TypedContract(syntax: syntax, header: header, terms: terms, definitions: definitions, decisions: decisions)
    }

    /// Checks the contract's terms: each provision's value, and the one that prevails when they disagree.
    ///
    /// A term whose provisions disagree without a resolution keeps its first value, so that its uses are not
    /// also reported as unknown names; the conflict itself is the analyses' finding.
    private mutating func terms(header: ContractHeader) -> [TypedTerm] {
        var result: [TypedTerm] = []
        var names: Set<String> = []
        let checker0 = ExpressionChecker(header: header, definitions: [:], source: syntax.source)
        for term in syntax.terms {
            guard term.name.text.isIdentifier else {
                diagnostics.append(.error(.invalidValue, "'\(term.name.text)' is not a valid term name", at: term.name.location))
                continue
            }
            if names.contains(term.name.text) {
                diagnostics.append(.error(.duplicateID, "the term '\(term.name.text)' is defined twice", at: term.name.location))
                continue
            }
            var checker = checker0
            var values: [TypedProvision] = []
            for provision in term.provisions {
                guard let typed = checker.check(provision.value, expected: values.first?.type, scope: Scope(slots: SlotAllocator())) else {
                    continue
                }
                guard case .constant(let value) = typed.expr else {
                    checker.diagnostics.append(
                        .error(.invalidValue, "a provision's value must be a constant such as '6 months' or '40 EUR'",
                               at: provision.value.location))
                    continue
                }
                values.append(TypedProvision(syntax: provision, value: value, type: typed.type))
            }
            diagnostics += checker.diagnostics
            guard values.count == term.provisions.count, let first = values.first else {
                poisonedNames.insert(term.name.text)
                continue
            }
            let distinct = values.reduce(into: [Value]()) { if !$0.contains($1.value) { $0.append($1.value) } }
            var chosen = first
            var because = term.because
            if distinct.count > 1 {
                guard let prevails = term.prevails else {
                    names.insert(term.name.text)
                    result.append(
                        TypedTerm(syntax: term, provisions: values, resolved: Typed(expr: .constant(first.value), type: first.type)))
                    continue
                }
                guard let winner = values.first(where: { $0.syntax.cites.contains(prevails.text) }) else {
                    diagnostics.append(
                        .error(.invalidValue, "'prevails' names '\(prevails.text)', which is not the article of any provision of this term",
                               at: prevails.location,
                               hints: ["write one of: \(values.flatMap(\.syntax.cites).joined(separator: ", "))"]))
                    poisonedNames.insert(term.name.text)
                    continue
                }
                chosen = winner
                let others = values.filter { $0.syntax != winner.syntax }.flatMap(\.syntax.cites)
                because = "\(prevails.text) prevails over \(others.joined(separator: ", "))" + (term.because.map { ": \($0)" } ?? "")
            }
            let step = StepInfo(kind: .term, label: term.name.text, because: because, citations: chosen.syntax.cites, type: chosen.type)
            names.insert(term.name.text)
            result.append(
                TypedTerm(syntax: term, provisions: values, resolved: Typed(expr: .term(chosen.value, step), type: chosen.type)))
        }
        return result
    }

    private mutating func header() -> ContractHeader? {
        let fields = syntax.header.fields
        var ok = true
        func value(_ key: String) -> Located? { fields[key] }
        guard let id = value("id"), let title = value("title"), let source = value("source"),
              let effectiveText = value("effective"), let zoneText = value("timezone"),
              let currencyText = value("currency"), let holidaysText = value("holidays")
        else { return nil }
        if !id.text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
            diagnostics.append(
                .error(.invalidValue, "a contract id uses lowercase letters, digits, '-' and '_', such as 'prospect-it'", at: id.location))
            ok = false
        }
        let effective = CivilDate.parse(effectiveText.text)
        if effective == nil {
            if let why = Notation.whyNotADate(effectiveText.text) {
                diagnostics.append(
                    .error(.invalidValue, "'\(effectiveText.text)' is not a date that exists: \(why)", at: effectiveText.location))
            } else {
                diagnostics.append(
                    .error(.invalidValue, "'\(effectiveText.text)' is not a date: write the effective date as YYYY-MM-DD",
                           at: effectiveText.location,
                           hints: Notation.isoDate(fromDayMonthYear: effectiveText.text).map { ["write \($0)"] } ?? []))
            }
        }
        let zone = ZoneRule.named(zoneText.text)
        if zone == nil {
            diagnostics.append(
                .error(.invalidValue, "unsupported time zone '\(zoneText.text)'", at: zoneText.location,
                       hints: ["the supported zones are Europe/Paris and UTC"]))
        }
        let currency = Currency(code: currencyText.text)
        if currency == nil {
            diagnostics.append(
                .error(.invalidValue, "'\(currencyText.text)' is not an ISO 4217 currency code such as EUR", at: currencyText.location))
        }
        let holidays = HolidayCalendar.named(holidaysText.text)
        if holidays == nil {
            diagnostics.append(
                .error(.invalidValue, "unknown holiday calendar '\(holidaysText.text)'", at: holidaysText.location,
                       hints: ["the supported calendar is FR (French national public holidays)"]))
        }
        var rounding = RoundingMode.halfAwayFromZero
        if let r = value("rounding") {
            if let mode = RoundingMode(rawValue: r.text) {
                rounding = mode
            } else {
                diagnostics.append(
                    .error(.invalidValue, "unknown rounding '\(r.text)'", at: r.location,
                           hints: ["the modes are: \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))"]))
            }
        }
        if let months = value("months"), months.text != "clamp_to_month_end" {
            diagnostics.append(
                .error(.invalidValue, "unknown month rule '\(months.text)'", at: months.location,
                       hints: ["the rule is 'clamp_to_month_end': 31 January + 1 month is the last day of February"]))
        }
        guard ok, let effective, let zone, let currency, let holidays else { return nil }
        return ContractHeader(
            id: id.text, title: title.text, source: source.text, effective: effective, zone: zone, currency: currency,
            holidays: holidays, rounding: rounding)
    }

    private mutating func decision(
        _ rule: RuleSyntax, header: ContractHeader, signatures: [String: DefinitionSignature], terms: [String: Typed]
    ) -> TypedRule {
        var types = TypeResolver(currency: header.currency)
        let slots = SlotAllocator()
        var scope = Scope(slots: slots)
        scope.unknownNamesArePoisoned = rule.hasUnknownKeys
        var inputs: [InputSpec] = []
        var failed = false
        for input in rule.inputs {
            let name = input.name.text
            guard name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ String($0).isIdentifier }) else {
                diagnostics.append(
                    .error(.invalidValue, "'\(name)' is not a valid input name: use names of letters, digits and '_' joined by dots",
                           at: input.name.location))
                scope.poisoned.insert(name)
                failed = true
                continue
            }
            if scope.bindings[name] != nil {
                diagnostics.append(.error(.duplicateID, "the input '\(name)' is declared twice", at: input.name.location))
                continue
            }
            if inputs.contains(where: { $0.name.hasPrefix(name + ".") || name.hasPrefix($0.name + ".") }) {
                diagnostics.append(
                    .error(.duplicateID, "the input '\(name)' clashes with another input that it contains or is part of",
                           at: input.name.location))
                continue
            }
            guard let type = types.resolve(input.type) else {
                scope.poisoned.insert(name)
                failed = true
                continue
            }
            if input.countsOnlyIfPast, type != .optional(.date) {
                diagnostics.append(
                    .error(.invalidValue, "'counts: only_if_past' applies to an optional date (date?), not to \(type)",
                           at: input.name.location))
            }
            let slot = scope.bind(name, type)
            scope.inputOrder.append(name)
            inputs.append(InputSpec(name: name, type: type, slot: slot, countsOnlyIfPast: input.countsOnlyIfPast))
        }
        let returns = rule.returns.flatMap { types.resolve($0) }
        diagnostics += types.diagnostics
        var checker = ExpressionChecker(header: header, definitions: signatures, terms: terms, source: syntax.source)
        checker.poisonedNames = poisonedNames
        var requirements: [TypedRequirement] = []
        // A requirement holds before the rule answers: `exists(x)` there proves x present in the rule, and
        // `exists(a) or exists(b)` proves one of them present.
        var bodyScope = scope
        for requirement in rule.requires {
            var inner = scope
            var forEach: (list: Typed, itemSlot: Int)?
            if let each = requirement.forEach {
                guard let list = checker.check(each.list, expected: nil, scope: scope) else { continue }
                guard case .list(let element) = list.type else {
                    checker.diagnostics.append(
                        .error(.typeMismatch, "'for_each' needs a list, but '\(each.list.text)' is \(list.type.spoken)",
                               at: each.list.location))
                    continue
                }
                forEach = (list, inner.bind(each.item.text, element))
            }
            guard let that = checker.syntax(of: requirement.that),
                  let condition = checker.check(that, expected: .bool, scope: inner, in: requirement.that.source)
            else { continue }
            if forEach == nil {
                bodyScope.present.formUnion(ExpressionChecker.presentNames(in: that))
                if let names = ExpressionChecker.presenceDisjunction(that), names.count > 1 { bodyScope.disjunctions.append(names) }
            }
            let factRoot = requirement.fact.text.split(separator: ".").first.map(String.init) ?? ""
            let knownFact = inputs.contains { $0.name == requirement.fact.text || $0.name.hasPrefix(requirement.fact.text + ".") }
                || (forEach != nil && factRoot == requirement.forEach?.item.text)
            if !knownFact {
                checker.diagnostics.append(
                    .error(.unknownName, "'\(requirement.fact.text)' is not an input of this decision", at: requirement.fact.location,
                           hints: Suggestions.closest(to: requirement.fact.text, among: inputs.map(\.name)).map { ["did you mean '\($0)'?"] } ?? []))
            }
            requirements.append(TypedRequirement(condition: condition, forEach: forEach, syntax: requirement))
        }
        let body = returns.map { self.body(rule, returns: $0, scope: bodyScope, checker: &checker) }
        diagnostics += checker.diagnostics
        return TypedRule(
            syntax: rule, returns: returns, inputs: inputs, requirements: requirements, lets: body?.lets ?? [],
            value: body?.value, slotTypes: slots.types,
            isComplete: !failed && body?.isComplete == true)
    }

    /// Checks the `let` bindings and the value; each binding is visible to those after it and to the value.
    private func body(
        _ rule: RuleSyntax, returns: ValueType, scope: Scope, checker: inout ExpressionChecker
    ) -> (lets: [TypedBinding], value: Typed?, isComplete: Bool) {
        var scope = scope
        var bindings: [TypedBinding] = []
        var failed = false
        for binding in rule.lets {
            let name = binding.name.text
            guard name.isIdentifier else {
                checker.diagnostics.append(
                    .error(.invalidValue, "'\(name)' is not a valid name: use letters, digits and '_'", at: binding.name.location))
                failed = true
                continue
            }
            if scope.bindings[name] != nil || scope.group(name) != nil {
                checker.diagnostics.append(
                    .error(.duplicateID, "the name '\(name)' is already used by an input or another value", at: binding.name.location))
                failed = true
                continue
            }
            guard let typed = checker.node(binding.value, expected: nil, scope: scope) else {
                scope.poisoned.insert(name)
                failed = true
                continue
            }
            bindings.append(TypedBinding(name: name, slot: scope.bind(name, typed.type), value: typed))
        }
        guard let valueSyntax = rule.value else { return (bindings, nil, false) }
        let value = checker.node(valueSyntax, expected: returns, scope: scope)
        return (bindings, value, !failed && value != nil)
    }

    private mutating func reportCycles(_ graph: [Int: Set<Int>], _ rules: [RuleSyntax]) {
        // Depth-first search with colours; each cycle is reported once, at the definition that closes it.
        var state = [Int: Int]()
        var reported = Set<Int>()
        func visit(_ node: Int, _ path: [Int]) {
            state[node] = 1
            for next in (graph[node] ?? []).sorted() {
                if state[next] == 1, !reported.contains(next), rules.indices.contains(next) {
                    reported.insert(next)
                    let cycle = (path.drop(while: { $0 != next }) + [node, next]).compactMap {
                        rules.indices.contains($0) ? rules[$0].id.text : nil
                    }
                    diagnostics.append(
                        .error(.cycle, "definitions call each other in a cycle: \(cycle.joined(separator: " → "))",
                               at: rules[next].id.location,
                               hints: ["rules must terminate: break the cycle by computing the value directly"]))
                } else if state[next] == nil {
                    visit(next, path + [node])
                }
            }
            state[node] = 2
        }
        for node in graph.keys.sorted() where state[node] == nil { visit(node, []) }
    }
}
