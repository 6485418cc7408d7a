/// A maximal Nash subset: a largest set of equilibria of the form "any mix of `row` against any
/// mix of `column`" (Millham; Winkels), found as a maximal clique of interchangeable extreme
/// equilibria. Their union is the set of all equilibria, and each of the game's connected
/// components of equilibria is a union of such subsets.
public struct NashSubset: Hashable, Sendable {
    /// The row player's extreme mixes: every convex combination of them is in the subset.
    public var row: [[Rational]]
    /// The column player's extreme mixes.
    public var column: [[Rational]]
    /// Positions in `ExtremeEquilibria.equilibria` of the extreme equilibria in the subset.
    public var equilibria: [Int]
}

/// Why an enumeration stopped before it was complete.
public enum EnumerationStop: Hashable, Sendable, CustomStringConvertible {
    /// The time limit passed.
    case timeout(seconds: Double)
    /// The caller cancelled (Ctrl-C).
    case cancelled
    /// The bound on bases kept in memory was reached.
    case basisLimit(Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .timeout(let seconds): "the time limit of \(seconds.formatted()) s passed"
        case .cancelled: "it was interrupted"
        case .basisLimit(let limit): "it reached the limit of \(limit) bases kept in memory"
        }
    }
}

/// Every extreme equilibrium of a two-player game, found by enumerating the vertices of the two
/// best-response polytopes, with the maximal Nash subsets they form.
public struct ExtremeEquilibria: Hashable, Sendable {
    /// The extreme equilibria, exactly, in `MixedEquilibrium` order. When `stop` is nil these are
    /// all of them: every equilibrium of the game is a convex combination within one of `subsets`.
    public var equilibria: [MixedEquilibrium]
    /// The maximal Nash subsets, ordered by their first equilibrium.
    public var subsets: [NashSubset]
    /// A witness of degeneracy (a mix with more pure best responses than strategies in its
    /// support), or nil when none was seen.
    public var degeneracy: String?
    /// Why the enumeration stopped early; nil when it is complete.
    public var stop: EnumerationStop?
    /// Vertices of the row and the column player's polytope found (the origin included).
    public var vertices: [Int]
    /// Bases visited in each polytope.
    public var bases: [Int]

    /// Whether every extreme equilibrium was found.
    public var isComplete: Bool { stop == nil }
    /// Whether a degeneracy was seen (always decided when the enumeration is complete).
    public var isDegenerate: Bool { degeneracy != nil }
}

/// How long and how large an enumeration may grow.
public struct EnumerationLimits: Sendable {
    /// Wall-clock seconds before stopping with what was found; nil for no limit.
    public var seconds: Double?
    /// Bases kept in memory, both polytopes together (each costs about 200 bytes at the peak).
    public var maxBases: Int
    /// Polled during the run; return true to stop (for Ctrl-C).
    public var isCancelled: @Sendable () -> Bool

    /// Limits; by default none on time, 10 million bases (about 2 GB), never cancelled.
    public init(seconds: Double? = nil, maxBases: Int = 10_000_000, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.seconds = seconds
        self.maxBases = maxBases
        self.isCancelled = isCancelled
    }
}

/// Where a running enumeration is.
public struct EnumerationProgress: Sendable {
    /// Bases visited in each polytope.
    public var bases: [Int]
    /// Vertices found in each polytope.
    public var vertices: [Int]
    /// Extreme equilibria found so far.
    public var equilibria: Int
    /// Seconds since the start.
    public var seconds: Double
}
