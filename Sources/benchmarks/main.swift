// Speed figures for the closing notes and the README: updates per second of Dyna-Q and prioritized
// sweeping on one core, on the largest scaled maze of the dyna chapter: whole runs (acting,
// learning and planning, until near-optimal) and planning alone on a known model.
import Dispatch
import Foundation
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
if !runSolver { print("(the Connect Four solver on Pons' files runs with --solver, about 6 minutes; Test_L1_R3 with --hard)") }

// MCTS (UCT, c = 2 as in REFERENCES.md's OpenSpiel runs, one random rollout per simulation):
// simulations per second from the empty board, one search of many simulations, one core.
func simulationsPerSecond<Game: RandomPlayout>(_ game: Game.Type, simulations: Int) -> Double {
    var best = 0.0
    for seed in 0..<3 {
        var search = MCTS(position: Game.initial, policy: UCT(exploration: 2), evaluator: RandomRollout<Game>())
        var generator = Xoshiro256StarStar(seed: UInt64(seed))
        let start = DispatchTime.now().uptimeNanoseconds
        search.search(simulations: simulations, using: &generator)
        best = max(best, Double(simulations) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
    return best
}
print(String(format: "MCTS, tic-tac-toe, empty board: %.2f million simulations per second (OpenSpiel C++ about 0.94 M here)", simulationsPerSecond(TicTacToe.self, simulations: 1_000_000) / 1e6))
print(String(format: "MCTS, Connect Four, empty board: %.0f thousand simulations per second (OpenSpiel C++ about 130 k here)", simulationsPerSecond(ConnectFour.self, simulations: 200_000) / 1e3))
