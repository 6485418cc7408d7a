import AlphaZero
import Dispatch
import Foundation
import Games
import Notebook
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
    /// Control: the network with AlphaZero's evaluation and the mixed agent's simulation budget
    /// against UCT(1,000), so that the mix is compared at equal search.
    var equalBudgetAgainstUCT: Arena.Score
    var mistakes: [MistakeCount]
    /// Wall-clock seconds of the training (self-play and updates) on all cores.
    var trainingSeconds: Double
    /// The final network in the weights file format (version 1), base64.
    var weights: String
}

/// The Connect Four run as an iterative run: training with a point of the learning curve every
/// `curveStep` iterations, then the evaluations against UCT(1,000) and on every `ponsStep`-th
/// position of each Pons set. Its state after each iteration (the trainer's, the curve so far and
/// the generator the matches draw from) is what `report check` and `report verify` replay.
struct ConnectFourTraining: IterativeRun {
    private(set) var trainer: AlphaZeroTrainer<ConnectFour>
    private var generator: Xoshiro256StarStar
    private var curve = [CurvePoint]()
    private var trainingSeconds = 0.0
    private let ponsStep: Int

    /// A fresh run of `iterations`, the network seeded by `seed`, the matches drawing from `generator`.
    init(iterations: Int, seed: UInt64, ponsStep: Int, generator: Xoshiro256StarStar) {
        trainer = AlphaZeroTrainer<ConnectFour>(settings: TrainingSettings.connectFour(iterations: iterations), seed: seed)
        self.generator = generator
        self.ponsStep = ponsStep
    }

    var iterations: Int { trainer.settings.iterations }
    var completedIterations: Int { trainer.history.count }

    mutating func iterate() {
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.iterate()
        trainingSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let done = trainer.history.count
        if done % AlphaZeroLab.curveStep == 0 || done == iterations {
            let player = AlphaZeroLab.alphaZero(trainer.network, simulations: AlphaZeroLab.connectFourPlaySimulations)
            curve.append(CurvePoint(iteration: done, againstUCT: AlphaZeroLab.againstUCT(player, pairs: 10, using: &generator)))
        }
    }

    var stateParts: [(name: String, bytes: [UInt8])] {
        let curveBytes = curve.flatMap { point in [point.iteration, point.againstUCT.wins, point.againstUCT.draws, point.againstUCT.losses] }
            .flatMap { withUnsafeBytes(of: Int64($0).littleEndian, Array.init) }
        let generatorBytes = generator.stateWords.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        return trainer.stateParts + [("learning curve", curveBytes), ("match generator", generatorBytes)]
    }

    mutating func finish() throws -> ConnectFourRun {
        let network = trainer.network
        let final = AlphaZeroLab.againstUCT(AlphaZeroLab.alphaZero(network, simulations: AlphaZeroLab.connectFourPlaySimulations), pairs: AlphaZeroLab.finalPairs, using: &generator)
        let mixedScore = AlphaZeroLab.againstUCT({
            var mixed = MixedAgent<ConnectFour>(network: network, simulations: AlphaZeroLab.mixedSimulations, mixing: AlphaZeroLab.mixing)
            return { mixed.move($0, using: &$1) }
        }, pairs: AlphaZeroLab.finalPairs, using: &generator)
        let control = AlphaZeroLab.againstUCT(AlphaZeroLab.uct(AlphaZeroLab.mixedSimulations), pairs: AlphaZeroLab.finalPairs, using: &generator)
        let mistakes = try AlphaZeroLab.ponsMistakes(network: network, step: ponsStep, seed: generator.next())
        // Drawn last, so that every earlier match keeps the stream it had before this control.
        let equalBudget = AlphaZeroLab.againstUCT(
            AlphaZeroLab.alphaZero(network, simulations: AlphaZeroLab.mixedSimulations), pairs: AlphaZeroLab.finalPairs, using: &generator)
        return ConnectFourRun(
            settings: trainer.settings, records: trainer.history, curve: curve, finalAgainstUCT: final, mixedAgainstUCT: mixedScore, uctControl: control,
            equalBudgetAgainstUCT: equalBudget, mistakes: mistakes, trainingSeconds: trainingSeconds,
            weights: Data(WeightsFile.encode(network)).base64EncodedString())
    }

    /// The committed weights are the trained network's, the state part named "network".
    static func finalParts(of output: ConnectFourRun) -> [(name: String, bytes: [UInt8])] {
        [("network", Data(base64Encoded: output.weights).map(Array.init) ?? [])]
    }
}

extension AlphaZeroLab {
    /// PUCT simulations per move when the Connect Four network plays (AlphaZero's 800).
    static let connectFourPlaySimulations = 800
    /// Simulations and rollout weight λ of the AlphaGo-style agent (AlphaGo's λ).
    static let mixedSimulations = 1600
    static let mixing = 0.5
    /// Every `curveStep`-th iteration is played against UCT.
    static let curveStep = 20
    /// Pairs of games (both seats from one random opening) in each final match against UCT: 400
    /// games put the standard error of a win rate near 80% at 2 points.
    static let finalPairs = 200

    /// UCT with random rollouts as an arena player.
    static func uct(_ simulations: Int) -> @Sendable () -> (ConnectFour, inout Xoshiro256StarStar) -> Int {
        { { position, g in MCTS.chooseMove(in: position, simulations: simulations, using: &g) } }
    }

    /// The network with PUCT search as an arena player.
    static func alphaZero(_ network: PolicyValueNetwork, simulations: Int) -> @Sendable () -> (ConnectFour, inout Xoshiro256StarStar) -> Int {
        {
            var agent = NetworkAgent<ConnectFour>(network: network, simulations: simulations)
            return { agent.move($0, using: &$1) }
        }
    }

    /// A match against UCT(1,000) on both cores, its pairs' streams named by a draw from `generator`.
    static func againstUCT(
        _ player: @escaping @Sendable () -> (ConnectFour, inout Xoshiro256StarStar) -> Int, pairs: Int, using generator: inout Xoshiro256StarStar
    ) -> Arena.Score {
        Arena.parallelMatch(ConnectFour.self, a: player, b: uct(1000), pairs: pairs, openingPlies: 2, seed: generator.next())
    }

    /// The players compared on Pons' positions.
    static let ponsPlayers = [
        "AlphaZero (800 simulations)", "network alone", "minimax, depth 5", "minimax, depth 5, alignment heuristic", "UCT, 1,000 rollouts", "AlphaGo-style mix (1,600)",
    ]

    /// Positions evaluated per job of the Pons evaluation (each job has its own solver).
    private static let ponsChunk = 25

    /// Mistakes of each player on every `step`-th position of each Pons set: a move is a mistake
    /// when the position after it is worse for the mover (win > draw > loss) than the position's
    /// exact score says; each distinct move is solved once. Jobs of `ponsChunk` positions run on
    /// every core, each position with its own stream named by `seed`.
    static func ponsMistakes(network: PolicyValueNetwork, step: Int, seed: UInt64) throws -> [MistakeCount] {
        var sample = [(file: String, entry: PonsBenchmark.Entry)]()
        for file in PonsBenchmark.files {
            let benchmark = try PonsBenchmark(name: file, folder: PonsBenchmark.bundledFolder(projectRoot: ConnectFourLab.projectRoot))
            sample += Swift.stride(from: 0, to: benchmark.entries.count, by: step).map { (file, benchmark.entries[$0]) }
        }
        let jobs = (sample.count + ponsChunk - 1) / ponsChunk
        let positions = sample
        let verdicts = WorkerPool(workers: ProcessInfo.processInfo.activeProcessorCount).run(count: jobs) { job -> [[Bool]] in
            let solver = ConnectFourSolver()
            var search = NetworkAgent<ConnectFour>(network: network, simulations: connectFourPlaySimulations)
            var raw = NetworkAgent<ConnectFour>(network: network, simulations: 0)
            var mixed = MixedAgent<ConnectFour>(network: network, simulations: mixedSimulations, mixing: mixing)
            let minimax = DepthLimitedMinimax<ConnectFour>(depth: 5)
            let heuristic = DepthLimitedMinimax<ConnectFour>(depth: 5) { $0.alignmentValue }
            return (job * ponsChunk..<min(positions.count, (job + 1) * ponsChunk)).map { index in
                let entry = positions[index].entry
                let position = entry.position
                var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["pons", String(index)]))
                let moves = [
                    search.move(position, using: &generator), raw.move(position, using: &generator),
                    minimax.chooseMove(position, using: &generator), heuristic.chooseMove(position, using: &generator),
                    MCTS.chooseMove(in: position, simulations: 1000, using: &generator), mixed.move(position, using: &generator),
                ]
                var solved = [Int: Int]()
                return moves.map { move in
                    if solved[move] == nil {
                        var child = position
                        child.play(move)
                        solved[move] = child.outcome.map { Int($0.value(for: position.currentPlayer)) } ?? -solver.outcome(child)
                    }
                    return solved[move]! < entry.score.signum()
                }
            }
        }.flatMap { $0 }
        return PonsBenchmark.files.flatMap { file in
            let rows = sample.indices.filter { sample[$0].file == file }
            return ponsPlayers.indices.map { k in
                MistakeCount(file: file, player: ponsPlayers[k], positions: rows.count, mistakes: rows.filter { verdicts[$0][k] }.count)
            }
        }
    }
}
