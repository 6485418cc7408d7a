/// A two-player normal-form game as a table: one row per row-player action, one column per
/// column-player action, each cell "(row payoff, column payoff)". A payoff that is a best response
/// to the other player's action is bold; cells given as equilibria are highlighted.
public struct PayoffTable: Sendable {
    /// The row player's actions.
    public var rowActions: [String]
    /// The column player's actions.
    public var columnActions: [String]
    /// Payoffs to the row player, `[row][column]`.
    public var rowPayoffs: [[Double]]
    /// Payoffs to the column player, `[row][column]`.
    public var columnPayoffs: [[Double]]

    /// Creates a payoff table; both matrices must be rows x columns.
    public init(rowActions: [String], columnActions: [String], rowPayoffs: [[Double]], columnPayoffs: [[Double]]) {
        precondition(rowPayoffs.count == rowActions.count && columnPayoffs.count == rowActions.count, "one payoff row per row action")
        precondition((rowPayoffs + columnPayoffs).allSatisfy { $0.count == columnActions.count }, "one payoff per column action")
        self.rowActions = rowActions
        self.columnActions = columnActions
        self.rowPayoffs = rowPayoffs
        self.columnPayoffs = columnPayoffs
    }

    /// Whether the row action `row` is a best response to the column action `column`.
    public func isRowBestResponse(row: Int, column: Int) -> Bool {
        rowPayoffs[row][column] >= rowPayoffs.map { $0[column] }.max()!
    }

    /// Whether the column action `column` is a best response to the row action `row`.
    public func isColumnBestResponse(row: Int, column: Int) -> Bool {
        columnPayoffs[row][column] >= columnPayoffs[row].max()!
    }

    /// The cells where each action is a best response to the other: the pure equilibria.
    public var pureEquilibria: [[Int]] {
        rowActions.indices.flatMap { r in
            columnActions.indices.compactMap { c in isRowBestResponse(row: r, column: c) && isColumnBestResponse(row: r, column: c) ? [r, c] : nil }
        }
    }

    /// The table, with `highlight` cells (default: the pure equilibria) highlighted.
    public func table(corner: String = "", highlight: [[Int]]? = nil, format: (Double) -> String = ClaimCheck.format) -> TableData {
        let rows = rowActions.indices.map { r -> [String] in
            [rowActions[r]] + columnActions.indices.map { c in
                let a = format(rowPayoffs[r][c])
                let b = format(columnPayoffs[r][c])
                return "(" + (isRowBestResponse(row: r, column: c) ? "**\(a)**" : a) + ", " + (isColumnBestResponse(row: r, column: c) ? "**\(b)**" : b) + ")"
            }
        }
        let cells = (highlight ?? pureEquilibria).map { [$0[0], $0[1] + 1] }
        return TableData(header: [corner] + columnActions, rows: rows, highlighted: cells)
    }
}
