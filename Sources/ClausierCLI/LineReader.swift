import Foundation

/// Reads a file or standard input line by line, in chunks, so that a batch of any length is
/// answered in constant memory (bounded by its longest line) and its first answers are written
/// before its last lines are read.
///
/// Lines end at `\n` only, as the batch format has always split them; a `\r` before it stays
/// in the line, where JSON reads it as whitespace. A last line without `\n` is still a line.
struct LineReader: ~Copyable {
    /// Why reading stopped early.
    struct Failure: Error {
        var code: Int32
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var storage: UnsafeMutableRawBufferPointer

    /// Opens `path`, or standard input for `-`; nil when the file cannot be opened.
    init?(path: String) {
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            ownsDescriptor = true
        }
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    }

    deinit {
        storage.deallocate()
        if ownsDescriptor { close(descriptor) }
    }

    /// Calls `body` with each line's bytes, which are valid only during the call.
    mutating func forEachLine(_ body: (UnsafeRawBufferPointer) -> Void) throws(Failure) {
        var start = 0
        var end = 0
        var atEnd = false
        while true {
            guard let base = storage.baseAddress else { return }
            if start < end, let newline = memchr(base + start, 0x0A, end - start) {
                let lineEnd = base.distance(to: newline)
                body(UnsafeRawBufferPointer(rebasing: storage[start..<lineEnd]))
                start = lineEnd + 1
                continue
            }
            if atEnd {
                if start < end { body(UnsafeRawBufferPointer(rebasing: storage[start..<end])) }
                return
            }
            if start > 0 {
                // Keeps the unfinished line and makes room after it.
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            }
            if end == storage.count {
                // A line longer than the buffer: the buffer grows to hold it.
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 1)
                if let largerBase = larger.baseAddress { memcpy(largerBase, base, end) }
                storage.deallocate()
                storage = larger
                continue
            }
            let count = read(descriptor, base + end, storage.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            if count == 0 { atEnd = true } else { end += count }
        }
    }
}

/// Collects output bytes and writes them to standard output in large blocks.
struct OutputBuffer {
    /// The bytes not yet written; answers are appended here.
    var bytes: [UInt8] = []
    private let threshold: Int

    init(threshold: Int = 1 << 16) {
        self.threshold = threshold
        bytes.reserveCapacity(threshold + threshold / 2)
    }

    /// Writes the buffer once it holds at least the threshold.
    mutating func flushIfFull() {
        if bytes.count >= threshold { flush() }
    }

    /// Writes everything buffered.
    mutating func flush() {
        if let capture = Console.capture {
            capture.write(output: bytes)
            bytes.removeAll(keepingCapacity: true)
            return
        }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = write(STDOUT_FILENO, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe or a full disk: nothing more can be written.
                    return
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
