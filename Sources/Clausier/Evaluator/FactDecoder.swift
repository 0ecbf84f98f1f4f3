/// Reads a decision's facts from JSON into its frame, validating every one before the rule answers.
///
/// Errors name the fact by its dotted name, with list items indexed from 0, and come in the
/// decision's input order so that the first one reported is the first one a host should fix.
struct FactDecoder {
    let header: ContractHeader
    let asOf: CivilDate

    func decode(_ facts: JSONValue, for decision: CompiledDecision, into frame: inout [Value]) throws(EvaluationError) {
        guard case .object(let root) = facts else {
            throw EvaluationError(.invalidFact, "the facts must be a JSON object, not \(facts.kindName)")
        }
        for input in decision.inputs {
            let found = try lookup(root, input.path)
            var value: Value
            switch found {
            case .none, .some(.null):
                guard input.type.isOptional else {
                    throw EvaluationError(
                        .missingFact, "the required fact '\(input.name)' is missing\(suggestion(for: input, in: root))",
                        fact: input.name)
                }
                value = .absent
            case .some(let json):
                value = try Self.decode(json, as: input.type.unwrapped, name: input.name)
            }
            if input.countsOnlyIfPast, case .date(let d) = value, d > asOf { value = .absent }
            guard frame.indices.contains(input.slot) else { throw Operations.mismatch("fact decoding") }
            frame[input.slot] = value
        }
        if let unknown = firstUnknown(root, depth: 0, representative: nil, inputs: decision.inputs) {
            let known = decision.inputs.map(\.name)
            var message = "the decision '\(decision.id)' has no input named '\(unknown)'"
            if let close = Suggestions.closest(to: unknown, among: known) {
                message += "; did you mean '\(close)'?"
            } else if known.isEmpty {
                message += "; it takes no facts"
            } else {
                message += "; its inputs are: \(known.joined(separator: ", "))"
            }
            throw EvaluationError(.unknownFact, message, fact: unknown)
        }
    }

    /// The fact at a dotted path; nil when absent. A non-object where the path needs an object is bad input.
    private func lookup(_ object: JSONObject, _ path: [String]) throws(EvaluationError) -> JSONValue? {
        var current = JSONValue.object(object)
        for (depth, key) in path.enumerated() {
            switch current {
            case .object(let o):
                guard let next = o[key] else { return nil }
                current = next
            case .null:
                return nil
            default:
                let prefix = path.prefix(depth).joined(separator: ".")
                throw EvaluationError(
                    .invalidFact, "expected an object holding '\(key)', got \(current.kindName)", fact: prefix)
            }
        }
        return current
    }

    private func suggestion(for input: InputSpec, in root: JSONObject) -> String {
        if input.path.count > 1, root.members.contains(where: { $0.key == input.name }) {
            // `{"incident.recorded_at": …}`, as a shell user writes it: the facts nest by their dots.
            let nested = input.path.reversed().reduce("…") { inner, key in "{\"\(key)\": \(inner)}" }
            return "; the facts are nested by their dots: write \(nested), not {\"\(input.name)\": …}"
        }
        var names: [String] = []
        collectLeaves(.object(root), prefix: "", into: &names)
        if let close = Suggestions.closest(to: input.name, among: names) {
            return "; the facts have '\(close)': is it misspelt?"
        }
        return ""
    }

    private func collectLeaves(_ value: JSONValue, prefix: String, into names: inout [String]) {
        guard case .object(let o) = value else {
            names.append(prefix)
            return
        }
        for member in o.members {
            collectLeaves(member.value, prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)", into: &names)
        }
    }

    /// The dotted name of the first fact that is not an input (nor a prefix of one), if any.
    ///
    /// Walks the facts against the input paths without building intermediate paths: this runs on
    /// every query, so it must not allocate unless it finds something to report.
    private func firstUnknown(_ object: JSONObject, depth: Int, representative: Int?, inputs: [InputSpec]) -> String? {
        for member in object.members {
            var exact = false
            var prefixOf: Int?
            for (index, input) in inputs.enumerated() {
                guard input.path.count > depth, input.path[depth] == member.key else { continue }
                if let r = representative, !Self.samePrefix(inputs[r].path, input.path, depth) { continue }
                if input.path.count == depth + 1 {
                    exact = true
                    break
                }
                prefixOf = index
            }
            if exact { continue }
            if let prefixOf, case .object(let inner) = member.value {
                if let unknown = firstUnknown(inner, depth: depth + 1, representative: prefixOf, inputs: inputs) {
                    return unknown
                }
                continue
            }
            guard let representative else { return member.key }
            return inputs[representative].path.prefix(depth).joined(separator: ".") + "." + member.key
        }
        return nil
    }

    private static func samePrefix(_ a: [String], _ b: [String], _ count: Int) -> Bool {
        guard a.count >= count, b.count >= count else { return false }
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }

    /// Decodes one fact of a known non-optional type: the per-type rules, shared with
    /// `FactBytesDecoder`. Static because they depend on neither the header nor the date.
    static func decode(_ json: JSONValue, as type: ValueType, name: String) throws(EvaluationError) -> Value {
        func invalid(_ message: String) -> EvaluationError { EvaluationError(.invalidFact, message, fact: name) }
        func string(_ what: String, example: String) throws(EvaluationError) -> String {
            guard case .string(let s) = json else {
                throw invalid("expected \(what) as a JSON string such as \"\(example)\", got \(json.kindName)")
            }
            return s
        }
        switch type {
        case .bool:
            guard case .bool(let b) = json else { throw invalid("expected true or false, got \(json.kindName)") }
            return .bool(b)
        case .int:
            guard case .number(let lexeme) = json else { throw invalid("expected a whole number, got \(json.kindName)") }
            guard let i = Int(lexeme) else {
                throw invalid("expected a whole number, got \(lexeme)")
            }
            if let problem = FactRules.count(i, written: lexeme) { throw invalid(problem) }
            return .int(i)
        case .decimal:
            let text: String
            switch json {
            case .string(let s): text = s
            case .number(let n): text = n
            default: throw invalid("expected a decimal number such as \"1.5\", got \(json.kindName)")
            }
            guard let d = FixedDecimal.parse(text) else {
                throw invalid("'\(text)' is not a decimal number: write digits with an optional '.' and at most 18 decimals")
            }
            return .decimal(d)
        case .money(let currency):
            let s = try string("an amount with its currency", example: "150.00 \(currency.code)")
            guard let m = Money.parse(s) else {
                let example = Notation.amount(s) ?? "150.00 \(currency.code)"
                throw invalid("'\(s)' is not an amount: write the amount, a space and the currency code, such as \"\(example)\"")
            }
            if let problem = FactRules.money(m, currency: currency, written: s) { throw invalid(problem) }
            return .money(m)
        case .percent:
            let s = try string("a percentage", example: "25%")
            guard s.hasSuffix("%"), let d = FixedDecimal.parse(s.dropLast()) else {
                throw invalid("'\(s)' is not a percentage: write a number followed by %, such as \"\(Notation.percent(s) ?? "3.15%")\"")
            }
            do { return .percent(try d.dividing(by: FixedDecimal(100)).normalized()) } catch {
                throw invalid("'\(s)' is out of range")
            }
        case .date:
            let s = try string("a date", example: "2025-03-07")
            guard let d = CivilDate.parse(s) else {
                if s.count == 10, s.split(separator: "-").count == 3, s.allSatisfy({ $0.isNumber || $0 == "-" }) {
                    throw invalid("'\(s)' is not a date that exists" + (Notation.whyNotADate(s).map { ": \($0)" } ?? ""))
                }
                // A date written day first gets the very date to write as the example.
                let example = Notation.isoDate(fromDayMonthYear: s) ?? "2025-03-07"
                throw invalid("'\(s)' is not a date: write it as YYYY-MM-DD, such as \"\(example)\"")
            }
            if let problem = FactRules.date(d, written: s) { throw invalid(problem) }
            return .date(d)
        case .datetime:
            let s = try string("a datetime with its offset", example: "2025-03-07T22:15:00+01:00")
            switch Instant.parseRFC3339(s) {
            case .success(let t): return .datetime(t)
            case .failure(let error): throw invalid("'\(s)' is not a valid datetime: \(error.message)")
            }
        case .time:
            let s = try string("a time of day", example: "09:00")
            guard let t = TimeOfDay.parse(s) else { throw invalid("'\(s)' is not a time of day: write HH:MM") }
            return .time(t)
        case .duration:
            let s = try string("an ISO 8601 duration", example: "PT2H30M")
            guard let d = ExactDuration.parseISO8601(s) else {
                throw invalid("'\(s)' is not an ISO 8601 duration such as \"PT2H30M\"")
            }
            return .duration(d)
        case .period(let unit):
            guard case .number(let lexeme) = json, let n = Int(lexeme) else {
                throw invalid("expected a whole number of \(unit.name(count: 2)), got \(json.kindName)")
            }
            return .period(n, unit)
        case .enumeration(let cases):
            let s = try string("one of \(cases.joined(separator: ", "))", example: cases.first ?? "")
            if let problem = FactRules.name(s, among: cases) { throw invalid(problem) }
            return .name(s)
        case .list(let element):
            guard case .array(let items) = json else { throw invalid("expected a list, got \(json.kindName)") }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                let itemName = "\(name)[\(index)]"
                if case .null = item { throw EvaluationError(.invalidFact, "a list item cannot be null", fact: itemName) }
                values.append(try decode(item, as: element, name: itemName))
            }
            return .list(values)
        case .record(let fields):
            guard case .object(let object) = json else { throw invalid("expected an object, got \(json.kindName)") }
            var values: [Value] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                let fieldName = "\(name).\(field.name)"
                switch object[field.name] {
                case .none, .some(.null):
                    guard field.type.isOptional else {
                        throw EvaluationError(.missingFact, "the required fact '\(fieldName)' is missing", fact: fieldName)
                    }
                    values.append(.absent)
                case .some(let inner):
                    values.append(try decode(inner, as: field.type.unwrapped, name: fieldName))
                }
            }
            for key in object.keys where !fields.contains(where: { $0.name == key }) {
                var message = "'\(name)' has no field named '\(key)'"
                if let close = Suggestions.closest(to: key, among: fields.map(\.name)) {
                    message += "; did you mean '\(close)'?"
                }
                throw EvaluationError(.unknownFact, message, fact: "\(name).\(key)")
            }
            return .record(values)
        case .optional(let inner):
            if case .null = json { return .absent }
            return try decode(json, as: inner, name: name)
        case .absent:
            guard case .null = json else { throw invalid("expected null") }
            return .absent
        }
    }
}
