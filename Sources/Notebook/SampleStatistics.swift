import Foundation

/// Summary statistics of replicate samples, for bands, tables and claims.
public struct SampleSummary: Hashable, Codable, Sendable {
    /// The number of values.
    public let count: Int
    /// The mean.
    public let mean: Double
    /// The sample standard deviation (n - 1 in the denominator).
    public let standardDeviation: Double

    /// Summarises `values` (at least one).
    public init<C: Collection>(_ values: C) where C.Element: BinaryFloatingPoint {
        precondition(!values.isEmpty, "cannot summarise an empty sample")
        count = values.count
        let doubles = values.map { Double($0) }
        let average = doubles.reduce(0, +) / Double(count)
        mean = average
        let squares = doubles.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
    }

    /// Summarises integer `values` (at least one).
    public init<C: Collection>(_ values: C) where C.Element: BinaryInteger {
        self.init(values.map { Double($0) })
    }

    /// The standard error of the mean.
    public var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : .nan }

    /// Half the width of the two-sided confidence interval for the mean (Student t).
    public func confidenceHalfWidth(level: Double = 0.95) -> Double {
        guard count > 1 else { return 0 }
        return Self.studentT(quantile: 1 - (1 - level) / 2, degreesOfFreedom: count - 1) * standardError
    }

    /// The confidence interval for the mean.
    public func confidenceInterval(level: Double = 0.95) -> ClosedRange<Double> {
        let h = confidenceHalfWidth(level: level)
        return (mean - h)...(mean + h)
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -normalQuantile(1 - p) }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// Student's t quantile, by the Cornish–Fisher expansion around the normal quantile
    /// (within 0.2% of the exact value for 5 or more degrees of freedom).
    public static func studentT(quantile p: Double, degreesOfFreedom nu: Int) -> Double {
        let z = normalQuantile(p)
        let n = Double(nu)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
    }
}
