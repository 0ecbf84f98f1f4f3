import Clausier
import ClausierDiagnostics

extension ExpressionChecker {
    /// Checks a value of a rule file (an expression, cases, tiers, exclusions and grounds, a record)
    /// against the type its place requires, if known.
    mutating func node(_ node: NodeSyntax, expected: ValueType?, scope: Scope) -> Typed? {
        switch node {
        case .invalid:
            // The parser reported what is wrong here; what contains it fails without another finding.
            return nil
        case .expression(let text):
            return check(text, expected: expected, scope: scope)
        case .record(let fields, let location):
            return record(fields, location, expected: expected, scope: scope)
        case .cases(let branches, let location):
            return cases(branches, location, expected: expected, scope: scope)
        case .tiers(let table):
            return tiers(table, expected: expected, scope: scope)
        case .eligibility(let block):
            return eligibility(block, expected: expected, scope: scope)
        case .list(let items, let location):
            var element: ValueType?
            if case .list(let e) = expected?.unwrapped { element = e }
            var checked: [Typed] = []
            for item in items {
                guard let typed = self.node(item, expected: element, scope: scope) else { return nil }
                if element == nil { element = typed.type }
                checked.append(typed)
            }
            guard let element else {
                diagnostics.append(
                    .error(.typeMismatch, "the type of an empty list cannot be known here", at: location,
                           hints: ["declare the type in 'returns'"]))
                return nil
            }
            let typed = Typed(expr: .list(checked), type: .list(element))
            guard let expected else { return typed }
            return coerce(typed, to: expected, at: location, what: "this list")
        }
    }

    private mutating func record(
        _ fields: [RecordFieldSyntax], _ location: SourceLocation, expected: ValueType?, scope: Scope
    ) -> Typed? {
        var expectedFields: [RecordField]?
        if case .record(let f) = expected?.unwrapped { expectedFields = f }
        if let expected, expectedFields == nil {
            diagnostics.append(
                .error(.typeMismatch, "a record of fields is written here, but \(expected.spoken) is required", at: location))
            return nil
        }
        var types: [RecordField] = []
        var checked: [Typed] = []
        var failed = false
        for field in fields {
            if types.contains(where: { $0.name == field.name.text }) { continue }
            var fieldExpected: ValueType?
            if let expectedFields {
                guard let match = expectedFields.first(where: { $0.name == field.name.text }) else {
                    var hints: [String] = []
                    if let close = Suggestions.closest(to: field.name.text, among: expectedFields.map(\.name)) {
                        hints.append("did you mean '\(close)'?")
                    }
                    hints.append("the fields of the answer are: \(expectedFields.map(\.name).joined(separator: ", "))")
                    diagnostics.append(
                        .error(.unknownName, "the answer has no field '\(field.name.text)'", at: field.name.location, hints: hints))
                    failed = true
                    continue
                }
                fieldExpected = match.type
            }
            guard let typed = self.node(field.value, expected: fieldExpected, scope: scope) else {
                failed = true
                continue
            }
            types.append(RecordField(field.name.text, fieldExpected ?? typed.type))
            checked.append(typed)
        }
        if let expectedFields {
            for missing in expectedFields where !fields.contains(where: { $0.name.text == missing.name }) {
                diagnostics.append(
                    .error(.missingKey, "the field '\(missing.name)' of the answer is missing", at: location,
                           hints: ["add '\(missing.name):' with \(missing.type.spoken)"]))
                failed = true
            }
        }
        guard !failed else { return nil }
        let typed = Typed(expr: .record(checked), type: .record(types))
        guard let expected else { return typed }
        return coerce(typed, to: expected, at: location, what: "this record")
    }

    private mutating func cases(
        _ branches: [CaseSyntax], _ location: SourceLocation, expected: ValueType?, scope: Scope
    ) -> Typed? {
        guard !branches.isEmpty else { return nil }
        var type = expected
        var checked: [TypedCase] = []
        var failed = false
        // A later case is reached only when every earlier condition failed: `when: not exists(x)` proves x present after it.
        var laterScope = scope
        for branch in branches {
            var condition: Typed?
            var branchScope = laterScope
            if let when = branch.when {
                guard let syntax = syntax(of: when), let c = check(syntax, expected: .bool, scope: laterScope, in: when.source) else {
                    failed = true
                    continue
                }
                condition = c
                branchScope.present.formUnion(Self.presentNames(in: syntax))
                branchScope.absent.formUnion(Self.absentNames(in: syntax))
                laterScope.present.formUnion(Self.presentNamesWhenFalse(syntax))
                laterScope.absent.formUnion(Self.absentNamesWhenFalse(syntax))
            }
            guard let value = self.node(branch.then, expected: type, scope: branchScope) else {
                failed = true
                continue
            }
            if type == nil { type = value.type }
            checked.append(TypedCase(condition: condition, value: value, syntax: branch))
        }
        guard !failed, let type else { return nil }
        return Typed(expr: .cases(TypedCases(branches: checked, location: location)), type: type)
    }

    private mutating func tiers(_ table: TiersSyntax, expected: ValueType?, scope: Scope) -> Typed? {
        guard let measure = check(table.of, expected: nil, scope: scope) else { return nil }
        guard measure.type.isOrdered else {
            diagnostics.append(
                .error(.typeMismatch, "tiers need a measure that can be ordered, but '\(table.of.text)' is \(measure.type.spoken)",
                       at: table.of.contentLocation))
            return nil
        }
        var boundaries = TierBoundaries.lowerInclusive
        if let declared = table.boundaries {
            if let b = TierBoundaries(rawValue: declared.text) {
                boundaries = b
            } else {
                diagnostics.append(
                    .error(.invalidValue, "unknown boundary convention '\(declared.text)'", at: declared.location,
                           hints: ["write 'lower_inclusive' for rows [from, to) or 'upper_inclusive' for rows (from, to]"]))
            }
        } else {
            diagnostics.append(
                .error(.tierConvention,
                       "the tiers do not declare which row a value exactly on a boundary belongs to", at: table.location,
                       hints: [
                           "add 'boundaries: lower_inclusive' (rows are [from, to): exactly 2 hours is in the row from 2 hours)",
                           "or 'boundaries: upper_inclusive' (rows are (from, to]: exactly 2 hours is in the row up to 2 hours)",
                       ]))
        }
        guard !table.rows.isEmpty else {
            diagnostics.append(.error(.wrongShape, "a tier table needs at least one row", at: table.location))
            return nil
        }
        var type = expected
        var rows: [TypedTierRow] = []
        var failed = false
        var previousTo: (Value?, ExpressionText?)?
        for (index, row) in table.rows.enumerated() {
            let from = row.from.flatMap { bound($0, measure.type, scope: scope) }
            let to = row.to.flatMap { bound($0, measure.type, scope: scope) }
            // A bound that is written but wrong was reported; the rows around it are not judged by it.
            let fromFailed = row.from != nil && from == nil
            if fromFailed || (row.to != nil && to == nil) { failed = true }
            if let from, let to, (Value.order(from, to)).map({ $0 >= 0 }) ?? false {
                diagnostics.append(
                    .error(.tierRows, "this row is empty: its 'from' is not below its 'to'", at: row.location))
            }
            if index > 0, let (prior, priorText) = previousTo, !fromFailed, !(prior == nil && priorText != nil) {
                switch (prior, from) {
                case (nil, _):
                    diagnostics.append(
                        .error(.tierRows, "no row can follow a row without 'to': it already covers every larger value",
                               at: row.location))
                case (_, nil):
                    diagnostics.append(
                        .error(.tierRows, "only the first row can omit 'from'", at: row.location,
                               hints: ["start this row where the previous one ends"]))
                case (let p?, let f?):
                    if let order = Value.order(f, p), order != 0 {
                        diagnostics.append(
                            .error(.tierRows,
                                   order > 0
                                       ? "gap between \(previousTo?.1?.text ?? "the previous row's end") and \(row.from?.text ?? "this row's start"): no row covers these values"
                                       : "this row starts at \(row.from?.text ?? "its 'from'"), before the previous row ends at \(previousTo?.1?.text ?? "its 'to'"): the rows overlap or are out of order",
                                   at: row.location,
                                   hints: ["start each row exactly where the previous one ends"]))
                    }
                }
            }
            previousTo = (to, row.to)
            guard let value = self.node(row.then, expected: type, scope: scope) else {
                failed = true
                continue
            }
            if type == nil { type = value.type }
            var provenance = row.provenance
            if provenance.cites.isEmpty { provenance.cites = table.provenance.cites }
            rows.append(
                TypedTierRow(
                    from: from, to: to, value: value, provenance: provenance,
                    label: Self.rangeLabel(row, boundaries: boundaries), syntax: row))
        }
        guard !failed, let type else { return nil }
        return Typed(expr: .tiers(TypedTiers(measure: measure, boundaries: boundaries, rows: rows, syntax: table)), type: type)
    }

    static func rangeLabel(_ row: TierRowSyntax, boundaries: TierBoundaries) -> String {
        let open = boundaries == .lowerInclusive ? "[" : "("
        let close = boundaries == .lowerInclusive ? ")" : "]"
        return "\(row.from.map { open + $0.text } ?? "(-∞"), \(row.to.map { $0.text + close } ?? "∞)")"
    }

    private mutating func bound(_ text: ExpressionText, _ type: ValueType, scope: Scope) -> Value? {
        guard let typed = check(text, expected: type, scope: scope) else { return nil }
        guard let value = typed.constantValue else {
            diagnostics.append(
                .error(.invalidValue, "a tier boundary must be a constant such as '2 hours' or '1000 EUR'", at: text.location))
            return nil
        }
        return value
    }

    private mutating func eligibility(_ block: EligibilitySyntax, expected: ValueType?, scope: Scope) -> Typed? {
        var reasons: [String] = []
        func items(_ list: [EligibilityItemSyntax], _ checker: inout ExpressionChecker) -> [TypedEligibilityItem]? {
            var result: [TypedEligibilityItem] = []
            var failed = false
            for item in list {
                guard item.reason.text.isIdentifier else {
                    checker.diagnostics.append(
                        .error(.invalidValue, "a reason code is a name of letters, digits and '_'", at: item.reason.location))
                    failed = true
                    continue
                }
                if reasons.contains(item.reason.text) {
                    checker.diagnostics.append(
                        .error(.duplicateID, "the reason '\(item.reason.text)' is used twice", at: item.reason.location))
                }
                reasons.append(item.reason.text)
                guard let condition = checker.check(item.when, expected: .bool, scope: scope) else {
                    failed = true
                    continue
                }
                result.append(TypedEligibilityItem(condition: condition, syntax: item))
            }
            return failed ? nil : result
        }
        let exclusions = items(block.exclusions, &self)
        let grounds = items(block.grounds, &self)
        reasons.append(block.noGround.text)
        guard let exclusions, let grounds else { return nil }
        let type = ValueType.record([
            RecordField("decision", .enumeration([block.granted.text, block.refused.text])),
            RecordField("reason", .enumeration(reasons)),
        ])
        let result = Typed(
            expr: .eligibility(TypedEligibility(exclusions: exclusions, grounds: grounds, outcomeType: type, syntax: block)),
            type: type)
        guard let expected else { return result }
        return coerce(result, to: expected, at: block.location, what: "the outcome of these exclusions and grounds")
    }
}
