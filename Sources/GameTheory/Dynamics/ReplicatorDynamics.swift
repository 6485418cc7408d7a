/// How to step an ordinary differential equation.
public enum Integrator: String, Codable, Sendable {
    /// Explicit Euler: first order; on the closed orbits of rock-paper-scissors it spirals outward.
    case euler
    /// Classical fourth-order Runge–Kutta: follows the closed orbits closely.
    case rungeKutta4
}

/// Replicator dynamics, dx_i/dt = x_i ((A x)_i − xᵀA x), for one population playing a symmetric
/// game against itself (the row player's matrix `payoffs`). Strategies that earn more than the
/// average grow. The right-hand side sums to zero, so the simplex is invariant; on
/// rock-paper-scissors the product x₁x₂x₃ is conserved, so the orbits are closed curves.
public struct ReplicatorDynamics: Sendable {
    /// The payoff of each strategy against each.
    public let payoffs: [[Double]]

    /// The dynamics of the symmetric game with these payoffs.
    public init(payoffs: [[Double]]) { self.payoffs = payoffs }

    /// dx/dt at `x`.
    public func velocity(_ x: [Double]) -> [Double] {
        let fitness = payoffs.map { line in zip(line, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let mean = zip(x, fitness).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(x, fitness).map { $0 * ($1 - mean) }
    }

    /// One step of length `h` from `x`.
    public func step(_ x: [Double], by h: Double, using integrator: Integrator) -> [Double] {
        func add(_ a: [Double], _ b: [Double], _ scale: Double) -> [Double] { zip(a, b).map { $0 + scale * $1 } }
        switch integrator {
        case .euler:
            return add(x, velocity(x), h)
        case .rungeKutta4:
            let k1 = velocity(x)
            let k2 = velocity(add(x, k1, h / 2))
            let k3 = velocity(add(x, k2, h / 2))
            let k4 = velocity(add(x, k3, h))
            return x.indices.map { x[$0] + h / 6 * (k1[$0] + 2 * k2[$0] + 2 * k3[$0] + k4[$0]) }
        }
    }

    /// The orbit from `start`: `steps` steps of length `h`, keeping every `every`-th point.
    public func orbit(from start: [Double], steps: Int, by h: Double, using integrator: Integrator, every: Int = 1) -> [[Double]] {
        var x = start
        var points = [x]
        for k in 1...steps {
            x = step(x, by: h, using: integrator)
            if k % every == 0 { points.append(x) }
        }
        return points
    }
}
