import Charts
import Foundation
import GameTheory
import Notebook

private let decomposition = Experiment(
    "exp-ma-decomposition", parameters: ValueDecompositionLab.points, replicates: 20,
    uses: [.file("chapters/Compute/ValueDecompositionLab.swift")]
) { point, generator in
    ValueDecompositionLab.run(point, using: &generator)
}

/// Q_tot on the two-step game as Table 1 of the QMIX paper prints it [@rashid2018qmix]:
/// `[state][a₁][a₂]`, VDN then QMIX.
private let paperTwoStep: [DecompositionKind: [[[Double]]]] = [
    .vdn: [[[6.94, 6.94], [6.35, 6.36]], [[6.99, 7.02], [6.99, 7.02]], [[-1.87, 2.31], [2.33, 6.51]]],
    .qmix: [[[6.93, 6.93], [7.92, 7.92]], [[7.00, 7.00], [7.00, 7.00]], [[0.00, 1.00], [1.00, 8.00]]],
]

private let twoStep = CooperativeGame.twoStep
private let penalised = CooperativeGame.penalisedCoordination
private let discount = ValueDecompositionLab.settings.discount
private let actionNames = ["A", "B", "C"]

/// The runs of one kind of learner on one game.
private func runs(_ results: RunResults, _ game: CooperativeGame, _ kind: DecompositionKind) throws -> [DecompositionResult] {
    try results[decomposition].replicates(at: DecompositionPoint(game: game.name, kind: kind))
}

/// Q_tot averaged over runs, `[state][a₁][a₂]`.
private func meanValues(_ runs: [DecompositionResult]) -> [[[Double]]] {
    let first = runs[0].jointValues
    return first.indices.map { s in
        first[s].indices.map { i in first[s][i].indices.map { j in runs.map { $0.jointValues[s][i][j] }.reduce(0, +) / Double(runs.count) } }
    }
}

/// The largest absolute difference between two arrays of Q_tot tables.
private func largestGap(_ a: [[[Double]]], _ b: [[[Double]]]) -> Double {
    zip(a.joined().joined(), b.joined().joined()).map { abs($0 - $1) }.max()!
}

private func share(_ runs: [DecompositionResult], earning value: Double) -> Double {
    Double(runs.filter { $0.greedyReturn == value }.count) / Double(runs.count)
}

private func twoDecimals(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }

/// Centralised training with decentralised execution: VDN and QMIX.
let multiAgentDecompositionSection = Section("Centralised training, decentralised execution", id: "sec-ma-ctde") {
    Prose("""
        The joint-action learner of the climbing game saw every agent's action, which a team \
        acting in the world often cannot. Value decomposition keeps the best of both: each agent \
        $i$ keeps a utility $Q_i(s, a_i)$ of its own actions and acts on it alone, but during \
        training the utilities are combined into a team value $Q_{tot}(s, a_1, a_2)$ and fitted \
        to the team's temporal-difference target $r + \\gamma \\max_{a'} Q_{tot}(s', a')$. VDN \
        combines them by a sum [@sunehag2018vdn]; QMIX by a mixing network whose weights are \
        produced from the state and kept non-negative, so that $Q_{tot}$ never decreases when \
        any $Q_i$ grows [@rashid2018qmix]. Either way, each agent maximising its own utility \
        maximises the team's value, which is what lets the agents act apart.
        """)
    Prose("""
        The QMIX paper's two-step game shows what the sum cannot say. In the first state agent \
        1's action chooses the next one (A leads to 2A, B to 2B) and nobody is paid. In 2A \
        every joint action pays 7; in 2B the pair is paid 0, 1, 1 or 8, and only (B, B) pays \
        well. The best plan is B then (B, B), worth $\\gamma \\cdot 8$. A sum $u(a_1) + w(a_2)$ \
        fitted to 2B's payoffs, each joint action weighted equally, is row mean plus column \
        mean minus grand mean: 6.5 for (B, B), less than the 7 that 2A offers for certain, so \
        a VDN team learns to turn to 2A. QMIX can bend: with utilities 0 and 1 for A and B, \
        $x + y + 6xy$ is non-decreasing in both and reproduces 2B exactly. We trained each \
        kind of team 20 times with uniformly random exploration (6,000 Adam steps on 16 \
        episodes each, the step size falling from 0.005 to 0, $\\gamma = 0.99$, a mixing layer of \
        width 16, utilities kept in tables); @tbl-ma-two-step sets the learned values beside the \
        exact ones and the paper's.
        """)
    decomposition
    Table("tbl-ma-two-step", caption: "$Q_{tot}$ on the two-step game after training, mean over 20 runs, beside the exact values $Q^*$ and Table 1 of the QMIX paper [@rashid2018qmix]. State 1's value depends only on agent 1's action.") { results in
        let vdn = meanValues(try runs(results, twoStep, .vdn))
        let qmix = meanValues(try runs(results, twoStep, .qmix))
        let exact = twoStep.optimalValues(discount: discount)
        var rows = [[String]]()
        for s in 0..<twoStep.states {
            for i in 0..<2 {
                for j in 0..<2 {
                    let cells = [exact, vdn, paperTwoStep[.vdn]!, qmix, paperTwoStep[.qmix]!].map { twoDecimals($0[s][i][j]) }
                    rows.append([twoStep.stateNames[s], "(\(actionNames[i]), \(actionNames[j]))"] + cells)
                }
            }
        }
        return TableData(header: ["state", "joint action", "$Q^*$", "VDN", "VDN, paper", "QMIX", "QMIX, paper"], rows: rows)
    }
    Claim("clm-ma-qmix-exact", "QMIX learns the two-step game's values: in every run each of the twelve entries is within 0.1 of the exact value, and its agents, acting alone, take B and then (B, B) for the 8.") { results in
        let qmix = try runs(results, twoStep, .qmix)
        let exact = twoStep.optimalValues(discount: discount)
        let gaps = qmix.map { largestGap($0.jointValues, exact) }
        return ClaimCheck(gaps.max()!, .atMost(0.1), unit: "(largest gap to Q*, over runs)",
                          and: [ClaimCheck(share(qmix, earning: 8), .near(1, tolerance: 0), unit: "(share of runs earning 8)")])
    }
    Claim("clm-ma-vdn-additive", "VDN learns the best sum instead: its mean values are within 0.05 of the additive fit computed exactly, which rates state 2B at 0.99 · 6.5 and so sends agent 1 to 2A; every run earns 7.") { results in
        let vdn = try runs(results, twoStep, .vdn)
        let fit = twoStep.additiveValues(discount: discount)
        return ClaimCheck(largestGap(meanValues(vdn), fit), .atMost(0.05), unit: "(largest gap to the additive fit)",
                          detail: "additive fit of state 1: A \(twoDecimals(fit[0][0][0])), B \(twoDecimals(fit[0][1][0]))",
                          and: [ClaimCheck(share(vdn, earning: 7), .near(1, tolerance: 0), unit: "(share of runs earning 7)")])
    }
    Claim("clm-ma-paper-table", "Our table agrees with the paper's: the mean QMIX values are within 0.05 of its Table 1 and the mean VDN values within 0.5, the VDN gap being the paper's single deep-network run against our mean of table learners.") { results in
        let qmix = largestGap(meanValues(try runs(results, twoStep, .qmix)), paperTwoStep[.qmix]!)
        let vdn = largestGap(meanValues(try runs(results, twoStep, .vdn)), paperTwoStep[.vdn]!)
        return ClaimCheck(qmix, .atMost(0.05), unit: "(largest QMIX gap to the paper)",
                          and: [ClaimCheck(vdn, .atMost(0.5), unit: "(largest VDN gap to the paper)")])
    }
    Claim("clm-ma-two-step-independent", "Independent learners, each fitting its utility to the team reward on its own, also settle for the 7 in every run.") { results in
        ClaimCheck(share(try runs(results, twoStep, .independent), earning: 7), .near(1, tolerance: 0), unit: "(share of runs earning 7)")
    }
    Prose("""
        Monotonic mixing has its own blind spot. In the penalised coordination game of the \
        Weighted QMIX paper [@rashid2020weighted] both agents playing A earns 8, one of them \
        playing A alone costs the pair 12, and every other joint action pays 0. If agent 1 is to \
        prefer A, then $Q_1(A) \\ge Q_1(B)$ and monotonicity forces \
        $Q_{tot}(A, B) \\ge Q_{tot}(B, B)$: the mixed value must either overrate a −12 or \
        underrate a 0. Weighting all nine joint actions equally, as uniform exploration does, \
        the squared error is smaller when A is written off, and that is what training finds \
        (@tbl-ma-penalised).
        """)
    Table("tbl-ma-penalised", caption: "Penalised coordination: the reward of each joint action and the team value $Q_{tot}$ learned by VDN and QMIX (mean over 20 runs). Highlighted: the best joint action.") { results in
        let vdn = meanValues(try runs(results, penalised, .vdn))[0]
        let qmix = meanValues(try runs(results, penalised, .qmix))[0]
        let rewards = penalised.stages[0].rewards
        var rows = [[String]]()
        for i in 0..<3 {
            for j in 0..<3 {
                rows.append(["(\(actionNames[i]), \(actionNames[j]))", twoDecimals(rewards[i][j]), twoDecimals(vdn[i][j]), twoDecimals(qmix[i][j])])
            }
        }
        return TableData(header: ["joint action", "reward", "VDN", "QMIX"], rows: rows, highlighted: [[0, 1]])
    }
    Claim("clm-ma-monotonic-fails", "Neither decomposition finds the 8: in every run of VDN and of QMIX the agents end on a joint action worth 0, and QMIX rates (A, A) below zero on average, more than 8 under its true value.") { results in
        let vdn = try runs(results, penalised, .vdn)
        let qmix = try runs(results, penalised, .qmix)
        let rated = meanValues(qmix)[0][0][0]
        return ClaimCheck(share(vdn + qmix, earning: 0), .near(1, tolerance: 0), unit: "(share of runs earning 0)",
                          and: [ClaimCheck(8 - rated, .atLeast(8), unit: "(QMIX's mean underestimate of (A, A))")])
    }
}
