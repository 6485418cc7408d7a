/// An exact Connect Four solver after Pascal Pons ("Solving Connect Four", 2019): negamax with
/// alpha-beta pruning, a transposition table of upper bounds, moves ordered by the threats they
/// create (centre first on ties), forced and losing moves pruned with bitboard threat masks, and
/// an iterative null-window search on the score.
///
/// Scores follow Pons' convention from the side to move: 0 a draw, positive a win, equal to 22
/// minus the number of stones the winner will have played (a faster win scores higher).
public final class ConnectFourSolver {
    private typealias Board = ConnectFour
    private static let width = ConnectFour.width
    private static let height = ConnectFour.height
    private static let cells = width * height
    private static let minScore = -(cells) / 2 + 3
    private static let maxScore = (cells + 1) / 2 - 3
    private static let columnOrder = [3, 2, 4, 1, 5, 0, 6]

    private var table: TranspositionTable
    /// Positions explored since the solver was made.
    public private(set) var nodeCount = 0

    /// A solver with a transposition table of about `tableEntries` entries (5 bytes each).
    public init(tableEntries: Int = 8_388_593) {
        table = TranspositionTable(size: tableEntries)
    }

    /// Forgets the transposition table (e.g. between unrelated benchmark positions).
    public func reset() { table.clear() }

    /// The exact score of `position` for the player to move.
    public func solve(_ position: ConnectFour) -> Int {
        let played = position.moveCount
        if Self.canWinNext(position) { return (Self.cells + 1 - played) / 2 }
        var low = -(Self.cells - played) / 2
        var high = (Self.cells + 1 - played) / 2
        while low < high {
            var middle = low + (high - low) / 2
            if middle <= 0, low / 2 < middle {
                middle = low / 2
            } else if middle >= 0, high / 2 > middle {
                middle = high / 2
            }
            let result = negamax(position, alpha: middle, beta: middle + 1)
            if result <= middle { high = result } else { low = result }
        }
        return low
    }

    /// The game-theoretic result of `position` for the player to move: 1 a win, 0 a draw, -1 a
    /// loss (a weak solve: one null-window search around zero, far cheaper than the exact score).
    public func outcome(_ position: ConnectFour) -> Int {
        if Self.canWinNext(position) { return 1 }
        let high = negamax(position, alpha: 0, beta: 1)
        if high <= 0 {
            return negamax(position, alpha: -1, beta: 0) < 0 ? -1 : 0
        }
        return 1
    }

    /// The result (1 win, 0 draw, -1 loss, from the mover's view) of every legal move, nil for
    /// full columns.
    public func outcomeOfMoves(_ position: ConnectFour) -> [Int?] {
        (0..<Self.width).map { column in
            guard position.canPlay(column) else { return nil }
            if position.isWinningMove(column) { return 1 }
            var next = position
            next.playFast(column)
            return -outcome(next)
        }
    }

    /// A move of a perfect player and the result it secures (1 win, 0 draw, -1 loss): the first
    /// move, centre columns first, whose result is the best available. Stops at the first winning
    /// move, so it is cheaper than `outcomeOfMoves`.
    public func optimalMove(_ position: ConnectFour) -> (move: Int, outcome: Int) {
        var best: (move: Int, outcome: Int)?
        for column in Self.columnOrder where position.canPlay(column) {
            if position.isWinningMove(column) { return (column, 1) }
            var next = position
            next.playFast(column)
            let result = -outcome(next)
            if result == 1 { return (column, 1) }
            if best == nil || result > best!.outcome { best = (column, result) }
        }
        return best!
    }

    /// The score of every legal move (from the mover's view), nil for full columns.
    public func scoreMoves(_ position: ConnectFour) -> [Int?] {
        (0..<Self.width).map { column in
            guard position.canPlay(column) else { return nil }
            if position.isWinningMove(column) { return (Self.cells + 1 - position.moveCount) / 2 }
            var next = position
            next.playFast(column)
            return -solve(next)
        }
    }

    // MARK: Threat masks

    private static func possible(_ p: ConnectFour) -> UInt64 { (p.mask &+ ConnectFour.bottomMask) & ConnectFour.boardMask }

    /// Empty cells where `stones` would complete four in a row.
    @inline(__always)
    private static func winningCells(_ stones: UInt64, _ mask: UInt64) -> UInt64 {
        let h = UInt64(height)
        var r = (stones << 1) & (stones << 2) & (stones << 3)
        r |= threats(stones, shift: h + 1)
        r |= threats(stones, shift: h)
        r |= threats(stones, shift: h + 2)
        return r & (ConnectFour.boardMask ^ mask)
    }

    /// Cells completing three stones in a line along `shift` (horizontal or a diagonal).
    @inline(__always)
    private static func threats(_ stones: UInt64, shift: UInt64) -> UInt64 {
        var p = (stones << shift) & (stones << (2 * shift))
        var r = p & (stones << (3 * shift))
        r |= p & (stones >> shift)
        p = (stones >> shift) & (stones >> (2 * shift))
        r |= p & (stones << shift)
        r |= p & (stones >> (3 * shift))
        return r
    }

    private static func canWinNext(_ p: ConnectFour) -> Bool {
        winningCells(p.position, p.mask) & possible(p) != 0
    }

    /// Moves that do not lose at once: forced blocks if the opponent threatens, never a cell
    /// right under an opponent's winning cell. Zero if every move loses.
    private static func nonLosingMoves(_ p: ConnectFour) -> UInt64 {
        var moves = possible(p)
        let opponentWins = winningCells(p.position ^ p.mask, p.mask)
        let forced = moves & opponentWins
        if forced != 0 {
            if forced & (forced &- 1) != 0 { return 0 }
            moves = forced
        }
        return moves & ~(opponentWins >> 1)
    }

    private static func moveScore(_ p: ConnectFour, _ move: UInt64) -> Int {
        winningCells(p.position | move, p.mask).nonzeroBitCount
    }

    // MARK: Search

    private func negamax(_ p: ConnectFour, alpha: Int, beta: Int) -> Int {
        nodeCount += 1
        var alpha = alpha
        var beta = beta
        let next = Self.nonLosingMoves(p)
        if next == 0 { return -(Self.cells - p.moveCount) / 2 }
        if p.moveCount >= Self.cells - 2 { return 0 }
        let lower = -(Self.cells - 2 - p.moveCount) / 2
        if alpha < lower {
            alpha = lower
            if alpha >= beta { return alpha }
        }
        var upper = (Self.cells - 1 - p.moveCount) / 2
        let key = p.key
        if let stored = table.get(key) { upper = Int(stored) + Self.minScore - 1 }
        if beta > upper {
            beta = upper
            if alpha >= beta { return beta }
        }
        // Order moves by the threats they create, centre columns first among equals: an
        // insertion sort into a fixed buffer (no allocation per node).
        var moves: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0)
        var scores: (Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &moves) { moveBytes in
            withUnsafeMutableBytes(of: &scores) { scoreBytes in
                let m = moveBytes.bindMemory(to: UInt64.self)
                let sc = scoreBytes.bindMemory(to: Int.self)
                for column in Self.columnOrder.reversed() {
                    let move = next & ConnectFour.columnMask(column)
                    guard move != 0 else { continue }
                    let score = Self.moveScore(p, move)
                    var i = count
                    count += 1
                    while i > 0, sc[i - 1] > score {
                        m[i] = m[i - 1]
                        sc[i] = sc[i - 1]
                        i -= 1
                    }
                    m[i] = move
                    sc[i] = score
                }
            }
        }
        var index = count
        while index > 0 {
            index -= 1
            let move = withUnsafeBytes(of: &moves) { $0.bindMemory(to: UInt64.self)[index] }
            var child = p
            child.playMask(move)
            let score = -negamax(child, alpha: -beta, beta: -alpha)
            if score >= beta { return score }
            if score > alpha { alpha = score }
        }
        table.put(key, UInt8(alpha - Self.minScore + 1))
        return alpha
    }
}


/// A fixed-size table from position keys to small values; collisions overwrite. Keys have 49
/// bits and are stored truncated to 32: with an odd table size above 2^17 the slot and the stored
/// bits together identify the key exactly (Pons' Chinese-remainder argument), so a hit is never
/// another position's.
struct TranspositionTable {
    private var keys: [UInt32]
    private var values: [UInt8]
    private let size: UInt64

    init(size: Int) {
        self.size = UInt64(size)
        keys = [UInt32](repeating: 0, count: size)
        values = [UInt8](repeating: 0, count: size)
    }

    mutating func clear() {
        for i in keys.indices { keys[i] = 0 }
        for i in values.indices { values[i] = 0 }
    }

    @inline(__always)
    mutating func put(_ key: UInt64, _ value: UInt8) {
        let i = Int(key % size)
        keys[i] = UInt32(truncatingIfNeeded: key)
        values[i] = value
    }

    @inline(__always)
    func get(_ key: UInt64) -> UInt8? {
        let i = Int(key % size)
        return keys[i] == UInt32(truncatingIfNeeded: key) && values[i] != 0 ? values[i] : nil
    }
}
