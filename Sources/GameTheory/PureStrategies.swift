/// Best responses, pure equilibria and Pareto optimality over pure strategy profiles, for any
/// number of players.
extension NormalFormGame {
    /// The pure strategies of `player` that maximise its payoff when the others play `profile`
    /// (the entry of `player` in `profile` is ignored).
    public func bestResponses(of player: Int, to profile: [Int]) -> [Int] {
        var deviation = profile
        let values = strategies[player].indices.map { choice -> Rational in
            deviation[player] = choice
            return payoff(player, at: deviation)
        }
        let best = values.max()!
        return values.indices.filter { values[$0] == best }
    }

    /// Whether no player gains by changing only its own strategy at `profile`.
    public func isPureEquilibrium(_ profile: [Int]) -> Bool {
        (0..<playerCount).allSatisfy { bestResponses(of: $0, to: profile).contains(profile[$0]) }
    }

    /// Every pure-strategy Nash equilibrium, in the order of `profiles`.
    public var pureEquilibria: [[Int]] { profiles.filter(isPureEquilibrium) }

    /// Whether some other profile gives every player at least as much and one player more.
    public func isParetoDominated(_ profile: [Int]) -> Bool {
        let here = payoffs[profileIndex(profile)]
        return payoffs.contains { other in
            zip(other, here).allSatisfy { $0 >= $1 } && zip(other, here).contains { $0 > $1 }
        }
    }

    /// The profiles that no other profile Pareto-dominates.
    public var paretoOptimalProfiles: [[Int]] { profiles.filter { !isParetoDominated($0) } }
}
