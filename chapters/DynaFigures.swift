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

    /// The maze with the greedy move of every cell that has learned one, one panel per agent.
    static func policies(_ snapshots: [PolicySnapshot], maze: GridMaze) -> FigureSpec {
        let panels = snapshots.map { snapshot in
            Chart(
                title: "n = \(snapshot.planningSteps) (step \(snapshot.snapshotStep) of \(snapshot.secondEpisodeSteps))",
                x: Axis(domain: 0...Double(maze.columns), hidden: true),
                y: Axis(domain: 0...Double(maze.rows), reversed: true, hidden: true),
                width: 250, height: 200, legend: .hidden, equalAspect: true, showsGrid: false
            ) {
                for state in 0..<maze.stateCount {
                    let cell = maze.cell(of: state)
                    let x = Double(cell.column)
                    let y = Double(cell.row)
                    let fill = maze.isWall(cell) ? Color.gray(0.45) : Color.white
                    RectangleMark(x: x...(x + 1), y: y...(y + 1), fill: .fixed(fill), stroke: .gray(0.7))
                    if cell == maze.start { TextMark("S", at: DataPoint(x: x + 0.5, y: y + 0.5), size: 10, bold: true) }
                    if cell == maze.goal { TextMark("G", at: DataPoint(x: x + 0.5, y: y + 0.5), size: 10, bold: true) }
                    if let move = GridMove(rawValue: snapshot.moves[state]), cell != maze.start {
                        ArrowMark(
                            at: DataPoint(x: x + 0.5, y: y + 0.5), dx: Double(move.columnOffset) * 0.6, dy: Double(move.rowOffset) * 0.6,
                            color: Palette.series(0))
                    }
                    if let move = GridMove(rawValue: snapshot.moves[state]), cell == maze.start {
                        ArrowMark(
                            at: DataPoint(x: x + 0.5 + Double(move.columnOffset) * 0.3, y: y + 0.5 + Double(move.rowOffset) * 0.3),
                            dx: Double(move.columnOffset) * 0.35, dy: Double(move.rowOffset) * 0.35, color: Palette.series(0))
                    }
                }
            }
        }
        return FigureSpec(panels: panels, columns: panels.count)
    }
}
