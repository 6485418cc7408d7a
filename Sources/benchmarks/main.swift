// Speed figures for the closing notes and the README: updates per second of Dyna-Q and prioritized
// sweeping on one core, on the largest scaled maze of the dyna chapter: whole runs (acting,
// learning and planning, until near-optimal) and planning alone on a known model.
import Dispatch
import Foundation
import AlphaZero
import GameTheory
import Games
import Search
import Randomness
import Tabular

func measure(_ name: String, repeats: Int = 3, _ body: () -> Int) {
    var best = 0.0
    var updates = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        updates = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = max(best, Double(updates) / seconds)
    }
    print("\(name): \(updates) updates, \(String(format: "%.1f", best / 1e6)) million updates per second (best of \(repeats), one core)")
}

/// The value after `--name` on the command line, if given.
func option(_ name: String) -> String? {
    CommandLine.arguments.firstIndex(of: name).flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }
}

// The probes below that answer one question skip the default measurements.
let runDefaults = !CommandLine.arguments.contains { ["--nash", "--nash-one", "--nash-games", "--alphazero-c4", "--alphazero-c4-eval", "--alphazero-c4-mixed", "--uct-control", "--alphazero-c4-losses"].contains($0) }
let maze = GridMaze.dynaMaze.scaled(by: 12)
let settings = DynaQSettings(stepSize: 1, planningSteps: 5)
if runDefaults { measure("whole run, Dyna-Q, n = 5, maze of 6,768 states") {
    var generator = Xoshiro256StarStar(seed: 1)
    return DynaQ(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
} }
if runDefaults { measure("whole run, prioritized sweeping, n = 5, maze of 6,768 states") {
    var generator = Xoshiro256StarStar(seed: 1)
    return PrioritizedSweeping(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
} }
if runDefaults { measure("whole run, Dyna-Q, n = 50, Dyna maze, 50 episodes") {
    var generator = Xoshiro256StarStar(seed: 1)
    let run = DynaQ(settings: DynaQSettings(planningSteps: 50)).run(on: GridMaze.dynaMaze, episodes: 50, using: &generator)
    return run.stepsPerEpisode.reduce(0, +) + run.planningUpdatesPerEpisode.reduce(0, +)
} }
if runDefaults { measure("model updates alone, Dyna-Q random replay, 6,768 states") {
    var generator = Xoshiro256StarStar(seed: 2)
    return DynaQ(settings: settings).planWithKnownModel(maze, updates: 20_000_000, using: &generator)
} }
if runDefaults { measure("model updates alone, prioritized sweeping, 6,768 states") {
    PrioritizedSweeping(settings: settings).planWithKnownModel(maze, updates: 5_000_000)
} }

// Connect Four: the exact solver on Pons' benchmark files; every score must match.
let projectRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let includeHard = CommandLine.arguments.contains("--hard")
let runSolver = CommandLine.arguments.contains("--solver") || includeHard
for name in PonsBenchmark.files where runSolver && (includeHard || name != "Test_L1_R3") {
    do {
        let benchmark = try PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: projectRoot))
        let solver = ConnectFourSolver()
        var wrong = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // One solver per file: its table holds exact bounds of positions, valid across queries.
        for entry in benchmark.entries where solver.solve(entry.position) != entry.score { wrong += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "Connect Four solver, %@: %d positions, %d wrong, mean %.3f ms per position, %.0f nodes per position",
                     name, benchmark.entries.count, wrong, seconds * 1000 / Double(benchmark.entries.count), Double(solver.nodeCount) / Double(benchmark.entries.count)))
    } catch {
        print("Connect Four solver, \(name): \(error)")
    }
}
if !runSolver && runDefaults { print("(the Connect Four solver on Pons' files runs with --solver, about 6 minutes; Test_L1_R3 with --hard)") }

// MCTS (UCT, c = 2 as in the OpenSpiel 2.0.2 runs the mcts chapter compares with, one random rollout per simulation):
// simulations per second from the empty board, one search of many simulations, one core.
func simulationsPerSecond<Game: RandomPlayout>(_ game: Game.Type, simulations: Int) -> Double {
    var generator = Xoshiro256StarStar(seed: 0)
    return MCTS<Game, UCT, RandomRollout<Game>>.simulationsPerSecond(simulations: simulations, repeats: 3, using: &generator)
}
if runDefaults {
print(String(format: "MCTS, tic-tac-toe, empty board: %.2f million simulations per second (OpenSpiel C++ about 0.94 M here)", simulationsPerSecond(TicTacToe.self, simulations: 200_000) / 1e6))
print(String(format: "MCTS, Connect Four, empty board: %.0f thousand simulations per second (OpenSpiel C++ about 130 k here)", simulationsPerSecond(ConnectFour.self, simulations: 50_000) / 1e3))
}

// Connect Four weak solve (win/draw/loss) cost by ply, from seeded random openings.
if CommandLine.arguments.contains("--weak") {
    let solver = ConnectFourSolver()
    for ply in [16, 14, 12, 10, 8] {
        var generator = Xoshiro256StarStar(seed: UInt64(ply))
        var total = 0.0
        for _ in 0..<3 {
            var position = ConnectFour.initial
            while position.moveCount < ply, position.outcome == nil { position.play(position.legalMoves.randomElement(drawing: &generator)) }
            if position.outcome != nil { continue }
            let start = DispatchTime.now().uptimeNanoseconds
            let values = solver.outcomeOfMoves(position)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            total += seconds
            print("ply \(ply) \(position.moveText): \(values.map { $0.map(String.init) ?? "-" }) \(String(format: "%.3f", seconds)) s")
        }
        print(String(format: "ply %d: mean %.3f s per position (all moves weakly solved)", ply, total / 3))
    }
}

// The weak solve of every move of beginning positions (the mcts chapter's mistake counts).
if CommandLine.arguments.contains("--weak-moves") {
    for name in ["Test_L1_R1", "Test_L1_R2", "Test_L1_R3"] {
        guard let benchmark = try? PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: projectRoot)) else { continue }
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        let sample = stride(from: 0, to: 200, by: 20).map { benchmark.entries[$0].position }
        let start = DispatchTime.now().uptimeNanoseconds
        for position in sample { _ = solver.outcomeOfMoves(position) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "weak solve of every move, %@: mean %.3f s per position (%d positions)", name, seconds / Double(sample.count), sample.count))
    }
}

// AlphaZero: network forward passes, training examples per second, self-play positions per second.
if CommandLine.arguments.contains("--alphazero") {
    func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    var generator = Xoshiro256StarStar(seed: 9)
    for (name, shape) in [("tic-tac-toe", NetworkShape(inputs: TicTacToe.inputSize, hidden: [64, 64], moves: 9)),
                          ("Connect Four", NetworkShape(inputs: ConnectFour.inputSize, hidden: TrainingSettings.connectFour(iterations: 1).hidden, moves: 7))] {
        let network = PolicyValueNetwork(shape: shape, using: &generator)
        for batch in [1, 64] {
            let input = (0..<(batch * shape.inputs)).map { _ in Float(generator.uniformIndex(below: 2)) }
            let legal = [Float](repeating: 1, count: batch * shape.moves)
            let repeats = batch == 1 ? 20_000 : 1_000
            let time = seconds { for _ in 0..<repeats { _ = network.predict(input, legal: legal, batch: batch) } }
            print(String(format: "network %@ %@, forward batch %d: %.1f us per batch, %.0f positions per second", name, "\(shape.hidden)", batch, time / Double(repeats) * 1e6, Double(repeats * batch) / time))
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

// AlphaZero on tic-tac-toe from scratch: wall time and solver-checked quality after training.
if CommandLine.arguments.contains("--alphazero-ttt") {
    let settings = TrainingSettings.ticTacToe
    var trainer = AlphaZeroTrainer<TicTacToe>(settings: settings, seed: 1)
    let solver = TicTacToeSolver()
    var elapsed = 0.0
    for iteration in 1...settings.iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.iterate()
        elapsed += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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
        print(String(format: "iteration %d, %.1f s: loss v %.3f p %.3f; self-play X/D/O %d/%d/%d; optimal raw %.4f, with 25 simulations %.4f",
                     iteration, elapsed, record.loss.value, record.loss.policy, record.firstWins, record.draws, record.secondWins,
                     Double(raw) / Double(solver.nonTerminalPositions.count), Double(searched) / Double(solver.nonTerminalPositions.count)))
    }
}

// AlphaZero on Connect Four with the chapter's settings: training progress against UCT with
// 1,000 rollouts, `--alphazero-c4 ITERATIONS [WEIGHTS-FILE]` (the final network is saved there).
if let flag = CommandLine.arguments.firstIndex(of: "--alphazero-c4") {
    let iterations = CommandLine.arguments.count > flag + 1 ? Int(CommandLine.arguments[flag + 1]) ?? 100 : 100
    // Overrides for probing other runs: --hidden 512,256 --games G --steps S --buffer B --late-temperature T
    // --random-opening K.
    var settings = TrainingSettings.connectFour(iterations: iterations)
    if let hidden = option("--hidden") { settings.hidden = hidden.split(separator: ",").compactMap { Int($0) } }
    if let games = option("--games").flatMap(Int.init) { settings.gamesPerIteration = games }
    if let steps = option("--steps").flatMap(Int.init) { settings.stepsPerIteration = steps }
    if let buffer = option("--buffer").flatMap(Int.init) { settings.bufferSize = buffer }
    if let temperature = option("--late-temperature").flatMap(Double.init) { settings.selfPlay.lateTemperature = temperature }
    if let plies = option("--random-opening").flatMap(Int.init) { settings.selfPlay.randomOpeningPlies = plies }
    print(settings)
    var trainer = AlphaZeroTrainer<ConnectFour>(settings: settings, seed: 1)
    var elapsed = 0.0
    while trainer.history.count < iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.iterate()
        elapsed += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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
    if CommandLine.arguments.count > flag + 2, !CommandLine.arguments[flag + 2].hasPrefix("--") {
        try Data(WeightsFile.encode(trainer.network)).write(to: URL(fileURLWithPath: CommandLine.arguments[flag + 2]))
    }
}

/// A trained network from a weights file, or from the chapter's results
/// (`output/alphazero/data/exp-az-c4.json`, where the weights are stored in base64).
func savedNetwork(_ path: String) throws -> PolicyValueNetwork {
    guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileNoSuchFile) }
    guard path.hasSuffix(".json") else { return try WeightsFile.decode([UInt8](data)) }
    let results = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    let run = ((results["points"] as! [[String: Any]])[0]["replicates"] as! [[String: Any]])[0]
    return try WeightsFile.decode([UInt8](Data(base64Encoded: run["weights"] as! String)!))
}

// Probe: a saved Connect Four network (FILE: weights or the chapter's results JSON) with more
// simulations against UCT(1,000): `--alphazero-c4-eval FILE SIMULATIONS... [--pairs P]
// [--exploration C] [--seed S]` (defaults 50 pairs, c = 1.5, seed 9; both cores).
if let flag = CommandLine.arguments.firstIndex(of: "--alphazero-c4-eval") {
    let number = { (name: String, fallback: Double) in option(name).flatMap(Double.init) ?? fallback }
    let (pairs, exploration, seed) = (Int(number("--pairs", 50)), number("--exploration", 1.5), UInt64(number("--seed", 9)))
    let network = try savedNetwork(CommandLine.arguments[flag + 1])
    let counts = CommandLine.arguments[(flag + 2)...].prefix { !$0.hasPrefix("--") }.compactMap { Int($0) }
    for simulations in counts {
        let start = DispatchTime.now().uptimeNanoseconds
        let score = Arena.parallelMatch(ConnectFour.self, a: {
            var evaluator = NetworkEvaluator<ConnectFour>(network: network)
            return { AlphaZeroPlayer.move($0, evaluator: &evaluator, simulations: simulations, exploration: exploration, using: &$1) }
        }, b: { { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) } }, pairs: pairs, openingPlies: 2, seed: seed)
        print(String(format: "%d simulations, c = %g: %d/%d/%d against UCT(1000) (%.1f%% wins), %.0f s", simulations, exploration, score.wins, score.draws,
                     score.losses, 100 * Double(score.wins) / Double(score.games), Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}

// Equilibria of random n x n games with payoffs -99..99 (the pygambit comparison's setting): the
// median time of vertex enumeration (all extreme equilibria) on 1 and 2 threads, of support
// enumeration on 2 threads (up to 12 x 12), and of Lemke-Howson from label 0.
// `--nash-games DIR COUNT N...` writes the same kind of games as files for the peers.
if let flag = CommandLine.arguments.firstIndex(of: "--nash") {
    func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    for size in CommandLine.arguments[(flag + 1)...].compactMap({ Int($0) }) {
        var generator = Xoshiro256StarStar(seed: UInt64(size))
        var times: [String: [Double]] = [:]
        var counts = [Int]()
        var vertices = [Int]()
        let games = size >= 16 ? 5 : 21
        for _ in 0..<games {
            let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
            for workers in [1, 2] {
                var result: ExtremeEquilibria?
                times["vertex enumeration, \(workers) thread(s)", default: []].append(seconds { result = VertexEnumeration.solve(game, workers: workers) })
                if workers == 1 {
                    counts.append(result!.equilibria.count)
                    vertices.append(result!.vertices.reduce(0, +))
                }
            }
            if size <= 12 {
                var found = 0
                times["support enumeration, 2 threads", default: []].append(seconds { found = SupportEnumeration.solve(game, workers: 2).equilibria.count })
                precondition(found == counts.last!, "support and vertex enumeration disagree on a random game")
            }
            times["Lemke-Howson, label 0", default: []].append(try seconds { _ = try LemkeHowson.solve(game, dropping: 0) })
        }
        for (name, values) in times.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%dx%d, %@: median %.4f s (%d games; equilibria per game %d to %d; vertices of both polytopes, median %d)", size, size, name,
                         values.sorted()[values.count / 2], games, counts.min()!, counts.max()!, vertices.sorted()[vertices.count / 2]))
        }
    }
}

if let flag = CommandLine.arguments.firstIndex(of: "--nash-games") {
    let folder = URL(fileURLWithPath: CommandLine.arguments[flag + 1])
    let count = Int(CommandLine.arguments[flag + 2])!
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for size in CommandLine.arguments[(flag + 3)...].compactMap({ Int($0) }) {
        var generator = Xoshiro256StarStar(seed: 1000 + UInt64(size))
        for k in 0..<count {
            let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
            let normal = NormalFormGame(title: "random \(size)x\(size) #\(k)", rowStrategies: (1...size).map { "r\($0)" }, columnStrategies: (1...size).map { "c\($0)" },
                                        row: game.row, column: game.column)
            try GameFile.encode(normal).write(to: folder.appendingPathComponent(String(format: "game-%02d-%03d.json", size, k)))
        }
    }
}



// Probe: the saved Connect Four network with AlphaGo's mixed leaf value, (1 - λ) v + λ z_rollout:
// `--alphazero-c4-mixed FILE SIMULATIONS λ...`.
if let flag = CommandLine.arguments.firstIndex(of: "--alphazero-c4-mixed") {
    let network = try savedNetwork(CommandLine.arguments[flag + 1])
    let simulations = Int(CommandLine.arguments[flag + 2])!
    for mixing in CommandLine.arguments[(flag + 3)...].compactMap({ Double($0) }) {
        var generator = Xoshiro256StarStar(seed: 9)
        let start = DispatchTime.now().uptimeNanoseconds
        var agent = MixedAgent<ConnectFour>(network: network, simulations: simulations, mixing: mixing)
        let score = Arena.match(ConnectFour.self, a: { agent.move($0, using: &$1) }, b: { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) }, pairs: 50, openingPlies: 2, using: &generator)
        print(String(format: "%d simulations, mixing %.2f: %d/%d/%d against UCT(1000), %.0f s", simulations, mixing, score.wins, score.draws, score.losses,
                     Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}
// Control: UCT with N rollouts against UCT(1,000).
if let flag = CommandLine.arguments.firstIndex(of: "--uct-control") {
    let simulations = Int(CommandLine.arguments[flag + 1])!
    var generator = Xoshiro256StarStar(seed: 9)
    let score = Arena.match(ConnectFour.self, a: { MCTS.chooseMove(in: $0, simulations: simulations, using: &$1) }, b: { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) },
                            pairs: 50, openingPlies: 2, using: &generator)
    print("UCT(\(simulations)) against UCT(1000): \(score.wins)/\(score.draws)/\(score.losses)")
}

// Probe: the network's losing mistakes against UCT(1,000), `--alphazero-c4-losses FILE SIMULATIONS`.
if let flag = CommandLine.arguments.firstIndex(of: "--alphazero-c4-losses") {
    analyseLosses(network: try savedNetwork(CommandLine.arguments[flag + 1]), simulations: Int(CommandLine.arguments[flag + 2]) ?? 800, pairs: 50)
}

// One random n x n game (payoffs -99..99, seed n), solved by vertex enumeration with progress:
// `--nash-one N [SECONDS]`.
if let flag = CommandLine.arguments.firstIndex(of: "--nash-one") {
    let size = Int(CommandLine.arguments[flag + 1])!
    let limit = CommandLine.arguments.count > flag + 2 ? Double(CommandLine.arguments[flag + 2]) : nil
    var generator = Xoshiro256StarStar(seed: UInt64(size))
    let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
    let start = DispatchTime.now().uptimeNanoseconds
    let result = VertexEnumeration.solve(game, limits: EnumerationLimits(seconds: limit)) { progress in
        print(String(format: "%.1f s: bases %@, vertices %@, equilibria %d", progress.seconds, progress.bases.description, progress.vertices.description, progress.equilibria))
    }
    print(String(format: "%dx%d: %d extreme equilibria, vertices %@, bases %@, %@, %.3f s", size, size, result.equilibria.count, result.vertices.description,
                 result.bases.description, result.stop.map { "stopped: \($0)" } ?? "complete", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
}
