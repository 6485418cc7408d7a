import Foundation
import Randomness

/// A maze whose walls change once, after `switchStep` real steps (Sutton and Barto's blocking
/// and shortcut mazes).
public struct ChangingMaze: Sendable {
    /// The maze before the change.
    public let before: GridMaze
    /// The maze after it.
    public let after: GridMaze
    /// The real step at which the walls change.
    public let switchStep: Int

    /// Creates a changing maze.
    public init(before: GridMaze, after: GridMaze, switchStep: Int) {
        self.before = before
        self.after = after
        self.switchStep = switchStep
    }

    /// Example 8.2: the short path is blocked after 1000 steps.
    public static let blocking = ChangingMaze(before: .blockingMaze(opened: false), after: .blockingMaze(opened: true), switchStep: 1000)
    /// Example 8.3: a shorter path opens after 3000 steps.
    public static let shortcut = ChangingMaze(before: .shortcutMaze(opened: false), after: .shortcutMaze(opened: true), switchStep: 3000)
}

/// Dyna-Q and Dyna-Q+ on a continuing task whose environment may change: Dyna-Q+ adds the
/// exploration bonus kappa * sqrt(tau) to the reward of every planning update, tau being the real
/// steps since the pair was last tried, and lets planning consider actions never tried from a
/// visited state (modelled as leading back to the same state with reward 0).
public struct DynaQPlus: Sendable {
    /// The Q-learning and planning settings.
    public let settings: DynaQSettings
    /// kappa; 0 gives plain Dyna-Q.
    public let bonus: Double

    /// Creates an agent; `bonus` 0 is Dyna-Q.
    public init(settings: DynaQSettings, bonus: Double) {
        self.settings = settings
        self.bonus = bonus
    }

    /// Runs `steps` real steps on `maze` (reaching the goal pays 1 and restarts at the start) and
    /// returns the cumulative reward after every `sampleEvery` steps.
    public func cumulativeReward<G: RandomNumberGenerator>(on maze: ChangingMaze, steps: Int, sampleEvery: Int, using generator: inout G) -> [Double] {
        let states = maze.before.stateCount
        let actions = maze.before.actionCount
        var q = ActionValues(stateCount: states, actionCount: actions)
        var model = DeterministicModel(stateCount: states, actionCount: actions)
        var lastTried = [Int](repeating: 0, count: states * actions)
        var visited = [Bool](repeating: false, count: states)
        var state = maze.before.startState
        var total = 0.0
        var samples = [Double]()
        for t in 0..<steps {
            let world = t < maze.switchStep ? maze.before : maze.after
            if bonus > 0, !visited[state] {
                visited[state] = true
                for a in 0..<actions where model.outcome(state: state, action: a) == nil {
                    model.record(state: state, action: a, transition: Transition(reward: 0, nextState: state, isTerminal: false))
                }
            }
            let action = generator.bernoulli(settings.explorationRate) ? generator.uniformIndex(below: actions) : q.greedyAction(in: state, using: &generator)
            let transition = world.step(from: state, action: action, using: &generator)
            total += transition.reward
            q.learn(state, action, transition, settings: settings)
            model.record(state: state, action: action, transition: transition)
            lastTried[state * actions + action] = t + 1
            for _ in 0..<settings.planningSteps {
                guard let replay = model.samplePair(using: &generator) else { break }
                var imagined = replay.transition
                if bonus > 0 { imagined.reward += bonus * Double(t + 1 - lastTried[replay.state * actions + replay.action]).squareRoot() }
                q.learn(replay.state, replay.action, imagined, settings: settings)
            }
            state = transition.isTerminal ? world.startState : transition.nextState
            if (t + 1) % sampleEvery == 0 { samples.append(total) }
        }
        return samples
    }
}
