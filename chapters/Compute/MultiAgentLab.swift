import Foundation
import GameTheory
import Randomness

/// The classic games of the chapter, by title.
enum MultiAgentLab {
    static let classicGames = [
        ClassicGames.prisonersDilemma, ClassicGames.rockPaperScissors, ClassicGames.battleOfTheSexes, ClassicGames.stagHunt,
        ClassicGames.chicken, ClassicGames.shapley, ClassicGames.matchingPennies, ClassicGames.coordination,
        ClassicGames.biasedRockPaperScissors, ClassicGames.climbing,
    ]

    /// The classic game titled `title`; a title the catalogue lacks is a programming error in the
    /// chapter's parameters, stopped with the valid titles.
    static func game(_ title: String) -> NormalFormGame {
        guard let game = classicGames.first(where: { $0.title == title }) else {
            preconditionFailure("no classic game titled '\(title)'; titles: \(classicGames.map(\.title).joined(separator: ", "))")
        }
        return game
    }

    /// Steps 1, 2, 3, ... spaced evenly on a log scale up to `last`.
    static func logSteps(upTo last: Int, perDecade: Int = 10) -> [Int] {
        let decades = log10(Double(last))
        let raw = (0...Int(decades * Double(perDecade))).map { Int((pow(10, Double($0) / Double(perDecade))).rounded()) } + [last]
        return Array(Set(raw)).sorted()
    }

    /// The least-squares slope of log y against log x over the points with x in `range`.
    static func logLogSlope(_ points: [(x: Int, y: Double)], from low: Int, to high: Int) -> Double {
        let used = points.filter { $0.x >= low && $0.x <= high && $0.y > 0 }.map { (log(Double($0.x)), log($0.y)) }
        let mx = used.map(\.0).reduce(0, +) / Double(used.count)
        let my = used.map(\.1).reduce(0, +) / Double(used.count)
        let sxy = used.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        let sxx = used.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        return sxy / sxx
    }
}

// MARK: Independent learners

/// Two independent ε-greedy Q-learners repeating one game.
struct LearnerRun: Codable, Sendable {
    /// Each learner's greedy action in each of the last `tracedRounds` rounds.
    var rowGreedy: [Int]
    var columnGreedy: [Int]
    /// Changes of either learner's greedy action in the second half of the run.
    var switchesInSecondHalf: Int
    /// NashConv of the current policies, averaged over the second half of the run.
    var meanNashConvInSecondHalf: Double
    /// The greedy joint action at the end, and whether it is a pure equilibrium.
    var finalJoint: [Int]
    var finalIsEquilibrium: Bool
}

extension MultiAgentLab {
    static let learnerSteps = 20_000
    static let tracedRounds = 1_000
    /// Small steps, so that each greedy action lasts long enough to see.
    static let learnerSettings = QLearningSettings(stepSize: 0.01, exploration: 0.1)

    static func independentLearners(_ title: String, using generator: inout Xoshiro256StarStar) -> LearnerRun {
        let game = game(title)
        var learners = IndependentQLearners(game: game.bimatrix!, settings: learnerSettings)
        func greedy(_ values: [Double]) -> Int { values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }! }
        var rows = [Int]()
        var columns = [Int]()
        var switches = 0
        var nashConv = 0.0
        var last = [greedy(learners.rowValues), greedy(learners.columnValues)]
        for step in 1...learnerSteps {
            learners.step(using: &generator)
            let now = [greedy(learners.rowValues), greedy(learners.columnValues)]
            if step > learnerSteps / 2 {
                if now != last { switches += 1 }
                nashConv += learners.nashConv / Double(learnerSteps / 2)
            }
            last = now
            if step > learnerSteps - tracedRounds {
                rows.append(now[0])
                columns.append(now[1])
            }
        }
        return LearnerRun(rowGreedy: rows, columnGreedy: columns, switchesInSecondHalf: switches, meanNashConvInSecondHalf: nashConv, finalJoint: last,
                          finalIsEquilibrium: game.isPureEquilibrium(last))
    }

    /// The ε-greedy probability of `action` when `greedy` is the greedy action among `count`.
    static func policyProbability(of action: Int, greedy: Int, count: Int) -> Double {
        (action == greedy ? 1 - learnerSettings.exploration : 0) + learnerSettings.exploration / Double(count)
    }
}

// MARK: Normal-form analysis

/// Everything the chapter says about one classic game, computed.
struct GameAnalysis: Codable, Sendable {
    var title: String
    /// Strictly dominant strategies of each player.
    var dominant: [[Int]]
    var pureEquilibria: [[Int]]
    /// Whether each pure equilibrium is Pareto-dominated by another profile.
    var pureEquilibriumDominated: [Bool]
    /// Every equilibrium: row mix, column mix (exact fractions), payoffs.
    var equilibria: [[[String]]]
    var degenerate: Bool
    /// Zero-sum games: the value, and what a best response gains against each pure row strategy.
    var value: String?
    var pureExploitability: [Double]
    /// Payoff cells "a, b" with best responses in bold, and the equilibrium cells.
    var cells: [[String]]
    var equilibriumCells: [[Int]]
}

extension MultiAgentLab {
    static func analyse(_ title: String) -> GameAnalysis {
        let game = game(title)
        let bimatrix = game.bimatrix!
        let set = VertexEnumeration.solve(bimatrix, workers: 1)
        let zeroSum = game.isZeroSum ? ZeroSumSolver.solve(bimatrix.row) : nil
        let cells = (0..<bimatrix.rows).map { i in
            (0..<bimatrix.columns).map { j -> String in
                let rowBest = game.bestResponses(of: 0, to: [i, j]).contains(i)
                let columnBest = game.bestResponses(of: 1, to: [i, j]).contains(j)
                let a = bimatrix.row[i][j].description
                let b = bimatrix.column[i][j].description
                return (rowBest ? "**\(a)**" : a) + ", " + (columnBest ? "**\(b)**" : b)
            }
        }
        return GameAnalysis(
            title: title, dominant: [game.dominantStrategies(of: 0, kind: .strict), game.dominantStrategies(of: 1, kind: .strict)],
            pureEquilibria: game.pureEquilibria, pureEquilibriumDominated: game.pureEquilibria.map(game.isParetoDominated),
            equilibria: set.equilibria.map { [$0.row.map(\.description), $0.column.map(\.description), [$0.rowPayoff.description, $0.columnPayoff.description]] },
            degenerate: set.isDegenerate, value: zeroSum?.value.description,
            pureExploitability: zeroSum.map { solution in
                (0..<bimatrix.rows).map { i in solution.value.doubleValue - bimatrix.rowValues[i].min()! }
            } ?? [],
            cells: cells, equilibriumCells: game.pureEquilibria)
    }
}

// MARK: Existence

/// Equilibrium counts of random games of one size.
struct ExistenceCount: Codable, Sendable {
    var size: Int
    /// Number of equilibria of each game.
    var counts: [Int]
    /// Whether each game was found degenerate.
    var degenerate: [Bool]
}

extension MultiAgentLab {
    static let randomGames = 200

    /// Random size x size games with integer payoffs from -99 to 99.
    static func existence(size: Int, using generator: inout Xoshiro256StarStar) -> ExistenceCount {
        var counts = [Int]()
        var degenerate = [Bool]()
        for _ in 0..<randomGames {
            let game = randomGame(size, using: &generator)
            let set = VertexEnumeration.solve(game, workers: 1)
            counts.append(set.equilibria.count)
            degenerate.append(set.isDegenerate)
        }
        return ExistenceCount(size: size, counts: counts, degenerate: degenerate)
    }

    static func randomGame(_ size: Int, using generator: inout Xoshiro256StarStar) -> Bimatrix {
        Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
    }
}

/// Median wall-clock seconds of vertex enumeration (and, up to 12 x 12, of support enumeration)
/// on random games of one size.
struct SolverTiming: Codable, Sendable {
    var size: Int
    var games: Int
    var medianSeconds: Double
    /// Support enumeration's median on the same games; nil where it was not run.
    var supportMedianSeconds: Double?
    var medianEquilibria: Int
    /// Vertices of both best-response polytopes, median over the games.
    var medianVertices: Int
}

extension MultiAgentLab {
    static func solverTiming(size: Int, using generator: inout Xoshiro256StarStar) -> SolverTiming {
        let games = size >= 16 ? 5 : 11
        let workers = ProcessInfo.processInfo.activeProcessorCount
        var seconds = [Double]()
        var supportSeconds = [Double]()
        var counts = [Int]()
        var vertices = [Int]()
        func timed(_ work: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        for _ in 0..<games {
            let game = randomGame(size, using: &generator)
            var result: ExtremeEquilibria?
            seconds.append(timed { result = VertexEnumeration.solve(game, workers: workers) })
            counts.append(result!.equilibria.count)
            vertices.append(result!.vertices.reduce(0, +))
            if size <= 12 { supportSeconds.append(timed { _ = SupportEnumeration.solve(game, workers: workers) }) }
        }
        func median<T: Comparable>(_ values: [T]) -> T { values.sorted()[values.count / 2] }
        return SolverTiming(size: size, games: games, medianSeconds: median(seconds), supportMedianSeconds: supportSeconds.isEmpty ? nil : median(supportSeconds),
                            medianEquilibria: median(counts), medianVertices: median(vertices))
    }
}

// MARK: Degenerate games

/// Random 0/1 games, solved by support enumeration and by vertex enumeration.
struct DegenerateStudy: Codable, Sendable {
    var size: Int
    /// Per game: extreme equilibria, those support enumeration listed, maximal Nash subsets,
    /// and whether the game is degenerate.
    var extreme: [Int]
    var supportFound: [Int]
    var subsets: [Int]
    var degenerate: [Bool]
    /// Games where support enumeration listed something vertex enumeration did not (must be none).
    var supportOutside: Int
}

extension MultiAgentLab {
    static let binaryGames = 200

    static func degenerateStudy(size: Int, using generator: inout Xoshiro256StarStar) -> DegenerateStudy {
        var study = DegenerateStudy(size: size, extreme: [], supportFound: [], subsets: [], degenerate: [], supportOutside: 0)
        for _ in 0..<binaryGames {
            let game = Bimatrix.random(rows: size, columns: size, payoffs: 0...1, using: &generator)
            let all = VertexEnumeration.solve(game, workers: 1)
            let supports = SupportEnumeration.solve(game)
            study.extreme.append(all.equilibria.count)
            study.supportFound.append(supports.equilibria.count)
            study.subsets.append(all.subsets.count)
            study.degenerate.append(all.isDegenerate)
            if !Set(supports.equilibria).isSubset(of: Set(all.equilibria)) { study.supportOutside += 1 }
        }
        return study
    }
}
