import Dispatch
import Synchronization

extension UnrollBatch {
    /// The positions in `range`, as a batch of their own.
    func rows(_ range: Range<Int>) -> UnrollBatch {
        let inputs = observations.count / max(1, count)
        let moves = policies[0].count / max(1, count)
        return UnrollBatch(
            count: range.count, steps: steps,
            observations: Array(observations[(range.lowerBound * inputs)..<(range.upperBound * inputs)]),
            actions: actions.map { Array($0[range]) },
            policies: policies.map { Array($0[(range.lowerBound * moves)..<(range.upperBound * moves)]) },
            policyWeights: policyWeights.map { Array($0[range]) },
            values: values.map { Array($0[range]) },
            rewards: rewards.map { Array($0[range]) })
    }
}

extension MuZeroNetwork {
    /// The loss on `batch` and its gradient, computed on `chunks` consecutive parts of the batch
    /// at once and averaged in chunk order, weighted by size, with the L2 term added once. The
    /// chunk count, not the number of cores, fixes the arithmetic, so the result is the same on
    /// any machine.
    public func lossAndGradient(_ batch: UnrollBatch, l2 c: Float, weights: MuZeroLossWeights = .unit, chunks: Int, unrollGradientScale: Float = 0.5) -> (MuZeroLoss, MuZeroNetwork) {
        let n = batch.count
        let parts = max(1, min(chunks, n))
        guard parts > 1 else { return lossAndGradient(batch, l2: c, weights: weights, unrollGradientScale: unrollGradientScale) }
        let bounds = (0...parts).map { $0 * n / parts }
        let results = Mutex([(MuZeroLoss, MuZeroNetwork)?](repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let partResult = lossAndGradient(batch.rows(bounds[part]..<bounds[part + 1]), l2: 0, weights: weights, unrollGradientScale: unrollGradientScale)
            results.withLock { $0[part] = partResult }
        }
        var loss = MuZeroLoss.zero
        var gradient = zeroed
        let partResults = results.withLock { $0.map { $0! } }
        for (part, (partLoss, partGradient)) in partResults.enumerated() {
            let weight = Double(bounds[part + 1] - bounds[part]) / Double(n)
            loss.value += weight * partLoss.value
            loss.policy += weight * partLoss.policy
            loss.reward += weight * partLoss.reward
            let w = Float(weight)
            for l in layers.indices {
                for k in gradient.layers[l].weights.indices { gradient.layers[l].weights[k] += w * partGradient.layers[l].weights[k] }
                for k in gradient.layers[l].biases.indices { gradient.layers[l].biases[k] += w * partGradient.layers[l].biases[k] }
            }
        }
        loss.regularisation = addRegularisation(c, to: &gradient)
        return (loss, gradient)
    }
}
