extension GridMaze {
    /// The greedy move of every cell whose best action value is positive, as Sutton and Barto draw
    /// policies in Figure 8.3; cells whose values are all zero (nothing learned yet) have none.
    public func greedyMoves(_ values: ActionValues) -> [GridCell: GridMove] {
        var moves = [GridCell: GridMove]()
        for state in 0..<stateCount where !isWall(cell(of: state)) && state != goalState {
            if values.maxValue(in: state) > 0 {
                moves[cell(of: state)] = GridMove(rawValue: values.firstGreedyAction(in: state))
            }
        }
        return moves
    }

    /// The number of steps the greedy policy (first best action) takes from the start to the goal,
    /// or `nil` if it revisits a cell before reaching it.
    public func greedyPathLength(_ values: ActionValues) -> Int? {
        var state = startState
        var visited = Set([state])
        var length = 0
        while state != goalState {
            state = destination(from: state, move: GridMove(rawValue: values.firstGreedyAction(in: state))!)
            length += 1
            if !visited.insert(state).inserted { return nil }
        }
        return length
    }
}
