import AlphaZero
import Foundation

/// The sizes of MuZero's three functions.
public struct MuZeroShape: Codable, Hashable, Sendable {
    /// Observation inputs (the encoded position).
    public var inputs: Int
    /// Actions the dynamics and the policy range over.
    public var actions: Int
    /// Size of the latent state.
    public var latent: Int
    /// Hidden ReLU layers of each of the three functions.
    public var hidden: [Int]

    /// Creates a shape.
    public init(inputs: Int, actions: Int, latent: Int, hidden: [Int]) {
        self.inputs = inputs
        self.actions = actions
        self.latent = latent
        self.hidden = hidden
    }
}

/// MuZero's model (Schrittwieser et al. 2020), written out on dense layers: the representation
/// h maps an observation to a latent state, the dynamics g maps a latent state and an action to
/// the next latent state and the reward of the move, the prediction f maps a latent state to a
/// policy over all actions and a value. Latent states are min-max scaled to [0, 1], as in the
/// paper; values and rewards are tanh units, for the player to move and the player moving.
public struct MuZeroNetwork: Sendable, Equatable {
    /// The shape.
    public let shape: MuZeroShape
    /// Every layer, in the order of `Part`'s ranges: representation, dynamics and its reward
    /// head, prediction and its two heads.
    public var layers: [DenseLayer]

    /// The layers of each function.
    enum Part { case representation, dynamics, reward, prediction, policy, value }

    var depth: Int { shape.hidden.count }

    /// Indices into `layers`: each function is its hidden layers then its output layer.
    func range(_ part: Part) -> Range<Int> {
        let d = depth
        switch part {
        case .representation: return 0..<(d + 1)
        case .dynamics: return (d + 1)..<(2 * d + 2)
        case .reward: return (2 * d + 2)..<(2 * d + 3)
        case .prediction: return (2 * d + 3)..<(3 * d + 3)
        case .policy: return (3 * d + 3)..<(3 * d + 4)
        case .value: return (3 * d + 4)..<(3 * d + 5)
        }
    }

    /// A network with He-initialised weights.
    public init<G: RandomNumberGenerator>(shape: MuZeroShape, using generator: inout G) {
        self.shape = shape
        var layers = [DenseLayer]()
        func chain(from inputs: Int, to outputs: Int?) -> Int {
            var width = inputs
            for next in shape.hidden {
                layers.append(DenseLayer(inputs: width, outputs: next, using: &generator))
                width = next
            }
            if let outputs { layers.append(DenseLayer(inputs: width, outputs: outputs, using: &generator)) }
            return width
        }
        _ = chain(from: shape.inputs, to: shape.latent)
        let last = chain(from: shape.latent + shape.actions, to: shape.latent)
        layers.append(DenseLayer(inputs: last, outputs: 1, using: &generator))
        let top = chain(from: shape.latent, to: nil)
        layers.append(DenseLayer(inputs: top, outputs: shape.actions, using: &generator))
        layers.append(DenseLayer(inputs: top, outputs: 1, using: &generator))
        self.layers = layers
    }

    /// A network from its layers (weights files, gradients).
    public init(shape: MuZeroShape, layers: [DenseLayer]) {
        self.shape = shape
        self.layers = layers
    }

    /// A network of the same shape with every parameter zero (a gradient accumulator).
    public var zeroed: MuZeroNetwork { MuZeroNetwork(shape: shape, layers: layers.map(\.zeroed)) }

    // MARK: Forward passes

    /// The activations of a chain of ReLU layers: the input, then each layer's output after ReLU
    /// (the last layer too when `lastIsHidden`, else left linear).
    func chain(_ part: Range<Int>, _ input: [Float], batch: Int, lastIsHidden: Bool) -> [[Float]] {
        var activations = [input]
        for l in part {
            var z = layers[l].forward(activations.last!, batch: batch)
            if l < part.upperBound - 1 || lastIsHidden {
                for k in z.indices { z[k] = max(z[k], 0) }
            }
            activations.append(z)
        }
        return activations
    }

    /// Min-max scales each row of `raw` to [0, 1] (a constant row becomes zeros).
    static func scaled(_ raw: [Float], batch: Int, width: Int) -> [Float] {
        var out = raw
        for row in 0..<batch {
            let slice = raw[(row * width)..<((row + 1) * width)]
            let low = slice.min()!
            let span = slice.max()! - low
            for k in 0..<width { out[row * width + k] = span > Self.minimumSpan ? (raw[row * width + k] - low) / span : 0 }
        }
        return out
    }

    /// Below this spread a latent state is treated as constant (no division by a tiny span).
    static let minimumSpan: Float = 1e-6

    /// The latent states of a batch of observations.
    public func represent(_ observations: [Float], batch: Int) -> [Float] {
        Self.scaled(chain(range(.representation), observations, batch: batch, lastIsHidden: false).last!, batch: batch, width: shape.latent)
    }

    /// The next latent states and rewards (for the player making the move) of a batch of latent
    /// states and actions.
    public func step(_ states: [Float], actions: [Int], batch: Int) -> (states: [Float], rewards: [Float]) {
        let activations = chain(range(.dynamics), Self.dynamicsInput(states, actions: actions, batch: batch, shape: shape), batch: batch, lastIsHidden: false)
        let rewards = layers[range(.reward).lowerBound].forward(activations[activations.count - 2], batch: batch).map { Float(tanh(Double($0))) }
        return (Self.scaled(activations.last!, batch: batch, width: shape.latent), rewards)
    }

    /// Policies (softmax over all actions) and values (for the player to move) of latent states.
    public func predict(_ states: [Float], batch: Int) -> (policies: [Float], values: [Float]) {
        let features = chain(range(.prediction), states, batch: batch, lastIsHidden: true).last!
        let logits = layers[range(.policy).lowerBound].forward(features, batch: batch)
        let values = layers[range(.value).lowerBound].forward(features, batch: batch).map { Float(tanh(Double($0))) }
        return (Self.softmax(logits, batch: batch, width: shape.actions), values)
    }

    static func softmax(_ logits: [Float], batch: Int, width: Int) -> [Float] {
        var p = logits
        for row in 0..<batch {
            let base = row * width
            let top = logits[base..<(base + width)].max()!
            var total: Float = 0
            for k in 0..<width {
                p[base + k] = exp(logits[base + k] - top)
                total += p[base + k]
            }
            for k in 0..<width { p[base + k] /= total }
        }
        return p
    }

    /// Latent state then one-hot action, per row.
    static func dynamicsInput(_ states: [Float], actions: [Int], batch: Int, shape: MuZeroShape) -> [Float] {
        let width = shape.latent + shape.actions
        var input = [Float](repeating: 0, count: batch * width)
        for row in 0..<batch {
            for k in 0..<shape.latent { input[row * width + k] = states[row * shape.latent + k] }
            input[row * width + shape.latent + actions[row]] = 1
        }
        return input
    }

    // MARK: Parameters

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

    /// The layers as a policy-value network value, the form AlphaZero's `Adam` steps and its
    /// weights file stores (the shape there is nominal).
    var asLayerStack: PolicyValueNetwork {
        get { PolicyValueNetwork(shape: NetworkShape(inputs: shape.inputs, hidden: shape.hidden, moves: shape.actions), layers: layers) }
        set { layers = newValue.layers }
    }
}
