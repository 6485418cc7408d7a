import Randomness

/// Transitions observed from an MDP: for every (state, action), the next states seen.
public struct TransitionData: Sendable {
    /// `nextStates[s][a]` lists the observed next states of a in s.
    public var nextStates: [[[Int]]]
    /// `rewards[s][a]` lists the observed rewards.
    public var rewards: [[[Double]]]

    /// No observations yet, for `states` states and `actions` actions.
    public init(states: Int, actions: Int) {
        nextStates = Array(repeating: Array(repeating: [], count: actions), count: states)
        rewards = Array(repeating: Array(repeating: [], count: actions), count: states)
    }

    init(nextStates: [[[Int]]], rewards: [[[Double]]]) {
        self.nextStates = nextStates
        self.rewards = rewards
    }

    /// Records one observed transition.
    public mutating func record(state: Int, action: Int, next: Int, reward: Double) {
        nextStates[state][action].append(next)
        rewards[state][action].append(reward)
    }

    /// Samples `count(s, a)` transitions from every pair of `mdp` (rewards are the expected ones).
    public static func sample<G: RandomNumberGenerator>(from mdp: FiniteMDP, count: (Int, Int) -> Int, using generator: inout G) -> TransitionData {
        var next = [[[Int]]]()
        var rewards = [[[Double]]]()
        for s in 0..<mdp.stateCount {
            var rowNext = [[Int]]()
            var rowRewards = [[Double]]()
            for a in 0..<mdp.actionCount {
                let n = count(s, a)
                rowNext.append((0..<n).map { _ in mdp.sampleNext(s, a, using: &generator) })
                rowRewards.append(Array(repeating: mdp.rewards[s][a], count: n))
            }
            next.append(rowNext)
            rewards.append(rowRewards)
        }
        return TransitionData(nextStates: next, rewards: rewards)
    }
}

/// The ways a tabular model can be learned from data.
public enum ModelLearner: String, Codable, Sendable, CaseIterable {
    /// Remember the last observed outcome (a deterministic model, as in Dyna-Q).
    case lastOutcome
    /// Relative frequencies of the observed outcomes (the maximum-likelihood model).
    case counts

    /// The model learned from `data`, as an MDP with `discount`; pairs never tried stay in place.
    public func learn(from data: TransitionData, discount: Double) -> FiniteMDP {
        let states = data.nextStates.count
        var transitions = [[[Double]]]()
        var rewards = [[Double]]()
        for s in 0..<states {
            var rows = [[Double]]()
            var rewardRow = [Double]()
            for (a, observed) in data.nextStates[s].enumerated() {
                var row = [Double](repeating: 0, count: states)
                if observed.isEmpty {
                    row[s] = 1
                } else {
                    switch self {
                    case .lastOutcome: row[observed.last!] = 1
                    case .counts: for next in observed { row[next] += 1 / Double(observed.count) }
                    }
                }
                rows.append(row)
                let r = data.rewards[s][a]
                rewardRow.append(r.isEmpty ? 0 : r.reduce(0, +) / Double(r.count))
            }
            transitions.append(rows)
            rewards.append(rewardRow)
        }
        return FiniteMDP(transitions: transitions, rewards: rewards, discount: discount)
    }
}

/// A bootstrap ensemble: `members` count models, each learned from a resample (with replacement)
/// of the observations of every pair.
public struct BootstrapEnsemble: Sendable {
    /// The members.
    public let members: [FiniteMDP]

    /// Learns `size` members from `data`.
    public init<G: RandomNumberGenerator>(data: TransitionData, size: Int, discount: Double, using generator: inout G) {
        var members = [FiniteMDP]()
        for _ in 0..<size {
            var resampled = data
            for s in data.nextStates.indices {
                for a in data.nextStates[s].indices {
                    let observed = data.nextStates[s][a]
                    resampled.nextStates[s][a] = observed.map { _ in observed[generator.uniformIndex(below: observed.count)] }
                }
            }
            members.append(ModelLearner.counts.learn(from: resampled, discount: discount))
        }
        self.members = members
    }

    /// The members' disagreement on (s, a): the mean L1 distance of each member's next-state
    /// distribution from the members' average.
    public func disagreement(_ s: Int, _ a: Int) -> Double {
        let rows = members.map { $0.transitions[s][a] }
        var mean = [Double](repeating: 0, count: rows[0].count)
        for row in rows { for i in row.indices { mean[i] += row[i] / Double(rows.count) } }
        return rows.reduce(0) { $0 + Distance.l1($1, mean) } / Double(rows.count)
    }
}

extension FiniteMDP {
    /// epsilon: the largest L1 distance between this model's and `truth`'s next-state
    /// distributions over all state-action pairs.
    public func maximumL1Error(against truth: FiniteMDP) -> Double {
        var worst = 0.0
        for s in 0..<stateCount {
            for a in 0..<actionCount { worst = max(worst, Distance.l1(transitions[s][a], truth.transitions[s][a])) }
        }
        return worst
    }
}
