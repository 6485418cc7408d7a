import Games
import Randomness

/// Plays whole games between two move-choosing functions.
public enum Match {
    /// Plays `first` against `second` from the start; returns the outcome.
    public static func play<Game: TwoPlayerGame, G: RandomNumberGenerator>(
        _ game: Game.Type, first: (Game, inout G) -> Game.Move, second: (Game, inout G) -> Game.Move, using generator: inout G
    ) -> GameOutcome {
        var position = Game.initial
        while true {
            if let outcome = position.outcome { return outcome }
            let move = position.currentPlayer == .first ? first(position, &generator) : second(position, &generator)
            position.play(move)
        }
    }
}

extension MCTS where Policy == UCT, Eval == RandomRollout<Game> {
    /// The move UCT with random rollouts chooses after `simulations` simulations from `position`.
    public static func chooseMove<G: RandomNumberGenerator>(
        in position: Game, simulations: Int, exploration: Double = 2.0.squareRoot(), rule: FinalMoveRule = .mostVisits, using generator: inout G
    ) -> Game.Move {
        var search = MCTS(position: position, policy: UCT(exploration: exploration), evaluator: RandomRollout<Game>())
        search.search(simulations: simulations, using: &generator)
        return search.bestMove(rule)!
    }
}

extension Array {
    /// A uniformly random element (the array must not be empty).
    public func randomElement<G: RandomNumberGenerator>(drawing generator: inout G) -> Element {
        self[generator.uniformIndex(below: count)]
    }
}
