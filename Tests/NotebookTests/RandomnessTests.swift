import Notebook
import Randomness
import Testing

@Suite("The project's random number generators")
struct RandomnessTests {
    @Test("SplitMix64 matches the reference outputs for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("xoshiro256** matches the reference recurrence from a known state")
    func xoshiroReference() {
        // Reference: the C implementation seeded with s = {1, 2, 3, 4} gives 11520, 0, 1509978240.
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect(generator.next() == 11520)
        #expect(generator.next() == 0)
        #expect(generator.next() == 1_509_978_240)
    }

    @Test("the same stream id gives the same numbers; different ids give different numbers")
    func streams() {
        let base = StreamID(baseSeed: 42, path: ["dyna", "exp-maze", "0", "1"])
        var a = Xoshiro256StarStar(stream: base)
        var b = Xoshiro256StarStar(stream: base)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        let others = [
            StreamID(baseSeed: 42, path: ["dyna", "exp-maze", "0", "2"]),
            StreamID(baseSeed: 42, path: ["dyna", "exp-maze", "5", "1"]),
            StreamID(baseSeed: 42, path: ["dyna", "exp-other", "0", "1"]),
            StreamID(baseSeed: 43, path: ["dyna", "exp-maze", "0", "1"]),
            StreamID(baseSeed: 42, path: ["dyn", "aexp-maze", "0", "1"]),
        ]
        let seeds = Set(([base] + others).map(\.seed))
        #expect(seeds.count == others.count + 1)
    }

    @Test("uniformIndex stays in range and is close to uniform (chi-square)")
    func uniformIndex() {
        var generator = Xoshiro256StarStar(seed: 99)
        var counts = [Int](repeating: 0, count: 7)
        let draws = 70_000
        for _ in 0..<draws { counts[generator.uniformIndex(below: 7)] += 1 }
        let expected = Double(draws) / 7
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // 6 degrees of freedom: the 99.9% point is 22.46.
        #expect(chiSquare < 22.46, "chi-square \(chiSquare), counts \(counts)")
        let units = (0..<1000).map { _ in generator.uniformUnit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
    }
}

@Suite("The worker pool")
struct WorkerPoolTests {
    @Test("returns results in job order for any number of workers")
    func order() {
        let job: @Sendable (Int) -> UInt64 = { i in
            var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: 1, path: [String(i)]))
            return (0..<1000).reduce(0) { acc, _ in acc &+ generator.next() }
        }
        let serial = WorkerPool(workers: 1).run(count: 200, job: job)
        let parallel = WorkerPool(workers: 4).run(count: 200, job: job)
        #expect(serial == parallel)
        #expect(WorkerPool(workers: 3).run(count: 0, job: job).isEmpty)
    }
}
