import Foundation
import GameTheory

/// What `report game solve` prints, as JSON or as text.
struct GameSolution: Encodable {
    /// One equilibrium: one probability vector per player and one payoff per player.
    struct Equilibrium: Encodable {
        var strategies: [[String]]
        var payoffs: [String]
        var pure: Bool
    }

    /// A maximal Nash subset: every mix of the row strategies against every mix of the column
    /// strategies is an equilibrium; `equilibria` are positions in the list (from 0).
    struct Subset: Encodable {
        var equilibria: [Int]
        var strategies: [[[String]]]
    }

    var title: String
    var players: [String]
    var strategies: [[String]]
    var method: String
    var complete: Bool
    var stop: String?
    var degenerate: Bool
    var degeneracy: String?
    var zeroSum: Bool
    var value: String?
    var equilibria: [Equilibrium]
    var subsets: [Subset]

    init(_ game: NormalFormGame, limits: EnumerationLimits, progress: (@Sendable (EnumerationProgress) -> Void)?) {
        title = game.title
        players = game.players
        strategies = game.strategies
        zeroSum = game.isZeroSum
        if let bimatrix = game.bimatrix {
            let result = VertexEnumeration.solve(bimatrix, workers: 2, limits: limits, progress: progress)
            method = "vertex enumeration of both best-response polytopes, exact"
            complete = result.isComplete
            stop = result.stop?.description
            degenerate = result.isDegenerate
            degeneracy = result.degeneracy
            equilibria = result.equilibria.map {
                Equilibrium(strategies: [$0.row.map(\.description), $0.column.map(\.description)],
                            payoffs: [$0.rowPayoff.description, $0.columnPayoff.description], pure: $0.isPure)
            }
            subsets = result.subsets.map { Subset(equilibria: $0.equilibria, strategies: [$0.row.map { $0.map(\.description) }, $0.column.map { $0.map(\.description) }]) }
            value = zeroSum && result.isComplete ? ZeroSumSolver.solve(bimatrix.row).value.description : nil
        } else {
            method = "pure strategies only (mixed equilibria are solved for two players)"
            complete = true
            degenerate = false
            equilibria = game.pureEquilibria.map { profile in
                Equilibrium(strategies: profile.enumerated().map { player, choice in game.strategies[player].indices.map { $0 == choice ? "1" : "0" } },
                            payoffs: game.payoffs[game.profileIndex(profile)].map(\.description), pure: true)
            }
            subsets = []
        }
    }

    private enum CodingKeys: String, CodingKey {
        case title, players, strategies, method, complete, stop, degenerate, degeneracy, zeroSum, value, equilibria, subsets
    }

    /// Writes every key, with `null` for an absent stop, degeneracy or value, so the schema is fixed.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(players, forKey: .players)
        try container.encode(strategies, forKey: .strategies)
        try container.encode(method, forKey: .method)
        try container.encode(complete, forKey: .complete)
        try container.encode(stop, forKey: .stop)
        try container.encode(degenerate, forKey: .degenerate)
        try container.encode(degeneracy, forKey: .degeneracy)
        try container.encode(zeroSum, forKey: .zeroSum)
        try container.encode(value, forKey: .value)
        try container.encode(equilibria, forKey: .equilibria)
        try container.encode(subsets, forKey: .subsets)
    }

    /// The report for people; names from the file are sanitised and aligned by display width.
    func text(for game: NormalFormGame) -> String {
        let names = players.map(TerminalText.sanitized)
        let strategyNames = strategies.map { $0.map(TerminalText.sanitized) }
        var lines = ["\(TerminalText.sanitized(title)): \(players.count) players, \(game.shape.map(String.init).joined(separator: " x ")) strategies"]
        lines.append("Method: \(method)")
        let kind = players.count == 2 ? "extreme equilibri" : "pure equilibri"
        if let stop {
            lines.append("INCOMPLETE: stopped because \(stop). Each of the \(equilibria.count) listed is an equilibrium; others may be missing.")
        }
        if players.count == 2 {
            if let degeneracy {
                lines.append("Degenerate: \(degeneracy). Equilibria form convex sets: every mix within a maximal Nash subset below is one.")
            } else if complete {
                lines.append("Non-degenerate: the extreme equilibria are all the equilibria, and the list is complete.")
            }
        }
        if let value { lines.append("Zero-sum; value to \(names[0]): \(value)") }
        let pure = equilibria.filter(\.pure).count
        lines.append("\(equilibria.count) \(kind)\(equilibria.count == 1 ? "um" : "a"): \(pure) pure, \(equilibria.count - pure) mixed")
        let width = (names + ["payoffs"]).map(TerminalText.width).max()! + 2
        for (k, equilibrium) in equilibria.enumerated() {
            lines.append("")
            lines.append("Equilibrium \(k + 1)\(equilibrium.pure ? " (pure)" : "")")
            for (player, probabilities) in equilibrium.strategies.enumerated() {
                lines.append("  " + TerminalText.padded(names[player], to: width) + mix(probabilities, strategyNames[player]))
            }
            lines.append("  " + TerminalText.padded("payoffs", to: width) + equilibrium.payoffs.joined(separator: ", "))
        }
        if subsets.contains(where: { $0.equilibria.count > 1 }) {
            lines.append("")
            lines.append("Maximal Nash subsets: any mix of a subset's \(names[0]) strategies against any mix of its \(names[1]) strategies is an equilibrium.")
            for (k, subset) in subsets.enumerated() {
                lines.append("  Subset \(k + 1): equilibria \(subset.equilibria.map { String($0 + 1) }.joined(separator: ", "))")
                for player in 0..<2 {
                    let extremes = subset.strategies[player].map { "(" + mix($0, strategyNames[player]) + ")" }
                    let described = extremes.count == 1 ? extremes[0] : "any mix of " + extremes.dropLast().joined(separator: ", ") + " and " + extremes.last!
                    lines.append("    " + TerminalText.padded(names[player], to: width) + described)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func mix(_ probabilities: [String], _ names: [String]) -> String {
        probabilities.indices.filter { probabilities[$0] != "0" }.map { "\(names[$0]) \(probabilities[$0])" }.joined(separator: ", ")
    }
}
