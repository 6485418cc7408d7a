/// The solution of a two-player zero-sum game: its value to the row player and an optimal
/// (maximin) strategy for each player, exactly.
public struct ZeroSumSolution: Hashable, Sendable {
    /// What the row player can guarantee and the column player can hold it to.
    public var value: Rational
    /// An optimal strategy of the row player (the maximiser).
    public var row: [Rational]
    /// An optimal strategy of the column player (the minimiser).
    public var column: [Rational]
}

/// Zero-sum games by linear programming: with the payoffs shifted to be positive, the column
/// player's problem is max 1ᵀq subject to A q ≤ 1, q ≥ 0; its optimum is 1/value, the optimal
/// column strategy is q·value, and the dual prices of the constraints give the row strategy.
/// The simplex runs in exact arithmetic with Bland's rule, so it cannot cycle.
public enum ZeroSumSolver {
    /// Solves the game where the row player gets `payoffs[i][j]` and the column player its negative.
    public static func solve(_ payoffs: [[Rational]]) -> ZeroSumSolution {
        let (m, n) = (payoffs.count, payoffs[0].count)
        let shift = Rational.one - payoffs.joined().min()!
        // Tableau over [q (n) | slack (m)]; the objective row holds reduced costs of max 1ᵀq.
        var cells = payoffs.map { line in line.map { $0 + shift } + [Rational](repeating: .zero, count: m) }
        for i in 0..<m { cells[i][n + i] = .one }
        var rhs = [Rational](repeating: .one, count: m)
        var objective = [Rational](repeating: -1, count: n) + [Rational](repeating: .zero, count: m)
        var total = Rational.zero
        var basis = Array(n..<(n + m))
        while let entering = objective.indices.first(where: { objective[$0].sign < 0 }) {
            var leaving: Int?
            for row in 0..<m where cells[row][entering].sign > 0 {
                guard let current = leaving else { leaving = row; continue }
                let here = rhs[row] / cells[row][entering]
                let there = rhs[current] / cells[current][entering]
                if here < there || (here == there && basis[row] < basis[current]) { leaving = row }
            }
            guard let row = leaving else { preconditionFailure("bounded: the shifted payoffs are positive") }
            let factor = Rational.one / cells[row][entering]
            cells[row] = cells[row].map { $0.isZero ? $0 : $0 * factor }
            rhs[row] *= factor
            for other in 0..<m where other != row && !cells[other][entering].isZero {
                let multiple = cells[other][entering]
                for c in cells[other].indices where !cells[row][c].isZero { cells[other][c] -= multiple * cells[row][c] }
                rhs[other] -= multiple * rhs[row]
            }
            let multiple = objective[entering]
            for c in objective.indices where !cells[row][c].isZero { objective[c] -= multiple * cells[row][c] }
            total -= multiple * rhs[row]
            basis[row] = entering
        }
        let shiftedValue = Rational.one / total
        var column = [Rational](repeating: .zero, count: n)
        for (row, variable) in basis.enumerated() where variable < n { column[variable] = rhs[row] * shiftedValue }
        let row = (0..<m).map { objective[n + $0] * shiftedValue }
        return ZeroSumSolution(value: shiftedValue - shift, row: row, column: column)
    }

    /// Solves a two-player game that is zero-sum; `nil` when the payoffs do not add to zero.
    public static func solve(_ game: Bimatrix) -> ZeroSumSolution? {
        guard zip(game.row, game.column).allSatisfy({ zip($0, $1).allSatisfy { ($0 + $1).isZero } }) else { return nil }
        return solve(game.row)
    }
}
