import Foundation

/// Maps data values on one axis to positions, and chooses its ticks.
struct Scale {
    let kind: ScaleKind
    let domain: ClosedRange<Double>
    /// The positions of the domain's lower and upper ends (before reversal); may decrease.
    let range: (start: Double, end: Double)
    let reversed: Bool

    /// The position of `value`.
    func position(_ value: Double) -> Double {
        let t: Double
        switch kind {
        case .linear:
            t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .log:
            let v = max(value, Double.leastNormalMagnitude)
            t = (log10(v) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        }
        let u = reversed ? 1 - t : t
        return range.start + u * (range.end - range.start)
    }

    /// Tick values inside the domain.
    func ticks() -> [Double] {
        switch kind {
        case .linear: Self.linearTicks(domain)
        case .log: Self.logTicks(domain)
        }
    }

    /// A tick step of 1, 2, 2.5 or 5 times a power of ten giving about `target` intervals.
    static func niceStep(for span: Double, target: Double = 5) -> Double {
        guard span > 0 else { return 1 }
        let raw = span / target
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
        return nice * power
    }

    static func linearTicks(_ domain: ClosedRange<Double>) -> [Double] {
        let step = niceStep(for: domain.upperBound - domain.lowerBound)
        // Round each tick to the step's precision so that 3 x 0.2 prints and compares as 0.6.
        let precision = pow(10, max(0, 2 - floor(log10(step))))
        var ticks = [Double]()
        var k = (domain.lowerBound / step - 1e-9).rounded(.up)
        while k * step <= domain.upperBound + step * 1e-9 {
            let value = (k * step * precision).rounded() / precision
            ticks.append(value == 0 ? 0 : value)
            k += 1
        }
        return ticks
    }

    static func logTicks(_ domain: ClosedRange<Double>) -> [Double] {
        let low = Int(floor(log10(domain.lowerBound) + 1e-9))
        let high = Int(ceil(log10(domain.upperBound) - 1e-9))
        let multipliers: [Double] = high - low <= 2 ? [1, 2, 5] : [1]
        var ticks = [Double]()
        for e in low...high {
            for m in multipliers {
                let v = m * pow(10, Double(e))
                if v >= domain.lowerBound * (1 - 1e-9) && v <= domain.upperBound * (1 + 1e-9) { ticks.append(v) }
            }
        }
        return ticks
    }

    /// The domain `data` spans, widened to nice tick values (linear) or whole decades (log).
    static func niceDomain(_ data: ClosedRange<Double>, kind: ScaleKind) -> ClosedRange<Double> {
        switch kind {
        case .linear:
            var low = data.lowerBound
            var high = data.upperBound
            if low == high {
                low -= 1
                high += 1
            }
            let step = niceStep(for: high - low)
            return (floor(low / step + 1e-9) * step)...(ceil(high / step - 1e-9) * step)
        case .log:
            let low = max(data.lowerBound, 1e-12)
            let high = max(data.upperBound, low * 10)
            return pow(10, floor(log10(low)))...pow(10, ceil(log10(high)))
        }
    }

    /// Labels for the ticks `values` of a linear axis: every value printed exactly and all with
    /// the same number of decimals (the fewest that print each one exactly, so 0.00, 0.25, 0.50
    /// and never 0.2, 0.5), negative numbers with a true minus sign (U+2212), thousands grouped by
    /// a comma as in the prose (1,000), and integral powers of ten from a million up as 10⁶.
    static func labels(_ values: [Double]) -> [String] {
        let decimals = values.map(decimalsToPrint).max() ?? 0
        return values.map { label($0, decimals: decimals) }
    }

    /// The fewest decimals (up to 6) that print `value` exactly.
    static func decimalsToPrint(_ value: Double) -> Int {
        for decimals in 0...6 {
            let scaled = value * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled)) { return decimals }
        }
        return 6
    }

    /// `value` with `decimals` decimals, as `labels` prints it.
    static func label(_ value: Double, decimals: Int) -> String {
        if abs(value) >= 1e6, value == value.rounded() {
            let exponent = Int(log10(abs(value)).rounded())
            if pow(10, Double(exponent)) == abs(value) { return (value < 0 ? "\u{2212}" : "") + "10" + superscript(exponent) }
        }
        return NumberText.fixed(value, decimals: decimals)
    }

    /// A label for a tick on a log axis: its own number of decimals below 1, powers of ten
    /// written as such below 0.001 and from a million up.
    static func logLabel(_ value: Double) -> String {
        if value >= 1 { return label(value, decimals: decimalsToPrint(value)) }
        let exponent = Int(floor(log10(value) + 1e-9))
        if exponent < -3 {
            let mantissa = value / pow(10, Double(exponent))
            let power = "10" + superscript(exponent)
            return abs(mantissa - 1) < 1e-9 ? power : String(format: "%.0f×", mantissa) + power
        }
        return String(format: "%.\(-exponent)f", value)
    }

    /// Labels for the ticks of a log axis, in one style for the whole axis: when any tick needs
    /// a power of ten (below 0.001 or from a million up), every tick is written as one (10³,
    /// 2×10³), so an axis never mixes 10⁶ with 100 000; else as plain numbers.
    static func logLabels(_ values: [Double]) -> [String] {
        let needsPowers = values.contains { $0 >= 1e6 || $0 < 1e-3 }
        guard needsPowers else { return values.map(logLabel) }
        return values.map { value in
            let exponent = Int(floor(log10(value) + 1e-9))
            let mantissa = value / pow(10, Double(exponent))
            let power = "10" + superscript(exponent)
            return abs(mantissa - 1) < 1e-9 ? power : String(format: "%.0f×", mantissa) + power
        }
    }

    static func superscript(_ n: Int) -> String { NumberText.superscript(n) }
}

/// Approximate text widths for layout, so that layout stays pure Swift and independent of the
/// fonts installed; the widths are TeX Gyre Heros (Helvetica) advance widths per em.
public enum TextMetrics {
    /// The approximate width of `text` at `size` points.
    public static func width(of text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": em += 0.556
            case " ", ".", ",", ":", ";", "i", "j", "l", "!", "|", "'", "\u{2009}": em += 0.26
            case "\u{2212}", "+", "=", "×": em += 0.584
            // Exponents are drawn as raised digits at 70% of the size.
            case "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹": em += 0.39
            case "⁻": em += 0.41
            case "f", "t", "r", "(", ")", "[", "]", "-": em += 0.33
            case "m", "w", "M", "W": em += 0.85
            case "A"..."Z": em += 0.68
            default: em += 0.53
            }
        }
        return em * size * (bold ? 1.06 : 1)
    }
}
