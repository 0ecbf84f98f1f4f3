import Clausier

/// Renders findings as a JSON array, one object per finding (`Diagnostic.json`), for tools.
public enum JSONRenderer {
    /// `[{"code", "severity", "message", "file", "line", "column", "hints", "notes"}]`, compact,
    /// without a final newline.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        JSONWriter.write(.array(diagnostics.map(\.json)), options: writerOptions)
    }

    /// How findings have always been escaped here (`\u0008`, not `\b`), which SARIF shares.
    static let writerOptions: JSONWriter.Options = [.backspaceAndFormFeedAsUnicodeEscapes]
}
