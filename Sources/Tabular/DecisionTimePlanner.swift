import Randomness

/// Decision-time planning with a learned model: the agent learns Q from real steps (as Q-learning
/// does) and records a deterministic model, but uses the model only when it acts. Before each
/// action it rolls every action out for `depth` model steps, following its greedy policy, and
/// scores the action by the discounted model rewards plus the discounted value where the rollout
/// ends. What the rollouts find is discarded after the step; nothing is written back into Q.
public struct DecisionTimePlanner: Sendable {
    /// The Q-learning settings (`planningSteps` is not used).
    public let settings: DynaQSettings
    /// Model steps per rollout; the work per real step is at most actions x depth model lookups.
    public let depth: Int

    /// Creates an agent.
    public init(settings: DynaQSettings, depth: Int) {
        self.settings = settings
        self.depth = depth
    }

    /// Real steps per episode and model lookups per episode, for `episodes` episodes.
    public func run<G: RandomNumberGenerator>(on maze: GridMaze, episodes: Int, using generator: inout G) -> (steps: [Int], lookups: [Int]) {
        var q = ActionValues(stateCount: maze.stateCount, actionCount: maze.actionCount)
        var model = DeterministicModel(stateCount: maze.stateCount, actionCount: maze.actionCount)
        var steps = [Int]()
        var lookups = [Int]()
        for _ in 0..<episodes {
            var state = maze.startState
            var count = 0
            var work = 0
            while true {
                let action: Int
                if generator.bernoulli(settings.explorationRate) {
                    action = generator.uniformIndex(below: maze.actionCount)
                } else {
                    var best = -Double.infinity
                    var ties = 0
                    var choice = 0
                    for a in 0..<maze.actionCount {
                        let (score, used) = rollout(from: state, action: a, q: q, model: model)
                        work += used
                        if score > best {
                            best = score
                            ties = 1
                            choice = a
                        } else if score == best {
                            ties += 1
                            if generator.uniformIndex(below: ties) == 0 { choice = a }
                        }
                    }
                    action = choice
                }
                let t = maze.step(from: state, action: action, using: &generator)
                q.learn(state, action, t, settings: settings)
                model.record(state: state, action: action, transition: t)
                count += 1
                if t.isTerminal { break }
                state = t.nextState
            }
            steps.append(count)
            lookups.append(work)
        }
        return (steps, lookups)
    }

    /// The model's discounted return of `action` then the greedy policy for up to `depth` steps,
    /// plus the discounted value where it stops; and the model lookups it took.
    func rollout(from state: Int, action: Int, q: ActionValues, model: DeterministicModel) -> (Double, Int) {
        guard let first = model.outcome(state: state, action: action) else { return (q[state, action], 1) }
        var total = first.reward
        var weight = settings.discount
        var current = first
        var used = 1
        var remaining = depth - 1
        while !current.isTerminal, remaining > 0 {
            let s = current.nextState
            let a = q.firstGreedyAction(in: s)
            guard let next = model.outcome(state: s, action: a) else { break }
            used += 1
            total += weight * next.reward
            weight *= settings.discount
            current = next
            remaining -= 1
        }
        if !current.isTerminal { total += weight * q.maxValue(in: current.nextState) }
        return (total, used)
    }
}
