import Randomness

/// The tabular model of Dyna-Q: for every state-action pair tried so far, the last reward and
/// next state observed. In a deterministic environment this is the exact model once a pair is seen.
public struct DeterministicModel: Sendable {
    private var outcome: [Transition?]
    private var observedPairs: [Int] = []
    private let actionCount: Int

    /// An empty model of a task with the given numbers of states and actions.
    public init(stateCount: Int, actionCount: Int) {
        self.actionCount = actionCount
        outcome = [Transition?](repeating: nil, count: stateCount * actionCount)
    }

    /// The number of distinct state-action pairs observed.
    public var observedCount: Int { observedPairs.count }

    /// Records that `action` in `state` gave `transition`.
    public mutating func record(state: Int, action: Int, transition: Transition) {
        let index = state * actionCount + action
        if outcome[index] == nil { observedPairs.append(index) }
        outcome[index] = transition
    }

    /// The recorded outcome of `action` in `state`, if any.
    public func outcome(state: Int, action: Int) -> Transition? {
        outcome[state * actionCount + action]
    }

    /// The recorded outcome of the pair with index `state * actionCount + action`, if any.
    @inline(__always)
    public func outcome(pair: Int) -> Transition? {
        outcome[pair]
    }

    /// A previously observed pair chosen uniformly at random, with its recorded outcome.
    public func samplePair<G: RandomNumberGenerator>(using generator: inout G) -> (state: Int, action: Int, transition: Transition)? {
        guard !observedPairs.isEmpty else { return nil }
        let index = observedPairs[generator.uniformIndex(below: observedPairs.count)]
        return (index / actionCount, index % actionCount, outcome[index]!)
    }
}
