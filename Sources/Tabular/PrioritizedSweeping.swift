import Randomness

/// Prioritized sweeping (Moore and Atkeson; Sutton and Barto, section 8.4) for deterministic
/// tasks: planning updates go to the state-action pairs whose values would change most, working
/// backwards from where values just changed, instead of to pairs drawn at random.
public struct PrioritizedSweeping: Sendable {
    /// The Q-learning settings; `planningSteps` is the number of queue updates per real step.
    public let settings: DynaQSettings
    /// The smallest priority worth queueing.
    public let threshold: Double

    /// Creates an agent.
    public init(settings: DynaQSettings, threshold: Double = 1e-4) {
        self.settings = settings
        self.threshold = threshold
    }

    /// Runs episodes until the greedy path from the start is within `tolerance` times the shortest
    /// path (checked after every episode) or `maximumUpdates` is reached; returns the Q updates
    /// performed (real and planning).
    public func updatesUntilNearOptimal<G: RandomNumberGenerator>(on maze: GridMaze, tolerance: Double = 1.2, maximumUpdates: Int = 200_000_000, using generator: inout G) -> Int {
        var learner = Learner(agent: self, maze: maze)
        let target = Double(maze.shortestPathLength()!) * tolerance
        while learner.updates < maximumUpdates {
            learner.episode(using: &generator)
            if let path = maze.greedyPathLength(learner.q), Double(path) <= target { break }
        }
        return learner.updates
    }

    /// The learner's state through a run.
    struct Learner {
        let agent: PrioritizedSweeping
        let maze: GridMaze
        var q: ActionValues
        var model: DeterministicModel
        var queue: IndexedPriorityQueue
        /// For every state, the (state, action) pairs the model says lead to it.
        var predecessors: [[Int]]
        var updates = 0

        init(agent: PrioritizedSweeping, maze: GridMaze) {
            self.agent = agent
            self.maze = maze
            q = ActionValues(stateCount: maze.stateCount, actionCount: maze.actionCount)
            model = DeterministicModel(stateCount: maze.stateCount, actionCount: maze.actionCount)
            queue = IndexedPriorityQueue(capacity: maze.stateCount * maze.actionCount)
            predecessors = Array(repeating: [], count: maze.stateCount)
        }

        func priority(_ state: Int, _ action: Int, _ t: Transition) -> Double {
            let bootstrap = t.isTerminal ? 0 : agent.settings.discount * q.maxValue(in: t.nextState)
            return abs(t.reward + bootstrap - q[state, action])
        }

        mutating func update(_ state: Int, _ action: Int, _ t: Transition) {
            q.learn(state, action, t, settings: agent.settings)
            updates += 1
        }

        mutating func episode<G: RandomNumberGenerator>(using generator: inout G) {
            var state = maze.startState
            let actions = maze.actionCount
            while true {
                let action = generator.bernoulli(agent.settings.explorationRate)
                    ? generator.uniformIndex(below: actions) : q.greedyAction(in: state, using: &generator)
                let t = maze.step(from: state, action: action, using: &generator)
                if model.outcome(state: state, action: action) == nil { predecessors[t.nextState].append(state * actions + action) }
                model.record(state: state, action: action, transition: t)
                // The real step is a direct update; then the queue is worked.
                let p = priority(state, action, t)
                update(state, action, t)
                if p > agent.threshold { queue.insert(state * actions + action, priority: p) }
                var planned = 0
                while planned < agent.settings.planningSteps, let top = queue.popMax() {
                    let (s, a) = (top.item / actions, top.item % actions)
                    let outcome = model.outcome(state: s, action: a)!
                    update(s, a, outcome)
                    planned += 1
                    for pair in predecessors[s] {
                        let (ps, pa) = (pair / actions, pair % actions)
                        let pp = priority(ps, pa, model.outcome(state: ps, action: pa)!)
                        if pp > agent.threshold { queue.insert(pair, priority: pp) }
                    }
                }
                if t.isTerminal { return }
                state = t.nextState
            }
        }
    }
}

extension DynaQ {
    /// Runs episodes until the greedy path from the start is within `tolerance` times the shortest
    /// path (checked after every episode); returns the Q updates performed (real and planning).
    public func updatesUntilNearOptimal<G: RandomNumberGenerator>(on maze: GridMaze, tolerance: Double = 1.2, maximumUpdates: Int = 200_000_000, using generator: inout G) -> Int {
        var q = ActionValues(stateCount: maze.stateCount, actionCount: maze.actionCount)
        var model = DeterministicModel(stateCount: maze.stateCount, actionCount: maze.actionCount)
        let target = Double(maze.shortestPathLength()!) * tolerance
        var updates = 0
        while updates < maximumUpdates {
            var state = maze.startState
            while true {
                let action = generator.bernoulli(settings.explorationRate)
                    ? generator.uniformIndex(below: maze.actionCount) : q.greedyAction(in: state, using: &generator)
                let t = maze.step(from: state, action: action, using: &generator)
                q.learn(state, action, t, settings: settings)
                model.record(state: state, action: action, transition: t)
                for _ in 0..<settings.planningSteps {
                    let replay = model.samplePair(using: &generator)!
                    q.learn(replay.state, replay.action, replay.transition, settings: settings)
                }
                updates += 1 + settings.planningSteps
                if t.isTerminal { break }
                state = t.nextState
            }
            if let path = maze.greedyPathLength(q), Double(path) <= target { break }
        }
        return updates
    }
}
