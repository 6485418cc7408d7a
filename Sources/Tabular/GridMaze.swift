/// A cell of a grid, counted from the top-left corner.
public struct GridCell: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The row, 0 on top.
    public var row: Int
    /// The column, 0 on the left.
    public var column: Int

    /// Creates the cell at `row`, `column`.
    public init(_ row: Int, _ column: Int) {
        self.row = row
        self.column = column
    }

    /// `(row,column)`, as in Sutton and Barto.
    public var description: String { "(\(row),\(column))" }
}

/// The four moves of a grid world.
public enum GridMove: Int, CaseIterable, Codable, Sendable {
    case up, down, right, left

    /// The change of row the move makes.
    public var rowOffset: Int {
        switch self {
        case .up: -1
        case .down: 1
        case .right, .left: 0
        }
    }

    /// The change of column the move makes.
    public var columnOffset: Int {
        switch self {
        case .right: 1
        case .left: -1
        case .up, .down: 0
        }
    }
}

/// A deterministic grid maze: four moves, walls and edges block, reward 1 on entering the goal,
/// which ends the episode (the next one restarts from the start).
public struct GridMaze: EpisodicTask, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The cells an agent cannot enter.
    public let walls: Set<GridCell>
    /// Where each episode starts.
    public let start: GridCell
    /// The cell whose entry ends the episode with reward 1.
    public let goal: GridCell
    private let isWall: [Bool]

    /// Creates a maze; walls outside the grid are ignored.
    public init(rows: Int, columns: Int, walls: Set<GridCell>, start: GridCell, goal: GridCell) {
        precondition(rows > 0 && columns > 0, "a maze needs at least one cell")
        self.rows = rows
        self.columns = columns
        self.walls = walls
        self.start = start
        self.goal = goal
        var isWall = [Bool](repeating: false, count: rows * columns)
        for cell in walls where (0..<rows).contains(cell.row) && (0..<columns).contains(cell.column) {
            isWall[cell.row * columns + cell.column] = true
        }
        self.isWall = isWall
    }

    /// The maze of Sutton and Barto's Example 8.1 (Figure 8.2): 6 x 9, start (2,0), goal (0,8).
    public static let dynaMaze = GridMaze(
        rows: 6, columns: 9,
        walls: [GridCell(1, 2), GridCell(2, 2), GridCell(3, 2), GridCell(0, 7), GridCell(1, 7), GridCell(2, 7), GridCell(4, 5)],
        start: GridCell(2, 0), goal: GridCell(0, 8)
    )

    /// One state per cell, walls included (they are never entered).
    public var stateCount: Int { rows * columns }
    /// Up, down, right, left.
    public var actionCount: Int { GridMove.allCases.count }
    /// The start cell's state.
    public var startState: Int { state(of: start) }
    /// The goal cell's state.
    public var goalState: Int { state(of: goal) }
    /// The number of cells that are not walls.
    public var freeCellCount: Int { isWall.lazy.filter { !$0 }.count }

    /// The state number of `cell`.
    public func state(of cell: GridCell) -> Int { cell.row * columns + cell.column }

    /// The cell of state `state`.
    public func cell(of state: Int) -> GridCell { GridCell(state / columns, state % columns) }

    /// Whether `cell` is a wall.
    public func isWall(_ cell: GridCell) -> Bool { isWall[state(of: cell)] }

    /// The cell a move leads to: the same cell when a wall or the edge is in the way.
    public func destination(from state: Int, move: GridMove) -> Int {
        let row = state / columns + move.rowOffset
        let column = state % columns + move.columnOffset
        guard (0..<rows).contains(row), (0..<columns).contains(column) else { return state }
        let next = row * columns + column
        return isWall[next] ? state : next
    }

    /// The deterministic move; `generator` is not used.
    public func step<G: RandomNumberGenerator>(from state: Int, action: Int, using generator: inout G) -> Transition {
        let next = destination(from: state, move: GridMove(rawValue: action)!)
        let atGoal = next == goalState
        return Transition(reward: atGoal ? 1 : 0, nextState: next, isTerminal: atGoal)
    }

    /// The fewest moves from the start to the goal (breadth-first search), or `nil` if unreachable.
    public func shortestPathLength() -> Int? {
        var distance = [Int](repeating: -1, count: stateCount)
        var queue = [startState]
        distance[startState] = 0
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if state == goalState { return distance[state] }
            for move in GridMove.allCases {
                let next = destination(from: state, move: move)
                if distance[next] < 0 {
                    distance[next] = distance[state] + 1
                    queue.append(next)
                }
            }
        }
        return nil
    }
}
