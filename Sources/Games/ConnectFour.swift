/// Connect Four on a 7 x 6 board, as two 64-bit bitboards (Pascal Pons' layout): bit
/// `column * 7 + row` is a cell, row 0 at the bottom, with a spare bit on top of every column.
/// The canonical move text lists the columns played as digits 1…7.
public struct ConnectFour: TwoPlayerGame {
    /// A column, 0…6.
    public typealias Move = Int

    /// Columns.
    public static let width = 7
    /// Rows.
    public static let height = 6

    /// The stones of the player to move.
    public private(set) var position: UInt64 = 0
    /// Every stone on the board.
    public private(set) var mask: UInt64 = 0
    /// Stones played.
    public private(set) var moveCount = 0
    /// The columns played with ``play(_:)``, three bits each (for the move text).
    private var packedHistory: (UInt64, UInt64) = (0, 0)
    private var historyCount: UInt8 = 0

    /// The columns played, in order.
    public var history: [Int] {
        (0..<Int(historyCount)).map { k in
            let word = k < 21 ? packedHistory.0 : packedHistory.1
            return Int((word >> UInt64(3 * (k % 21))) & 0x7)
        }
    }

    /// The empty board.
    public static let initial = ConnectFour()
    /// The seven columns.
    public static let allMoves = Array(0..<width)

    /// The empty board.
    public init() {}

    public init(moves: String) throws {
        self.init()
        for (i, c) in moves.enumerated() {
            guard let digit = c.wholeNumberValue, (1...Self.width).contains(digit) else {
                throw GameError.malformedMove(text: moves, position: i, reason: "'\(c)' is not a column 1-7")
            }
            self = try playing(digit - 1)
        }
    }

    public static func == (a: ConnectFour, b: ConnectFour) -> Bool { a.position == b.position && a.mask == b.mask }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// A number that identifies the position uniquely (position + mask + bottom row).
    public var key: UInt64 { position &+ mask &+ Self.bottomMask }

    public var currentPlayer: Player { moveCount % 2 == 0 ? .first : .second }

    static let bottomMask: UInt64 = (0..<width).reduce(0) { $0 | (1 << UInt64($1 * (height + 1))) }
    static let boardMask: UInt64 = bottomMask &* ((1 << UInt64(height)) - 1)
    static func topMask(_ column: Int) -> UInt64 { (1 << UInt64(height - 1)) << UInt64(column * (height + 1)) }
    static func bottomMask(_ column: Int) -> UInt64 { 1 << UInt64(column * (height + 1)) }
    /// The cells of a column.
    public static func columnMask(_ column: Int) -> UInt64 { ((1 << UInt64(height)) - 1) << UInt64(column * (height + 1)) }

    /// Whether `column` has room.
    @inline(__always)
    public func canPlay(_ column: Int) -> Bool { mask & Self.topMask(column) == 0 }

    /// Whether playing `column` wins on the spot for the player to move.
    @inline(__always)
    public func isWinningMove(_ column: Int) -> Bool {
        Self.isAlignment(position | ((mask &+ Self.bottomMask(column)) & Self.columnMask(column)))
    }

    /// Whether `stones` contain four in a row in any direction.
    @inline(__always)
    public static func isAlignment(_ stones: UInt64) -> Bool {
        aligned(stones, UInt64(height + 1)) || aligned(stones, UInt64(height)) || aligned(stones, UInt64(height + 2)) || aligned(stones, 1)
    }

    @inline(__always)
    static func aligned(_ stones: UInt64, _ shift: UInt64) -> Bool {
        let m = stones & (stones >> shift)
        return m & (m >> (2 * shift)) != 0
    }

    public var legalMoves: [Int] {
        guard outcome == nil else { return [] }
        return (0..<Self.width).filter(canPlay)
    }

    /// Plays a column without recording history (the hot path of searches).
    @inline(__always)
    public mutating func playFast(_ column: Int) {
        position ^= mask
        mask |= mask &+ Self.bottomMask(column)
        moveCount += 1
    }

    /// Plays the move given as the bit of the cell it fills (searches only; no history).
    @inline(__always)
    mutating func playMask(_ move: UInt64) {
        position ^= mask
        mask |= move
        moveCount += 1
    }

    /// Plays without recording history or checking legality (searches).
    @inline(__always)
    public mutating func playUnchecked(_ move: Int) { playFast(move) }

    public mutating func play(_ column: Int) {
        precondition(canPlay(column) && outcome == nil, "illegal Connect Four move \(column)")
        playFast(column)
        // Three bits per column, 21 moves per word: no reference in the struct, so searches copy
        // positions without reference counting.
        let k = Int(historyCount)
        if k < 21 { packedHistory.0 |= UInt64(column) << UInt64(3 * k) } else { packedHistory.1 |= UInt64(column) << UInt64(3 * (k - 21)) }
        historyCount += 1
    }

    public func playing(_ column: Int) throws -> ConnectFour {
        guard (0..<Self.width).contains(column) else { throw GameError.illegalMove(move: "\(column + 1)", reason: "columns are 1-7") }
        guard outcome == nil else { throw GameError.gameOver(move: "\(column + 1)") }
        guard canPlay(column) else { throw GameError.illegalMove(move: "\(column + 1)", reason: "the column is full") }
        var next = self
        next.play(column)
        return next
    }

    /// The stones of the player who just moved.
    public var lastMoverStones: UInt64 { position ^ mask }

    public var outcome: GameOutcome? {
        if moveCount > 0, Self.isAlignment(lastMoverStones) { return .win(currentPlayer.opponent) }
        return moveCount == Self.width * Self.height ? .draw : nil
    }

    public var moveText: String { history.map { String($0 + 1) }.joined() }

    /// The board as six lines, top row first: X for the first player, O for the second.
    public var description: String {
        let first = currentPlayer == .first ? position : position ^ mask
        return (0..<Self.height).reversed().map { row in
            (0..<Self.width).map { column -> String in
                let bit: UInt64 = 1 << UInt64(column * (Self.height + 1) + row)
                return mask & bit == 0 ? "." : first & bit != 0 ? "X" : "O"
            }.joined()
        }.joined(separator: "\n")
    }
}
