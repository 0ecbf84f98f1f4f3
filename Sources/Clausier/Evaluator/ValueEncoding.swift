/// The catalogue's JSON encoding of values: money as `"150.00 EUR"`, percents as `"25%"`,
/// dates as ISO 8601, datetimes in the contract's zone.
public enum ValueEncoding {
    /// Encodes a value of the given type.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - type: Its type, which names a record's fields.
    ///   - zone: The zone datetimes are shown in.
    ///   - exact: Show money with every decimal it has (at least two) rather than rounded to the cent:
    ///     explanations show intermediate amounts as computed, since they are rounded only at the end.
    public static func json(_ value: Value, type: ValueType, zone: ZoneRule, exact: Bool = false) -> JSONValue {
        if let scalar = scalarJSON(value, zone: zone, exact: exact) { return scalar }
        switch value {
        case .list(let items):
            let element: ValueType = if case .list(let e) = type.unwrapped { e } else { .absent }
            return .array(items.map { json($0, type: element, zone: zone, exact: exact) })
        case .record(let values):
            guard case .record(let fields) = type.unwrapped else {
                return .array(values.map { json($0, type: .absent, zone: zone) })
            }
            var members: [JSONMember] = []
            for (field, value) in zip(fields, values) {
                members.append(JSONMember(key: field.name, value: json(value, type: field.type, zone: zone, exact: exact)))
            }
            return .object(JSONObject(members))
        default:
            return .null
        }
    }

    /// The encoding of a value that is neither a list nor a record (nil for those), shared by
    /// ``json(_:type:zone:exact:)`` and `AnswerWriter`, which walks lists and records itself.
    static func scalarJSON(_ value: Value, zone: ZoneRule, exact: Bool) -> JSONValue? {
        switch value {
        case .absent: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(String(i))
        case .decimal(let d): return .string(d.normalized().description)
        case .money(let m):
            guard exact else { return .string(m.formatted(fractionDigits: 2)) }
            let normalized = m.amount.normalized()
            let text = normalized.scale < 2 ? m.formatted(fractionDigits: 2) : "\(normalized.description) \(m.currency.code)"
            return .string(text)
        case .percent(let p): return .string(percentText(p))
        case .date(let d): return .string(d.description)
        case .datetime(let t): return .string(t.formatted(in: zone))
        case .time(let t): return .string(t.description)
        case .duration(let d): return .string(d.iso8601)
        case .period(let n, let unit): return .string(periodText(n, unit))
        case .name(let s): return .string(s)
        case .list, .record: return nil
        }
    }

    /// A percentage as the catalogue writes it: `25%`, `37.5%`.
    public static func percentText(_ fraction: FixedDecimal) -> String {
        let hundred = (try? fraction.multiplying(by: FixedDecimal(100))) ?? fraction
        return hundred.normalized().description + "%"
    }

    /// A count of a calendar unit as an ISO 8601 duration where one exists (`P7D`, `P1M`, `P5Y`).
    public static func periodText(_ count: Int, _ unit: PeriodUnit) -> String {
        let sign = count < 0 ? "-" : ""
        let magnitude = count.magnitude
        switch unit {
        case .days: return "\(sign)P\(magnitude)D"
        case .months: return "\(sign)P\(magnitude)M"
        case .years: return "\(sign)P\(magnitude)Y"
        case .businessDays: return "\(count) business days"
        case .joursFrancs: return "\(count) jours francs"
        }
    }

    /// A value as an editor reads it in an explanation.
    public static func text(_ value: Value, type: ValueType, zone: ZoneRule) -> String {
        switch json(value, type: type, zone: zone, exact: true) {
        case .string(let s): return s
        case let other: return JSONWriter.write(other)
        }
    }

    /// The value with every amount of money rounded to the cent, as final answers are.
    static func roundingMoney(_ value: Value, mode: RoundingMode) throws(EvaluationError) -> Value {
        switch value {
        case .money(let m):
            do { return .money(try m.rounded(toScale: 2, mode)) } catch {
                throw Operations.arithmetic(error, "the rounding of the answer")
            }
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try roundingMoney(item, mode: mode)) }
            return .list(out)
        case .record(let fields):
            var out: [Value] = []
            out.reserveCapacity(fields.count)
            for field in fields { out.append(try roundingMoney(field, mode: mode)) }
            return .record(out)
        default:
            return value
        }
    }
}
