import Clausier
import ClausierDiagnostics

/// Reads the types written in rule files: `money`, `date?`, `enum(a, b)`, `list of {...}`.
struct TypeResolver {
    let currency: Currency
    var diagnostics: [Diagnostic] = []

    static let scalarNames = ["bool", "int", "decimal", "money", "percent", "date", "datetime", "time", "duration", "days"]

    mutating func resolve(_ syntax: TypeSyntax) -> ValueType? {
        switch syntax {
        case .text(let located):
            return resolve(text: located.text.trimmingSpaces, at: located.contentLocation)
        case .list(let element, _, let optional):
            guard let e = resolve(element) else { return nil }
            return optional ? .optional(.list(e)) : .list(e)
        case .record(let fields, let location, let optional):
            var resolved: [RecordField] = []
            for field in fields {
                if resolved.contains(where: { $0.name == field.name.text }) {
                    diagnostics.append(.error(.duplicateID, "the field '\(field.name.text)' is declared twice", at: field.name.location))
                    continue
                }
                guard let type = resolve(field.type) else { continue }
                resolved.append(RecordField(field.name.text, type))
            }
            if resolved.isEmpty && fields.isEmpty {
                diagnostics.append(.error(.wrongShape, "a record type needs at least one field", at: location))
                return nil
            }
            return optional ? .optional(.record(resolved)) : .record(resolved)
        }
    }

    mutating func resolve(text: String, at location: SourceLocation) -> ValueType? {
        if text.hasSuffix("?") {
            let inner = String(text.dropLast()).trimmingSpaces
            guard let type = resolve(text: inner, at: location) else { return nil }
            if type.isOptional {
                diagnostics.append(.error(.invalidValue, "'\(text)' is optional twice", at: location))
            }
            return .optional(type)
        }
        if text.hasPrefix("list of ") {
            return resolve(text: String(text.dropFirst("list of ".count)).trimmingSpaces, at: location).map { .list($0) }
        }
        if text.hasPrefix("enum(") && text.hasSuffix(")") {
            let body = text.dropFirst("enum(".count).dropLast()
            let cases = body.split(separator: ",").map { String($0).trimmingSpaces }
            var seen: [String] = []
            for c in cases {
                guard c.isIdentifier else {
                    diagnostics.append(
                        .error(.invalidValue, "'\(c)' is not a valid enum value: use letters, digits and '_'", at: location))
                    return nil
                }
                if seen.contains(c) {
                    diagnostics.append(.error(.duplicateID, "the enum value '\(c)' is listed twice", at: location))
                } else {
                    seen.append(c)
                }
            }
            guard !seen.isEmpty else {
                diagnostics.append(.error(.invalidValue, "an enum needs at least one value", at: location))
                return nil
            }
            return .enumeration(seen)
        }
        if text.hasPrefix("money(") && text.hasSuffix(")") {
            let code = text.dropFirst("money(".count).dropLast()
            guard let currency = Currency(code: code) else {
                diagnostics.append(.error(.invalidValue, "'\(code)' is not a currency code such as EUR", at: location))
                return nil
            }
            return .money(currency)
        }
        switch text {
        case "bool": return .bool
        case "int": return .int
        case "decimal": return .decimal
        case "money": return .money(currency)
        case "percent": return .percent
        case "date": return .date
        case "datetime": return .datetime
        case "time": return .time
        case "duration": return .duration
        case "days": return .period(.days)
        default:
            var hints: [String] = []
            if text.hasPrefix("enum(") || text.hasPrefix("money(") {
                hints.append("inside '{ }' the commas split the value: write the type in quotes, or the record as indented lines")
            }
            if let close = Suggestions.closest(to: text, among: Self.scalarNames) { hints.append("did you mean '\(close)'?") }
            hints.append(
                "the types are: \(Self.scalarNames.joined(separator: ", ")), enum(a, b), list of <type>, a record of fields, and <type>? for optional")
            diagnostics.append(.error(.invalidValue, "unknown type '\(text)'", at: location, hints: hints))
            return nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    var isIdentifier: Bool {
        guard let first = unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
