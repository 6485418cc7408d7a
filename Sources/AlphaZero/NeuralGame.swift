import Games

/// A game a policy-value network can play: positions encoded as planes of cells from the view of
/// the player to move, moves numbered `0..<policySize`, and the board's symmetries as
/// permutations of cells and of moves (for data augmentation).
public protocol NeuralGame: TwoPlayerGame where Move == Int {
    /// Cells per plane.
    static var cellCount: Int { get }
    /// Planes per position (the mover's stones, the opponent's stones).
    static var planeCount: Int { get }
    /// Moves the policy head ranges over.
    static var policySize: Int { get }
    /// Each symmetry as (cell permutation, move permutation): cell `k` goes to `cells[k]`.
    static var symmetries: [(cells: [Int], moves: [Int])] { get }
    /// Writes the encoding (`planeCount * cellCount` values) at `offset`.
    func encode(into buffer: inout [Float], at offset: Int)
}

extension NeuralGame {
    /// Inputs per position.
    public static var inputSize: Int { planeCount * cellCount }

    /// The encoding as a new array.
    public var encoded: [Float] {
        var buffer = [Float](repeating: 0, count: Self.inputSize)
        encode(into: &buffer, at: 0)
        return buffer
    }

    /// A mask over `0..<policySize`, 1 for legal moves.
    public var legalMask: [Float] {
        var mask = [Float](repeating: 0, count: Self.policySize)
        for move in legalMoves { mask[move] = 1 }
        return mask
    }
}

extension TicTacToe: NeuralGame {
    public static let cellCount = 9
    public static let planeCount = 2
    public static let policySize = 9

    /// The eight symmetries of the square (rotations and reflections).
    public static let symmetries: [(cells: [Int], moves: [Int])] = {
        let maps: [(Int, Int) -> (Int, Int)] = [
            { r, c in (r, c) }, { r, c in (c, 2 - r) }, { r, c in (2 - r, 2 - c) }, { r, c in (2 - c, r) },
            { r, c in (r, 2 - c) }, { r, c in (2 - r, c) }, { r, c in (c, r) }, { r, c in (2 - c, 2 - r) },
        ]
        return maps.map { map in
            let cells = (0..<9).map { k -> Int in
                let (r, c) = map(k / 3, k % 3)
                return r * 3 + c
            }
            return (cells, cells)
        }
    }()

    public func encode(into buffer: inout [Float], at offset: Int) {
        let (mine, theirs) = currentPlayer == .first ? (stones.first, stones.second) : (stones.second, stones.first)
        for k in 0..<9 {
            buffer[offset + k] = mine & (1 << k) != 0 ? 1 : 0
            buffer[offset + 9 + k] = theirs & (1 << k) != 0 ? 1 : 0
        }
    }
}

extension ConnectFour: NeuralGame {
    public static let cellCount = 42
    public static let planeCount = 2
    public static let policySize = 7

    /// The identity and the left-right mirror.
    public static let symmetries: [(cells: [Int], moves: [Int])] = [
        (Array(0..<42), Array(0..<7)),
        ((0..<42).map { k in (6 - k / 6) * 6 + k % 6 }, (0..<7).map { 6 - $0 }),
    ]

    /// Cell `column * 6 + row`, row 0 at the bottom.
    public func encode(into buffer: inout [Float], at offset: Int) {
        let mine = position
        let theirs = position ^ mask
        for column in 0..<7 {
            for row in 0..<6 {
                let bit = UInt64(1) << UInt64(column * 7 + row)
                let k = column * 6 + row
                buffer[offset + k] = mine & bit != 0 ? 1 : 0
                buffer[offset + 42 + k] = theirs & bit != 0 ? 1 : 0
            }
        }
    }
}
