import Foundation
import Games
import Randomness
import Search

/// How self-play searches and picks moves.
public struct SelfPlaySettings: Codable, Hashable, Sendable {
    /// PUCT simulations per move.
    public var simulations: Int
    /// PUCT's exploration constant.
    public var exploration: Double
    /// Dirichlet noise parameter at the root.
    public var dirichletAlpha: Double
    /// Share of the noise in the root priors.
    public var noiseFraction: Double
    /// Moves played in proportion to visit counts (temperature 1); later moves follow
    /// `lateTemperature`.
    public var exploratoryMoves: Int
    /// The temperature τ after the exploratory moves: a move is drawn with probability in
    /// proportion to visits^(1/τ), and τ = 0 takes the most visited child. A small positive τ
    /// keeps self-play games apart to the end, so the value head sees more varied endgames.
    public var lateTemperature: Double
    /// The share of the root's search value q in each example's value target, the rest being the
    /// game's result z: 0 trains on z alone (AlphaZero), 1/2 on (z + q) / 2, which is less noisy
    /// when exploratory moves decide the result.
    public var searchValueShare: Double
    /// The most uniformly random moves a game opens with: each game first plays a number of them
    /// drawn uniformly from 0 to this, unsearched and not kept as examples. The network then
    /// also learns positions its own play avoids, such as those after a weak first move.
    public var randomOpeningPlies: Int

    /// Creates settings.
    public init(
        simulations: Int, exploration: Double = 1.5, dirichletAlpha: Double, noiseFraction: Double = 0.25, exploratoryMoves: Int, lateTemperature: Double = 0,
        searchValueShare: Double = 0, randomOpeningPlies: Int = 0
    ) {
        self.lateTemperature = lateTemperature
        self.searchValueShare = searchValueShare
        self.randomOpeningPlies = randomOpeningPlies
        self.simulations = simulations
        self.exploration = exploration
        self.dirichletAlpha = dirichletAlpha
        self.noiseFraction = noiseFraction
        self.exploratoryMoves = exploratoryMoves
    }
}

/// One training example: a position, the search's visit shares and the value target (the game's
/// final result, possibly mixed with the search's value), all from the view of the player to move.
public struct TrainingExample: Sendable {
    /// The encoded position.
    public var input: [Float]
    /// Visit shares over `policySize` moves.
    public var policy: [Float]
    /// Legal-move mask.
    public var legal: [Float]
    /// The value target for the player to move, in [-1, 1] (the result 1, 0 or -1 when
    /// `searchValueShare` is 0).
    public var value: Float
}

/// Self-play and play with a network.
public enum AlphaZeroPlayer {
    /// A PUCT search from `position` guided by `evaluator`.
    public static func search<Game: NeuralGame, G: RandomNumberGenerator>(
        _ position: Game, evaluator: NetworkEvaluator<Game>, simulations: Int, exploration: Double, noise: (alpha: Double, fraction: Double)?, using generator: inout G
    ) -> MCTS<Game, PUCT, NetworkEvaluator<Game>> {
        var tree = MCTS(position: position, policy: PUCT(exploration: exploration), evaluator: evaluator)
        if let noise {
            let count = position.legalMoves.count
            tree.mixRootPriors(with: generator.dirichlet(alpha: noise.alpha, count: count), fraction: noise.fraction, using: &generator)
        }
        tree.search(simulations: max(0, simulations - tree.statistics.selections), using: &generator)
        return tree
    }

    /// The move of the network with `simulations` PUCT simulations (most visits), or of its raw
    /// policy when `simulations` is 0.
    public static func move<Game: NeuralGame, G: RandomNumberGenerator>(
        _ position: Game, evaluator: inout NetworkEvaluator<Game>, simulations: Int, exploration: Double = 1.5, using generator: inout G
    ) -> Int {
        if simulations == 0 { return evaluator.greedyMove(position) }
        let tree = search(position, evaluator: evaluator, simulations: simulations, exploration: exploration, noise: nil, using: &generator)
        evaluator = tree.evaluator
        return tree.bestMove(.mostVisits)!
    }

    /// One game of self-play; returns its examples and the outcome.
    public static func selfPlayGame<Game: NeuralGame, G: RandomNumberGenerator>(
        evaluator: inout NetworkEvaluator<Game>, settings: SelfPlaySettings, using generator: inout G
    ) -> (examples: [TrainingExample], outcome: GameOutcome) {
        var position = Game.initial
        let openingPlies = settings.randomOpeningPlies > 0 ? generator.uniformIndex(below: settings.randomOpeningPlies + 1) : 0
        position.playRandomOpening(plies: openingPlies, using: &generator)
        var records = [(input: [Float], policy: [Float], legal: [Float], player: Player, searchValue: Double)]()
        // Plies played by search: the exploratory ones count from the first searched move.
        var ply = 0
        while position.outcome == nil {
            let tree = search(position, evaluator: evaluator, simulations: settings.simulations, exploration: settings.exploration,
                              noise: (settings.dirichletAlpha, settings.noiseFraction), using: &generator)
            evaluator = tree.evaluator
            let children = tree.rootChildren
            let total = Double(children.map(\.visits).reduce(0, +))
            var policy = [Float](repeating: 0, count: Game.policySize)
            for child in children { policy[child.move] = Float(Double(child.visits) / total) }
            // The root's sum is kept for the player who moved into it, the mover's opponent.
            let searchValue = -tree.nodes[0].valueSum / Double(max(1, tree.nodes[0].visits))
            records.append((position.encoded, policy, position.legalMask, position.currentPlayer, searchValue))
            let temperature = ply < settings.exploratoryMoves ? 1 : settings.lateTemperature
            position.play(temperature > 0 ? sampledMove(children.map { ($0.move, $0.visits) }, temperature: temperature, using: &generator) : tree.bestMove(.mostVisits)!)
            ply += 1
        }
        let outcome = position.outcome!
        let share = settings.searchValueShare
        let examples = records.map { record in
            let target = (1 - share) * outcome.value(for: record.player) + share * record.searchValue
            return TrainingExample(input: record.input, policy: record.policy, legal: record.legal, value: Float(target))
        }
        return (examples, outcome)
    }

    /// A move drawn with probability in proportion to visits^(1/temperature) (temperature > 0).
    public static func sampledMove<G: RandomNumberGenerator>(
        _ children: [(move: Int, visits: Int)], temperature: Double, using generator: inout G
    ) -> Int {
        let weights = children.map { temperature == 1 ? Double($0.visits) : pow(Double($0.visits), 1 / temperature) }
        var pick = generator.uniformUnit() * weights.reduce(0, +)
        for (child, weight) in zip(children, weights) {
            pick -= weight
            if pick < 0 { return child.move }
        }
        return children.last!.move
    }
}
