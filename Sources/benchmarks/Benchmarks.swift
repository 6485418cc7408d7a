import ArgumentParser
import Dispatch
import Foundation

/// Speed and quality probes for the closing notes and the README. Every probe is a subcommand
/// with typed, validated arguments; `benchmarks` alone runs the default speed figures.
@main
struct Benchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Speed figures of the learning, search and solver code (build with -c release).",
        subcommands: [
            Defaults.self, Solver.self, WeakSolve.self, WeakMoves.self, UCTControl.self,
            Network.self, TicTacToeTrainingProbe.self, MuZeroTicTacToeProbe.self, MuZeroDiagnostics.self, MuZeroConnectFourProbe.self, MuZeroConnectFourDiagnostics.self, MuZeroConnectFourRewardProbe.self, ConnectFourTrainingProbe.self, ConnectFourEvaluation.self, ConnectFourMixed.self, ConnectFourLosses.self,
            Nash.self, NashGames.self, NashOne.self, SlurmOverhead.self, TinyRunUnits.self,
        ],
        defaultSubcommand: Defaults.self
    )
}

/// Seconds `work` takes.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The package root (the working directory), which holds Pons' positions.
let projectRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

/// Checks that every number in `values` is at least `minimum`, naming the argument.
func requireAtLeast<T: Comparable>(_ minimum: T, _ values: [T], _ name: String) throws {
    if let bad = values.first(where: { $0 < minimum }) { throw ValidationError("\(name) must be at least \(minimum) (got \(bad))") }
}
