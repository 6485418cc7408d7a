import Foundation

/// Numbers as the book prints them everywhere (prose, tables, ticks, labels in figures): a true
/// minus sign (U+2212), thousands grouped with a comma from 1,000 up, a fixed number of decimals.
public enum NumberText {
    /// `value` with `decimals` decimals: −0.09, 1,000, 12,345.6; never "−0.00".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? "\u{2212}∞" : "∞") }
        var text = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        if whole.count > 3 {
            var grouped = ""
            while whole.count > 3 {
                grouped = "," + String(whole.suffix(3)) + grouped
                whole.removeLast(3)
            }
            text = String(whole) + grouped + (parts.count > 1 ? "." + parts[1] : "")
        }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return value < 0 && !isZero ? "\u{2212}" + text : text
    }

    /// `value` with `digits` significant digits, trailing zeros kept so a column printed with
    /// it has one precision: 0.00350, 0.0521, 1.18, 14.0; whole numbers of more digits stay
    /// whole (1,234 at three digits).
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, decimals: max(0, digits - 1)) }
        let magnitude = Int(floor(log10(abs(value))))
        var decimals = max(0, digits - 1 - magnitude)
        // Rounding can carry into a new digit (9.996 → 10.0): one decimal fewer then.
        let rounded = (abs(value) * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        if decimals > 0, Int(floor(log10(rounded))) > magnitude { decimals -= 1 }
        return fixed(value, decimals: decimals)
    }

    /// `value` in scientific notation as the book prints it outside formulas: "1.3 × 10⁻¹²"
    /// with `digits` significant digits (the exponent in superscript digits, which the writers
    /// raise in the text's own font). With `trimmingZeros` the mantissa drops trailing zeros
    /// (10⁻⁶ rather than 1.0 × 10⁻⁶), for values that are bounds rather than measurements.
    public static func scientific(_ value: Double, digits: Int, trimmingZeros: Bool = false) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, decimals: 0) }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        let decimals = max(0, digits - 1)
        if abs((mantissa * pow(10, Double(decimals))).rounded()) >= 10 * pow(10, Double(decimals)) {
            exponent += 1
            mantissa /= 10
        }
        let power = "10" + superscript(exponent)
        var lead = fixed(mantissa, decimals: decimals)
        if trimmingZeros, lead.contains(".") {
            while lead.hasSuffix("0") { lead.removeLast() }
            if lead.hasSuffix(".") { lead.removeLast() }
        }
        return lead == "1" ? power : (lead == "\u{2212}1" ? "\u{2212}" + power : lead + " \u{00D7} " + power)
    }

    /// An integer in Unicode superscript digits, with a superscript minus.
    static func superscript(_ n: Int) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(n).map { map[$0] ?? $0 })
    }
}
