/// Renders findings as text for a terminal or a log:
///
/// ```
/// Rules/prospect-it.yaml:12:7: error[CLS010]: unknown key 'cite' in the decision 'sla_penalty'
///    12 |       cite: art. 11
///       |       ^
///   hint: did you mean 'cites'?
/// ```
public struct TextRenderer: Sendable {
    /// Whether to colour severities with ANSI escapes (only on a terminal).
    public var colors: Bool
    /// The files by path, to quote the line at fault; files not given are not quoted.
    public var sources: [String: SourceFile]

    /// Creates a renderer that quotes the given files, as the compiler read them.
    public init(colors: Bool = false, files: [SourceFile]) {
        self.colors = colors
        self.sources = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Creates a renderer that quotes files given as text, by path.
    public init(colors: Bool = false, sources: [String: String] = [:]) {
        self.init(colors: colors, files: sources.map { SourceFile(path: $0.key, text: $0.value) })
    }

    /// One finding, with its source line, caret, hints and notes.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location { out += "\(location): " }
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", diagnostic.severity) + ": " + diagnostic.message + "\n"
        if let location = diagnostic.location { out += quote(location) }
        for hint in diagnostic.hints { out += "  " + paint("hint", .note) + ": \(hint)\n" }
        for note in diagnostic.notes {
            out += "  " + paint("note", .note) + ": \(note.message)"
            if let location = note.location { out += " (\(location))" }
            out += "\n"
            if let location = note.location { out += quote(location) }
        }
        return out
    }

    /// Every finding, then a summary line such as `2 errors, 1 warning`.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.map(render).joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return out
    }

    private func quote(_ location: SourceLocation) -> String {
        guard let text = sources[location.file]?.line(location.line) else { return "" }
        let line = text.replacingTabs
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let caretColumn = max(0, min(location.column - 1, line.count))
        return " \(number) | \(line)\n \(gutter) | \(String(repeating: " ", count: caretColumn))" + paint("^", .error) + "\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colors else { return text }
        let code = switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
        return code + text + "\u{1B}[0m"
    }
}

extension String {
    fileprivate var replacingTabs: String {
        String(self.map { $0 == "\t" ? " " : $0 }).replacing("\r", with: "")
    }
}
