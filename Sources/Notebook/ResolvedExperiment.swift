/// An experiment as the writers show it: its design in one line, the code that produced it and
/// where its numbers come from.
public struct ResolvedExperiment: Hashable, Sendable {
    /// The id, `exp-…`.
    public let id: String
    /// The design in one line (points × replicates).
    public let summary: String
    /// The code its cache key covers, as a reader sees it: the declaring call, then each
    /// declaration of the same file it names.
    public let code: [String]
    /// The chapter file it is declared in, relative to the package, and the line.
    public let file: String
    /// The line of the declaration.
    public let line: Int
    /// Where its numbers come from; `nil` when the writer was given none (a sample book).
    public let provenance: ExperimentProvenance?

    /// Creates a resolved experiment.
    public init(id: String, summary: String, code: [String] = [], file: String = "", line: Int = 0, provenance: ExperimentProvenance? = nil) {
        self.id = id
        self.summary = summary
        self.code = code
        self.file = file
        self.line = line
        self.provenance = provenance
    }
}

/// Where an experiment's committed numbers come from: the key they are filed under, the seed and
/// units that produced them, how long that took and how report check verifies them. It names
/// nothing that changes from one run to the next while the key holds, so a rerun writes the same
/// bytes.
public struct ExperimentProvenance: Hashable, Sendable {
    /// The first 12 hex digits of the cache key.
    public let shortKey: String
    /// The book's seed, from which each unit's stream is derived.
    public let seed: UInt64
    /// Parameter points.
    public let points: Int
    /// Replicates per point.
    public let replicates: Int
    /// Wall time of the run that produced the results, seconds.
    public let seconds: Double
    /// Whether this run computed them (else they came from the cache).
    public let ranNow: Bool
    /// How report check treats it.
    public let cost: ExperimentCost
    /// Whether report check replays its first iterations (iterative runs cached with their state).
    public let replayable: Bool

    /// Creates a provenance record.
    public init(shortKey: String, seed: UInt64, points: Int, replicates: Int, seconds: Double, ranNow: Bool, cost: ExperimentCost, replayable: Bool) {
        self.ranNow = ranNow
        self.shortKey = shortKey
        self.seed = seed
        self.points = points
        self.replicates = replicates
        self.seconds = seconds
        self.cost = cost
        self.replayable = replayable
    }

    /// Units run: one per point and replicate.
    public var units: Int { points * replicates }

    /// How report check verifies the committed numbers, in words.
    public var verification: String {
        switch cost {
        case .standard: "recomputed by report check and compared"
        case .expensive where replayable: "costly: report check verifies its key and digest and replays its first iterations"
        case .expensive: "costly: report check verifies its key and digest and recomputes sampled units"
        case .timing where replayable: "a timing: report check verifies its key and digest and replays its first iterations"
        case .timing: "a timing: report check verifies its key and digest; wall-clock numbers are not recomputed"
        }
    }
}
