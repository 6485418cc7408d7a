import AlphaZero
import ArgumentParser
import Foundation
import Games
import Randomness
import Search

/// Network forward passes, training examples per second and self-play positions per second.
struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero", abstract: "Network, training and self-play speed.")

    func run() {
        var generator = Xoshiro256StarStar(seed: 9)
        for (name, shape) in [("tic-tac-toe", NetworkShape(inputs: TicTacToe.inputSize, hidden: [64, 64], moves: 9)),
                              ("Connect Four", NetworkShape(inputs: ConnectFour.inputSize, hidden: TrainingSettings.connectFour(iterations: 1).hidden, moves: 7))] {
            let network = PolicyValueNetwork(shape: shape, using: &generator)
            for batch in [1, 64] {
                let input = (0..<(batch * shape.inputs)).map { _ in Float(generator.uniformIndex(below: 2)) }
                let legal = [Float](repeating: 1, count: batch * shape.moves)
                let repeats = batch == 1 ? 20_000 : 1_000
                let time = seconds { for _ in 0..<repeats { _ = network.predict(input, legal: legal, batch: batch) } }
                print(String(format: "network %@ %@, forward batch %d: %.1f us per batch, %.0f positions per second", name, "\(shape.hidden)", batch,
                             time / Double(repeats) * 1e6, Double(repeats * batch) / time))
            }
            let n = 128
            let data = TrainingBatch(inputs: (0..<(n * shape.inputs)).map { _ in Float(generator.uniformIndex(below: 2)) },
                                     policies: [Float](repeating: 1 / Float(shape.moves), count: n * shape.moves),
                                     legal: [Float](repeating: 1, count: n * shape.moves), values: [Float](repeating: 0, count: n))
            for chunks in [1, 4] {
                var trained = network
                var adam = Adam()
                let time = seconds { for _ in 0..<300 { adam.step(&trained, gradient: trained.lossAndGradient(data, l2: 1e-4, chunks: chunks).1) } }
                print(String(format: "network %@ %@, training (batch 128 in %d part(s), Adam): %.0f examples per second", name, "\(shape.hidden)", chunks, Double(300 * n) / time))
            }
        }
        var settings = TrainingSettings.connectFour(iterations: 1)
        settings.gamesPerIteration = 8
        settings.stepsPerIteration = 0
        var trainer = AlphaZeroTrainer<ConnectFour>(settings: settings, seed: 1)
        let time = seconds { trainer.iterate() }
        print(String(format: "self-play, Connect Four, %@, 100 PUCT simulations per move, 2 workers: %.0f positions per second (OpenSpiel's JAX AlphaZero: 1-2)",
                     "\(settings.hidden)", Double(trainer.history[0].positions) / time))
    }
}

/// AlphaZero on tic-tac-toe from scratch: wall time and solver-checked quality per iteration.
struct TicTacToeTrainingProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero-ttt", abstract: "Train tic-tac-toe with the chapter's settings, checking every position.")

    func run() {
        let settings = TrainingSettings.ticTacToe
        var trainer = AlphaZeroTrainer<TicTacToe>(settings: settings, seed: 1)
        let solver = TicTacToeSolver()
        var elapsed = 0.0
        for iteration in 1...settings.iterations {
            elapsed += seconds { trainer.iterate() }
            var evaluator = NetworkEvaluator<TicTacToe>(network: trainer.network)
            var generator = Xoshiro256StarStar(seed: 3)
            var raw = 0
            var searched = 0
            for position in solver.nonTerminalPositions {
                let optimal = solver.optimalMoves(position)
                if optimal.contains(AlphaZeroPlayer.move(position, evaluator: &evaluator, simulations: 0, using: &generator)) { raw += 1 }
                if optimal.contains(AlphaZeroPlayer.move(position, evaluator: &evaluator, simulations: 25, using: &generator)) { searched += 1 }
            }
            let record = trainer.history.last!
            let total = Double(solver.nonTerminalPositions.count)
            print(String(format: "iteration %d, %.1f s: loss v %.3f p %.3f; self-play X/D/O %d/%d/%d; optimal raw %.4f, with 25 simulations %.4f",
                         iteration, elapsed, record.loss.value, record.loss.policy, record.firstWins, record.draws, record.secondWins, Double(raw) / total, Double(searched) / total))
        }
    }
}

/// AlphaZero on Connect Four with the chapter's settings (or overrides): training progress
/// against UCT with 1,000 rollouts every 20 iterations.
struct ConnectFourTrainingProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero-c4", abstract: "Train Connect Four and print the progress against UCT(1,000).")

    @Argument(help: "Training iterations.")
    var iterations = 100
    @Option(help: "Save the final network to this weights file.")
    var weights: String?
    @Option(help: "Hidden layer sizes, e.g. 512,256.")
    var hidden: String?
    @Option(help: "Self-play games per iteration.")
    var games: Int?
    @Option(help: "Minibatches per iteration.")
    var steps: Int?
    @Option(help: "Replay buffer size.")
    var buffer: Int?
    @Option(help: "Temperature after the first searched plies.")
    var lateTemperature: Double?
    @Option(help: "Most random opening plies of a self-play game.")
    var randomOpening: Int?

    func validate() throws {
        try requireAtLeast(1, [iterations] + [games, steps, buffer].compactMap { $0 }, "iterations, games, steps and buffer")
        if let hidden, hidden.split(separator: ",").contains(where: { Int($0).map { $0 < 1 } ?? true }) {
            throw ValidationError("--hidden takes positive layer sizes separated by commas, e.g. 512,256")
        }
    }

    func run() throws {
        var settings = TrainingSettings.connectFour(iterations: iterations)
        if let hidden { settings.hidden = hidden.split(separator: ",").compactMap { Int($0) } }
        if let games { settings.gamesPerIteration = games }
        if let steps { settings.stepsPerIteration = steps }
        if let buffer { settings.bufferSize = buffer }
        if let lateTemperature { settings.selfPlay.lateTemperature = lateTemperature }
        if let randomOpening { settings.selfPlay.randomOpeningPlies = randomOpening }
        print(settings)
        var trainer = AlphaZeroTrainer<ConnectFour>(settings: settings, seed: 1)
        var elapsed = 0.0
        while trainer.history.count < iterations {
            elapsed += seconds { trainer.iterate() }
            let record = trainer.history.last!
            var line = String(format: "iteration %d, %.0f s: loss v %.3f p %.3f; self-play R/D/Y %d/%d/%d, %d positions",
                              trainer.history.count, elapsed, record.loss.value, record.loss.policy, record.firstWins, record.draws, record.secondWins, record.positions)
            if trainer.history.count % 20 == 0 {
                var agent = NetworkAgent<ConnectFour>(network: trainer.network, simulations: 400)
                var generator = Xoshiro256StarStar(seed: 5)
                let score = Arena.match(ConnectFour.self, a: { agent.move($0, using: &$1) }, b: { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) },
                                        pairs: 10, openingPlies: 2, using: &generator)
                line += String(format: "; against UCT(1000): %d/%d/%d", score.wins, score.draws, score.losses)
            }
            print(line)
        }
        if let weights { try Data(WeightsFile.encode(trainer.network)).write(to: URL(fileURLWithPath: weights)) }
    }
}

/// A trained network from a weights file, or from the chapter's results
/// (`output/alphazero/data/exp-az-c4.json`, where the weights are stored in base64).
func savedNetwork(_ path: String) throws -> PolicyValueNetwork {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
    guard path.hasSuffix(".json") else { return try WeightsFile.decode([UInt8](data)) }
    struct Results: Decodable {
        struct Point: Decodable { var replicates: [Replicate] }
        struct Replicate: Decodable { var output: Run }
        struct Run: Decodable { var weights: String }
        var points: [Point]
    }
    guard let run = try JSONDecoder().decode(Results.self, from: data).points.first?.replicates.first?.output,
        let bytes = Data(base64Encoded: run.weights)
    else { throw ValidationError("\(path) holds no Connect Four run with weights") }
    return try WeightsFile.decode([UInt8](bytes))
}

/// A saved network with more simulations against UCT(1,000), on both cores.
struct ConnectFourEvaluation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero-c4-eval", abstract: "A saved Connect Four network with search against UCT(1,000).")

    @Argument(help: "A weights file, or the chapter's results JSON.")
    var network: String
    @Argument(help: "PUCT simulations per move, one match each.")
    var simulations: [Int]
    @Option(help: "Pairs of games per match.")
    var pairs = 50
    @Option(help: "PUCT's exploration constant.")
    var exploration = 1.5
    @Option(help: "Seed of the openings.")
    var seed: UInt64 = 9

    func validate() throws { try requireAtLeast(1, simulations + [pairs], "simulations and pairs") }

    func run() throws {
        let trained = try savedNetwork(network)
        for count in simulations {
            var score = Arena.Score()
            let time = seconds {
                score = Arena.parallelMatch(ConnectFour.self, a: { [exploration] in
                    var evaluator = NetworkEvaluator<ConnectFour>(network: trained)
                    return { AlphaZeroPlayer.move($0, evaluator: &evaluator, simulations: count, exploration: exploration, using: &$1) }
                }, b: { { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) } }, pairs: pairs, openingPlies: 2, seed: seed)
            }
            print(String(format: "%d simulations, c = %g: %d/%d/%d against UCT(1000) (%.1f%% wins), %.0f s", count, exploration, score.wins, score.draws,
                         score.losses, 100 * Double(score.wins) / Double(score.games), time))
        }
    }
}

/// A saved network with AlphaGo's mixed leaf value, (1 - λ) v + λ z_rollout.
struct ConnectFourMixed: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero-c4-mixed", abstract: "A saved network with AlphaGo's mixed leaf evaluation against UCT(1,000).")

    @Argument(help: "A weights file, or the chapter's results JSON.")
    var network: String
    @Argument(help: "Simulations per move.")
    var simulations: Int
    @Argument(help: "Rollout weights λ in [0, 1], one match each.")
    var mixing: [Double]

    func validate() throws {
        try requireAtLeast(1, [simulations], "simulations")
        if mixing.contains(where: { !(0...1).contains($0) }) { throw ValidationError("each λ must lie in [0, 1]") }
    }

    func run() throws {
        let trained = try savedNetwork(network)
        for lambda in mixing {
            var generator = Xoshiro256StarStar(seed: 9)
            var agent = MixedAgent<ConnectFour>(network: trained, simulations: simulations, mixing: lambda)
            var score = Arena.Score()
            let time = seconds {
                score = Arena.match(ConnectFour.self, a: { agent.move($0, using: &$1) }, b: { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) },
                                    pairs: 50, openingPlies: 2, using: &generator)
            }
            print(String(format: "%d simulations, mixing %.2f: %d/%d/%d against UCT(1000), %.0f s", simulations, lambda, score.wins, score.draws, score.losses, time))
        }
    }
}

/// Where a saved network loses against UCT(1,000).
struct ConnectFourLosses: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphazero-c4-losses", abstract: "The moves that lost a saved network its games against UCT(1,000).")

    @Argument(help: "A weights file, or the chapter's results JSON.")
    var network: String
    @Argument(help: "PUCT simulations per move.")
    var simulations = 800

    func validate() throws { try requireAtLeast(1, [simulations], "simulations") }

    func run() throws { analyseLosses(network: try savedNetwork(network), simulations: simulations, pairs: 50) }
}
