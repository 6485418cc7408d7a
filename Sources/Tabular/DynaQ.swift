import Randomness

/// The settings of a Dyna-Q agent (Sutton and Barto, section 8.2).
public struct DynaQSettings: Hashable, Codable, Sendable {
    /// Step size alpha.
    public var stepSize: Double
    /// Discount gamma.
    public var discount: Double
    /// Probability epsilon of a uniformly random action.
    public var explorationRate: Double
    /// Simulated updates from the model after each real step (n). Zero gives one-step Q-learning.
    public var planningSteps: Int

    /// Creates settings; the defaults are the book's Dyna maze settings.
    public init(stepSize: Double = 0.1, discount: Double = 0.95, explorationRate: Double = 0.1, planningSteps: Int) {
        self.stepSize = stepSize
        self.discount = discount
        self.explorationRate = explorationRate
        self.planningSteps = planningSteps
    }
}

/// A moment inside a run at which to copy the action values: after real step `step` of episode
/// `episode` (both counted from 1).
public struct RunMoment: Hashable, Codable, Sendable {
    /// The episode, from 1.
    public var episode: Int
    /// The real step within that episode, from 1.
    public var step: Int

    /// Creates a moment.
    public init(episode: Int, step: Int) {
        self.episode = episode
        self.step = step
    }
}

/// What one Dyna-Q run produced.
public struct DynaQRun: Sendable {
    /// Real steps taken in each episode.
    public var stepsPerEpisode: [Int]
    /// Simulated (planning) updates performed in each episode.
    public var planningUpdatesPerEpisode: [Int]
    /// The action values at the requested moment, if one was requested and reached.
    public var snapshot: ActionValues?
    /// Where the agent stood at that moment (after the step).
    public var snapshotState: Int?
    /// The action values at the end of the run.
    public var finalValues: ActionValues
}

/// Dyna-Q: one-step Q-learning from real experience plus `n` Q-learning updates per real step on
/// transitions replayed from a learned deterministic model.
public struct DynaQ: Sendable {
    /// The agent's settings.
    public let settings: DynaQSettings

    /// Creates an agent with the given settings.
    public init(settings: DynaQSettings) {
        self.settings = settings
    }

    /// Runs `episodes` episodes on `task` from zero action values and returns what happened.
    ///
    /// - Parameters:
    ///   - snapshotAt: a moment at which to copy the action values (for policy pictures).
    ///   - maximumStepsPerEpisode: a guard against a task whose goal cannot be reached.
    public func run<Task: EpisodicTask, G: RandomNumberGenerator>(
        on task: Task, episodes: Int, snapshotAt: RunMoment? = nil,
        maximumStepsPerEpisode: Int = 10_000_000, using generator: inout G
    ) -> DynaQRun {
        var q = ActionValues(stateCount: task.stateCount, actionCount: task.actionCount)
        var model = DeterministicModel(stateCount: task.stateCount, actionCount: task.actionCount)
        var steps = [Int]()
        var planning = [Int]()
        var snapshot: ActionValues?
        var snapshotState: Int?
        for episode in stride(from: 1, through: episodes, by: 1) {
            var state = task.startState
            var count = 0
            var updates = 0
            while count < maximumStepsPerEpisode {
                let action = generator.bernoulli(settings.explorationRate)
                    ? generator.uniformIndex(below: task.actionCount)
                    : q.greedyAction(in: state, using: &generator)
                let transition = task.step(from: state, action: action, using: &generator)
                q.learn(state, action, transition, settings: settings)
                model.record(state: state, action: action, transition: transition)
                for _ in 0..<settings.planningSteps {
                    guard let replay = model.samplePair(using: &generator) else { break }
                    q.learn(replay.state, replay.action, replay.transition, settings: settings)
                    updates += 1
                }
                count += 1
                if let moment = snapshotAt, moment.episode == episode, moment.step == count {
                    snapshot = q
                    snapshotState = transition.nextState
                }
                if transition.isTerminal { break }
                state = transition.nextState
            }
            steps.append(count)
            planning.append(updates)
        }
        return DynaQRun(stepsPerEpisode: steps, planningUpdatesPerEpisode: planning, snapshot: snapshot, snapshotState: snapshotState, finalValues: q)
    }
}
