import Clausier
import ClausierHost
import Dispatch

/// The rules the service answers with: a ``RuleLibrary`` and where its rules come from.
///
/// Every route takes `library.current` once per request and answers on that snapshot, so a request
/// never mixes two generations of rules, whatever reloads happen meanwhile.
public struct ServiceRules: Sendable {
    /// Where the rules in service come from.
    public enum Source: Sendable, Equatable {
        /// The rules compiled into the service at build time by the Clausier build plugin.
        case compiledIn
        /// A directory of rule files, read at start-up and again by each reload.
        case directory(String)
    }

    /// The rules in service, replaced atomically by reloads.
    public let library: RuleLibrary
    /// Where they come from.
    public let source: Source

    /// The rules compiled in at build time (`CompiledRules.load()`); they cannot be reloaded.
    public static func compiledIn() throws -> ServiceRules {
        ServiceRules(library: RuleLibrary(rules: try CompiledRules.load()), source: .compiledIn)
    }

    /// The rules of a directory; they must check clean.
    public static func directory(_ path: String) throws(RuleLibrary.LoadError) -> ServiceRules {
        ServiceRules(library: try RuleLibrary(paths: [path]), source: .directory(path))
    }

    /// The rules a configuration asks for: its directory if it names one, else the compiled-in rules.
    ///
    /// - Throws: ``RuleLibrary/LoadError`` with the findings when the directory does not check clean.
    public static func load(_ configuration: ServiceConfiguration) throws -> ServiceRules {
        if let directory = configuration.rulesDirectory { return try Self.directory(directory) }
        return try compiledIn()
    }

    /// Reads the directory again and puts its rules in service if they check clean; `nil` for the
    /// compiled-in rules, which have no directory to read.
    ///
    /// Compiling takes milliseconds of CPU and reads files, so it runs on a Dispatch thread rather
    /// than on the cooperative pool that serves the other requests.
    public func reload() async -> RuleLibrary.ReloadOutcome? {
        guard case .directory = source else { return nil }
        let library = self.library
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: library.reload())
            }
        }
    }
}
