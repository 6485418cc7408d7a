import AlphaZero
import Charts
import Foundation
import Games
import Notebook

/// The module and compute file every experiment of the chapter runs.
private let uses: [SourceUse] = [.module("AlphaZero"), .file("chapters/Compute/AlphaZeroLab.swift")]

// The network's initial weights and self-play come from the experiment's own stream, so the run
// is a draw from the population of training runs and `report reseed` retrains it under each seed.
private let ticTacToe = Experiment("exp-az-ttt", parameters: [1], replicates: 1) { _, generator in
    AlphaZeroLab.ticTacToeRun(seed: generator.next(), using: &generator)
}

private let ticTacToeTime = Experiment("exp-az-ttt-time", parameters: [1], replicates: 1, cost: .timing) { seed, _ in
    AlphaZeroLab.ticTacToeTime(seed: UInt64(seed))
}

private func percent(_ x: Double) -> String { String(format: "%.2f%%", 100 * x) }

let alphaZeroChapter = Chapter("alphazero", title: "AlphaZero from scratch", uses: uses) {
    Prose("""
        AlphaGo [@silver2016alphago] combined three things: a policy network that proposes moves, \
        a value network that judges positions, and Monte Carlo tree search that uses both. Its \
        successor AlphaGo Zero [@silver2017alphagozero] dropped what came from human play: one \
        network with two heads, no rollouts, no hand-made features, no human games. AlphaZero \
        [@silver2018alphazero] then took the same recipe beyond Go, to chess and shogi, with the \
        rules of each game as its only knowledge. Such an agent learns only from games against \
        itself, and the search is what makes that work: a search guided by the network plays \
        better than the network alone, so the network can be trained to imitate its own search, \
        and the improved network then guides a better search.
        """)
    Section("The network and its loss", id: "sec-az-network") {
        Prose("""
            The network $f_\\theta(s) = (p, v)$ reads the board from the view of the player to move \
            and returns a distribution $p$ over the legal moves and a value $v \\in [-1, 1]$. \
            Self-play records, for every position $s$, the search's visit shares $\\pi$ and the final \
            result $z$ for the player to move, and training minimises
            """)
        Equation("\\ell(\\theta) = (z - v)^2 - \\pi^\\top \\log p + c \\lVert \\theta \\rVert^2", id: "eq-az-loss")
        Prose("""
            a squared error for the value, a cross-entropy that pulls the policy towards the search, \
            and weight decay (@eq-az-loss). The search is the `Search` library's MCTS with the network as \
            evaluator: no rollout, the value head scores the leaf, and the policy head's \
            probabilities $P(s, a)$ steer selection through PUCT,
            """)
        Equation("a^* = \\arg\\max_a \\left( Q(s, a) + c_{\\text{puct}} P(s, a) \\frac{\\sqrt{N(s)}}{1 + N(s, a)} \\right)", id: "eq-az-puct")
        Prose("""
            with Dirichlet noise mixed into the root's priors during self-play so that every move \
            can be tried [@silver2017alphagozero]; @eq-az-puct is the rule each simulation follows. Everything here is the project's own Swift on the CPU: dense layers with \
            hand-written back-propagation (checked against finite differences in the tests), He \
            initialisation, Adam, and self-play games spread over all cores, each game with its own \
            random stream so that the trained network is the same for any number of workers.
            """)
    }
    Section("Tic-tac-toe, tabula rasa", id: "sec-az-ttt") {
        Prose("""
            The first test is a game small enough to check completely. A network with two hidden \
            layers of 64 units starts from random weights and trains for 20 iterations; each \
            iteration plays 200 self-play games with 100 simulations per move, then takes 400 \
            minibatches of 64 positions from the most recent 40,000, each turned by a random one \
            of the board's eight symmetries. Every checkpoint is then checked against the exact \
            solver on all 4,520 non-terminal positions, with and without search.
            """)
        ticTacToe
        ticTacToeTime
        Figure("fig-az-ttt-loss", caption: "Training losses per iteration (means over the iteration's 400 minibatches): the value head's squared error and the policy head's cross-entropy against the search's visit shares.") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let iterations = run.records.indices.map { Double($0 + 1) }
            let value = Chart(title: "value loss", x: Axis("Iteration"), y: Axis("(z − v)²", domain: 0...0.7), width: 280, height: 200, legend: .hidden) {
                LineMark(points: zip(iterations, run.records).map { DataPoint(x: $0, y: $1.loss.value) }, series: "value")
            }
            let policy = Chart(title: "policy loss", x: Axis("Iteration"), y: Axis("cross-entropy", domain: 0.8...1.8), width: 280, height: 200, legend: .hidden) {
                LineMark(points: zip(iterations, run.records).map { DataPoint(x: $0, y: $1.loss.policy) }, series: "policy")
            }
            return FigureSpec(panels: [value, policy], columns: 2)
        }
        Claim("clm-az-ttt-loss", "The value loss falls to less than half of its first iteration's value.") { results in
            let records = try results[ticTacToe].points[0].replicates[0].records
            return ClaimCheck(records.last!.loss.value / records.first!.loss.value, .atMost(0.5), unit: "(last over first value loss)")
        }
    }
    Section("Search as policy improvement", id: "sec-az-improvement") {
        Prose("""
            @fig-az-ttt-loss follows the losses of that run. \
            The seed's central claim is that search improves on the network it uses, and that \
            training the network on the search's choices lets the raw policy catch up. \
            @fig-az-ttt-quality measures both on every evaluated checkpoint: the share of positions \
            where the raw policy's most probable move is optimal, and the same with 25 PUCT \
            simulations on top.
            """)
        Figure("fig-az-ttt-quality", caption: "Share of the 4,520 non-terminal tic-tac-toe positions where the move is solver-optimal, for the network's raw policy and for the same network with 25 PUCT simulations, by training iteration (0: random weights).") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            return Chart(x: Axis("Iteration"), y: Axis("Optimal moves", domain: 0.4...1), width: 420, height: 240) {
                for (name, key) in [("network with search", \CheckpointReport.searchOptimal), ("raw policy", \CheckpointReport.rawOptimal)] {
                    let points = run.checkpoints.map { DataPoint(x: Double($0.iteration), y: $0[keyPath: key]) }
                    LineMark(points: points, series: name)
                    PointMark(points: points, series: name)
                }
            }
        }
        Claim("clm-az-search-improves", "At every checkpoint the network with search picks optimal moves at least as often as its raw policy, and in head-to-head games from random first moves the searching network scores at least half the points against the raw one.") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let worst = run.checkpoints.map { $0.searchOptimal - $0.rawOptimal }.min()!
            var total = Arena.Score()
            for c in run.checkpoints {
                total.wins += c.searchAgainstRaw.wins
                total.draws += c.searchAgainstRaw.draws
                total.losses += c.searchAgainstRaw.losses
            }
            return ClaimCheck(worst, .atLeast(0), unit: "(smallest gain of search, share of positions)",
                              and: [ClaimCheck(total.fraction, .atLeast(0.5), unit: "(search's score against the raw policy)", detail: "\(total.wins) wins, \(total.draws) draws, \(total.losses) losses")])
        }
        Claim("clm-az-catch-up", "As training imitates the search, the raw policy catches up: the gap between them at the last checkpoint is less than half the gap after the first iteration.") { results in
            let checkpoints = try results[ticTacToe].points[0].replicates[0].checkpoints
            let first = checkpoints.first { $0.iteration == 1 }!
            let last = checkpoints.last!
            return ClaimCheck((last.searchOptimal - last.rawOptimal) / (first.searchOptimal - first.rawOptimal), .atMost(0.5), unit: "(last gap over first gap)",
                              detail: "gaps \(percent(first.searchOptimal - first.rawOptimal)) and \(percent(last.searchOptimal - last.rawOptimal))")
        }
    }
    Section("Strength", id: "sec-az-strength") {
        Prose("""
            @fig-az-ttt-elo rates the checkpoints against each other (each with 25 simulations per \
            move, five pairs of games per pairing, each pair from a random first move (every first move leads to a draw under perfect play), Elo fitted by \
            maximum likelihood), and @tbl-az-ttt-solver plays the final network against the perfect \
            player, which picks at random among the optimal moves.
            """)
        Figure("fig-az-ttt-elo", caption: "Elo rating of each evaluated checkpoint from a round robin of all of them (the untrained network at 0).") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let points = zip(run.checkpoints, run.elo).map { DataPoint(x: Double($0.iteration), y: $1) }
            return Chart(x: Axis("Iteration"), y: Axis("Elo"), width: 420, height: 220, legend: .hidden) {
                LineMark(points: points, series: "Elo")
                PointMark(points: points, series: "Elo")
            }
        }
        Table("tbl-az-ttt-solver", caption: "The final network with 25 PUCT simulations per move against the perfect player, 50 games in each seat, and its share of optimal moves over all positions.") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let final = run.checkpoints.last!
            return TableData(header: ["seat", "wins", "draws", "losses", "optimal moves"], rows: [
                ["first (X)", "\(run.againstSolverFirst.wins)", "\(run.againstSolverFirst.draws)", "\(run.againstSolverFirst.losses)", percent(final.searchOptimal)],
                ["second (O)", "\(run.againstSolverSecond.wins)", "\(run.againstSolverSecond.draws)", "\(run.againstSolverSecond.losses)", ""],
            ])
        }
        Claim("clm-az-ttt-perfect", "The final agent plays tic-tac-toe perfectly by both measures: it never loses to the perfect player from either seat, and it picks an optimal move in more than 99% of all positions.") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let losses = run.againstSolverFirst.losses + run.againstSolverSecond.losses
            return ClaimCheck(Double(losses), .atMost(0), unit: "losses in 100 games", and: [ClaimCheck(run.checkpoints.last!.searchOptimal, .atLeast(0.99), unit: "(share of optimal moves)")])
        }
        Claim("clm-az-ttt-elo", "The rating climbs by at least 50 Elo in the first three iterations and then levels off: from iteration 3 on the checkpoints are within 60 Elo of each other, because near-perfect players of tic-tac-toe draw.") { results in
            let run = try results[ticTacToe].points[0].replicates[0]
            let late = zip(run.checkpoints, run.elo).filter { $0.0.iteration >= 3 }.map(\.1)
            let third = zip(run.checkpoints, run.elo).first { $0.0.iteration == 3 }!.1
            return ClaimCheck(third - run.elo[0], .atLeast(50), unit: "Elo gained by iteration 3",
                              and: [ClaimCheck(late.max()! - late.min()!, .atMost(60), unit: "Elo spread from iteration 3 on")])
        }
        Prose("""
            @tbl-az-ttt-time gives what the run costs. It is the chapter's only wall-clock figure: \
            measured once per change of the code, kept with the results and not repeated by \
            `report check`. For comparison, the Python project alpha-zero-general \
            [@thakoor2016alphazerogeneral] needs about 30 minutes of CPU time for tic-tac-toe on \
            the same kind of machine.
            """)
        Table("tbl-az-ttt-time", caption: "Wall-clock time of the whole 20-iteration training run (self-play and training) on the 2 cores of the machine that made this report.") { results in
            let time = try results[ticTacToeTime].points[0].replicates[0]
            return TableData(header: ["training time", "self-play positions", "positions per second"], rows: [
                [NumberText.fixed(time.seconds, decimals: 1) + " s", NumberText.fixed(Double(time.positions), decimals: 0), NumberText.fixed(Double(time.positions) / time.seconds, decimals: 0)],
            ])
        }
        Claim("clm-az-ttt-time", "The whole run takes less than a minute on two cores.") { results in
            let time = try results[ticTacToeTime].points[0].replicates[0]
            return ClaimCheck(time.seconds, .atMost(60), unit: "s")
        }
    }
    alphaZeroConnectFourSection
    Section("AlphaGo, AlphaZero and this project", id: "sec-az-compare") {
        Prose("""
            @tbl-az-compare sets this project's settings beside AlphaGo [@silver2016alphago] and \
            its successors AlphaGo Zero [@silver2017alphagozero] and AlphaZero \
            [@silver2018alphazero], which share the properties listed; AlphaZero differs from \
            AlphaGo Zero mainly in playing chess and shogi too, in not exploiting the board's \
            symmetries, and in updating one network continually instead of gating new ones.
            """)
        Table("tbl-az-compare", caption: "AlphaGo (2016) and AlphaGo Zero (2017) with its generalisation AlphaZero (2018), as their papers describe them [@silver2016alphago; @silver2017alphagozero; @silver2018alphazero], and this chapter's two runs.") { results in
            let ttt = try results[ticTacToe].points[0].replicates[0].settings
            let c4 = try connectFourRun(results).settings
            func network(_ s: TrainingSettings) -> String { "two heads, hidden \(s.hidden.map(String.init).joined(separator: " × "))" }
            func target(_ s: TrainingSettings) -> String { s.selfPlay.searchValueShare == 0 ? "result z" : String(format: "%g z + %g q", 1 - s.selfPlay.searchValueShare, s.selfPlay.searchValueShare) }
            func moves(_ s: TrainingSettings) -> String {
                let late = s.selfPlay.lateTemperature == 0 ? "the most visited" : String(format: "in proportion to visits$^{%g}$", 1 / s.selfPlay.lateTemperature)
                let opening = s.selfPlay.randomOpeningPlies == 0 ? "" : "after 0 to \(s.selfPlay.randomOpeningPlies) random moves, "
                return opening + "by visits for \(s.selfPlay.exploratoryMoves) plies, then \(late)"
            }
            func steps(_ s: TrainingSettings) -> String {
                ([String(format: "%g", s.learningRate)] + s.learningRateSteps.map { String(format: "%g from %d", $0.rate, $0.iteration) }).joined(separator: ", ")
            }
            return TableData(header: ["property", "AlphaGo", "AlphaGo Zero, AlphaZero", "tic-tac-toe run", "Connect Four run"], rows: [
                ["human game records", "needed (supervised pre-training)", "not needed", "not needed", "not needed"],
                ["network", "separate policy and value", "one network, two heads", network(ttt), network(c4)],
                ["rollouts", "mixed with the value network", "none", "none", "none (the mix is tried after training)"],
                ["input", "hand-made features", "raw board", "raw board (two planes)", "raw board (two planes)"],
                ["search per move", "MCTS with PUCT", "MCTS with PUCT", "PUCT, \(ttt.selfPlay.simulations) in self-play", "PUCT, \(c4.selfPlay.simulations) in self-play"],
                ["self-play moves", "sampled from the policy network (no search)", "by visits for 30 moves, then the most visited", moves(ttt), moves(c4)],
                ["value target", "result z", "result z", target(ttt), target(c4)],
                ["step size", "fixed schedules per network", "SGD with momentum, dropped in steps (AlphaGo Zero: $10^{-2}$, $10^{-3}$, $10^{-4}$)", steps(ttt), steps(c4)],
                ["training", "about 3 weeks + 1 day + 1 week (policy, RL policy, value network)", "3 to 40 days (AlphaGo Zero); 9 hours (chess) to 13 days (Go, AlphaZero)", "\(ttt.iterations) iterations of \(ttt.gamesPerIteration) games", "\(c4.iterations) iterations of \(c4.gamesPerIteration) games"],
                ["games", "Go", "Go, chess, shogi", "tic-tac-toe", "Connect Four"],
            ])
        }
    }
}
