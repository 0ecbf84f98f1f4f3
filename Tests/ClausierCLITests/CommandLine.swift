import ArgumentParser
import Foundation
import Testing

@testable import ClausierCLI

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A path under the repository's root.
func repository(_ path: String) -> String {
    repositoryRoot.appendingPathComponent(path).path
}

/// What a run of `clausier` printed, and its exit code.
struct Run {
    var status: Int32
    var out: String
    var err: String

    /// Standard output with the repository's root left out of paths, as the golden files write them.
    var relativeOut: String { out.replacingOccurrences(of: repositoryRoot.path + "/", with: "") }
}

/// Runs `clausier` with `arguments`; see `clausier(_:)` taking an array.
func clausier(_ arguments: String...) -> Run {
    clausier(arguments)
}

/// Runs `clausier` with `arguments` in this process, as its `main` does, its output captured.
func clausier(_ arguments: [String]) -> Run {
    let capture = ConsoleCapture()
    let error = Console.$capture.withValue(capture) { ClausierCommand.execute(arguments) }
    // What `main` then does: `exit(withError:)` exits with the error's code (0 without one).
    let status = error.map { ClausierCommand.exitCode(for: $0).rawValue } ?? 0
    return Run(status: status, out: capture.output, err: capture.errors)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("clausier-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to a new file in `directory`.
@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
