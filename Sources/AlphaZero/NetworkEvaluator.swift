import Games
import Search

/// Evaluations already made, shared by every copy of an evaluator (searches copy their
/// evaluator; a value-type dictionary would be copied whole on every move).
final class EvaluationMemo<Game: NeuralGame> {
    var values: [Game: (Double, [Double])] = [:]
    var evaluations = 0
}

/// The network as MCTS's evaluator: the value head values a leaf and the policy head gives the
/// priors of its moves. Evaluations are memoised per position, since the network does not change
/// during a search (nor, in self-play, during an iteration's games). Copies share the memo, so an
/// evaluator belongs to one thread.
public struct NetworkEvaluator<Game: NeuralGame>: Evaluator {
    /// The network.
    public let network: PolicyValueNetwork
    private let memo = EvaluationMemo<Game>()
    /// Network evaluations made (memo misses).
    public var evaluations: Int { memo.evaluations }

    /// An evaluator for `network`.
    public init(network: PolicyValueNetwork) {
        self.network = network
    }

    public mutating func evaluate<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> (value: Double, priors: [Double]?) {
        if let known = memo.values[position] { return (known.0, known.1) }
        let (policy, values) = network.predict(position.encoded, legal: position.legalMask, batch: 1)
        let priors = position.legalMoves.map { Double(policy[$0]) }
        memo.evaluations += 1
        memo.values[position] = (Double(values[0]), priors)
        return (Double(values[0]), priors)
    }

    /// The raw policy's most probable legal move (no search).
    public func greedyMove(_ position: Game) -> Int {
        let (policy, _) = network.predict(position.encoded, legal: position.legalMask, batch: 1)
        return position.legalMoves.max { policy[$0] < policy[$1] }!
    }
}
