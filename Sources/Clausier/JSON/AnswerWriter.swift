/// Writes the catalogue's JSON of a ``Decision`` or an ``EvaluationError`` straight to UTF-8 bytes.
///
/// The bytes are exactly those of `JSONWriter.write(decision.json)` (and of `error.json`), but no
/// `JSONValue` tree is built: a batch writes one answer per line, and building then walking a
/// tree of members cost more than the rule itself. Scalars are encoded by
/// `ValueEncoding.scalarJSON`, and strings escaped by `JSONWriter`, so the encoding has one home.
public enum AnswerWriter {
    /// Appends `{"contract","decision","as_of","value","explanation","citations"}` to `buffer`.
    public static func write(_ decision: Decision, into buffer: inout [UInt8]) {
        append("{\"contract\":", to: &buffer)
        JSONWriter.writeString(decision.contract, into: &buffer)
        append(",\"decision\":", to: &buffer)
        JSONWriter.writeString(decision.decision, into: &buffer)
        append(",\"as_of\":", to: &buffer)
        writeDate(decision.asOf, into: &buffer)
        append(",\"value\":", to: &buffer)
        writeValue(decision.value, type: decision.type, zone: decision.zone, exact: false, into: &buffer)
        append(",\"explanation\":[", to: &buffer)
        for (index, step) in decision.explanation.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append("{\"step\":", to: &buffer)
            JSONWriter.writeString(step.kind.rawValue, into: &buffer)
            append(",\"label\":", to: &buffer)
            JSONWriter.writeString(step.label, into: &buffer)
            append(",\"value\":", to: &buffer)
            writeValue(step.value, type: step.type, zone: decision.zone, exact: true, into: &buffer)
            if let because = step.because {
                append(",\"because\":", to: &buffer)
                JSONWriter.writeString(because, into: &buffer)
            }
            append(",\"citations\":", to: &buffer)
            writeStrings(step.citations, into: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        append("],\"citations\":", to: &buffer)
        writeStrings(decision.citations, into: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends `{"error":{"message","fact","kind"}}` to `buffer`.
    public static func write(_ error: EvaluationError, into buffer: inout [UInt8]) {
        writeError(message: error.message, fact: error.fact, kind: error.kind.rawValue, into: &buffer)
    }

    /// Appends the same error object for a failure with a kind of the caller's own (a service's
    /// `not_reloadable`), the bytes of `JSONWriter.write(EvaluationError.json(message:fact:kind:))`.
    public static func writeError(message: String, fact: String?, kind: String, into buffer: inout [UInt8]) {
        append("{\"error\":{\"message\":", to: &buffer)
        JSONWriter.writeString(message, into: &buffer)
        append(",\"fact\":", to: &buffer)
        if let fact {
            JSONWriter.writeString(fact, into: &buffer)
        } else {
            append("null", to: &buffer)
        }
        append(",\"kind\":", to: &buffer)
        JSONWriter.writeString(kind, into: &buffer)
        append("}}", to: &buffer)
    }

    /// Appends the answer or the error, as a batch line reports it.
    public static func write(_ result: Result<Decision, EvaluationError>, into buffer: inout [UInt8]) {
        switch result {
        case .success(let decision): write(decision, into: &buffer)
        case .failure(let error): write(error, into: &buffer)
        }
    }

    /// Walks lists and records as `ValueEncoding.json` does, writing as it goes.
    private static func writeValue(_ value: Value, type: ValueType, zone: ZoneRule, exact: Bool, into buffer: inout [UInt8]) {
        switch value {
        case .list(let items):
            let element: ValueType = if case .list(let e) = type.unwrapped { e } else { .absent }
            buffer.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                writeValue(item, type: element, zone: zone, exact: exact, into: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .record(let values):
            guard case .record(let fields) = type.unwrapped else {
                // As `ValueEncoding.json`: a record without its type is an array, never exact.
                buffer.append(UInt8(ascii: "["))
                for (index, item) in values.enumerated() {
                    if index > 0 { buffer.append(UInt8(ascii: ",")) }
                    writeValue(item, type: .absent, zone: zone, exact: false, into: &buffer)
                }
                buffer.append(UInt8(ascii: "]"))
                return
            }
            buffer.append(UInt8(ascii: "{"))
            for index in 0..<Swift.min(fields.count, values.count) {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(fields[index].name, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                writeValue(values[index], type: fields[index].type, zone: zone, exact: exact, into: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        case .money(let money) where !exact:
            // `ValueEncoding`'s `"150.00 EUR"`, written in place: every answer with money has one.
            buffer.append(UInt8(ascii: "\""))
            let mark = buffer.count
            if money.amount.appendFormatted(fractionDigits: 2, to: &buffer) {
                buffer.append(UInt8(ascii: " "))
                JSONWriter.appendEscaped(money.currency.code, into: &buffer)
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.removeSubrange(mark...)
                buffer.removeLast()
                writeScalar(value, zone: zone, exact: exact, into: &buffer)
            }
        case .percent(let fraction):
            // `ValueEncoding.percentText`: the same arithmetic, its text written in place.
            let hundred = ((try? fraction.multiplying(by: FixedDecimal(100))) ?? fraction).normalized()
            buffer.append(UInt8(ascii: "\""))
            let mark = buffer.count
            if hundred.appendDescription(to: &buffer) {
                buffer.append(UInt8(ascii: "%"))
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.removeSubrange(mark...)
                buffer.removeLast()
                writeScalar(value, zone: zone, exact: exact, into: &buffer)
            }
        default:
            writeScalar(value, zone: zone, exact: exact, into: &buffer)
        }
    }

    private static func writeScalar(_ value: Value, zone: ZoneRule, exact: Bool, into buffer: inout [UInt8]) {
        JSONWriter.write(ValueEncoding.scalarJSON(value, zone: zone, exact: exact) ?? .null, into: &buffer)
    }

    /// `"YYYY-MM-DD"` as `CivilDate.description` writes it, without making the `String`.
    private static func writeDate(_ date: CivilDate, into buffer: inout [UInt8]) {
        let (year, month, day) = date.components
        guard (0...9999).contains(year) else {
            JSONWriter.writeString(date.description, into: &buffer)
            return
        }
        func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(digit(year / 1000))
        buffer.append(digit(year / 100))
        buffer.append(digit(year / 10))
        buffer.append(digit(year))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(digit(month / 10))
        buffer.append(digit(month))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(digit(day / 10))
        buffer.append(digit(day))
        buffer.append(UInt8(ascii: "\""))
    }

    private static func writeStrings(_ strings: [String], into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(string, into: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    private static func append(_ literal: StaticString, to buffer: inout [UInt8]) {
        literal.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }
}
