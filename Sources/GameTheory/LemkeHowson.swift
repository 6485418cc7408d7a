/// Why Lemke–Howson stopped without an equilibrium.
public enum LemkeHowsonError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The label to drop is not one of the game's m + n labels.
    case noSuchLabel(Int, labels: Int)
    /// The path did not end within the pivot limit (it cannot cycle with the lexicographic rule,
    /// so this means the limit was set too low for the game).
    case pivotLimit(Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .noSuchLabel(let label, let labels): "label \(label) does not exist: a game with these strategies has labels 0 to \(labels - 1)"
        case .pivotLimit(let limit): "Lemke-Howson stopped after \(limit) pivots without reaching an equilibrium"
        }
    }
}

/// The Lemke–Howson algorithm: complementary pivoting on the two best-response polytopes of a
/// two-player game, from the artificial equilibrium at the origin, dropping one label. It finds
/// one equilibrium per starting label (different labels may give the same one). Pivots are exact,
/// and ties in the ratio test are broken lexicographically, so degenerate games cannot make it
/// cycle.
///
/// Labels 0..<m are the row strategies and m..<m+n the column strategies.
public enum LemkeHowson {
    /// The equilibrium reached by dropping `label`.
    public static func solve(_ game: Bimatrix, dropping label: Int, pivotLimit: Int = 100_000) throws -> MixedEquilibrium {
        let (m, n) = (game.rows, game.columns)
        guard (0..<(m + n)).contains(label) else { throw LemkeHowsonError.noSuchLabel(label, labels: m + n) }
        // Shift both payoff matrices to be positive: equilibria do not change.
        let a = positive(game.row)
        let b = positive(game.column)
        // Q: A y + r = 1 over variables [r (labels 0..<m), y (labels m..<m+n)].
        var q = Tableau(rows: m, variables: m + n, labels: Array(0..<(m + n)), basis: Array(0..<m))
        for i in 0..<m {
            q.cells[i][i] = .one
            for j in 0..<n { q.cells[i][m + j] = a[i][j] }
        }
        // P: B^T x + s = 1 over variables [x (labels 0..<m), s (labels m..<m+n)].
        var p = Tableau(rows: n, variables: m + n, labels: Array(0..<(m + n)), basis: Array(m..<(m + n)))
        for j in 0..<n {
            for i in 0..<m { p.cells[j][i] = b[i][j] }
            p.cells[j][m + j] = .one
        }
        // The variable with the dropped label enters: x_label in P, or y in Q.
        var inP = label < m
        var entering = label
        for _ in 0..<pivotLimit {
            let leaving = inP ? p.pivot(entering: entering) : q.pivot(entering: entering)
            if leaving == label { return equilibrium(game, p: p, q: q) }
            // The complement of the leaving label enters the other polytope.
            inP.toggle()
            entering = leaving
        }
        throw LemkeHowsonError.pivotLimit(pivotLimit)
    }

    /// The equilibrium from each of the m + n starting labels, in label order.
    public static func solveFromEveryLabel(_ game: Bimatrix) throws -> [MixedEquilibrium] {
        try (0..<(game.rows + game.columns)).map { try solve(game, dropping: $0) }
    }

    private static func positive(_ matrix: [[Rational]]) -> [[Rational]] {
        let shift = Rational.one - matrix.joined().min()!
        return matrix.map { $0.map { $0 + shift } }
    }

    private static func equilibrium(_ game: Bimatrix, p: Tableau, q: Tableau) -> MixedEquilibrium {
        let (m, n) = (game.rows, game.columns)
        var x = [Rational](repeating: .zero, count: m)
        var y = [Rational](repeating: .zero, count: n)
        for (row, variable) in p.basis.enumerated() where variable < m { x[variable] = p.rhs[row] }
        for (row, variable) in q.basis.enumerated() where variable >= m { y[variable - m] = q.rhs[row] }
        let xSum = x.reduce(Rational.zero, +)
        let ySum = y.reduce(Rational.zero, +)
        return game.equilibrium(x.map { $0 / xSum }, y.map { $0 / ySum })
    }
}

/// An exact simplex tableau `cells * variables + ... = rhs`, with the basic variable of each row;
/// the initial basis columns give the lexicographic tie-break.
struct Tableau {
    var cells: [[Rational]]
    var rhs: [Rational]
    var basis: [Int]
    let labels: [Int]
    let initialBasis: [Int]

    init(rows: Int, variables: Int, labels: [Int], basis: [Int]) {
        cells = [[Rational]](repeating: [Rational](repeating: .zero, count: variables), count: rows)
        rhs = [Rational](repeating: .one, count: rows)
        self.basis = basis
        self.labels = labels
        initialBasis = basis
    }

    /// Brings `entering` into the basis by the lexicographic minimum-ratio test; returns the
    /// label of the variable that leaves.
    mutating func pivot(entering: Int) -> Int {
        var best: Int?
        for row in cells.indices where cells[row][entering].sign > 0 {
            guard let current = best else { best = row; continue }
            if lexicographicallySmaller(row, than: current, column: entering) { best = row }
        }
        guard let row = best else { preconditionFailure("unbounded ray: the polytopes of a positive game are bounded") }
        let leaving = basis[row]
        let factor = Rational.one / cells[row][entering]
        cells[row] = cells[row].map { $0.isZero ? $0 : $0 * factor }
        rhs[row] *= factor
        for other in cells.indices where other != row && !cells[other][entering].isZero {
            let multiple = cells[other][entering]
            for c in cells[other].indices where !cells[row][c].isZero { cells[other][c] -= multiple * cells[row][c] }
            rhs[other] -= multiple * rhs[row]
        }
        basis[row] = entering
        return labels[leaving]
    }

    private func lexicographicallySmaller(_ a: Int, than b: Int, column: Int) -> Bool {
        let (pa, pb) = (cells[a][column], cells[b][column])
        let first = rhs[a] * pb
        let second = rhs[b] * pa
        if first != second { return first < second }
        for c in initialBasis {
            let left = cells[a][c] * pb
            let right = cells[b][c] * pa
            if left != right { return left < right }
        }
        return false
    }
}
