extension GridMaze {
    /// The maze at resolution `k`: every cell becomes a k x k block (walls included), the start
    /// is the top-left cell of the start block and the goal the top-right cell of the goal block,
    /// as in the mazes of growing size of Sutton and Barto's Example 8.4.
    public func scaled(by k: Int) -> GridMaze {
        precondition(k >= 1, "the resolution must be at least 1")
        var scaledWalls = Set<GridCell>()
        for wall in walls {
            for dr in 0..<k {
                for dc in 0..<k { scaledWalls.insert(GridCell(wall.row * k + dr, wall.column * k + dc)) }
            }
        }
        return GridMaze(
            rows: rows * k, columns: columns * k, walls: scaledWalls,
            start: GridCell(start.row * k, start.column * k), goal: GridCell(goal.row * k, goal.column * k + k - 1))
    }

    /// The blocking maze of Example 8.2: a wall on row 3 over columns 0–7, later 1–8.
    public static func blockingMaze(opened: Bool) -> GridMaze {
        let columns = opened ? Array(1...8) : Array(0...7)
        return GridMaze(rows: 6, columns: 9, walls: Set(columns.map { GridCell(3, $0) }), start: GridCell(5, 3), goal: GridCell(0, 8))
    }

    /// The shortcut maze of Example 8.3: a wall on row 3 over columns 1–8, later 1–7.
    public static func shortcutMaze(opened: Bool) -> GridMaze {
        let columns = opened ? Array(1...7) : Array(1...8)
        return GridMaze(rows: 6, columns: 9, walls: Set(columns.map { GridCell(3, $0) }), start: GridCell(5, 3), goal: GridCell(0, 8))
    }
}
