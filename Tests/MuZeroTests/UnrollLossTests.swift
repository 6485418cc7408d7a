import AlphaZero
@testable import MuZero
import Randomness
import Testing

@Suite("MuZero unroll loss")
struct UnrollLossTests {
    static let shape = MuZeroShape(inputs: 6, actions: 4, latent: 5, hidden: [7])

    /// Random observations, actions and targets (policies on a random subset of actions, some
    /// steps past the end with no policy target).
    static func batch(count: Int, steps: Int, using generator: inout Xoshiro256StarStar) -> UnrollBatch {
        let a = shape.actions
        let observations = (0..<(count * shape.inputs)).map { _ in Float(generator.uniformIndex(below: 3)) - 1 }
        let actions = (0..<steps).map { _ in (0..<count).map { _ in generator.uniformIndex(below: a) } }
        var policies = [[Float]]()
        var weights = [[Float]]()
        for _ in 0...steps {
            var step = [Float](repeating: 0, count: count * a)
            for row in 0..<count {
                let raw = (0..<a).map { _ in Float(generator.uniformUnit()) }
                let total = raw.reduce(0, +)
                for k in 0..<a { step[row * a + k] = raw[k] / total }
            }
            policies.append(step)
            weights.append((0..<count).map { _ in generator.uniformUnit() < 0.8 ? 1 : 0 })
        }
        let values = (0...steps).map { _ in (0..<count).map { _ in Float(generator.uniformIndex(below: 3)) - 1 } }
        let rewards = (0..<steps).map { _ in (0..<count).map { _ in Float(generator.uniformIndex(below: 2)) } }
        return UnrollBatch(count: count, steps: steps, observations: observations, actions: actions, policies: policies, policyWeights: weights, values: values, rewards: rewards)
    }

    @Test("with the unroll gradient unscaled, back-propagation through K = 3 steps matches central finite differences, with the paper's loss and with weighted value and reward terms",
          arguments: [MuZeroLossWeights.unit, MuZeroLossWeights(value: 0.25, reward: 3)])
    func gradientCheck(weights: MuZeroLossWeights) {
        var generator = Xoshiro256StarStar(seed: 21)
        let network = MuZeroNetwork(shape: Self.shape, using: &generator)
        let data = Self.batch(count: 5, steps: 3, using: &generator)
        let analytic = network.lossAndGradient(data, l2: 1e-3, weights: weights, unrollGradientScale: 1).1.parameters
        let parameters = network.parameters
        var worst = 0.0
        var checked = 0
        for k in parameters.indices {
            let h: Float = 1e-3
            var plus = network, minus = network
            var p = parameters
            p[k] += h
            plus.setParameters(p)
            p[k] -= 2 * h
            minus.setParameters(p)
            let numeric = (plus.lossAndGradient(data, l2: 1e-3, weights: weights).0.total - minus.lossAndGradient(data, l2: 1e-3, weights: weights).0.total) / Double(2 * h)
            let error = abs(numeric - Double(analytic[k])) / max(1e-2, abs(numeric) + abs(Double(analytic[k])))
            worst = max(worst, error)
            checked += 1
        }
        #expect(checked == parameters.count)
        #expect(worst < 3e-2, "largest relative gradient error \(worst)")
    }

    @Test("with one unrolled step the gradient scale acts linearly: at 1/2 the representation's gradient is the mean of those at 0 and 1, the prediction's is unchanged")
    func gradientScaling() {
        var generator = Xoshiro256StarStar(seed: 5)
        let network = MuZeroNetwork(shape: Self.shape, using: &generator)
        let data = Self.batch(count: 4, steps: 1, using: &generator)
        let half = network.lossAndGradient(data, l2: 0, unrollGradientScale: 0.5).1
        let none = network.lossAndGradient(data, l2: 0, unrollGradientScale: 0).1
        let full = network.lossAndGradient(data, l2: 0, unrollGradientScale: 1).1
        for l in network.range(.representation) {
            for k in half.layers[l].weights.indices {
                let mean = (none.layers[l].weights[k] + full.layers[l].weights[k]) / 2
                #expect(abs(half.layers[l].weights[k] - mean) < 1e-5)
            }
        }
        #expect(none.layers[network.range(.representation).lowerBound].weights != full.layers[network.range(.representation).lowerBound].weights)
        for l in network.range(.policy) { #expect(half.layers[l] == full.layers[l]) }
    }

    @Test("latent states are min-max scaled to [0, 1] after the representation and after every dynamics step")
    func hiddenStateScaling() {
        var generator = Xoshiro256StarStar(seed: 8)
        let network = MuZeroNetwork(shape: Self.shape, using: &generator)
        let data = Self.batch(count: 6, steps: 1, using: &generator)
        var state = network.represent(data.observations, batch: 6)
        for _ in 0..<4 {
            for row in 0..<6 {
                let slice = state[(row * 5)..<(row * 5 + 5)]
                #expect(slice.min()! == 0 && abs(slice.max()! - 1) < 1e-6)
            }
            state = network.step(state, actions: [0, 1, 2, 3, 0, 1], batch: 6).states
        }
    }
}
