import AlphaZero
import Foundation

/// A minibatch of unroll targets: for each of `count` positions from real games, the observation,
/// the `steps` actions actually taken after it, and targets for the root and each unrolled step.
public struct UnrollBatch: Sendable {
    /// Positions in the batch.
    public var count: Int
    /// Unrolled steps K.
    public var steps: Int
    /// `count * inputs` observations.
    public var observations: [Float]
    /// `actions[k][row]`: the action taken k steps after the observation (k < K).
    public var actions: [[Int]]
    /// `policies[k]`: `count * actions` target distributions at step k (k ≤ K).
    public var policies: [[Float]]
    /// `policyWeights[k][row]`: 1 where step k has a policy target, 0 past the end of the game.
    public var policyWeights: [[Float]]
    /// `values[k][row]`: the value target at step k for the player to move there (k ≤ K).
    public var values: [[Float]]
    /// `rewards[k][row]`: the reward target of the k-th action for the player making it (k < K).
    public var rewards: [[Float]]

    /// Creates a batch.
    public init(count: Int, steps: Int, observations: [Float], actions: [[Int]], policies: [[Float]], policyWeights: [[Float]], values: [[Float]], rewards: [[Float]]) {
        self.count = count
        self.steps = steps
        self.observations = observations
        self.actions = actions
        self.policies = policies
        self.policyWeights = policyWeights
        self.values = values
        self.rewards = rewards
    }
}

/// The parts of MuZero's loss, averaged over a batch.
public struct MuZeroLoss: Codable, Hashable, Sendable {
    /// Squared value errors, summed over steps (steps after the first weighted 1/K), times the
    /// value weight.
    public var value: Double
    /// Policy cross-entropies, likewise.
    public var policy: Double
    /// Squared reward errors, summed likewise, times the reward weight.
    public var reward: Double
    /// c ||θ||² over the weights.
    public var regularisation: Double
    /// The sum of the four.
    public var total: Double { value + policy + reward + regularisation }

    /// A loss of zero.
    public static let zero = MuZeroLoss(value: 0, policy: 0, reward: 0, regularisation: 0)
}

extension MuZeroNetwork {
    /// The loss on `batch` and its gradient (same layout as the network). The model is unrolled K
    /// steps from each observation along the actions really taken; the losses of the unrolled
    /// steps are weighted 1/K, and the gradient flowing from step k + 1 back into latent state k
    /// is multiplied by `unrollGradientScale` (the paper's 1/2), so the deep unroll does not
    /// dominate the representation's training. With a scale of 1 the result is the true gradient.
    /// `weights` multiply the value and reward terms (`MuZeroLossWeights`).
    public func lossAndGradient(_ batch: UnrollBatch, l2 c: Float, weights terms: MuZeroLossWeights = .unit, unrollGradientScale: Float = 0.5) -> (MuZeroLoss, MuZeroNetwork) {
        let n = batch.count
        let K = batch.steps
        let (latent, actionCount) = (shape.latent, shape.actions)
        // Forward: representation, then K dynamics steps, then a prediction at every step.
        var trunks = [[[Float]]]()
        var raws = [[Float]]()
        var states = [[Float]]()
        var rewardRaws: [[Float]] = [[]]
        trunks.append(chain(range(.representation), batch.observations, batch: n, lastIsHidden: false))
        raws.append(trunks[0].last!)
        states.append(Self.scaled(raws[0], batch: n, width: latent))
        for k in stride(from: 1, through: K, by: 1) {
            let input = Self.dynamicsInput(states[k - 1], actions: batch.actions[k - 1], batch: n, shape: shape)
            let activations = chain(range(.dynamics), input, batch: n, lastIsHidden: false)
            trunks.append(activations)
            raws.append(activations.last!)
            states.append(Self.scaled(activations.last!, batch: n, width: latent))
            rewardRaws.append(layers[range(.reward).lowerBound].forward(activations[activations.count - 2], batch: n))
        }

        var loss = MuZeroLoss.zero
        var gradient = zeroed
        var carry = [Float](repeating: 0, count: n * latent)
        for k in stride(from: K, through: 0, by: -1) {
            let weight: Float = k == 0 ? 1 : 1 / Float(K)
            let scale = weight / Float(n)
            // Prediction at step k: value and policy losses.
            let features = chain(range(.prediction), states[k], batch: n, lastIsHidden: true)
            let top = features.last!
            let logits = layers[range(.policy).lowerBound].forward(top, batch: n)
            let valueRaw = layers[range(.value).lowerBound].forward(top, batch: n)
            let p = Self.softmax(logits, batch: n, width: actionCount)
            var logitGradient = [Float](repeating: 0, count: n * actionCount)
            var valueGradient = [Float](repeating: 0, count: n)
            for row in 0..<n {
                let v = tanh(valueRaw[row])
                let error = v - batch.values[k][row]
                loss.value += Double(terms.value * weight * error * error) / Double(n)
                valueGradient[row] = 2 * error * (1 - v * v) * scale * terms.value
                let policyWeight = batch.policyWeights[k][row]
                guard policyWeight > 0 else { continue }
                for a in 0..<actionCount {
                    let target = batch.policies[k][row * actionCount + a]
                    if target > 0 { loss.policy -= Double(weight * policyWeight * target) * log(Double(max(p[row * actionCount + a], 1e-30))) / Double(n) }
                    logitGradient[row * actionCount + a] = (p[row * actionCount + a] - target) * policyWeight * scale
                }
            }
            var topGradient = layers[range(.policy).lowerBound].backward(input: top, outputGradient: logitGradient, batch: n, into: &gradient.layers[range(.policy).lowerBound], needInputGradient: true)
            let fromValue = layers[range(.value).lowerBound].backward(input: top, outputGradient: valueGradient, batch: n, into: &gradient.layers[range(.value).lowerBound], needInputGradient: true)
            for i in topGradient.indices { topGradient[i] += fromValue[i] }
            var stateGradient = backward(range(.prediction), activations: features, outputGradient: topGradient, lastIsHidden: true, batch: n, into: &gradient, needInputGradient: true)
            for i in stateGradient.indices { stateGradient[i] += carry[i] }
            let rawGradient = Self.scaledBackward(raws[k], gradient: stateGradient, batch: n, width: latent)
            if k == 0 {
                _ = backward(range(.representation), activations: trunks[0], outputGradient: rawGradient, lastIsHidden: false, batch: n, into: &gradient, needInputGradient: false)
                break
            }
            // Dynamics step k: its reward loss, then back into latent state k − 1.
            var rewardGradient = [Float](repeating: 0, count: n)
            for row in 0..<n {
                let r = tanh(rewardRaws[k][row])
                let error = r - batch.rewards[k - 1][row]
                loss.reward += Double(terms.reward * weight * error * error) / Double(n)
                rewardGradient[row] = 2 * error * (1 - r * r) * scale * terms.reward
            }
            let activations = trunks[k]
            let rewardLayer = range(.reward).lowerBound
            let hiddenGradient = layers[rewardLayer].backward(input: activations[activations.count - 2], outputGradient: rewardGradient, batch: n, into: &gradient.layers[rewardLayer], needInputGradient: true)
            let inputGradient = backward(range(.dynamics), activations: activations, outputGradient: rawGradient, lastIsHidden: false, batch: n, into: &gradient,
                                         needInputGradient: true, extra: (activations.count - 2, hiddenGradient))
            let width = latent + actionCount
            for row in 0..<n {
                for j in 0..<latent { carry[row * latent + j] = unrollGradientScale * inputGradient[row * width + j] }
            }
        }
        loss.regularisation = addRegularisation(c, to: &gradient)
        return (loss, gradient)
    }

    /// Back-propagates through a chain whose forward activations are `activations` (see
    /// `chain`), accumulating the layers' gradients; `extra` adds a gradient arriving at one
    /// activation from outside the chain (a head reading a hidden layer). Returns the gradient
    /// with respect to the chain's input when `needInputGradient`.
    func backward(
        _ part: Range<Int>, activations: [[Float]], outputGradient: [Float], lastIsHidden: Bool, batch: Int, into gradient: inout MuZeroNetwork,
        needInputGradient: Bool, extra: (index: Int, gradient: [Float])? = nil
    ) -> [Float] {
        var upstream = outputGradient
        if let extra, extra.index == activations.count - 1 { for i in upstream.indices { upstream[i] += extra.gradient[i] } }
        for (offset, l) in part.enumerated().reversed() {
            let output = activations[offset + 1]
            if offset < part.count - 1 || lastIsHidden {
                for i in upstream.indices where output[i] <= 0 { upstream[i] = 0 }
            }
            upstream = layers[l].backward(input: activations[offset], outputGradient: upstream, batch: batch, into: &gradient.layers[l],
                                          needInputGradient: offset > 0 || needInputGradient)
            if let extra, extra.index == offset { for i in upstream.indices { upstream[i] += extra.gradient[i] } }
        }
        return upstream
    }

    /// The gradient with respect to the raw latent rows given the gradient with respect to their
    /// min-max scaled values y = (s − min) / (max − min).
    static func scaledBackward(_ raw: [Float], gradient: [Float], batch: Int, width: Int) -> [Float] {
        var out = [Float](repeating: 0, count: raw.count)
        for row in 0..<batch {
            let base = row * width
            var (low, high) = (base, base)
            for k in base..<(base + width) {
                if raw[k] < raw[low] { low = k }
                if raw[k] > raw[high] { high = k }
            }
            let span = raw[high] - raw[low]
            guard span > minimumSpan else { continue }
            var sum: Float = 0
            var weighted: Float = 0
            for k in base..<(base + width) {
                sum += gradient[k]
                weighted += gradient[k] * (raw[k] - raw[low]) / span
                out[k] = gradient[k] / span
            }
            out[low] += (weighted - sum) / span
            out[high] -= weighted / span
        }
        return out
    }

    /// Adds the gradient of c ||W||² (weights, not biases) and returns the penalty.
    func addRegularisation(_ c: Float, to gradient: inout MuZeroNetwork) -> Double {
        guard c != 0 else { return 0 }
        var total = 0.0
        for l in layers.indices {
            for k in layers[l].weights.indices {
                let w = layers[l].weights[k]
                total += Double(c * w * w)
                gradient.layers[l].weights[k] += 2 * c * w
            }
        }
        return total
    }
}
