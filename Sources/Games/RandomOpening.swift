import Randomness

extension TwoPlayerGame {
    /// Plays `plies` uniformly random legal moves, one draw from `generator` each, stopping early
    /// if the game ends. Arenas and self-play use it to start games from varied positions.
    public mutating func playRandomOpening<G: RandomNumberGenerator>(plies: Int, using generator: inout G) {
        for _ in 0..<plies where outcome == nil {
            let moves = legalMoves
            play(moves[generator.uniformIndex(below: moves.count)])
        }
    }
}
