import ClausierDiagnostics
import Foundation

/// Writing to standard output and error, and reading inputs, for the subcommands.
enum Console {
    /// Where output goes instead of standard output and error while a test runs a command in-process.
    @TaskLocal static var capture: ConsoleCapture?

    static func out(_ text: String) {
        if let capture { return capture.write(output: text.utf8) }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        if let capture { return capture.write(errors: text.utf8) }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard output is a terminal, to decide on colours; captured output never is.
    static var isTerminal: Bool {
        capture == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Stops with the usage exit code when a path given on the command line does not exist.
    static func requireExisting(_ paths: [String]) throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            err("error: no such file or directory: \(path)\n")
            throw ExitStatus.usage
        }
    }

    /// The bytes of a file, or of standard input for `-`.
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if type == .typeRegular || type == nil { return FileManager.default.contents(atPath: path).map { Array($0) } }
        // A pipe or a process substitution (`--facts <(jq …)`) has no size to read up to: read it to its end.
        guard type != .typeDirectory, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            return nil
        }
    }

    /// A renderer that quotes the files the findings point at, as the compiler read them.
    static func renderer(quoting sources: [SourceFile]) -> TextRenderer {
        TextRenderer(colors: isTerminal, files: sources)
    }
}
