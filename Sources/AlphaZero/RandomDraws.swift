import Foundation
import Randomness

extension RandomNumberGenerator {
    /// A standard normal draw (Box–Muller on two uniform draws of the project's generator).
    public mutating func standardNormal() -> Double {
        let u1 = 1 - uniformUnit()
        let u2 = uniformUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Gamma(`shape`, 1) draw by Marsaglia and Tsang's method (boosted for shape < 1).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0, "the gamma shape must be positive")
        if shape < 1 {
            let u = 1 - uniformUnit()
            return gamma(shape: shape + 1) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1 - uniformUnit()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    /// A draw from the symmetric Dirichlet distribution with parameter `alpha` over `count` outcomes.
    public mutating func dirichlet(alpha: Double, count: Int) -> [Double] {
        let draws = (0..<count).map { _ in gamma(shape: alpha) }
        let total = draws.reduce(0, +)
        return total > 0 ? draws.map { $0 / total } : [Double](repeating: 1 / Double(count), count: count)
    }
}
