/// Renders findings the way compilers print them, so that SwiftPM and Xcode show each one at its line
/// of the rule file when the build-tool plugin fails a build:
///
/// ```
/// Rules/prospect-it.yaml:18:5: error: unknown key 'cite' in the definition 'incident_penalty' [CLS010]
/// Rules/prospect-it.yaml:18:5: note: did you mean 'cites'?
/// ```
public enum CompilerStyleRenderer {
    /// One line per finding, then one note line per hint and note.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let place = d.location.map { "\($0): " } ?? ""
            out += "\(place)\(d.severity.rawValue): \(d.message) [\(d.code)]\n"
            for hint in d.hints { out += "\(place)note: \(hint)\n" }
            for note in d.notes {
                out += "\(note.location.map { "\($0): " } ?? place)note: \(note.message)\n"
            }
        }
        return out
    }
}
