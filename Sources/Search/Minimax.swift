import Games
import Randomness

/// Depth-limited minimax (negamax with alpha-beta). Positions it cannot resolve within its
/// horizon score 0, or, with a heuristic, the heuristic's value squashed into (-1, 1), so that
/// any win or loss within the horizon outranks it. Among equally scored moves it picks at random.
/// With Connect Four's alignment heuristic at depth 5 it is the baseline AlphaZero.jl compares
/// against on Pons' positions.
public struct DepthLimitedMinimax<Game: TwoPlayerGame> {
    /// Plies searched.
    public let depth: Int
    /// The value of a position at the horizon for the player to move, if any.
    public let heuristic: (@Sendable (Game) -> Double)?

    /// A searcher to `depth` plies, scoring the horizon with `heuristic` (or 0 without one).
    public init(depth: Int, heuristic: (@Sendable (Game) -> Double)? = nil) {
        precondition(depth >= 1, "the depth must be at least one ply")
        self.depth = depth
        self.heuristic = heuristic
    }

    /// The value of every legal move for the player to move (1 or more a forced win within the
    /// horizon, -1 or less a forced loss, in between unknown; faster wins score higher), in
    /// `legalMoves` order.
    public func moveValues(_ position: Game) -> [Double] {
        position.legalMoves.map { move in
            var child = position
            child.playUnchecked(move)
            return -negamax(child, depth: depth - 1, alpha: -.infinity, beta: .infinity)
        }
    }

    /// A best move, ties broken uniformly at random.
    public func chooseMove<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> Game.Move {
        let moves = position.legalMoves
        let values = moveValues(position)
        let best = values.max()!
        let candidates = moves.indices.filter { values[$0] == best }
        return moves[candidates[generator.uniformIndex(below: candidates.count)]]
    }

    private func negamax(_ position: Game, depth: Int, alpha: Double, beta: Double) -> Double {
        if let outcome = position.outcome {
            // A win found sooner is worth a little more, so that the searcher does not dawdle.
            return outcome.value(for: position.currentPlayer) * (1 + Double(depth) / 100)
        }
        if depth == 0 {
            guard let heuristic else { return 0 }
            let value = heuristic(position)
            return value / (1 + abs(value))
        }
        var alpha = alpha
        var best = -Double.infinity
        for move in position.legalMoves {
            var child = position
            child.playUnchecked(move)
            let value = -negamax(child, depth: depth - 1, alpha: -beta, beta: -alpha)
            best = max(best, value)
            alpha = max(alpha, value)
            if alpha >= beta { break }
        }
        return best
    }
}
