import Foundation
import Randomness
import Testing

@testable import Tabular

@Suite("The Sutton–Barto Dyna maze")
struct DynaMazeTests {
    let maze = GridMaze.dynaMaze

    @Test("has the book's shape: 6 x 9, 47 free cells, a 14-step shortest path")
    func shape() {
        #expect(maze.rows == 6 && maze.columns == 9)
        #expect(maze.freeCellCount == 47)
        #expect(maze.shortestPathLength() == 14)
        #expect(maze.start == GridCell(2, 0) && maze.goal == GridCell(0, 8))
    }

    @Test("walls and edges leave the agent in place; the goal pays 1 and ends the episode")
    func moves() {
        var generator = Xoshiro256StarStar(seed: 1)
        let start = maze.startState
        #expect(maze.step(from: start, action: GridMove.left.rawValue, using: &generator).nextState == start)
        let besideWall = maze.state(of: GridCell(2, 1))
        #expect(maze.step(from: besideWall, action: GridMove.right.rawValue, using: &generator).nextState == besideWall)
        let belowGoal = maze.state(of: GridCell(1, 8))
        let toGoal = maze.step(from: belowGoal, action: GridMove.up.rawValue, using: &generator)
        #expect(toGoal.reward == 1 && toGoal.isTerminal && toGoal.nextState == maze.goalState)
    }

    @Test("the exact expected random-walk length from start to goal is 868.7 steps")
    func exactHittingTime() {
        #expect(abs(maze.expectedRandomWalkSteps() - 868.7) < 0.05)
    }

    @Test("a corridor's hitting time matches the closed form")
    func corridorHittingTime() {
        // A 1 x 4 corridor from the left end to the right end: up and down always stay put.
        let corridor = GridMaze(rows: 1, columns: 4, walls: [], start: GridCell(0, 0), goal: GridCell(0, 3))
        // Solving h0 = 1 + 3/4 h0 + 1/4 h1, h1 = 1 + 1/4 h0 + 1/2 h1 + 1/4 h2, h2 = 1 + 1/4 h1 + 1/2 h2.
        #expect(abs(corridor.expectedRandomWalkSteps() - 24) < 1e-9)
    }

    @Test("the first Dyna-Q episode is a uniform random walk: its Monte Carlo mean matches 868.7")
    func firstEpisodeIsRandomWalk() {
        var generator = Xoshiro256StarStar(seed: 2026)
        let agent = DynaQ(settings: DynaQSettings(planningSteps: 5))
        let lengths = (0..<600).map { _ in Double(agent.run(on: maze, episodes: 1, using: &generator).stepsPerEpisode[0]) }
        let mean = lengths.reduce(0, +) / Double(lengths.count)
        let sd = (lengths.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(lengths.count - 1)).squareRoot()
        let standardError = sd / Double(lengths.count).squareRoot()
        #expect(abs(mean - 868.7) < 4 * standardError, "mean \(mean), standard error \(standardError)")
    }

    @Test("Q-learning with uniformly random behaviour learns the optimal values: the greedy path is 14 steps, max Q(start) = gamma^13")
    func offPolicyConvergence() {
        var generator = Xoshiro256StarStar(seed: 7)
        let agent = DynaQ(settings: DynaQSettings(stepSize: 0.5, explorationRate: 1, planningSteps: 50))
        let run = agent.run(on: maze, episodes: 40, using: &generator)
        #expect(maze.greedyPathLength(run.finalValues) == 14)
        let value = run.finalValues.maxValue(in: maze.startState)
        #expect(abs(value - pow(0.95, 13)) < 1e-6, "max Q(start) = \(value)")
    }

    @Test("Dyna-Q with 50 planning steps learns a near-shortest path within 50 episodes")
    func dynaLearnsTheMaze() {
        var generator = Xoshiro256StarStar(seed: 11)
        let run = DynaQ(settings: DynaQSettings(planningSteps: 50)).run(on: maze, episodes: 50, using: &generator)
        let path = maze.greedyPathLength(run.finalValues)
        #expect(path != nil && path! <= 16)
        let late = run.stepsPerEpisode.suffix(10).reduce(0, +)
        #expect(late < 10 * 25)
        #expect(run.planningUpdatesPerEpisode.allSatisfy { $0 > 0 })
    }

    @Test("runs are reproducible from the seed and differ between seeds")
    func determinism() {
        let agent = DynaQ(settings: DynaQSettings(planningSteps: 5))
        var a = Xoshiro256StarStar(seed: 3)
        var b = Xoshiro256StarStar(seed: 3)
        var c = Xoshiro256StarStar(seed: 4)
        let first = agent.run(on: maze, episodes: 10, using: &a).stepsPerEpisode
        #expect(first == agent.run(on: maze, episodes: 10, using: &b).stepsPerEpisode)
        #expect(first != agent.run(on: maze, episodes: 10, using: &c).stepsPerEpisode)
    }

    @Test("a snapshot halfway through episode 2 holds the values of that moment")
    func snapshot() {
        var generator = Xoshiro256StarStar(seed: 5)
        let agent = DynaQ(settings: DynaQSettings(planningSteps: 0))
        let run = agent.run(on: maze, episodes: 2, snapshotAt: RunMoment(episode: 2, step: 1), using: &generator)
        let snapshot = try! #require(run.snapshot)
        // Without planning, only the pair that entered the goal has a value after episode 1.
        let positive = snapshot.values.filter { $0 > 0 }.count
        #expect(positive == 1)
        #expect(maze.greedyMoves(snapshot).count == 1)
    }
}
