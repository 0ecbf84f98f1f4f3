/// Renders findings as GitHub Actions workflow commands, which annotate the lines at fault on a pull request:
///
/// ```
/// ::error file=Rules/prospect-it.yaml,line=18,col=5,title=CLS010::unknown key 'cite' (hint: did you mean 'cites'?)
/// ```
///
/// Errors become `::error`, warnings `::warning` and notes `::notice`. Hints and notes follow the message in
/// parentheses, since an annotation has one message. Values are escaped as the runner expects.
public enum GitHubRenderer {
    /// One line per finding, each ending with a newline; the empty string when there are none.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { line($0) + "\n" }.joined()
    }

    /// One finding as one workflow command, without the final newline.
    public static func line(_ diagnostic: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties += [("file", location.file), ("line", String(location.line)), ("col", String(location.column))]
        }
        properties.append(("title", diagnostic.code.rawValue))
        var message = diagnostic.message
        for hint in diagnostic.hints { message += " (hint: \(hint))" }
        for note in diagnostic.notes {
            message += " (note: \(note.message)\(note.location.map { " at \($0)" } ?? ""))"
        }
        let parameters = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command(diagnostic.severity)) \(parameters)::\(escapeData(message))"
    }

    /// The workflow command of a severity: `error`, `warning` or `notice`.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// A message escaped for a workflow command: `%`, carriage return and line feed percent-encoded.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value escaped for a workflow command: as a message, and also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
