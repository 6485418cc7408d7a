import Foundation
import Randomness

/// A finite Markov decision process given by its transition probabilities and expected rewards.
public struct FiniteMDP: Sendable, Equatable {
    /// The number of states.
    public let stateCount: Int
    /// The number of actions in every state.
    public let actionCount: Int
    /// `transitions[s][a][s']` = P(s' | s, a); each row sums to one.
    public var transitions: [[[Double]]]
    /// `rewards[s][a]` = expected reward of taking a in s.
    public var rewards: [[Double]]
    /// The discount.
    public var discount: Double

    /// Creates an MDP; every distribution must have `stateCount` entries summing to one.
    public init(transitions: [[[Double]]], rewards: [[Double]], discount: Double) {
        let states = transitions.count
        let actions = transitions.first?.count ?? 0
        precondition(transitions.allSatisfy { $0.count == actions && $0.allSatisfy { $0.count == states } }, "transitions must be S x A x S")
        precondition(rewards.count == states && rewards.allSatisfy { $0.count == actions }, "rewards must be S x A")
        stateCount = states
        actionCount = actions
        self.transitions = transitions
        self.rewards = rewards
        self.discount = discount
    }

    /// The next-state distribution of `action` in `state`.
    public func distribution(_ state: Int, _ action: Int) -> [Double] { transitions[state][action] }

    /// Samples a next state of `action` in `state`.
    public func sampleNext<G: RandomNumberGenerator>(_ state: Int, _ action: Int, using generator: inout G) -> Int {
        let u = generator.uniformUnit()
        var total = 0.0
        let row = transitions[state][action]
        for (next, p) in row.enumerated() {
            total += p
            if u < total { return next }
        }
        return row.lastIndex { $0 > 0 } ?? state
    }

    /// A random MDP: every (state, action) leads to `branching` distinct successors drawn uniformly,
    /// with probabilities from a flat Dirichlet (normalised exponentials), and a reward uniform in [0, 1).
    public static func random<G: RandomNumberGenerator>(states: Int, actions: Int, branching: Int, discount: Double, using generator: inout G) -> FiniteMDP {
        precondition(branching >= 1 && branching <= states, "branching must be between 1 and the number of states")
        var transitions = [[[Double]]]()
        var rewards = [[Double]]()
        for _ in 0..<states {
            var rows = [[Double]]()
            var rewardRow = [Double]()
            for _ in 0..<actions {
                var successors = Array(0..<states)
                for i in 0..<branching {
                    let j = i + generator.uniformIndex(below: states - i)
                    successors.swapAt(i, j)
                }
                let weights = (0..<branching).map { _ in -log(max(generator.uniformUnit(), 1e-300)) }
                let total = weights.reduce(0, +)
                var row = [Double](repeating: 0, count: states)
                for (k, s) in successors.prefix(branching).enumerated() { row[s] = weights[k] / total }
                rows.append(row)
                rewardRow.append(generator.uniformUnit())
            }
            transitions.append(rows)
            rewards.append(rewardRow)
        }
        return FiniteMDP(transitions: transitions, rewards: rewards, discount: discount)
    }
}
