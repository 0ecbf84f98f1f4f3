/// Swift names for the ids of rule files: `prospect-it` → `ProspectIt`, `incident.recorded_at` → `incidentRecordedAt`.
enum SwiftNames {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type",
    ]

    /// The words of an id, split at `-`, `_`, `.` and spaces.
    static func words(_ id: String) -> [String] {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }).map(String.init)
    }

    /// `sla_penalty` → `SlaPenalty`.
    static func type(_ id: String) -> String {
        let name = words(id).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return "_" + name }
        return name.isEmpty ? "_" : name
    }

    /// `incident.recorded_at` → `incidentRecordedAt`, escaped with backquotes when it is a keyword.
    static func member(_ id: String) -> String {
        let parts = words(id)
        guard let first = parts.first else { return "_" }
        var name = first.prefix(1).lowercased() + first.dropFirst()
        for part in parts.dropFirst() { name += part.prefix(1).uppercased() + part.dropFirst() }
        if let c = name.unicodeScalars.first, ("0"..."9").contains(c) { name = "_" + name }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// A Swift string literal.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Text safe inside a `///` comment line.
    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
