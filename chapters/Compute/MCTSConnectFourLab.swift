import Charts
import Foundation
import Games
import Notebook
import Randomness
import Search

/// One Connect Four game against the perfect player: MCTS's budget, its seat and the opening.
struct PerfectGamePoint: Codable, Sendable, Hashable {
    var simulations: Int
    /// "first" or "second": MCTS's seat.
    var seat: String
    /// Index into `ConnectFourLab.openings`.
    var opening: Int
}

/// A game from a solved opening: what MCTS could secure and what it got.
struct PerfectGame: Codable, Sendable {
    /// The game-theoretic result of the opening for MCTS's side (1 win, 0 draw, -1 loss).
    var value: Int
    /// The result MCTS got (1 win, 0 draw, -1 loss).
    var result: Int
}

/// UCT's mistake rate on one Pons file at several budgets, each position solved once.
struct PonsQuality: Codable, Sendable {
    var positions: Int
    /// Budgets, ascending.
    var simulations: [Int]
    /// Positions without a mistake, per budget.
    var good: [Int]
}

/// A Connect Four position with the root of one search and the solver's verdict on every move.
struct RootSnapshot: Codable, Sendable {
    /// The position (Pons move text).
    var moves: String
    var simulations: Int
    /// Visits of each column's child (0 for full columns).
    var visits: [Int]
    /// Mean result of each column's child, for the player to move (nil for full columns).
    var means: [Double?]
    /// The solver's result of each move (1 win, 0 draw, -1 loss), nil for full columns.
    var outcomes: [Int?]
}

/// The Connect Four computations of the `mcts` chapter.
enum ConnectFourLab {
    /// The package root, which holds Pons' positions in `data/connect-four`.
    static let projectRoot = SourceFingerprint.packageRoot(containing: #filePath) ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// Plies played at random before a game against the perfect player starts: solving the
    /// opening itself exactly would take minutes per move.
    static let openingPlies = 8
    /// Openings for the games against the perfect player: `openingPlies` uniformly random moves,
    /// drawn from a fixed stream, skipping any after which the player to move can win at once.
    static let openings: [String] = {
        var generator = Xoshiro256StarStar(seed: 0xC4_0BE4)
        var found = [String]()
        while found.count < 20 {
            var position = ConnectFour.initial
            while position.moveCount < openingPlies, position.outcome == nil {
                position.play(position.legalMoves.randomElement(drawing: &generator))
            }
            if position.outcome == nil, !position.legalMoves.contains(where: position.isWinningMove) {
                found.append(position.moveText)
            }
        }
        return found
    }()

    /// A game of MCTS (UCT, c = sqrt 2) against the perfect player from an opening.
    static func perfectGame(_ point: PerfectGamePoint, using generator: inout Xoshiro256StarStar) throws -> PerfectGame {
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        var position = try ConnectFour(moves: openings[point.opening])
        let mctsSide: Player = point.seat == "first" ? .first : .second
        let start = solver.outcome(position)
        let value = position.currentPlayer == mctsSide ? start : -start
        while position.outcome == nil {
            let move = position.currentPlayer == mctsSide
                ? MCTS.chooseMove(in: position, simulations: point.simulations, using: &generator)
                : solver.optimalMove(position).move
            position.play(move)
        }
        return PerfectGame(value: value, result: Int(position.outcome!.value(for: mctsSide)))
    }

    /// MCTS's result (1, 0, -1) in one Connect Four game from the empty board against a uniformly
    /// random player.
    static func randomGame(_ point: StrengthPoint, using generator: inout Xoshiro256StarStar) -> Double {
        MCTSLab.game(ConnectFour.self, simulations: point.simulations, seat: point.seat, opponent: { position, g in
            position.legalMoves.randomElement(drawing: &g)
        }, using: &generator)
    }

    /// Mistakes of UCT on every `step`-th position of a Pons file at each budget; every move of
    /// each position is solved once (win, draw or loss) and shared by the budgets.
    static func ponsQuality(file: String, step: Int, budgets: [Int], using generator: inout Xoshiro256StarStar) throws -> PonsQuality {
        let benchmark = try PonsBenchmark(name: file, folder: PonsBenchmark.bundledFolder(projectRoot: projectRoot))
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        let sample = Swift.stride(from: 0, to: benchmark.entries.count, by: step).map { benchmark.entries[$0].position }
        var good = [Int](repeating: 0, count: budgets.count)
        for position in sample {
            let results = solver.outcomeOfMoves(position)
            let best = results.compactMap { $0 }.max()!
            for (k, budget) in budgets.enumerated() {
                let move = MCTS.chooseMove(in: position, simulations: budget, using: &generator)
                if results[move] == best { good[k] += 1 }
            }
        }
        return PonsQuality(positions: sample.count, simulations: budgets, good: good)
    }

    /// The first position of the medium middle-game set with exactly one winning move and at
    /// least five legal moves: the search has to find a needle.
    static func needlePosition() throws -> (moves: String, position: ConnectFour) {
        let benchmark = try PonsBenchmark(name: "Test_L2_R2", folder: PonsBenchmark.bundledFolder(projectRoot: projectRoot))
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        for entry in benchmark.entries where entry.score > 0 && entry.position.legalMoves.count >= 5 {
            if solver.outcomeOfMoves(entry.position).filter({ $0 == 1 }).count == 1 { return (entry.moves, entry.position) }
        }
        throw LabError.noSuchPosition
    }

    /// One search of `simulations` from the needle position, with the solver's verdicts.
    static func rootSnapshot(simulations: Int, using generator: inout Xoshiro256StarStar) throws -> RootSnapshot {
        let (moves, position) = try needlePosition()
        var search = MCTS(position: position, policy: UCT(), evaluator: RandomRollout<ConnectFour>())
        search.search(simulations: simulations, using: &generator)
        var visits = [Int](repeating: 0, count: ConnectFour.width)
        var means = [Double?](repeating: nil, count: ConnectFour.width)
        for child in search.rootChildren {
            visits[child.move] = child.visits
            means[child.move] = child.mean
        }
        let outcomes = ConnectFourSolver(tableEntries: 1 << 22 | 1).outcomeOfMoves(position)
        return RootSnapshot(moves: moves, simulations: simulations, visits: visits, means: means, outcomes: outcomes)
    }

}

/// Errors of the chapter's own computations.
enum LabError: Error, CustomStringConvertible {
    case noSuchPosition

    var description: String { "no position of Test_L2_R2 has exactly one winning move among five or more" }
}
