import Clausier
import ClausierCompiler
import Foundation
import Testing

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shipped rules, compiled once for all tests.
let shippedRules: RuleSet? = Compiler.compile(paths: [repositoryRoot.appendingPathComponent("Rules").path]).ruleSet

/// Facts from a JSON literal.
func facts(_ text: String) throws -> JSONValue {
    try JSONReader.read(text)
}

func civilDate(_ text: String) throws -> CivilDate {
    try #require(CivilDate.parse(text))
}

/// The facts of one prospect-it incident.
func incident(_ recorded: String, _ closed: String, main: Bool = true, backup: Bool = true, fee: String = "200.00 EUR") throws -> JSONValue {
    try facts("""
        {"incident": {"recorded_at": "\(recorded)", "closed_at": "\(closed)", "main_server_down": \(main), "backup_server_down": \(backup)},
         "subscription": {"monthly_fee": "\(fee)"}}
        """)
}
