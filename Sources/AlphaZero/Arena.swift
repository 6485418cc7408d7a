import Dispatch
import Foundation
import Games
import Randomness
import Synchronization

/// A network that plays: its raw policy (`simulations == 0`) or PUCT search with that many
/// simulations, keeping its evaluation memo from move to move.
public struct NetworkAgent<Game: NeuralGame> {
    /// The search budget per move (0: the raw policy's most probable move).
    public let simulations: Int
    private var evaluator: NetworkEvaluator<Game>

    /// An agent for `network`.
    public init(network: PolicyValueNetwork, simulations: Int) {
        self.simulations = simulations
        evaluator = NetworkEvaluator(network: network)
    }

    /// The agent's move in `position`.
    public mutating func move<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> Int {
        AlphaZeroPlayer.move(position, evaluator: &evaluator, simulations: simulations, using: &generator)
    }
}

/// Matches between two players, seats alternating, each pair of games from the same random
/// opening so that neither side profits from an unbalanced start.
public enum Arena {
    /// The result of a match, from the first-named player's side.
    public struct Score: Codable, Hashable, Sendable {
        /// Games won, drawn and lost.
        public var wins = 0
        public var draws = 0
        public var losses = 0
        /// Games played.
        public var games: Int { wins + draws + losses }
        /// Wins plus half the draws, per game.
        public var fraction: Double { games == 0 ? 0.5 : (Double(wins) + Double(draws) / 2) / Double(games) }

        /// An empty score.
        public init() {}

        /// Counts one game by its result for the player scored: 1 a win, 0 a draw, -1 a loss.
        public mutating func record(_ result: Double) {
            if result > 0 { wins += 1 } else if result == 0 { draws += 1 } else { losses += 1 }
        }
    }

    /// Plays `pairs` pairs of games between `a` and `b`, each pair from one opening of
    /// `openingPlies` uniformly random moves, `a` first in one game and second in the other.
    public static func match<Game: TwoPlayerGame, G: RandomNumberGenerator>(
        _ game: Game.Type, a: (Game, inout G) -> Game.Move, b: (Game, inout G) -> Game.Move, pairs: Int, openingPlies: Int, using generator: inout G
    ) -> Score {
        var score = Score()
        for _ in 0..<pairs { score.add(pair(Game.self, a: a, b: b, openingPlies: openingPlies, using: &generator)) }
        return score
    }

    /// `match` with the pairs shared among `workers` threads. Each pair draws from its own stream,
    /// named by `seed` and the pair's number, and each thread makes its own players with `a` and
    /// `b` (players that keep state, such as an evaluation memo, are not shared), so the score is
    /// the same for any number of workers.
    public static func parallelMatch<Game: TwoPlayerGame>(
        _ game: Game.Type, a: @Sendable () -> (Game, inout Xoshiro256StarStar) -> Game.Move, b: @Sendable () -> (Game, inout Xoshiro256StarStar) -> Game.Move,
        pairs: Int, openingPlies: Int, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Score {
        let results = Mutex([Score](repeating: Score(), count: pairs))
        let workers = max(1, min(workers, pairs))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let (playerA, playerB) = (a(), b())
            for index in Swift.stride(from: worker, to: pairs, by: workers) {
                var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["pair", String(index)]))
                let played = pair(Game.self, a: playerA, b: playerB, openingPlies: openingPlies, using: &generator)
                results.withLock { $0[index] = played }
            }
        }
        var score = Score()
        for result in results.withLock({ $0 }) { score.add(result) }
        return score
    }

    /// One pair of games from a random opening, `a` first in the first game.
    private static func pair<Game: TwoPlayerGame, G: RandomNumberGenerator>(
        _ game: Game.Type, a: (Game, inout G) -> Game.Move, b: (Game, inout G) -> Game.Move, openingPlies: Int, using generator: inout G
    ) -> Score {
        var score = Score()
        var opening = Game.initial
        opening.playRandomOpening(plies: openingPlies, using: &generator)
        for aFirst in [true, false] {
            var position = opening
            while position.outcome == nil {
                let aToMove = (position.currentPlayer == .first) == aFirst
                position.play(aToMove ? a(position, &generator) : b(position, &generator))
            }
            score.record(position.outcome!.value(for: aFirst ? .first : .second))
        }
        return score
    }
}

extension Arena.Score {
    /// Adds another score's games to this one.
    public mutating func add(_ other: Arena.Score) {
        wins += other.wins
        draws += other.draws
        losses += other.losses
    }
}
