import Foundation

extension ConnectFour {
    /// Every line of four cells on the board (horizontal, vertical and both diagonals), as bit
    /// masks in the position's layout: 69 lines.
    public static let lines: [UInt64] = {
        var lines = [UInt64]()
        let directions = [(1, 0), (0, 1), (1, 1), (1, -1)]
        for column in 0..<width {
            for row in 0..<height {
                for (dc, dr) in directions {
                    let cells = (0..<4).map { (column + $0 * dc, row + $0 * dr) }
                    guard cells.allSatisfy({ (0..<width).contains($0.0) && (0..<height).contains($0.1) }) else { continue }
                    lines.append(cells.reduce(0) { $0 | UInt64(1) << UInt64($1.0 * (height + 1) + $1.1) })
                }
            }
        }
        return lines
    }()

    /// A hand-made evaluation for the player to move, the one AlphaZero.jl's minimax baseline
    /// uses: each line still open to a player is worth γ^(3 - n) to them, n being their stones in
    /// it (γ = 0.1), and the value is the mover's total minus the opponent's.
    public var alignmentValue: Double {
        let gamma = 0.1
        let mine = position
        let theirs = position ^ mask
        var total = 0.0
        for line in Self.lines {
            let m = (mine & line).nonzeroBitCount
            let t = (theirs & line).nonzeroBitCount
            if t == 0 { total += pow(gamma, Double(3 - m)) }
            if m == 0 { total -= pow(gamma, Double(3 - t)) }
        }
        return total
    }
}
