extension GridMaze {
    /// The exact expected number of steps a uniformly random walk takes from the start to the goal.
    ///
    /// Solves the linear system h(s) = 1 + (1/4) * sum over moves of h(next(s, move)), with h(goal) = 0,
    /// over the cells reachable from the start, by Gaussian elimination with partial pivoting.
    /// On the Dyna maze this is the expected length of a Dyna-Q agent's first episode, when all
    /// action values are still zero and every choice is a tie broken at random.
    public func expectedRandomWalkSteps() -> Double {
        let reachable = reachableStates()
        let unknowns = reachable.filter { $0 != goalState }
        var column = [Int: Int]()
        for (index, state) in unknowns.enumerated() { column[state] = index }
        let n = unknowns.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        let share = 1.0 / Double(actionCount)
        for (row, state) in unknowns.enumerated() {
            matrix[row][row] += 1
            matrix[row][n] = 1
            for move in GridMove.allCases {
                let next = destination(from: state, move: move)
                if let j = column[next] { matrix[row][j] -= share }
            }
        }
        let solution = LinearSystem.solve(augmented: matrix)
        return solution[column[startState]!]
    }

    /// The states reachable from the start, in increasing order.
    func reachableStates() -> [Int] {
        var seen = [Bool](repeating: false, count: stateCount)
        var stack = [startState]
        seen[startState] = true
        while let state = stack.popLast() {
            for move in GridMove.allCases {
                let next = destination(from: state, move: move)
                if !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
        }
        return (0..<stateCount).filter { seen[$0] }
    }
}

/// Dense linear solves for the small exact computations of this library.
enum LinearSystem {
    /// Solves A x = b given the augmented matrix [A | b], by Gaussian elimination with partial pivoting.
    static func solve(augmented: [[Double]]) -> [Double] {
        var m = augmented
        let n = m.count
        for pivotColumn in 0..<n {
            var best = pivotColumn
            for row in pivotColumn..<n where abs(m[row][pivotColumn]) > abs(m[best][pivotColumn]) { best = row }
            m.swapAt(pivotColumn, best)
            let pivot = m[pivotColumn][pivotColumn]
            precondition(pivot != 0, "singular system")
            for row in (pivotColumn + 1)..<n where m[row][pivotColumn] != 0 {
                let factor = m[row][pivotColumn] / pivot
                for k in pivotColumn...n { m[row][k] -= factor * m[pivotColumn][k] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = m[row][n]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
