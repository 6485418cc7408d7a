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
        var predecessors: PredecessorTable
        var updates = 0

        init(agent: PrioritizedSweeping, maze: GridMaze) {
            self.agent = agent
            self.maze = maze
            q = ActionValues(stateCount: maze.stateCount, actionCount: maze.actionCount)
            model = DeterministicModel(stateCount: maze.stateCount, actionCount: maze.actionCount)
            queue = IndexedPriorityQueue(capacity: maze.stateCount * maze.actionCount)
            // In a grid a state is entered from its four neighbours or from itself (blocked moves).
            predecessors = PredecessorTable(states: maze.stateCount, capacity: 2 * maze.actionCount)
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
                if model.outcome(state: state, action: action) == nil { predecessors.add(state * actions + action, to: t.nextState) }
                model.record(state: state, action: action, transition: t)
                // The real step is a direct update; then the queue is worked.
                let p = priority(state, action, t)
                update(state, action, t)
                if p > agent.threshold { queue.insert(state * actions + action, priority: p) }
                _ = workQueue(limit: agent.settings.planningSteps)
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

extension PrioritizedSweeping {
    /// Planning alone on a model that already knows every move of `maze`: the queue starts with
    /// the moves into the goal and is worked until `updates` model updates are done (starting
    /// again from zero values whenever it empties). Returns the updates done; it measures the
    /// planning machinery (queue, predecessors, updates) without acting.
    public func planWithKnownModel(_ maze: GridMaze, updates: Int) -> Int {
        var learner = Learner(agent: self, maze: maze)
        let actions = maze.actionCount
        var generator = SplitMix64(seed: 0)
        for state in 0..<maze.stateCount where !maze.isWall(maze.cell(of: state)) && state != maze.goalState {
            for action in 0..<actions {
                let t = maze.step(from: state, action: action, using: &generator)
                learner.model.record(state: state, action: action, transition: t)
                learner.predecessors.add(state * actions + action, to: t.nextState)
            }
        }
        var done = 0
        while done < updates {
            learner.q = ActionValues(stateCount: maze.stateCount, actionCount: actions)
            learner.predecessors.forEach(of: maze.goalState) { learner.queue.insert($0, priority: 1) }
            done += learner.workQueue(limit: updates - done)
        }
        return done
    }
}

extension PrioritizedSweeping.Learner {
    /// Pops and updates up to `limit` pairs, queueing their predecessors; returns the updates done.
    mutating func workQueue(limit: Int) -> Int {
        let actions = maze.actionCount
        var planned = 0
        while planned < limit, let top = queue.popMax() {
            let (s, a) = (top.item / actions, top.item % actions)
            update(s, a, model.outcome(state: s, action: a)!)
            planned += 1
            // Every predecessor bootstraps from the same max Q(s): compute it once.
            let target = agent.settings.discount * q.maxValue(in: s)
            let threshold = agent.threshold
            predecessors.forEach(of: s) { pair in
                let outcome = model.outcome(pair: pair)!
                let bootstrap = outcome.isTerminal ? 0 : target
                let priority = abs(outcome.reward + bootstrap - q.value(pair: pair))
                if priority > threshold { queue.insert(pair, priority: priority) }
            }
        }
        return planned
    }
}

extension DynaQ {
    /// Planning alone on a model that already knows every move of `maze`: `updates` Q-learning
    /// updates on pairs drawn uniformly from the model. Returns the updates done.
    public func planWithKnownModel<G: RandomNumberGenerator>(_ maze: GridMaze, updates: Int, using generator: inout G) -> Int {
        var q = ActionValues(stateCount: maze.stateCount, actionCount: maze.actionCount)
        var model = DeterministicModel(stateCount: maze.stateCount, actionCount: maze.actionCount)
        for state in 0..<maze.stateCount where !maze.isWall(maze.cell(of: state)) && state != maze.goalState {
            for action in 0..<maze.actionCount {
                model.record(state: state, action: action, transition: maze.step(from: state, action: action, using: &generator))
            }
        }
        for _ in 0..<updates {
            let replay = model.samplePair(using: &generator)!
            q.learn(replay.state, replay.action, replay.transition, settings: settings)
        }
        return updates
    }
}

/// The (state, action) pairs known to lead into each state, in one flat array with a fixed number
/// of slots per state (no per-state arrays to allocate, retain or chase).
struct PredecessorTable {
    private var slots: [Int]
    private var counts: [Int]
    private let capacity: Int

    init(states: Int, capacity: Int) {
        self.capacity = capacity
        slots = [Int](repeating: 0, count: states * capacity)
        counts = [Int](repeating: 0, count: states)
    }

    mutating func add(_ pair: Int, to state: Int) {
        precondition(counts[state] < capacity, "more predecessors than a grid state can have")
        slots[state * capacity + counts[state]] = pair
        counts[state] += 1
    }

    @inline(__always)
    func forEach(of state: Int, _ body: (Int) -> Void) {
        let base = state * capacity
        for k in 0..<counts[state] { body(slots[base + k]) }
    }
}
