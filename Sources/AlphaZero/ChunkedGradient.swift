import Dispatch
import Synchronization

extension TrainingBatch {
    /// The examples in `range`, as a batch of their own.
    public func rows(_ range: Range<Int>) -> TrainingBatch {
        let inputSize = inputs.count / max(1, count)
        let moves = policies.count / max(1, count)
        return TrainingBatch(
            inputs: Array(inputs[(range.lowerBound * inputSize)..<(range.upperBound * inputSize)]),
            policies: Array(policies[(range.lowerBound * moves)..<(range.upperBound * moves)]),
            legal: Array(legal[(range.lowerBound * moves)..<(range.upperBound * moves)]),
            values: Array(values[range]))
    }
}

extension PolicyValueNetwork {
    /// The loss on `batch` and its gradient, computed on `chunks` consecutive parts of the batch
    /// at once (one thread each, as many as the machine runs) and averaged in chunk order,
    /// weighted by size, with the L2 term added once. The chunk count, not the thread count,
    /// fixes the arithmetic, so the result is the same on any machine.
    public func lossAndGradient(_ batch: TrainingBatch, l2 c: Float, chunks: Int) -> (Loss, PolicyValueNetwork) {
        let n = batch.count
        let parts = max(1, min(chunks, n))
        guard parts > 1 else { return lossAndGradient(batch, l2: c) }
        let bounds = (0...parts).map { $0 * n / parts }
        let results = Mutex([(Loss, PolicyValueNetwork)?](repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let partResult = lossAndGradient(batch.rows(bounds[part]..<bounds[part + 1]), l2: 0)
            results.withLock { $0[part] = partResult }
        }
        let partResults = results.withLock { $0.map { $0! } }
        var loss = Loss(value: 0, policy: 0, regularisation: 0)
        var gradient = PolicyValueNetwork(shape: shape, layers: layers.map(\.zeroed))
        for (part, (partLoss, partGradient)) in partResults.enumerated() {
            let weight = Double(bounds[part + 1] - bounds[part]) / Double(n)
            loss.value += weight * partLoss.value
            loss.policy += weight * partLoss.policy
            let w = Float(weight)
            for l in layers.indices { gradient.layers[l].add(partGradient.layers[l], scaledBy: w) }
        }
        loss.regularisation = addRegularisation(c, to: &gradient)
        return (loss, gradient)
    }
}

extension DenseLayer {
    /// Adds `scale` times `other`'s parameters to this layer's.
    mutating func add(_ other: DenseLayer, scaledBy scale: Float) {
        func axpy(_ y: inout [Float], _ x: [Float]) {
            y.withUnsafeMutableBufferPointer { y in
                x.withUnsafeBufferPointer { x in
                    for k in 0..<y.count { y[k] += scale * x[k] }
                }
            }
        }
        axpy(&weights, other.weights)
        axpy(&biases, other.biases)
    }
}
