import Games
import Search

/// The network as MCTS's evaluator: the value head values a leaf and the policy head gives the
/// priors of its moves. Evaluations are memoised per position, since the network does not change
/// during a search (nor, in self-play, during an iteration's games).
public struct NetworkEvaluator<Game: NeuralGame>: Evaluator {
    /// The network.
    public let network: PolicyValueNetwork
    private var memo: [Game: (Double, [Double])] = [:]
    /// Network evaluations made (memo misses).
    public private(set) var evaluations = 0

    /// An evaluator for `network`.
    public init(network: PolicyValueNetwork) {
        self.network = network
    }

    public mutating func evaluate<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> (value: Double, priors: [Double]?) {
        if let known = memo[position] { return (known.0, known.1) }
        let (policy, values) = network.predict(position.encoded, legal: position.legalMask, batch: 1)
        let priors = position.legalMoves.map { Double(policy[$0]) }
        evaluations += 1
        memo[position] = (Double(values[0]), priors)
        return (Double(values[0]), priors)
    }

    /// The raw policy's most probable legal move (no search).
    public func greedyMove(_ position: Game) -> Int {
        let (policy, _) = network.predict(position.encoded, legal: position.legalMask, batch: 1)
        return position.legalMoves.max { policy[$0] < policy[$1] }!
    }
}
