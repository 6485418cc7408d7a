import AlphaZero
import Charts
import Foundation
import Games
import Notebook

/// Training iterations of the Connect Four run (chosen to fit 30 minutes on 2 cores).
let connectFourIterations = 500

let connectFour = Experiment(
    "exp-az-c4", parameters: [connectFourIterations], replicates: 1,
    uses: [.file("chapters/Compute/AlphaZeroConnectFourLab.swift"), .file("chapters/Compute/MCTSConnectFourLab.swift"), .file(PonsBenchmark.bundledPath)],
    cost: .timing
) { iterations, generator in
    ConnectFourTraining(iterations: iterations, seed: 1, ponsStep: 10, generator: generator)
}

/// The finished Connect Four run.
func connectFourRun(_ results: RunResults) throws -> ConnectFourRun {
    try results[connectFour].points[0].replicates[0].output
}

/// AlphaZero.jl's mistake rates as read off its published benchmark figure (after 15 GPU iterations).
private let alphaZeroJL = ["Test_L3_R1": "0%", "Test_L2_R1": "0%", "Test_L2_R2": "2-3%", "Test_L1_R1": "about 0%", "Test_L1_R2": "about 2%", "Test_L1_R3": "about 7%"]

private func share(_ count: MistakeCount) -> Double { Double(count.mistakes) / Double(count.positions) }

/// The Connect Four half of the `alphazero` chapter.
let alphaZeroConnectFourSection = Section("Connect Four", id: "sec-az-c4") {
    Prose("""
        Connect Four is the real test: its positions cannot all be checked, a game lasts up to 42 \
        moves, and a weak player loses to a strong one almost every time. The run below trains a \
        network with hidden layers of 512 and 256 units from random weights for a fixed number of \
        iterations chosen to fit half an hour on two cores; each iteration plays 200 self-play \
        games with 100 simulations per move and takes 250 minibatches of 128 positions. Four \
        departures from the plain recipe are made here, and none is measured on its own. Each \
        self-play game opens with a uniformly drawn number, none to four, of uniformly random \
        moves that are neither searched nor kept as examples, so the network also learns positions \
        its own play avoids, such as those after a weak first move (the matches against UCT below \
        start from random two-move openings). The value target is the mean of the game's result \
        $z$ and the search's value $q$ at the root, which is less noisy than $z$ alone when \
        exploratory moves early in a game decide its result. After the first ten searched plies a \
        move is drawn with probability in proportion to its visits to the power 2.5 (temperature \
        0.4, this project's choice; the published Connect Four run of AlphaZero.jl uses 1.0 for \
        the first 20 moves, decaying to 0.3 by move 30 [@laurent2020alphazerojl]) instead of \
        always being the most visited, so self-play games stay apart to the end and the value \
        head sees more varied endgames. And Adam's step size drops from $10^{-3}$ to \
        $3 \\times 10^{-4}$ halfway through and to $10^{-4}$ at four fifths: a step-wise \
        schedule like AlphaGo Zero's, which dropped the rate of SGD with momentum from $10^{-2}$ \
        to $10^{-3}$ and $10^{-4}$ [@silver2017alphagozero]; only the shape is shared. Each minibatch's gradient is computed in \
        four parts at once, so the updates use both cores as self-play does. The run is expensive, \
        so it is computed once per change of the code and its results, including the final weights \
        and the training time, are kept with the report, together with a digest of the trainer's \
        whole state (both networks, Adam's moments, the replay buffer) after every iteration. \
        `report check` replays the first iterations and compares their states with the recorded \
        ones, `report verify exp-az-c4` replays all of them and names the first that differs, and \
        `report --force` retrains.
        """)
    connectFour
    Figure("fig-az-c4-curve", caption: "Left: training losses per iteration. Right: score (wins plus half the draws) of the network with 800 PUCT simulations per move against UCT with 1,000 random rollouts, 20 games from random two-move openings every 20 iterations; the vertical lines mark the drops of the step size.") { results in
        let run = try connectFourRun(results)
        let iterations = run.records.indices.map { Double($0 + 1) }
        let losses = Chart(title: "losses", x: Axis("Iteration"), y: Axis("Loss", domain: 0...2), width: 280, height: 210) {
            LineMark(points: zip(iterations, run.records).map { DataPoint(x: $0, y: $1.loss.value) }, series: "value")
            LineMark(points: zip(iterations, run.records).map { DataPoint(x: $0, y: $1.loss.policy) }, series: "policy")
            for step in run.settings.learningRateSteps { RuleMark(.vertical, at: Double(step.iteration)) }
        }
        let curve = Chart(title: "against UCT(1,000)", x: Axis("Iteration"), y: Axis("Score", domain: 0...1), width: 280, height: 210, legend: .hidden) {
            LineMark(points: run.curve.map { DataPoint(x: Double($0.iteration), y: $0.againstUCT.fraction) }, series: "score")
            PointMark(points: run.curve.map { DataPoint(x: Double($0.iteration), y: $0.againstUCT.fraction) }, series: "score")
            RuleMark(.horizontal, at: 0.5, label: "even")
            for step in run.settings.learningRateSteps { RuleMark(.vertical, at: Double(step.iteration)) }
        }
        return FigureSpec(panels: [losses, curve], columns: 2)
    }
    Prose("""
        @fig-az-c4-curve shows the losses falling and the score against UCT rising with training. \
        @tbl-az-c4-pons counts mistakes on the positions of @pons2019solver. There are two depth-5 minimax \
        baselines. The plain one sees only wins and losses within five plies and picks at random \
        among moves it cannot tell apart. The other scores the positions at its horizon as \
        the baseline of AlphaZero.jl [@laurent2020alphazerojl] does: every line of four still open to a player is worth \
        $0.1^{3 - n}$ to them, $n$ being their stones in it, and a position is worth the mover's \
        total minus the opponent's.
        """)
    Table("tbl-az-c4-pons", caption: "Mistakes on every 10th position of each Pons set (100 positions each): the trained network with 800 PUCT simulations, the same network's raw policy, depth-5 minimax (wins and losses within the horizon only, random among equals), depth-5 minimax with the alignment heuristic, UCT with 1,000 rollouts, and the network with AlphaGo's mixed evaluation (1,600 simulations, λ = 0.5); AlphaZero.jl's rates as read off its published benchmark figure, after 15 GPU iterations [@laurent2020alphazerojl].") { results in
        let run = try connectFourRun(results)
        let rows = PonsBenchmark.files.map { file -> [String] in
            let counts = AlphaZeroLab.ponsPlayers.map { player in run.mistakes.first { $0.file == file && $0.player == player }! }
            return [file] + counts.map { String(format: "%.0f%%", 100 * share($0)) } + [alphaZeroJL[file] ?? "n/a"]
        }
        return TableData(header: ["set", "AlphaZero", "network alone", "minimax 5", "minimax 5, heuristic", "UCT 1,000", "AlphaGo mix", "AlphaZero.jl"], rows: rows)
    }
    Claim("clm-az-c4-search", "Search matters here too: over all six sets the network with search makes fewer mistakes than its raw policy.") { results in
        let mistakes = try connectFourRun(results).mistakes
        func total(_ player: String) -> Double { Double(mistakes.filter { $0.player == player }.map(\.mistakes).reduce(0, +)) }
        let positions = mistakes.filter { $0.player == AlphaZeroLab.ponsPlayers[0] }.map(\.positions).reduce(0, +)
        return ClaimCheck(total(AlphaZeroLab.ponsPlayers[0]), .atMost(total(AlphaZeroLab.ponsPlayers[1]) - 1), unit: "mistakes with search",
                          detail: "raw policy: \(Int(total(AlphaZeroLab.ponsPlayers[1]))) mistakes in \(positions) positions")
    }
    Claim("clm-az-c4-minimax", "On the hardest beginning set, Test_L1_R3, the trained agent errs on fewer than one position in five, the aim this project set, and less often than depth-5 minimax with the alignment heuristic, which errs about as often here as AlphaZero.jl reports for its baseline, 23.5% [@laurent2020alphazerojl]. Without the heuristic, minimax errs at least three times as often as the agent. The agent comes within a few positions of AlphaZero.jl's 7% after hours on a GPU.") { results in
        let mistakes = try connectFourRun(results).mistakes.filter { $0.file == "Test_L1_R3" }
        func rate(_ k: Int) -> Double { share(mistakes.first { $0.player == AlphaZeroLab.ponsPlayers[k] }!) }
        let (agent, plain, heuristic) = (rate(0), rate(2), rate(3))
        return ClaimCheck(agent, .atMost(0.19), unit: "(agent's share of mistakes)",
                          detail: "agent \(String(format: "%.2f", agent)), minimax with the heuristic \(String(format: "%.2f", heuristic)), plain minimax \(String(format: "%.2f", plain))",
                          and: [ClaimCheck(heuristic - agent, .atLeast(0.01), unit: "(heuristic minimax's share minus the agent's)"),
                                ClaimCheck(heuristic, .between(0.15, 0.3), unit: "(heuristic minimax's share, against AlphaZero.jl's 0.235)"),
                                ClaimCheck(plain / max(agent, 0.01), .atLeast(3), unit: "(plain minimax's mistakes per mistake of the agent)"),
                                ClaimCheck(abs(agent - 0.07), .atMost(0.04), unit: "(distance of the agent's share from AlphaZero.jl's 0.07)")])
    }
    Prose("""
        AlphaGo, unlike AlphaZero, scored each leaf of its search by mixing [@silver2016alphago] \
        the value network with the result of a fast rollout, $(1 - \\lambda) v + \\lambda z$ with \
        $\\lambda = 0.5$. @tbl-az-c4-uct plays the final network both ways against UCT with 1,000 \
        rollouts, and, as controls at the mixed search's budget of 1,600 simulations, the same \
        network with AlphaZero's evaluation and UCT with as many rollouts.
        """)
    Table("tbl-az-c4-uct", caption: "Against UCT with 1,000 rollouts, \(2 * AlphaZeroLab.finalPairs) games each (both seats from each of \(AlphaZeroLab.finalPairs) random two-move openings): the final network with 800 PUCT simulations (AlphaZero's evaluation), the same network with 1,600 simulations and AlphaGo's mixed evaluation (λ = 0.5), the same network with 1,600 simulations and AlphaZero's evaluation, and UCT with 1,600 rollouts; the training time.") { results in
        let run = try connectFourRun(results)
        func row(_ name: String, _ s: Arena.Score) -> [String] {
            [name, "\(s.wins)", "\(s.draws)", "\(s.losses)", String(format: "%.1f%%", 100 * Double(s.wins) / Double(s.games))]
        }
        return TableData(header: ["player", "wins", "draws", "losses", "win rate"], rows: [
            row("AlphaZero, 800 simulations", run.finalAgainstUCT), row("AlphaGo mix, 1,600 simulations", run.mixedAgainstUCT),
            row("AlphaZero, 1,600 simulations (control)", run.equalBudgetAgainstUCT), row("UCT, 1,600 rollouts (control)", run.uctControl),
            ["training time", String(format: "%.1f min", run.trainingSeconds / 60), "", "", ""],
        ])
    }
    Claim("clm-az-c4-uct", "The trained agent beats UCT with 1,000 rollouts in at least nine games in ten, the target, after less than 30 minutes of training on two cores.") { results in
        let run = try connectFourRun(results)
        let s = run.finalAgainstUCT
        let rate = Double(s.wins) / Double(s.games)
        return ClaimCheck(rate, .atLeast(0.9), unit: "(win rate)", detail: "\(s.wins) wins, \(s.draws) draws, \(s.losses) losses",
                          and: [ClaimCheck(run.trainingSeconds / 60, .atMost(30), unit: "min of training")])
    }
    Claim("clm-az-c4-mixed", "At equal search, 1,600 simulations, AlphaGo's mixed evaluation and AlphaZero's own lose about as often, within 2% of the games of each other, and both lose fewer games than AlphaZero with 800 simulations: most of the mix's edge over the 800-simulation agent is its larger budget. UCT with the same 1,600 rollouts but no network wins only about half its games against UCT with 1,000.") { results in
        let run = try connectFourRun(results)
        let games = Double(run.mixedAgainstUCT.games)
        let control = Double(run.uctControl.wins) / Double(run.uctControl.games)
        let mixed = run.mixedAgainstUCT
        let equal = run.equalBudgetAgainstUCT
        return ClaimCheck(abs(Double(mixed.losses) - Double(equal.losses)) / games, .atMost(0.02), unit: "(difference in losses, share of games, at 1,600 simulations)",
                          detail: "mix \(mixed.wins)/\(mixed.draws)/\(mixed.losses), AlphaZero at 1,600 \(equal.wins)/\(equal.draws)/\(equal.losses), at 800 \(run.finalAgainstUCT.wins)/\(run.finalAgainstUCT.draws)/\(run.finalAgainstUCT.losses); UCT control \(run.uctControl.wins)/\(run.uctControl.draws)/\(run.uctControl.losses)",
                          and: [ClaimCheck(Double(max(mixed.losses, equal.losses)), .atMost(Double(run.finalAgainstUCT.losses) - 1), unit: "losses at 1,600 simulations (more of the two)"),
                                ClaimCheck(control, .between(0.4, 0.65), unit: "(win rate of the UCT control)")])
    }
}
