import Foundation

/// A fully connected layer `y = x W + b` over a batch, with weights stored input-major
/// (`weights[i * outputs + o]`), so the forward and weight-gradient loops run along contiguous
/// output rows (vectorised "axpy" loops, no floating-point reductions).
public struct DenseLayer: Sendable, Equatable {
    /// Inputs per example.
    public let inputs: Int
    /// Outputs per example.
    public let outputs: Int
    /// `inputs * outputs` weights, input-major.
    public var weights: [Float]
    /// `outputs` biases.
    public var biases: [Float]

    /// A layer with He-initialised weights (normal with variance 2 / inputs) and zero biases.
    public init<G: RandomNumberGenerator>(inputs: Int, outputs: Int, using generator: inout G) {
        self.inputs = inputs
        self.outputs = outputs
        let scale = (2 / Double(inputs)).squareRoot()
        weights = (0..<(inputs * outputs)).map { _ in Float(generator.standardNormal() * scale) }
        biases = [Float](repeating: 0, count: outputs)
    }

    /// A layer with the given parameters.
    public init(inputs: Int, outputs: Int, weights: [Float], biases: [Float]) {
        precondition(weights.count == inputs * outputs && biases.count == outputs, "layer parameter sizes do not match \(inputs)x\(outputs)")
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.biases = biases
    }

    /// `batch` rows of outputs for `batch` rows of `input`.
    public func forward(_ input: [Float], batch: Int) -> [Float] {
        var output = [Float](repeating: 0, count: batch * outputs)
        let (inputs, outputs) = (self.inputs, self.outputs)
        input.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                biases.withUnsafeBufferPointer { b in
                    output.withUnsafeMutableBufferPointer { y in
                        for row in 0..<batch {
                            let out = y.baseAddress! + row * outputs
                            for o in 0..<outputs { out[o] = b[o] }
                            for i in 0..<inputs {
                                let xi = x[row * inputs + i]
                                if xi == 0 { continue }
                                let wRow = w.baseAddress! + i * outputs
                                for o in 0..<outputs { out[o] += xi * wRow[o] }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// Accumulates the gradients of the weights and biases into `gradient` (same layout as the
    /// layer) for the batch's inputs and output gradients, and returns the input gradients when
    /// `needInputGradient`.
    public func backward(input: [Float], outputGradient: [Float], batch: Int, into gradient: inout DenseLayer, needInputGradient: Bool) -> [Float] {
        let (inputs, outputs) = (self.inputs, self.outputs)
        var inputGradient = [Float](repeating: 0, count: needInputGradient ? batch * inputs : 0)
        input.withUnsafeBufferPointer { x in
            outputGradient.withUnsafeBufferPointer { dy in
                gradient.weights.withUnsafeMutableBufferPointer { dw in
                    gradient.biases.withUnsafeMutableBufferPointer { db in
                        for row in 0..<batch {
                            let g = dy.baseAddress! + row * outputs
                            for o in 0..<outputs { db[o] += g[o] }
                            for i in 0..<inputs {
                                let xi = x[row * inputs + i]
                                if xi == 0 { continue }
                                let dwRow = dw.baseAddress! + i * outputs
                                for o in 0..<outputs { dwRow[o] += xi * g[o] }
                            }
                        }
                    }
                }
            }
            guard needInputGradient else { return }
            weights.withUnsafeBufferPointer { w in
                inputGradient.withUnsafeMutableBufferPointer { dx in
                    outputGradient.withUnsafeBufferPointer { dy in
                        for row in 0..<batch {
                            let g = dy.baseAddress! + row * outputs
                            for i in 0..<inputs {
                                let wRow = w.baseAddress! + i * outputs
                                // Four partial sums let the loop pipeline without reassociation.
                                var (s0, s1, s2, s3): (Float, Float, Float, Float) = (0, 0, 0, 0)
                                var o = 0
                                while o + 4 <= outputs {
                                    s0 += wRow[o] * g[o]
                                    s1 += wRow[o + 1] * g[o + 1]
                                    s2 += wRow[o + 2] * g[o + 2]
                                    s3 += wRow[o + 3] * g[o + 3]
                                    o += 4
                                }
                                while o < outputs {
                                    s0 += wRow[o] * g[o]
                                    o += 1
                                }
                                dx[row * inputs + i] = (s0 + s1) + (s2 + s3)
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }

    /// A layer of the same shape with every parameter zero (a gradient accumulator).
    public var zeroed: DenseLayer {
        DenseLayer(inputs: inputs, outputs: outputs, weights: [Float](repeating: 0, count: weights.count), biases: [Float](repeating: 0, count: outputs))
    }
}

