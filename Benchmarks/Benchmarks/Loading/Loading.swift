// `CompiledRules.load()`: what a host pays once, at start-up, to have the rules the build plugin
// embedded in it. This target's folder holds symbolic links to the five shipped contracts
// (Rules/*.yaml), so its generated `CompiledRules` is exactly what a host shipping them loads.

import Benchmark
import Clausier

let benchmarks: @Sendable () -> Void = {
    // Measure the real thing only: the five contracts, loaded whole.
    do {
        let rules = try CompiledRules.load()
        let loaded = rules.contracts.map(\.header.id)
        guard loaded == CompiledRules.contractIDs, loaded.count == 5 else {
            fatalError("expected the five shipped contracts, loaded \(loaded)")
        }
    } catch {
        fatalError("the embedded rules do not load: \(error)")
    }

    Benchmark(
        "CompiledRules.load() (five contracts)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, .throughput])
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CompiledRules.load())
        }
    }
}
