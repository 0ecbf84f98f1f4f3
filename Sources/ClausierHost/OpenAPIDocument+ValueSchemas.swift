import Clausier

// The JSON Schema of a value of each type, in the catalogue's encoding.
extension OpenAPIDocument {
    /// Whether a schema describes a fact the host sends or a result the service answers: facts are
    /// read leniently where the decoder is (decimals as numbers, any number of money decimals) and
    /// strictly where it is (no negative counts or amounts).
    enum Role { case fact, result }

    /// The JSON Schema of a value of the type, in the catalogue's encoding.
    static func valueSchema(_ type: ValueType, role: Role) -> JSONValue {
        let isFact = role == .fact
        switch type {
        case .bool:
            return object(["type": .string("boolean")])
        case .int:
            return isFact
                ? object(["type": .string("integer"), "minimum": .number("0")]) : object(["type": .string("integer")])
        case .decimal:
            return isFact
                ? string(
                    Pattern.factDecimal, example: "1.5", types: ["string", "number"],
                    note: "A decimal number, as a string (a JSON number is accepted).")
                : string(Pattern.resultDecimal, example: "1.5", note: "A decimal number.")
        case .money(let currency):
            let code = currency.code
            return isFact
                ? string(
                    "^\\+?[0-9]+(\\.[0-9]+)? \(code)$", example: "150.00 \(code)",
                    note: "An amount in \(code): the amount (not negative), a space and the currency code.")
                : string(
                    "^-?[0-9]+\\.[0-9]{2} \(code)$", example: "150.00 \(code)",
                    note: "An amount in \(code), rounded to the cent.")
        case .percent:
            return string(isFact ? Pattern.factPercent : Pattern.resultPercent, example: "25%", note: "A percentage.")
        case .date:
            return string(
                isFact ? Pattern.factDate : Pattern.resultDate, example: "2025-03-07", format: "date",
                note: isFact ? "A date, YYYY-MM-DD, in the years 1900 to 2199." : "A date, YYYY-MM-DD.")
        case .datetime:
            return string(
                Pattern.datetime, example: "2025-03-07T22:15:00+01:00", format: "date-time",
                note: isFact ? "A datetime, RFC 3339 with its offset." : "A datetime, RFC 3339, in the contract's zone."
            )
        case .time:
            return string(
                Pattern.time, example: "09:00", note: "A time of day on the local wall clock, HH:MM or HH:MM:SS.")
        case .duration:
            return string(
                Pattern.duration, example: "PT2H30M", note: "An exact length of time, ISO 8601 (PT2H30M, P7D).")
        case .period(let unit):
            if isFact {
                return object([
                    "type": .string("integer"),
                    "description": .string("A whole number of \(unit.name(count: 2))."),
                ])
            }
            switch unit {
            case .days: return string("^-?P[0-9]+D$", example: "P7D", note: "A count of calendar days, ISO 8601.")
            case .months: return string("^-?P[0-9]+M$", example: "P1M", note: "A count of months, ISO 8601.")
            case .years: return string("^-?P[0-9]+Y$", example: "P5Y", note: "A count of years, ISO 8601.")
            case .businessDays:
                return string("^-?[0-9]+ business days$", example: "8 business days", note: "A count of business days.")
            case .joursFrancs:
                return string("^-?[0-9]+ jours francs$", example: "7 jours francs", note: "A count of jours francs.")
            }
        case .enumeration(let cases):
            return object(["type": .string("string"), "enum": names(cases)])
        case .list(let element):
            return object(["type": .string("array"), "items": valueSchema(element, role: role)])
        case .record(let fields):
            var properties: [JSONMember] = []
            var required: [JSONValue] = []
            for field in fields {
                properties.append(JSONMember(key: field.name, value: valueSchema(field.type, role: role)))
                // An answer always has every field (null when absent); facts may leave optional fields out.
                if !isFact || !field.type.isOptional { required.append(.string(field.name)) }
            }
            var members: [(String, JSONValue)] = [("type", .string("object"))]
            if !required.isEmpty { members.append(("required", .array(required))) }
            members.append(("properties", .object(JSONObject(properties))))
            members.append(("additionalProperties", .bool(false)))
            return object(members)
        case .optional(let inner):
            return nullable(valueSchema(inner, role: role))
        case .absent:
            return object(["type": .string("null")])
        }
    }

    /// The patterns of the catalogue's text encodings.
    enum Pattern {
        static let factDecimal = "^[+-]?[0-9]+(\\.[0-9]+)?$"
        static let resultDecimal = "^-?[0-9]+(\\.[0-9]+)?$"
        static let factPercent = "^[+-]?[0-9]+(\\.[0-9]+)?%$"
        static let resultPercent = "^-?[0-9]+(\\.[0-9]+)?%$"
        /// The decoder refuses dates outside 1900...2199, far from any contract.
        static let factDate = "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$"
        static let resultDate = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        /// RFC 3339 with a mandatory offset; seconds are required, a fraction has at most 9 digits.
        static let datetime =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?"
            + "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
        static let time = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
        /// Days or weeks, then hours, minutes, seconds in order; at least one component.
        static let duration =
            "^-?P(?=[0-9T])([0-9]+([.,][0-9]+)?[DW])?"
            + "(T(?=[0-9])([0-9]+([.,][0-9]+)?H)?([0-9]+([.,][0-9]+)?M)?([0-9]+([.,][0-9]+)?S)?)?$"
    }

    /// A string schema with a pattern, a format, a description and an example.
    static func string(
        _ pattern: String, example: String, format: String? = nil, types: [String] = ["string"], note: String
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", types.count == 1 ? .string(types[0]) : names(types))]
        if let format { members.append(("format", .string(format))) }
        members.append(("pattern", .string(pattern)))
        members.append(("description", .string(note)))
        members.append(("examples", .array([.string(example)])))
        return object(members)
    }

    /// The schema that also accepts null: `null` added to its `type` (and to its `enum`), or an `anyOf`.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var o) = schema, let typeIndex = o.members.firstIndex(where: { $0.key == "type" }) else {
            return object(["anyOf": .array([schema, object(["type": .string("null")])])])
        }
        switch o.members[typeIndex].value {
        case .string(let t):
            if t == "null" { return schema }
            o.members[typeIndex].value = .array([.string(t), .string("null")])
        case .array(let ts):
            if ts.contains(.string("null")) { return schema }
            o.members[typeIndex].value = .array(ts + [.string("null")])
        default:
            return object(["anyOf": .array([schema, object(["type": .string("null")])])])
        }
        if let enumIndex = o.members.firstIndex(where: { $0.key == "enum" }),
            case .array(let cases) = o.members[enumIndex].value
        {
            o.members[enumIndex].value = .array(cases + [.null])
        }
        return .object(o)
    }

    /// The schema with members added; a `description` already there is kept, after the new one.
    static func adding(_ extra: [(String, JSONValue)], to schema: JSONValue) -> JSONValue {
        guard case .object(var o) = schema else { return schema }
        for (key, value) in extra {
            if let index = o.members.firstIndex(where: { $0.key == key }) {
                if key == "description", case .string(let new) = value, case .string(let old) = o.members[index].value {
                    o.members[index].value = .string(new + " " + old)
                } else {
                    o.members[index].value = value
                }
            } else if key == "description" {
                // Right after `type`, where a reader looks first.
                let index = o.members.first?.key == "type" ? 1 : 0
                o.members.insert(JSONMember(key: key, value: value), at: index)
            } else {
                o.members.append(JSONMember(key: key, value: value))
            }
        }
        return .object(o)
    }
}
