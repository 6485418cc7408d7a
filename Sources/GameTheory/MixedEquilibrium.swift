/// A Nash equilibrium of a two-player game in mixed strategies, exactly.
public struct MixedEquilibrium: Hashable, Comparable, Sendable {
    /// The row player's probabilities, one per row strategy.
    public var row: [Rational]
    /// The column player's probabilities, one per column strategy.
    public var column: [Rational]
    /// The row player's expected payoff.
    public var rowPayoff: Rational
    /// The column player's expected payoff.
    public var columnPayoff: Rational

    /// An equilibrium from its two strategies and payoffs.
    public init(row: [Rational], column: [Rational], rowPayoff: Rational, columnPayoff: Rational) {
        self.row = row
        self.column = column
        self.rowPayoff = rowPayoff
        self.columnPayoff = columnPayoff
    }

    /// The strategies as doubles.
    public var rowValues: [Double] { row.map(\.doubleValue) }
    /// The strategies as doubles.
    public var columnValues: [Double] { column.map(\.doubleValue) }
    /// The strategies played with positive probability, row then column.
    public var supports: (row: [Int], column: [Int]) {
        (row.indices.filter { !row[$0].isZero }, column.indices.filter { !column[$0].isZero })
    }
    /// Whether both players play a single strategy.
    public var isPure: Bool { supports.row.count == 1 && supports.column.count == 1 }

    /// Orders equilibria lexicographically by the row strategy, then the column strategy, with
    /// larger probabilities on earlier strategies first (pure equilibria on the first strategies lead).
    public static func < (a: MixedEquilibrium, b: MixedEquilibrium) -> Bool {
        for (p, q) in zip(a.row + a.column, b.row + b.column) where p != q { return p > q }
        return false
    }
}

extension Bimatrix {
    /// Whether `(x, y)` is an equilibrium, exactly: both are probability vectors and no pure
    /// strategy earns either player more than its mix does.
    public func isEquilibrium(_ x: [Rational], _ y: [Rational]) -> Bool {
        guard x.count == rows, y.count == columns, x.allSatisfy({ $0.sign >= 0 }), y.allSatisfy({ $0.sign >= 0 }),
              x.reduce(Rational.zero, +) == .one, y.reduce(Rational.zero, +) == .one else { return false }
        let r = exactRowPayoffs(against: y)
        let c = exactColumnPayoffs(against: x)
        let u = zip(x, r).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        let v = zip(y, c).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        return r.allSatisfy { $0 <= u } && c.allSatisfy { $0 <= v }
    }

    /// The equilibrium record of the profile `(x, y)`, with its exact payoffs.
    public func equilibrium(_ x: [Rational], _ y: [Rational]) -> MixedEquilibrium {
        let u = zip(x, exactRowPayoffs(against: y)).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        let v = zip(y, exactColumnPayoffs(against: x)).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        return MixedEquilibrium(row: x, column: y, rowPayoff: u, columnPayoff: v)
    }
}
