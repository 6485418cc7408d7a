import Games
import Randomness

/// Depth-limited minimax (negamax with alpha-beta) that sees only wins and losses within its
/// horizon: positions it cannot resolve score 0. Among equally scored moves it picks at random.
/// It is the baseline AlphaZero.jl compares against on Pons' positions (depth 5).
public struct DepthLimitedMinimax<Game: TwoPlayerGame> {
    /// Plies searched.
    public let depth: Int

    /// A searcher to `depth` plies.
    public init(depth: Int) {
        precondition(depth >= 1, "the depth must be at least one ply")
        self.depth = depth
    }

    /// The value of every legal move for the player to move (1 a forced win within the horizon,
    /// -1 a forced loss, 0 unknown; faster wins score higher), in `legalMoves` order.
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
        if depth == 0 { return 0 }
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
