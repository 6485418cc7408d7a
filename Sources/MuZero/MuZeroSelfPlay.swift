import AlphaZero
import Foundation
import Games
import Randomness
import Search

/// How MuZero's self-play searches and picks moves.
public struct MuZeroSelfPlaySettings: Codable, Hashable, Sendable {
    /// Simulations per move in the learned model.
    public var simulations: Int
    /// PUCT's exploration constant.
    public var exploration: Double
    /// Dirichlet noise parameter at the root.
    public var dirichletAlpha: Double
    /// Share of the noise in the root priors.
    public var noiseFraction: Double
    /// Searched moves played in proportion to visit counts; later ones follow `lateTemperature`.
    public var exploratoryMoves: Int
    /// The temperature after the exploratory moves (0 takes the most visited action).
    public var lateTemperature: Double
    /// The most uniformly random moves a game opens with (drawn from 0 to this, not kept).
    public var randomOpeningPlies: Int

    /// Creates settings.
    public init(simulations: Int, exploration: Double = 1.5, dirichletAlpha: Double, noiseFraction: Double = 0.25, exploratoryMoves: Int, lateTemperature: Double = 0, randomOpeningPlies: Int = 0) {
        self.simulations = simulations
        self.exploration = exploration
        self.dirichletAlpha = dirichletAlpha
        self.noiseFraction = noiseFraction
        self.exploratoryMoves = exploratoryMoves
        self.lateTemperature = lateTemperature
        self.randomOpeningPlies = randomOpeningPlies
    }
}

/// One self-play game as MuZero trains on it: at every searched ply the observation, the
/// action taken, the search's visit shares and value, and the reward of the action.
public struct GameRecord: Sendable {
    /// The encoded positions, from the view of the player to move.
    public var observations: [[Float]]
    /// The action taken at each ply.
    public var actions: [Int]
    /// The search's visit shares at each ply, over every action.
    public var policies: [[Float]]
    /// The search's value of each position, for the player to move.
    public var searchValues: [Float]
    /// The reward of each action for the player taking it: 1 if it won the game, else 0.
    public var rewards: [Float]
    /// How the game ended.
    public var outcome: GameOutcome

    /// Plies recorded.
    public var length: Int { actions.count }

    /// The value target of ply `t` for the player to move there: the rewards of the next
    /// `tdSteps` actions, alternately for and against that player, then the search value
    /// `tdSteps` plies later with the matching sign if the game has not ended by then; 0 past
    /// the end. Board games use a horizon past the end, which gives the final result.
    public func valueTarget(at t: Int, tdSteps: Int) -> Float {
        guard t < length else { return 0 }
        var target: Float = 0
        var sign: Float = 1
        for i in 0..<tdSteps {
            guard t + i < length else { return target }
            target += sign * rewards[t + i]
            sign = -sign
        }
        return t + tdSteps < length ? target + sign * searchValues[t + tdSteps] : target
    }
}

/// Self-play with MuZero's model.
public enum MuZeroPlayer {
    /// A search in the learned model from `position`, with optional Dirichlet noise at the root.
    public static func search<Game: NeuralGame, G: RandomNumberGenerator>(
        _ position: Game, network: MuZeroNetwork, simulations: Int, exploration: Double, noise: (alpha: Double, fraction: Double)?, using generator: inout G
    ) -> LatentSearch<PUCT> {
        let legal = position.legalMoves
        var tree = LatentSearch(network: network, observation: position.encoded, legalActions: legal, policy: PUCT(exploration: exploration))
        if let noise { tree.mixRootPriors(with: generator.dirichlet(alpha: noise.alpha, count: legal.count), fraction: noise.fraction) }
        tree.search(simulations: simulations)
        return tree
    }

    /// The move with `simulations` simulations in the learned model (most visits), or of the
    /// raw policy (the legal action of highest prior) when `simulations` is 0.
    public static func move<Game: NeuralGame, G: RandomNumberGenerator>(
        _ position: Game, network: MuZeroNetwork, simulations: Int, exploration: Double = 1.5, using generator: inout G
    ) -> Int {
        let tree = search(position, network: network, simulations: simulations, exploration: exploration, noise: nil, using: &generator)
        if simulations == 0 { return tree.rootChildren.max { $0.prior < $1.prior || ($0.prior == $1.prior && $0.action > $1.action) }!.action }
        return tree.mostVisitedAction!
    }

    /// One game of self-play.
    public static func selfPlayGame<Game: NeuralGame, G: RandomNumberGenerator>(
        _ type: Game.Type, network: MuZeroNetwork, settings: MuZeroSelfPlaySettings, using generator: inout G
    ) -> GameRecord {
        var position = Game.initial
        let openingPlies = settings.randomOpeningPlies > 0 ? generator.uniformIndex(below: settings.randomOpeningPlies + 1) : 0
        position.playRandomOpening(plies: openingPlies, using: &generator)
        var record = GameRecord(observations: [], actions: [], policies: [], searchValues: [], rewards: [], outcome: .draw)
        while position.outcome == nil {
            let tree = search(position, network: network, simulations: settings.simulations, exploration: settings.exploration,
                              noise: (settings.dirichletAlpha, settings.noiseFraction), using: &generator)
            let children = tree.rootChildren
            let total = Double(max(1, children.map(\.visits).reduce(0, +)))
            var policy = [Float](repeating: 0, count: Game.policySize)
            for child in children { policy[child.action] = Float(Double(child.visits) / total) }
            let temperature = record.length < settings.exploratoryMoves ? 1 : settings.lateTemperature
            let action = temperature > 0
                ? AlphaZeroPlayer.sampledMove(children.map { ($0.action, $0.visits) }, temperature: temperature, using: &generator)
                : tree.mostVisitedAction!
            let mover = position.currentPlayer
            record.observations.append(position.encoded)
            record.policies.append(policy)
            record.searchValues.append(Float(tree.searchValue))
            record.actions.append(action)
            position.play(action)
            record.rewards.append(position.outcome == .win(mover) ? 1 : 0)
        }
        record.outcome = position.outcome!
        return record
    }
}
