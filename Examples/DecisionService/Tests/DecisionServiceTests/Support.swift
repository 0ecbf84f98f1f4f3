import Clausier
import DecisionService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the tests share: bodies, parsing answers, and a temporary copy of the shipped rules.
enum Support {
    /// The repository's `Rules/` directory.
    static let shippedRules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules")

    /// The service on the compiled-in rules, on a free port.
    static func compiledInApp() throws -> some ApplicationProtocol {
        try buildApplication(ServiceConfiguration(port: 0, logLevel: .warning))
    }

    /// The facts of one prospect-it incident with both servers down, as the catalogue encodes them.
    static func incident(recordedAt: String = "2025-03-07T10:00:00+01:00", closedAt: String, fee: String = "200.00 EUR")
        -> String
    {
        """
        {"as_of": "2025-03-10", "facts": {"incident": {"recorded_at": "\(recordedAt)", "closed_at": "\(closedAt)", \
        "main_server_down": true, "backup_server_down": true}, "subscription": {"monthly_fee": "\(fee)"}}}
        """
    }

    static let slaPenaltyURI = "/contracts/prospect-it/decisions/sla_penalty"

    static func json(_ buffer: ByteBuffer) throws -> JSONObject {
        let value = try JSONReader.read(Array(buffer.readableBytesView))
        guard case .object(let object) = value else { throw Unexpected(text: String(buffer: buffer)) }
        return object
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    static func number(_ value: JSONValue?) -> Int? {
        if case .number(let text)? = value { return Int(text) }
        return nil
    }

    static func object(_ value: JSONValue?) -> JSONObject? {
        if case .object(let object)? = value { return object }
        return nil
    }

    static func array(_ value: JSONValue?) -> [JSONValue]? {
        if case .array(let elements)? = value { return elements }
        return nil
    }

    /// `{"error": {"message", "fact", "kind"}}` → (fact, kind), checking the shape.
    static func error(_ buffer: ByteBuffer) throws -> (fact: String?, kind: String, message: String) {
        let body = try json(buffer)
        #expect(body.keys == ["error"])
        let error = try #require(object(body["error"]))
        #expect(error.keys == ["message", "fact", "kind"])
        return (string(error["fact"]), try #require(string(error["kind"])), try #require(string(error["message"])))
    }

    struct Unexpected: Error { var text: String }
}

/// A temporary directory holding a copy of the shipped rule files (not their tests).
final class RulesCopy: Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "decision-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Support.shippedRules.path)
        where name.hasSuffix(".yaml") && !name.hasSuffix(".test.yaml") {
            try FileManager.default.copyItem(
                at: Support.shippedRules.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var prospectIt: URL { directory.appendingPathComponent("prospect-it.yaml") }

    /// The shipped prospect-it.yaml.
    static let original: String = {
        (try? String(contentsOf: Support.shippedRules.appendingPathComponent("prospect-it.yaml"), encoding: .utf8))
            ?? ""
    }()

    /// prospect-it.yaml with a misspelt key (`cite:`): CLS010, an error.
    static let broken: String = original.replacingOccurrences(
        of: "    cites: art. 11\n    params:", with: "    cite: art. 11\n    params:")

    /// prospect-it.yaml with the [2 h, 3 h) tier at 60% instead of 50%.
    static let changed: String = original.replacingOccurrences(
        of: "{from: 2 hours, to: 3 hours, then: 50%}", with: "{from: 2 hours, to: 3 hours, then: 60%}")

    func write(_ text: String) throws {
        try text.write(to: prospectIt, atomically: true, encoding: .utf8)
    }
}
