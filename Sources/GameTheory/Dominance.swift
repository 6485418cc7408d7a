/// How one pure strategy beats another whatever the others do.
public enum DominanceKind: String, Codable, Sendable {
    /// Strictly better against every profile of the others.
    case strict
    /// Never worse, and strictly better against at least one profile of the others.
    case weak
}

/// One step of iterated elimination: `dominated` removed because `dominating` beats it.
public struct Elimination: Hashable, Codable, Sendable {
    /// The player whose strategy goes.
    public var player: Int
    /// The removed strategy (index in the original game).
    public var dominated: Int
    /// A strategy that dominates it among the strategies left at that step.
    public var dominating: Int

    /// One elimination step.
    public init(player: Int, dominated: Int, dominating: Int) {
        self.player = player
        self.dominated = dominated
        self.dominating = dominating
    }
}

extension NormalFormGame {
    /// Whether `a` dominates `b` for `player` (by pure strategies), when the others are restricted
    /// to `remaining` (all strategies when `nil`).
    public func dominates(_ a: Int, _ b: Int, for player: Int, kind: DominanceKind, remaining: [[Int]]? = nil) -> Bool {
        let live = remaining ?? strategies.map { Array($0.indices) }
        var someStrictlyBetter = false
        var allStrictlyBetter = true
        var profile = live.map { $0[0] }
        func visit(_ other: Int) -> Bool {
            if other == playerCount {
                profile[player] = a
                let pa = payoff(player, at: profile)
                profile[player] = b
                let pb = payoff(player, at: profile)
                if pa < pb { return false }
                if pa > pb { someStrictlyBetter = true } else { allStrictlyBetter = false }
                return true
            }
            if other == player { return visit(other + 1) }
            for choice in live[other] {
                profile[other] = choice
                if !visit(other + 1) { return false }
            }
            return true
        }
        guard a != b, visit(0) else { return false }
        return kind == .strict ? allStrictlyBetter : someStrictlyBetter
    }

    /// Iterated elimination of dominated pure strategies: repeatedly removes, for the lowest
    /// player with one, the lowest-numbered dominated strategy, until none is left. With strict
    /// dominance the result does not depend on the order; with weak dominance it can.
    public func iteratedElimination(_ kind: DominanceKind) -> (remaining: [[Int]], steps: [Elimination]) {
        var remaining = strategies.map { Array($0.indices) }
        var steps = [Elimination]()
        search: while true {
            for player in 0..<playerCount where remaining[player].count > 1 {
                for b in remaining[player] {
                    if let a = remaining[player].first(where: { dominates($0, b, for: player, kind: kind, remaining: remaining) }) {
                        remaining[player].removeAll { $0 == b }
                        steps.append(Elimination(player: player, dominated: b, dominating: a))
                        continue search
                    }
                }
            }
            return (remaining, steps)
        }
    }

    /// The strategies of `player` that dominate all its others (at most one when strict).
    public func dominantStrategies(of player: Int, kind: DominanceKind) -> [Int] {
        strategies[player].indices.filter { a in
            strategies[player].indices.allSatisfy { b in a == b || dominates(a, b, for: player, kind: kind) }
        }
    }
}
