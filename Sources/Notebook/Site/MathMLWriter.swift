import Foundation
import LaTeXMath

/// Turns the project's LaTeX subset into MathML Core, the math every current browser renders
/// without script: letters in `mi`, numbers in `mn`, operators in `mo`, scripts, fractions,
/// radicals, accents and stretchy fences as their MathML elements, `\mathbb`, `\mathcal` and
/// `\mathbf` as the Unicode mathematical alphanumerics (MathML Core has no font variants).
public enum MathMLWriter {
    /// The formula as a `math` element (`display` for a displayed equation), its LaTeX source kept
    /// as the annotation so copying and screen readers have it; a formula that does not parse is
    /// an error (the resolver has checked every formula already).
    public static func math(_ latex: String, display: Bool) throws -> HTMLNode {
        let nodes = try MathParser.parse(latex)
        let row = HTML.el("mrow", [:], nodes.map { node($0, display: display) })
        let semantics = HTML.el("semantics", [:], [row, HTML.el("annotation", ["encoding": "application/x-tex"], text: latex)])
        return display ? HTML.el("math", ["display": "block"], [semantics]) : HTML.el("math", [:], [semantics])
    }

    static func node(_ node: MathNode, display: Bool) -> HTMLNode {
        switch node {
        case .letter(let letter):
            return HTML.el("mi", text: letter)
        case .number(let number):
            return HTML.el("mn", text: number)
        case .symbol(let symbol, let kind):
            if kind == .ordinary, symbol.first?.isLetter == true { return HTML.el("mi", text: symbol) }
            switch kind {
            case .opening, .closing: return HTML.el("mo", ["stretchy": "false"], text: symbol)
            // An ordinary symbol (|, ′, …) neither stretches nor takes an operator's space.
            case .ordinary: return HTML.el("mo", ["form": "prefix", "stretchy": "false", "lspace": "0", "rspace": "0"], text: symbol)
            case .binary, .relation, .punctuation: return HTML.el("mo", text: symbol)
            }
        case .operatorName(let name, _):
            // TeX sets a thin space after an operator name (ln x, max f); MathML Core does not.
            return HTML.el("mrow", [:], [operatorName(name), thinSpace])
        case .largeOperator(let symbol):
            return HTML.el("mo", ["largeop": display ? "true" : "false", "movablelimits": "true"], text: symbol)
        case .group(let nodes):
            // A one-node group (a braced script or argument) needs no row of its own.
            if nodes.count == 1 { return self.node(nodes[0], display: display) }
            return HTML.el("mrow", [:], nodes.map { self.node($0, display: display) })
        case .scripts(.operatorName(let name, let limits), let sub, let sup):
            let scripts = [sub, sup].compactMap { $0 }.map { self.node($0, display: display) }
            let below = display && limits
            let element = sub != nil && sup != nil ? (below ? "munderover" : "msubsup") : sub != nil ? (below ? "munder" : "msub") : (below ? "mover" : "msup")
            let base = below ? movable(operatorName(name)) : operatorName(name)
            return HTML.el("mrow", [:], [HTML.el(element, [:], [base] + scripts), thinSpace])
        case .scripts(let base, let sub, let sup):
            let baseNode = self.node(base, display: display)
            let under = sub.map { self.node($0, display: display) }
            let over = sup.map { self.node($0, display: display) }
            if display, limitsBelow(base) {
                let name = under != nil && over != nil ? "munderover" : under != nil ? "munder" : "mover"
                return HTML.el(name, [:], [movable(baseNode)] + [under, over].compactMap { $0 })
            }
            let name = under != nil && over != nil ? "msubsup" : under != nil ? "msub" : "msup"
            return HTML.el(name, [:], [baseNode] + [under, over].compactMap { $0 })
        case .fraction(let numerator, let denominator):
            return HTML.el("mfrac", [:], [self.node(numerator, display: display), self.node(denominator, display: display)])
        case .radical(let body):
            return HTML.el("msqrt", [:], [self.node(body, display: display)])
        case .accent(let accent, let base):
            let mark = switch accent {
            case .hat: "^"
            case .bar: "‾"
            case .tilde: "~"
            }
            return HTML.el("mover", ["accent": "true"], [self.node(base, display: display), HTML.el("mo", ["stretchy": "true"], text: mark)])
        case .underbrace(let body, let label):
            let braced = HTML.el("munder", ["accentunder": "true"], [self.node(body, display: display), HTML.el("mo", ["stretchy": "true"], text: "⏟")])
            guard let label else { return braced }
            return HTML.el("munder", [:], [braced, self.node(label, display: display)])
        case .delimited(let left, let body, let right):
            func fence(_ symbol: String) -> HTMLNode? {
                symbol == "." ? nil : HTML.el("mo", ["fence": "true", "stretchy": "true", "symmetric": "true"], text: symbol)
            }
            return HTML.el("mrow", [:], [fence(left), self.node(body, display: display), fence(right)].compactMap { $0 })
        case .styled(let font, let body):
            return styled(body, font: font, display: display)
        case .text(let text):
            return HTML.el("mtext", text: text)
        case .space(let ems):
            return HTML.el("mspace", attributes: [("width", String(format: "%.3fem", ems))])
        }
    }

    /// An operator name, upright.
    static func operatorName(_ name: String) -> HTMLNode {
        HTML.el("mi", text: ["argmax": "arg max", "argmin": "arg min"][name] ?? name)
    }

    /// TeX's thin space, 3/18 em.
    static let thinSpace = HTML.el("mspace", ["width": "0.167em"])

    /// Whether scripts on `base` go below and above it in display style (∑, max, arg max).
    static func limitsBelow(_ base: MathNode) -> Bool {
        switch base {
        case .largeOperator(let symbol): symbol != "∫"
        case .operatorName(_, let limits): limits
        default: false
        }
    }

    /// `base` allowed to take its limits as scripts when the formula is set inline.
    static func movable(_ base: HTMLNode) -> HTMLNode {
        guard case .element(let name, let attributes, let children) = base, name == "mi" else { return base }
        return .element("mo", attributes: attributes + [("movablelimits", "true"), ("form", "prefix")], children: children)
    }

    /// `body` with its letters and digits replaced by the styled Unicode alphanumerics.
    static func styled(_ body: MathNode, font: MathFont, display: Bool) -> HTMLNode {
        switch body {
        case .letter(let letter):
            let mapped = alphanumeric(letter, font: font)
            // A styled single letter is upright unless its font is italic by nature.
            return font == .roman ? HTML.el("mi", ["mathvariant": "normal"], text: mapped) : HTML.el("mi", text: mapped)
        case .number(let digits) where font == .bold:
            return HTML.el("mn", text: digits.map { alphanumeric(String($0), font: font) }.joined())
        case .group(let nodes):
            return HTML.el("mrow", [:], nodes.map { styled($0, font: font, display: display) })
        case .scripts(let base, let sub, let sup):
            return node(.scripts(base: .styled(font, base), sub: sub, sup: sup), display: display)
        default:
            return node(body, display: display)
        }
    }

    /// The Unicode mathematical alphanumeric for `character` in `font` (itself if there is none).
    static func alphanumeric(_ character: String, font: MathFont) -> String {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        let value = scalar.value
        let upper = (0x41...0x5A).contains(value)
        let lower = (0x61...0x7A).contains(value)
        let digit = (0x30...0x39).contains(value)
        let offset: UInt32
        switch font {
        case .roman:
            return character
        case .bold:
            if digit { offset = 0x1D7CE + (value - 0x30) } else if upper { offset = 0x1D400 + (value - 0x41) } else if lower { offset = 0x1D41A + (value - 0x61) } else { return character }
        case .blackboard:
            let holes: [Character: String] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let hole = holes[Character(scalar)] { return hole }
            if digit { offset = 0x1D7D8 + (value - 0x30) } else if upper { offset = 0x1D538 + (value - 0x41) } else if lower { offset = 0x1D552 + (value - 0x61) } else { return character }
        case .calligraphic:
            let holes: [Character: String] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"]
            if let hole = holes[Character(scalar)] { return hole }
            if upper { offset = 0x1D49C + (value - 0x41) } else { return character }
        }
        return Unicode.Scalar(offset).map { String(Character($0)) } ?? character
    }
}
