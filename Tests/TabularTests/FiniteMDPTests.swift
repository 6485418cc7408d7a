import Foundation
import Randomness
import Testing

@testable import Tabular

@Suite("Finite MDPs, exact distributions and learned models")
struct FiniteMDPTests {
    /// Two states, two actions: action 0 stays with probability 0.7, action 1 switches with 0.6.
    static let tiny = FiniteMDP(
        transitions: [[[0.7, 0.3], [0.4, 0.6]], [[0.2, 0.8], [0.6, 0.4]]],
        rewards: [[1, 0], [0, 2]], discount: 0.9)

    @Test("H-step distributions match brute-force enumeration of every path")
    func distributionsAgainstEnumeration() {
        let policy = StochasticPolicy(probabilities: [[0.5, 0.5], [0.25, 0.75]])
        let exact = Self.tiny.stateDistributions(from: [1, 0], policy: policy, horizon: 4)
        // Enumerate all (action, next state) sequences of length 4.
        var brute = [[Double]](repeating: [0, 0], count: 4)
        func walk(_ state: Int, _ depth: Int, _ probability: Double) {
            guard depth < 4 else { return }
            for a in 0..<2 {
                for next in 0..<2 {
                    let p = probability * policy.probabilities[state][a] * Self.tiny.transitions[state][a][next]
                    brute[depth][next] += p
                    walk(next, depth + 1, p)
                }
            }
        }
        walk(0, 0, 1)
        for h in 0..<4 {
            for s in 0..<2 { #expect(abs(exact[h][s] - brute[h][s]) < 1e-12) }
        }
    }

    @Test("policy evaluation and value iteration match the closed form of a two-state chain")
    func closedForm() {
        // A deterministic policy makes a Markov chain: v = (I - gamma P)^-1 r, solved by hand.
        let policy = StochasticPolicy.deterministic([0, 1], actionCount: 2)
        let v = Self.tiny.evaluate(policy)
        // P = [[0.7, 0.3], [0.6, 0.4]], r = [1, 2], gamma = 0.9.
        let a = 1 - 0.9 * 0.7, b = -0.9 * 0.3, c = -0.9 * 0.6, d = 1 - 0.9 * 0.4
        let det = a * d - b * c
        #expect(abs(v[0] - (d * 1 - b * 2) / det) < 1e-9)
        #expect(abs(v[1] - (a * 2 - c * 1) / det) < 1e-9)
        // Value iteration reaches the best of the four deterministic policies.
        let best = (0..<4).map { k in Self.tiny.evaluate(.deterministic([k % 2, k / 2], actionCount: 2)) }
        let optimal = Self.tiny.valueIteration()
        #expect(abs(optimal.values[0] - best.map { $0[0] }.max()!) < 1e-8)
        #expect(abs(optimal.values[1] - best.map { $0[1] }.max()!) < 1e-8)
    }

    @Test("the drift bound holds on hand-made models with known epsilon, and is attained at H = 1")
    func boundOnHandMadeModels() {
        var model = Self.tiny
        // Move 0.1 of probability in every row: the L1 error of each row is 0.2, so epsilon = 0.2.
        model.transitions = [[[0.6, 0.4], [0.5, 0.5]], [[0.3, 0.7], [0.5, 0.5]]]
        #expect(abs(model.maximumL1Error(against: Self.tiny) - 0.2) < 1e-12)
        let policy = StochasticPolicy.deterministic([0, 0], actionCount: 2)
        let truth = Self.tiny.stateDistributions(from: [1, 0], policy: policy, horizon: 30)
        let predicted = model.stateDistributions(from: [1, 0], policy: policy, horizon: 30)
        for h in 0..<30 {
            #expect(Distance.totalVariation(truth[h], predicted[h]) <= Double(h + 1) * 0.2 / 2 + 1e-12)
        }
        #expect(abs(Distance.totalVariation(truth[0], predicted[0]) - 0.1) < 1e-12)
    }

    @Test("count models converge to the truth; the last-outcome model is deterministic")
    func learnedModels() {
        var generator = Xoshiro256StarStar(seed: 4)
        let data = TransitionData.sample(from: Self.tiny, count: { _, _ in 20_000 }, using: &generator)
        let counts = ModelLearner.counts.learn(from: data, discount: 0.9)
        #expect(counts.maximumL1Error(against: Self.tiny) < 0.03)
        let last = ModelLearner.lastOutcome.learn(from: data, discount: 0.9)
        #expect(last.transitions.allSatisfy { $0.allSatisfy { row in row.contains(1) } })
        let ensemble = BootstrapEnsemble(data: data, size: 5, discount: 0.9, using: &generator)
        #expect(ensemble.disagreement(0, 0) < 0.05)
    }

    @Test("a random MDP has the requested branching and proper distributions")
    func randomMDP() {
        var generator = Xoshiro256StarStar(seed: 8)
        let mdp = FiniteMDP.random(states: 12, actions: 3, branching: 4, discount: 0.9, using: &generator)
        for s in 0..<12 {
            for a in 0..<3 {
                #expect(mdp.transitions[s][a].filter { $0 > 0 }.count == 4)
                #expect(abs(mdp.transitions[s][a].reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    @Test("the slippery maze keeps probability mass and pays on entering the goal")
    func slipperyMaze() {
        let mdp = FiniteMDP.slipperyGrid(.dynaMaze, slip: 0.2, discount: 0.9)
        let maze = GridMaze.dynaMaze
        for s in 0..<mdp.stateCount {
            for a in 0..<4 { #expect(abs(mdp.transitions[s][a].reduce(0, +) - 1) < 1e-12) }
        }
        let belowGoal = maze.state(of: GridCell(1, 8))
        #expect(abs(mdp.rewards[belowGoal][GridMove.up.rawValue] - 0.85) < 1e-12)
        #expect(mdp.transitions[belowGoal][GridMove.up.rawValue][maze.startState] > 0.8)
    }
}
