import Charts
import Foundation
import Notebook
import Tabular

extension ExperimentResults where Parameter == Int, Output == MazeRun {
    /// The runs with `n` planning steps.
    func runs(n: Int) -> [MazeRun] { replicates { $0 == n } }

    /// Mean steps in episode `episode` (from 1) over the runs with `n` planning steps.
    func meanSteps(n: Int, episode: Int) -> Double {
        SampleSummary(runs(n: n).map { $0.steps[episode - 1] }).mean
    }

    /// The first episode whose mean length is at most `bound`, if any.
    func firstEpisode(n: Int, meanAtMost bound: Double) -> Int? {
        (1...DynaMazeSetup.episodes).first { meanSteps(n: n, episode: $0) <= bound }
    }

    /// The mean learned value of every cell over the runs with `n` planning steps.
    func meanStateValues(n: Int) -> [Double] {
        let runs = runs(n: n)
        return (0..<DynaMazeSetup.maze.stateCount).map { s in SampleSummary(runs.map { $0.finalStateValues[s] }).mean }
    }

    /// Mean steps over episodes `range` and all runs with `n` planning steps.
    func meanSteps(n: Int, episodes range: ClosedRange<Int>) -> Double {
        SampleSummary(runs(n: n).flatMap { Array($0.steps[(range.lowerBound - 1)...(range.upperBound - 1)]) }).mean
    }
}

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

extension DynaFigures {
    static let sweepNs = [0, 1, 2, 5, 10, 20, 50, 100]

    /// Real steps and planning updates against n (n on a categorical axis).
    static func planningSweep(_ results: ExperimentResults<Int, MazeRun>) -> FigureSpec {
        let xs = results.points.indices.map(Double.init)
        let ticks = results.points.enumerated().map { AxisTick(Double($0.offset), "\($0.element.parameter)") }
        let total = results.points.map { SampleSummary($0.replicates.map { $0.steps.reduce(0, +) }) }
        let afterFirst = results.points.map { SampleSummary($0.replicates.map { $0.steps.dropFirst().reduce(0, +) }) }
        let planning = results.points.map { SampleSummary($0.replicates.map { max(1, $0.planningUpdates) }) }
        let steps = Chart(title: "Real steps in 50 episodes", x: Axis("Planning steps per real step n", domain: -0.5...7.5, ticks: ticks), y: Axis("Real steps"), width: 280, height: 230) {
            for (name, s) in [("all episodes", total), ("after episode 1", afterFirst)] {
                AreaMark(x: xs, lower: s.map { $0.confidenceInterval().lowerBound }, upper: s.map { $0.confidenceInterval().upperBound }, series: name)
                LineMark(points: zip(xs, s).map { DataPoint(x: $0, y: $1.mean) }, series: name)
                PointMark(points: zip(xs, s).map { DataPoint(x: $0, y: $1.mean) }, series: name)
            }
        }
        let work = Chart(title: "Planning updates in 50 episodes", x: Axis("Planning steps per real step n", domain: -0.5...7.5, ticks: ticks), y: Axis("Updates", scale: .log), width: 240, height: 230, legend: .hidden) {
            LineMark(points: zip(xs, planning).dropFirst().map { DataPoint(x: $0, y: $1.mean) }, series: "planning updates")
            PointMark(points: zip(xs, planning).dropFirst().map { DataPoint(x: $0, y: $1.mean) }, series: "planning updates")
        }
        return FigureSpec(panels: [steps, work], columns: 2)
    }

    /// Cumulative reward on the blocking and shortcut mazes, Dyna-Q against Dyna-Q+.
    static func changingMazes(_ results: ExperimentResults<ChangingMazePoint, [Double]>) -> FigureSpec {
        let panels = ChangingMazePoint.Maze.allCases.map { maze -> Chart in
            let points = results.points.filter { $0.parameter.maze == maze }
            let switchStep = maze == .blocking ? 1000.0 : 3000.0
            return Chart(title: "\(maze.rawValue.capitalized) maze", x: Axis("Time steps"), y: Axis("Cumulative reward"), width: 280, height: 230) {
                for point in points {
                    let steps = point.replicates[0].indices.map { Double(($0 + 1) * DynaMazeSetup.changingSampleEvery) }
                    let s = steps.indices.map { i in SampleSummary(point.replicates.map { $0[i] }) }
                    AreaMark(x: steps, lower: s.map { $0.confidenceInterval().lowerBound }, upper: s.map { $0.confidenceInterval().upperBound }, series: point.parameter.agent.rawValue)
                    LineMark(points: zip(steps, s).map { DataPoint(x: $0, y: $1.mean) }, series: point.parameter.agent.rawValue)
                }
                RuleMark(.vertical, at: switchStep, label: "walls change")
            }
        }
        return FigureSpec(panels: panels, columns: 2)
    }

    /// Updates until near-optimal against maze size, log-log.
    static func sweeping(_ results: ExperimentResults<SweepPoint, Int>) -> Chart {
        Chart(x: Axis("Free cells (states)", scale: .log), y: Axis("Updates until the greedy path is within 1.2 × optimal", scale: .log), width: 430, height: 260) {
            for agent in SweepPoint.Agent.allCases {
                let points = results.points.filter { $0.parameter.agent == agent }
                let xs = points.map { Double(47 * $0.parameter.resolution * $0.parameter.resolution) }
                // Geometric mean and its 95% interval: the counts spread over orders of magnitude.
                let s = points.map { SampleSummary($0.replicates.map { log(Double($0)) }) }
                AreaMark(x: xs, lower: s.map { exp($0.confidenceInterval().lowerBound) }, upper: s.map { exp($0.confidenceInterval().upperBound) }, series: agent.rawValue)
                LineMark(points: zip(xs, s).map { DataPoint(x: $0, y: exp($1.mean)) }, series: agent.rawValue)
                PointMark(points: zip(xs, s).map { DataPoint(x: $0, y: exp($1.mean)) }, series: agent.rawValue)
            }
        }
    }

    /// Steps per episode of background and decision-time planners at equal budgets.
    static func planningStyles(_ results: ExperimentResults<PlanningStylePoint, PlanningStyleRun>) -> Chart {
        let episodes = Array(2...DynaMazeSetup.episodes)
        return Chart(x: Axis("Episode"), y: Axis("Steps per episode", scale: .log), width: 430, height: 260) {
            for point in results.points {
                let name = "\(point.parameter.style.rawValue), \(point.parameter.budget) lookups"
                let s = episodes.map { e in SampleSummary(point.replicates.map { $0.steps[e - 1] }) }
                LineMark(points: zip(episodes, s).map { DataPoint(x: Double($0), y: $1.mean) }, series: name)
            }
        }
    }
}
