/// Tic-tac-toe on two 9-bit boards. Cells are numbered 0…8 row by row from the top left; the
/// canonical move text lists the cells played as digits 1…9.
public struct TicTacToe: TwoPlayerGame {
    /// A cell, 0…8.
    public typealias Move = Int

    /// Cells of the first and of the second player.
    public private(set) var stones: (first: UInt16, second: UInt16) = (0, 0)
    /// The cells played with ``play(_:)``, four bits each (packed so that the struct holds no
    /// reference and copies in searches cost no reference counting).
    private var packedHistory: UInt64 = 0
    private var historyCount: UInt8 = 0

    /// The cells played, in order.
    public var history: [Int] { (0..<Int(historyCount)).map { Int((packedHistory >> UInt64(4 * $0)) & 0xF) } }


    /// The empty board.
    public static let initial = TicTacToe()
    /// The nine cells.
    public static let allMoves = Array(0..<9)

    /// The empty board.
    public init() {}

    public init(moves: String) throws {
        self.init()
        for (i, c) in moves.enumerated() {
            guard let digit = c.wholeNumberValue, (1...9).contains(digit) else {
                throw GameError.malformedMove(text: moves, position: i, reason: "'\(c)' is not a cell 1-9")
            }
            self = try playing(digit - 1)
        }
    }

    public static func == (a: TicTacToe, b: TicTacToe) -> Bool { a.stones == b.stones }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(stones.first)
        hasher.combine(stones.second)
    }

    public var currentPlayer: Player { moveCount % 2 == 0 ? .first : .second }

    var occupied: UInt16 { stones.first | stones.second }

    public var legalMoves: [Int] {
        guard outcome == nil else { return [] }
        return (0..<9).filter { occupied & (1 << $0) == 0 }
    }

    /// Plays without recording history or checking legality (searches).
    @inline(__always)
    public mutating func playUnchecked(_ move: Int) { playFast(move) }

    public mutating func play(_ move: Int) {
        precondition(occupied & (1 << move) == 0 && outcome == nil, "illegal tic-tac-toe move \(move)")
        playFast(move)
        packedHistory |= UInt64(move) << UInt64(4 * Int(historyCount))
        historyCount += 1
    }

    /// Plays a cell without recording history (the hot path of searches); the count of stones
    /// tells whose turn it is.
    @inline(__always)
    public mutating func playFast(_ move: Int) {
        if currentPlayer == .first { stones.first |= 1 << move } else { stones.second |= 1 << move }
        moveCount += 1
    }

    /// Stones on the board.
    public private(set) var moveCount = 0

    public func playing(_ move: Int) throws -> TicTacToe {
        guard (0..<9).contains(move) else { throw GameError.illegalMove(move: "\(move + 1)", reason: "cells are 1-9") }
        guard outcome == nil else { throw GameError.gameOver(move: "\(move + 1)") }
        guard occupied & (1 << move) == 0 else { throw GameError.illegalMove(move: "\(move + 1)", reason: "the cell is taken") }
        var next = self
        next.play(move)
        return next
    }

    public var outcome: GameOutcome? {
        if Self.hasLine(stones.first) { return .win(.first) }
        if Self.hasLine(stones.second) { return .win(.second) }
        return occupied == 0b111_111_111 ? .draw : nil
    }

    /// Whether `cells` hold a full row, column or diagonal (the masks written out: this runs
    /// once per move of every rollout).
    @inline(__always)
    static func hasLine(_ cells: UInt16) -> Bool {
        func full(_ line: UInt16) -> Bool { cells & line == line }
        return full(0b111) || full(0b111_000) || full(0b111_000_000) || full(0b001_001_001)
            || full(0b010_010_010) || full(0b100_100_100) || full(0b100_010_001) || full(0b001_010_100)
    }

    public var moveText: String { history.map { String($0 + 1) }.joined() }

    /// The board as three lines of X, O and dots.
    public var description: String {
        (0..<3).map { r in
            (0..<3).map { c -> String in
                let bit: UInt16 = 1 << (3 * r + c)
                return stones.first & bit != 0 ? "X" : stones.second & bit != 0 ? "O" : "."
            }.joined()
        }.joined(separator: "\n")
    }
}
