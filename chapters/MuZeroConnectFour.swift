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

private func winShare(_ score: Arena.Score) -> String { NumberText.fixed(100 * score.fraction, decimals: 1) + "%" }

/// MuZero on Connect Four beside the AlphaZero run of the same budget.
let muZeroConnectFourSection = Section("Connect Four in a learned model", id: "sec-mz-c4") {
    Prose("""
        Connect Four is too large to check every position, so, as for AlphaZero in @sec-az-c4, the \\
        network is measured against UCT with 1,000 random rollouts per move and on Pons' test \\
        positions, whose exact values are known. The MuZero run uses hidden states of 64 numbers, \\
        two hidden layers of 256 units in each function and 50 simulations per self-play move, \\
        and is sized to train in under half an hour on the same 2 cores as AlphaZero's run. \
        @tbl-mz-c4 puts the two side by side.
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
    Claim("clm-mz-c4-weak", "At this budget the learned model is not enough: MuZero scores under 5% against UCT with 1,000 rollouts, where AlphaZero with the rules, trained for less time, scores over 90%.") { results in
        let mz = try muZeroRun(results)
        let az = try connectFourRun(results)
        return ClaimCheck(mz.finalAgainstUCT.fraction, .atMost(0.05), unit: "(MuZero's share of points)",
                          detail: "MuZero \(mz.finalAgainstUCT.wins)/\(mz.finalAgainstUCT.draws)/\(mz.finalAgainstUCT.losses) in \(NumberText.fixed(mz.trainingSeconds / 60, decimals: 1)) min; AlphaZero \(az.finalAgainstUCT.wins)/\(az.finalAgainstUCT.draws)/\(az.finalAgainstUCT.losses) in \(NumberText.fixed(az.trainingSeconds / 60, decimals: 1)) min",
                          and: [ClaimCheck(az.finalAgainstUCT.fraction, .atLeast(0.9), unit: "(AlphaZero's share of points)")])
    }
    Claim("clm-mz-c4-value-flat", "Its value never got off the ground: the value loss of the last ten iterations is no lower than 90% of the first ten's.") { results in
        let records = try muZeroRun(results).records
        let first = records.prefix(10).map(\.loss.value).reduce(0, +) / 10
        let last = records.suffix(10).map(\.loss.value).reduce(0, +) / 10
        return ClaimCheck(last / first, .atLeast(0.9), unit: "(last over first value loss)")
    }
    Prose("""
        On tic-tac-toe the value loss fell to under a third once the reward head had learned \
        which moves win; here it stays where it started, so the search has nothing to go on. \
        The run is also trained far less densely than the tic-tac-toe one (fewer gradient samples \
        per new position), with a network four times wider: the budget that \
        AlphaZero turns into a strong player buys MuZero a model that has not yet learned what a \
        won position looks like. Where that changes is a measurement still to be made.
        """)
}
