import Logging

/// How the service is started: where it listens and which rules it serves.
public struct ServiceConfiguration: Sendable {
    /// The address to bind, such as `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The port to listen on; 0 picks a free one.
    public var port: Int
    /// A directory of rule files to serve, reloaded by `POST /reload`; `nil` serves the rules compiled in
    /// at build time (`CompiledRules`), which cannot be reloaded.
    public var rulesDirectory: String?
    /// The level of the service's log.
    public var logLevel: Logger.Level
    /// The largest request body read, in bytes; a larger one is answered 413.
    public var maximumBodySize: Int

    /// Creates a configuration; the defaults serve the compiled-in rules on 127.0.0.1:8080.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, rulesDirectory: String? = nil, logLevel: Logger.Level = .info,
        maximumBodySize: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.rulesDirectory = rulesDirectory
        self.logLevel = logLevel
        self.maximumBodySize = maximumBodySize
    }
}
