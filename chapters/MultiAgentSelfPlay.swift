import Charts
import Foundation
import GameTheory
import Notebook

private let dynamics: [SourceUse] = [.file("chapters/Compute/MultiAgentDynamicsLab.swift")]

private let climbing = Experiment("exp-ma-climbing", parameters: ClimbingLearner.allCases, replicates: 20, uses: dynamics) { learner, generator in
    MultiAgentLab.climbing(learner, using: &generator)
}

private let convergenceGames = ["Rock-paper-scissors", "Biased rock-paper-scissors", "Matching pennies", "Shapley's game"]
private let convergence = Experiment("exp-ma-convergence", parameters: convergenceGames, replicates: 1, uses: dynamics) { title, _ in
    MultiAgentLab.convergence(title)
}

private let replicator = Experiment("exp-ma-replicator", parameters: ["euler", "rungeKutta4"], replicates: 1, uses: dynamics) { name, _ in
    MultiAgentLab.replicator(Integrator(rawValue: name)!)
}

private let selfPlay = Experiment("exp-ma-self-play", parameters: ["Rock-paper-scissors", "Kuhn poker"], replicates: 1, uses: dynamics) { title, _ in
    MultiAgentLab.selfPlay(title)
}

private let elo = Experiment("exp-ma-elo", parameters: PopulationKind.allCases, replicates: 1, uses: dynamics + [.module("AlphaZero")]) { kind, generator in
    MultiAgentLab.elo(kind, using: &generator)
}

/// Exploitability of OpenSpiel's CFR and CFR+ on Kuhn poker after 100 and 1,000 iterations
/// [@lanctot2019openspiel], version 2.0.2 run on a 2-core machine of the kind the report runs on.
private let teamPoints = MultiAgentLab.teamSizes.flatMap { n in TeamSignal.allCases.map { TeamPoint(agents: n, signal: $0) } }
private let team = Experiment("exp-ma-team", parameters: teamPoints, replicates: 20, uses: dynamics) { point, generator in
    MultiAgentLab.team(point, using: &generator)
}

private let openSpiel = [("CFR", [0.0082, 0.00094]), ("CFR+", [0.0012, 0.000087])]

private func value(at step: Int, _ steps: [Int], _ curve: [Double]) -> Double { curve[steps.firstIndex(of: step)!] }

/// Cooperative and competitive settings: the climbing game.
let multiAgentCooperationSection = Section("Cooperation and credit assignment", id: "sec-ma-cooperation") {
    Prose("""
        Multi-agent problems come in two broad kinds. In a cooperative one every agent receives the \
        same team reward, and the difficulty is credit assignment: from a shared number, how much \
        did my action contribute? In a competitive one, zero-sum in the extreme ($u_1 + u_2 = 0$), \
        the target is an equilibrium. The climbing game [@claus1998dynamics] is a cooperative trap: \
        both agents get the payoff of the joint action, and the best joint action (a, a) pays 11, \
        but if one agent steps off it to b the pair gets −30 (stepping off to c gives 0).
        """)
    Table("tbl-ma-climbing-game", caption: "The climbing game: both agents receive the entry of the joint action.") { _ in
        let game = ClassicGames.climbing.bimatrix!
        return TableData(header: ["", "a", "b", "c"], rows: (0..<3).map { i in [["a", "b", "c"][i]] + game.row[i].map(\.description) }, highlighted: [[0, 1]])
    }
    climbing
    Prose("""
        @tbl-ma-climbing-game gives the rewards, and @tbl-ma-climbing what twenty runs of each \
        kind of learner end on. \
        An independent learner values its action by the average team reward it has seen after \
        taking it, and that average is taken over the partner's exploration. Action a meets the \
        partner's b or c often enough to look poor even though it is half of the best joint \
        action; the learners drift towards the safe corner instead. A learner that values joint \
        actions, trained centrally and then executed by each agent separately (the pattern known \
        as centralised training with decentralised execution), sees (a, a) for what it is.
        """)
    Table("tbl-ma-climbing", caption: "Twenty runs of 20,000 rounds each (step size 0.1, ε = 0.1): where the greedy joint action ends, and the row agent's final values of its actions under independent learning (mean over runs).") { results in
        let r = try results[climbing]
        let rows = try ClimbingLearner.allCases.map { kind -> [String] in
            let runs = try r.replicates(at: kind)
            let best = runs.filter { $0.reward == 11 }.count
            let reward = runs.map(\.reward).reduce(0, +) / Double(runs.count)
            let values = kind == .independent ? (0..<3).map { k in String(format: "%.1f", runs.map { $0.rowValues[k] }.reduce(0, +) / Double(runs.count)) }.joined(separator: " / ") : "n/a"
            return [kind == .joint ? "joint-action learner" : "independent learners", "\(best) of \(runs.count)", String(format: "%.1f", reward), values]
        }
        return TableData(header: ["learners", "runs ending on (a, a)", "mean final reward", "row agent's Q(a) / Q(b) / Q(c)"], rows: rows)
    }
    Claim("clm-ma-climbing", "Independent learners end on the best joint action in at most a quarter of the runs, while the joint-action learner finds it in every run.") { results in
        let r = try results[climbing]
        let independent = try r.replicates(at: .independent)
        let joint = try r.replicates(at: .joint)
        return ClaimCheck(Double(independent.filter { $0.reward == 11 }.count) / Double(independent.count), .atMost(0.25), unit: "(share of independent runs on (a, a))",
                          and: [ClaimCheck(Double(joint.filter { $0.reward == 11 }.count) / Double(joint.count), .near(1, tolerance: 0), unit: "(share of joint-action runs on (a, a))")])
    }
    Claim("clm-ma-credit", "The credit-assignment failure in numbers: on average the independent row agent values action a below action c, although a belongs to the joint action worth 11 and c to one worth at most 5.") { results in
        let runs = try results[climbing].replicates(at: .independent)
        let a = runs.map { $0.rowValues[0] }.reduce(0, +) / Double(runs.count)
        let c = runs.map { $0.rowValues[2] }.reduce(0, +) / Double(runs.count)
        return ClaimCheck(c - a, .atLeast(1), unit: "(mean Q(c) − Q(a))", detail: String(format: "Q(a) %.2f, Q(c) %.2f", a, c))
    }
    Prose("""
        The problem grows with the team. In a team of $N$ agents that each pick one of five \
        actions, contributing 0, 0.25, 0.5, 0.75 or 1 to a team reward that is their sum, an agent \
        learning from the team reward credits its own action with whatever the other $N - 1$ \
        did in the same round: their exploration is noise, and when they improve, the action it \
        happened to be taking looks better. A difference reward [@wolpert2002optimal] pays each \
        agent the team reward minus what the team would have earned had that agent taken the \
        default action; for a sum it is exactly the agent's own contribution, so the others drop \
        out. The same idea, a counterfactual baseline computed by a centralised critic, is what \
        COMA uses for deep learners [@foerster2018coma]. @fig-ma-team compares the two signals \
        for teams of 2 to 32 independent learners (step size 0.1, ε = 0.1).
        """)
    team
    Figure("fig-ma-team", caption: "Share of agents whose greedy action is the best one, over 3,000 rounds, for teams of 2 to 32 learners paid the team reward (left) or their difference reward (right); mean over 20 runs.") { results in
        let r = try results[team]
        func panel(_ signal: TeamSignal, _ title: String) throws -> Chart {
            let curves = try MultiAgentLab.teamSizes.map { n -> (Int, [DataPoint]) in
                let runs = try r.replicates(at: TeamPoint(agents: n, signal: signal))
                let checkpoints = runs[0].checkpoints
                return (n, checkpoints.indices.map { k in DataPoint(x: Double(checkpoints[k]), y: runs.map { $0.optimalShare[k] }.reduce(0, +) / Double(runs.count)) })
            }
            return Chart(title: title, x: Axis("Round"), y: Axis(signal == .global ? "Agents on the best action" : nil, domain: 0...1), width: 225, height: 220) {
                for (n, points) in curves { LineMark(points: points, series: "N = \(n)") }
            }
        }
        return FigureSpec(panels: [try panel(.global, "team reward"), try panel(.difference, "difference reward")], columns: 2, sharedLegend: true)
    }
    Claim("clm-ma-team-slower", "With the team reward, learning slows as the team grows: after 3,000 rounds nearly every agent of a pair is on the best action, but at most half of a team of 32 are.") { results in
        let r = try results[team]
        func final(_ n: Int) throws -> Double {
            let runs = try r.replicates(at: TeamPoint(agents: n, signal: .global))
            return runs.map { $0.optimalShare.last! }.reduce(0, +) / Double(runs.count)
        }
        let shares = try MultiAgentLab.teamSizes.map(final)
        return ClaimCheck(shares.last!, .atMost(0.5), unit: "(share of a 32-agent team on the best action at the end)",
                          detail: "by team size " + zip(MultiAgentLab.teamSizes, shares).map { "\($0): \(ClaimCheck.format($1))" }.joined(separator: ", "),
                          and: [ClaimCheck(shares.first!, .atLeast(0.9), unit: "(share of a pair)")])
    }
    Claim("clm-ma-team-difference", "Difference rewards restore the speed: every team, whatever its size, has at least 95% of its agents on the best action after 1,500 rounds.") { results in
        let r = try results[team]
        let k = 1_500 / MultiAgentLab.teamCheckpointEvery - 1
        let shares = try MultiAgentLab.teamSizes.map { n -> Double in
            let runs = try r.replicates(at: TeamPoint(agents: n, signal: .difference))
            return runs.map { $0.optimalShare[k] }.reduce(0, +) / Double(runs.count)
        }
        return ClaimCheck(shares.min()!, .atLeast(0.95), unit: "(smallest share on the best action after 1,500 rounds)",
                          detail: "by team size " + zip(MultiAgentLab.teamSizes, shares).map { "\($0): \(ClaimCheck.format($1))" }.joined(separator: ", "))
    }
}

/// Learning dynamics and self-play.
let multiAgentSelfPlaySection = Section("Self-play and its dynamics", id: "sec-ma-self-play") {
    Prose("""
        Self-play trains an agent against itself or its past versions: the opponent improves as the \
        agent does, data is unlimited, and in two-player zero-sum games the fixed points of \
        best-responding are exactly the equilibria. Whether the process gets there is another \
        matter. The oldest form is fictitious play [@brown1951iterative]: each player best-responds \
        to the empirical mix of everything the other has played so far. Robinson proved that in \
        zero-sum games these empirical mixes converge to an equilibrium [@robinson1951iterative]; \
        Shapley's game shows that beyond zero-sum games they need not [@shapley1964topics]. @fig-ma-convergence measures NashConv, the \
        total that both players could gain by best-responding, which is zero exactly at an \
        equilibrium.
        """)
    convergence
    Figure("fig-ma-convergence", caption: "NashConv of the empirical mixes of fictitious play (FP) over 100,000 steps, and of regret matching's average strategy (RM) on rock-paper-scissors; log-log axes. FP starts from the opening (first row action, second column action).") { results in
        let r = try results[convergence]
        let runs = try convergenceGames.map { try r.output(at: $0) }
        let rps = try r.output(at: "Rock-paper-scissors")
        return FigureSpec(Chart(x: Axis("Step", scale: .log), y: Axis("NashConv", scale: .log, domain: 1e-3...300), width: 430, height: 260, legend: .right) {
            for (title, run) in zip(convergenceGames, runs) {
                LineMark(points: zip(run.steps, run.fictitiousPlay).map { DataPoint(x: Double($0), y: max($1, 1e-3)) }, series: "FP, \(title)")
            }
            LineMark(points: zip(rps.steps, rps.regretMatching).map { DataPoint(x: Double($0), y: max($1, 1e-3)) }, series: "RM, Rock-paper-scissors", dash: [4, 3])
        })
    }
    Claim("clm-ma-fp-rate", "In the three zero-sum games fictitious play's NashConv falls roughly like one over the square root of the steps: the fitted log-log slopes from step 100 on lie between −0.7 and −0.35.") { results in
        let r = try results[convergence]
        let slopes = try ["Rock-paper-scissors", "Biased rock-paper-scissors", "Matching pennies"].map { title -> Double in
            let run = try r.output(at: title)
            return MultiAgentLab.logLogSlope(zip(run.steps, run.fictitiousPlay).map { ($0, $1) }, from: 100, to: MultiAgentLab.convergenceSteps)
        }
        return ClaimCheck(slopes.min()!, .atLeast(-0.7), unit: "(steepest slope)", detail: "slopes " + slopes.map { String(format: "%.2f", $0) }.joined(separator: ", "),
                          and: [ClaimCheck(slopes.max()!, .atMost(-0.35), unit: "(shallowest slope)")])
    }
    Claim("clm-ma-shapley", "In Shapley's game fictitious play never converges: NashConv is still above 0.2 after 100,000 steps, and play cycles through the off-diagonal action pairs in runs that grow by a factor of about 1.47 each time.") { results in
        let run = try results[convergence].output(at: "Shapley's game")
        let lengths = run.runLengths.suffix(7)
        let ratios = zip(lengths.dropFirst(), lengths).map { Double($0) / Double($1) }
        let ratio = ratios.reduce(0, +) / Double(ratios.count)
        return ClaimCheck(run.fictitiousPlay.last!, .atLeast(0.2), unit: "NashConv at step 100,000",
                          detail: "last runs " + lengths.map { ClaimCheck.format(Double($0)) }.joined(separator: ", "), and: [ClaimCheck(ratio, .near(1.47, tolerance: 0.06), unit: "(mean ratio of successive runs)")])
    }
    Prose("""
        Regret matching [@hart2000regret], the building block of counterfactual regret \
        minimisation [@zinkevich2007cfr], converges at much the same rate on rock-paper-scissors. The same fixed point can also be approached in \
        continuous time. Under the replicator dynamics [@taylor1978replicator] a strategy's share grows in proportion to \
        how much better than average it does; in rock-paper-scissors the product $x_1 x_2 x_3$ is \
        conserved, so the population circles the equilibrium forever on a closed orbit. That makes \
        a good test of a numerical integrator (@fig-ma-replicator).
        """)
    replicator
    Figure("fig-ma-replicator", caption: "Rock-paper-scissors on the simplex (the row player's mix; the dot is the equilibrium). Left: replicator dynamics from (0.5, 0.3, 0.2), step 0.01 up to time 200: fourth-order Runge–Kutta follows the closed orbit, explicit Euler spirals outwards towards the edges. Right: regret matching from pure Rock against pure Paper, first 3,000 steps: the current mix keeps cycling along the edges of the simplex while its average spirals in to the equilibrium.") { results in
        let r = try results[replicator]
        let rm = try results[convergence].output(at: "Rock-paper-scissors")
        func project(_ x: [Double]) -> DataPoint { DataPoint(x: x[1] + x[2] / 2, y: x[2] * 3.0.squareRoot() / 2) }
        let corners = [[1.0, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]
        func simplex(_ title: String, legend: LegendPlacement, @MarkBuilder _ marks: () -> [Mark]) -> Chart {
            Chart(title: title, x: Axis(hidden: true), y: Axis(hidden: true), width: 340, height: 250, legend: legend, equalAspect: true, showsGrid: false) {
                marks()
                // The outline on top of the paths, thin and in ink, so a path along an edge stays visible as data.
                for k in 0..<3 { SegmentMark(from: project(corners[k]), to: project(corners[k + 1]), color: Palette.ink, width: 0.6) }
                PointMark(points: [project([1.0 / 3, 1.0 / 3, 1.0 / 3])], series: "equilibrium", shape: .circle)
                TextMark("Rock", at: DataPoint(x: -0.02, y: -0.05))
                TextMark("Paper", at: DataPoint(x: 0.9, y: -0.05))
                TextMark("Scissors", at: DataPoint(x: 0.43, y: 0.91))
            }
        }
        let euler = try r.output(at: "euler")
        let rungeKutta = try r.output(at: "rungeKutta4")
        return FigureSpec(panels: [
            simplex("replicator dynamics", legend: .right) {
                LineMark(points: euler.points.map(project), series: "Euler", width: 0.3)
                LineMark(points: rungeKutta.points.map(project), series: "Runge–Kutta 4", width: 1.4)
            },
            simplex("regret matching", legend: .right) {
                LineMark(points: rm.regretPath.map(project), series: "current mix", width: 1.2)
                LineMark(points: rm.averagePath.map(project), series: "average mix", width: 1.6)
            },
        ], columns: 2)
    }
    Claim("clm-ma-replicator", "Both integrators keep the shares summing to one to within $10^{-12}$; Runge–Kutta keeps $x_1 x_2 x_3$ constant to within one part in a million, while Euler loses more than 5% of it.") { results in
        let r = try results[replicator]
        let euler = try r.output(at: "euler")
        let rk4 = try r.output(at: "rungeKutta4")
        return ClaimCheck(abs(rk4.productRatio - 1), .atMost(1e-6), unit: "(relative drift of the product, Runge–Kutta)",
                          detail: "product drift \(ClaimCheck.format(abs(rk4.productRatio - 1))) (Runge–Kutta); sum drift \(ClaimCheck.format(euler.sumDrift)) (Euler), \(ClaimCheck.format(rk4.sumDrift)) (Runge–Kutta)",
                          and: [ClaimCheck(1 - euler.productRatio, .atLeast(0.05), unit: "(share of the product lost by Euler)"),
                                ClaimCheck(max(euler.sumDrift, rk4.sumDrift), .atMost(1e-12), unit: "(largest drift of the sum)")])
    }
    Prose("""
        Self-play in the naive sense, replacing the policy by a best response to its latest self, \
        behaves very differently from playing against the pool of all past selves, which is \
        fictitious play again (fictitious self-play when the best responses are learned \
        [@heinrich2015fsp]). @fig-ma-self-play runs both on rock-paper-scissors and on Kuhn \
        poker [@kuhn1950poker], a three-card poker. Its full normal form has 64 pure strategies \
        per player; merging the first player's strategies that differ only at decisions they \
        never reach leaves the reduced normal form used here, 27 strategies for the first player \
        and 64 for the second. Exploitability is half of NashConv, as OpenSpiel \
        [@lanctot2019openspiel] reports it.
        """)
    selfPlay
    Figure("fig-ma-self-play", caption: "Exploitability (NashConv / 2) over 10,000 iterations: naive self-play (best response to the latest self), fictitious self-play (best response to the pool of past selves; the pool's average is evaluated) and regret matching's average strategy (from the first pure strategies); log-log.") { results in
        let r = try results[selfPlay]
        let panels = try ["Rock-paper-scissors", "Kuhn poker"].map { title -> Chart in
            let legend: LegendPlacement = title == "Kuhn poker" ? .right : .hidden
            let run = try r.output(at: title)
            func line(_ curve: [Double]) -> [DataPoint] { zip(run.steps, curve).map { DataPoint(x: Double($0), y: max($1, 1e-5)) } }
            return Chart(title: title, x: Axis("Iteration", scale: .log), y: Axis("Exploitability", scale: .log, domain: 1e-4...2), width: title == "Kuhn poker" ? 330 : 230, height: 210, legend: legend) {
                LineMark(points: line(run.naive), series: "latest self")
                LineMark(points: line(run.pool), series: "pool of past selves")
                LineMark(points: line(run.regretMatching), series: "regret matching", dash: [4, 3])
            }
        }
        return FigureSpec(panels: panels, columns: 2)
    }
    Claim("clm-ma-naive", "Naive self-play cycles and never becomes less exploitable: from iteration 10 on its exploitability is 1 in rock-paper-scissors and never below 0.25 in Kuhn poker.") { results in
        let r = try results[selfPlay]
        let rps = try r.output(at: "Rock-paper-scissors")
        let kuhn = try r.output(at: "Kuhn poker")
        let lowRPS = zip(rps.steps, rps.naive).filter { $0.0 >= 10 }.map(\.1).min()!
        let lowKuhn = zip(kuhn.steps, kuhn.naive).filter { $0.0 >= 10 }.map(\.1).min()!
        return ClaimCheck(lowRPS, .near(1, tolerance: 1e-12), unit: "(lowest exploitability, rock-paper-scissors)",
                          and: [ClaimCheck(lowKuhn, .atLeast(0.25), unit: "(lowest exploitability, Kuhn poker)")])
    }
    Claim("clm-ma-pool", "Against the pool of past selves exploitability keeps falling: below 0.01 in both games after 10,000 iterations.") { results in
        let r = try results[selfPlay]
        let worst = r.points.map { $0.replicates[0].pool.last! }.max()!
        return ClaimCheck(worst, .atMost(0.01), unit: "(larger final exploitability of the two games)")
    }
    Table("tbl-ma-kuhn", caption: "Exploitability on Kuhn poker after 100 and 1,000 iterations: this chapter's normal-form dynamics against OpenSpiel's counterfactual regret minimisation on the game tree [@lanctot2019openspiel; @zinkevich2007cfr]; the value is computed by linear programming.") { results in
        let run = try results[selfPlay].output(at: "Kuhn poker")
        // Two significant digits, the precision of the OpenSpiel figures beside them.
        func cell(_ value: Double) -> String { NumberText.significant(value, digits: 2) }
        var rows = [["fictitious self-play (pool)", cell(value(at: 100, run.steps, run.pool)), cell(value(at: 1000, run.steps, run.pool))],
                    ["regret matching (average)", cell(value(at: 100, run.steps, run.regretMatching)), cell(value(at: 1000, run.steps, run.regretMatching))]]
        rows += openSpiel.map { ["OpenSpiel " + $0.0, cell($0.1[0]), cell($0.1[1])] }
        rows.append(["value to the first player (LP)", run.value, ""])
        return TableData(header: ["method", "100 iterations", "1,000 iterations"], rows: rows)
    }
    Claim("clm-ma-kuhn-value", "Linear programming on the 27 x 64 reduced normal form gives the first player of Kuhn poker exactly −1/18.") { results in
        let run = try results[selfPlay].output(at: "Kuhn poker")
        let exact = Rational(run.value)!
        return ClaimCheck(exact.doubleValue, .near(-1.0 / 18, tolerance: 0), unit: "(value)", detail: "exactly \(run.value)")
    }
}

/// Evaluating a population: Elo and its blind spot.
let multiAgentEvaluationSection = Section("Measuring progress", id: "sec-ma-evaluation") {
    Prose("""
        @tbl-ma-kuhn compares the strategies self-play finds in Kuhn poker with the game's known \
        equilibrium. \
        Self-play has no fixed yardstick: the opponent improves with the agent. The usual remedies \
        are a rating system such as Elo [@elo1978rating], fitted to games within the population, or a fixed panel of \
        opponents. Elo assumes strength is one number, so that if A usually beats B and B usually \
        beats C then A beats C. @tbl-ma-elo fits Elo ratings to 2,000 sampled games per pair for two \
        populations of rock-paper-scissors players: one whose strengths are transitive, and one \
        whose are not.
        """)
    elo
    Table("tbl-ma-elo", caption: "Elo ratings fitted to 2,000 sampled games per pair, and the largest gap between the score Elo predicts for a pair and the true expected score.") { results in
        let r = try results[elo]
        let rows = try [PopulationKind.transitive, .cyclic].flatMap { kind -> [[String]] in
            let run = try r.output(at: kind)
            return run.names.indices.map { i in
                let gap = run.names.indices.filter { $0 != i }.map { abs(run.predicted[i][$0] - run.expected[i][$0]) }.max()!
                return [i == 0 ? kind.rawValue : "", run.names[i], String(format: "%+.0f", run.ratings[i] - run.ratings.reduce(0, +) / Double(run.ratings.count)), String(format: "%.2f", gap)]
            }
        }
        return TableData(header: ["population", "player", "Elo (mean 0)", "largest prediction error"], rows: rows)
    }
    Claim("clm-ma-elo", "Elo describes the transitive population to within 0.07 of every pairwise score, but on the cyclic one it is off by more than 0.3 somewhere: it rates the three biased players almost alike although each beats the next most of the time.") { results in
        let r = try results[elo]
        func worst(_ kind: PopulationKind) throws -> Double {
            let run = try r.output(at: kind)
            return run.names.indices.flatMap { i in run.names.indices.filter { $0 != i }.map { abs(run.predicted[i][$0] - run.expected[i][$0]) } }.max()!
        }
        return try ClaimCheck(worst(.cyclic), .atLeast(0.3), unit: "(largest error, cyclic)", and: [ClaimCheck(worst(.transitive), .atMost(0.07), unit: "(largest error, transitive)")])
    }
    Prose("""
        A fixed panel shows what the single number hides. @tbl-ma-panel scores the cyclic \
        population against three fixed opponents that always play Rock, Paper or Scissors: each \
        biased player has a panel member it beats and one it loses to, a profile no ranking can \
        express.
        """)
    Table("tbl-ma-panel", caption: "Expected score (wins plus half the draws) of each player of the cyclic population against a fixed panel.") { results in
        let run = try results[elo].output(at: .cyclic)
        return TableData(header: ["player", "vs Rock", "vs Paper", "vs Scissors"], rows: run.names.indices.map { i in [run.names[i]] + run.againstFixed[i].map { String(format: "%.2f", $0) } })
    }
}
