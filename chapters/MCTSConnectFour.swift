import Charts
import Dispatch
import Foundation
import Games
import Notebook
import Search

/// The experiments that read Pons' positions also key on the files themselves.
private let ponsPositions: [SourceUse] = [.file(PonsBenchmark.bundledPath)]

private let randomGames = Experiment(
    "exp-c4-random",
    parameters: [10, 100, 1000, 10_000].flatMap { n in Seat.allCases.map { StrengthPoint(simulations: n, opponent: .random, seat: $0) } },
    replicates: 30
) { point, generator in
    ConnectFourLab.randomGame(point, using: &generator)
}

private let perfectBudgets = [100, 1000, 10_000]

private let perfectGames = Experiment(
    "exp-c4-perfect",
    parameters: perfectBudgets.flatMap { n in ["first", "second"].flatMap { seat in ConnectFourLab.openings.indices.map { PerfectGamePoint(simulations: n, seat: seat, opening: $0) } } },
    replicates: 1, cost: .expensive
) { point, generator in
    try ConnectFourLab.perfectGame(point, using: &generator)
}

private let ponsBudgets = [100, 1000, 10_000]

/// One Pons benchmark file and one budget.
struct PonsQualityPoint: Codable, Sendable, Hashable {
    var file: String
    var simulations: Int
}

private let ponsQuality = Experiment(
    "exp-c4-quality",
    parameters: ["Test_L3_R1", "Test_L2_R1", "Test_L2_R2"].flatMap { file in ponsBudgets.map { PonsQualityPoint(file: file, simulations: $0) } },
    replicates: 1, uses: ponsPositions
) { point, generator in
    try ConnectFourLab.ponsQuality(file: point.file, step: 10, budgets: [point.simulations], using: &generator)
}

private let openingQuality = Experiment(
    "exp-c4-quality-opening", parameters: ["Test_L1_R1", "Test_L1_R2"], replicates: 1, uses: ponsPositions, cost: .expensive
) { file, generator in
    try ConnectFourLab.ponsQuality(file: file, step: 20, budgets: ponsBudgets, using: &generator)
}

private let root = Experiment("exp-c4-root", parameters: [10_000], replicates: 20, uses: ponsPositions) { simulations, generator in
    try ConnectFourLab.rootSnapshot(simulations: simulations, using: &generator)
}

/// Mistake-free fractions per Pons file and budget, from both quality experiments.
private func mistakeFree(_ results: RunResults) throws -> [(file: String, fractions: [Double])] {
    let middle = try results[ponsQuality].points
    let late = ["Test_L3_R1", "Test_L2_R1", "Test_L2_R2"].map { file in
        (file, middle.filter { $0.parameter.file == file }.map { point in Double(point.replicates[0].good[0]) / Double(point.replicates[0].positions) })
    }
    let early = try results[openingQuality].points.map { point in
        (point.parameter, point.replicates[0].good.map { Double($0) / Double(point.replicates[0].positions) })
    }
    return late + early
}

private func describe(_ file: String) -> String {
    ["Test_L3_R1": "end", "Test_L2_R1": "middle, easy", "Test_L2_R2": "middle, medium", "Test_L1_R1": "beginning, easy", "Test_L1_R2": "beginning, medium"][file] ?? file
}

/// The Connect Four half of the `mcts` chapter.
let mctsConnectFourSection = Section("Connect Four", id: "sec-mcts-connect-four") {
    Prose("""
        Connect Four has about $4.5 \\times 10^{12}$ positions [@pons2019solver], too many to check one \
        by one, and the first player wins it with perfect play [@allis1988connect]. The project's \
        solver decides any single position exactly, and the benchmark sets of @pons2019solver give \
        positions from the end, the middle and the beginning of games. A move is a *mistake* when \
        another move has a strictly better result (win over draw over loss).
        """)
    Section("Strength", id: "sec-mcts-c4-strength") {
        Prose("""
            Against a random player the game is easy. Against the perfect player it is not, but \
            solving the first moves of a game exactly costs minutes, so those games start from \
            20 fixed openings of eight random moves, and each is played with MCTS in both seats. \
            The solver gives each opening's game-theoretic result, which a perfect opponent never \
            lets MCTS exceed; what counts is how often MCTS gets it: keeps a won position won and a \
            drawn one drawn. @fig-mcts-c4-strength shows both kinds of game.
            """)
        randomGames
        perfectGames
        Figure("fig-mcts-c4-strength", caption: "Top: UCT ($c = \\sqrt{2}$) in Connect Four against a uniformly random player from the empty board, as red (first) or yellow (second), 30 games each; whiskers are Wilson 95% intervals. Bottom: against the perfect player from 20 solved openings, the fraction of games where UCT got the opening's game-theoretic result, among the openings where that result was a win or a draw for it.") { results in
            let random = try results[randomGames]
            let left = StackedBarView(
                categories: random.points.map { "\(shortCount($0.parameter.simulations)) \($0.parameter.seat == .first ? "red" : "yellow")" },
                bars: random.points.map { point in
                    let c = counts(point.replicates)
                    let n = point.replicates.count
                    return [.init("win", Double(c.wins) / Double(n), interval: wilson(c.wins, n)), .init("draw", Double(c.draws) / Double(n)), .init("loss", Double(c.losses) / Double(n))]
                },
                yTitle: "Fraction of games"
            ).chart(title: "against the random player", width: 451, height: 190)
            let perfect = try results[perfectGames]
            let right = Chart(title: "against the perfect player", x: Axis("Simulations per move", scale: .log), y: Axis("Result kept", domain: 0...1), width: 451, height: 190) {
                for seat in ["first", "second"] {
                    let points = perfectBudgets.map { n -> DataPoint in
                        let games = perfect.points.filter { $0.parameter.simulations == n && $0.parameter.seat == seat }.map { $0.replicates[0] }.filter { $0.value >= 0 }
                        return DataPoint(x: Double(n), y: Double(games.filter { $0.result == $0.value }.count) / Double(max(1, games.count)))
                    }
                    LineMark(points: points, series: seat == "first" ? "red (first)" : "yellow (second)")
                    PointMark(points: points, series: seat == "first" ? "red (first)" : "yellow (second)")
                }
            }
            return FigureSpec(panels: [left, right], columns: 1)
        }
        Claim("clm-mcts-c4-random", "From 100 simulations on, MCTS almost never loses a Connect Four game to the random player: at most 2% of its 180 games with 100 to 10,000 simulations, in either seat.") { results in
            let games = try results[randomGames].points.filter { $0.parameter.simulations >= 100 }
            let losses = games.map { counts($0.replicates).losses }.reduce(0, +)
            let total = games.map(\.replicates.count).reduce(0, +)
            return ClaimCheck(Double(losses) / Double(max(total, 1)), .atMost(0.02), unit: "(share of games lost)", detail: "\(losses) losses in \(total) games")
        }
        Claim("clm-mcts-c4-perfect", "Against perfect defence the budget matters far more: with 10,000 simulations MCTS keeps the result it was given in clearly more games than with 100.") { results in
            let perfect = try results[perfectGames]
            func kept(_ n: Int) -> Double {
                let games = perfect.points.filter { $0.parameter.simulations == n }.map { $0.replicates[0] }.filter { $0.value >= 0 }
                return Double(games.filter { $0.result == $0.value }.count) / Double(games.count)
            }
            return ClaimCheck(kept(10_000) - kept(100), .atLeast(0.15), unit: "(gain in the fraction kept, 100 to 10,000 simulations)",
                              detail: "kept at 100 / 1,000 / 10,000: " + perfectBudgets.map { String(format: "%.2f", kept($0)) }.joined(separator: " / "))
        }
    }
    Section("Mistakes on Pons' positions", id: "sec-mcts-c4-quality") {
        Prose("""
            @fig-mcts-pons counts mistakes on Pons' sets: every tenth position of the end-game and \
            the two middle-game sets, and every twentieth of the two easier beginning sets (their \
            positions take the solver seconds each; the hardest beginning set, Test_L1_R3, is left \
            to the solver benchmark).
            """)
        ponsQuality
        openingQuality
        Figure("fig-mcts-pons", caption: "Fraction of positions where UCT ($c = \\sqrt{2}$) makes no mistake, per Pons benchmark set, against the number of simulations: 100 positions each for the end and middle sets, 50 for the beginning sets.") { results in
            let sets = try mistakeFree(results)
            return Chart(x: Axis("Simulations per move", scale: .log), y: Axis("Positions without a mistake", domain: 0...1), width: 420, height: 250) {
                for (file, fractions) in sets {
                    let points = zip(ponsBudgets, fractions).map { DataPoint(x: Double($0), y: $1) }
                    LineMark(points: points, series: "\(file) (\(describe(file)))")
                    PointMark(points: points, series: "\(file) (\(describe(file)))")
                }
            }
        }
        Claim("clm-mcts-c4-easy", "On the end-game and the easy middle-game positions, 1,000 simulations make at most one mistake in a hundred positions.") { results in
            let sets = try mistakeFree(results)
            let worst = sets.filter { ["Test_L3_R1", "Test_L2_R1"].contains($0.file) }.map { $0.fractions[1] }.min()!
            return ClaimCheck(worst, .atLeast(0.99), unit: "(fraction without a mistake, worse of the two sets)")
        }
        Claim("clm-mcts-c4-beginning", "At the beginning of the game the easy set is handled from 1,000 simulations on, while the medium set keeps a few mistakes even at 10,000.") { results in
            let sets = try mistakeFree(results)
            let easy = sets.first { $0.file == "Test_L1_R1" }!.fractions
            let medium = sets.first { $0.file == "Test_L1_R2" }!.fractions
            return ClaimCheck(min(easy[1], easy[2]), .atLeast(1), unit: "(fraction without a mistake, easy set, 1,000 and 10,000)",
                              and: [ClaimCheck(1 - medium[2], .atLeast(0.02), unit: "(fraction with a mistake, medium set, 10,000)")])
        }
        Claim("clm-mcts-c4-mistakes", "Unlike in tic-tac-toe, 10,000 simulations do not make MCTS perfect: on the medium middle-game set it still errs in at least three positions in a hundred, which the solver exposes.") { results in
            let medium = try mistakeFree(results).first { $0.file == "Test_L2_R2" }!.fractions[2]
            return ClaimCheck(1 - medium, .atLeast(0.03), unit: "(fraction of positions with a mistake)")
        }
    }
    Section("Where the simulations go", id: "sec-mcts-c4-root") {
        Prose("""
            @fig-mcts-c4-root shows the first of 20 searches on the first position of the medium \
            middle-game set that has exactly one winning move among at least five legal ones. The \
            search does not know the move wins, but its rollouts usually make it look best, and it \
            gets the largest share of the visits.
            """)
        root
        Figure("fig-mcts-c4-root", caption: "The root's visit distribution after 10,000 simulations (shares above the columns) and the solver's verdict on each move in the cell where its disc would land: W wins, D draws, L loses.") { results in
            let snapshot = try results[root].points[0].replicates[0]
            let position = try ConnectFour(moves: snapshot.moves)
            let total = Double(snapshot.visits.reduce(0, +))
            var labels = [[String?]](repeating: [String?](repeating: nil, count: ConnectFour.width), count: ConnectFour.height)
            for (column, outcome) in snapshot.outcomes.enumerated() {
                guard let outcome, let row = (0..<ConnectFour.height).first(where: { ConnectFourLab.stones(position)[$0][column] == .empty }) else { continue }
                labels[row][column] = outcome > 0 ? "W" : outcome == 0 ? "D" : "L"
            }
            let board = BoardView(stones: ConnectFourLab.stones(position), style: .connectFour, labels: labels, overlay: [snapshot.visits.map { Double($0) / total }])
            return FigureSpec(panels: [board.chart(title: "Pons position \(snapshot.moves)", width: 300)], columns: 1)
        }
        Claim("clm-mcts-c4-root", "In at least three searches in four the most visited move is the solver's only winning move, and on average that move gets at least 40% of the root's visits.") { results in
            let snapshots = try results[root].points[0].replicates
            var found = 0
            var shares = [Double]()
            for snapshot in snapshots {
                let top = snapshot.visits.indices.max { snapshot.visits[$0] < snapshot.visits[$1] }!
                let winning = snapshot.outcomes.indices.filter { snapshot.outcomes[$0] == 1 }
                if winning == [top] { found += 1 }
                shares.append(winning.count == 1 ? Double(snapshot.visits[winning[0]]) / Double(snapshot.visits.reduce(0, +)) : 0)
            }
            return ClaimCheck(Double(found) / Double(max(snapshots.count, 1)), .atLeast(0.75), unit: "(share of searches where it is the most visited)",
                              detail: "\(found) of \(snapshots.count) searches; the winning move's share of visits \(String(format: "%.2f", shares.min() ?? 0))–\(String(format: "%.2f", shares.max() ?? 0))",
                              and: [ClaimCheck(SampleSummary(shares).mean, .atLeast(0.4), unit: "(mean share of visits of the winning move)")])
        }
    }
}
