/// A stochastic policy: `probabilities[s][a]` = pi(a | s).
public struct StochasticPolicy: Sendable, Equatable {
    /// The action probabilities per state.
    public var probabilities: [[Double]]

    /// Creates a policy.
    public init(probabilities: [[Double]]) {
        self.probabilities = probabilities
    }

    /// The uniformly random policy.
    public static func uniform(states: Int, actions: Int) -> StochasticPolicy {
        StochasticPolicy(probabilities: Array(repeating: Array(repeating: 1 / Double(actions), count: actions), count: states))
    }

    /// The deterministic policy that takes `actions[s]` in state s.
    public static func deterministic(_ actions: [Int], actionCount: Int) -> StochasticPolicy {
        StochasticPolicy(probabilities: actions.map { a in (0..<actionCount).map { $0 == a ? 1 : 0 } })
    }
}

extension FiniteMDP {
    /// The state distributions after 1, 2, …, `horizon` steps from `start` under `policy`,
    /// computed exactly by propagating the distribution (no sampling).
    public func stateDistributions(from start: [Double], policy: StochasticPolicy, horizon: Int) -> [[Double]] {
        // The policy's state-to-state matrix, once.
        var step = [[(Int, Double)]](repeating: [], count: stateCount)
        for s in 0..<stateCount {
            var row = [Double](repeating: 0, count: stateCount)
            for a in 0..<actionCount where policy.probabilities[s][a] > 0 {
                let pa = policy.probabilities[s][a]
                for (next, p) in transitions[s][a].enumerated() where p > 0 { row[next] += pa * p }
            }
            step[s] = row.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
        }
        var current = start
        var result = [[Double]]()
        for _ in 0..<horizon {
            var next = [Double](repeating: 0, count: stateCount)
            for (s, mass) in current.enumerated() where mass > 0 {
                for (t, p) in step[s] { next[t] += mass * p }
            }
            result.append(next)
            current = next
        }
        return result
    }

    /// The value of `policy` in every state, by solving the Bellman equation exactly.
    public func evaluate(_ policy: StochasticPolicy) -> [Double] {
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: stateCount + 1), count: stateCount)
        for s in 0..<stateCount {
            matrix[s][s] += 1
            for a in 0..<actionCount where policy.probabilities[s][a] > 0 {
                let pa = policy.probabilities[s][a]
                matrix[s][stateCount] += pa * rewards[s][a]
                for (next, p) in transitions[s][a].enumerated() where p > 0 { matrix[s][next] -= discount * pa * p }
            }
        }
        return LinearSystem.solve(augmented: matrix)
    }

    /// Optimal values and a greedy policy by value iteration, to `tolerance` in the max norm.
    public func valueIteration(tolerance: Double = 1e-10, maximumSweeps: Int = 100_000) -> (values: [Double], policy: [Int]) {
        var values = [Double](repeating: 0, count: stateCount)
        var policy = [Int](repeating: 0, count: stateCount)
        for _ in 0..<maximumSweeps {
            var change = 0.0
            for s in 0..<stateCount {
                var best = -Double.infinity
                for a in 0..<actionCount {
                    var q = rewards[s][a]
                    for (next, p) in transitions[s][a].enumerated() where p > 0 { q += discount * p * values[next] }
                    if q > best {
                        best = q
                        policy[s] = a
                    }
                }
                change = max(change, abs(best - values[s]))
                values[s] = best
            }
            // The error of the values is at most change * gamma / (1 - gamma).
            if change * discount / (1 - discount) < tolerance { break }
        }
        return (values, policy)
    }
}

/// Distances between distributions.
public enum Distance {
    /// The L1 distance, sum of absolute differences.
    public static func l1(_ p: [Double], _ q: [Double]) -> Double {
        zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
    }

    /// The total variation distance, half the L1 distance.
    public static func totalVariation(_ p: [Double], _ q: [Double]) -> Double { l1(p, q) / 2 }
}
