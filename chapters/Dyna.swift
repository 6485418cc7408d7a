import Charts
import Foundation
import Notebook
import Tabular

/// Episodes the chapter compares with a widely used Python reproduction of the book's figures.
private let referenceEpisodes = [2, 3, 5, 10, 20]

/// The reproduction's mean steps for those episodes, its mean of episodes 41–50 and its first
/// episode with mean at most 20, by n.
private let pythonReproduction: [Int: (steps: [Double], late: Double, first: Int)] = [
    0: ([502, 560, 262, 105, 46.9], 17.6, 29),
    5: ([157, 46.0, 27.4, 17.0, 16.9], 16.9, 6),
    50: ([35.9, 17.9, 16.4, 16.7, 18.1], 16.8, 3),
]

private let maze = Experiment(
    "exp-maze", parameters: [0, 5, 50], replicates: 30
) { n, generator in
    DynaMazeSetup.run(planningSteps: n, using: &generator)
}

private let policy = Experiment(
    "exp-policy", parameters: [0, 50], replicates: 30
) { n, generator in
    DynaMazeSetup.policyHalfwayThroughSecondEpisode(planningSteps: n, using: &generator)
}

private let planningSweep = Experiment(
    "exp-planning-sweep", parameters: [0, 1, 2, 5, 10, 20, 50, 100], replicates: 30
) { n, generator in
    DynaMazeSetup.run(planningSteps: n, using: &generator)
}

private let changing = Experiment(
    "exp-changing-mazes",
    parameters: ChangingMazePoint.Maze.allCases.flatMap { maze in ChangingMazePoint.Agent.allCases.map { ChangingMazePoint(maze: maze, agent: $0) } },
    replicates: 20
) { point, generator in
    DynaMazeSetup.changing(point, using: &generator)
}

private let sweeping = Experiment(
    "exp-sweeping",
    parameters: [1, 2, 3, 4, 6, 8, 12].flatMap { k in SweepPoint.Agent.allCases.map { SweepPoint(resolution: k, agent: $0) } },
    replicates: 10
) { point, generator in
    DynaMazeSetup.sweep(point, using: &generator)
}

private let planningStyles = Experiment(
    "exp-planning-styles",
    parameters: [20, 60].flatMap { budget in PlanningStylePoint.Style.allCases.map { PlanningStylePoint(style: $0, budget: budget) } },
    replicates: 30
) { point, generator in
    DynaMazeSetup.planningStyle(point, using: &generator)
}

let dynaChapter = Chapter("dyna", title: "Learning and planning", uses: [.module("Tabular"), .file("chapters/Compute/DynaExperiments.swift")]) {
    Prose("""
        An agent can improve its behaviour in two ways. It can *learn* from what actually happened: \
        each real step $(S, A, R, S')$ nudges a value estimate. Or it can *plan*: consult a model of \
        the environment, an estimate of $\\hat{P}(s' \\mid s,a)$ and $\\hat{R}(s,a)$, and improve its estimates \
        from transitions it imagines. Methods that only learn are called *model-free*; methods that \
        also plan are *model-based*. A real step is usually the expensive resource (a robot moves, a \
        game is played), while a simulated step costs a few memory reads, so planning is a way to buy \
        sample efficiency with computation.
        """)
    Section("The Dyna loop", id: "sec-dyna-loop") {
        Prose("""
            Sutton's Dyna architecture [@sutton1990dyna] makes the trade explicit. After every real step the agent does \
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
            The test bed is the maze of Example 8.1 in @sutton2018: 6 × 9 cells, 47 of them free, \
            four deterministic moves, reward 1 for reaching the goal and 0 otherwise, after which the \
            agent starts again. The shortest path has 14 steps. All agents use $\\alpha = 0.1$, \
            $\\gamma = 0.95$, $\\varepsilon = 0.1$, start from $Q = 0$ and break ties at random; we run \
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
                Sutton and Barto mention about 1,700 steps for the first episode [@sutton2018, ex. 8.1]. That is not what \
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
            next to those of a widely used Python reproduction of the book's figure [@zhang2016python].
            """)
        Table("tbl-episodes", caption: "Mean steps per episode over 30 agents and the first episode whose mean is at most 20 steps, beside the same numbers from a widely used Python reproduction of the book's figure (ref.) [@zhang2016python].") { results in
            let r = try results[maze]
            let ns = r.points.map(\.parameter)
            let header = ["measure"] + ns.flatMap { ["$n = \($0)$", "ref., $n = \($0)$"] }
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
        Claim("clm-plateau", "Every agent ends on a plateau near 17 steps per episode: the 14-step path plus the detours that $\\varepsilon$-greedy exploration forces.") { results in
            let r = try results[maze]
            let late = [0, 5, 50].map { r.meanSteps(n: $0, episodes: 41...50) }
            let worst = late.map { abs($0 - 17) }.max() ?? .infinity
            return ClaimCheck(
                worst, .atMost(1.5), unit: "steps from 17",
                detail: "means of episodes 41–50: " + zip([0, 5, 50], late).map { "n = \($0): \(format($1))" }.joined(separator: ", "))
        }
        Claim("clm-greedy-shortest", "After 50 episodes the greedy policy of every agent with $n = 50$ reaches the goal, and at least 40% of them by a shortest, 14-step path.") { results in
            let paths = try results[maze].runs(n: 50).map { $0.finalGreedyPath }
            let shortest = paths.filter { $0 == DynaMazeSetup.maze.shortestPathLength() }.count
            let reaching = paths.compactMap { $0 }
            let lengths = Dictionary(grouping: reaching, by: { $0 }).sorted { $0.key < $1.key }.map { "\($1.count) × \($0) steps" }
            return ClaimCheck(
                paths.contains(nil) ? 0 : Double(shortest) / Double(paths.count), .atLeast(0.4), unit: "of agents on a shortest path",
                detail: "greedy path lengths: " + lengths.joined(separator: ", ") + "; \(paths.count - reaching.count) loop")
        }
    }
    Section("What the model adds within one episode", id: "sec-dyna-policies") {
        Prose("""
            @fig-policies repeats Figure 8.3 of @sutton2018: the greedy action of every cell whose value \
            has become positive, halfway through the second episode, for one agent without planning \
            and one with $n = 50$. The model-free agent has learned a single thing from its first \
            success, what to do next to the goal. The planning agent has propagated the goal's value \
            through a large part of the maze while standing still in the real world.
            """)
        policy
        Figure("fig-policies", caption: "Greedy policies halfway through episode 2 of one agent of each kind [@sutton2018, fig. 8.3]. Arrows mark cells whose best action value is positive; the dot is the agent, S the start, G the goal, grey cells are walls.") { results in
            DynaFigures.policies(try results[policy].points.map { $0.replicates[0] })
        }
        Claim("clm-policy-n0", "Without planning, none of 30 agents has a policy in more than a couple of cells next to the goal halfway through episode 2.") { results in
            let counts = try results[policy].replicates(at: 0).map { Double($0.moves.filter { $0 >= 0 }.count) }
            return ClaimCheck(counts.max() ?? 999, .atMost(2), unit: "cells with a policy (most of any agent)", detail: "\(counts.count) agents")
        }
        Claim("clm-policy-n50", "With 50 planning steps the typical agent already has one in a third of the 46 cells or more: the median over 30 agents is at least 15 cells, and at least three agents in four have 10 or more; how many depends on where the agent wandered, from a handful of cells to most of the maze.") { results in
            let counts = try results[policy].replicates(at: 50).map { Double($0.moves.filter { $0 >= 0 }.count) }.sorted()
            let median = counts.isEmpty ? 0 : (counts[(counts.count - 1) / 2] + counts[counts.count / 2]) / 2
            return ClaimCheck(median, .atLeast(15), unit: "cells (median agent)", detail: "quartiles \(ClaimCheck.format(counts[counts.count / 4])), \(ClaimCheck.format(counts[3 * counts.count / 4])); range \(ClaimCheck.format(counts.first!))–\(ClaimCheck.format(counts.last!))",
                              and: [ClaimCheck(Double(counts.filter { $0 >= 10 }.count) / Double(max(counts.count, 1)), .atLeast(0.75), unit: "of agents with 10 cells or more")])
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
            Whether that trade pays depends on what a real step costs, which is what the rest of \
            this chapter measures.
            """)
    }
    Section("Computation against real experience", id: "sec-dyna-sweep") {
        Prose("""
            If planning replaces real experience, how far does the exchange go? @fig-planning-sweep \
            repeats the maze experiment for eight values of $n$ from 0 to 100, 30 agents each, and \
            counts the real steps of the 50 episodes next to the planning updates spent on them. \
            The first episode is a random walk whatever $n$ is, so the steps after it are shown too.
            """)
        planningSweep
        Figure("fig-planning-sweep", caption: "Left: real steps taken in 50 episodes on the Dyna maze, in all episodes and after the first, against $n$ (mean and 95% band over 30 agents). Right: the planning updates performed in the same runs (log scale).") { results in
            DynaFigures.planningSweep(try results[planningSweep])
        }
        Claim("clm-planning-pays", "A little planning replaces a lot of experience: going from $n = 0$ to $n = 10$ cuts the real steps after the first episode by more than two thirds.") { results in
            let r = try results[planningSweep]
            func after(_ n: Int) throws -> Double { try SampleSummary(r.replicates(at: n).map { $0.steps.dropFirst().reduce(0, +) }).mean }
            return try ClaimCheck(1 - after(10) / after(0), .atLeast(2.0 / 3), unit: "(fraction saved)", detail: "\(ClaimCheck.format(after(0))) steps at n = 0, \(ClaimCheck.format(after(10))) at n = 10")
        }
        Claim("clm-planning-diminishes", "The returns diminish around $n = 10$: ten times more planning beyond it ($n = 100$) saves less than 15% of the remaining real steps, while it costs ten times the updates.") { results in
            let r = try results[planningSweep]
            func after(_ n: Int) throws -> Double { try SampleSummary(r.replicates(at: n).map { $0.steps.dropFirst().reduce(0, +) }).mean }
            func work(_ n: Int) throws -> Double { try SampleSummary(r.replicates(at: n).map { Double($0.planningUpdates) }).mean }
            return try ClaimCheck(1 - after(100) / after(10), .atMost(0.15), unit: "(fraction saved from n = 10 to 100)", detail: "planning updates \(ClaimCheck.format(work(10))) at n = 10, \(ClaimCheck.format(work(100))) at n = 100")
        }
    }
    Section("When the world changes", id: "sec-dyna-changing") {
        Prose("""
            A learned model is only as good as the world it was learned in. In the \
            blocking maze of @sutton2018 [ex. 8.2] the short way round a wall closes after 1,000 steps and a longer one opens; \
            in the shortcut maze a shorter way opens after 3,000 steps while the old one stays. \
            Dyna-Q keeps planning with what it remembers. Dyna-Q+ [@sutton2018, sec. 8.3] adds a bonus $\\kappa \\sqrt{\\tau}$ \
            to the reward of every planning update, where $\\tau$ is the time since the pair was last \
            tried for real, so that its plans lead it back to parts of the world it has not checked \
            for a while: continuous correction of the model, paid for with some exploration. \
            @fig-changing-mazes and @tbl-changing-mazes compare the two on both mazes.
            """)
        changing
        Figure("fig-changing-mazes", caption: "Cumulative reward of Dyna-Q and Dyna-Q+ on the blocking maze ($n = 10$, $\\kappa = 10^{-4}$) and the shortcut maze ($n = 50$, $\\kappa = 10^{-3}$), $\\alpha = 1$, mean and 95% band over 20 runs.") { results in
            DynaFigures.changingMazes(try results[changing])
        }
        Table("tbl-changing-mazes", caption: "Cumulative reward at the change and at the end, with the values of a common reproduction of the book's figures (ref.) [@zhang2016python].") { results in
            let r = try results[changing]
            func mean(_ maze: ChangingMazePoint.Maze, _ agent: ChangingMazePoint.Agent, atStep step: Int) throws -> String {
                let runs = try r.replicates(at: ChangingMazePoint(maze: maze, agent: agent))
                return ClaimCheck.format((SampleSummary(runs.map { $0[step / DynaMazeSetup.changingSampleEvery - 1] }).mean * 10).rounded() / 10)
            }
            return TableData(header: ["maze", "step", "Dyna-Q", "Dyna-Q, ref.", "Dyna-Q+", "Dyna-Q+, ref."], rows: [
                ["blocking", "1000", try mean(.blocking, .dynaQ, atStep: 1000), "47", try mean(.blocking, .dynaQPlus, atStep: 1000), "62"],
                ["blocking", "3000", try mean(.blocking, .dynaQ, atStep: 3000), "81", try mean(.blocking, .dynaQPlus, atStep: 3000), "140"],
                ["shortcut", "3000", try mean(.shortcut, .dynaQ, atStep: 3000), "—", try mean(.shortcut, .dynaQPlus, atStep: 3000), "—"],
                ["shortcut", "6000", try mean(.shortcut, .dynaQ, atStep: 6000), "299", try mean(.shortcut, .dynaQPlus, atStep: 6000), "365"],
            ])
        }
        Claim("clm-blocking", "On the blocking maze Dyna-Q+ ends ahead of Dyna-Q, as in the book [@sutton2018, fig. 8.4].") { results in
            let r = try results[changing]
            let plus = SampleSummary(try r.replicates(at: ChangingMazePoint(maze: .blocking, agent: .dynaQPlus)).map { $0.last! }).mean
            let plain = SampleSummary(try r.replicates(at: ChangingMazePoint(maze: .blocking, agent: .dynaQ)).map { $0.last! }).mean
            return ClaimCheck(plus - plain, .atLeast(0), unit: "(reward ahead at step 3,000)")
        }
        Claim("clm-shortcut", "On the shortcut maze Dyna-Q never takes the shortcut: over the last 1,000 steps it earns a reward every 16 steps or more, the length of the old path, while Dyna-Q+ earns one about every 13 steps, the rate the Python reproduction of the book's Figure 8.5 shows [@zhang2016python].") { results in
            let r = try results[changing]
            func rate(_ agent: ChangingMazePoint.Agent) throws -> Double {
                let runs = try r.replicates(at: ChangingMazePoint(maze: .shortcut, agent: agent))
                let last = SampleSummary(runs.map { $0.last! }).mean
                let before = SampleSummary(runs.map { $0[$0.count - 1 - 1000 / DynaMazeSetup.changingSampleEvery] }).mean
                return 1000 / (last - before)
            }
            return ClaimCheck(try rate(.dynaQ), .atLeast(16), unit: "steps per reward (Dyna-Q)", and: [ClaimCheck(try rate(.dynaQPlus), .near(13, tolerance: 1.5), unit: "steps per reward (Dyna-Q+)")])
        }
    }
    Section("Prioritized sweeping", id: "sec-dyna-sweeping") {
        Prose("""
            Dyna-Q picks the pairs it replays uniformly at random, so most planning updates change \
            nothing: early on almost every value is still zero. Prioritized sweeping \
            [@moore1993prioritized] keeps a queue of \
            pairs ordered by how much their value would change and works backwards from where values \
            just changed, through the model's predecessors. @fig-sweeping counts the updates each \
            method needs before its greedy path is within 1.2 times the shortest, on the Dyna maze \
            scaled up to 144 times its size, with 5 planning updates per real step and $\\alpha = 1$, as in Example 8.4 of @sutton2018, \
            which reports savings by a factor of 5 to 10.
            """)
        sweeping
        Figure("fig-sweeping", caption: "Updates (real and planning) until the greedy path from the start is within 1.2 times the shortest, against the number of free cells of the scaled maze (log–log; geometric mean and its 95% band over 10 runs).") { results in
            DynaFigures.sweeping(try results[sweeping])
        }
        Claim("clm-sweeping-faster", "Prioritized sweeping needs several times fewer updates than Dyna-Q at every size: at least three times fewer, comparing geometric means.") { results in
            let r = try results[sweeping]
            func logMean(_ point: SweepPoint) throws -> Double { try SampleSummary(r.replicates(at: point).map { log(Double($0)) }).mean }
            let ratios = try [1, 2, 3, 4, 6, 8, 12].map { k in
                try exp(logMean(SweepPoint(resolution: k, agent: .dynaQ)) - logMean(SweepPoint(resolution: k, agent: .prioritizedSweeping)))
            }
            return ClaimCheck(ratios.min()!, .atLeast(3), unit: "(smallest ratio)", detail: "ratios from 47 to 6,768 states: " + ratios.map { ClaimCheck.format(($0 * 10).rounded() / 10) }.joined(separator: ", "))
        }
        Claim("clm-sweeping-gap-grows", "The gap grows with the maze: the updates saved rise more than a hundredfold from the smallest maze to the largest, and fall at most once from one size to the next.") { results in
            let r = try results[sweeping]
            let saved = try [1, 2, 3, 4, 6, 8, 12].map { k in
                try SampleSummary(r.replicates(at: SweepPoint(resolution: k, agent: .dynaQ))).mean
                    - SampleSummary(r.replicates(at: SweepPoint(resolution: k, agent: .prioritizedSweeping))).mean
            }
            let increasing = zip(saved, saved.dropFirst()).filter { $1 > $0 }.count
            return ClaimCheck(saved.last! / max(saved.first!, 1), .atLeast(100), unit: "(ratio of the updates saved, largest to smallest)", detail: "updates saved: " + saved.map { ClaimCheck.format($0.rounded()) }.joined(separator: ", "),
                              and: [ClaimCheck(Double(increasing), .atLeast(Double(saved.count - 2)), unit: "of \(saved.count - 1) steps up in size with more saved")])
        }
    }
    Section("Background against decision-time planning", id: "sec-dyna-decision-time") {
        Prose("""
            Dyna plans in the background: its planning updates are written into the value table and \
            serve every later decision. Decision-time planning spends the same model lookups on the \
            decision at hand only: before each step our agent rolls each action out in its learned \
            model, following its greedy policy, and scores it by the model's discounted rewards plus \
            the value where the rollout stops. It learns from real steps exactly as Dyna does, but \
            whatever its rollouts discover is thrown away after the step. @fig-planning-styles gives \
            both the same budget of model lookups per real step.
            """)
        planningStyles
        Figure("fig-planning-styles", caption: "Steps per episode on the Dyna maze (log scale, mean over 30 agents) of background planning (Dyna-Q) and decision-time planning (rollouts in the same kind of learned model), with 20 or 60 model lookups per real step.") { results in
            DynaFigures.planningStyles(try results[planningStyles])
        }
        Claim("clm-background-wins", "At equal compute, planning in the background needs at most 60% of the real steps that decision-time planning needs, at both budgets, because its work accumulates.") { results in
            let r = try results[planningStyles]
            let ratios = try [20, 60].map { budget in
                try SampleSummary(r.replicates(at: PlanningStylePoint(style: .background, budget: budget)).map { $0.steps.reduce(0, +) }).mean
                    / SampleSummary(r.replicates(at: PlanningStylePoint(style: .decisionTime, budget: budget)).map { $0.steps.reduce(0, +) }).mean
            }
            return ClaimCheck(ratios.max()!, .atMost(0.6), unit: "(ratio of real steps)", detail: "20 lookups: \(ClaimCheck.format(ratios[0])), 60 lookups: \(ClaimCheck.format(ratios[1]))")
        }
        Claim("clm-same-final-return", "Both end with the same performance: over the last 10 episodes their mean episode lengths differ by less than one step.") { results in
            let r = try results[planningStyles]
            let late = r.points.map { SampleSummary($0.replicates.map { Double($0.steps.suffix(10).reduce(0, +)) / 10 }).mean }
            return ClaimCheck(late.max()! - late.min()!, .atMost(1), unit: "steps", detail: late.map(ClaimCheck.format).joined(separator: ", "))
        }
    }
}

/// A number for a table: one decimal below 100, none above.
private func format(_ value: Double) -> String {
    abs(value) >= 100 ? String(Int(value.rounded())) : ClaimCheck.format((value * 10).rounded() / 10)
}
