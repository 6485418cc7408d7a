/// Tic-tac-toe solved by full minimax over every position reachable from the empty board.
public struct TicTacToeSolver: Sendable {
    /// The game-theoretic value of every reachable position for the player to move:
    /// 1 win, 0 draw, -1 loss.
    public let values: [TicTacToe: Int]

    /// Solves the whole game.
    public init() {
        var values = [TicTacToe: Int]()
        @discardableResult
        func solve(_ position: TicTacToe) -> Int {
            if let known = values[position] { return known }
            let value: Int
            if let outcome = position.outcome {
                value = Int(outcome.value(for: position.currentPlayer))
            } else {
                value = position.legalMoves.map { move -> Int in
                    var next = position
                    next.play(move)
                    return -solve(next)
                }.max()!
            }
            values[position] = value
            return value
        }
        solve(.initial)
        self.values = values
    }

    /// The value of `position` for the player to move.
    public func value(of position: TicTacToe) -> Int {
        values[position] ?? TicTacToeSolver.evaluate(position)
    }

    /// The optimal moves of `position` (those of the best value).
    public func optimalMoves(_ position: TicTacToe) -> [Int] {
        let scored = position.legalMoves.map { move -> (Int, Int) in
            var next = position
            next.play(move)
            return (move, -value(of: next))
        }
        let best = scored.map(\.1).max() ?? 0
        return scored.filter { $0.1 == best }.map(\.0)
    }

    /// Every reachable position that is not over.
    public var nonTerminalPositions: [TicTacToe] {
        values.keys.filter { $0.outcome == nil }.sorted { ($0.stones.first, $0.stones.second) < ($1.stones.first, $1.stones.second) }
    }

    static func evaluate(_ position: TicTacToe) -> Int {
        if let outcome = position.outcome { return Int(outcome.value(for: position.currentPlayer)) }
        return position.legalMoves.map { move -> Int in
            var next = position
            next.play(move)
            return -evaluate(next)
        }.max()!
    }
}
