import Foundation
import Notebook
import Randomness
import Tabular

/// One run of an agent on the Dyna maze.
struct MazeRun: Codable, Sendable {
    /// Real steps per episode.
    var steps: [Int]
    /// Planning updates over the whole run.
    var planningUpdates: Int
    /// Steps the final greedy policy takes from start to goal (nil if it loops).
    var finalGreedyPath: Int?
    /// The learned state values max_a Q(s, a) at the end of the run, one per cell, row by row.
    var finalStateValues: [Double]
}

/// The greedy policy of one agent halfway through its second episode (Sutton and Barto, Figure 8.3).
struct PolicySnapshot: Codable, Sendable {
    /// Planning steps n.
    var planningSteps: Int
    /// The length of episode 2 in this run.
    var secondEpisodeSteps: Int
    /// The step of episode 2 at which the policy was copied.
    var snapshotStep: Int
    /// Greedy move (GridMove raw value) per cell, row by row; -1 where nothing was learned yet.
    var moves: [Int]
    /// The cell the agent stood in at that moment (state number).
    var agentState: Int
}

/// The Dyna maze settings of Sutton and Barto's Example 8.1.
enum DynaMazeSetup {
    static let episodes = 50
    static let maze = GridMaze.dynaMaze

    static func run(planningSteps n: Int, using generator: inout Xoshiro256StarStar) -> MazeRun {
        let run = DynaQ(settings: DynaQSettings(planningSteps: n)).run(on: maze, episodes: episodes, using: &generator)
        return MazeRun(
            steps: run.stepsPerEpisode, planningUpdates: run.planningUpdatesPerEpisode.reduce(0, +),
            finalGreedyPath: maze.greedyPathLength(run.finalValues),
            finalStateValues: (0..<maze.stateCount).map { run.finalValues.maxValue(in: $0) })
    }

    /// Runs two episodes to learn how long episode 2 is, then replays the same stream and copies
    /// the action values halfway through it.
    static func policyHalfwayThroughSecondEpisode(planningSteps n: Int, using generator: inout Xoshiro256StarStar) -> PolicySnapshot {
        let agent = DynaQ(settings: DynaQSettings(planningSteps: n))
        var probe = generator
        let length = agent.run(on: maze, episodes: 2, using: &probe).stepsPerEpisode[1]
        let halfway = max(1, length / 2)
        let run = agent.run(on: maze, episodes: 2, snapshotAt: RunMoment(episode: 2, step: halfway), using: &generator)
        let moves = maze.greedyMoves(run.snapshot ?? run.finalValues)
        let grid = (0..<maze.stateCount).map { state in moves[maze.cell(of: state)]?.rawValue ?? -1 }
        return PolicySnapshot(planningSteps: n, secondEpisodeSteps: length, snapshotStep: halfway, moves: grid, agentState: run.snapshotState ?? maze.startState)
    }
}

/// One agent on a scaled maze.
struct SweepPoint: Codable, Sendable, Hashable {
    /// The agents compared; the raw values are the names in the results and the figures.
    enum Agent: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case dynaQ = "Dyna-Q"
        case prioritizedSweeping = "prioritized sweeping"
        var description: String { rawValue }
    }

    /// The resolution k (the maze has 47 k^2 free cells).
    var resolution: Int
    var agent: Agent
}

/// Cumulative reward of one agent on a changing maze.
struct ChangingMazePoint: Codable, Sendable, Hashable {
    /// The maze whose walls change.
    enum Maze: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case blocking, shortcut
        var description: String { rawValue }
    }

    /// The agents compared.
    enum Agent: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case dynaQ = "Dyna-Q"
        case dynaQPlus = "Dyna-Q+"
        var description: String { rawValue }
    }

    var maze: Maze
    var agent: Agent
}

/// One agent in the comparison of background and decision-time planning.
struct PlanningStylePoint: Codable, Sendable, Hashable {
    /// When the agent plans.
    enum Style: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case background = "background (Dyna-Q)"
        case decisionTime = "decision-time (rollouts)"
        var description: String { rawValue }
    }

    var style: Style
    /// Model lookups allowed per real step.
    var budget: Int
}

/// Real steps and planning work of one run.
struct PlanningStyleRun: Codable, Sendable {
    var steps: [Int]
    var lookups: [Int]
}

extension DynaMazeSetup {
    static let changingSampleEvery = 10

    static func changing(_ point: ChangingMazePoint, using generator: inout Xoshiro256StarStar) -> [Double] {
        let blocking = point.maze == .blocking
        // The settings of the common Python reproduction of the book's Examples 8.2 and 8.3: alpha 1, epsilon 0.1, gamma 0.95.
        let settings = DynaQSettings(stepSize: 1, planningSteps: blocking ? 10 : 50)
        let bonus = point.agent == .dynaQPlus ? (blocking ? 1e-4 : 1e-3) : 0
        return DynaQPlus(settings: settings, bonus: bonus).cumulativeReward(
            on: blocking ? .blocking : .shortcut, steps: blocking ? 3000 : 6000, sampleEvery: changingSampleEvery, using: &generator)
    }

    static func sweep(_ point: SweepPoint, using generator: inout Xoshiro256StarStar) -> Int {
        let settings = DynaQSettings(stepSize: 1, planningSteps: 5)
        let maze = GridMaze.dynaMaze.scaled(by: point.resolution)
        return point.agent == .prioritizedSweeping
            ? PrioritizedSweeping(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
            : DynaQ(settings: settings).updatesUntilNearOptimal(on: maze, using: &generator)
    }

    static func planningStyle(_ point: PlanningStylePoint, using generator: inout Xoshiro256StarStar) -> PlanningStyleRun {
        if point.style == .background {
            let run = DynaQ(settings: DynaQSettings(planningSteps: point.budget)).run(on: maze, episodes: episodes, using: &generator)
            return PlanningStyleRun(steps: run.stepsPerEpisode, lookups: run.planningUpdatesPerEpisode)
        }
        let run = DecisionTimePlanner(settings: DynaQSettings(planningSteps: 0), depth: point.budget / maze.actionCount)
            .run(on: maze, episodes: episodes, using: &generator)
        return PlanningStyleRun(steps: run.steps, lookups: run.lookups)
    }
}
