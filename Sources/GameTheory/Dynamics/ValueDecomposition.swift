import Foundation
import Randomness

/// How a team of two learners on a cooperative game values joint actions.
public enum DecompositionKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Independent Q-learners: each agent learns its own utility from the team reward alone.
    case independent
    /// Value-decomposition networks (Sunehag et al.): Q_tot = Q₁ + Q₂, trained on the team's TD error.
    case vdn
    /// QMIX (Rashid et al.): Q_tot a monotonic, state-conditioned mixing of Q₁ and Q₂.
    case qmix
}

/// Settings of centralised training of a two-agent team.
public struct DecompositionSettings: Hashable, Codable, Sendable {
    /// Gradient steps.
    public var steps: Int
    /// Episodes, played with uniformly random actions, per gradient step.
    public var episodesPerStep: Int
    /// Adam's initial step size (it falls linearly to zero over the run).
    public var learningRate: Double
    /// Discount γ.
    public var discount: Double
    /// Width of QMIX's mixing layer.
    public var embedding: Int

    /// The settings.
    public init(steps: Int = 6_000, episodesPerStep: Int = 16, learningRate: Double = 0.005, discount: Double = 0.99, embedding: Int = 16) {
        self.steps = steps
        self.episodesPerStep = episodesPerStep
        self.learningRate = learningRate
        self.discount = discount
        self.embedding = embedding
    }
}

/// What a team learned.
public struct DecompositionResult: Hashable, Codable, Sendable {
    /// `utilities[agent][state][action]`: each agent's own values, all it needs to act.
    public var utilities: [[[Double]]]
    /// `jointValues[state][a₁][a₂]`: the team's Q_tot (the sum of utilities for independent learners).
    public var jointValues: [[[Double]]]
    /// `greedy[agent][state]`: the action each agent takes executing alone (greedy in its utility).
    public var greedy: [[Int]]
    /// The return the two greedy agents earn together.
    public var greedyReturn: Double
}

/// Trains two agents on `game` with uniformly random exploration: independent Q-learning, VDN or
/// QMIX. The centralised learners minimise the squared TD error of Q_tot against
/// r + γ max Q_tot(s′, ·) over batches of transitions; the agents then act on their own utilities.
public func trainDecomposition<G: RandomNumberGenerator>(
    _ game: CooperativeGame, kind: DecompositionKind, settings: DecompositionSettings, using generator: inout G
) -> DecompositionResult {
    var team = DecomposedTeam(game: game, kind: kind, embedding: settings.embedding, using: &generator)
    var optimiser = FlatAdam(count: team.parameterCount, learningRate: settings.learningRate)
    for step in 0..<settings.steps {
        // The step size falls linearly to zero, so the last steps settle rather than jitter.
        optimiser.learningRate = settings.learningRate * Double(settings.steps - step) / Double(settings.steps)
        var transitions = [TeamTransition]()
        for _ in 0..<settings.episodesPerStep {
            var state: Int? = 0
            while let s = state {
                let (i, j) = (generator.uniformIndex(below: game.actions), generator.uniformIndex(below: game.actions))
                let next = game.stages[s].next[i][j]
                transitions.append(TeamTransition(state: s, actions: [i, j], reward: game.stages[s].rewards[i][j], next: next))
                state = next
            }
        }
        let gradient = team.lossGradient(transitions, discount: settings.discount)
        var parameters = team.parameters
        optimiser.step(&parameters, gradient: gradient)
        team.parameters = parameters
    }
    let greedy = (0..<2).map { agent in (0..<game.states).map { s in argmax(team.utilities[agent][s]) } }
    return DecompositionResult(
        utilities: team.utilities, jointValues: (0..<game.states).map(team.jointValues), greedy: greedy, greedyReturn: game.greedyReturn(greedy))
}

/// One transition of a team episode.
struct TeamTransition {
    var state: Int
    var actions: [Int]
    var reward: Double
    var next: Int?
}

/// Two agents' utility tables and, for QMIX, the mixer: the parameters trained centrally.
struct DecomposedTeam {
    let game: CooperativeGame
    let kind: DecompositionKind
    /// `utilities[agent][state][action]`.
    var utilities: [[[Double]]]
    var mixer: MonotonicMixer?

    init<G: RandomNumberGenerator>(game: CooperativeGame, kind: DecompositionKind, embedding: Int, using generator: inout G) {
        self.game = game
        self.kind = kind
        utilities = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: game.actions), count: game.states), count: 2)
        mixer = kind == .qmix ? MonotonicMixer(agents: 2, features: game.states, embedding: embedding, using: &generator) : nil
    }

    var tableCount: Int { 2 * game.states * game.actions }
    var parameterCount: Int { tableCount + (mixer?.parameters.count ?? 0) }

    /// The utilities, then the mixer's parameters.
    var parameters: [Double] {
        get { utilities.joined().joined() + (mixer?.parameters ?? []) }
        set {
            var k = 0
            for agent in 0..<2 {
                for s in 0..<game.states {
                    for a in 0..<game.actions {
                        utilities[agent][s][a] = newValue[k]
                        k += 1
                    }
                }
            }
            if mixer != nil { mixer!.parameters = Array(newValue[k...]) }
        }
    }

    private func index(agent: Int, state: Int, action: Int) -> Int { (agent * game.states + state) * game.actions + action }

    private func features(_ state: Int) -> [Double] { (0..<game.states).map { $0 == state ? 1 : 0 } }

    /// Q_tot(s, a₁, a₂).
    func jointValue(_ state: Int, _ actions: [Int]) -> Double {
        let q = [utilities[0][state][actions[0]], utilities[1][state][actions[1]]]
        return mixer?.value(q, state: features(state)) ?? (q[0] + q[1])
    }

    func jointValues(_ state: Int) -> [[Double]] {
        (0..<game.actions).map { i in (0..<game.actions).map { j in jointValue(state, [i, j]) } }
    }

    /// The gradient of the mean squared TD error over `transitions` (targets held fixed).
    func lossGradient(_ transitions: [TeamTransition], discount: Double) -> [Double] {
        var gradient = [Double](repeating: 0, count: parameterCount)
        var mixerGradient = [Double](repeating: 0, count: mixer?.parameters.count ?? 0)
        let scale = 2 / Double(transitions.count)
        // The team's best value in each state, for the targets: computed once per batch, not once
        // per transition (the targets are held fixed within a step).
        let bestJointValue = kind == .independent ? [] : (0..<game.states).map { jointValues($0).joined().max()! }
        for t in transitions {
            let q = [utilities[0][t.state][t.actions[0]], utilities[1][t.state][t.actions[1]]]
            switch kind {
            case .independent:
                for agent in 0..<2 {
                    let bootstrap = t.next.map { discount * utilities[agent][$0].max()! } ?? 0
                    gradient[index(agent: agent, state: t.state, action: t.actions[agent])] += scale * (q[agent] - t.reward - bootstrap)
                }
            case .vdn, .qmix:
                let bootstrap = t.next.map { discount * bestJointValue[$0] } ?? 0
                let dUtilities: [Double]
                if let mixer {
                    let value = mixer.value(q, state: features(t.state))
                    dUtilities = mixer.valueAndGradient(q, state: features(t.state), outputGradient: scale * (value - t.reward - bootstrap), parameterGradient: &mixerGradient).utilityGradient
                } else {
                    let error = scale * (q[0] + q[1] - t.reward - bootstrap)
                    dUtilities = [error, error]
                }
                for agent in 0..<2 { gradient[index(agent: agent, state: t.state, action: t.actions[agent])] += dUtilities[agent] }
            }
        }
        for k in mixerGradient.indices { gradient[tableCount + k] = mixerGradient[k] }
        return gradient
    }
}

/// Adam over a flat array of parameters.
struct FlatAdam {
    var learningRate: Double
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    private var first: [Double]
    private var second: [Double]
    private var steps = 0

    init(count: Int, learningRate: Double) {
        self.learningRate = learningRate
        first = [Double](repeating: 0, count: count)
        second = first
    }

    mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        steps += 1
        let rate = learningRate / (1 - pow(beta1, Double(steps)))
        let correction2 = 1 - pow(beta2, Double(steps))
        for k in parameters.indices {
            first[k] = beta1 * first[k] + (1 - beta1) * gradient[k]
            second[k] = beta2 * second[k] + (1 - beta2) * gradient[k] * gradient[k]
            parameters[k] -= rate * first[k] / ((second[k] / correction2).squareRoot() + epsilon)
        }
    }
}
