import ArgumentParser
import ClausierDiagnostics
import ClausierHost
import DecisionService
import Foundation
import Hummingbird
import Logging

/// `decision-service`: the contract rules behind HTTP.
@main
struct DecisionServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision-service",
        abstract: "Serve the Clausier contract rules over HTTP.",
        discussion: """
            Routes:
              POST /contracts/{id}/decisions/{decision}  answer a decision
              POST /prospect-it/sla-penalty              the same, through the typed API
              POST /reload                               read --rules again
              GET  /healthz                              {"status", "generation"}
              GET  /openapi.json                         the OpenAPI 3.1 document

            Exit codes: 0 after a clean shutdown (SIGINT, SIGTERM); 2 when the
            rules of --rules do not compile (the findings are on standard error).
            """
    )

    @Option(
        help: ArgumentHelp(
            "A directory of rule files to serve instead of the rules compiled in at build time; POST /reload reads it again.",
            valueName: "dir"))
    var rules: String?

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port: Int = 8080

    @Option(help: "The level of the log, on standard error.")
    var logLevel: LogLevel = .info

    func run() async throws {
        let configuration = ServiceConfiguration(
            host: host, port: port, rulesDirectory: rules, logLevel: Logger.Level(rawValue: logLevel.rawValue) ?? .info)
        let serviceRules: ServiceRules
        do {
            serviceRules = try ServiceRules.load(configuration)
        } catch let error as RuleLibrary.LoadError {
            FileHandle.standardError.write(Data(Self.render(error.diagnostics).utf8))
            FileHandle.standardError.write(
                Data("error: the rules of \(rules ?? "-") do not compile; not serving\n".utf8))
            throw ExitCode(2)
        }
        let app = buildApplication(configuration, rules: serviceRules)
        try await app.runService()
    }

    /// The findings as `clausier check` prints them, quoting the lines at fault.
    static func render(_ diagnostics: [Diagnostic]) -> String {
        var sources: [String: String] = [:]
        let files =
            diagnostics.compactMap { $0.location?.file }
            + diagnostics.flatMap { $0.notes.compactMap { $0.location?.file } }
        for file in Set(files) {
            if let data = FileManager.default.contents(atPath: file) {
                sources[file] = String(decoding: data, as: UTF8.self)
            }
        }
        return TextRenderer(colors: false, sources: sources).render(diagnostics)
    }
}

/// The levels of `Logger.Level`, as an argument.
enum LogLevel: String, CaseIterable, ExpressibleByArgument {
    case trace, debug, info, notice, warning, error, critical
}
