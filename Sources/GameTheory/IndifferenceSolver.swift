/// Solves, in doubles, for the mix over a support that makes the opponent indifferent across a
/// set of its strategies: `payoffs[t][s]` is what the opponent gets from its strategy `t` against
/// our strategy `s`. Holds its own scratch memory, so one per thread.
struct IndifferenceSolver {
    private let matrix: UnsafeMutablePointer<Double>
    /// After `solve`: the mix's probabilities on the support, in support order, then the value.
    let solution: UnsafeMutablePointer<Double>
    /// Pivots below this are treated as singular.
    let singular: Double

    init(capacity: Int, singular: Double) {
        matrix = .allocate(capacity: capacity * capacity)
        solution = .allocate(capacity: capacity)
        self.singular = singular
    }

    func deallocate() {
        matrix.deallocate()
        solution.deallocate()
    }

    /// Makes the opponent indifferent across `targets` (as many as `support`); false when the
    /// system is singular.
    @inline(__always)
    func solve(_ payoffs: [[Double]], targets: [Int], support: [Int]) -> Bool {
        let k = support.count
        for (e, t) in targets.prefix(k).enumerated() {
            for (u, s) in support.enumerated() { matrix[e * (k + 1) + u] = payoffs[t][s] }
            matrix[e * (k + 1) + k] = -1
            solution[e] = 0
        }
        for u in 0..<k { matrix[k * (k + 1) + u] = 1 }
        matrix[k * (k + 1) + k] = 0
        solution[k] = 1
        return LinearSystems.solve(matrix, solution, size: k + 1, singular: singular)
    }

    /// Whether some probability is below `-tolerance`.
    @inline(__always)
    func hasNegative(_ k: Int, tolerance: Double) -> Bool {
        (0..<k).contains { solution[$0] < -tolerance }
    }

    /// The opponent's payoff from `target` against the solved mix.
    @inline(__always)
    func payoff(_ payoffs: [[Double]], target: Int, support: [Int]) -> Double {
        var total = 0.0
        for (e, s) in support.enumerated() { total += payoffs[target][s] * solution[e] }
        return total
    }
}
