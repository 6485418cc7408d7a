import Charts
import Notebook
import Tabular

/// The charts of the `dyna` chapter.
enum DynaFigures {
    /// Mean steps per episode with a 95% band, one series per n, from episode 2 on.
    static func learningCurves(_ results: ExperimentResults<Int, MazeRun>, shortestPath: Int) -> Chart {
        Chart(x: Axis("Episode"), y: Axis("Steps per episode", scale: .log), width: 440, height: 270) {
            for point in results.points {
                let episodes = Array(2...DynaMazeSetup.episodes)
                let summaries = episodes.map { e in SampleSummary(point.replicates.map { $0.steps[e - 1] }) }
                let series = "n = \(point.parameter)"
                AreaMark(
                    x: episodes.map(Double.init),
                    lower: summaries.map { max(1, $0.confidenceInterval().lowerBound) },
                    upper: summaries.map { $0.confidenceInterval().upperBound }, series: series)
                LineMark(points: zip(episodes, summaries).map { DataPoint(x: Double($0), y: $1.mean) }, series: series)
            }
            RuleMark(.horizontal, at: Double(shortestPath), label: "shortest path (\(shortestPath) steps)")
        }
    }

    /// The maze's walls as the grid view wants them.
    static var walls: [Bool] {
        let maze = DynaMazeSetup.maze
        return (0..<maze.stateCount).map { maze.isWall(maze.cell(of: $0)) }
    }

    static func cell(_ c: GridCell) -> GridWorldView.Cell { (c.row, c.column) }

    /// The greedy move of every cell that has learned one, and the agent, one panel per agent.
    static func policies(_ snapshots: [PolicySnapshot]) -> FigureSpec {
        let maze = DynaMazeSetup.maze
        let panels = snapshots.map { snapshot in
            GridWorldView(
                rows: maze.rows, columns: maze.columns, walls: walls, start: cell(maze.start), goal: cell(maze.goal),
                arrows: snapshot.moves.map { GridMove(rawValue: $0).map { (Double($0.columnOffset), Double($0.rowOffset)) } },
                agent: cell(maze.cell(of: snapshot.agentState)),
                title: "n = \(snapshot.planningSteps) (step \(snapshot.snapshotStep) of \(snapshot.secondEpisodeSteps))"
            ).chart(width: 250)
        }
        return FigureSpec(panels: panels, columns: panels.count)
    }

    /// The mean learned values after 50 episodes as heat maps, with the moves that are greedy
    /// with respect to them (one-step look-ahead through the maze).
    static func values(_ results: ExperimentResults<Int, MazeRun>, ns: [Int]) -> FigureSpec {
        let maze = DynaMazeSetup.maze
        let panels = ns.map { n -> Chart in
            let values = results.meanStateValues(n: n)
            let arrows: [(dx: Double, dy: Double)?] = (0..<maze.stateCount).map { state in
                guard !maze.isWall(maze.cell(of: state)), state != maze.goalState else { return nil }
                let best = GridMove.allCases.max { a, b in lookahead(values, state, a) < lookahead(values, state, b) }!
                return (Double(best.columnOffset), Double(best.rowOffset))
            }
            let shaded: [Double?] = (0..<maze.stateCount).map { maze.isWall(maze.cell(of: $0)) || $0 == maze.goalState ? nil : values[$0] }
            return GridWorldView(
                rows: maze.rows, columns: maze.columns, walls: walls, start: cell(maze.start), goal: cell(maze.goal),
                values: shaded, arrows: arrows, title: "n = \(n)", valueTitle: "max Q", valueDomain: 0...1
            ).chart(width: 280)
        }
        return FigureSpec(panels: panels, columns: panels.count)
    }

    /// The value of `move` from `state` under values `v`: reward 1 into the goal, else gamma v(next).
    static func lookahead(_ v: [Double], _ state: Int, _ move: GridMove) -> Double {
        let maze = DynaMazeSetup.maze
        let next = maze.destination(from: state, move: move)
        return next == maze.goalState ? 1 : 0.95 * v[next]
    }
}
