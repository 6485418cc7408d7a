import AlphaZero
import Charts
import Foundation
import Games
import MuZero
import Notebook

/// The module and compute file every experiment of the chapter runs.
private let uses: [SourceUse] = [.module("MuZero"), .file("chapters/Compute/MuZeroLab.swift")]

// One training run, timed (its curve is drawn against wall-clock seconds), with its weights
// committed; `report check` replays its first iterations and compares the state digests.
private let ticTacToe = Experiment("exp-mz-ttt", parameters: [1], replicates: 1, cost: .timing) { seed, generator in
    MuZeroTicTacToeTraining(settings: .ticTacToe, seed: UInt64(seed), generator: generator)
}

private let alphaZeroCurve = Experiment("exp-mz-az-curve", parameters: [1], replicates: 1, cost: .timing) { seed, generator in
    MuZeroLab.alphaZeroCurve(seed: UInt64(seed), using: &generator)
}

private func run(_ results: RunResults) throws -> MuZeroTicTacToeRun { try results[ticTacToe].points[0].replicates[0].output }
private func azCurve(_ results: RunResults) throws -> [TrainingStrength] { try results[alphaZeroCurve].points[0].replicates[0] }
private func percent(_ x: Double) -> String { NumberText.fixed(100 * x, decimals: 1) + "%" }
private func seconds(_ x: Double) -> String { NumberText.fixed(x, decimals: 1) + " s" }

/// The first training time at which `curve` reaches `share` optimal moves with search, if any.
private func timeToReach(_ share: Double, _ curve: [TrainingStrength]) -> Double? { curve.first { $0.searchOptimal >= share }?.seconds }

let muZeroChapter = Chapter("muzero", title: "Planning in a learned model", uses: uses) {
    Prose("""
        AlphaZero plans with the rules of the game: every position its search visits is a real \
        one, and a finished game is scored exactly. Most problems come with no such simulator, \
        and the model has to be learned, which brings back the bias and compounding errors of \
        @sec-compounding. MuZero [@schrittwieser2020muzero] learns a model for one purpose only, \
        planning: it never predicts observations, only the quantities a search needs (rewards, \
        values and move probabilities) from a hidden state of its own making. Dreamer \
        [@hafner2020dreamer] takes the same step for continuous control, imagining trajectories in \
        a learned latent space. This chapter builds MuZero in the project's Swift on the same dense \
        layers as AlphaZero and asks three questions of it: does planning in a learned model still \
        find perfect play, how fast do its errors compound, and what does not knowing the rules cost.
        """)
    Section("Three functions and an unrolled loss", id: "sec-mz-model") {
        Prose("""
            MuZero's model is three networks. The representation $h$ turns the real position into a \
            hidden state $s^0 = h(o_t)$; the dynamics $g$ maps a hidden state and an action to the next \
            hidden state and the reward of the move, $(r^k, s^k) = g(s^{k-1}, a_{t+k-1})$; the \
            prediction $f$ gives a policy and a value, $(p^k, v^k) = f(s^k)$. Nothing ties $s^k$ to \
            the board: it is whatever helps the three predictions. Training takes a position from a \
            self-play game, unrolls the model $K$ steps along the actions really played, and asks \
            every step to match what the game and the search recorded (@eq-mz-loss):
            """)
        Equation("\\ell = \\sum_{k=0}^{K} w_k \\left[ (z_{t+k} - v^k)^2 - \\pi_{t+k}^\\top \\log p^k \\right] + \\sum_{k=1}^{K} w_k (u_{t+k} - r^k)^2 + c \\lVert \\theta \\rVert^2", id: "eq-mz-loss")
        Prose("""
            with $\\pi$ the search's visit shares, $u$ the observed reward (1 for the move that wins, \
            otherwise 0) and $z$ the value target, here the game's result for the player to move \
            (an $n$-step return with $n$ past the end of the game; shorter returns bootstrap from \
            the search's value and are implemented and tested too). As in the paper, the unrolled \
            steps are weighted $w_k = 1/K$ after the first, the gradient entering a hidden state \
            from the next step is halved, and hidden states are min-max scaled to $[0, 1]$. Past the \
            end of a game the model is unrolled along random actions with value and reward targets \
            0, so that it learns that nothing more happens. The back-propagation through the unroll \
            is written out by hand and checked against finite differences on every parameter.
            """)
        Prose("""
            The search is the `Search` library's PUCT rule (@eq-az-puct) applied to a tree of hidden \
            states: the root is $h$ of the real position and only its legal moves are expanded; \
            below it every action is allowed and nothing of the rules is consulted. A child's \
            value for the player choosing is the predicted reward of the move minus the value of \
            the hidden state it leads to for the opponent.
            """)
    }
    Section("Tic-tac-toe with a learned model", id: "sec-mz-ttt") {
        Prose("""
            The run starts from random weights: hidden states of 32 numbers, two hidden layers of \
            64 units in each of $h$, $g$ and $f$, $K = 5$, and trains for 100 iterations. Each \
            iteration plays 200 self-play games \
            with 50 simulations per move in the learned model and takes 400 Adam steps on batches \
            of 128 positions; the step size drops tenfold for the last 40% of the iterations. \
            @tbl-mz-ttt-solver checks the result against the perfect player and on every position.
            """)
        ticTacToe
        Table("tbl-mz-ttt-solver", caption: "The final MuZero network against the perfect player (25 simulations in its learned model per move, 50 games in each seat), its share of optimal moves over all 4,520 non-terminal positions, and the training time on the 2 cores of the machine that made this report.") { results in
            let r = try run(results)
            return TableData(header: ["seat", "wins", "draws", "losses", "optimal moves", "training time"], rows: [
                ["first (X)", "\(r.againstSolverFirst.wins)", "\(r.againstSolverFirst.draws)", "\(r.againstSolverFirst.losses)", percent(r.searchOptimal), seconds(r.trainingSeconds)],
                ["second (O)", "\(r.againstSolverSecond.wins)", "\(r.againstSolverSecond.draws)", "\(r.againstSolverSecond.losses)", "", ""],
            ])
        }
        Claim("clm-mz-ttt-perfect", "Planning only in its learned model, the final agent never loses to the perfect player in 100 games.") { results in
            let r = try run(results)
            return ClaimCheck(Double(r.againstSolverFirst.losses + r.againstSolverSecond.losses), .atMost(0), unit: "losses in 100 games",
                              and: [ClaimCheck(r.searchOptimal, .atLeast(0.95), unit: "(share of optimal moves)")])
        }
        Claim("clm-mz-ttt-value", "The model learns what a won position looks like: the value loss of the last ten iterations is under a third of the first ten's.") { results in
            let records = try run(results).records
            let first = records.prefix(10).map(\.loss.value).reduce(0, +) / 10
            let last = records.suffix(10).map(\.loss.value).reduce(0, +) / 10
            return ClaimCheck(last / first, .atMost(1.0 / 3), unit: "(last over first value loss)")
        }
        Claim("clm-mz-ttt-time", "The whole run trains in under three minutes on two cores.") { results in
            ClaimCheck(try run(results).trainingSeconds, .atMost(180), unit: "s")
        }
    }
    Section("Search as policy improvement in a learned model", id: "sec-mz-search") {
        Prose("""
            In AlphaZero the search is what the network learns from: it plays better than the raw \
            policy, so imitating it improves the policy. With a learned model the search can only \
            be as good as the model's predictions a few steps ahead. @tbl-mz-search compares the \
            final network's raw policy with searches of 25 and 100 simulations in its own model.
            """)
        Table("tbl-mz-search", caption: "The final MuZero network's share of optimal moves over all non-terminal positions, by how it chooses, and the 25-simulation search against the raw policy (20 pairs of games from random first moves).") { results in
            let r = try run(results)
            return TableData(header: ["player", "optimal moves", "against the raw policy (W/D/L)"], rows: [
                ["raw policy", percent(r.rawOptimal), ""],
                ["search, 25 simulations", percent(r.searchOptimal), "\(r.searchAgainstRaw.wins)/\(r.searchAgainstRaw.draws)/\(r.searchAgainstRaw.losses)"],
                ["search, 100 simulations", percent(r.deepSearchOptimal), ""],
            ])
        }
        Claim("clm-mz-more-search", "More search does not buy more here: four times the simulations find no more optimal moves, because deeper searches lean on longer unrolls of an imperfect model.") { results in
            let r = try run(results)
            return ClaimCheck(r.deepSearchOptimal - r.searchOptimal, .atMost(0.005), unit: "(gain in the share of optimal moves from 25 to 100 simulations)")
        }
        Claim("clm-mz-search-improves", "Search in the learned model is no worse than the raw policy: it finds at least as many optimal moves and does not lose a game to it.") { results in
            let r = try run(results)
            return ClaimCheck(r.searchOptimal - r.rawOptimal, .atLeast(0), unit: "(gain in the share of optimal moves)",
                              and: [ClaimCheck(Double(r.searchAgainstRaw.losses), .atMost(0), unit: "losses to the raw policy")])
        }
    }
    Section("Error compounding in latent space", id: "sec-mz-drift") {
        Prose("""
            @sec-compounding bounded the drift of a learned model by $H \\cdot \\varepsilon$: one-step \
            errors add up at most linearly (@eq-tv-bound). MuZero's hidden states cannot be compared \
            with the board, but their predictions can. Along 500 games that mix optimal moves with \
            30% random ones, we unroll the final model $k$ steps from every position along the moves \
            really played and compare the predicted value with the solver's value of the real \
            position reached, and the predicted policy with the one the representation gives from \
            that real position (total variation over its legal moves). Positions far into a game \
            are easier to judge than early ones, so each unrolled error is set beside the error of \
            the representation's own prediction for the same real positions: the gap between the \
            two is what the unroll adds (@fig-mz-drift).
            """)
        Figure("fig-mz-drift", caption: "The final model's predictions $k$ steps into the unroll, along 500 games. Left: mean absolute value error against the solver, unrolled and straight from the real position reached (the same positions); dashed, the linear growth $\\varepsilon_0 + k \\varepsilon_1$ of @eq-tv-bound from the measured one-step increase $\\varepsilon_1$. Right: total variation between the unrolled policy and the policy from the real position. Late positions have few legal moves, which is why both panels fall towards k = 8.") { results in
            let drift = try run(results).drift
            let slope = drift[1].valueError - drift[0].valueError
            let value = Chart(title: "value", x: Axis("Unrolled steps k"), y: Axis("Mean |v − v*|"), width: 225, height: 200) {
                LineMark(points: drift.map { DataPoint(x: Double($0.k), y: $0.valueError) }, series: "unrolled")
                LineMark(points: drift.map { DataPoint(x: Double($0.k), y: $0.directValueError) }, series: "from the real position")
                LineMark(points: drift.map { DataPoint(x: Double($0.k), y: drift[0].valueError + Double($0.k) * slope) }, series: "linear growth")
            }
            let policy = Chart(title: "policy", x: Axis("Unrolled steps k"), y: Axis("Mean total variation"), width: 225, height: 200) {
                LineMark(points: drift.map { DataPoint(x: Double($0.k), y: $0.policyDrift) }, series: "unrolled")
            }
            return FigureSpec(panels: [value, policy], columns: 2, sharedLegend: true)
        }
        Claim("clm-mz-drift-sublinear", "What the unroll adds to the value error grows more slowly than linearly: eight steps in, it is below what the one-step increase, added up eight times, would give.") { results in
            let drift = try run(results).drift
            let excess = drift.map { $0.valueError - $0.directValueError }
            let last = drift.firstIndex { $0.k == 8 }!
            let linear = 8 * (excess[1] - excess[0])
            return ClaimCheck((excess[last] - excess[0]) / linear, .atMost(1), unit: "(added error at k = 8 over the linear extrapolation)",
                              detail: drift.map { "k = \($0.k): \(NumberText.fixed($0.valueError, decimals: 3)) unrolled, \(NumberText.fixed($0.directValueError, decimals: 3)) direct" }.joined(separator: "; "))
        }
        Prose("""
            So the unroll does add error, but the error levels off instead of piling up. One \
            reason is how the model is trained: every unrolled step is asked to predict the same \
            game result and the same search policy as the real position, so the model is corrected \
            on exactly the quantities the search uses, which a model of raw observations is not.
            """)
    }
    Section("Learned against true model", id: "sec-mz-versus-az") {
        Prose("""
            AlphaZero's tic-tac-toe run of @sec-az-ttt is the same algorithm with the real rules in \
            place of $g$. @fig-mz-versus-az sets the two side by side per second of training on the \
            same machine.
            """)
        alphaZeroCurve
        Figure("fig-mz-versus-az", caption: "Share of optimal moves over all non-terminal positions with 25 simulations per move against training time (log scale): MuZero planning in its learned model and AlphaZero planning with the rules, the AlphaZero chapter's settings, on the same 2 cores.") { results in
            let mz = try run(results).curve.filter { $0.seconds > 0 }
            let az = try azCurve(results).filter { $0.seconds > 0 }
            return FigureSpec(Chart(x: Axis("Training time (s)", scale: .log), y: Axis("Optimal moves", domain: 0.5...1), width: 440, height: 240) {
                LineMark(points: mz.map { DataPoint(x: $0.seconds, y: $0.searchOptimal) }, series: "MuZero (learned model)")
                LineMark(points: az.map { DataPoint(x: $0.seconds, y: $0.searchOptimal) }, series: "AlphaZero (rules)")
            })
        }
        Claim("clm-mz-cost-of-learning", "Not knowing the rules costs more than a hundredfold in training time: AlphaZero reaches 95% optimal moves at least a hundred times sooner than MuZero.") { results in
            let mz = try run(results).curve
            let az = try azCurve(results)
            guard let muZero = timeToReach(0.95, mz), let alphaZero = timeToReach(0.95, az) else {
                return ClaimCheck(0, .atLeast(100), unit: "(a run never reached 95%)")
            }
            return ClaimCheck(muZero / alphaZero, .atLeast(100), unit: "times longer",
                              detail: "MuZero \(seconds(muZero)), AlphaZero \(seconds(alphaZero))")
        }
    }
    muZeroConnectFourSection
}
