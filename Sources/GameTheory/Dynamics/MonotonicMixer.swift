import Foundation
import Randomness

/// QMIX's mixing network (Rashid et al. 2018): it combines the agents' utilities Q₁ … Qₙ into
/// the team's value Q_tot = w₂ · ELU(W₁ q + b₁) + V(s), where hypernetworks compute W₁, b₁, w₂
/// and V from the state. Taking the absolute value of W₁ and w₂ makes Q_tot non-decreasing in
/// every Qᵢ, so each agent maximising its own utility maximises Q_tot: training is central,
/// execution is decentralised.
public struct MonotonicMixer: Hashable, Codable, Sendable {
    /// Agents mixed.
    public let agents: Int
    /// State features the hypernetworks read.
    public let features: Int
    /// Width of the mixing layer.
    public let embedding: Int
    /// Every parameter, in the order of `Block`.
    public var parameters: [Double]

    /// The hypernetworks, each an affine map of the state features, in parameter order.
    private enum Block: Int, CaseIterable {
        case firstWeights, firstBiases, secondWeights, valueHidden, valueOutput
    }

    private func shape(_ block: Block) -> (inputs: Int, outputs: Int) {
        switch block {
        case .firstWeights: (features, agents * embedding)
        case .firstBiases, .secondWeights, .valueHidden: (features, embedding)
        case .valueOutput: (embedding, 1)
        }
    }

    private func offset(_ block: Block) -> Int {
        Block.allCases.prefix { $0 != block }.reduce(0) { total, b in
            let (inputs, outputs) = shape(b)
            return total + (inputs + 1) * outputs
        }
    }

    /// A mixer with uniformly drawn weights in ±1/√inputs per hypernetwork and zero biases.
    public init<G: RandomNumberGenerator>(agents: Int, features: Int, embedding: Int, using generator: inout G) {
        self.agents = agents
        self.features = features
        self.embedding = embedding
        parameters = []
        for block in Block.allCases {
            let (inputs, outputs) = shape(block)
            let bound = 1 / Double(inputs).squareRoot()
            parameters += (0..<(inputs * outputs)).map { _ in (2 * generator.uniformUnit() - 1) * bound }
            parameters += [Double](repeating: 0, count: outputs)
        }
    }

    /// `y = b + xᵀW` for one hypernetwork.
    private func affine(_ block: Block, _ x: [Double]) -> [Double] {
        let (inputs, outputs) = shape(block)
        let base = offset(block)
        var y = Array(parameters[(base + inputs * outputs)..<(base + (inputs + 1) * outputs)])
        for i in 0..<inputs where x[i] != 0 {
            for o in 0..<outputs { y[o] += x[i] * parameters[base + i * outputs + o] }
        }
        return y
    }

    /// Adds the gradient of one hypernetwork's parameters for input `x` and output gradient `dy`.
    private func accumulate(_ block: Block, _ x: [Double], _ dy: [Double], into gradient: inout [Double]) {
        let (inputs, outputs) = shape(block)
        let base = offset(block)
        for i in 0..<inputs where x[i] != 0 {
            for o in 0..<outputs { gradient[base + i * outputs + o] += x[i] * dy[o] }
        }
        for o in 0..<outputs { gradient[base + inputs * outputs + o] += dy[o] }
    }

    private static func elu(_ z: Double) -> Double { z > 0 ? z : exp(z) - 1 }

    /// Q_tot for the agents' utilities `utilities` in the state with features `state`.
    public func value(_ utilities: [Double], state: [Double]) -> Double {
        valueAndGradient(utilities, state: state, outputGradient: nil).value
    }

    /// Q_tot, and when `outputGradient` is given (dL/dQ_tot), the gradient of L with respect to the
    /// utilities, its gradient with respect to the parameters being added to `parameterGradient`.
    @discardableResult
    public func valueAndGradient(
        _ utilities: [Double], state: [Double], outputGradient: Double?, parameterGradient: inout [Double]
    ) -> (value: Double, utilityGradient: [Double]) {
        let raw1 = affine(.firstWeights, state)
        let bias1 = affine(.firstBiases, state)
        let raw2 = affine(.secondWeights, state)
        let valueHidden = affine(.valueHidden, state).map { max($0, 0) }
        let stateValue = affine(.valueOutput, valueHidden)[0]
        var z = bias1
        for i in 0..<agents {
            for e in 0..<embedding { z[e] += utilities[i] * abs(raw1[i * embedding + e]) }
        }
        let hidden = z.map(Self.elu)
        var total = stateValue
        for e in 0..<embedding { total += abs(raw2[e]) * hidden[e] }
        guard let g = outputGradient else { return (total, []) }

        let dRaw2 = (0..<embedding).map { e in g * hidden[e] * (raw2[e] < 0 ? -1 : 1) }
        let dz = (0..<embedding).map { e in g * abs(raw2[e]) * (z[e] > 0 ? 1 : hidden[e] + 1) }
        var dRaw1 = [Double](repeating: 0, count: agents * embedding)
        var dUtilities = [Double](repeating: 0, count: agents)
        for i in 0..<agents {
            for e in 0..<embedding {
                let w = raw1[i * embedding + e]
                dRaw1[i * embedding + e] = dz[e] * utilities[i] * (w < 0 ? -1 : 1)
                dUtilities[i] += dz[e] * abs(w)
            }
        }
        accumulate(.firstWeights, state, dRaw1, into: &parameterGradient)
        accumulate(.firstBiases, state, dz, into: &parameterGradient)
        accumulate(.secondWeights, state, dRaw2, into: &parameterGradient)
        accumulate(.valueOutput, valueHidden, [g], into: &parameterGradient)
        let weightsOut = offset(.valueOutput)
        let dValueHidden = (0..<embedding).map { e in valueHidden[e] > 0 ? g * parameters[weightsOut + e] : 0 }
        accumulate(.valueHidden, state, dValueHidden, into: &parameterGradient)
        return (total, dUtilities)
    }

    private func valueAndGradient(_ utilities: [Double], state: [Double], outputGradient: Double?) -> (value: Double, utilityGradient: [Double]) {
        var unused = [Double]()
        return valueAndGradient(utilities, state: state, outputGradient: outputGradient, parameterGradient: &unused)
    }
}
