import AlphaZero
import Dispatch
import Foundation
import Games
import Randomness
import Search

/// One evaluated checkpoint of the tic-tac-toe run.
struct CheckpointReport: Codable, Sendable {
    var iteration: Int
    /// Fraction of the 4,520 non-terminal positions where the raw policy's top move is optimal.
    var rawOptimal: Double
    /// The same with PUCT search on top of the network.
    var searchOptimal: Double
    /// The searching network against its own raw policy.
    var searchAgainstRaw: Arena.Score
}

/// The whole tabula-rasa tic-tac-toe run and its evaluation.
struct TicTacToeRun: Codable, Sendable {
    var settings: TrainingSettings
    var records: [IterationRecord]
    var checkpoints: [CheckpointReport]
    /// Elo of each evaluated checkpoint from a round robin (the first at 0).
    var elo: [Double]
    /// The final agent (network and search) against the perfect player, as first and as second.
    var againstSolverFirst: Arena.Score
    var againstSolverSecond: Arena.Score
    /// The final network in the weights file format (version 1), base64.
    var weights: String
}

/// The wall-clock cost of the same training run.
struct TrainingTime: Codable, Sendable {
    var seconds: Double
    var positions: Int
}

/// The computations of the `alphazero` chapter.
enum AlphaZeroLab {
    static let solver = TicTacToeSolver()
    /// PUCT simulations of the agent when it plays (evaluation, arena, solver games).
    static let playSimulations = 25
    /// Checkpoints evaluated (iteration numbers; 0 is the untrained network).
    static let evaluated = [0, 1, 2, 3, 4, 6, 8, 12, 16, 20]

    /// Trains and evaluates; `seed` names the training run.
    static func ticTacToeRun(seed: UInt64, using generator: inout Xoshiro256StarStar) -> TicTacToeRun {
        var trainer = AlphaZeroTrainer<TicTacToe>(settings: .ticTacToe, seed: seed)
        trainer.train()
        let positions = solver.nonTerminalPositions
        let optimal = positions.map { solver.optimalMoves($0) }
        var reports = [CheckpointReport]()
        for iteration in evaluated {
            let network = trainer.checkpoints[iteration]
            var raw = NetworkAgent<TicTacToe>(network: network, simulations: 0)
            var searching = NetworkAgent<TicTacToe>(network: network, simulations: playSimulations)
            var rawGood = 0
            var searchGood = 0
            for (position, best) in zip(positions, optimal) {
                if best.contains(raw.move(position, using: &generator)) { rawGood += 1 }
                if best.contains(searching.move(position, using: &generator)) { searchGood += 1 }
            }
            let head = Arena.match(TicTacToe.self, a: { searching.move($0, using: &$1) }, b: { raw.move($0, using: &$1) }, pairs: 20, openingPlies: 1, using: &generator)
            reports.append(CheckpointReport(iteration: iteration, rawOptimal: Double(rawGood) / Double(positions.count),
                                            searchOptimal: Double(searchGood) / Double(positions.count), searchAgainstRaw: head))
        }
        let elo = roundRobin(evaluated.map { trainer.checkpoints[$0] }, using: &generator)
        var final = NetworkAgent<TicTacToe>(network: trainer.network, simulations: playSimulations)
        let perfect: (TicTacToe, inout Xoshiro256StarStar) -> Int = { position, g in solver.optimalMoves(position).randomElement(drawing: &g) }
        var asFirst = Arena.Score()
        var asSecond = Arena.Score()
        for _ in 0..<50 {
            asFirst.record(Match.play(TicTacToe.self, first: { final.move($0, using: &$1) }, second: perfect, using: &generator).value(for: .first))
            asSecond.record(Match.play(TicTacToe.self, first: perfect, second: { final.move($0, using: &$1) }, using: &generator).value(for: .second))
        }
        return TicTacToeRun(settings: .ticTacToe, records: trainer.history, checkpoints: reports, elo: elo,
                            againstSolverFirst: asFirst, againstSolverSecond: asSecond, weights: Data(WeightsFile.encode(trainer.network)).base64EncodedString())
    }

    /// Elo ratings of networks (with search) from a round robin of 5 pairs of games per pairing.
    static func roundRobin(_ networks: [PolicyValueNetwork], using generator: inout Xoshiro256StarStar) -> [Double] {
        let n = networks.count
        var agents = networks.map { NetworkAgent<TicTacToe>(network: $0, simulations: playSimulations) }
        var scores = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var games = scores
        for i in 0..<n {
            for j in (i + 1)..<n {
                var a = agents[i]
                var b = agents[j]
                let score = Arena.match(TicTacToe.self, a: { a.move($0, using: &$1) }, b: { b.move($0, using: &$1) }, pairs: 5, openingPlies: 1, using: &generator)
                agents[i] = a
                agents[j] = b
                scores[i][j] = Double(score.wins) + Double(score.draws) / 2
                scores[j][i] = Double(score.losses) + Double(score.draws) / 2
                games[i][j] = Double(score.games)
                games[j][i] = Double(score.games)
            }
        }
        return EloRatings.fit(scores: scores, games: games)
    }

    /// The same training run, timed on all cores.
    static func ticTacToeTime(seed: UInt64) -> TrainingTime {
        var trainer = AlphaZeroTrainer<TicTacToe>(settings: .ticTacToe, seed: seed)
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.train()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return TrainingTime(seconds: seconds, positions: trainer.history.map(\.positions).reduce(0, +))
    }
}
