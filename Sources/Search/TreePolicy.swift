import Foundation

/// How selection scores a child: its mean value plus an exploration bonus. The part of the bonus
/// that depends only on the parent is computed once per selection step.
public protocol TreePolicy: Sendable {
    /// The parent-dependent factor of the bonus (for UCT c sqrt(ln N(s)), for PUCT c sqrt(N(s))).
    func parentFactor(parentVisits: Int) -> Double
    /// The score of a child with `visits` visits whose results sum to `valueSum` (for the player
    /// choosing; the mean is `valueSum / visits`, 0 when unvisited); `prior` is the evaluator's
    /// probability of the move.
    func score(valueSum: Double, visits: Int, parentFactor: Double, prior: Double) -> Double
}

/// UCB applied to trees (Kocsis and Szepesvári): Q + c sqrt(ln N(s) / N(s, a)); unvisited
/// children first.
public struct UCT: TreePolicy {
    /// The exploration constant c.
    public var exploration: Double

    /// Creates the policy.
    public init(exploration: Double = 2.0.squareRoot()) {
        self.exploration = exploration
    }

    @inline(__always)
    public func parentFactor(parentVisits: Int) -> Double {
        exploration * (parentVisits < UCT.tableSize ? UCT.rootLogTable[parentVisits] : log(Double(parentVisits)).squareRoot())
    }

    static let tableSize = 4096
    /// sqrt(ln n) for small n: most selection steps are deep in the tree where counts are small,
    /// and the table saves a logarithm and a square root on each (identical values).
    static let rootLogTable: [Double] = (0..<tableSize).map { $0 == 0 ? 0 : log(Double($0)).squareRoot() }

    @inline(__always)
    public func score(valueSum: Double, visits: Int, parentFactor: Double, prior: Double) -> Double {
        guard visits > 0 else { return .infinity }
        // Q + b / sqrt(N) as (sum + b sqrt(N)) / N: one division instead of two in the hot loop.
        let n = Double(visits)
        return (valueSum + parentFactor * n.squareRoot()) / n
    }
}

/// PUCT as in AlphaZero: Q + c P(s, a) sqrt(N(s)) / (1 + N(s, a)).
public struct PUCT: TreePolicy {
    /// The exploration constant c_puct.
    public var exploration: Double

    /// Creates the policy.
    public init(exploration: Double = 1.5) {
        self.exploration = exploration
    }

    @inline(__always)
    public func parentFactor(parentVisits: Int) -> Double {
        exploration * Double(parentVisits).squareRoot()
    }

    @inline(__always)
    public func score(valueSum: Double, visits: Int, parentFactor: Double, prior: Double) -> Double {
        let mean = visits > 0 ? valueSum / Double(visits) : 0
        return mean + parentFactor * prior / Double(1 + visits)
    }
}
