import GameTheory
import Randomness

/// One run of the value-decomposition experiment: which cooperative game and which learners.
struct DecompositionPoint: Codable, Hashable, Sendable {
    /// The game's name, as in `ValueDecompositionLab.games`.
    var game: String
    var kind: DecompositionKind
}

/// Independent learners, VDN and QMIX on the QMIX paper's two-step game and on a penalised
/// coordination game where monotonic mixing fails.
enum ValueDecompositionLab {
    /// The games, by name.
    static let games = [CooperativeGame.twoStep, CooperativeGame.penalisedCoordination]
    /// Training: 6,000 Adam steps of 16 uniformly random episodes each, the step size falling from 0.005 to 0, γ = 0.99, a mixing layer of width 16.
    static let settings = DecompositionSettings(steps: 6_000, episodesPerStep: 16, learningRate: 0.005, discount: 0.99, embedding: 16)
    /// Every game with every kind of learner.
    static let points = games.flatMap { game in DecompositionKind.allCases.map { DecompositionPoint(game: game.name, kind: $0) } }

    static func game(named name: String) -> CooperativeGame { games.first { $0.name == name }! }

    static func run(_ point: DecompositionPoint, using generator: inout Xoshiro256StarStar) -> DecompositionResult {
        trainDecomposition(game(named: point.game), kind: point.kind, settings: settings, using: &generator)
    }
}
