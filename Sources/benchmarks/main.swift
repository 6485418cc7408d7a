// Speed figures for the closing notes and the README: updates per second of Dyna-Q and prioritized
// sweeping on one core, on the largest scaled maze of the dyna chapter: whole runs (acting,
// learning and planning, until near-optimal) and planning alone on a known model.
import Dispatch
import Foundation
import Games
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
for name in PonsBenchmark.files where includeHard || name != "Test_L1_R3" {
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
if !includeHard { print("(Test_L1_R3, the stretch goal, runs with --hard)") }
