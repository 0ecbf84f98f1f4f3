import Synchronization

/// Output of the subcommands kept in memory instead of written to standard output and error, so
/// that tests can run a command in this process and read what it printed.
final class ConsoleCapture: Sendable {
    private let streams = Mutex<(output: [UInt8], errors: [UInt8])>(([], []))

    /// What was written to standard output, as text.
    var output: String { streams.withLock { String(decoding: $0.output, as: UTF8.self) } }
    /// What was written to standard error, as text.
    var errors: String { streams.withLock { String(decoding: $0.errors, as: UTF8.self) } }

    func write<Bytes: Sequence<UInt8>>(output bytes: Bytes) {
        streams.withLock { $0.output.append(contentsOf: bytes) }
    }

    func write<Bytes: Sequence<UInt8>>(errors bytes: Bytes) {
        streams.withLock { $0.errors.append(contentsOf: bytes) }
    }
}
