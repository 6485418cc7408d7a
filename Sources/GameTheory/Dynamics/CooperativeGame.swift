/// A fully cooperative stochastic game of two agents with finitely many states and no cycles:
/// in each state both agents pick an action, both receive the same reward, and the joint action
/// decides the next state or ends the episode. Episodes start in state 0.
public struct CooperativeGame: Hashable, Codable, Sendable {
    /// One state: the shared reward of each joint action and where it leads.
    public struct Stage: Hashable, Codable, Sendable {
        /// `rewards[a₁][a₂]`, the reward both agents receive.
        public var rewards: [[Double]]
        /// `next[a₁][a₂]`, the next state, or nil when the episode ends.
        public var next: [[Int?]]

        /// A state with these rewards and successors.
        public init(rewards: [[Double]], next: [[Int?]]) {
            self.rewards = rewards
            self.next = next
        }

        /// A state that ends the episode whatever the agents do.
        public static func terminal(_ rewards: [[Double]]) -> Stage {
            Stage(rewards: rewards, next: rewards.map { $0.map { _ in nil } })
        }
    }

    /// A short name for tables.
    public var name: String
    /// Names of the states, for tables.
    public var stateNames: [String]
    /// The states; state 0 is where every episode starts.
    public var stages: [Stage]
    /// Actions per agent (the same in every state).
    public let actions: Int

    /// A game of these states; every state must offer both agents `actions` actions and lead only
    /// to later states (so episodes end).
    public init(name: String, stateNames: [String], stages: [Stage]) {
        let actions = stages[0].rewards.count
        for (s, stage) in stages.enumerated() {
            precondition(stage.rewards.count == actions && stage.rewards.allSatisfy { $0.count == actions }, "every state needs an \(actions) × \(actions) reward matrix")
            precondition(stage.next.joined().allSatisfy { $0 == nil || ($0! > s && $0! < stages.count) }, "a state may only lead to a later state")
        }
        precondition(stateNames.count == stages.count, "one name per state")
        self.name = name
        self.stateNames = stateNames
        self.stages = stages
        self.actions = actions
    }

    /// States in the game.
    public var states: Int { stages.count }

    /// The exact optimal joint-action values Q*(s, a₁, a₂) with discount `discount`, by backward
    /// induction (each state leads only to later ones).
    public func optimalValues(discount: Double) -> [[[Double]]] {
        var q = [[[Double]]](repeating: [], count: states)
        for s in stride(from: states - 1, through: 0, by: -1) {
            q[s] = (0..<actions).map { i in
                (0..<actions).map { j in
                    let reward = stages[s].rewards[i][j]
                    guard let next = stages[s].next[i][j] else { return reward }
                    return reward + discount * q[next].joined().max()!
                }
            }
        }
        return q
    }

    /// The undiscounted return of following fixed greedy actions (`policy[agent][state]`) from state 0.
    public func greedyReturn(_ policy: [[Int]]) -> Double {
        var state: Int? = 0
        var total = 0.0
        while let s = state {
            let (i, j) = (policy[0][s], policy[1][s])
            total += stages[s].rewards[i][j]
            state = stages[s].next[i][j]
        }
        return total
    }

    /// The two-step game of Rashid et al. (QMIX): in the first state agent 1's action picks the
    /// next state (agent 2's does not matter) and nobody is paid; in state 2A every joint action
    /// pays 7, in state 2B only coordinating on the second action pays well (8).
    public static let twoStep = CooperativeGame(
        name: "two-step game", stateNames: ["1", "2A", "2B"],
        stages: [
            Stage(rewards: [[0, 0], [0, 0]], next: [[1, 1], [2, 2]]),
            .terminal([[7, 7], [7, 7]]),
            .terminal([[0, 1], [1, 8]]),
        ])

    /// A one-shot game whose best joint action (8) is surrounded by heavy penalties (−12) when
    /// only one agent takes its part, from the Weighted QMIX paper (Rashid et al. 2020): the
    /// uniformly weighted monotonic projection of these values prefers the safe 0s.
    public static let penalisedCoordination = CooperativeGame(
        name: "penalised coordination", stateNames: ["1"],
        stages: [.terminal([[8, -12, -12], [-12, 0, 0], [-12, 0, 0]])])
}

/// The least-squares fit of `values[i][j]` by a sum `u[i] + w[j]` with every entry weighted
/// equally: row mean plus column mean minus the grand mean. It is what a value-decomposition
/// network (VDN) converges to on one state when every joint action is seen equally often.
public func additiveFit(_ values: [[Double]]) -> [[Double]] {
    let rows = values.count
    let columns = values[0].count
    let grand = values.joined().reduce(0, +) / Double(rows * columns)
    let rowMeans = values.map { $0.reduce(0, +) / Double(columns) }
    let columnMeans = (0..<columns).map { j in values.map { $0[j] }.reduce(0, +) / Double(rows) }
    return (0..<rows).map { i in (0..<columns).map { j in rowMeans[i] + columnMeans[j] - grand } }
}

extension CooperativeGame {
    /// The fixed point of value-decomposition (VDN) learning with uniform exploration: backward
    /// induction in which every state's joint-action values are replaced by their additive fit
    /// before the earlier states bootstrap from their maximum.
    public func additiveValues(discount: Double) -> [[[Double]]] {
        var q = [[[Double]]](repeating: [], count: states)
        for s in stride(from: states - 1, through: 0, by: -1) {
            let targets = (0..<actions).map { i in
                (0..<actions).map { j in
                    let reward = stages[s].rewards[i][j]
                    guard let next = stages[s].next[i][j] else { return reward }
                    return reward + discount * q[next].joined().max()!
                }
            }
            q[s] = additiveFit(targets)
        }
        return q
    }
}
