/// Fictitious play: at every step each player plays a pure best response to the empirical mix of
/// the other's past actions (both at once; ties go to the lowest-numbered strategy). The
/// empirical mixes converge to an equilibrium in zero-sum games (Robinson, 1951), at a rate near
/// T^-1/2 in practice, but can cycle forever in other games (Shapley, 1964).
public struct FictitiousPlay: Sendable {
    /// The game being played.
    public let game: Bimatrix
    /// How often each row strategy has been played.
    public private(set) var rowCounts: [Double]
    /// How often each column strategy has been played.
    public private(set) var columnCounts: [Double]
    /// The actions of the last step.
    public private(set) var lastActions: (row: Int, column: Int)
    /// Steps played (the opening actions count as the first).
    public private(set) var steps = 1
    // Cumulative payoffs of each pure strategy against the other's past play.
    private var rowScores: [Double]
    private var columnScores: [Double]

    /// Starts with both players having played the given opening actions once.
    public init(game: Bimatrix, openingRow: Int = 0, openingColumn: Int = 0) {
        self.game = game
        rowCounts = [Double](repeating: 0, count: game.rows)
        columnCounts = [Double](repeating: 0, count: game.columns)
        rowScores = [Double](repeating: 0, count: game.rows)
        columnScores = [Double](repeating: 0, count: game.columns)
        lastActions = (openingRow, openingColumn)
        record(openingRow, openingColumn)
    }

    /// The row player's empirical mix.
    public var averageRow: [Double] { rowCounts.map { $0 / Double(steps) } }
    /// The column player's empirical mix.
    public var averageColumn: [Double] { columnCounts.map { $0 / Double(steps) } }
    /// NashConv of the empirical mixes.
    public var nashConv: Double { game.nashConv(averageRow, averageColumn) }

    /// One simultaneous step of best responses.
    public mutating func step() {
        let row = argmax(rowScores)
        let column = argmax(columnScores)
        lastActions = (row, column)
        steps += 1
        record(row, column)
    }

    private mutating func record(_ row: Int, _ column: Int) {
        rowCounts[row] += 1
        columnCounts[column] += 1
        for i in 0..<game.rows { rowScores[i] += game.rowValues[i][column] }
        for j in 0..<game.columns { columnScores[j] += game.columnValues[row][j] }
    }
}

/// The first index of the largest value.
@inline(__always)
func argmax(_ values: [Double]) -> Int {
    var best = 0
    for k in values.indices.dropFirst() where values[k] > values[best] { best = k }
    return best
}
