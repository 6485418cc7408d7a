import Randomness

/// A long computation made of iterations (a training run) whose whole state can be written out
/// after each one. An experiment declared with such a run records a digest of the state after
/// every iteration; `report check` replays the first iterations within a time budget and
/// `report verify` replays all of them, naming the first iteration and the part of the state
/// that no longer reproduces. Adopt it for any experiment too long to recompute on every check.
public protocol IterativeRun {
    /// What the finished run reports.
    associatedtype Output: Codable & Sendable
    /// Iterations before `finish`.
    var iterations: Int { get }
    /// Iterations done so far.
    var completedIterations: Int { get }
    /// Runs the next iteration.
    mutating func iterate() throws
    /// The whole state the rest of the run depends on, in named parts (weights, optimiser
    /// moments, buffers, generators). Leave out wall times: they are not reproducible.
    var stateParts: [(name: String, bytes: [UInt8])] { get }
    /// Evaluates the finished run.
    mutating func finish() throws -> Output
    /// The parts of the final state that `output` carries itself (e.g. the trained network's
    /// weights under the same name as in `stateParts`), so that `report check` can tell that
    /// the committed output is the one the recorded run ended with.
    static func finalParts(of output: Output) -> [(name: String, bytes: [UInt8])]
}

extension IterativeRun {
    /// By default the output carries no part of the final state.
    public static func finalParts(of output: Output) -> [(name: String, bytes: [UInt8])] { [] }
}

/// The digests of a run's state after one iteration.
public struct StateDigest: Codable, Equatable, Sendable {
    /// The digest of all parts together (128 bits, hex).
    public var state: String
    /// The digest of each part (64 bits, hex), to name what differs.
    public var parts: [String: String]

    /// The digests of `parts`.
    public init(parts: [(name: String, bytes: [UInt8])]) {
        var all = [UInt8]()
        var named = [String: String]()
        for (name, bytes) in parts {
            all += Array(name.utf8) + [0] + bytes + [0]
            named[name] = Self.partDigest(bytes)
        }
        state = String(Digest.sha256(all).prefix(32))
        self.parts = named
    }

    /// The digest of one part.
    static func partDigest(_ bytes: [UInt8]) -> String { String(Digest.sha256(bytes).prefix(16)) }

    /// The parts that differ from `other`, sorted.
    func differingParts(from other: StateDigest) -> [String] {
        Set(parts.keys).union(other.parts.keys).filter { parts[$0] != other.parts[$0] }.sorted()
    }
}

/// The results of one replicate of an iterative experiment: what the run reported, and the
/// digests of its state after every iteration.
public struct ReplayableResult<Output: Codable & Sendable>: Codable, Sendable {
    /// What the finished run reported.
    public var output: Output
    /// The state digests, one per iteration in order.
    public var states: [StateDigest]
}

extension Experiment {
    /// Declares an experiment whose replicates are long iterative runs, started by `start` from
    /// the parameter point and the replicate's generator. The runner iterates the run, records
    /// the state digests and then calls `finish`; `report check` and `report verify` replay it.
    public init<Run: IterativeRun>(
        _ id: ExperimentID, parameters: [Parameter], replicates: Int = 1, version: Int = 1, tolerance: Double = 0,
        uses: [SourceUse] = [], cost: ExperimentCost = .expensive, file: String = #filePath, line: Int = #line,
        start: @escaping @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Run
    ) where Output == ReplayableResult<Run.Output> {
        self.init(id, parameters: parameters, replicates: replicates, version: version, tolerance: tolerance, uses: uses, cost: cost, file: file, line: line) { parameter, generator in
            var run = try start(parameter, &generator)
            var states = [StateDigest]()
            while run.completedIterations < run.iterations {
                try run.iterate()
                states.append(StateDigest(parts: run.stateParts))
            }
            return ReplayableResult(output: try run.finish(), states: states)
        }
        replayer = Replayer(start: start)
    }
}
