import LaTeXMath

/// Formulas as Pango markup text, for places where a laid-out box cannot go (the PDF outline,
/// the table of contents): Unicode symbols, italic letters, raised and lowered scripts, slashed
/// fractions. Built from the same parse as the typeset formulas.
enum MathMarkup {
    /// Pango markup for `latex` (the escaped source if it does not parse).
    static func markup(_ latex: String) -> String {
        guard let nodes = try? MathParser.parse(latex) else { return PangoMarkup.escape(latex) }
        return nodes.map(markup).joined()
    }

    static func markup(_ node: MathNode) -> String {
        switch node {
        case .letter(let l): return "<i>\(PangoMarkup.escape(l))</i>"
        case .number(let n): return n
        case .symbol(let s, let kind):
            let text = PangoMarkup.escape(s)
            return kind == .relation || kind == .binary ? "\u{2009}\(text)\u{2009}" : text
        case .operatorName(let name, _): return name + "\u{2009}"
        case .largeOperator(let op): return op
        case .group(let nodes): return nodes.map(markup).joined()
        case .scripts(let base, let sub, let sup):
            var text = markup(base)
            if let sub { text += "<span baseline_shift=\"subscript\" font_scale=\"subscript\">\(markup(sub))</span>" }
            if let sup { text += "<span baseline_shift=\"superscript\" font_scale=\"superscript\">\(markup(sup))</span>" }
            return text
        case .fraction(let a, let b): return "(\(markup(a)))/(\(markup(b)))"
        case .radical(let x): return "√(\(markup(x)))"
        case .accent(let accent, let x):
            let mark = accent == .hat ? "\u{0302}" : accent == .bar ? "\u{0304}" : "\u{0303}"
            return markup(x) + mark
        case .underbrace(let body, _): return markup(body)
        case .delimited(let left, let body, let right):
            return PangoMarkup.escape(left == "." ? "" : left) + markup(body) + PangoMarkup.escape(right == "." ? "" : right)
        case .styled(let font, let body):
            switch font {
            case .roman: return plainLetters(body)
            case .blackboard: return MathAlphabet.styled(plainLetters(body), .blackboard)
            case .calligraphic: return MathAlphabet.styled(plainLetters(body), .calligraphic)
            case .bold: return "<b>\(plainLetters(body))</b>"
            }
        case .text(let t): return PangoMarkup.escape(t)
        case .space(let ems): return ems >= 1 ? "\u{2003}" : ems > 0 ? "\u{2009}" : ""
        }
    }

    /// The letters and digits of a node, unstyled.
    static func plainLetters(_ node: MathNode) -> String {
        switch node {
        case .letter(let l), .number(let l), .text(let l): return PangoMarkup.escape(l)
        case .group(let nodes): return nodes.map(plainLetters).joined()
        default: return markup(node)
        }
    }
}
