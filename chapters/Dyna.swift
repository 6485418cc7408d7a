import Charts
import Foundation
import Notebook
import Tabular

/// Episodes the chapter compares with a widely used Python reproduction (REFERENCES.md).
private let referenceEpisodes = [2, 3, 5, 10, 20]

/// The reproduction's mean steps for those episodes, its mean of episodes 41–50 and its first
/// episode with mean at most 20, by n.
private let pythonReproduction: [Int: (steps: [Double], late: Double, first: Int)] = [
    0: ([502, 560, 262, 105, 46.9], 17.6, 29),
    5: ([157, 46.0, 27.4, 17.0, 16.9], 16.9, 6),
    50: ([35.9, 17.9, 16.4, 16.7, 18.1], 16.8, 3),
]

private let maze = Experiment(
    "exp-maze", parameters: [0, 5, 50], replicates: 30, dependencies: ["Sources/Tabular", "Sources/Randomness"]
) { n, generator in
    DynaMazeSetup.run(planningSteps: n, using: &generator)
}

private let policy = Experiment(
    "exp-policy", parameters: [0, 50], replicates: 1, dependencies: ["Sources/Tabular", "Sources/Randomness"]
) { n, generator in
    DynaMazeSetup.policyHalfwayThroughSecondEpisode(planningSteps: n, using: &generator)
}

let dynaChapter = Chapter("dyna", title: "Learning and planning") {
    Prose("""
        An agent can improve its behaviour in two ways. It can *learn* from what actually happened: \
        each real step $(S, A, R, S')$ nudges a value estimate. Or it can *plan*: consult a model of \
        the environment, an estimate of $\\hat{P}(s'|s,a)$ and $\\hat{R}(s,a)$, and improve its estimates \
        from transitions it imagines. Methods that only learn are called *model-free*; methods that \
        also plan are *model-based*. A real step is usually the expensive resource (a robot moves, a \
        game is played), while a simulated step costs a few memory reads, so planning is a way to buy \
        sample efficiency with computation.
        """)
    Section("The Dyna loop", id: "sec-dyna-loop") {
        Prose("""
            Sutton's Dyna architecture makes the trade explicit. After every real step the agent does \
            three things: it updates its action values from the step it just took (direct learning), \
            it records the step in its model (model learning), and it then replays $n$ transitions \
            drawn at random from the pairs the model has seen (planning). Both kinds of update use the \
            same one-step Q-learning rule, @eq-q-update, so planning is nothing more than extra \
            learning from remembered experience.
            """)
        Equation("Q(S,A) \\leftarrow Q(S,A) + \\alpha \\left[ R + \\gamma \\max_{a} Q(S',a) - Q(S,A) \\right]", id: "eq-q-update")
        Prose("""
            With $n = 0$ the agent is plain one-step tabular Q-learning. In a deterministic world the \
            model that remembers the last outcome of each state–action pair is exact once the pair has \
            been tried, so every planning update is as good as a real one.
            """)
    }
    Section("The Dyna maze", id: "sec-dyna-maze") {
        Prose("""
            The test bed is the maze of Sutton and Barto's Example 8.1: 6 × 9 cells, 47 of them free, \
            four deterministic moves, reward 1 for reaching the goal and 0 otherwise, after which the \
            agent starts again. The shortest path has 14 steps. All agents use $\\alpha = 0.1$, \
            $\\gamma = 0.95$, $\\epsilon = 0.1$, start from $Q = 0$ and break ties at random; we run \
            30 independent agents for each $n \\in \\{0, 5, 50\\}$, 50 episodes each.
            """)
        maze
        Prose("""
            Until the goal is first reached every action value is zero, so the first episode is a \
            uniformly random walk, whatever $n$ is. Its expected length can be computed exactly by \
            solving the linear system of hitting times over the free cells; the run compares its \
            measured first episodes with that number.
            """)
        Callout(.note, title: "The book's first-episode figure") {
            Prose("""
                Sutton and Barto mention about 1,700 steps for the first episode. That is not what \
                this maze gives: the exact expectation of a uniform random walk from the start is \
                the number computed here, and a Monte Carlo estimate over hundreds of walks agrees \
                with it (the unit tests check both). The book's Figure 8.2, like @fig-steps, starts \
                at episode 2, so the first episode never shows in it.
                """)
        }
        Claim("clm-first-episode", "The first episode is a random walk whose mean length matches the exact expected hitting time from the start to the goal.") { results in
            let runs = try results[maze].points.flatMap(\.replicates)
            let first = SampleSummary(runs.map { $0.steps[0] })
            let exact = DynaMazeSetup.maze.expectedRandomWalkSteps()
            return ClaimCheck(
                first.mean, .near(exact, tolerance: 3 * first.standardError), unit: "steps",
                detail: "exact \(ClaimCheck.format(exact)), tolerance 3 standard errors over \(first.count) runs, sd \(ClaimCheck.format(first.standardDeviation))")
        }
        Figure("fig-steps", caption: "Steps per episode on the Dyna maze from episode 2 on (log scale): mean over 30 agents and its 95% confidence band, for $n$ = 0, 5 and 50 planning steps per real step. The dashed line is the 14-step shortest path.") { results in
            DynaFigures.learningCurves(try results[maze], shortestPath: DynaMazeSetup.maze.shortestPathLength() ?? 0)
        }
        Prose("""
            @fig-steps shows what planning buys. The agent without a model spends hundreds of steps \
            per episode for its first ten episodes: each real step moves value information one cell \
            back along the path, so the reward of the goal crawls back towards the start one episode \
            at a time. With $n = 50$ the same information spreads through the whole model after the \
            first success, and the second episode is already short. @tbl-episodes puts numbers on it, \
            next to those of a widely used Python reproduction of the book's figure.
            """)
        Table("tbl-episodes", caption: "Mean steps per episode over 30 agents and the first episode whose mean is at most 20 steps, beside the same numbers from a widely used Python reproduction of the book's figure (ref.).") { results in
            let r = try results[maze]
            let ns = r.points.map(\.parameter)
            let header = ["measure"] + ns.flatMap { ["$n = \($0)$", "ref."] }
            var rows = [[String]]()
            for (i, episode) in referenceEpisodes.enumerated() {
                rows.append(["episode \(episode)"] + ns.flatMap { n in [format(r.meanSteps(n: n, episode: episode)), pythonReproduction[n].map { format($0.steps[i]) } ?? "—"] })
            }
            rows.append(["episodes 41–50"] + ns.flatMap { n in [format(r.meanSteps(n: n, episodes: 41...50)), pythonReproduction[n].map { format($0.late) } ?? "—"] })
            rows.append(["first episode ≤ 20"] + ns.flatMap { n in [r.firstEpisode(n: n, meanAtMost: 20).map(String.init) ?? "—", pythonReproduction[n].map { "\($0.first)" } ?? "—"] })
            return TableData(header: header, rows: rows)
        }
        Claim("clm-n50-fast", "With 50 planning steps the mean episode is within 20 steps by episode 3 or 4.") { results in
            let first = try results[maze].firstEpisode(n: 50, meanAtMost: 20)
            return ClaimCheck(Double(first ?? 999), .between(3, 4), unit: "episodes")
        }
        Claim("clm-n5-middle", "With 5 planning steps it takes about 5 episodes (between 4 and 8).") { results in
            let first = try results[maze].firstEpisode(n: 5, meanAtMost: 20)
            return ClaimCheck(Double(first ?? 999), .between(4, 8), unit: "episodes")
        }
        Claim("clm-n0-slow", "Without planning the agent needs 20 episodes or more to get there.") { results in
            let first = try results[maze].firstEpisode(n: 0, meanAtMost: 20)
            return ClaimCheck(Double(first ?? 999), .atLeast(20), unit: "episodes")
        }
        Claim("clm-plateau", "Every agent ends on a plateau near 17 steps per episode: the 14-step path plus the detours that $\\epsilon$-greedy exploration forces.") { results in
            let r = try results[maze]
            let late = [0, 5, 50].map { r.meanSteps(n: $0, episodes: 41...50) }
            let worst = late.map { abs($0 - 17) }.max() ?? .infinity
            return ClaimCheck(
                worst, .atMost(1.5), unit: "steps from 17",
                detail: "means of episodes 41–50: " + zip([0, 5, 50], late).map { "n = \($0): \(format($1))" }.joined(separator: ", "))
        }
        Claim("clm-greedy-shortest", "After 50 episodes the greedy policy of every agent with $n = 50$ reaches the goal, and at least half of them by a shortest, 14-step path.") { results in
            let paths = try results[maze].runs(n: 50).map { $0.finalGreedyPath }
            let shortest = paths.filter { $0 == DynaMazeSetup.maze.shortestPathLength() }.count
            let reaching = paths.compactMap { $0 }
            let lengths = Dictionary(grouping: reaching, by: { $0 }).sorted { $0.key < $1.key }.map { "\($1.count) × \($0) steps" }
            return ClaimCheck(
                paths.contains(nil) ? 0 : Double(shortest) / Double(paths.count), .atLeast(0.5), unit: "of agents on a shortest path",
                detail: "greedy path lengths: " + lengths.joined(separator: ", ") + "; \(paths.count - reaching.count) loop")
        }
    }
    Section("What the model adds within one episode", id: "sec-dyna-policies") {
        Prose("""
            @fig-policies repeats Figure 8.3 of the book: the greedy action of every cell whose value \
            has become positive, halfway through the second episode, for one agent without planning \
            and one with $n = 50$. The model-free agent has learned a single thing from its first \
            success, what to do next to the goal. The planning agent has propagated the goal's value \
            through most of the maze while standing still in the real world.
            """)
        policy
        Figure("fig-policies", caption: "Greedy policies halfway through episode 2 (Sutton and Barto, Figure 8.3). Arrows mark cells whose best action value is positive; the dot is the agent, S the start, G the goal, grey cells are walls.") { results in
            DynaFigures.policies(try results[policy].points.flatMap(\.replicates))
        }
        Claim("clm-policy-n0", "Without planning, at most a couple of cells next to the goal have a policy halfway through episode 2.") { results in
            let snapshot = try results[policy].replicates { $0 == 0 }.first
            let count = snapshot?.moves.filter { $0 >= 0 }.count ?? 999
            return ClaimCheck(Double(count), .atMost(2), unit: "cells with a policy")
        }
        Claim("clm-policy-n50", "With 50 planning steps, most free cells already have one.") { results in
            let snapshot = try results[policy].replicates { $0 == 50 }.first
            let count = snapshot?.moves.filter { $0 >= 0 }.count ?? 0
            return ClaimCheck(Double(count), .atLeast(23), unit: "of 46 non-goal cells")
        }
        Figure("fig-values", caption: "Learned values $\\max_a Q(s,a)$ after 50 episodes, averaged over the 30 agents of each kind, and the moves that are greedy with respect to them. The optimal value of a cell $d$ steps from the goal is $\\gamma^{d-1}$.") { results in
            DynaFigures.values(try results[maze], ns: [0, 50])
        }
        Claim("clm-start-value", "With $n = 50$ the learned value of the start is within 0.05 of its optimal value $\\gamma^{13} \\approx 0.513$.") { results in
            let value = try results[maze].meanStateValues(n: 50)[DynaMazeSetup.maze.startState]
            return ClaimCheck(value, .near(pow(0.95, 13.0), tolerance: 0.05))
        }
        Claim("clm-start-value-n0", "Without planning the start's value is still below 0.01 after 50 episodes.") { results in
            ClaimCheck(try results[maze].meanStateValues(n: 0)[DynaMazeSetup.maze.startState], .atMost(0.01))
        }
        Prose("""
            @fig-values shows the other side of the coin. The model-free agent does walk near-shortest \
            paths by episode 30, yet its value estimates away from the goal are still tiny: with \
            $\\alpha = 0.1$ each backup moves a value a tenth of the way to its target, and the goal's \
            reward must pass through thirteen such backups to reach the start. The greedy choice only \
            needs the *order* of the values to be right, which happens long before the values \
            themselves are. Fifty planning updates per step repeat those backups until the values settle.
            """)
        Prose("""
            The price is computation: an agent with $n = 50$ makes 50 model updates per real step. \
            Whether that trade pays depends on what a real step costs, which is the subject of the \
            chapters that follow.
            """)
    }
}

/// A number for a table: one decimal below 100, none above.
private func format(_ value: Double) -> String {
    abs(value) >= 100 ? String(Int(value.rounded())) : ClaimCheck.format((value * 10).rounded() / 10)
}
