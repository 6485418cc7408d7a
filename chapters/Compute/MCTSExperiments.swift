import Foundation
import Games
import Notebook
import Randomness
import Search

/// One strength match-up: MCTS with a budget against an opponent, in a seat.
struct StrengthPoint: Codable, Sendable, Hashable {
    /// Who MCTS plays against.
    enum Opponent: String, Codable, Sendable, CaseIterable {
        case random, perfect
    }

    var simulations: Int
    var opponent: Opponent
    /// MCTS's seat.
    var seat: Seat
}

/// A seat at a two-player game; the raw values are the names in the results.
enum Seat: String, Codable, Sendable, CaseIterable {
    case first, second
}

/// One setting of the search for the move-quality experiments.
struct QualityPoint: Codable, Sendable, Hashable {
    var simulations: Int
    var exploration: Double
}

/// How often each final-move rule picked an optimal move, at one budget.
struct RuleRun: Codable, Sendable {
    var positions: Int
    var mostVisits: Int
    var highestMean: Int
    var lowerBound: Int
}

/// The top of one search tree and the root's visit distribution.
struct TreeSnapshot: Codable, Sendable {
    /// The position searched (move text).
    var moves: String
    /// Root children: move, visits, mean; with their children.
    var children: [TreeChild]
}

/// A child of the root with its own children.
struct TreeChild: Codable, Sendable {
    var move: Int
    var visits: Int
    var mean: Double
    var children: [TreeLeaf]
}

/// A grandchild of the root.
struct TreeLeaf: Codable, Sendable {
    var move: Int
    var visits: Int
    var mean: Double
}

/// The computations of the `mcts` chapter.
enum MCTSLab {
    static let solver = TicTacToeSolver()
    /// Every non-terminal tic-tac-toe position, in a fixed order.
    static let positions = solver.nonTerminalPositions

    /// MCTS's result (1 win, 0 draw, -1 loss) in one game from the start against `opponent`,
    /// UCT with c = sqrt 2 sitting in `seat`.
    static func game<Game: RandomPlayout>(
        _: Game.Type, simulations: Int, seat: Seat, opponent: @escaping (Game, inout Xoshiro256StarStar) -> Game.Move, using generator: inout Xoshiro256StarStar
    ) -> Double {
        let mcts: (Game, inout Xoshiro256StarStar) -> Game.Move = { position, g in
            MCTS.chooseMove(in: position, simulations: simulations, exploration: 2.0.squareRoot(), using: &g)
        }
        let mctsFirst = seat == .first
        let outcome = Match.play(Game.self, first: mctsFirst ? mcts : opponent, second: mctsFirst ? opponent : mcts, using: &generator)
        return outcome.value(for: mctsFirst ? .first : .second)
    }

    /// MCTS's result in one game of tic-tac-toe against the random or the perfect player.
    static func strength(_ point: StrengthPoint, using generator: inout Xoshiro256StarStar) -> Double {
        game(TicTacToe.self, simulations: point.simulations, seat: point.seat, opponent: { position, g in
            point.opponent == .random ? position.legalMoves.randomElement(drawing: &g) : solver.optimalMoves(position).randomElement(drawing: &g)
        }, using: &generator)
    }

    /// The fraction of the given positions (every `stride`-th) where MCTS picks a solver-optimal move.
    static func quality(_ point: QualityPoint, stride step: Int, using generator: inout Xoshiro256StarStar) -> Double {
        let sample = Swift.stride(from: 0, to: positions.count, by: step).map { positions[$0] }
        var optimal = 0
        for position in sample {
            let move = MCTS.chooseMove(in: position, simulations: point.simulations, exploration: point.exploration, using: &generator)
            if solver.optimalMoves(position).contains(move) { optimal += 1 }
        }
        return Double(optimal) / Double(sample.count)
    }

    /// For every 4th position, one search and the three final-move rules read from its tree.
    static func rules(simulations: Int, using generator: inout Xoshiro256StarStar) -> RuleRun {
        var run = RuleRun(positions: 0, mostVisits: 0, highestMean: 0, lowerBound: 0)
        for position in Swift.stride(from: 0, to: positions.count, by: 4).map({ positions[$0] }) {
            var search = MCTS(position: position, policy: UCT(), evaluator: RandomRollout<TicTacToe>())
            search.search(simulations: simulations, using: &generator)
            let optimal = solver.optimalMoves(position)
            run.positions += 1
            if optimal.contains(search.bestMove(.mostVisits)!) { run.mostVisits += 1 }
            if optimal.contains(search.bestMove(.highestMean)!) { run.highestMean += 1 }
            if optimal.contains(search.bestMove(.lowerConfidenceBound(z: 1))!) { run.lowerBound += 1 }
        }
        return run
    }

    /// The tree after `simulations` simulations from the position `moves`.
    static func tree(moves: String, simulations: Int, using generator: inout Xoshiro256StarStar) throws -> TreeSnapshot {
        var search = MCTS(position: try TicTacToe(moves: moves), policy: UCT(), evaluator: RandomRollout<TicTacToe>())
        search.search(simulations: simulations, using: &generator)
        let first = Int(search.nodes[0].firstChild)
        let children = search.rootChildren.enumerated().map { k, c in
            TreeChild(move: c.move, visits: c.visits, mean: c.mean, children: search.children(of: first + k).map { TreeLeaf(move: $0.move, visits: $0.visits, mean: $0.mean) })
        }
        return TreeSnapshot(moves: moves, children: children)
    }
}

