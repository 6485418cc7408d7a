import Foundation
import Randomness
import Testing

@testable import Tabular

@Suite("Prioritized sweeping, Dyna-Q+, decision-time planning and scaled mazes")
struct PlanningAgentsTests {
    @Test("the priority queue pops in priority order and keeps the larger priority of a re-queued item")
    func queueOrdering() {
        var queue = IndexedPriorityQueue(capacity: 10)
        for (item, priority) in [(3, 0.5), (1, 2.0), (7, 1.0), (4, 0.1)] { queue.insert(item, priority: priority) }
        queue.insert(4, priority: 3.0)  // raised
        queue.insert(1, priority: 0.2)  // lower: ignored
        #expect(queue.count == 4)
        var order = [Int]()
        while let top = queue.popMax() { order.append(top.item) }
        #expect(order == [4, 1, 7, 3])
        // Random priorities come out sorted.
        var generator = Xoshiro256StarStar(seed: 1)
        var big = IndexedPriorityQueue(capacity: 500)
        for item in 0..<500 { big.insert(item, priority: generator.uniformUnit()) }
        var last = Double.infinity
        while let top = big.popMax() {
            #expect(top.priority <= last)
            last = top.priority
        }
    }

    @Test("scaled mazes keep the maze's structure: 47 k^2 free cells and a path that grows with k")
    func scaledMazes() {
        for k in [1, 2, 3] {
            let maze = GridMaze.dynaMaze.scaled(by: k)
            #expect(maze.freeCellCount == 47 * k * k)
            #expect(maze.shortestPathLength() != nil)
        }
        #expect(GridMaze.dynaMaze.scaled(by: 1) == GridMaze(rows: 6, columns: 9, walls: GridMaze.dynaMaze.walls, start: GridCell(2, 0), goal: GridCell(0, 8)))
    }

    @Test("the blocking and shortcut mazes have the book's shortest paths")
    func changingMazes() {
        #expect(GridMaze.blockingMaze(opened: false).shortestPathLength() == 10)
        #expect(GridMaze.blockingMaze(opened: true).shortestPathLength() == 16)
        #expect(GridMaze.shortcutMaze(opened: false).shortestPathLength() == 16)
        #expect(GridMaze.shortcutMaze(opened: true).shortestPathLength() == 10)
    }

    @Test("prioritized sweeping reaches a near-optimal path on a scaled Dyna maze with several times fewer updates than Dyna-Q")
    func sweepingBeatsRandomReplay() {
        // A deterministic maze: step size 1, as in the book's example; geometric means over 8 seeds.
        let settings = DynaQSettings(stepSize: 1, planningSteps: 5)
        let maze = GridMaze.dynaMaze.scaled(by: 3)
        var sweeping = 0.0
        var random = 0.0
        for seed in 0..<8 {
            var a = Xoshiro256StarStar(seed: UInt64(seed))
            var b = Xoshiro256StarStar(seed: UInt64(seed))
            sweeping += log(Double(PrioritizedSweeping(settings: settings).updatesUntilNearOptimal(on: maze, using: &a))) / 8
            random += log(Double(DynaQ(settings: settings).updatesUntilNearOptimal(on: maze, using: &b))) / 8
        }
        #expect(exp(random - sweeping) > 3, "Dyna-Q needs \(exp(random - sweeping)) times the updates")
    }

    @Test("Dyna-Q+ explores: on the shortcut maze it collects reward, and more than Dyna-Q after the shortcut opens")
    func dynaQPlus() {
        var a = Xoshiro256StarStar(seed: 5)
        var b = Xoshiro256StarStar(seed: 5)
        let settings = DynaQSettings(stepSize: 1, planningSteps: 50)
        let plus = DynaQPlus(settings: settings, bonus: 1e-3).cumulativeReward(on: .shortcut, steps: 6000, sampleEvery: 100, using: &a)
        let plain = DynaQPlus(settings: settings, bonus: 0).cumulativeReward(on: .shortcut, steps: 6000, sampleEvery: 100, using: &b)
        #expect(plus.count == 60 && plain.count == 60)
        #expect(plus.last! - plus[29] > plain.last! - plain[29])
    }

    @Test("the decision-time planner learns the maze and counts its model lookups")
    func decisionTime() {
        var generator = Xoshiro256StarStar(seed: 9)
        let run = DecisionTimePlanner(settings: DynaQSettings(planningSteps: 0), depth: 5).run(on: .dynaMaze, episodes: 30, using: &generator)
        #expect(run.steps.count == 30 && run.lookups.allSatisfy { $0 >= 0 })
        #expect(run.steps.suffix(5).reduce(0, +) < 5 * 40)
    }
}
