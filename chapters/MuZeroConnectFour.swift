import AlphaZero
import Charts
import Foundation
import Games
import MuZero
import Notebook

/// Iterations of the MuZero Connect Four run (sized for under half an hour on 2 cores).
let muZeroConnectFourIterations = 500

private let connectFourMuZero = Experiment(
    "exp-mz-c4", parameters: [muZeroConnectFourIterations], replicates: 1,
    uses: [.file("chapters/Compute/MuZeroConnectFourLab.swift"), .file("chapters/Compute/AlphaZeroConnectFourLab.swift"), .file(PonsBenchmark.bundledPath)],
    cost: .timing
) { iterations, generator in
    MuZeroConnectFourTraining(iterations: iterations, seed: 1, ponsStep: 10, generator: generator)
}

private func muZeroRun(_ results: RunResults) throws -> MuZeroConnectFourRun { try results[connectFourMuZero].points[0].replicates[0].output }

/// The loss weightings `exp-mz-c4-weights` compares: the paper's, each change alone, and the run's.
private let lossWeightings = [
    LossWeighting(name: "paper: value 1, reward 1", weights: .unit),
    LossWeighting(name: "value 0.25, reward 1", weights: MuZeroLossWeights(value: 0.25, reward: 1)),
    LossWeighting(name: "value 1, reward 100", weights: MuZeroLossWeights(value: 1, reward: 100)),
    LossWeighting(name: "this run: value 0.25, reward 100", weights: MuZeroSettings.connectFour(iterations: muZeroConnectFourIterations).lossWeights),
]

// Short runs (60 iterations each) under each weighting, two seeds each, checked on positions
// with a winning move: what the model has learned about the one thing the rules give for free.
private let winningMoves = Experiment(
    "exp-mz-c4-weights", parameters: lossWeightings, replicates: 2, uses: [.file("chapters/Compute/MuZeroWinningMovesLab.swift")], cost: .expensive
) { weighting, generator in
    MuZeroLab.winningMoveCheck(weighting.weights, using: &generator)
}

private func checks(_ results: RunResults) throws -> [(name: String, runs: [WinningMoveCheck])] {
    try results[winningMoves].points.map { ($0.parameter.name, $0.replicates) }
}

private func winShare(_ score: Arena.Score) -> String { NumberText.fixed(100 * score.fraction, decimals: 1) + "%" }

/// MuZero on Connect Four beside the AlphaZero run of the same budget.
let muZeroConnectFourSection = Section("Connect Four in a learned model", id: "sec-mz-c4") {
    Prose("""
        Connect Four is too large to check every position, so, as for AlphaZero in @sec-az-c4, the \
        network is measured against UCT with 1,000 random rollouts per move and on Pons' test \
        positions, whose exact values are known. The MuZero run uses hidden states of 64 numbers, \
        two hidden layers of 256 units in each function and 50 simulations per self-play move, \
        and is sized to train in under half an hour on the same 2 cores as AlphaZero's run. \
        Unlike the tic-tac-toe run it does not weight the terms of @eq-mz-loss equally: the value \
        terms count 0.25 and the reward terms 100, for reasons @tbl-mz-c4-weights gives below. \
        @tbl-mz-c4 puts the two agents side by side.
        """)
    connectFourMuZero
    Table("tbl-mz-c4", caption: "MuZero and AlphaZero on Connect Four at comparable training budgets: training time, the share of points against UCT with 1,000 rollouts (both with 800 simulations per move; MuZero's in its learned model), and mistakes on every 10th position of Pons' begin-hard set Test_L1_R3 with search and with the network alone.") { results in
        let mz = try muZeroRun(results)
        let az = try connectFourRun(results)
        func mistakes(_ rows: [MistakeCount], _ player: String) -> String {
            rows.first { $0.file == "Test_L1_R3" && $0.player == player }.map { "\($0.mistakes) of \($0.positions)" } ?? "n/a"
        }
        return TableData(header: ["agent", "training time", "against UCT(1,000)", "L1_R3 mistakes, search", "L1_R3 mistakes, network alone"], rows: [
            ["MuZero (learned model)", NumberText.fixed(mz.trainingSeconds / 60, decimals: 1) + " min", winShare(mz.finalAgainstUCT),
             mistakes(mz.mistakes, MuZeroLab.connectFourPonsPlayers[0]), mistakes(mz.mistakes, MuZeroLab.connectFourPonsPlayers[1])],
            ["AlphaZero (rules)", NumberText.fixed(az.trainingSeconds / 60, decimals: 1) + " min", winShare(az.finalAgainstUCT),
             mistakes(az.mistakes, AlphaZeroLab.ponsPlayers[0]), mistakes(az.mistakes, AlphaZeroLab.ponsPlayers[1])],
        ])
    }
    Claim("clm-mz-c4-time", "The MuZero run trains in under half an hour on two cores.") { results in
        ClaimCheck(try muZeroRun(results).trainingSeconds / 60, .atMost(30), unit: "min")
    }
    Claim("clm-mz-c4-weak", "At this budget the learned model is not enough: MuZero scores under 20% against UCT with 1,000 rollouts, where AlphaZero with the rules, trained for less time, scores over 90%.") { results in
        let mz = try muZeroRun(results)
        let az = try connectFourRun(results)
        return ClaimCheck(mz.finalAgainstUCT.fraction, .atMost(0.2), unit: "(MuZero's share of points)",
                          detail: "MuZero \(mz.finalAgainstUCT.wins)/\(mz.finalAgainstUCT.draws)/\(mz.finalAgainstUCT.losses) in \(NumberText.fixed(mz.trainingSeconds / 60, decimals: 1)) min; AlphaZero \(az.finalAgainstUCT.wins)/\(az.finalAgainstUCT.draws)/\(az.finalAgainstUCT.losses) in \(NumberText.fixed(az.trainingSeconds / 60, decimals: 1)) min",
                          and: [ClaimCheck(az.finalAgainstUCT.fraction, .atLeast(0.9), unit: "(AlphaZero's share of points)")])
    }
    Figure("fig-mz-c4-curve", caption: "Score (wins plus half the draws) against UCT with 1,000 rollouts during training, every 20 iterations from random two-move openings (10 games for MuZero, 20 for AlphaZero), both agents with 800 simulations per move, against training time (iterations times each run's mean time per iteration): MuZero in its learned model, AlphaZero with the rules.") { results in
        let mz = try muZeroRun(results)
        let az = try connectFourRun(results)
        let mzMinutes = mz.trainingSeconds / 60 / Double(max(1, mz.records.count))
        let azMinutes = az.trainingSeconds / 60 / Double(max(1, az.records.count))
        return FigureSpec(Chart(x: Axis("Training time (min)"), y: Axis("Score against UCT(1,000)", domain: 0...1), width: 440, height: 240) {
            LineMark(points: mz.curve.map { DataPoint(x: Double($0.iteration) * mzMinutes, y: $0.againstUCT.fraction) }, series: "MuZero (learned model)")
            LineMark(points: az.curve.map { DataPoint(x: Double($0.iteration) * azMinutes, y: $0.againstUCT.fraction) }, series: "AlphaZero (rules)")
            RuleMark(.horizontal, at: 0.5, label: "even")
        })
    }
    Prose("""
        @fig-mz-c4-curve follows both runs against UCT during training.
        """)
    Claim("clm-mz-c4-curve", "AlphaZero passes an even score within the first quarter of its training time; MuZero stays under 20% at every point of its curve.") { results in
        let mz = try muZeroRun(results)
        let az = try connectFourRun(results)
        let azIterations = Double(az.records.count)
        let firstEven = az.curve.first { $0.againstUCT.fraction > 0.5 }.map { Double($0.iteration) / azIterations } ?? 1
        let best = mz.curve.map(\.againstUCT.fraction).max() ?? 0
        return ClaimCheck(firstEven, .atMost(0.25), unit: "(share of AlphaZero's training before it first scores over 50%)",
                          and: [ClaimCheck(best, .atMost(0.2), unit: "(MuZero's best score on its curve)")])
    }
    Claim("clm-mz-c4-value", "Its value does learn: the value loss of the last ten iterations is under 80% of the first ten's.") { results in
        let records = try muZeroRun(results).records
        let first = records.prefix(10).map(\.loss.value).reduce(0, +) / 10
        let last = records.suffix(10).map(\.loss.value).reduce(0, +) / 10
        return ClaimCheck(last / first, .atMost(0.8), unit: "(last over first value loss)")
    }
    Claim("clm-mz-c4-search", "Searching its learned model does not help it on Pons' positions: over all six sets the search makes no fewer mistakes than the network alone, where AlphaZero's search makes fewer (@sec-az-c4).") { results in
        let mz = try muZeroRun(results).mistakes
        let az = try connectFourRun(results).mistakes
        func total(_ rows: [MistakeCount], _ player: String) -> Double { Double(rows.filter { $0.player == player }.map(\.mistakes).reduce(0, +)) }
        let (mzSearch, mzRaw) = (total(mz, MuZeroLab.connectFourPonsPlayers[0]), total(mz, MuZeroLab.connectFourPonsPlayers[1]))
        let (azSearch, azRaw) = (total(az, AlphaZeroLab.ponsPlayers[0]), total(az, AlphaZeroLab.ponsPlayers[1]))
        return ClaimCheck(mzSearch - mzRaw, .atLeast(0), unit: "(MuZero's mistakes with search minus without)",
                          detail: "MuZero \(Int(mzSearch)) with search, \(Int(mzRaw)) without; AlphaZero \(Int(azSearch)) and \(Int(azRaw)) of \(mz.filter { $0.player == MuZeroLab.connectFourPonsPlayers[0] }.map(\.positions).reduce(0, +))",
                          and: [ClaimCheck(azSearch - azRaw, .atMost(-1), unit: "(AlphaZero's mistakes with search minus without)")])
    }
    Prose("""
        With the rules, the search is the better player and the network learns from it; in a \
        learned model the search inherits the model's errors, as it did on tic-tac-toe \
        (@tbl-mz-search), and here it is no better than the network it searches with.
        """)
    Section("What the model knows about winning moves", id: "sec-mz-c4-weights") {
        Prose("""
            Why not weight the terms equally, as the paper does? The answer shows in the \
            one thing the rules would have given for free, which moves win. @tbl-mz-c4-weights \
            trains the run's settings for \(MuZeroLab.winningMoveIterations) iterations under four \
            weightings, two seeds each, and then asks the model, on \(MuZeroLab.winningMovePositions) \
            positions from random play that have a winning move, whether its reward head rates a \
            winning move above the others and whether its search, with \(MuZeroLab.winningMoveSimulations) \
            simulations in the model, plays one.
            """)
        winningMoves
        Table("tbl-mz-c4-weights", caption: "Short MuZero Connect Four runs (\(MuZeroLab.winningMoveIterations) iterations of the run's settings) under four weightings of the value and reward terms, two seeds each: on \(MuZeroLab.winningMovePositions) positions from random play with a winning move, how often the reward head rates a winning move highest, how often the search in the model plays one, and the mean predicted reward of winning and of other moves. A random legal move wins in about one position in six.") { results in
            TableData(header: ["weighting", "seed", "reward head picks a win", "search plays a win", "reward, winning moves", "reward, other moves"], rows: try checks(results).flatMap { point in
                point.runs.enumerated().map { seed, check in
                    [point.name, "\(seed + 1)", "\(check.rewardRanksWinFirst) of \(check.positions)", "\(check.searchWins) of \(check.positions)",
                     NumberText.fixed(check.meanWinningReward, decimals: 2), NumberText.fixed(check.meanOtherReward, decimals: 2)]
                }
            })
        }
        Claim("clm-mz-c4-weights-paper", "With the paper's equal weights the reward head rates a winning move highest in under 40% of the positions, in both runs; with this run's weights it does so in over two thirds, and its search plays a winning move in over 60%.") { results in
            let all = try checks(results)
            let paper = all.first!.runs, chosen = all.last!.runs
            return ClaimCheck(Double(paper.map(\.rewardRanksWinFirst).max()!) / Double(paper[0].positions), .atMost(0.4), unit: "(paper's weights, best run)",
                              and: [ClaimCheck(Double(chosen.map(\.rewardRanksWinFirst).min()!) / Double(chosen[0].positions), .atLeast(2.0 / 3), unit: "(this run's weights, worst run)"),
                                    ClaimCheck(Double(chosen.map(\.searchWins).min()!) / Double(chosen[0].positions), .atLeast(0.6), unit: "(search plays a win, worst run)")])
        }
        Claim("clm-mz-c4-weights-each", "Each change helps on its own, the reward weight more than the value weight: every run with one of them beats every run with the paper's weights, and every run with the reward weight beats every run with only the value weight.") { results in
            let all = try checks(results).map { $0.runs.map { Double($0.rewardRanksWinFirst) } }
            let (paper, value, reward) = (all[0], all[1], all[2])
            return ClaimCheck(value.min()! - paper.max()!, .atLeast(1), unit: "(value 0.25's worst minus the paper's best)",
                              and: [ClaimCheck(reward.min()! - value.max()!, .atLeast(1), unit: "(reward 100's worst minus value 0.25's best)")])
        }
        Prose("""
            A winning move earns a reward once per game, and the reward head only ever sees the \
            moves that were played, so its signal is thin. With equal weights the value terms, \
            whose targets in early self-play are the results of near-random games, and the policy \
            terms decide what the shared hidden state encodes; the reward head then has little to \
            read a four-in-a-row from, and a search that cannot see wins coming generates games \
            that teach nothing. MuZero's own Reanalyse runs weight the value term 0.25 against \
            overfitting (in the appendix on Reanalyse of @schrittwieser2020muzero); the reward weight is this chapter's choice, \
            made with these short runs.
            """)
    }
}
