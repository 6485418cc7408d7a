import Foundation

/// Adam (Kingma and Ba) over a network's parameters, with bias-corrected moment estimates.
public struct Adam: Sendable {
    /// The step size.
    public var learningRate: Float
    /// Decay of the first moment.
    public var beta1: Float = 0.9
    /// Decay of the second moment.
    public var beta2: Float = 0.999
    /// Added to the root of the second moment.
    public var epsilon: Float = 1e-8
    private var first: [Float] = []
    private var second: [Float] = []
    private var steps = 0

    /// The optimiser's state: settings, step count and both moment estimates, as little-endian
    /// bit patterns. Two optimisers with equal state bytes make the same next step.
    public var stateBytes: [UInt8] {
        var bytes = [UInt8]()
        StateBytes.append([learningRate, beta1, beta2, epsilon], to: &bytes)
        StateBytes.append(Int64(steps), to: &bytes)
        StateBytes.append(first, to: &bytes)
        StateBytes.append(second, to: &bytes)
        return bytes
    }

    /// An optimiser with step size `learningRate`.
    public init(learningRate: Float = 1e-3) {
        self.learningRate = learningRate
    }

    /// Moves `network` one step against `gradient`.
    public mutating func step(_ network: inout PolicyValueNetwork, gradient: PolicyValueNetwork) {
        let count = network.layers.reduce(0) { $0 + $1.weights.count + $1.biases.count }
        if first.count != count {
            first = [Float](repeating: 0, count: count)
            second = first
            steps = 0
        }
        steps += 1
        let rate = learningRate / (1 - pow(beta1, Float(steps)))
        let correction2 = 1 - pow(beta2, Float(steps))
        var offset = 0
        for l in network.layers.indices {
            update(&network.layers[l].weights, gradient: gradient.layers[l].weights, offset: offset, rate: rate, correction2: correction2)
            offset += network.layers[l].weights.count
            update(&network.layers[l].biases, gradient: gradient.layers[l].biases, offset: offset, rate: rate, correction2: correction2)
            offset += network.layers[l].biases.count
        }
    }

    /// One Adam update of `parameters`, whose moments start at `offset`.
    private mutating func update(_ parameters: inout [Float], gradient: [Float], offset: Int, rate: Float, correction2: Float) {
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                first.withUnsafeMutableBufferPointer { m in
                    second.withUnsafeMutableBufferPointer { v in
                        for k in 0..<p.count {
                            let gk = g[k]
                            let mk = beta1 * m[offset + k] + (1 - beta1) * gk
                            let vk = beta2 * v[offset + k] + (1 - beta2) * gk * gk
                            m[offset + k] = mk
                            v[offset + k] = vk
                            p[k] -= rate * mk / ((vk / correction2).squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}
