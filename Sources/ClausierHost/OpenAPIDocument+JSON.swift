import Clausier

// Building the document's JSON with its members in a fixed order.
extension OpenAPIDocument {
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.key, value: $0.value) }))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }

    static func names(_ strings: [String]) -> JSONValue {
        .array(strings.map { .string($0) })
    }

    static func ref(_ schema: String) -> JSONValue {
        object(["$ref": .string("#/components/schemas/\(schema)")])
    }
}
