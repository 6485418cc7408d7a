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

    /// An optimiser with step size `learningRate`.
    public init(learningRate: Float = 1e-3) {
        self.learningRate = learningRate
    }

    /// Moves `network` one step against `gradient`.
    public mutating func step(_ network: inout PolicyValueNetwork, gradient: PolicyValueNetwork) {
        var parameters = network.parameters
        let g = gradient.parameters
        if first.count != parameters.count {
            first = [Float](repeating: 0, count: parameters.count)
            second = first
            steps = 0
        }
        steps += 1
        let correction1 = 1 - pow(beta1, Float(steps))
        let correction2 = 1 - pow(beta2, Float(steps))
        for k in parameters.indices {
            first[k] = beta1 * first[k] + (1 - beta1) * g[k]
            second[k] = beta2 * second[k] + (1 - beta2) * g[k] * g[k]
            parameters[k] -= learningRate * (first[k] / correction1) / ((second[k] / correction2).squareRoot() + epsilon)
        }
        network.setParameters(parameters)
    }
}
