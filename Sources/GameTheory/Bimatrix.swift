import Randomness

/// The payoff matrices of a two-player game: `row[i][j]` and `column[i][j]` are what the row and
/// the column player get when they play `i` and `j`; exact, with `Double` copies for fast loops.
public struct Bimatrix: Hashable, Sendable {
    /// The row player's payoffs.
    public let row: [[Rational]]
    /// The column player's payoffs.
    public let column: [[Rational]]
    /// `row` as doubles.
    public let rowValues: [[Double]]
    /// `column` as doubles.
    public let columnValues: [[Double]]

    /// Two matrices of the same non-empty shape.
    public init(row: [[Rational]], column: [[Rational]]) {
        precondition(!row.isEmpty && row.count == column.count && !row[0].isEmpty, "matrices of the same non-empty shape")
        precondition(zip(row, column).allSatisfy { $0.count == row[0].count && $1.count == row[0].count }, "rectangular matrices")
        self.row = row
        self.column = column
        rowValues = row.map { $0.map(\.doubleValue) }
        columnValues = column.map { $0.map(\.doubleValue) }
    }

    /// A game from `Double` payoffs, each taken exactly as its shortest decimal form.
    public init(row: [[Double]], column: [[Double]]) {
        self.init(row: row.map { $0.map { Rational(shortestDecimal: $0)! } }, column: column.map { $0.map { Rational(shortestDecimal: $0)! } })
    }

    /// Number of row strategies.
    public var rows: Int { row.count }
    /// Number of column strategies.
    public var columns: Int { row[0].count }

    /// The row player's expected payoff of each pure strategy against the column mix `y`.
    public func rowPayoffs(against y: [Double]) -> [Double] {
        rowValues.map { line in zip(line, y).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The column player's expected payoff of each pure strategy against the row mix `x`.
    public func columnPayoffs(against x: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: columns)
        for i in 0..<rows where x[i] != 0 {
            for j in 0..<columns { result[j] += x[i] * columnValues[i][j] }
        }
        return result
    }

    /// NashConv of the profile `(x, y)`: the sum over both players of what a best response would
    /// gain over their current expected payoff (zero exactly at an equilibrium). In zero-sum games
    /// it is the duality gap; OpenSpiel's "exploitability" is half of it.
    public func nashConv(_ x: [Double], _ y: [Double]) -> Double {
        let r = rowPayoffs(against: y)
        let c = columnPayoffs(against: x)
        let rowValue = zip(x, r).reduce(0) { $0 + $1.0 * $1.1 }
        let columnValue = zip(y, c).reduce(0) { $0 + $1.0 * $1.1 }
        return (r.max()! - rowValue) + (c.max()! - columnValue)
    }

    /// The row player's exact expected payoff of each pure strategy against the column mix `y`.
    public func exactRowPayoffs(against y: [Rational]) -> [Rational] {
        row.map { line in zip(line, y).reduce(Rational.zero) { $1.1.isZero ? $0 : $0 + $1.0 * $1.1 } }
    }

    /// The column player's exact expected payoff of each pure strategy against the row mix `x`.
    public func exactColumnPayoffs(against x: [Rational]) -> [Rational] {
        (0..<columns).map { j in (0..<rows).reduce(Rational.zero) { x[$1].isZero ? $0 : $0 + x[$1] * column[$1][j] } }
    }

    /// The same game with the players' roles swapped (the column player becomes the row player).
    public var transposed: Bimatrix {
        Bimatrix(row: (0..<columns).map { j in (0..<rows).map { column[$0][j] } },
                 column: (0..<columns).map { j in (0..<rows).map { row[$0][j] } })
    }

    /// A random `rows` x `columns` game with integer payoffs drawn uniformly from `payoffs`, the
    /// row player's matrix first, row by row.
    public static func random<G: RandomNumberGenerator>(rows: Int, columns: Int, payoffs: ClosedRange<Int>, using generator: inout G) -> Bimatrix {
        func entry() -> Rational { Rational(payoffs.lowerBound + generator.uniformIndex(below: payoffs.count)) }
        return Bimatrix(row: (0..<rows).map { _ in (0..<columns).map { _ in entry() } }, column: (0..<rows).map { _ in (0..<columns).map { _ in entry() } })
    }
}
