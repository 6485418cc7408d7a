import ArgumentParser
import Foundation
import GameTheory

/// `report game`: the game-theory library on its own, for a user's game file.
struct GameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "game",
        abstract: "Work with normal-form game files (format: see GameFile in Sources/GameTheory).",
        subcommands: [Solve.self]
    )

    /// `report game solve FILE`.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every extreme Nash equilibrium of a game file, as exact fractions.",
            discussion: """
                Two-player games: every extreme equilibrium, exactly, by enumerating the vertices of both \
                best-response polytopes, and the maximal Nash subsets they form (in a degenerate game every \
                equilibrium is a mix within one of them); the value by linear programming when the game is \
                zero-sum. Games of more players: the pure equilibria. Long runs show progress on standard \
                error; --timeout or Ctrl-C stops one and prints what was found, marked incomplete. \
                Exit status: 0 complete, 1 bad input, 2 incomplete.
                """
        )

        @Argument(help: "The game file (JSON).")
        var file: String

        @Flag(name: .long, help: "Print JSON: probabilities and payoffs as exact fraction strings such as \"3/5\".")
        var json = false

        @Option(name: .long, help: ArgumentHelp("Stop after this many seconds and print what was found.", valueName: "seconds"))
        var timeout: Double?

        @Option(name: .long, help: ArgumentHelp("Stop when this many bases (about 200 bytes each) are held in memory.", valueName: "count"))
        var maxBases = 10_000_000

        func validate() throws {
            if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
            if maxBases < 64 { throw ValidationError("--max-bases must be at least 64") }
        }

        func run() throws {
            let game: NormalFormGame
            do { game = try GameFile.read(URL(fileURLWithPath: file)) } catch {
                printError("error: \(file): \(error)")
                throw ExitCode.failure
            }
            if let shape = game.bimatrix.map({ $0.rows + $0.columns }), shape > 128 {
                printError("error: \(file): \(shape) strategies in all; vertex enumeration here handles at most 128 (and past 20 x 20 it takes hours)")
                throw ExitCode.failure
            }
            let interrupt = InterruptFlag()
            let limits = EnumerationLimits(seconds: timeout, maxBases: maxBases, isCancelled: { interrupt.isSet })
            let reporter = ProgressLine()
            let solution = GameSolution(game, limits: limits, progress: { reporter.show($0) })
            reporter.finish()
            interrupt.restore()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(solution), as: UTF8.self))
            } else {
                print(solution.text(for: game), terminator: "")
            }
            if !solution.complete { throw ExitCode(2) }
        }
    }
}
