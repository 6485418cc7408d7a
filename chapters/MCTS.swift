import Charts
import Foundation
import Games
import Notebook
import Search

/// The modules and compute files every experiment of the chapter runs.
private let uses: [SourceUse] = [.module("Search"), .file("chapters/Compute/MCTSExperiments.swift"), .file("chapters/Compute/MCTSConnectFourLab.swift")]
private let budgets = [10, 100, 1000, 10_000]

private let strength = Experiment(
    "exp-ttt-strength",
    parameters: budgets.flatMap { n in StrengthPoint.Opponent.allCases.flatMap { o in Seat.allCases.map { StrengthPoint(simulations: n, opponent: o, seat: $0) } } },
    replicates: 50
) { point, generator in
    MCTSLab.strength(point, using: &generator)
}

private let quality = Experiment(
    "exp-ttt-quality", parameters: [10, 30, 100, 300, 1000, 3000].map { QualityPoint(simulations: $0, exploration: 2.0.squareRoot()) },
    replicates: 1
) { point, generator in
    MCTSLab.quality(point, stride: 1, using: &generator)
}

private let explorationValues = [0.25, 0.5, 1, 1.41, 2, 4]
private let explorationBudgets = [30, 100, 300, 1000]

private let exploration = Experiment(
    "exp-ttt-exploration",
    parameters: explorationValues.flatMap { c in explorationBudgets.map { QualityPoint(simulations: $0, exploration: c) } },
    replicates: 1
) { point, generator in
    MCTSLab.quality(point, stride: 4, using: &generator)
}

private let rules = Experiment("exp-ttt-rules", parameters: [30, 100, 300], replicates: 1) { simulations, generator in
    MCTSLab.rules(simulations: simulations, using: &generator)
}

private let tree = Experiment("exp-ttt-tree", parameters: ["1"], replicates: 20) { moves, generator in
    try MCTSLab.tree(moves: moves, simulations: 1000, using: &generator)
}

let mctsChapter = Chapter("mcts", title: "Monte Carlo tree search", uses: uses) {
    Prose("""
        Dyna spends its model on every state it has seen; decision-time planning spends it on the \
        state in front of it. Monte Carlo tree search (MCTS) [@browne2012survey] is the best-known form: with a model of \
        the game (here the rules themselves, so the model is exact) it grows a search tree from the \
        current position, one simulated game at a time, and concentrates the simulations on the moves \
        that look best while still trying the others now and then. When the budget is spent it \
        plays a move and throws the tree away, or keeps the part below the move it played.
        """)
    Section("Four steps per simulation", id: "sec-mcts-steps") {
        Prose("""
            Each simulation descends from the root choosing children by a tree policy (*selection*), \
            adds the children of the leaf it reaches (*expansion*), values the leaf by playing random \
            moves to the end of the game (*evaluation*, a rollout) and adds that result to the visit \
            count $N$ and the value sum of every node on the path (*backup*). The tree policy of UCT \
            [@kocsis2006uct] treats each node as a bandit problem, with the UCB1 rule of \
            @auer2002ucb, and picks the child maximising
            """)
        Equation("\\text{UCB}(s, a) = \\underbrace{Q(s, a)}_{\\text{exploitation}} + \\underbrace{c \\sqrt{\\frac{\\ln N(s)}{N(s, a)}}}_{\\text{exploration}}", id: "eq-uct")
        Prose("""
            In @eq-uct $Q(s,a)$ is the mean result of the simulations through the move and $c$ sets how much \
            an uncertain move is worth trying. This chapter's search is the project's own `Search` \
            library; the exact solvers of the `Games` library say which moves are optimal. Everything \
            below starts with tic-tac-toe, whose 4,520 non-terminal positions can all be checked, and \
            then turns to Connect Four, with the benchmark positions of @pons2019solver as ground truth.
            """)
    }
    Section("Strength against budget", id: "sec-mcts-strength") {
        Prose("""
            @fig-mcts-strength plays UCT with budgets from 10 to 10,000 simulations in both seats, \
            50 games each, against a random player and against a perfect one.
            """)
        strength
        Figure("fig-mcts-strength", caption: "Results of UCT ($c = \\sqrt{2}$, random rollouts) with 10 to 10,000 (10k) simulations per move against a uniformly random player and against a perfect player (the exact solver, random among optimal moves), playing X (first) or O (second); 50 games each, win-rate whiskers are Wilson 95% intervals.") { results in
            let r = try results[strength]
            let panels = StrengthPoint.Opponent.allCases.map { opponent -> Chart in
                let points = r.points.filter { $0.parameter.opponent == opponent }
                return StackedBarView(
                    categories: points.map { "\(shortCount($0.parameter.simulations)) \($0.parameter.seat == .first ? "X" : "O")" },
                    bars: points.map { point in
                        let c = counts(point.replicates)
                        let n = point.replicates.count
                        return [.init("win", Double(c.wins) / Double(n), interval: wilson(c.wins, n)), .init("draw", Double(c.draws) / Double(n)), .init("loss", Double(c.losses) / Double(n))]
                    },
                    yTitle: "Fraction of games"
                ).chart(title: "against the \(opponent.rawValue) player", width: 225, height: 220)
            }
            return FigureSpec(panels: panels, columns: 2, sharedLegend: true)
        }
        Claim("clm-mcts-beats-random", "From 100 simulations on, MCTS almost never loses to the random player: at most 2% of its 300 games with 100 to 10,000 simulations, in either seat.") { results in
            let games = try results[strength].points.filter { $0.parameter.opponent == .random && $0.parameter.simulations >= 100 }
            let losses = games.map { counts($0.replicates).losses }.reduce(0, +)
            let total = games.map(\.replicates.count).reduce(0, +)
            return ClaimCheck(Double(losses) / Double(max(total, 1)), .atMost(0.02), unit: "(share of games lost)", detail: "\(losses) losses in \(total) games")
        }
        Claim("clm-mcts-perfect", "Against perfect play a small budget is punished, in the second seat most: with 100 simulations MCTS loses at least a third of those games, with 10,000 it draws them all.") { results in
            let r = try results[strength]
            let small = try counts(r.replicates(at: StrengthPoint(simulations: 100, opponent: .perfect, seat: .second)))
            let large = r.points.filter { $0.parameter.opponent == .perfect && $0.parameter.simulations == 10_000 }.map { counts($0.replicates).losses }.reduce(0, +)
            return ClaimCheck(Double(small.losses) / 50, .atLeast(1.0 / 3), unit: "(losses at 100 simulations, second seat)", and: [ClaimCheck(Double(large), .atMost(0), unit: "losses at 10,000 simulations")])
        }
    }
    Section("Move quality", id: "sec-mcts-quality") {
        Prose("""
            Winning games against weak opponents hides mistakes that go unpunished. The solver exposes \
            them: @fig-mcts-quality plays one search from every non-terminal position and counts how \
            often the chosen move is one of the optimal ones.
            """)
        quality
        Figure("fig-mcts-quality", caption: "Fraction of the 4,520 non-terminal tic-tac-toe positions where UCT ($c = \\sqrt{2}$) picks a solver-optimal move, against the number of simulations (log scale).") { results in
            let points = try results[quality].points
            return Chart(x: Axis("Simulations per move", scale: .log), y: Axis("Optimal moves", domain: 0.8...1), width: 420, height: 230, legend: .hidden) {
                LineMark(points: points.map { DataPoint(x: Double($0.parameter.simulations), y: $0.replicates[0]) }, series: "UCT")
                PointMark(points: points.map { DataPoint(x: Double($0.parameter.simulations), y: $0.replicates[0]) }, series: "UCT")
            }
        }
        Claim("clm-mcts-quality", "With 10 simulations MCTS errs in more than one position in ten; from 1,000 on it finds an optimal move in at least 99.9% of them.") { results in
            let points = try results[quality].points
            let small = points.first { $0.parameter.simulations == 10 }!.replicates[0]
            let large = points.filter { $0.parameter.simulations >= 1000 }.map { $0.replicates[0] }.min()!
            return ClaimCheck(large, .atLeast(0.999), unit: "(fraction optimal from 1,000 simulations)", and: [ClaimCheck(small, .atMost(0.9), unit: "(fraction optimal at 10)")])
        }
    }
    Section("The exploration constant", id: "sec-mcts-exploration") {
        Prose("""
            Small $c$ trusts early estimates and can lock onto a move that a few lucky rollouts \
            flattered; large $c$ spreads the budget evenly and learns little about any move. \
            @fig-mcts-exploration measures move quality over a grid of $c$ and budgets, on every \
            fourth non-terminal position.
            """)
        exploration
        Figure("fig-mcts-exploration", caption: "Fraction of solver-optimal moves over the exploration constant $c$ and the number of simulations (1,130 positions per cell); the best cell is outlined.") { results in
            let r = try results[exploration]
            let values = try explorationValues.map { c in try explorationBudgets.map { n in try r.replicates(at: QualityPoint(simulations: n, exploration: c)).first } }
            let flat = values.enumerated().flatMap { row in row.element.enumerated().map { (row.offset, $0.offset, $0.element ?? 0) } }
            let best = flat.max { $0.2 < $1.2 }!
            return HeatMapView(
                columns: explorationBudgets.map { NumberText.fixed(Double($0), decimals: 0) }, rows: explorationValues.map { ClaimCheck.format($0) }, values: values,
                xTitle: "Simulations per move", yTitle: "Exploration constant c", valueTitle: "optimal", outlined: [(best.0, best.1)],
                format: { String(format: "%.3f", $0) }
            ).chart(width: 400, height: 260)
        }
        Claim("clm-mcts-best-c", "Averaged over the budgets, the best constant is in the middle of the range, between 1 and 2, and both extremes, 0.25 and 4, do worse. That is below UCB1's $\\sqrt{2}$ [@auer2002ucb], which assumes rewards in $[0, 1]$ and becomes $2\\sqrt{2} \\approx 2.8$ for results in $[-1, 1]$ as here.") { results in
            let r = try results[exploration]
            let means = try explorationValues.map { c in try explorationBudgets.map { n in try r.output(at: QualityPoint(simulations: n, exploration: c)) }.reduce(0, +) / Double(explorationBudgets.count) }
            let best = means.indices.max { means[$0] < means[$1] }!
            return ClaimCheck(
                explorationValues[best], .between(1, 2), unit: "(best c)",
                detail: "mean fractions: " + zip(explorationValues, means).map { "c = \(ClaimCheck.format($0)): \(String(format: "%.4f", $1))" }.joined(separator: ", "),
                and: [ClaimCheck(max(means.first!, means.last!), .atMost(means[best] - 0.004), unit: "(best of the extremes)")])
        }
    }
    Section("The final decision", id: "sec-mcts-final") {
        Prose("""
            Once the budget is spent the search must name a move. The usual advice is to take the most \
            visited child, not the one with the best mean, because a high visit count means the mean \
            is well estimated, while the best mean may belong to a move tried twice. A lower confidence \
            bound, $Q - 1/\\sqrt{N}$, is a compromise. The three rules read the same tree, so \
            @tbl-mcts-rules compares them on identical searches.
            """)
        rules
        Table("tbl-mcts-rules", caption: "Positions (of 1,130) where each final-move rule picks a solver-optimal move, on the same searches.") { results in
            let rows = try results[rules].points.map { point -> [String] in
                let run = point.replicates[0]
                return ["\(point.parameter)", "\(run.mostVisits)", "\(run.highestMean)", "\(run.lowerBound)"]
            }
            return TableData(header: ["simulations", "most visits", "highest mean", "lower bound"], rows: rows)
        }
        Claim("clm-mcts-rules", "In tic-tac-toe the choice hardly matters: at every budget the three rules pick an optimal move in the same number of positions to within 1%.") { results in
            let spreads = try results[rules].points.map { point -> Double in
                let r = point.replicates[0]
                let values = [r.mostVisits, r.highestMean, r.lowerBound].map(Double.init)
                return (values.max()! - values.min()!) / Double(r.positions)
            }
            return ClaimCheck(spreads.max()!, .atMost(0.01), unit: "(largest spread, fraction of positions)")
        }
    }
    Section("A look inside the tree", id: "sec-mcts-tree") {
        Prose("""
            @fig-mcts-tree shows the top of the tree after 1,000 simulations from the position where X \
            has taken a corner, and the root's visit distribution on the board, for the first of 20 \
            searches. O has exactly one reply that does not lose, the centre, and the search has \
            found it: more visits go there than anywhere else.
            """)
        tree
        Figure("fig-mcts-tree", caption: "Left: the root's visit distribution after 1,000 simulations (X in a corner, O to move). Right: the three most visited moves and their most visited replies, node size and edge width by visits, colour by mean value (blue good, orange bad, for the player who moved).") { results in
            let snapshot = try results[tree].points[0].replicates[0]
            let total = Double(snapshot.children.map(\.visits).reduce(0, +))
            var stones = [[BoardView.Stone]](repeating: [BoardView.Stone](repeating: .empty, count: 3), count: 3)
            stones[0][0] = .first
            var overlay = [[Double?]](repeating: [nil, nil, nil], count: 3)
            for child in snapshot.children { overlay[child.move / 3][child.move % 3] = Double(child.visits) / total }
            let board = BoardView(stones: stones, style: .ticTacToe, overlay: overlay).chart(title: "Root visits", width: 150)
            func name(_ cell: Int) -> String { "\(cell + 1)" }
            // The root's value for the player who moved into it is minus the children's visit-weighted mean.
            let rootValue = -snapshot.children.reduce(0.0) { $0 + Double($1.visits) * $1.mean } / total
            let root = SearchTreeView.Node(move: "", visits: Int(total), value: rootValue, children: snapshot.children.map { child in
                .init(move: name(child.move), visits: child.visits, value: child.mean, children: child.children.map { .init(move: name($0.move), visits: $0.visits, value: $0.mean) })
            })
            let treeChart = SearchTreeView(root: root, depth: 2, breadth: 3).chart(title: "Top of the tree", width: 301, height: 220)
            return FigureSpec(panels: [board, treeChart], columns: 2)
        }
        Claim("clm-mcts-tree-focus", "In at least 18 of 20 searches the most visited reply is the solver's only non-losing one, the centre, and on average it gets more than a third of the root's visits.") { results in
            let snapshots = try results[tree].points[0].replicates
            var found = 0
            var shares = [Double]()
            for snapshot in snapshots {
                let optimal = MCTSLab.solver.optimalMoves(try TicTacToe(moves: snapshot.moves))
                let top = snapshot.children.max { $0.visits < $1.visits }!
                if optimal == [top.move] { found += 1 }
                shares.append(Double(top.visits) / Double(snapshot.children.map(\.visits).reduce(0, +)))
            }
            let mean = SampleSummary(shares).mean
            return ClaimCheck(Double(found), .atLeast(18), unit: "of \(snapshots.count) searches on the centre", detail: "share of the most visited move \(String(format: "%.2f", shares.min() ?? 0))–\(String(format: "%.2f", shares.max() ?? 0))",
                              and: [ClaimCheck(mean, .atLeast(1.0 / 3), unit: "(mean share of the most visited move)")])
        }
    }
    mctsConnectFourSection
    mctsThroughputSection
}
