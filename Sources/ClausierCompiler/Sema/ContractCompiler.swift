import Clausier
import ClausierDiagnostics

/// Checks one contract's syntax tree and lowers it to a compiled contract.
struct ContractCompiler {
    let syntax: ContractSyntax
    var diagnostics: [Diagnostic] = []

    init(_ syntax: ContractSyntax) { self.syntax = syntax }

    mutating func compile() -> CompiledContract? {
        guard let header = header() else { return nil }
        var types = TypeResolver(currency: header.currency)
        // Signatures first, so that definitions and decisions may appear in any order.
        var signatures: [String: DefinitionSignature] = [:]
        var definitionSyntax: [RuleSyntax] = []
        for rule in syntax.definitions {
            if signatures[rule.id.text] != nil || Builtin(rawValue: rule.id.text) != nil
                || ExpressionChecker.builtinNames.contains(rule.id.text)
            {
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
            guard parameters.count == rule.inputs.count, let returns else { continue }
            signatures[rule.id.text] = DefinitionSignature(
                index: definitionSyntax.count, name: rule.id.text, parameters: parameters, returns: returns)
            definitionSyntax.append(rule)
        }
        diagnostics += types.diagnostics
        var definitions: [CompiledDefinition] = []
        var callGraph: [Int: Set<Int>] = [:]
        for (index, rule) in definitionSyntax.enumerated() {
            guard let signature = signatures[rule.id.text] else { continue }
            var checker = ExpressionChecker(header: header, definitions: signatures)
            let slots = SlotAllocator()
            var scope = Scope(slots: slots)
            for parameter in signature.parameters {
                _ = scope.bind(parameter.name, parameter.type)
                scope.inputOrder.append(parameter.name)
            }
            let body = self.body(rule, returns: signature.returns, scope: scope, checker: &checker)
            diagnostics += checker.diagnostics
            callGraph[index] = checker.calls
            citationWarning(rule, what: "definition")
            guard let body else { continue }
            definitions.append(
                CompiledDefinition(
                    id: rule.id.text,
                    step: StepInfo(kind: .definition, label: rule.id.text, because: rule.title.isEmpty ? nil : rule.title,
                                   citations: rule.cites, type: signature.returns),
                    parameterCount: signature.parameters.count, body: body, frameSize: slots.size))
        }
        reportCycles(callGraph, definitionSyntax)
        var decisions: [CompiledDecision] = []
        var seen: [String: SourceLocation] = [:]
        for rule in syntax.decisions {
            if let first = seen[rule.id.text] {
                diagnostics.append(
                    .error(.duplicateID, "the decision '\(rule.id.text)' is defined twice", at: rule.id.location,
                           notes: [DiagnosticNote("first defined here", at: first)]))
                continue
            }
            seen[rule.id.text] = rule.id.location
            if let decision = decision(rule, header: header, signatures: signatures) { decisions.append(decision) }
        }
        guard !diagnostics.hasErrors, definitions.count == definitionSyntax.count else { return nil }
        return CompiledContract(header: header, decisions: decisions, definitions: definitions)
    }

    private mutating func citationWarning(_ rule: RuleSyntax, what: String) {
        if rule.cites.isEmpty {
            diagnostics.append(
                .warning(.missingCitation, "the \(what) '\(rule.id.text)' cites no article of the contract", at: rule.id.location,
                         hints: ["add 'cites:' with the article it encodes, such as 'cites: art. 11'"]))
        }
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
            diagnostics.append(
                .error(.invalidValue, "'\(effectiveText.text)' is not a date: write the effective date as YYYY-MM-DD",
                       at: effectiveText.location))
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
        _ rule: RuleSyntax, header: ContractHeader, signatures: [String: DefinitionSignature]
    ) -> CompiledDecision? {
        var types = TypeResolver(currency: header.currency)
        let slots = SlotAllocator()
        var scope = Scope(slots: slots)
        var inputs: [InputSpec] = []
        var failed = false
        for input in rule.inputs {
            let name = input.name.text
            guard name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ String($0).isIdentifier }) else {
                diagnostics.append(
                    .error(.invalidValue, "'\(name)' is not a valid input name: use names of letters, digits and '_' joined by dots",
                           at: input.name.location))
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
        citationWarning(rule, what: "decision")
        var checker = ExpressionChecker(header: header, definitions: signatures)
        var requirements: [Requirement] = []
        for requirement in rule.requires {
            var inner = scope
            var forEach: Requirement.ForEach?
            if let each = requirement.forEach {
                guard let list = checker.check(each.list, expected: nil, scope: scope) else { continue }
                guard case .list(let element) = list.type else {
                    checker.diagnostics.append(
                        .error(.typeMismatch, "'for_each' needs a list, but '\(each.list.text)' is \(list.type.spoken)",
                               at: each.list.location))
                    continue
                }
                let slot = inner.bind(each.item.text, element)
                forEach = Requirement.ForEach(list: list.expr, itemSlot: slot, listName: each.list.text, itemName: each.item.text)
            }
            guard let condition = checker.check(requirement.that, expected: .bool, scope: inner) else { continue }
            let factRoot = requirement.fact.text.split(separator: ".").first.map(String.init) ?? ""
            let knownFact = inputs.contains { $0.name == requirement.fact.text || $0.name.hasPrefix(requirement.fact.text + ".") }
                || (forEach != nil && factRoot == forEach?.itemName)
            if !knownFact {
                checker.diagnostics.append(
                    .error(.unknownName, "'\(requirement.fact.text)' is not an input of this decision", at: requirement.fact.location,
                           hints: Suggestions.closest(to: requirement.fact.text, among: inputs.map(\.name)).map { ["did you mean '\($0)'?"] } ?? []))
            }
            requirements.append(
                Requirement(condition: condition.expr, fact: requirement.fact.text, message: requirement.message.text, forEach: forEach))
        }
        let body = returns.flatMap { self.body(rule, returns: $0, scope: scope, checker: &checker) }
        diagnostics += checker.diagnostics
        guard !failed, let returns, let body else { return nil }
        return CompiledDecision(
            id: rule.id.text, title: rule.title, citations: rule.cites, inputs: inputs, requirements: requirements,
            body: body, resultType: returns, frameSize: slots.size)
    }

    /// Lowers `let` bindings and the value into one expression: each binding becomes a `bind` around the rest.
    private func body(_ rule: RuleSyntax, returns: ValueType, scope: Scope, checker: inout ExpressionChecker) -> Expr? {
        var scope = scope
        var bindings: [(slot: Int, expr: Expr, step: StepInfo)] = []
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
                failed = true
                // Bind the name anyway with no type, so later uses are not reported as unknown.
                continue
            }
            let slot = scope.bind(name, typed.type)
            bindings.append((slot, typed.expr, StepInfo(kind: .value, label: name, because: nil, citations: [], type: typed.type)))
        }
        guard let valueSyntax = rule.value else { return nil }
        guard let value = checker.node(valueSyntax, expected: returns, scope: scope), !failed else { return nil }
        var expr = value.expr
        for binding in bindings.reversed() {
            expr = .bind(slot: binding.slot, value: binding.expr, step: binding.step, body: expr)
        }
        return expr
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
