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
/// one equilibrium per starting label (different labels may give the same one). Pivots are exact
/// integer pivots (in 128 bits while the numbers fit), and ties in the ratio test are broken
/// lexicographically, so degenerate games cannot make it cycle.
///
/// Labels 0..<m are the row strategies and m..<m+n the column strategies.
public enum LemkeHowson {
    /// The equilibrium reached by dropping `label`.
    public static func solve(_ game: Bimatrix, dropping label: Int, pivotLimit: Int = 100_000) throws -> MixedEquilibrium {
        let (m, n) = (game.rows, game.columns)
        guard (0..<(m + n)).contains(label) else { throw LemkeHowsonError.noSuchLabel(label, labels: m + n) }
        // Both payoff matrices as positive integers: equilibria do not change.
        let a = VertexEnumeration.positiveIntegers(game.row)
        let b = VertexEnumeration.positiveIntegers(game.column)
        // P: Bᵀx <= 1 over [x (labels 0..<m), slacks (labels m..<m+n)].
        let p = PolytopeTableau((0..<n).map { j in (0..<m).map { b[$0][j] } })
        // Q: A y <= 1 over [y (labels m..<m+n), slacks (labels 0..<m)].
        let q = PolytopeTableau(a)
        func qVariable(_ label: Int) -> Int { label < m ? n + label : label - m }
        func qLabel(_ variable: Int) -> Int { variable < n ? m + variable : variable - n }
        // The variable with the dropped label enters: x_label in P, or y in Q.
        var inP = label < m
        var entering = inP ? label : qVariable(label)
        for _ in 0..<pivotLimit {
            let tableau = inP ? p : q
            guard let row = tableau.leavingRow(entering: entering) else { preconditionFailure("the polytopes of a positive game are bounded") }
            let leavingLabel = inP ? tableau.basis[row] : qLabel(tableau.basis[row])
            tableau.pivot(row: row, entering: entering)
            if leavingLabel == label { return equilibrium(game, p: p, q: q, m: m, n: n) }
            // The variable with the leaving label enters the other polytope.
            inP.toggle()
            entering = inP ? leavingLabel : qVariable(leavingLabel)
        }
        throw LemkeHowsonError.pivotLimit(pivotLimit)
    }

    /// The equilibrium from each of the m + n starting labels, in label order.
    public static func solveFromEveryLabel(_ game: Bimatrix) throws -> [MixedEquilibrium] {
        try (0..<(game.rows + game.columns)).map { try solve(game, dropping: $0) }
    }

    private static func equilibrium(_ game: Bimatrix, p: PolytopeTableau, q: PolytopeTableau, m: Int, n: Int) -> MixedEquilibrium {
        func mix(_ tableau: PolytopeTableau, size: Int) -> [Rational] {
            let (numerators, _) = tableau.values()
            var point = [Rational](repeating: .zero, count: size)
            for (row, variable) in tableau.basis.enumerated() where variable < size { point[variable] = Rational(numerators[row]) }
            let total = point.reduce(Rational.zero, +)
            return point.map { $0 / total }
        }
        return game.equilibrium(mix(p, size: m), mix(q, size: n))
    }
}
