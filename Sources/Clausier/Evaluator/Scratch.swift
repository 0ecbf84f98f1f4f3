#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory a thread reuses from one query to the next, so that a query allocates nothing: the
/// decision's frame, and the array of the last record answer.
///
/// One per thread, never shared: a rule set is queried from many threads at once, and each finds
/// its own here. A query takes the arrays out and puts them back when done, so an evaluation that
/// somehow ran inside another would only find empty arrays and allocate its own.
final class EvaluationScratch {
    /// A decision's frame, all `.absent` between queries, so that the thread keeps no facts and the
    /// next query finds it ready.
    private var frame: [Value] = []
    /// The array of the last record answer. The host holds it in that answer's `Decision` for as
    /// long as it keeps it; once it has let go, the next record answer is written into the same
    /// array in place. While the host still holds it, writing into it copies it first (arrays are
    /// copy-on-write), so an answer already returned never changes.
    private var answer: [Value] = []

    /// Lends `count` slots of `.absent` to `body`, from this thread's frame when there is one.
    static func withFrame<R>(count: Int, _ body: (inout [Value]) throws(EvaluationError) -> R) throws(EvaluationError) -> R {
        let scratch = current()
        var frame: [Value] = []
        if let scratch { swap(&frame, &scratch.frame) }
        // Between queries the frame is all `.absent`: only its length may need changing.
        let count = max(count, 0)
        if frame.count > count {
            frame.removeLast(frame.count - count)
        } else if frame.count < count {
            frame.append(contentsOf: repeatElement(.absent, count: count - frame.count))
        }
        defer {
            frame.withUnsafeMutableBufferPointer { $0.resetToAbsent() }
            if let scratch { swap(&frame, &scratch.frame) }
        }
        return try body(&frame)
    }

    /// Lends the array of the last record answer to `body`, and keeps whatever array `body` leaves
    /// in it for the next query.
    static func withAnswerStorage<R>(_ body: (inout [Value]) throws(EvaluationError) -> R) throws(EvaluationError) -> R {
        let scratch = current()
        var storage: [Value] = []
        if let scratch { swap(&storage, &scratch.answer) }
        defer { if let scratch { swap(&storage, &scratch.answer) } }
        return try body(&storage)
    }

    /// This thread's scratch memory, made on its first query; nil where there are no thread-local
    /// keys, and then each query allocates its own arrays.
    static func current() -> EvaluationScratch? {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        guard let key = scratchKey else { return nil }
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<EvaluationScratch>.fromOpaque(pointer).takeUnretainedValue()
        }
        let scratch = EvaluationScratch()
        // The thread's key holds one reference, released by the key's destructor when the thread ends.
        let retained = Unmanaged.passRetained(scratch)
        guard pthread_setspecific(key, retained.toOpaque()) == 0 else {
            retained.release()
            return nil
        }
        return scratch
        #else
        return nil
        #endif
    }
}

#if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
/// The thread-local key of `EvaluationScratch`, made once per process; nil if the system has no key left.
private let scratchKey: pthread_key_t? = {
    var key = pthread_key_t()
    #if canImport(Darwin)
    let destructor: @convention(c) (UnsafeMutableRawPointer) -> Void = { pointer in
        Unmanaged<EvaluationScratch>.fromOpaque(pointer).release()
    }
    #else
    let destructor: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        guard let pointer else { return }
        Unmanaged<EvaluationScratch>.fromOpaque(pointer).release()
    }
    #endif
    return pthread_key_create(&key, destructor) == 0 ? key : nil
}()
#endif
