import AlphaZero
import ArgumentParser
import Dispatch
import Foundation
import Games
import Randomness
import Search
import Tabular

/// Updates per second of Dyna-Q and prioritized sweeping on one core (whole runs and planning
/// alone), and MCTS simulations per second from the empty board.
struct Defaults: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speed", abstract: "Dyna-Q, prioritized sweeping and MCTS speed (the default).")

    func run() {
        let maze = GridMaze.dynaMaze.scaled(by: 12)
        let settings = DynaQSettings(stepSize: 1, planningSteps: 5)
        measure("whole run, Dyna-Q, n = 5, maze of 6,768 states") {
            var generator = Xoshiro256StarStar(seed: 1)
            return DynaQ(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
        }
        measure("whole run, prioritized sweeping, n = 5, maze of 6,768 states") {
            var generator = Xoshiro256StarStar(seed: 1)
            return PrioritizedSweeping(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
        }
        measure("whole run, Dyna-Q, n = 50, Dyna maze, 50 episodes") {
            var generator = Xoshiro256StarStar(seed: 1)
            let run = DynaQ(settings: DynaQSettings(planningSteps: 50)).run(on: GridMaze.dynaMaze, episodes: 50, using: &generator)
            return run.stepsPerEpisode.reduce(0, +) + run.planningUpdatesPerEpisode.reduce(0, +)
        }
        measure("model updates alone, Dyna-Q random replay, 6,768 states") {
            var generator = Xoshiro256StarStar(seed: 2)
            return DynaQ(settings: settings).planWithKnownModel(maze, updates: 20_000_000, using: &generator)
        }
        measure("model updates alone, prioritized sweeping, 6,768 states") {
            PrioritizedSweeping(settings: settings).planWithKnownModel(maze, updates: 5_000_000)
        }
        // UCT with c = 2 and one random rollout, as in the OpenSpiel 2.0.2 runs the mcts chapter compares with.
        func simulationsPerSecond<Game: RandomPlayout>(_ game: Game.Type, simulations: Int) -> Double {
            var generator = Xoshiro256StarStar(seed: 0)
            return MCTS<Game, UCT, RandomRollout<Game>>.simulationsPerSecond(simulations: simulations, repeats: 3, using: &generator)
        }
        print(String(format: "MCTS, tic-tac-toe, empty board: %.2f million simulations per second (OpenSpiel C++ about 0.94 M here)",
                     simulationsPerSecond(TicTacToe.self, simulations: 200_000) / 1e6))
        print(String(format: "MCTS, Connect Four, empty board: %.0f thousand simulations per second (OpenSpiel C++ about 130 k here)",
                     simulationsPerSecond(ConnectFour.self, simulations: 50_000) / 1e3))
        print("(the Connect Four solver on Pons' files: `benchmarks solver`, about 6 minutes; Test_L1_R3 with --hard)")
    }

    /// Prints the best rate of `body` (which returns its update count) over `repeats` runs.
    private func measure(_ name: String, repeats: Int = 3, _ body: () -> Int) {
        var best = 0.0
        var updates = 0
        for _ in 0..<repeats {
            let time = seconds { updates = body() }
            best = max(best, Double(updates) / time)
        }
        print("\(name): \(updates) updates, \(String(format: "%.1f", best / 1e6)) million updates per second (best of \(repeats), one core)")
    }
}

/// The exact solver on Pons' benchmark files; every score must match.
struct Solver: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Solve Pons' Connect Four positions exactly and count wrong scores.")

    @Flag(help: "Include Test_L1_R3, the hardest set (much slower).")
    var hard = false

    func run() throws {
        for name in PonsBenchmark.files where hard || name != "Test_L1_R3" {
            let benchmark = try PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: projectRoot))
            // One solver per file: its table holds exact bounds of positions, valid across queries.
            let solver = ConnectFourSolver()
            var wrong = 0
            let time = seconds { for entry in benchmark.entries where solver.solve(entry.position) != entry.score { wrong += 1 } }
            print(String(format: "Connect Four solver, %@: %d positions, %d wrong, mean %.3f ms per position, %.0f nodes per position",
                         name, benchmark.entries.count, wrong, time * 1000 / Double(benchmark.entries.count), Double(solver.nodeCount) / Double(benchmark.entries.count)))
        }
    }
}

/// The cost of weakly solving (win/draw/loss) every move of seeded random openings, by ply.
struct WeakSolve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weak", abstract: "Weak-solve cost by ply from random openings.")

    func run() {
        let solver = ConnectFourSolver()
        for ply in [16, 14, 12, 10, 8] {
            var generator = Xoshiro256StarStar(seed: UInt64(ply))
            var total = 0.0
            for _ in 0..<3 {
                var position = ConnectFour.initial
                while position.moveCount < ply, position.outcome == nil { position.play(position.legalMoves.randomElement(drawing: &generator)) }
                if position.outcome != nil { continue }
                var values = [Int?]()
                let time = seconds { values = solver.outcomeOfMoves(position) }
                total += time
                print("ply \(ply) \(position.moveText): \(values.map { $0.map(String.init) ?? "-" }) \(String(format: "%.3f", time)) s")
            }
            print(String(format: "ply %d: mean %.3f s per position (all moves weakly solved)", ply, total / 3))
        }
    }
}

/// The weak solve of every move of beginning positions (the mcts chapter's mistake counts).
struct WeakMoves: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Weak-solve every move of positions from Pons' beginning sets.")

    func run() throws {
        for name in ["Test_L1_R1", "Test_L1_R2", "Test_L1_R3"] {
            let benchmark = try PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: projectRoot))
            let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
            let sample = stride(from: 0, to: 200, by: 20).map { benchmark.entries[$0].position }
            let time = seconds { for position in sample { _ = solver.outcomeOfMoves(position) } }
            print(String(format: "weak solve of every move, %@: mean %.3f s per position (%d positions)", name, time / Double(sample.count), sample.count))
        }
    }
}

/// UCT with N rollouts against UCT(1,000).
struct UCTControl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "UCT with the given rollouts against UCT(1,000), 50 pairs of games.")

    @Argument(help: "Rollouts per move.")
    var simulations: Int

    func validate() throws { try requireAtLeast(1, [simulations], "simulations") }

    func run() {
        var generator = Xoshiro256StarStar(seed: 9)
        let score = Arena.match(ConnectFour.self, a: { MCTS.chooseMove(in: $0, simulations: simulations, using: &$1) },
                                b: { MCTS.chooseMove(in: $0, simulations: 1000, using: &$1) }, pairs: 50, openingPlies: 2, using: &generator)
        print("UCT(\(simulations)) against UCT(1000): \(score.wins)/\(score.draws)/\(score.losses)")
    }
}
