import Clausier

/// Why a rule is answered by the interpreter rather than by native code: a construct the native
/// backend does not translate. The typed API then calls the interpreter for that decision, so the
/// answer is the same either way.
struct NativeUnsupported: Error, CustomStringConvertible {
    var description: String
}

/// How the native code holds each rule type, and the record structs it declares.
///
/// Scalars are the runtime's value types; an enumeration is a Swift enum, one per distinct list of
/// names (a name of no declared list, such as a weekday, is a `String`); records are plain structs,
/// one per distinct list of fields. Each is declared once per contract.
struct NativeTypes {
    /// Record structs in the order they were first needed, with their fields.
    private(set) var records: [(name: String, fields: [RecordField])] = []
    private var recordNames: [[RecordField]: String] = [:]
    /// Enums in the order they were first needed, with their names.
    private(set) var enums: [(name: String, cases: [String])] = []
    private var enumNames: [[String]: String] = [:]
    /// Explanation steps, as static constants of the generated enum.
    private(set) var steps: [(name: String, info: StepInfo)] = []
    private var stepNames: [StepInfo: String] = [:]

    /// The constant holding an explanation step, declared on first use.
    mutating func step(_ info: StepInfo) throws(NativeUnsupported) -> String {
        if let name = stepNames[info] { return name }
        _ = try Self.typeLiteral(info.type)
        let name = "step\(steps.count + 1)"
        stepNames[info] = name
        steps.append((name, info))
        return name
    }

    /// Swift code for a rule type, as a `ValueType` value.
    static func typeLiteral(_ type: ValueType) throws(NativeUnsupported) -> String {
        switch type {
        case .bool: return ".bool"
        case .int: return ".int"
        case .decimal: return ".decimal"
        case .money(let currency):
            guard currency == .eur else { throw NativeUnsupported(description: "an amount in \(currency.code)") }
            return ".money(.eur)"
        case .percent: return ".percent"
        case .date: return ".date"
        case .datetime: return ".datetime"
        case .time: return ".time"
        case .duration: return ".duration"
        case .period(let unit): return ".period(.\(SwiftNames.member(unit.rawValue)))"
        case .enumeration(let cases): return ".enumeration([\(cases.map(SwiftNames.literal).joined(separator: ", "))])"
        case .list(let element): return ".list(\(try typeLiteral(element)))"
        case .record(let fields):
            var items: [String] = []
            for field in fields { items.append("RecordField(\(SwiftNames.literal(field.name)), \(try typeLiteral(field.type)))") }
            return ".record([\(items.joined(separator: ", "))])"
        case .optional(let inner): return ".optional(\(try typeLiteral(inner)))"
        case .absent: return ".absent"
        }
    }

    /// Swift code making the rule `Value` of a scalar Swift value, the same for native and API types;
    /// nil for names, lists, records and optionals, whose Swift forms differ.
    static func scalarValue(_ expr: String, _ type: ValueType) -> String? {
        switch type {
        case .bool: ".bool(\(expr))"
        case .int: ".int(\(expr))"
        case .decimal: ".decimal(\(expr))"
        case .percent: ".percent(\(expr))"
        case .money: ".money(\(expr))"
        case .date: ".date(\(expr))"
        case .datetime: ".datetime(\(expr))"
        case .time: ".time(\(expr))"
        case .duration: ".duration(\(expr))"
        case .period(let unit): ".period(\(expr), .\(SwiftNames.member(unit.rawValue)))"
        case .enumeration, .list, .record, .optional, .absent: nil
        }
    }

    /// Swift code turning a native value of `type` into a rule `Value`, for explanations.
    mutating func boxed(_ expr: String, _ type: ValueType) throws(NativeUnsupported) -> String {
        if let scalar = Self.scalarValue(expr, type) { return scalar }
        switch type {
        case .enumeration(let cases): return cases.isEmpty ? ".name(\(expr))" : ".name(\(expr).rawValue)"
        case .list(let element):
            return ".list(\(expr).map { (element) -> Value in \(try boxed("element", element)) })"
        case .record(let fields):
            var items: [String] = []
            for field in fields { items.append(try boxed("\(expr).\(SwiftNames.member(field.name))", field.type)) }
            return ".record([\(items.joined(separator: ", "))])"
        case .optional(let inner):
            return "(\(expr).map { (element) -> Value in \(try boxed("element", inner)) } ?? .absent)"
        default: return ".absent"
        }
    }

    /// The Swift type holding values of `type` in native code.
    mutating func swift(_ type: ValueType) throws(NativeUnsupported) -> String {
        // Generated code names one currency, the euro, as a literal: other contracts stay interpreted.
        if case .money(let currency) = type, currency != .eur {
            throw NativeUnsupported(description: "an amount in \(currency.code)")
        }
        if let scalar = Self.scalarType(type) { return scalar }
        switch type {
        case .enumeration(let cases): return cases.isEmpty ? "String" : choice(cases)
        case .list(let element): return "[\(try swift(element))]"
        case .optional(let inner):
            if case .optional = inner { throw NativeUnsupported(description: "a nested optional") }
            return try swift(inner) + "?"
        case .record(let fields): return try record(fields)
        default: throw NativeUnsupported(description: "a value of no type")
        }
    }

    /// The runtime's Swift type for a scalar rule type, the same in native code and in the typed API;
    /// nil for names, lists, records and optionals.
    static func scalarType(_ type: ValueType) -> String? {
        switch type {
        case .bool: "Bool"
        case .int, .period: "Int"
        case .decimal, .percent: "FixedDecimal"
        case .money: "Money"
        case .date: "CivilDate"
        case .datetime: "Instant"
        case .time: "TimeOfDay"
        case .duration: "ExactDuration"
        case .enumeration, .list, .record, .optional, .absent: nil
        }
    }

    /// The struct for a record type, declared on first use.
    private mutating func record(_ fields: [RecordField]) throws(NativeUnsupported) -> String {
        if let name = recordNames[fields] { return name }
        for field in fields { _ = try swift(field.type) }
        var base = fields.prefix(3).map { SwiftNames.type($0.name) }.joined()
        if fields.count > 3 { base += "Etc" }
        if base.isEmpty { base = "Empty" }
        var name = base + "Record"
        var suffix = 2
        while records.contains(where: { $0.name == name }) {
            name = base + "Record\(suffix)"
            suffix += 1
        }
        recordNames[fields] = name
        records.append((name, fields))
        return name
    }

    /// The enum for a list of names, declared on first use.
    private mutating func choice(_ cases: [String]) -> String {
        if let name = enumNames[cases] { return name }
        var base = cases.prefix(3).map { SwiftNames.type($0) }.joined()
        if cases.count > 3 { base += "Etc" }
        var name = base + "Choice"
        var suffix = 2
        while enums.contains(where: { $0.name == name }) || records.contains(where: { $0.name == name }) {
            name = base + "Choice\(suffix)"
            suffix += 1
        }
        enumNames[cases] = name
        enums.append((name, cases))
        return name
    }

    /// The name of the native type already declared for `type`, if any.
    func declared(_ type: ValueType) -> String? {
        switch type {
        case .enumeration(let cases): enumNames[cases]
        case .record(let fields): recordNames[fields]
        default: nil
        }
    }

    /// The Swift name of one of an enumeration's names: `trial_end` → `trialEnd`.
    static func member(_ name: String) -> String { SwiftNames.member(name) }

    /// The declarations of the record structs, enums and explanation steps.
    mutating func declare(into w: inout SourceWriter) throws(NativeUnsupported) {
        for (name, info) in steps {
            w.line()
            w.doc("Explanation step: \(info.kind.rawValue) `\(SwiftNames.comment(info.label))`.")
            let because = info.because.map(SwiftNames.literal) ?? "nil"
            let citations = "[\(info.citations.map(SwiftNames.literal).joined(separator: ", "))]"
            let branch = info.branch.map { ", branch: \($0)" } ?? ""
            w.line(
                "static let \(name) = StepInfo(kind: .\(SwiftNames.member(info.kind.rawValue)), label: \(SwiftNames.literal(info.label)), "
                    + "because: \(because), citations: \(citations), type: \(try Self.typeLiteral(info.type))\(branch))")
        }
        for (name, cases) in enums {
            w.line()
            w.doc("The names \(cases.joined(separator: ", ")).")
            w.open("enum \(name): String, Hashable, Sendable")
            for c in cases {
                let member = Self.member(c)
                w.line(member.replacingBackquotes == c ? "case \(member)" : "case \(member) = \(SwiftNames.literal(c))")
            }
            w.close()
        }
        var index = 0
        // Declaring a record can need another one; the list grows while it is walked.
        while index < records.count {
            let (name, fields) = records[index]
            w.line()
            w.doc("The record {\(fields.map { "\($0.name): \($0.type)" }.joined(separator: ", "))}.")
            w.open("struct \(name): Hashable, Sendable")
            for field in fields {
                w.line("var \(SwiftNames.member(field.name)): \(try swift(field.type))")
            }
            w.close()
            index += 1
        }
    }

    /// A Swift expression for a constant of the rules, held as `type`.
    static func literal(_ value: Value) throws(NativeUnsupported) -> (code: String, type: ValueType) {
        switch value {
        case .bool(let b): return (b ? "true" : "false", .bool)
        case .int(let i): return ("\(i)", .int)
        case .decimal(let d): return (decimal(d), .decimal)
        case .percent(let d): return (decimal(d), .percent)
        case .money(let m):
            guard m.currency == .eur else { throw NativeUnsupported(description: "an amount in \(m.currency.code)") }
            return ("Money(amount: \(decimal(m.amount)), currency: .eur)", .money(m.currency))
        case .date(let d): return ("CivilDate(daysSinceEpoch: \(d.daysSinceEpoch)) /* \(d) */", .date)
        case .datetime(let t): return ("Instant(nanosecondsSinceEpoch: \(t.nanosecondsSinceEpoch)) /* \(t) */", .datetime)
        case .duration(let d): return ("ExactDuration(nanoseconds: \(d.nanoseconds)) /* \(d) */", .duration)
        case .period(let n, let unit): return ("\(n)", .period(unit))
        case .name(let s): return (SwiftNames.literal(s), .enumeration([]))
        case .time(let t): return ("TimeOfDay(literalSeconds: \(t.secondsSinceMidnight)) /* \(t) */", .time)
        case .list, .record, .absent:
            throw NativeUnsupported(description: "a constant \(value)")
        }
    }

    private static func decimal(_ d: FixedDecimal) -> String {
        if d.scale == 0, let small = Int(exactly: d.mantissa) { return "FixedDecimal(\(small))" }
        return "FixedDecimal(literal: \(d.mantissa), scale: \(d.scale)) /* \(d) */"
    }
}

extension ValueType {
    /// Whether a typed fact of this type has checks beyond its Swift type (counts, amounts, dates).
    var needsFactCheck: Bool {
        switch self {
        case .int, .money, .date: true
        case .optional(let inner), .list(let inner): inner.needsFactCheck
        case .record(let fields): fields.contains { $0.type.needsFactCheck }
        default: false
        }
    }
}
