import Clausier

/// Renders findings as SARIF 2.1.0, the format GitHub code scanning and other static-analysis viewers read.
///
/// The log holds one run whose driver, `clausier`, declares one rule per code that appears in the findings,
/// documented from `DiagnosticCatalog`; each finding becomes one result pointing at its rule by id and index.
/// File paths are kept as given (relative to the directory `clausier check` ran in) and resolved against
/// `%SRCROOT%`, so a run from the repository's root gives paths GitHub can place on the diff.
///
/// The output is deterministic: keys always in the same order, rules in code order, results in the order
/// of the findings, pretty-printed with two spaces, so that golden files stay readable.
public enum SARIFRenderer {
    /// The URI of the SARIF 2.1.0 JSON schema, as GitHub code scanning expects it in `$schema`.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The base every artifact location is relative to: the root of the checked-out sources.
    public static let sourceRootBaseID = "%SRCROOT%"

    /// A SARIF log of the findings, produced by `clausier` at `toolVersion`.
    ///
    /// - Parameters:
    ///   - diagnostics: The findings, in the order their results should appear.
    ///   - toolVersion: The version of `clausier` that produced them, such as `0.1.0`.
    ///   - informationURI: The absolute URI of the tool's home page, when it has one; left out otherwise.
    public static func render(_ diagnostics: [Diagnostic], toolVersion: String, informationURI: String? = nil) -> String {
        let codes = Set(diagnostics.map(\.code)).sorted { $0.rawValue < $1.rawValue }
        var ruleIndex: [DiagnosticCode: Int] = [:]
        for (index, code) in codes.enumerated() { ruleIndex[code] = index }

        var driver: [(String, JSONValue)] = [("name", .string("clausier"))]
        if let informationURI { driver.append(("informationUri", .string(informationURI))) }
        driver += [
            ("version", .string(toolVersion)),
            ("rules", .array(codes.map(rule))),
        ]
        let run = object([
            ("tool", object([("driver", object(driver))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(diagnostics.map { result($0, ruleIndex: ruleIndex[$0.code] ?? 0) })),
        ])
        let log = object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return JSONWriter.write(log, options: JSONRenderer.writerOptions.union(.prettyPrinted))
    }

    /// The SARIF level of a severity: `error`, `warning` or `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A title in CamelCase, as a SARIF rule name: `tier rows with a gap` becomes `TierRowsWithAGap`.
    public static func camelCase(_ title: String) -> String {
        title.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// A file path as a URI reference: `./` prefixes dropped, characters a URI does not allow percent-encoded,
    /// and absolute paths as `file://` URIs.
    public static func uri(forPath path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            if isUnreservedOrSlash(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    private static func isUnreservedOrSlash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func rule(_ code: DiagnosticCode) -> JSONValue {
        guard let explanation = DiagnosticCatalog.explanation(for: code) else {
            return object([
                ("id", .string(code.rawValue)),
                ("shortDescription", object([("text", .string(code.rawValue))])),
            ])
        }
        return object([
            ("id", .string(code.rawValue)),
            ("name", .string(camelCase(explanation.title))),
            ("shortDescription", object([("text", .string(explanation.title))])),
            ("fullDescription", object([("text", .string(explanation.summary))])),
            ("help", object([("text", .string(explanation.fix)), ("markdown", .string(explanation.markdown))])),
            ("defaultConfiguration", object([("level", .string(level(explanation.severity)))])),
        ])
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        var text = diagnostic.message
        for hint in diagnostic.hints { text += "\nhint: " + hint }
        for note in diagnostic.notes where note.location == nil { text += "\nnote: " + note.message }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", int(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", object([("text", .string(text))])),
        ]
        if let location = diagnostic.location {
            members.append(("locations", .array([object([("physicalLocation", physicalLocation(location))])])))
        }
        let related = diagnostic.notes.compactMap { note in note.location.map { (note.message, $0) } }
        if !related.isEmpty {
            members.append((
                "relatedLocations",
                .array(related.enumerated().map { index, note in
                    object([
                        ("id", int(index)),
                        ("physicalLocation", physicalLocation(note.1)),
                        ("message", object([("text", .string(note.0))])),
                    ])
                })
            ))
        }
        return object(members)
    }

    private static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        let uri = uri(forPath: location.file)
        var artifact: [(String, JSONValue)] = [("uri", .string(uri))]
        if !uri.hasPrefix("file:") { artifact.append(("uriBaseId", .string(sourceRootBaseID))) }
        return object([
            ("artifactLocation", object(artifact)),
            ("region", object([
                ("startLine", int(max(1, location.line))),
                ("startColumn", int(max(1, location.column))),
            ])),
        ])
    }

    /// An object whose members are written in the order given, so that the log is deterministic.
    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }

    private static func int(_ value: Int) -> JSONValue {
        .number(String(value))
    }
}
