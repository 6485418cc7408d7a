import Foundation
import Notebook
import Randomness
import Tabular

/// The environments of the `model-error` chapter.
enum ModelErrorEnvironment: String, Codable, Sendable, CaseIterable {
    /// The Dyna maze, made slippery (a random move 20% of the time) and continuing.
    case slipperyMaze = "slippery maze"
    /// A random MDP, 30 states, 4 actions, 3 successors per pair.
    case randomSparse = "random MDP, 3 successors"
    /// A random MDP, 30 states, 4 actions, 10 successors per pair.
    case randomDense = "random MDP, 10 successors"

    static let discount = 0.9

    /// The true MDP (random ones are drawn from `generator`) and the start state.
    func make(using generator: inout Xoshiro256StarStar) -> (mdp: FiniteMDP, start: Int) {
        switch self {
        case .slipperyMaze:
            return (FiniteMDP.slipperyGrid(.dynaMaze, slip: 0.2, discount: Self.discount), GridMaze.dynaMaze.startState)
        case .randomSparse:
            return (FiniteMDP.random(states: 30, actions: 4, branching: 3, discount: Self.discount, using: &generator), 0)
        case .randomDense:
            return (FiniteMDP.random(states: 30, actions: 4, branching: 10, discount: Self.discount, using: &generator), 0)
        }
    }
}

/// One environment and one amount of data per state-action pair.
struct ModelDataPoint: Codable, Sendable, Hashable {
    var environment: ModelErrorEnvironment
    var transitionsPerPair: Int
}

/// How far a learned model's H-step predictions drift from the truth.
struct CompoundingRun: Codable, Sendable {
    /// epsilon = max over pairs of the L1 error of the count model.
    var epsilon: Double
    /// TV distance between the true and the model's state distributions after H = 1…50 steps.
    var totalVariation: [Double]
    /// The same for the last-outcome (deterministic) model.
    var deterministicEpsilon: Double
    /// Its H-step TV distances.
    var deterministicTotalVariation: [Double]
}

/// A learned model's planning quality.
struct BiasRun: Codable, Sendable {
    /// The value the model predicts for its own optimal policy, at the start.
    var predicted: Double
    /// The true value of that policy at the start.
    var real: Double
    /// The optimal value at the start.
    var optimal: Double
}

/// Per-pair uncertainty against per-pair error.
struct EnsembleRun: Codable, Sendable {
    /// The ensemble's disagreement per pair.
    var disagreement: [Double]
    /// The L1 error of the count model per pair.
    var error: [Double]
    /// Pearson correlation of the two.
    var correlation: Double
}

/// Value prediction error of k-step model rollouts bootstrapped with a model-free estimate.
struct RolloutRun: Codable, Sendable {
    /// Mean absolute error over states, for k = 0…20.
    var error: [Double]
}

/// A model kept up to date online against one frozen early.
struct OnlineRun: Codable, Sendable {
    /// The checkpoints, in real steps.
    var steps: [Int]
    /// epsilon of the online model at each checkpoint.
    var onlineEpsilon: [Double]
    /// Mean L1 error over pairs of the online model.
    var onlineMeanError: [Double]
    /// V*(start) minus the true value of the online model's optimal policy.
    var onlineRegret: [Double]
    /// The same regret for the model frozen after the first checkpoint.
    var frozenRegret: [Double]
}

/// The computations of the `model-error` chapter.
enum ModelErrorLab {
    static let horizon = 50

    static func compounding(_ point: ModelDataPoint, using generator: inout Xoshiro256StarStar) -> CompoundingRun {
        let (mdp, start) = point.environment.make(using: &generator)
        let data = TransitionData.sample(from: mdp, count: { _, _ in point.transitionsPerPair }, using: &generator)
        let policy = StochasticPolicy.uniform(states: mdp.stateCount, actions: mdp.actionCount)
        var initial = [Double](repeating: 0, count: mdp.stateCount)
        initial[start] = 1
        let truth = mdp.stateDistributions(from: initial, policy: policy, horizon: horizon)
        func drift(_ model: FiniteMDP) -> [Double] {
            zip(truth, model.stateDistributions(from: initial, policy: policy, horizon: horizon)).map { Distance.totalVariation($0, $1) }
        }
        let counts = ModelLearner.counts.learn(from: data, discount: mdp.discount)
        let last = ModelLearner.lastOutcome.learn(from: data, discount: mdp.discount)
        return CompoundingRun(
            epsilon: counts.maximumL1Error(against: mdp), totalVariation: drift(counts),
            deterministicEpsilon: last.maximumL1Error(against: mdp), deterministicTotalVariation: drift(last))
    }

    static func bias(_ point: ModelDataPoint, using generator: inout Xoshiro256StarStar) -> BiasRun {
        let (mdp, start) = point.environment.make(using: &generator)
        let data = TransitionData.sample(from: mdp, count: { _, _ in point.transitionsPerPair }, using: &generator)
        let model = ModelLearner.counts.learn(from: data, discount: mdp.discount)
        let planned = model.valueIteration()
        let real = mdp.evaluate(.deterministic(planned.policy, actionCount: mdp.actionCount))
        return BiasRun(predicted: planned.values[start], real: real[start], optimal: mdp.valueIteration().values[start])
    }

    static func ensemble(_ environment: ModelErrorEnvironment, using generator: inout Xoshiro256StarStar) -> EnsembleRun {
        let (mdp, _) = environment.make(using: &generator)
        // Pairs get between 3 and 300 observations (log-uniform), so that errors differ.
        var counts = [[Int]]()
        for _ in 0..<mdp.stateCount {
            counts.append((0..<mdp.actionCount).map { _ in Int(exp(log(3.0) + generator.uniformUnit() * (log(300.0) - log(3.0)))) })
        }
        let data = TransitionData.sample(from: mdp, count: { counts[$0][$1] }, using: &generator)
        let model = ModelLearner.counts.learn(from: data, discount: mdp.discount)
        let ensemble = BootstrapEnsemble(data: data, size: 10, discount: mdp.discount, using: &generator)
        var disagreement = [Double]()
        var error = [Double]()
        for s in 0..<mdp.stateCount {
            for a in 0..<mdp.actionCount {
                disagreement.append(ensemble.disagreement(s, a))
                error.append(Distance.l1(model.transitions[s][a], mdp.transitions[s][a]))
            }
        }
        return EnsembleRun(disagreement: disagreement, error: error, correlation: pearson(disagreement, error))
    }

    /// k-step model rollouts from every state, bootstrapped at step k with a Monte Carlo value
    /// estimate from a few real rollouts; the error of the uniform policy's value, for k = 0…20.
    static func rollouts(_ point: ModelDataPoint, using generator: inout Xoshiro256StarStar) -> RolloutRun {
        let (mdp, _) = point.environment.make(using: &generator)
        let policy = StochasticPolicy.uniform(states: mdp.stateCount, actions: mdp.actionCount)
        let truth = mdp.evaluate(policy)
        let data = TransitionData.sample(from: mdp, count: { _, _ in point.transitionsPerPair }, using: &generator)
        let model = ModelLearner.counts.learn(from: data, discount: mdp.discount)
        // Model-free estimate: the mean of 5 discounted returns (60 steps) per state.
        let monteCarlo = (0..<mdp.stateCount).map { s -> Double in
            (0..<5).map { _ -> Double in
                var state = s
                var total = 0.0
                var weight = 1.0
                for _ in 0..<60 {
                    let action = generator.uniformIndex(below: mdp.actionCount)
                    total += weight * mdp.rewards[state][action]
                    weight *= mdp.discount
                    state = mdp.sampleNext(state, action, using: &generator)
                }
                return total
            }.reduce(0, +) / 5
        }
        let policyReward = (0..<mdp.stateCount).map { s in (0..<mdp.actionCount).reduce(0.0) { $0 + policy.probabilities[s][$1] * model.rewards[s][$1] } }
        var errors = [Double]()
        for k in 0...20 {
            var total = 0.0
            for s in 0..<mdp.stateCount {
                var start = [Double](repeating: 0, count: mdp.stateCount)
                start[s] = 1
                let distributions = [start] + model.stateDistributions(from: start, policy: policy, horizon: k)
                var value = 0.0
                for i in 0..<k { value += pow(mdp.discount, Double(i)) * zip(distributions[i], policyReward).reduce(0) { $0 + $1.0 * $1.1 } }
                value += pow(mdp.discount, Double(k)) * zip(distributions[k], monteCarlo).reduce(0) { $0 + $1.0 * $1.1 }
                total += abs(value - truth[s])
            }
            errors.append(total / Double(mdp.stateCount))
        }
        return RolloutRun(error: errors)
    }

    static let checkpoints = [300, 1000, 3000, 10_000, 30_000, 100_000]

    /// A uniformly random behaviour policy gathers data; one count model is updated at every step,
    /// another is frozen at the first checkpoint. Both are planned in at each checkpoint.
    static func online(_ environment: ModelErrorEnvironment, using generator: inout Xoshiro256StarStar) -> OnlineRun {
        let (mdp, start) = environment.make(using: &generator)
        let optimal = mdp.valueIteration().values[start]
        var data = TransitionData(states: mdp.stateCount, actions: mdp.actionCount)
        var state = start
        var run = OnlineRun(steps: checkpoints, onlineEpsilon: [], onlineMeanError: [], onlineRegret: [], frozenRegret: [])
        var frozen: FiniteMDP?
        var taken = 0
        for checkpoint in checkpoints {
            while taken < checkpoint {
                let action = generator.uniformIndex(below: mdp.actionCount)
                let next = mdp.sampleNext(state, action, using: &generator)
                data.record(state: state, action: action, next: next, reward: mdp.rewards[state][action])
                state = next
                taken += 1
            }
            let model = ModelLearner.counts.learn(from: data, discount: mdp.discount)
            if frozen == nil { frozen = model }
            func regret(_ m: FiniteMDP) -> Double {
                optimal - mdp.evaluate(.deterministic(m.valueIteration().policy, actionCount: mdp.actionCount))[start]
            }
            var meanError = 0.0
            for s in 0..<mdp.stateCount {
                for a in 0..<mdp.actionCount { meanError += Distance.l1(model.transitions[s][a], mdp.transitions[s][a]) }
            }
            run.onlineEpsilon.append(model.maximumL1Error(against: mdp))
            run.onlineMeanError.append(meanError / Double(mdp.stateCount * mdp.actionCount))
            run.onlineRegret.append(regret(model))
            run.frozenRegret.append(regret(frozen!))
        }
        return run
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count)
        let my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The least-squares slope of log y against log x.
    static func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
        let lx = x.map(log)
        let ly = y.map(log)
        let mx = lx.reduce(0, +) / Double(lx.count)
        let my = ly.reduce(0, +) / Double(ly.count)
        let num = zip(lx, ly).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let den = lx.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return num / den
    }
}
