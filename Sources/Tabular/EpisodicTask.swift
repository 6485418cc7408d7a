/// One step of an environment: the reward for the move and the state it led to.
public struct Transition: Equatable, Sendable {
    /// The reward received on the move.
    public var reward: Double
    /// The state the move led to.
    public var nextState: Int
    /// Whether `nextState` ends the episode.
    public var isTerminal: Bool

    /// Creates a transition.
    public init(reward: Double, nextState: Int, isTerminal: Bool) {
        self.reward = reward
        self.nextState = nextState
        self.isTerminal = isTerminal
    }
}

/// An episodic task with finitely many states and actions, numbered from zero.
public protocol EpisodicTask: Sendable {
    /// The number of states; states are `0..<stateCount`.
    var stateCount: Int { get }
    /// The number of actions available in every state; actions are `0..<actionCount`.
    var actionCount: Int { get }
    /// The state every episode starts from.
    var startState: Int { get }
    /// Takes `action` in `state`, drawing any randomness of the environment from `generator`.
    func step<G: RandomNumberGenerator>(from state: Int, action: Int, using generator: inout G) -> Transition
}
