import Randomness

/// Settings of the stateless Q-learners of a repeated normal-form game.
public struct QLearningSettings: Hashable, Codable, Sendable {
    /// Step size α of Q ← Q + α (r − Q).
    public var stepSize: Double
    /// Probability ε of a uniformly random action.
    public var exploration: Double

    /// Step size and exploration.
    public init(stepSize: Double = 0.1, exploration: Double = 0.1) {
        self.stepSize = stepSize
        self.exploration = exploration
    }
}

/// ε-greedy probabilities over the actions of a Q table (ties go to the lowest index).
func epsilonGreedy(_ q: [Double], exploration: Double) -> [Double] {
    let best = argmax(q)
    return q.indices.map { ($0 == best ? 1 - exploration : 0) + exploration / Double(q.count) }
}

/// Draws an ε-greedy action (with the project's own mapping from random bits to numbers).
func epsilonGreedyAction<G: RandomNumberGenerator>(_ q: [Double], exploration: Double, using generator: inout G) -> Int {
    generator.uniformUnit() < exploration ? generator.uniformIndex(below: q.count) : argmax(q)
}

/// Two independent Q-learners repeating a normal-form game: each keeps one value per own action,
/// learns from its own reward only, and treats the other as part of the environment, which
/// keeps changing as the other learns: the non-stationarity that single-agent RL assumes away.
public struct IndependentQLearners: Sendable {
    /// The game repeated.
    public let game: Bimatrix
    /// Step size and exploration of both learners.
    public let settings: QLearningSettings
    /// The row learner's action values.
    public private(set) var rowValues: [Double]
    /// The column learner's action values.
    public private(set) var columnValues: [Double]

    /// Both learners start with all action values at `initialValue`.
    public init(game: Bimatrix, settings: QLearningSettings, initialValue: Double = 0) {
        self.game = game
        self.settings = settings
        rowValues = [Double](repeating: initialValue, count: game.rows)
        columnValues = [Double](repeating: initialValue, count: game.columns)
    }

    /// The row learner's current ε-greedy policy.
    public var rowPolicy: [Double] { epsilonGreedy(rowValues, exploration: settings.exploration) }
    /// The column learner's current ε-greedy policy.
    public var columnPolicy: [Double] { epsilonGreedy(columnValues, exploration: settings.exploration) }
    /// NashConv of the current policies.
    public var nashConv: Double { game.nashConv(rowPolicy, columnPolicy) }

    /// One round: both act ε-greedily, each updates the value of its own action; returns the actions.
    @discardableResult
    public mutating func step<G: RandomNumberGenerator>(using generator: inout G) -> (row: Int, column: Int) {
        let i = epsilonGreedyAction(rowValues, exploration: settings.exploration, using: &generator)
        let j = epsilonGreedyAction(columnValues, exploration: settings.exploration, using: &generator)
        rowValues[i] += settings.stepSize * (game.rowValues[i][j] - rowValues[i])
        columnValues[j] += settings.stepSize * (game.columnValues[i][j] - columnValues[j])
        return (i, j)
    }
}

/// Centralised training, decentralised execution for a shared-reward game: one Q-learner over
/// joint actions learns what each pair of actions earns together; afterwards each agent plays its
/// own part of the best joint action, with no communication.
public struct JointActionLearner: Sendable {
    /// The game; both players get the row player's payoff.
    public let game: Bimatrix
    /// Step size and exploration over joint actions.
    public let settings: QLearningSettings
    /// Values of the joint actions, row-major.
    public private(set) var values: [Double]

    /// All joint-action values start at `initialValue`.
    public init(game: Bimatrix, settings: QLearningSettings, initialValue: Double = 0) {
        self.game = game
        self.settings = settings
        values = [Double](repeating: initialValue, count: game.rows * game.columns)
    }

    /// The joint action each agent's part of the greedy choice makes up.
    public var greedyJointAction: (row: Int, column: Int) {
        let best = argmax(values)
        return (best / game.columns, best % game.columns)
    }

    /// One round with an ε-greedy joint action.
    @discardableResult
    public mutating func step<G: RandomNumberGenerator>(using generator: inout G) -> (row: Int, column: Int) {
        let joint = epsilonGreedyAction(values, exploration: settings.exploration, using: &generator)
        let (i, j) = (joint / game.columns, joint % game.columns)
        values[joint] += settings.stepSize * (game.rowValues[i][j] - values[joint])
        return (i, j)
    }
}
