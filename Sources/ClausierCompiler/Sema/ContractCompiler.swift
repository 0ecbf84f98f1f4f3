import Clausier
import ClausierDiagnostics

/// Checks one contract's syntax tree and lowers it to a compiled contract.
struct ContractCompiler {
    let syntax: ContractSyntax
    var diagnostics: [Diagnostic] = []
    let branches = BranchRegistry()

    init(_ syntax: ContractSyntax) { self.syntax = syntax }

    mutating func compile() -> CompiledContract? {
        guard let header = header() else { return nil }
        let terms = self.terms(header: header)
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
            var checker = ExpressionChecker(header: header, definitions: signatures, terms: terms)
            checker.branches = branches
            checker.ruleName = rule.id.text
            checker.positions = syntax.positions
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
                    parameterCount: signature.parameters.count, body: body, frameSize: slots.size, slotTypes: slots.types,
                    parameterNames: signature.parameters.map(\.name)))
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
            if let decision = decision(rule, header: header, signatures: signatures, terms: terms) { decisions.append(decision) }
        }
        if syntax.header.fields["rounding"] == nil,
           let first = decisions.first(where: { $0.resultType.containsMoney && $0.body.mayHaveFractionsOfACent })
        {
            diagnostics.append(
                .warning(.roundingUndeclared,
                         "the decision '\(first.id)' answers an amount that can have fractions of a cent, but the contract does not declare how it is rounded",
                         at: syntax.header.location,
                         hints: ["add 'rounding: half_away_from_zero' (or half_even, up, down, ceiling, floor) to the contract header"]))
        }
        guard !diagnostics.hasErrors, definitions.count == definitionSyntax.count else { return nil }
        return CompiledContract(header: header, decisions: decisions, definitions: definitions, branches: branches.branches)
    }

    /// Compiles the contract's terms: each provision's value, the conflicts between them, and the resolution.
    private mutating func terms(header: ContractHeader) -> [String: Typed] {
        var result: [String: Typed] = [:]
        let checker0 = ExpressionChecker(header: header, definitions: [:])
        for term in syntax.terms {
            guard term.name.text.isIdentifier else {
                diagnostics.append(.error(.invalidValue, "'\(term.name.text)' is not a valid term name", at: term.name.location))
                continue
            }
            if result[term.name.text] != nil {
                diagnostics.append(.error(.duplicateID, "the term '\(term.name.text)' is defined twice", at: term.name.location))
                continue
            }
            var checker = checker0
            checker.positions = syntax.positions
            var values: [(provision: ProvisionSyntax, value: Value, type: ValueType)] = []
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
                values.append((provision, value, typed.type))
            }
            diagnostics += checker.diagnostics
            guard values.count == term.provisions.count, let first = values.first else { continue }
            let distinct = values.reduce(into: [Value]()) { if !$0.contains($1.value) { $0.append($1.value) } }
            var chosen = first
            var because = term.because
            if distinct.count > 1 {
                if let prevails = term.prevails {
                    guard let winner = values.first(where: { $0.provision.cites.contains(prevails.text) }) else {
                        diagnostics.append(
                            .error(.invalidValue, "'prevails' names '\(prevails.text)', which is not the article of any provision of this term",
                                   at: prevails.location,
                                   hints: ["write one of: \(values.flatMap(\.provision.cites).joined(separator: ", "))"]))
                        continue
                    }
                    chosen = winner
                    let others = values.filter { $0.provision != winner.provision }.flatMap(\.provision.cites)
                    because = "\(prevails.text) prevails over \(others.joined(separator: ", "))" + (term.because.map { ": \($0)" } ?? "")
                    if term.because == nil {
                        diagnostics.append(
                            .warning(.conflictingProvisions, "the resolution of the term '\(term.name.text)' gives no reason",
                                     at: prevails.location, hints: ["add 'because:' saying why \(prevails.text) prevails"]))
                    }
                } else {
                    let described = values.map { "\($0.provision.cites.joined(separator: ", ")) says \($0.provision.value.text)" }
                    for (index, entry) in values.enumerated() {
                        let others = values.enumerated().filter { $0.offset != index }.map(\.element)
                        diagnostics.append(
                            .error(.conflictingProvisions,
                                   "conflicting provisions for the term '\(term.name.text)': \(described.joined(separator: "; "))",
                                   at: entry.provision.location,
                                   hints: [
                                       "declare which provision prevails and why: 'prevails: <article>' and 'because: <reason>' under the term"
                                   ],
                                   notes: others.map { DiagnosticNote("the other provision (\($0.provision.cites.joined(separator: ", ")))", at: $0.provision.location) }))
                    }
                    // Keep the term known, so that its uses are not also reported as unknown names.
                    result[term.name.text] = Typed(expr: .constant(first.value), type: first.type)
                    continue
                }
            } else if let prevails = term.prevails {
                diagnostics.append(
                    .warning(.conflictingProvisions, "the provisions of '\(term.name.text)' agree, so 'prevails' has no effect",
                             at: prevails.location))
            }
            let step = StepInfo(kind: .term, label: term.name.text, because: because, citations: chosen.provision.cites, type: chosen.type)
            result[term.name.text] = Typed(expr: .noted(.constant(chosen.value), step), type: chosen.type)
        }
        return result
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
        _ rule: RuleSyntax, header: ContractHeader, signatures: [String: DefinitionSignature], terms: [String: Typed]
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
        var checker = ExpressionChecker(header: header, definitions: signatures, terms: terms)
        checker.branches = branches
        checker.ruleName = rule.id.text
        checker.positions = syntax.positions
        var requirements: [Requirement] = []
        // A requirement holds before the rule answers: `exists(x)` there proves x present in the rule, and
        // `exists(a) or exists(b)` proves one of them present.
        var bodyScope = scope
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
            guard let that = checker.parse(requirement.that),
                  let condition = checker.check(that, expected: .bool, scope: inner, in: requirement.that)
            else { continue }
            if forEach == nil {
                bodyScope.present.formUnion(ExpressionChecker.presentNames(in: that))
                if let names = ExpressionChecker.presenceDisjunction(that), names.count > 1 { bodyScope.disjunctions.append(names) }
            }
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
        let body = returns.flatMap { self.body(rule, returns: $0, scope: bodyScope, checker: &checker) }
        diagnostics += checker.diagnostics
        guard !failed, let returns, let body else { return nil }
        var read = body.readSlots
        for requirement in requirements {
            read.formUnion(requirement.condition.readSlots)
            if let each = requirement.forEach { read.formUnion(each.list.readSlots) }
        }
        for (input, syntax) in zip(inputs, rule.inputs) where !read.contains(input.slot) && syntax.unusedBecause == nil {
            diagnostics.append(
                .warning(.unusedInput, "the input '\(input.name)' is never used by the decision '\(rule.id.text)'",
                         at: syntax.name.location,
                         hints: [
                             "use it in the rule, or remove it",
                             "if the catalogue fixes this input but the contract makes it irrelevant, say why: {type: \(input.type), unused: <reason>}",
                         ]))
        }
        return CompiledDecision(
            id: rule.id.text, title: rule.title, citations: rule.cites, inputs: inputs, requirements: requirements,
            body: body, resultType: returns, frameSize: slots.size, slotTypes: slots.types)
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
