import Foundation
import Games
import Notebook
import Randomness
import Search

/// Simulations per second of one search from the empty board, best of three.
struct Throughput: Codable, Sendable {
    var simulations: Int
    var perSecond: Double
}

/// OpenSpiel 2.0.2's C++ and Python `MCTSBot` [@lanctot2019openspiel] measured on a 2-core machine
/// of the kind the report runs on: UCT with c = 2 and one random rollout, simulations per second
/// from the empty board.
private let openSpiel: [String: (cpp: Double, python: Double?)] = ["tic-tac-toe": (940_000, nil), "connect-four": (130_000, 7_000)]

private let throughput = Experiment(
    "exp-mcts-throughput", parameters: ["tic-tac-toe", "connect-four"], replicates: 1,
    cost: .timing
) { game, generator in
    // OpenSpiel's settings: c = 2, one random rollout, 200,000 / 50,000 simulations; best of five.
    game == "tic-tac-toe"
        ? Throughput(simulations: 200_000, perSecond: MCTS<TicTacToe, UCT, RandomRollout<TicTacToe>>.simulationsPerSecond(simulations: 200_000, repeats: 5, using: &generator))
        : Throughput(simulations: 50_000, perSecond: MCTS<ConnectFour, UCT, RandomRollout<ConnectFour>>.simulationsPerSecond(simulations: 50_000, repeats: 5, using: &generator))
}

private func rate(_ perSecond: Double) -> String {
    perSecond >= 1e6 ? String(format: "%.2f M", perSecond / 1e6) : String(format: "%.0f k", perSecond / 1e3)
}

/// How fast the search runs, against OpenSpiel's measured speed.
let mctsThroughputSection = Section("Throughput", id: "sec-mcts-throughput") {
    Prose("""
        Every result above is counted in simulations, not seconds, so it does not depend on the \
        machine. How many simulations a second buys does, and it decides what a budget costs in \
        play. @tbl-mcts-throughput times one search from the empty board with the settings under \
        which OpenSpiel's MCTS [@lanctot2019openspiel], version 2.0.2, was timed on the same kind \
        of 2-core machine (UCT with $c = 2$, one random rollout per simulation, one core). It is the one wall-clock measurement of the chapter: \
        it is taken once per change of the search code, kept with the results, and not repeated \
        by `report check`.
        """)
    throughput
    Table("tbl-mcts-throughput", caption: "Simulations per second from the empty board on one core of a 2-core machine: this project's `Search` (best of five searches; 200,000 simulations in tic-tac-toe, 50,000 in Connect Four, as in the OpenSpiel runs) against OpenSpiel 2.0.2's MCTSBot measured on the same kind of machine (C++ and Python) [@lanctot2019openspiel].") { results in
        let rows = try results[throughput].points.map { point -> [String] in
            let reference = openSpiel[point.parameter]!
            let ours = point.replicates[0].perSecond
            return [point.parameter, rate(ours), rate(reference.cpp), reference.python.map(rate) ?? "n/a", String(format: "%.1fx", ours / reference.cpp)]
        }
        return TableData(header: ["game", "this project", "OpenSpiel C++", "OpenSpiel Python", "ratio to C++"], rows: rows)
    }
    Claim("clm-mcts-throughput", "The search runs at least twice as fast as OpenSpiel's C++ MCTS in Connect Four, and at least one and a half times as fast in tic-tac-toe, whose tiny positions leave less to gain over C++.") { results in
        let r = try results[throughput]
        let connectFour = try r.output(at: "connect-four").perSecond
        let ticTacToe = try r.output(at: "tic-tac-toe").perSecond
        return ClaimCheck(connectFour / openSpiel["connect-four"]!.cpp, .atLeast(2), unit: "x OpenSpiel C++ in Connect Four",
                          and: [ClaimCheck(ticTacToe / openSpiel["tic-tac-toe"]!.cpp, .atLeast(1.5), unit: "x OpenSpiel C++ in tic-tac-toe")])
    }
}
