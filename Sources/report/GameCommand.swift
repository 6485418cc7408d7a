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
            abstract: "Print every Nash equilibrium of a game file, as exact fractions.",
            discussion: """
                Two-player games: all equilibria by support enumeration (complete for non-degenerate games; \
                a degenerate game is reported as such), plus the value by linear programming when the game is \
                zero-sum. Games of more players: the pure equilibria.
                """
        )

        @Argument(help: "The game file (JSON).")
        var file: String

        @Flag(name: .long, help: "Print JSON: probabilities and payoffs as exact fraction strings such as \"3/5\".")
        var json = false

        func run() throws {
            let game: NormalFormGame
            do { game = try GameFile.read(URL(fileURLWithPath: file)) } catch {
                printError("error: \(file): \(error)")
                throw ExitCode.failure
            }
            let report = GameSolution(game)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text(for: game), terminator: "")
            }
        }
    }
}

/// What `report game solve` prints, as JSON or as text.
struct GameSolution: Encodable {
    /// One equilibrium: one probability vector per player and one payoff per player.
    struct Equilibrium: Encodable {
        var strategies: [[String]]
        var payoffs: [String]
        var pure: Bool
    }

    var title: String
    var players: [String]
    var strategies: [[String]]
    var method: String
    var degenerate: Bool
    var degeneracy: String?
    var zeroSum: Bool
    var value: String?
    var equilibria: [Equilibrium]

    init(_ game: NormalFormGame) {
        title = game.title
        players = game.players
        strategies = game.strategies
        zeroSum = game.isZeroSum
        if let bimatrix = game.bimatrix {
            let set = SupportEnumeration.solve(bimatrix, workers: ProcessInfo.processInfo.activeProcessorCount)
            method = "support enumeration"
            degenerate = set.isDegenerate
            degeneracy = set.degeneracy
            equilibria = set.equilibria.map {
                Equilibrium(strategies: [$0.row.map(\.description), $0.column.map(\.description)],
                            payoffs: [$0.rowPayoff.description, $0.columnPayoff.description], pure: $0.isPure)
            }
            value = zeroSum ? ZeroSumSolver.solve(bimatrix.row).value.description : nil
        } else {
            method = "pure strategies only (mixed equilibria are solved for two players)"
            degenerate = false
            equilibria = game.pureEquilibria.map { profile in
                Equilibrium(strategies: profile.enumerated().map { player, choice in game.strategies[player].indices.map { $0 == choice ? "1" : "0" } },
                            payoffs: game.payoffs[game.profileIndex(profile)].map(\.description), pure: true)
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case title, players, strategies, method, degenerate, degeneracy, zeroSum, value, equilibria
    }

    /// Writes every key, with `null` for an absent degeneracy or value, so the schema is fixed.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(players, forKey: .players)
        try container.encode(strategies, forKey: .strategies)
        try container.encode(method, forKey: .method)
        try container.encode(degenerate, forKey: .degenerate)
        try container.encode(degeneracy, forKey: .degeneracy)
        try container.encode(zeroSum, forKey: .zeroSum)
        try container.encode(value, forKey: .value)
        try container.encode(equilibria, forKey: .equilibria)
    }

    /// The report for people.
    func text(for game: NormalFormGame) -> String {
        var lines = ["\(title): \(players.count) players, \(game.shape.map(String.init).joined(separator: " x ")) strategies"]
        lines.append("Method: \(method)")
        if let degeneracy { lines.append("Degenerate: \(degeneracy); equilibria forming a continuum may be missing.") } else if players.count == 2 {
            lines.append("Non-degenerate: the list is complete.")
        }
        if let value { lines.append("Zero-sum; value to \(players[0]): \(value)") }
        let pure = equilibria.filter(\.pure).count
        lines.append("\(equilibria.count) equilibri\(equilibria.count == 1 ? "um" : "a"): \(pure) pure, \(equilibria.count - pure) mixed")
        let width = (players + ["payoffs"]).map(\.count).max()! + 2
        for (k, equilibrium) in equilibria.enumerated() {
            lines.append("")
            lines.append("Equilibrium \(k + 1)\(equilibrium.pure ? " (pure)" : "")")
            for (player, probabilities) in equilibrium.strategies.enumerated() {
                let support = probabilities.indices.filter { probabilities[$0] != "0" }
                    .map { "\(strategies[player][$0]) \(probabilities[$0])" }.joined(separator: ", ")
                lines.append("  " + players[player].padding(toLength: width, withPad: " ", startingAt: 0) + support)
            }
            lines.append("  " + "payoffs".padding(toLength: width, withPad: " ", startingAt: 0) + equilibrium.payoffs.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
