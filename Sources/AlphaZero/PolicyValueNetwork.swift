import Foundation

/// The shape of a policy-value network: a trunk of ReLU dense layers shared by a policy head
/// (logits over every move of the game) and a value head (one tanh unit).
public struct NetworkShape: Codable, Hashable, Sendable {
    /// Inputs per position.
    public var inputs: Int
    /// Widths of the trunk's hidden layers.
    public var hidden: [Int]
    /// Policy logits: one per move of the game.
    public var moves: Int

    /// Creates a shape.
    public init(inputs: Int, hidden: [Int], moves: Int) {
        self.inputs = inputs
        self.hidden = hidden
        self.moves = moves
    }
}

/// One batch of training targets: encoded positions, target move distributions (the search's
/// visit shares, zero on illegal moves), legal-move masks and game results for the player to move.
public struct TrainingBatch: Sendable {
    /// `count * inputs` encoded positions.
    public var inputs: [Float]
    /// `count * moves` target probabilities.
    public var policies: [Float]
    /// `count * moves` masks, 1 for legal moves.
    public var legal: [Float]
    /// `count` results in [-1, 1].
    public var values: [Float]
    /// Examples in the batch.
    public var count: Int { values.count }

    /// Creates a batch.
    public init(inputs: [Float], policies: [Float], legal: [Float], values: [Float]) {
        self.inputs = inputs
        self.policies = policies
        self.legal = legal
        self.values = values
    }
}

/// The parts of the loss, averaged over a batch.
public struct Loss: Codable, Hashable, Sendable {
    /// Mean (z - v)^2.
    public var value: Double
    /// Mean cross-entropy -pi^T log p.
    public var policy: Double
    /// c ||theta||^2 over the weights (not the biases).
    public var regularisation: Double
    /// The sum of the three.
    public var total: Double { value + policy + regularisation }
}

/// AlphaZero's policy-value network, written out: dense layers, ReLU, a softmax policy head
/// restricted to legal moves and a tanh value head. Loss = (z - v)^2 - pi^T log p + c ||theta||^2.
public struct PolicyValueNetwork: Sendable, Equatable {
    /// The shape.
    public let shape: NetworkShape
    /// The trunk's layers, then the policy head, then the value head.
    public var layers: [DenseLayer]

    /// A network with He-initialised weights.
    public init<G: RandomNumberGenerator>(shape: NetworkShape, using generator: inout G) {
        self.shape = shape
        var layers = [DenseLayer]()
        var width = shape.inputs
        for next in shape.hidden {
            layers.append(DenseLayer(inputs: width, outputs: next, using: &generator))
            width = next
        }
        layers.append(DenseLayer(inputs: width, outputs: shape.moves, using: &generator))
        layers.append(DenseLayer(inputs: width, outputs: 1, using: &generator))
        self.layers = layers
    }

    /// A network from its layers (weights files, gradients).
    public init(shape: NetworkShape, layers: [DenseLayer]) {
        self.shape = shape
        self.layers = layers
    }

    var trunkCount: Int { shape.hidden.count }

    /// The trunk's activations for a batch: the input, then each hidden layer after ReLU.
    private func trunk(_ input: [Float], batch: Int) -> [[Float]] {
        var activations = [input]
        for layer in layers[0..<trunkCount] {
            var z = layer.forward(activations.last!, batch: batch)
            z.withUnsafeMutableBufferPointer { values in
                for k in values.indices { values[k] = max(values[k], 0) }
            }
            activations.append(z)
        }
        return activations
    }

    /// Move probabilities (softmax over the legal moves, zero elsewhere) and values for a batch.
    public func predict(_ input: [Float], legal: [Float], batch: Int) -> (policies: [Float], values: [Float]) {
        let features = trunk(input, batch: batch).last!
        let logits = layers[trunkCount].forward(features, batch: batch)
        let values = layers[trunkCount + 1].forward(features, batch: batch).map { Float(tanh(Double($0))) }
        return (Self.softmax(logits, legal: legal, batch: batch, moves: shape.moves), values)
    }

    static func softmax(_ logits: [Float], legal: [Float], batch: Int, moves: Int) -> [Float] {
        var p = [Float](repeating: 0, count: logits.count)
        for row in 0..<batch {
            let base = row * moves
            var top = -Float.infinity
            for m in 0..<moves where legal[base + m] > 0 { top = max(top, logits[base + m]) }
            var total: Float = 0
            for m in 0..<moves where legal[base + m] > 0 {
                p[base + m] = exp(logits[base + m] - top)
                total += p[base + m]
            }
            if total > 0 { for m in 0..<moves { p[base + m] /= total } }
        }
        return p
    }

    /// The loss on `batch` and its gradient (same layout as the network), with L2 coefficient `c`.
    public func lossAndGradient(_ batch: TrainingBatch, l2 c: Float) -> (Loss, PolicyValueNetwork) {
        let n = batch.count
        let moves = shape.moves
        let activations = trunk(batch.inputs, batch: n)
        let features = activations.last!
        let logits = layers[trunkCount].forward(features, batch: n)
        let rawValues = layers[trunkCount + 1].forward(features, batch: n)
        let p = Self.softmax(logits, legal: batch.legal, batch: n, moves: moves)

        var valueLoss = 0.0
        var policyLoss = 0.0
        var logitGradient = [Float](repeating: 0, count: n * moves)
        var valueGradient = [Float](repeating: 0, count: n)
        let scale = 1 / Float(n)
        for row in 0..<n {
            let v = tanh(rawValues[row])
            let error = batch.values[row] - v
            valueLoss += Double(error * error)
            valueGradient[row] = -2 * error * (1 - v * v) * scale
            for m in 0..<moves where batch.legal[row * moves + m] > 0 {
                let k = row * moves + m
                let target = batch.policies[k]
                if target > 0 { policyLoss -= Double(target) * log(Double(max(p[k], 1e-30))) }
                logitGradient[k] = (p[k] - target) * scale
            }
        }

        var gradient = PolicyValueNetwork(shape: shape, layers: layers.map(\.zeroed))
        var featureGradient = layers[trunkCount].backward(input: features, outputGradient: logitGradient, batch: n, into: &gradient.layers[trunkCount], needInputGradient: true)
        let fromValue = layers[trunkCount + 1].backward(input: features, outputGradient: valueGradient, batch: n, into: &gradient.layers[trunkCount + 1], needInputGradient: true)
        for k in featureGradient.indices { featureGradient[k] += fromValue[k] }
        var upstream = featureGradient
        for l in stride(from: trunkCount - 1, through: 0, by: -1) {
            let output = activations[l + 1]
            upstream.withUnsafeMutableBufferPointer { g in
                output.withUnsafeBufferPointer { z in
                    for k in g.indices { g[k] = z[k] > 0 ? g[k] : 0 }
                }
            }
            upstream = layers[l].backward(input: activations[l], outputGradient: upstream, batch: n, into: &gradient.layers[l], needInputGradient: l > 0)
        }
        let regularisation = addRegularisation(c, to: &gradient)
        return (Loss(value: valueLoss / Double(n), policy: policyLoss / Double(n), regularisation: regularisation), gradient)
    }

    /// Adds the gradient of c ||W||^2 (the weights, not the biases) to `gradient` and returns the
    /// penalty.
    func addRegularisation(_ c: Float, to gradient: inout PolicyValueNetwork) -> Double {
        guard c != 0 else { return 0 }
        var total = 0.0
        for l in layers.indices {
            layers[l].weights.withUnsafeBufferPointer { w in
                gradient.layers[l].weights.withUnsafeMutableBufferPointer { g in
                    var squares = Vector()
                    var k = 0
                    while k + 8 <= w.count {
                        let weights = Vector.load(w.baseAddress! + k)
                        squares += weights * weights
                        Vector.store(Vector.load(g.baseAddress! + k) + 2 * c * weights, g.baseAddress! + k)
                        k += 8
                    }
                    var sum = Double(squares.sum())
                    while k < w.count {
                        sum += Double(w[k] * w[k])
                        g[k] += 2 * c * w[k]
                        k += 1
                    }
                    total += Double(c) * sum
                }
            }
        }
        return total
    }

    /// Every parameter, layer by layer (weights then biases).
    public var parameters: [Float] { layers.flatMap { $0.weights + $0.biases } }

    /// Replaces every parameter from a flat array in the order of `parameters`.
    public mutating func setParameters(_ values: [Float]) {
        var offset = 0
        for l in layers.indices {
            let w = layers[l].weights.count
            let b = layers[l].biases.count
            layers[l].weights = Array(values[offset..<(offset + w)])
            layers[l].biases = Array(values[(offset + w)..<(offset + w + b)])
            offset += w + b
        }
    }
}
