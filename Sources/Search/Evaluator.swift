import Games
import Randomness

/// How a newly reached position is valued: a number in [-1, 1] for the player to move there,
/// and optionally prior probabilities over its legal moves (in `legalMoves` order).
public protocol Evaluator<Game> {
    /// The game.
    associatedtype Game: TwoPlayerGame
    /// The value of `position` for its player to move, and priors for its legal moves (or nil).
    mutating func evaluate<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> (value: Double, priors: [Double]?)
}

/// Games that can play a uniformly random legal move without building the move list.
public protocol RandomPlayout: TwoPlayerGame {
    /// Plays a uniformly random legal move; the game must not be over.
    mutating func playRandomMove<G: RandomNumberGenerator>(using generator: inout G)
}

/// The classical evaluation: play uniformly random moves to the end and score the result.
public struct RandomRollout<Game: RandomPlayout>: Evaluator {
    /// Creates the evaluator.
    public init() {}

    @inline(__always)
    public mutating func evaluate<G: RandomNumberGenerator>(_ position: Game, using generator: inout G) -> (value: Double, priors: [Double]?) {
        let player = position.currentPlayer
        var state = position
        while true {
            if let outcome = state.outcome { return (outcome.value(for: player), nil) }
            state.playRandomMove(using: &generator)
        }
    }
}

extension ConnectFour: RandomPlayout {
    @inline(__always)
    public mutating func playRandomMove<G: RandomNumberGenerator>(using generator: inout G) {
        var open = 0
        for column in 0..<ConnectFour.width where canPlay(column) { open += 1 }
        var pick = generator.uniformIndex(below: open)
        for column in 0..<ConnectFour.width where canPlay(column) {
            if pick == 0 {
                playFast(column)
                return
            }
            pick -= 1
        }
    }
}

extension TicTacToe: RandomPlayout {
    @inline(__always)
    public mutating func playRandomMove<G: RandomNumberGenerator>(using generator: inout G) {
        let free = ~(stones.first | stones.second) & 0b111_111_111
        var pick = generator.uniformIndex(below: free.nonzeroBitCount)
        var bits = free
        while pick > 0 {
            bits &= bits - 1
            pick -= 1
        }
        playFast(bits.trailingZeroBitCount)
    }
}
