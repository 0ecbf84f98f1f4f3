import Clausier

extension Diagnostic {
    /// The finding as one JSON object, the element of `clausier check --format json` and of the
    /// `diagnostics` of `clausier test --format json`:
    /// `{"code", "severity", "message", "file", "line", "column", "hints", "notes"}`.
    ///
    /// `file`, `line` and `column` are there only when the finding has a location; each note is
    /// `{"message", "file", "line", "column"}`, its location likewise optional.
    public var json: JSONValue {
        var members = [
            JSONMember(key: "code", value: .string(code.rawValue)),
            JSONMember(key: "severity", value: .string(severity.rawValue)),
            JSONMember(key: "message", value: .string(message)),
        ]
        members += Self.locationMembers(location)
        members.append(JSONMember(key: "hints", value: .array(hints.map(JSONValue.string))))
        let notes = notes.map { note in
            JSONValue.object(JSONObject([JSONMember(key: "message", value: .string(note.message))] + Self.locationMembers(note.location)))
        }
        members.append(JSONMember(key: "notes", value: .array(notes)))
        return .object(JSONObject(members))
    }

    private static func locationMembers(_ location: SourceLocation?) -> [JSONMember] {
        guard let location else { return [] }
        return [
            JSONMember(key: "file", value: .string(location.file)),
            JSONMember(key: "line", value: .number(String(location.line))),
            JSONMember(key: "column", value: .number(String(location.column))),
        ]
    }
}
