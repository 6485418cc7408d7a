/// One of the two players of a two-player game; `first` moves first.
public enum Player: Int, Hashable, Codable, Sendable {
    /// The player who moves first (X in tic-tac-toe, red in Connect Four).
    case first = 0
    /// The other player.
    case second = 1

    /// The other player.
    public var opponent: Player { self == .first ? .second : .first }
}

/// How a finished game ended.
public enum GameOutcome: Hashable, Codable, Sendable {
    /// The player won.
    case win(Player)
    /// Nobody won.
    case draw

    /// The result for `player`: 1 win, 0 draw, -1 loss.
    public func value(for player: Player) -> Double {
        switch self {
        case .draw: 0
        case .win(let winner): winner == player ? 1 : -1
        }
    }
}

/// A two-player, zero-sum, perfect-information game with value-type states. Search (MCTS),
/// AlphaZero and the exact solvers all work through this protocol.
public protocol TwoPlayerGame: Hashable, Sendable, CustomStringConvertible {
    /// A move.
    associatedtype Move: Hashable, Sendable

    /// The starting position.
    static var initial: Self { get }
    /// Every move the game can ever have, in a fixed order (for policies over moves).
    static var allMoves: [Move] { get }
    /// The player to move.
    var currentPlayer: Player { get }
    /// The legal moves, in a fixed order; empty when the game is over.
    var legalMoves: [Move] { get }
    /// Plays `move`, which must be legal (checked with a precondition; use ``playing(_:)`` for
    /// untrusted input).
    mutating func play(_ move: Move)
    /// Plays a legal move without bookkeeping that searches do not need (history, checks).
    mutating func playUnchecked(_ move: Move)
    /// How the game ended, or `nil` while it goes on.
    var outcome: GameOutcome? { get }
    /// The moves played so far, as the game's canonical text (parsed by ``init(moves:)``).
    var moveText: String { get }
    /// The position reached by playing `moves` (canonical text) from the start, or an error that
    /// says which move is wrong and why.
    init(moves: String) throws
    /// The position after `move`, or an error if it is not legal here.
    func playing(_ move: Move) throws -> Self
}

/// Why a move or a move string was rejected.
public enum GameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A character that is not a move.
    case malformedMove(text: String, position: Int, reason: String)
    /// A move that is not legal in the position.
    case illegalMove(move: String, reason: String)
    /// A move after the game ended.
    case gameOver(move: String)

    /// The message.
    public var description: String {
        switch self {
        case .malformedMove(let text, let position, let reason): "malformed move string '\(text)' at character \(position + 1): \(reason)"
        case .illegalMove(let move, let reason): "illegal move \(move): \(reason)"
        case .gameOver(let move): "move \(move) comes after the game is already decided"
        }
    }
}

extension TwoPlayerGame {
    /// By default the same as ``play(_:)``.
    public mutating func playUnchecked(_ move: Move) { play(move) }
}
