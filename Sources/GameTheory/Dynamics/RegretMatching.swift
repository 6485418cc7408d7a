/// Regret matching (Hart and Mas-Colell, 2000) with full information: each player mixes in
/// proportion to its positive cumulative regrets, and both update against the other's current
/// mix. The average strategies approach the set of coarse correlated equilibria, and in
/// two-player zero-sum games a Nash equilibrium, with NashConv falling like T^-1/2.
public struct RegretMatching: Sendable {
    /// The game being played.
    public let game: Bimatrix
    /// The current mixes.
    public private(set) var row: [Double]
    /// The current mixes.
    public private(set) var column: [Double]
    /// Steps taken.
    public private(set) var steps = 0
    private var rowRegrets: [Double]
    private var columnRegrets: [Double]
    private var rowSum: [Double]
    private var columnSum: [Double]

    /// Starts from the given mixes (uniform when `nil`).
    public init(game: Bimatrix, row: [Double]? = nil, column: [Double]? = nil) {
        self.game = game
        self.row = row ?? [Double](repeating: 1 / Double(game.rows), count: game.rows)
        self.column = column ?? [Double](repeating: 1 / Double(game.columns), count: game.columns)
        rowRegrets = [Double](repeating: 0, count: game.rows)
        columnRegrets = [Double](repeating: 0, count: game.columns)
        rowSum = [Double](repeating: 0, count: game.rows)
        columnSum = [Double](repeating: 0, count: game.columns)
    }

    /// The average of the mixes played so far.
    public var averageRow: [Double] { rowSum.map { $0 / Double(max(steps, 1)) } }
    /// The average of the mixes played so far.
    public var averageColumn: [Double] { columnSum.map { $0 / Double(max(steps, 1)) } }
    /// NashConv of the average mixes.
    public var nashConv: Double { game.nashConv(averageRow, averageColumn) }

    /// Plays the current mixes, accumulates regrets, and updates the mixes.
    public mutating func step() {
        steps += 1
        for i in row.indices { rowSum[i] += row[i] }
        for j in column.indices { columnSum[j] += column[j] }
        let r = game.rowPayoffs(against: column)
        let c = game.columnPayoffs(against: row)
        let rowValue = zip(row, r).reduce(0) { $0 + $1.0 * $1.1 }
        let columnValue = zip(column, c).reduce(0) { $0 + $1.0 * $1.1 }
        for i in row.indices { rowRegrets[i] += r[i] - rowValue }
        for j in column.indices { columnRegrets[j] += c[j] - columnValue }
        row = Self.matched(rowRegrets)
        column = Self.matched(columnRegrets)
    }

    /// Probabilities proportional to positive regrets, uniform when none is positive.
    static func matched(_ regrets: [Double]) -> [Double] {
        let positive = regrets.map { max($0, 0) }
        let total = positive.reduce(0, +)
        return total > 0 ? positive.map { $0 / total } : [Double](repeating: 1 / Double(regrets.count), count: regrets.count)
    }
}
