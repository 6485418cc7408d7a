import Charts
import Foundation
import GameTheory
import Notebook

/// The libraries the experiments run, and the chapter files with the code they call.
private let uses: [SourceUse] = [.module("GameTheory"), .file("chapters/Compute/MultiAgentLab.swift")]

private let learnerGames = ["Matching pennies", "Rock-paper-scissors", "Coordination"]
private let learners = Experiment("exp-ma-learners", parameters: learnerGames, replicates: 5) { title, generator in
    MultiAgentLab.independentLearners(title, using: &generator)
}

private let summaryGames = ["Prisoner's dilemma", "Rock-paper-scissors", "Biased rock-paper-scissors", "Battle of the sexes", "Stag hunt", "Chicken", "Shapley's game"]
private let analyses = Experiment("exp-ma-games", parameters: summaryGames, replicates: 1) { title, _ in
    MultiAgentLab.analyse(title)
}

private let existence = Experiment("exp-ma-existence", parameters: [2, 3, 4, 5, 6, 8], replicates: 1) { size, generator in
    MultiAgentLab.existence(size: size, using: &generator)
}

/// "(3/5, 2/5)".
func mix(_ probabilities: [String]) -> String { "(" + probabilities.joined(separator: ", ") + ")" }

private func analysis(_ results: RunResults, _ title: String) throws -> GameAnalysis {
    try results[analyses].output(at: title)
}

private func payoffTable(_ title: String, _ game: NormalFormGame) -> @Sendable (RunResults) throws -> TableData {
    { results in
        let a = try analysis(results, title)
        return TableData(header: [""] + game.strategies[1], rows: game.strategies[0].indices.map { [game.strategies[0][$0]] + a.cells[$0] },
                         highlighted: a.equilibriumCells.map { [$0[0], $0[1] + 1] })
    }
}

let multiAgentChapter = Chapter("multi-agent", title: "Several learners: games, equilibria and self-play", uses: uses) {
    Prose("""
        Everything so far had one learner facing a world that does not care what it learns. Put \
        a second learner into that world and the ground moves: the next state and each agent's \
        reward now depend on the joint action, $P(s' \\mid s, a_1, \\dots, a_n)$ and \
        $R_i(s, a_1, \\dots, a_n)$, and what is a good action for one agent depends on how the \
        others currently behave. Game theory is the language for this. The chapter works with \
        the smallest setting that shows the problems, repeated normal-form games, and computes \
        every equilibrium it mentions with the project's `GameTheory` library, in exact \
        fractions.
        """)
    Section("A moving target", id: "sec-ma-nonstationary") {
        Prose("""
            Two independent Q-learners each keep one value per own action, update it with the \
            reward they receive (step size 0.01) and act ε-greedily (ε = 0.1). To each of them the \
            other is part of the environment, and that environment changes whenever the other \
            learns, so the stationarity that single-agent convergence proofs rely on is gone \
            [@claus1998dynamics]. \
            They play 20,000 rounds; @fig-ma-learners shows the policies in the last thousand.
            """)
        learners
        Figure("fig-ma-learners", caption: "Policies of two independent ε-greedy Q-learners (step size 0.01, ε = 0.1) in the last 1,000 of 20,000 rounds (first of five runs). Matching pennies: each learner's probability of Heads. Rock-paper-scissors: the row learner's three probabilities. Coordination: each learner's probability of Left.") { results in
            let r = try results[learners]
            func run(_ title: String) throws -> LearnerRun { try r.output(at: title) }
            let first = MultiAgentLab.learnerSteps - MultiAgentLab.tracedRounds + 1
            func trace(_ greedy: [Int], _ action: Int, count: Int) -> [DataPoint] {
                greedy.enumerated().map { DataPoint(x: Double(first + $0.offset), y: MultiAgentLab.policyProbability(of: action, greedy: $0.element, count: count)) }
            }
            let pennies = try run("Matching pennies")
            let rps = try run("Rock-paper-scissors")
            let coordination = try run("Coordination")
            let axis = Axis("Round")
            return FigureSpec(panels: [
                Chart(title: "matching pennies", x: axis, y: Axis("P(Heads)", domain: 0...1), width: 150, height: 200) {
                    LineMark(points: trace(pennies.rowGreedy, 0, count: 2), series: "row", width: 1)
                    LineMark(points: trace(pennies.columnGreedy, 0, count: 2), series: "column", width: 1)
                },
                Chart(title: "rock-paper-scissors, row", x: axis, y: Axis("Probability", domain: 0...1), width: 150, height: 200) {
                    for (k, name) in ["Rock", "Paper", "Scissors"].enumerated() { LineMark(points: trace(rps.rowGreedy, k, count: 3), series: name, width: 1) }
                },
                Chart(title: "coordination", x: axis, y: Axis("P(Left)", domain: 0...1), width: 150, height: 200) {
                    LineMark(points: trace(coordination.rowGreedy, 0, count: 2), series: "row", width: 1)
                    LineMark(points: trace(coordination.columnGreedy, 0, count: 2), series: "column", width: 1)
                },
            ], columns: 3, sharedLegend: true)
        }
        Claim("clm-ma-oscillate", "In matching pennies and rock-paper-scissors the learners never settle: in every run the greedy action of one of them still changes more than fifty times in the second half, and their current policies stay far from equilibrium, with a NashConv above 1 on average.") { results in
            let runs = try results[learners].replicates { $0 != "Coordination" }
            let fewest = runs.map(\.switchesInSecondHalf).min()!
            return ClaimCheck(Double(fewest), .atLeast(50), unit: "changes of greedy action in rounds 10,001–20,000 (fewest over 10 runs)",
                              and: [ClaimCheck(runs.map(\.meanNashConvInSecondHalf).min()!, .atLeast(1), unit: "(lowest mean NashConv of the current policies, second half)")])
        }
        Claim("clm-ma-coordinate", "In the coordination game the same learners settle: no greedy action changes in the second half of any run, and every run ends on a pure equilibrium.") { results in
            let runs = try results[learners].replicates(at: "Coordination")
            return ClaimCheck(Double(runs.map(\.switchesInSecondHalf).max()!), .atMost(0), unit: "changes in the second half (most over 5 runs)",
                              and: [ClaimCheck(Double(runs.filter(\.finalIsEquilibrium).count), .atLeast(Double(runs.count)), unit: "runs ending on an equilibrium")])
        }
        Prose("""
            In matching pennies whichever learner is losing soon finds its other action better, \
            which turns the other's advantage around; the policies chase each other for as long as \
            the run lasts. In the coordination game the first agreement reinforces itself.
            """)
    }
    Section("Normal-form games", id: "sec-ma-games") {
        Prose("""
            A normal-form game has players $\\mathcal{N} = \\{1, \\dots, n\\}$, a set of actions \
            $\\mathcal{A}_i$ for each, and payoffs $u_i: \\mathcal{A}_1 \\times \\dots \\times \
            \\mathcal{A}_n \\to \\mathbb{R}$. A profile of (possibly mixed) strategies is a Nash \
            equilibrium when nobody gains by deviating alone:
            """)
        Equation("u_i(\\pi_i^*, \\pi_{-i}^*) \\ge u_i(\\pi_i, \\pi_{-i}^*) \\quad \\text{for every player } i \\text{ and every } \\pi_i", id: "eq-ma-nash")
        Prose("""
            @eq-ma-nash is the condition every solver below checks. \
            In the payoff tables below (@tbl-ma-pd, @tbl-ma-rps) each cell gives the row player's payoff, then the column \
            player's; a payoff is bold when that action is a best response to the other's action, \
            and the cells where both are bold, the pure equilibria, are highlighted. In the \
            prisoner's dilemma (payoffs are minus years in prison) confessing is better whatever \
            the other does, yet both would be better off silent.
            """)
        analyses
        Table("tbl-ma-pd", caption: "Prisoner's dilemma (row, column); bold: best responses; highlighted: equilibrium.",
              make: payoffTable("Prisoner's dilemma", ClassicGames.prisonersDilemma))
        Claim("clm-ma-pd", "In the prisoner's dilemma defecting strictly dominates for both players, mutual defection is the only equilibrium, and mutual cooperation Pareto-dominates it.") { results in
            let a = try analysis(results, "Prisoner's dilemma")
            let dominant = a.dominant == [[1], [1]] ? 1.0 : 0
            return ClaimCheck(Double(a.equilibria.count), .near(1, tolerance: 0), unit: "equilibria", detail: "equilibrium \(a.equilibria.first.map { mix($0[0]) + " / " + mix($0[1]) } ?? "none")",
                              and: [ClaimCheck(dominant, .near(1, tolerance: 0), unit: "(defect strictly dominant for both)"),
                                    ClaimCheck(a.pureEquilibria == [[1, 1]] && a.pureEquilibriumDominated == [true] ? 1 : 0, .near(1, tolerance: 0), unit: "((D, D) pure and Pareto-dominated)")])
        }
        Table("tbl-ma-rps", caption: "Rock-paper-scissors: every cell off the diagonal has exactly one payoff in bold and the diagonal cells have none, so no cell has both and there is no pure equilibrium.",
              make: payoffTable("Rock-paper-scissors", ClassicGames.rockPaperScissors))
        Claim("clm-ma-rps", "Rock-paper-scissors has a single equilibrium, both players uniform, worth 0; against any pure strategy the best response wins 1.") { results in
            let a = try analysis(results, "Rock-paper-scissors")
            let uniform = a.equilibria.count == 1 && a.equilibria[0][0] == ["1/3", "1/3", "1/3"] && a.equilibria[0][1] == ["1/3", "1/3", "1/3"]
            return ClaimCheck(uniform ? 1 : 0, .near(1, tolerance: 0), unit: "(unique and uniform)", detail: "value \(a.value ?? "?")",
                              and: [ClaimCheck(a.pureExploitability.min()!, .near(1, tolerance: 1e-12), unit: "(smallest loss of a pure strategy to its best response)")])
        }
        Prose("""
            @tbl-ma-equilibria lists the equilibria of the chapter's games, found in exact \
            arithmetic by the vertex enumeration of @sec-ma-solvers; these games are \
            non-degenerate, so their extreme equilibria are all their equilibria. Coordination games (battle of the sexes, \
            stag hunt) and anti-coordination games (chicken) have two pure equilibria and a mixed \
            one between them; rock-paper-scissors, its biased variant and Shapley's game have only \
            a mixed one.
            """)
        Table("tbl-ma-equilibria", caption: "Every equilibrium of each game, as exact fractions: the row player's mix, the column player's mix, and the payoffs.") { results in
            let rows = try summaryGames.flatMap { title -> [[String]] in
                let a = try analysis(results, title)
                return a.equilibria.enumerated().map { k, e in [k == 0 ? title : "", mix(e[0]), mix(e[1]), mix(e[2])] }
            }
            return TableData(header: ["game", "row mix", "column mix", "payoffs"], rows: rows)
        }
        Claim("clm-ma-mixed", "Battle of the sexes has three equilibria, one of them the mix (3/5, 2/5) against (2/5, 3/5); stag hunt and chicken also have three; Shapley's game and biased rock-paper-scissors one each, the latter (1/16, 5/8, 5/16).") { results in
            let counts = try ["Battle of the sexes", "Stag hunt", "Chicken", "Shapley's game", "Biased rock-paper-scissors"].map { try analysis(results, $0).equilibria.count }
            let bos = try analysis(results, "Battle of the sexes").equilibria.contains { $0[0] == ["3/5", "2/5"] && $0[1] == ["2/5", "3/5"] }
            let biased = try analysis(results, "Biased rock-paper-scissors").equilibria.first?[0] == ["1/16", "5/8", "5/16"]
            return ClaimCheck(Double(counts.reduce(0, +)), .near(11, tolerance: 0), unit: "equilibria in the five games", detail: "counts \(counts)",
                              and: [ClaimCheck(bos && biased ? 1 : 0, .near(1, tolerance: 0), unit: "(the two mixes as stated)")])
        }
    }
    Section("Every finite game has an equilibrium", id: "sec-ma-existence") {
        Prose("""
            Nash proved that every game with finitely many players and actions has at least one \
            equilibrium, possibly mixed [@nash1951noncooperative]. For two players a sharper fact holds: a non-degenerate \
            game (no mixed strategy on $k$ actions has more than $k$ pure best responses) has an \
            odd number of equilibria, as the Lemke–Howson paths that pair them up imply \
            [@lemke1964equilibrium]. \
            @tbl-ma-existence solves 200 random games of each size, payoffs drawn from the \
            integers between −99 and 99, and counts.
            """)
        existence
        Table("tbl-ma-existence", caption: "Equilibria of random n x n games (200 per size, payoffs uniform on −99..99): how many games the solver found degenerate, and the number of equilibria of the others.") { results in
            let rows = try results[existence].points.map { point -> [String] in
                let run = point.replicates[0]
                let counts = zip(run.counts, run.degenerate).filter { !$0.1 }.map(\.0)
                let odd = counts.filter { $0 % 2 == 1 }.count
                return ["\(run.size) x \(run.size)", "\(run.counts.count)", "\(run.degenerate.filter { $0 }.count)", "\(counts.min()!)", "\(counts.max()!)",
                        String(format: "%.2f", Double(counts.reduce(0, +)) / Double(counts.count)), "\(odd) of \(counts.count)"]
            }
            return TableData(header: ["size", "games", "degenerate", "fewest", "most", "mean", "odd count"], rows: rows)
        }
        Claim("clm-ma-existence", "Every one of the 1,200 random games has an equilibrium, and every non-degenerate one has an odd number of them.") { results in
            let runs = try results[existence].points.map { $0.replicates[0] }
            let fewest = runs.flatMap(\.counts).min()!
            let even = runs.flatMap { zip($0.counts, $0.degenerate).filter { !$0.1 && $0.0 % 2 == 0 } }.count
            return ClaimCheck(Double(fewest), .atLeast(1), unit: "equilibria in the game with fewest",
                              and: [ClaimCheck(Double(even), .atMost(0), unit: "non-degenerate games with an even count")])
        }
    }
    multiAgentSolverSection
    multiAgentCooperationSection
    multiAgentDecompositionSection
    multiAgentSelfPlaySection
    multiAgentEvaluationSection
}
