import Randomness

/// A table of action values Q(s, a), stored row by row.
public struct ActionValues: Equatable, Sendable, Codable {
    /// The number of states.
    public let stateCount: Int
    /// The number of actions per state.
    public let actionCount: Int
    /// The values, `values[state * actionCount + action]`.
    public private(set) var values: [Double]

    /// A table of zeros.
    public init(stateCount: Int, actionCount: Int) {
        self.stateCount = stateCount
        self.actionCount = actionCount
        values = [Double](repeating: 0, count: stateCount * actionCount)
    }

    /// Q(state, action).
    public subscript(state: Int, action: Int) -> Double {
        get { values[state * actionCount + action] }
        set { values[state * actionCount + action] = newValue }
    }

    /// Q of the pair with index `state * actionCount + action`.
    @inline(__always)
    public func value(pair: Int) -> Double { values[pair] }

    /// The largest value in `state`.
    public func maxValue(in state: Int) -> Double {
        let base = state * actionCount
        var best = values[base]
        for a in 1..<actionCount where values[base + a] > best { best = values[base + a] }
        return best
    }

    /// An action of largest value in `state`, ties broken uniformly at random.
    public func greedyAction<G: RandomNumberGenerator>(in state: Int, using generator: inout G) -> Int {
        let base = state * actionCount
        var best = values[base]
        var ties = 1
        var choice = 0
        for a in 1..<actionCount {
            let v = values[base + a]
            if v > best {
                best = v
                ties = 1
                choice = a
            } else if v == best {
                ties += 1
                // Reservoir sampling keeps each tied action with probability 1/ties.
                if generator.uniformIndex(below: ties) == 0 { choice = a }
            }
        }
        return choice
    }

    /// The first action of largest value in `state` (no randomness), for drawing policies.
    public func firstGreedyAction(in state: Int) -> Int {
        let base = state * actionCount
        var choice = 0
        for a in 1..<actionCount where values[base + a] > values[base + choice] { choice = a }
        return choice
    }
}

extension ActionValues {
    /// The one-step Q-learning update on a transition, real or replayed:
    /// Q(s,a) += alpha * (r + gamma * max Q(s') - Q(s,a)), without bootstrapping past a terminal state.
    @inline(__always)
    public mutating func learn(_ state: Int, _ action: Int, _ transition: Transition, settings: DynaQSettings) {
        let bootstrap = transition.isTerminal ? 0 : settings.discount * maxValue(in: transition.nextState)
        self[state, action] += settings.stepSize * (transition.reward + bootstrap - self[state, action])
    }
}
