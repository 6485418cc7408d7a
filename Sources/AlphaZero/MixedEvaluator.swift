import Games
import Randomness
import Search

/// AlphaGo's leaf evaluation: the network's priors, and a value that mixes the value head with
/// the result of one random rollout, (1 − λ) v + λ z. AlphaGo used λ = 0.5; AlphaZero dropped the
/// rollout (λ = 0).
public struct MixedEvaluator<Game: NeuralGame & RandomPlayout>: Evaluator {
    /// The network part, with its memo.
    public private(set) var network: NetworkEvaluator<Game>
    /// λ, the rollout's weight in [0, 1].
    public let mixing: Double
    private var rollout = RandomRollout<Game>()

    /// Mixes `network`'s value with rollouts at weight `mixing`.
    public init(network: NetworkEvaluator<Game>, mixing: Double) {
        precondition((0...1).contains(mixing), "the rollout weight must lie in [0, 1]")
        self.network = network
        self.mixing = mixing
    }

    public mutating func evaluate<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> (value: Double, priors: [Double]?) {
        let (value, priors) = network.evaluate(position, using: &generator)
        guard mixing > 0 else { return (value, priors) }
        let z = rollout.evaluate(position, using: &generator).value
        return ((1 - mixing) * value + mixing * z, priors)
    }
}

/// A network that plays with PUCT search and AlphaGo's mixed leaf evaluation.
public struct MixedAgent<Game: NeuralGame & RandomPlayout> {
    /// The search budget per move.
    public let simulations: Int
    private var evaluator: MixedEvaluator<Game>

    /// An agent for `network` whose leaves mix value and rollout at weight `mixing`.
    public init(network: PolicyValueNetwork, simulations: Int, mixing: Double) {
        self.simulations = simulations
        evaluator = MixedEvaluator(network: NetworkEvaluator(network: network), mixing: mixing)
    }

    /// The agent's move in `position` (most visits).
    public mutating func move<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> Int {
        var tree = MCTS(position: position, policy: PUCT(exploration: 1.5), evaluator: evaluator)
        tree.search(simulations: simulations, using: &generator)
        evaluator = tree.evaluator
        return tree.bestMove(.mostVisits)!
    }
}
