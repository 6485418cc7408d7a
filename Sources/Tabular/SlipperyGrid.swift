extension FiniteMDP {
    /// A slippery grid world as a continuing MDP: the intended move happens with probability
    /// `1 - slip`, otherwise one of the four moves at random (walls and edges leave the agent in
    /// place). Entering the goal pays 1 and returns the agent to the start.
    public static func slipperyGrid(_ maze: GridMaze, slip: Double, discount: Double) -> FiniteMDP {
        let n = maze.stateCount
        var transitions = [[[Double]]]()
        var rewards = [[Double]]()
        for state in 0..<n {
            var rows = [[Double]]()
            var rewardRow = [Double]()
            for action in GridMove.allCases {
                var row = [Double](repeating: 0, count: n)
                var reward = 0.0
                for move in GridMove.allCases {
                    let p = (move == action ? 1 - slip : 0) + slip / 4
                    guard p > 0 else { continue }
                    var next = maze.isWall(maze.cell(of: state)) ? state : maze.destination(from: state, move: move)
                    if next == maze.goalState {
                        reward += p
                        next = maze.startState
                    }
                    row[next] += p
                }
                rows.append(row)
                rewardRow.append(reward)
            }
            transitions.append(rows)
            rewards.append(rewardRow)
        }
        return FiniteMDP(transitions: transitions, rewards: rewards, discount: discount)
    }
}
