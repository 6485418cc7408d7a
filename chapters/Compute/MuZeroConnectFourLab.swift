import AlphaZero
import Dispatch
import Foundation
import Games
import MuZero
import Notebook
import Randomness
import Search

/// The MuZero Connect Four run and its evaluation, as the AlphaZero run's.
struct MuZeroConnectFourRun: Codable, Sendable {
    var settings: MuZeroSettings
    var records: [MuZeroIterationRecord]
    /// The network with search in its model against UCT(1,000), every `curveStep` iterations.
    var curve: [CurvePoint]
    /// The final network with 800 simulations in its model against UCT with 1,000 rollouts.
    var finalAgainstUCT: Arena.Score
    /// Mistakes on every `ponsStep`-th position of each Pons set, with search and raw.
    var mistakes: [MistakeCount]
    /// Wall-clock seconds of the training (self-play and updates) on all cores.
    var trainingSeconds: Double
    /// The final network in the MuZero weights file format (version 1), base64.
    var weights: String
}

extension MuZeroLab {
    /// Simulations when the Connect Four network plays (AlphaZero's 800, as in its chapter).
    static let connectFourPlaySimulations = 800
    /// Pairs of games in the final match against UCT(1,000).
    static let connectFourFinalPairs = 100
    /// The players compared on Pons' positions.
    static let connectFourPonsPlayers = ["MuZero (800 simulations)", "network alone"]

    /// The network searching its model as an arena player.
    static func muZero(_ network: MuZeroNetwork, simulations: Int) -> @Sendable () -> (ConnectFour, inout Xoshiro256StarStar) -> Int {
        { { position, generator in MuZeroPlayer.move(position, network: network, simulations: simulations, using: &generator) } }
    }

    /// Mistakes of the network, searching and raw, on every `step`-th position of each Pons set,
    /// judged as `AlphaZeroLab.ponsMistakes` judges them (the position after the move is worse
    /// for the mover than the position's exact score); the positions run on every core, each
    /// with its own stream named by `seed`.
    static func ponsMistakes(network: MuZeroNetwork, step: Int, seed: UInt64) throws -> [MistakeCount] {
        var sample = [(file: String, entry: PonsBenchmark.Entry)]()
        for file in PonsBenchmark.files {
            let benchmark = try PonsBenchmark(name: file, folder: PonsBenchmark.bundledFolder(projectRoot: ConnectFourLab.projectRoot))
            sample += Swift.stride(from: 0, to: benchmark.entries.count, by: step).map { (file, benchmark.entries[$0]) }
        }
        let chunk = 25
        let jobs = (sample.count + chunk - 1) / chunk
        let positions = sample
        let verdicts = WorkerPool(workers: ProcessInfo.processInfo.activeProcessorCount).run(count: jobs) { job -> [[Bool]] in
            let solver = ConnectFourSolver()
            return (job * chunk..<min(positions.count, (job + 1) * chunk)).map { index in
                let entry = positions[index].entry
                let position = entry.position
                var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["pons", String(index)]))
                let moves = [connectFourPlaySimulations, 0].map { MuZeroPlayer.move(position, network: network, simulations: $0, using: &generator) }
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
            return connectFourPonsPlayers.indices.map { k in
                MistakeCount(file: file, player: connectFourPonsPlayers[k], positions: rows.count, mistakes: rows.filter { verdicts[$0][k] }.count)
            }
        }
    }
}

/// The MuZero Connect Four run as an iterative run, like `ConnectFourTraining`: training with a
/// point of the curve against UCT(1,000) every `AlphaZeroLab.curveStep` iterations, then the
/// final match and Pons' positions. `report check` replays its first iterations.
struct MuZeroConnectFourTraining: IterativeRun {
    private(set) var trainer: MuZeroTrainer<ConnectFour>
    private var generator: Xoshiro256StarStar
    private var curve = [CurvePoint]()
    private var trainingSeconds = 0.0
    private let ponsStep: Int

    /// A fresh run of `iterations`, the network seeded by `seed`, the matches drawing from `generator`.
    init(iterations: Int, seed: UInt64, ponsStep: Int, generator: Xoshiro256StarStar) {
        trainer = MuZeroTrainer<ConnectFour>(settings: .connectFour(iterations: iterations), seed: seed)
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
            let player = MuZeroLab.muZero(trainer.network, simulations: MuZeroLab.connectFourPlaySimulations)
            curve.append(CurvePoint(iteration: done, againstUCT: AlphaZeroLab.againstUCT(player, pairs: 5, using: &generator)))
        }
    }

    var stateParts: [(name: String, bytes: [UInt8])] {
        let curveBytes = curve.flatMap { point in [point.iteration, point.againstUCT.wins, point.againstUCT.draws, point.againstUCT.losses] }
            .flatMap { withUnsafeBytes(of: Int64($0).littleEndian, Array.init) }
        let generatorBytes = generator.stateWords.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        return trainer.stateParts + [("learning curve", curveBytes), ("match generator", generatorBytes)]
    }

    mutating func finish() throws -> MuZeroConnectFourRun {
        let network = trainer.network
        let final = AlphaZeroLab.againstUCT(MuZeroLab.muZero(network, simulations: MuZeroLab.connectFourPlaySimulations), pairs: MuZeroLab.connectFourFinalPairs, using: &generator)
        let mistakes = try MuZeroLab.ponsMistakes(network: network, step: ponsStep, seed: generator.next())
        return MuZeroConnectFourRun(
            settings: trainer.settings, records: trainer.history, curve: curve, finalAgainstUCT: final, mistakes: mistakes, trainingSeconds: trainingSeconds,
            weights: Data(MuZeroWeightsFile.encode(network)).base64EncodedString())
    }

    /// The committed weights are the trained network's, the state part named "network".
    static func finalParts(of output: MuZeroConnectFourRun) -> [(name: String, bytes: [UInt8])] {
        [("network", Data(base64Encoded: output.weights).map(Array.init) ?? [])]
    }
}
