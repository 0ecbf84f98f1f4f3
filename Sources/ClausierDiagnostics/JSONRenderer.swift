/// Renders findings as a JSON array, one object per finding, for tools.
public enum JSONRenderer {
    /// `[{"code", "severity", "message", "file", "line", "column", "hints", "notes"}]`.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map(object).joined(separator: ",") + "]"
    }

    private static func object(_ d: Diagnostic) -> String {
        var fields = [
            "\"code\":\(quoted(d.code.rawValue))",
            "\"severity\":\(quoted(d.severity.rawValue))",
            "\"message\":\(quoted(d.message))",
        ]
        if let location = d.location {
            fields += ["\"file\":\(quoted(location.file))", "\"line\":\(location.line)", "\"column\":\(location.column)"]
        }
        fields.append("\"hints\":[" + d.hints.map(quoted).joined(separator: ",") + "]")
        let notes = d.notes.map { note -> String in
            var parts = ["\"message\":\(quoted(note.message))"]
            if let l = note.location { parts += ["\"file\":\(quoted(l.file))", "\"line\":\(l.line)", "\"column\":\(l.column)"] }
            return "{" + parts.joined(separator: ",") + "}"
        }
        fields.append("\"notes\":[" + notes.joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
