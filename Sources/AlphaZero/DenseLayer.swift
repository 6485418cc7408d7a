import Foundation

/// A fully connected layer `y = x W + b` over a batch, with weights stored input-major
/// (`weights[i * outputs + o]`), so the inner loops run along contiguous output rows, eight
/// floats per vector register.
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
        var nonzero = [Int](repeating: 0, count: inputs)
        input.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                biases.withUnsafeBufferPointer { b in
                    output.withUnsafeMutableBufferPointer { y in
                        nonzero.withUnsafeMutableBufferPointer { active in
                            for row in 0..<batch {
                                let xRow = x.baseAddress! + row &* inputs
                                let out = y.baseAddress! + row &* outputs
                                // The nonzero inputs (ReLU and board planes are sparse), listed
                                // without branches, which would be mispredicted half the time.
                                var count = 0
                                for i in 0..<inputs {
                                    active[count] = i
                                    count &+= xRow[i] != 0 ? 1 : 0
                                }
                                Self.accumulateRows(width: outputs, start: b.baseAddress!, into: out, terms: count,
                                               coefficient: { xRow[active[$0]] }, row: { w.baseAddress! + active[$0] &* outputs })
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
                        }
                        // Each block of a weight row accumulates over the batch's rows whose
                        // input is nonzero, in registers.
                        var rows = [Int](repeating: 0, count: batch)
                        rows.withUnsafeMutableBufferPointer { active in
                            for i in 0..<inputs {
                                var count = 0
                                for row in 0..<batch {
                                    active[count] = row
                                    count &+= x[row &* inputs &+ i] != 0 ? 1 : 0
                                }
                                let dwRow = dw.baseAddress! + i &* outputs
                                Self.accumulateRows(width: outputs, start: dwRow, into: dwRow, terms: count,
                                               coefficient: { x[active[$0] &* inputs &+ i] }, row: { dy.baseAddress! + active[$0] &* outputs })
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
                                var low = Vector()
                                var high = Vector()
                                var o = 0
                                while o + 16 <= outputs {
                                    low += Vector.load(wRow + o) * Vector.load(g + o)
                                    high += Vector.load(wRow + o + 8) * Vector.load(g + o + 8)
                                    o += 16
                                }
                                var sum = (low + high).sum()
                                while o < outputs {
                                    sum += wRow[o] * g[o]
                                    o += 1
                                }
                                dx[row * inputs + i] = sum
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }

    /// `destination[o] = start[o] + Σ_k coefficient(k) · row(k)[o]` for `o < width`, summed in `k`
    /// order. Sixteen outputs at a time stay in registers while the rows stream by; the forward
    /// pass (rows of weights) and the weight gradient (rows of output gradients) both use it.
    @inline(__always)
    private static func accumulateRows(
        width: Int, start: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>, terms: Int,
        coefficient: (Int) -> Float, row: (Int) -> UnsafePointer<Float>
    ) {
        var o = 0
        while o + 16 <= width {
            var low = Vector.load(start + o)
            var high = Vector.load(start + o + 8)
            for k in 0..<terms {
                let (factor, source) = (coefficient(k), row(k) + o)
                low += factor * Vector.load(source)
                high += factor * Vector.load(source + 8)
            }
            Vector.store(low, destination + o)
            Vector.store(high, destination + o + 8)
            o += 16
        }
        while o < width {
            var sum = start[o]
            for k in 0..<terms { sum += coefficient(k) * row(k)[o] }
            destination[o] = sum
            o += 1
        }
    }

    /// A layer of the same shape with every parameter zero (a gradient accumulator).
    public var zeroed: DenseLayer {
        DenseLayer(inputs: inputs, outputs: outputs, weights: [Float](repeating: 0, count: weights.count), biases: [Float](repeating: 0, count: outputs))
    }
}


/// Eight floats in vector registers, loaded from and stored to unaligned memory.
typealias Vector = SIMD8<Float>

extension SIMD8 where Scalar == Float {
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    @inline(__always)
    static func store(_ value: Self, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Self.self)
    }
}
