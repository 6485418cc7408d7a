import AlphaZero
import Dispatch
import Foundation
import Games
import Randomness
import Search

/// Mistakes of one player on one Pons set.
struct MistakeCount: Codable, Sendable {
    var file: String
    var player: String
    var positions: Int
    var mistakes: Int
}

/// A point of the Connect Four learning curve: the network with search against UCT.
struct CurvePoint: Codable, Sendable {
    var iteration: Int
    var againstUCT: Arena.Score
}

/// The Connect Four training run and its evaluation.
struct ConnectFourRun: Codable, Sendable {
    var settings: TrainingSettings
    var records: [IterationRecord]
    var curve: [CurvePoint]
    /// The final network with search against UCT with 1,000 rollouts.
    var finalAgainstUCT: Arena.Score
    /// The same network with AlphaGo's mixed leaf evaluation against UCT with 1,000 rollouts.
    var mixedAgainstUCT: Arena.Score
    /// Control: UCT with as many rollouts as the mixed agent's simulations against UCT(1,000).
    var uctControl: Arena.Score
    var mistakes: [MistakeCount]
    /// Wall-clock seconds of the training (self-play and updates) on all cores.
    var trainingSeconds: Double
    /// The final network in the weights file format (version 1), base64.
    var weights: String
}

extension AlphaZeroLab {
    /// PUCT simulations per move when the Connect Four network plays.
    static let connectFourPlaySimulations = 400
    /// Simulations and rollout weight λ of the AlphaGo-style agent (AlphaGo's λ).
    static let mixedSimulations = 1600
    static let mixing = 0.5
    /// Every `curveStep`-th iteration is played against UCT.
    static let curveStep = 10

    /// The Connect Four run: [256, 128] network, 100 simulations per self-play move, visit-
    /// proportional moves for the first 10 plies, 200 games and 500 minibatches of 128 per iteration.
    static func connectFourSettings(iterations: Int) -> TrainingSettings {
        TrainingSettings(
            hidden: [256, 128], selfPlay: SelfPlaySettings(simulations: 100, exploration: 1.5, dirichletAlpha: 1, noiseFraction: 0.25, exploratoryMoves: 10),
            iterations: iterations, gamesPerIteration: 200, bufferSize: 100_000, stepsPerIteration: 500, batchSize: 128, learningRate: 1e-3, l2: 1e-4)
    }

    /// UCT with random rollouts as an arena player.
    static func uct(_ simulations: Int) -> (ConnectFour, inout Xoshiro256StarStar) -> Int {
        { position, g in MCTS.chooseMove(in: position, simulations: simulations, using: &g) }
    }

    /// Trains for `iterations`, then evaluates against UCT(1,000) and on every `step`-th position
    /// of each Pons set.
    static func connectFourRun(iterations: Int, seed: UInt64, ponsStep: Int, using generator: inout Xoshiro256StarStar) throws -> ConnectFourRun {
        let settings = connectFourSettings(iterations: iterations)
        var trainer = AlphaZeroTrainer<ConnectFour>(settings: settings, seed: seed)
        var curve = [CurvePoint]()
        var seconds = 0.0
        while trainer.history.count < iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            trainer.iterate()
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if trainer.history.count % curveStep == 0 || trainer.history.count == iterations {
                var agent = NetworkAgent<ConnectFour>(network: trainer.network, simulations: connectFourPlaySimulations)
                let score = Arena.match(ConnectFour.self, a: { agent.move($0, using: &$1) }, b: uct(1000), pairs: 10, openingPlies: 2, using: &generator)
                curve.append(CurvePoint(iteration: trainer.history.count, againstUCT: score))
            }
        }
        var agent = NetworkAgent<ConnectFour>(network: trainer.network, simulations: connectFourPlaySimulations)
        let final = Arena.match(ConnectFour.self, a: { agent.move($0, using: &$1) }, b: uct(1000), pairs: 50, openingPlies: 2, using: &generator)
        var mixed = MixedAgent<ConnectFour>(network: trainer.network, simulations: mixedSimulations, mixing: mixing)
        let mixedScore = Arena.match(ConnectFour.self, a: { mixed.move($0, using: &$1) }, b: uct(1000), pairs: 50, openingPlies: 2, using: &generator)
        let control = Arena.match(ConnectFour.self, a: uct(mixedSimulations), b: uct(1000), pairs: 50, openingPlies: 2, using: &generator)
        let mistakes = try ponsMistakes(network: trainer.network, step: ponsStep, using: &generator)
        return ConnectFourRun(settings: settings, records: trainer.history, curve: curve, finalAgainstUCT: final, mixedAgainstUCT: mixedScore, uctControl: control, mistakes: mistakes,
                              trainingSeconds: seconds, weights: Data(WeightsFile.encode(trainer.network)).base64EncodedString())
    }

    /// The players compared on Pons' positions.
    static let ponsPlayers = ["AlphaZero (400 simulations)", "network alone", "minimax, depth 5", "UCT, 1,000 rollouts", "AlphaGo-style mix (1,600)"]

    /// Mistakes of each player on every `step`-th position of each Pons set: a move is a mistake
    /// when the position after it is worse for the mover (win > draw > loss) than the position's
    /// exact score says; each distinct move is solved once.
    static func ponsMistakes(network: PolicyValueNetwork, step: Int, using generator: inout Xoshiro256StarStar) throws -> [MistakeCount] {
        let solver = ConnectFourSolver()
        var search = NetworkAgent<ConnectFour>(network: network, simulations: connectFourPlaySimulations)
        var raw = NetworkAgent<ConnectFour>(network: network, simulations: 0)
        var mixed = MixedAgent<ConnectFour>(network: network, simulations: mixedSimulations, mixing: mixing)
        let minimax = DepthLimitedMinimax<ConnectFour>(depth: 5)
        var counts = [MistakeCount]()
        for file in PonsBenchmark.files {
            let benchmark = try PonsBenchmark(name: file, folder: PonsBenchmark.folder(projectRoot: ConnectFourLab.projectRoot))
            var mistakes = [Int](repeating: 0, count: ponsPlayers.count)
            let sample = Swift.stride(from: 0, to: benchmark.entries.count, by: step).map { benchmark.entries[$0] }
            for entry in sample {
                let position = entry.position
                let moves = [
                    search.move(position, using: &generator), raw.move(position, using: &generator),
                    minimax.chooseMove(position, using: &generator), MCTS.chooseMove(in: position, simulations: 1000, using: &generator),
                    mixed.move(position, using: &generator),
                ]
                var solved = [Int: Int]()
                for (k, move) in moves.enumerated() {
                    if solved[move] == nil {
                        var child = position
                        child.play(move)
                        solved[move] = child.outcome.map { Int($0.value(for: position.currentPlayer)) } ?? -solver.outcome(child)
                    }
                    if solved[move]! < entry.score.signum() { mistakes[k] += 1 }
                }
            }
            for (k, player) in ponsPlayers.enumerated() {
                counts.append(MistakeCount(file: file, player: player, positions: sample.count, mistakes: mistakes[k]))
            }
        }
        return counts
    }
}
