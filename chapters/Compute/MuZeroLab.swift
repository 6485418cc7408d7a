import AlphaZero
import Dispatch
import Foundation
import Games
import MuZero
import Notebook
import Randomness
import Search

/// The share of optimal moves at one point of a training run, with the training time so far.
struct TrainingStrength: Codable, Sendable {
    var iteration: Int
    /// Wall-clock seconds of training (self-play and updates) up to this point.
    var seconds: Double
    /// Share of the 4,520 non-terminal positions where the raw policy's top legal move is optimal.
    var rawOptimal: Double
    /// The same with a search of `MuZeroLab.playSimulations` simulations.
    var searchOptimal: Double
}

/// How far the learned model drifts when unrolled k steps along a real game.
struct DriftStep: Codable, Sendable {
    var k: Int
    /// (start, k) pairs measured.
    var pairs: Int
    /// Mean |v̂ − v*|: the value predicted after k dynamics steps against the solver's value of
    /// the real position reached, for the player to move there.
    var valueError: Double
    /// Mean |v − v*| of the representation's own value of the same real positions (no unroll):
    /// what the prediction gets wrong anyway, so `valueError − directValueError` is the unroll's part.
    var directValueError: Double
    /// Mean total variation between the policy predicted after k steps and the policy the
    /// representation gives from the real position, both over its legal moves.
    var policyDrift: Double
    /// Share of pairs where the unrolled policy's top legal move is optimal in the real position.
    var optimalTop: Double
}

/// The MuZero tic-tac-toe run and its evaluation.
struct MuZeroTicTacToeRun: Codable, Sendable {
    var settings: MuZeroSettings
    var records: [MuZeroIterationRecord]
    var curve: [TrainingStrength]
    /// The final network: raw policy, and search with 25 and with 100 simulations.
    var rawOptimal: Double
    var searchOptimal: Double
    var deepSearchOptimal: Double
    /// The final network searching (25 simulations) against its own raw policy.
    var searchAgainstRaw: Arena.Score
    /// The final agent against the perfect player, as first and as second.
    var againstSolverFirst: Arena.Score
    var againstSolverSecond: Arena.Score
    /// Drift of the learned model along real games, k = 0 … 8.
    var drift: [DriftStep]
    var trainingSeconds: Double
    /// The final network in the MuZero weights file format (version 1), base64.
    var weights: String
}

/// The computations of the `muzero` chapter.
enum MuZeroLab {
    static let solver = TicTacToeSolver()
    /// Simulations when the agent plays (evaluation, arena, solver games), as in the AlphaZero chapter.
    static let playSimulations = 25
    /// Iterations between two points of the strength curve.
    static let curveStep = 5
    /// Games along which the model's drift is measured, and the chance that a move in them is a
    /// uniformly random legal move rather than a random optimal one.
    static let driftGames = 500
    static let driftRandomMoves = 0.3

    /// The share of non-terminal positions where `move` picks an optimal move.
    static func optimalShare(_ move: (TicTacToe) -> Int) -> Double {
        let positions = solver.nonTerminalPositions
        let good = positions.filter { solver.optimalMoves($0).contains(move($0)) }.count
        return Double(good) / Double(positions.count)
    }

    /// The move of `network` with `simulations` simulations in its model (0: the raw policy).
    static func player(_ network: MuZeroNetwork, simulations: Int) -> (TicTacToe, inout Xoshiro256StarStar) -> Int {
        { position, generator in MuZeroPlayer.move(position, network: network, simulations: simulations, using: &generator) }
    }

    /// Games that mix optimal play with random moves, so that they cover wins, losses and draws.
    static func driftGames(using generator: inout Xoshiro256StarStar) -> [(positions: [TicTacToe], moves: [Int])] {
        (0..<driftGames).map { _ in
            var position = TicTacToe.initial
            var game = (positions: [position], moves: [Int]())
            while position.outcome == nil {
                let candidates = generator.uniformUnit() < driftRandomMoves ? position.legalMoves : solver.optimalMoves(position)
                let move = candidates.randomElement(drawing: &generator)
                position.play(move)
                game.positions.append(position)
                game.moves.append(move)
            }
            return game
        }
    }

    /// Unrolls the model from every position of every game along the moves really played, and
    /// compares each k-step prediction with the real position k plies later (while it is not over).
    static func drift(of network: MuZeroNetwork, along games: [(positions: [TicTacToe], moves: [Int])]) -> [DriftStep] {
        var sums = [(pairs: Int, value: Double, direct: Double, policy: Double, top: Int)](repeating: (0, 0, 0, 0, 0), count: 9)
        for (game, moves) in games {
            for t in game.indices where game[t].outcome == nil {
                var latent = network.represent(game[t].encoded, batch: 1)
                var k = 0
                while t + k < game.count, game[t + k].outcome == nil {
                    let real = game[t + k]
                    let (policy, value) = network.predict(latent, batch: 1)
                    let (truth, directValue) = network.predict(network.represent(real.encoded, batch: 1), batch: 1)
                    let legal = real.legalMoves
                    let unrolled = legal.map { Double(policy[$0]) }
                    let direct = legal.map { Double(truth[$0]) }
                    let (u, d) = (unrolled.reduce(0, +), direct.reduce(0, +))
                    let tv = zip(unrolled, direct).map { abs($0 / u - $1 / d) }.reduce(0, +) / 2
                    let top = legal[unrolled.indices.max { unrolled[$0] < unrolled[$1] }!]
                    sums[k].pairs += 1
                    let exact = Double(solver.value(of: real))
                    sums[k].value += abs(Double(value[0]) - exact)
                    sums[k].direct += abs(Double(directValue[0]) - exact)
                    sums[k].policy += tv
                    sums[k].top += solver.optimalMoves(real).contains(top) ? 1 : 0
                    latent = network.step(latent, actions: [moves[t + k]], batch: 1).states
                    k += 1
                }
            }
        }
        return sums.enumerated().filter { $0.element.pairs > 0 }.map { k, s in
            DriftStep(k: k, pairs: s.pairs, valueError: s.value / Double(s.pairs), directValueError: s.direct / Double(s.pairs), policyDrift: s.policy / Double(s.pairs), optimalTop: Double(s.top) / Double(s.pairs))
        }
    }
}

/// The MuZero tic-tac-toe run as an iterative run: training with a point of the strength curve
/// every `curveStep` iterations, then the evaluations. Its state after each iteration (the
/// trainer's and the generator the evaluations draw from) is what `report check` replays.
struct MuZeroTicTacToeTraining: IterativeRun {
    private(set) var trainer: MuZeroTrainer<TicTacToe>
    private var generator: Xoshiro256StarStar
    private var curve = [TrainingStrength]()
    private var trainingSeconds = 0.0

    /// A fresh run with `settings`, the network seeded by `seed`, the evaluations drawing from `generator`.
    init(settings: MuZeroSettings, seed: UInt64, generator: Xoshiro256StarStar) {
        trainer = MuZeroTrainer<TicTacToe>(settings: settings, seed: seed)
        self.generator = generator
    }

    var iterations: Int { trainer.settings.iterations }
    var completedIterations: Int { trainer.history.count }

    mutating func iterate() {
        if curve.isEmpty { curve.append(point()) }
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.iterate()
        trainingSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if trainer.history.count % MuZeroLab.curveStep == 0 || trainer.history.count == iterations { curve.append(point()) }
    }

    private mutating func point() -> TrainingStrength {
        let network = trainer.network
        var raw = MuZeroLab.player(network, simulations: 0)
        var searching = MuZeroLab.player(network, simulations: MuZeroLab.playSimulations)
        return TrainingStrength(
            iteration: trainer.history.count, seconds: trainingSeconds,
            rawOptimal: MuZeroLab.optimalShare { raw($0, &generator) }, searchOptimal: MuZeroLab.optimalShare { searching($0, &generator) })
    }

    var stateParts: [(name: String, bytes: [UInt8])] {
        let curveBytes = curve.flatMap { [Int64($0.iteration), Int64(($0.rawOptimal * 1e6).rounded()), Int64(($0.searchOptimal * 1e6).rounded())] }
            .flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        let generatorBytes = generator.stateWords.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
        return trainer.stateParts + [("strength curve", curveBytes), ("evaluation generator", generatorBytes)]
    }

    mutating func finish() throws -> MuZeroTicTacToeRun {
        let network = trainer.network
        let raw = MuZeroLab.player(network, simulations: 0)
        let searching = MuZeroLab.player(network, simulations: MuZeroLab.playSimulations)
        let deep = MuZeroLab.player(network, simulations: 4 * MuZeroLab.playSimulations)
        let rawOptimal = MuZeroLab.optimalShare { raw($0, &generator) }
        let searchOptimal = MuZeroLab.optimalShare { searching($0, &generator) }
        let deepOptimal = MuZeroLab.optimalShare { deep($0, &generator) }
        let head = Arena.match(TicTacToe.self, a: searching, b: raw, pairs: 20, openingPlies: 1, using: &generator)
        let perfect: (TicTacToe, inout Xoshiro256StarStar) -> Int = { position, g in MuZeroLab.solver.optimalMoves(position).randomElement(drawing: &g) }
        var asFirst = Arena.Score()
        var asSecond = Arena.Score()
        for _ in 0..<50 {
            asFirst.record(Match.play(TicTacToe.self, first: searching, second: perfect, using: &generator).value(for: .first))
            asSecond.record(Match.play(TicTacToe.self, first: perfect, second: searching, using: &generator).value(for: .second))
        }
        let drift = MuZeroLab.drift(of: network, along: MuZeroLab.driftGames(using: &generator))
        return MuZeroTicTacToeRun(
            settings: trainer.settings, records: trainer.history, curve: curve, rawOptimal: rawOptimal, searchOptimal: searchOptimal, deepSearchOptimal: deepOptimal,
            searchAgainstRaw: head, againstSolverFirst: asFirst, againstSolverSecond: asSecond, drift: drift, trainingSeconds: trainingSeconds,
            weights: Data(MuZeroWeightsFile.encode(network)).base64EncodedString())
    }

    /// The committed weights are the trained network's, the state part named "network".
    static func finalParts(of output: MuZeroTicTacToeRun) -> [(name: String, bytes: [UInt8])] {
        [("network", Data(base64Encoded: output.weights).map(Array.init) ?? [])]
    }
}

extension MuZeroLab {
    /// AlphaZero's tic-tac-toe run (the AlphaZero chapter's settings) with its strength after
    /// every iteration against the training time so far: the rules-based planner's curve for the
    /// learned-against-true-model comparison.
    static func alphaZeroCurve(seed: UInt64, using generator: inout Xoshiro256StarStar) -> [TrainingStrength] {
        var trainer = AlphaZeroTrainer<TicTacToe>(settings: .ticTacToe, seed: seed)
        var seconds = 0.0
        var curve = [TrainingStrength]()
        func point() -> TrainingStrength {
            var raw = NetworkAgent<TicTacToe>(network: trainer.network, simulations: 0)
            var searching = NetworkAgent<TicTacToe>(network: trainer.network, simulations: playSimulations)
            return TrainingStrength(iteration: trainer.history.count, seconds: seconds,
                                 rawOptimal: optimalShare { raw.move($0, using: &generator) }, searchOptimal: optimalShare { searching.move($0, using: &generator) })
        }
        curve.append(point())
        while trainer.history.count < trainer.settings.iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            trainer.iterate()
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            curve.append(point())
        }
        return curve
    }
}
