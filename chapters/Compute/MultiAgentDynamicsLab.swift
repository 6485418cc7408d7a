import AlphaZero
import Foundation
import GameTheory
import Randomness

// MARK: Cooperation

/// Who learns on the climbing game: two independent Q-learners, or one learner of joint actions.
enum ClimbingLearner: String, Codable, Sendable, CaseIterable {
    case independent, joint
}

/// One run of learners on the climbing game.
struct ClimbingRun: Codable, Sendable {
    /// The greedy joint action at the end and the shared reward it earns.
    var joint: [Int]
    var reward: Double
    /// Independent learners: the row agent's value of each of its actions at the end.
    var rowValues: [Double]
}

extension MultiAgentLab {
    static func climbing(_ learner: ClimbingLearner, using generator: inout Xoshiro256StarStar) -> ClimbingRun {
        let game = ClassicGames.climbing.bimatrix!
        let settings = QLearningSettings(stepSize: 0.1, exploration: 0.1)
        if learner == .joint {
            var joint = JointActionLearner(game: game, settings: settings)
            for _ in 0..<learnerSteps { joint.step(using: &generator) }
            let (i, j) = joint.greedyJointAction
            return ClimbingRun(joint: [i, j], reward: game.rowValues[i][j], rowValues: [])
        }
        var learners = IndependentQLearners(game: game, settings: settings)
        for _ in 0..<learnerSteps { learners.step(using: &generator) }
        let i = learners.rowValues.indices.max { learners.rowValues[$0] < learners.rowValues[$1] }!
        let j = learners.columnValues.indices.max { learners.columnValues[$0] < learners.columnValues[$1] }!
        return ClimbingRun(joint: [i, j], reward: game.rowValues[i][j], rowValues: learners.rowValues)
    }
}

// MARK: Fictitious play and regret matching

/// NashConv along one run of fictitious play and of regret matching on one game.
struct ConvergenceRun: Codable, Sendable {
    var steps: [Int]
    var fictitiousPlay: [Double]
    var regretMatching: [Double]
    /// Lengths of the runs of identical joint actions under fictitious play.
    var runLengths: [Int]
    /// Rock-paper-scissors only: regret matching's current and average row mixes, every
    /// `pathStep`-th of the first `pathSteps` steps.
    var regretPath: [[Double]]
    var averagePath: [[Double]]
}

extension MultiAgentLab {
    static let convergenceSteps = 100_000
    static let pathSteps = 3_000
    static let pathStep = 5

    /// Fictitious play from the opening (first row, second column), which is off the diagonal of
    /// Shapley's game; regret matching from the pure mixes (first row; second column).
    static func convergence(_ title: String) -> ConvergenceRun {
        let game = game(title).bimatrix!
        let recorded = logSteps(upTo: convergenceSteps)
        var fp = FictitiousPlay(game: game, openingRow: 0, openingColumn: 1)
        var rm = RegretMatching(game: game, row: (0..<game.rows).map { $0 == 0 ? 1 : 0 }, column: (0..<game.columns).map { $0 == 1 ? 1 : 0 })
        var fpCurve = [Double]()
        var rmCurve = [Double]()
        var runs = [Int]()
        var length = 1
        var last = fp.lastActions
        var regretPath = [[Double]]()
        var averagePath = [[Double]]()
        let tracesPath = title == ClassicGames.rockPaperScissors.title
        for step in 1...convergenceSteps {
            if step > 1 {
                fp.step()
                if fp.lastActions == last { length += 1 } else {
                    runs.append(length)
                    (length, last) = (1, fp.lastActions)
                }
            }
            rm.step()
            if tracesPath && step <= pathSteps && step % pathStep == 0 {
                regretPath.append(rm.row)
                averagePath.append(rm.averageRow)
            }
            if recorded.contains(step) {
                fpCurve.append(fp.nashConv)
                rmCurve.append(rm.nashConv)
            }
        }
        return ConvergenceRun(steps: recorded, fictitiousPlay: fpCurve, regretMatching: rmCurve, runLengths: runs,
                              regretPath: regretPath, averagePath: averagePath)
    }
}

// MARK: Replicator dynamics

/// An orbit of the replicator dynamics of rock-paper-scissors under one integrator.
struct ReplicatorRun: Codable, Sendable {
    var integrator: String
    /// Every 20th point of the orbit.
    var points: [[Double]]
    /// Largest distance of x1 + x2 + x3 from 1 along the orbit.
    var sumDrift: Double
    /// x1 x2 x3 at the end relative to the start.
    var productRatio: Double
}

extension MultiAgentLab {
    static let replicatorStart = [0.5, 0.3, 0.2]

    static func replicator(_ integrator: Integrator) -> ReplicatorRun {
        let dynamics = ReplicatorDynamics(payoffs: ClassicGames.rockPaperScissors.bimatrix!.rowValues)
        let orbit = dynamics.orbit(from: replicatorStart, steps: 20_000, by: 0.01, using: integrator)
        let product = { (x: [Double]) in x.reduce(1, *) }
        return ReplicatorRun(integrator: integrator.rawValue, points: orbit.enumerated().filter { $0.offset % 20 == 0 }.map(\.element),
                             sumDrift: orbit.map { abs($0.reduce(0, +) - 1) }.max()!, productRatio: product(orbit.last!) / product(replicatorStart))
    }
}

// MARK: Self-play

/// Exploitability (NashConv / 2) along naive self-play, fictitious self-play and regret matching.
struct SelfPlayRun: Codable, Sendable {
    var steps: [Int]
    var naive: [Double]
    var pool: [Double]
    var regretMatching: [Double]
    /// The game's value by linear programming, exactly.
    var value: String
}

extension MultiAgentLab {
    static let selfPlayIterations = 10_000

    static func selfPlay(_ title: String) -> SelfPlayRun {
        let game = title == KuhnPoker.game.title ? KuhnPoker.game.bimatrix! : self.game(title).bimatrix!
        let recorded = logSteps(upTo: selfPlayIterations)
        var naive = SelfPlayDynamics(game: game, opponent: .latest)
        var pool = SelfPlayDynamics(game: game, opponent: .pool)
        // Regret matching from the first pure strategies (from uniform it would sit at rock-paper-scissors' equilibrium).
        var rm = RegretMatching(game: game, row: (0..<game.rows).map { $0 == 0 ? 1 : 0 }, column: (0..<game.columns).map { $0 == 0 ? 1 : 0 })
        var curves: [[Double]] = [[], [], []]
        for step in 1...selfPlayIterations {
            naive.step()
            pool.step()
            rm.step()
            if recorded.contains(step) {
                curves[0].append(naive.nashConv / 2)
                curves[1].append(pool.nashConv / 2)
                curves[2].append(rm.nashConv / 2)
            }
        }
        return SelfPlayRun(steps: recorded, naive: curves[0], pool: curves[1], regretMatching: curves[2],
                           value: ZeroSumSolver.solve(game.row).value.description)
    }
}

// MARK: Evaluation

/// A population evaluated by Elo from sampled games, against its true pairwise scores.
struct EloRun: Codable, Sendable {
    var names: [String]
    /// Expected score of i against j (wins plus half the draws), exactly from the strategies.
    var expected: [[Double]]
    var ratings: [Double]
    /// The Elo model's predicted score of i against j.
    var predicted: [[Double]]
    /// Scores against the fixed opponents Rock, Paper and Scissors.
    var againstFixed: [[Double]]
}

/// A population rated by Elo: cyclic (rock-paper-scissors specialists) or transitive.
enum PopulationKind: String, Codable, Sendable, CaseIterable {
    case cyclic, transitive
}

extension MultiAgentLab {
    static let eloGames = 2_000

    /// Players of rock-paper-scissors: mostly-Rock, mostly-Paper, mostly-Scissors (90% on the named
    /// move) and the uniform mix; or a transitive population mixing only Rock and Paper, where the
    /// more Paper a player plays, the more it beats every player with less (the expected score is
    /// linear in the difference of Paper shares).
    static func population(_ kind: PopulationKind) -> (names: [String], mixes: [[Double]]) {
        if kind == .cyclic {
            return (["mostly Rock", "mostly Paper", "mostly Scissors", "uniform"],
                    [[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9], [1.0 / 3, 1.0 / 3, 1.0 / 3]])
        }
        let paper = [0.1, 0.3, 0.5, 0.7, 0.9]
        return (paper.map { String(format: "Paper %.0f%%, Rock %.0f%%", 100 * $0, 100 * (1 - $0)) }, paper.map { [1 - $0, $0, 0] })
    }

    static func elo(_ kind: PopulationKind, using generator: inout Xoshiro256StarStar) -> EloRun {
        let (names, mixes) = population(kind)
        let n = names.count
        // Row's points in rock-paper-scissors: 1 win, 1/2 draw, 0 loss.
        let points = [[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]]
        func expectedScore(_ a: [Double], _ b: [Double]) -> Double {
            (0..<3).reduce(0) { total, i in total + (0..<3).reduce(0) { $0 + a[i] * b[$1] * points[i][$1] } }
        }
        func draw(_ mix: [Double]) -> Int {
            let u = generator.uniformUnit()
            return u < mix[0] ? 0 : (u < mix[0] + mix[1] ? 1 : 2)
        }
        var scores = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var games = scores
        for i in 0..<n {
            for j in (i + 1)..<n {
                for _ in 0..<eloGames {
                    let result = points[draw(mixes[i])][draw(mixes[j])]
                    scores[i][j] += result
                    scores[j][i] += 1 - result
                }
                games[i][j] = Double(eloGames)
                games[j][i] = Double(eloGames)
            }
        }
        let ratings = EloRatings.fit(scores: scores, games: games)
        let predicted = (0..<n).map { i in (0..<n).map { j in 1 / (1 + pow(10, (ratings[j] - ratings[i]) / 400)) } }
        let pure: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        return EloRun(names: names, expected: mixes.map { a in mixes.map { expectedScore(a, $0) } }, ratings: ratings,
                      predicted: predicted, againstFixed: mixes.map { a in pure.map { expectedScore(a, $0) } })
    }
}

// MARK: Credit assignment in a team

/// One team of the credit-assignment experiment: its size and the reward its agents learn from.
struct TeamPoint: Codable, Hashable, Sendable {
    var agents: Int
    var signal: TeamSignal
}

extension MultiAgentLab {
    /// The team sizes compared.
    static let teamSizes = [2, 4, 8, 16, 32]
    /// Each action's contribution to the team reward (action 0 is the default).
    static let teamContributions = [0, 0.25, 0.5, 0.75, 1.0]
    /// Rounds per run, and how often the share of agents on the best action is taken.
    static let teamSteps = 3_000
    static let teamCheckpointEvery = 50

    static func team(_ point: TeamPoint, using generator: inout Xoshiro256StarStar) -> TeamLearningRun {
        learnTeam(
            TeamBandit(agents: point.agents, contributions: teamContributions), signal: point.signal, steps: teamSteps, every: teamCheckpointEvery,
            settings: QLearningSettings(stepSize: 0.1, exploration: 0.1), using: &generator)
    }
}
