import Foundation

/// How selection scores a child: its mean value plus an exploration bonus. The part of the bonus
/// that depends only on the parent is computed once per selection step.
public protocol TreePolicy: Sendable {
    /// The parent-dependent factor of the bonus (for UCT c sqrt(ln N(s)), for PUCT c sqrt(N(s))).
    func parentFactor(parentVisits: Int) -> Double
    /// The score of a child with `visits` visits and mean value `mean` (for the player choosing);
    /// `prior` is the evaluator's probability of the move.
    func score(mean: Double, visits: Int, parentFactor: Double, prior: Double) -> Double
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
        exploration * log(Double(parentVisits)).squareRoot()
    }

    @inline(__always)
    public func score(mean: Double, visits: Int, parentFactor: Double, prior: Double) -> Double {
        guard visits > 0 else { return .infinity }
        return mean + parentFactor / Double(visits).squareRoot()
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
    public func score(mean: Double, visits: Int, parentFactor: Double, prior: Double) -> Double {
        mean + parentFactor * prior / Double(1 + visits)
    }
}
