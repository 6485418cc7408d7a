import Foundation

/// Formulas as plain Unicode text for places that cannot show typeset math: alt texts of
/// figures, plain-text summaries. Built from the same parse as the typeset formulas, so
/// `\max_a Q(s,a)` reads "maxₐ Q(s, a)" and `\gamma^{d-1}` reads "γ^(d−1)", never raw TeX.
public enum MathPlainText {
    /// The plain text of `latex`; the source itself, without backslashes, if it does not parse.
    public static func text(of latex: String) -> String {
        guard let nodes = try? MathParser.parse(latex) else { return latex.replacingOccurrences(of: "\\", with: "") }
        return nodes.map(text).joined().trimmingCharacters(in: .whitespaces)
    }

    static func text(_ node: MathNode) -> String {
        switch node {
        case .letter(let l), .number(let l), .text(let l): return l
        case .symbol(let s, let kind):
            switch kind {
            case .relation, .binary: return " \(s == "-" ? "\u{2212}" : s) "
            case .punctuation: return s + " "
            default: return s == "-" ? "\u{2212}" : s
            }
        case .operatorName(let name, _): return name + " "
        case .largeOperator(let op): return op
        case .group(let nodes): return nodes.map(text).joined()
        case .scripts(let base, let sub, let sup):
            var out = text(base).trimmingCharacters(in: .whitespaces)
            if let sub { out += script(text(sub), map: subscripts, marker: "_") }
            if let sup { out += script(text(sup), map: superscripts, marker: "^") }
            return out + (isOperator(base) ? " " : "")
        case .fraction(let a, let b): return grouped(text(a)) + "/" + grouped(text(b))
        case .radical(let x): return "√" + grouped(text(x))
        case .accent(let accent, let x):
            return text(x) + (accent == .hat ? "\u{0302}" : accent == .bar ? "\u{0304}" : "\u{0303}")
        case .underbrace(let body, _): return text(body)
        case .delimited(let left, let body, let right):
            return (left == "." ? "" : left) + text(body) + (right == "." ? "" : right)
        case .styled(_, let body): return text(body)
        case .space(let ems): return ems >= 0.15 ? " " : ""
        }
    }

    private static func isOperator(_ node: MathNode) -> Bool {
        switch node {
        case .operatorName, .largeOperator: true
        default: false
        }
    }

    /// A script as Unicode sub- or superscript characters when every character has one, else
    /// written out with its marker: "^(d−1)".
    private static func script(_ body: String, map: [Character: Character], marker: String) -> String {
        let trimmed = body.replacingOccurrences(of: " ", with: "")
        if trimmed.allSatisfy({ map[$0] != nil }) { return String(trimmed.map { map[$0]! }) }
        return marker + (trimmed.count == 1 ? trimmed : "(\(trimmed))")
    }

    private static func grouped(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 1 || trimmed.allSatisfy({ $0.isNumber || $0 == "." }) ? trimmed : "(\(trimmed))"
    }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "\u{2212}": "⁻", "-": "⁻", "n": "ⁿ", "i": "ⁱ", "*": "*", "\u{2217}": "*", "⊤": "ᵀ",
    ]
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "\u{2212}": "₋", "-": "₋", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ",
        "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
    ]
}
