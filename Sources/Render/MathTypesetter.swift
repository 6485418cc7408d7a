import CCairo
import CPangoCairo
import Charts
import LaTeXMath

/// Lays out parsed formulas into ``MathBox``es with TeX Gyre Pagella Math, following TeX's rules
/// in simplified form: four styles (display, text, script, scriptscript), inter-atom spacing by
/// class, stacked fractions on the math axis, growing radicals and delimiters, scripts and limits.
struct MathTypesetter {
    /// The TeX math styles.
    enum Style: Int {
        case display, text, script, scriptScript

        /// The style of numerators and denominators.
        var fraction: Style { self == .display ? .text : self == .text ? .script : .scriptScript }
        /// The style of scripts.
        var script: Style { self == .display || self == .text ? .script : .scriptScript }
        /// The size factor relative to the base size.
        var scale: Double { self == .script ? 0.7 : self == .scriptScript ? 0.52 : 1 }
    }

    static let mathFamily = "TeX Gyre Pagella Math"
    static let textFamily = "TeX Gyre Pagella"

    let engine: TextEngine
    let size: Double

    /// The box of `latex` (parse errors were reported when the book was indexed; here they
    /// fall back to the source text in italics rather than stopping the typesetting).
    func box(latex: String, display: Bool) -> MathBox {
        guard let nodes = try? MathParser.parse(latex) else {
            return glyphs(latex, family: Self.textFamily, style: "Italic", size: size)
        }
        return list(nodes, style: display ? .display : .text)
    }

    // MARK: Glyph runs

    func glyphs(_ text: String, family: String = mathFamily, style: String = "", size: Double) -> MathBox {
        guard !text.isEmpty else { return .empty }
        let font = "\(family)\(style.isEmpty ? "" : " " + style) \(size)px"
        let layout = engine.layout(markup: PangoMarkup.escape(text), font: font)
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout.pointer, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = layout.baseline
        let ascent = max(0, baseline - Double(ink.y) / scale)
        let descent = max(0, Double(ink.y + ink.height) / scale - baseline)
        return MathBox(width: Double(logical.width) / scale, ascent: ascent, descent: descent,
                       items: [.glyphs(text, font: font, x: 0, y: 0, stretch: 1, pivot: 0)])
    }

    func em(_ style: Style) -> Double { size * style.scale }
    func axis(_ style: Style) -> Double { 0.25 * em(style) }

    // MARK: Lists and spacing

    private enum Atom { case ord, op, bin, rel, open, close, punct, inner }

    func list(_ nodes: [MathNode], style: Style) -> MathBox {
        var result = MathBox.empty
        var previous: Atom?
        for (index, node) in nodes.enumerated() {
            var atom = atomClass(node)
            // A binary operator after nothing, an operator, a relation or an opening is unary.
            if atom == .bin, previous == nil || [.bin, .op, .rel, .open, .punct].contains(previous!) || index == nodes.count - 1 {
                atom = .ord
            }
            let box = self.box(node, style: style)
            if let previous { result.width += spacing(previous, atom, style: style) }
            result.items += box.shifted(dx: result.width, dy: 0)
            result.width += box.width
            result.ascent = max(result.ascent, box.ascent)
            result.descent = max(result.descent, box.descent)
            if case .space = node { continue }
            previous = atom
        }
        return result
    }

    private func atomClass(_ node: MathNode) -> Atom {
        switch node {
        case .symbol(_, let kind):
            switch kind {
            case .binary: return .bin
            case .relation: return .rel
            case .opening: return .open
            case .closing: return .close
            case .punctuation: return .punct
            case .ordinary: return .ord
            }
        case .operatorName, .largeOperator: return .op
        case .scripts(let base, _, _): return atomClass(base)
        case .delimited, .fraction: return .inner
        default: return .ord
        }
    }

    private func spacing(_ left: Atom, _ right: Atom, style: Style) -> Double {
        let mu = em(style) / 18
        let tight = style == .script || style == .scriptScript
        switch (left, right) {
        case (.op, .ord), (.ord, .op), (.op, .op), (.close, .op), (.op, .inner), (.inner, .op): return 3 * mu
        case (_, .bin), (.bin, _): return tight ? 0 : 4 * mu
        case (_, .rel), (.rel, _): return tight ? 0 : 5 * mu
        case (.punct, _): return tight ? 0 : 3 * mu
        case (.inner, .ord), (.ord, .inner), (.inner, .inner), (.close, .inner), (.inner, .open): return tight ? 0 : 3 * mu
        default: return 0
        }
    }

    // MARK: Nodes

    func box(_ node: MathNode, style: Style) -> MathBox {
        let size = em(style)
        switch node {
        case .letter(let letter):
            var box = glyphs(MathAlphabet.italic(letter), size: size)
            box.width += 0.02 * size
            return box
        case .number(let digits):
            return glyphs(digits, size: size)
        case .symbol(let symbol, _):
            return glyphs(MathAlphabet.italic(symbol.count == 1 && symbol.unicodeScalars.first!.properties.isLowercase ? symbol : symbol), size: size)
        case .operatorName(let name, _):
            return glyphs(name, family: Self.textFamily, size: size)
        case .largeOperator(let op):
            var box = glyphs(op, size: size * (style == .display ? 1.45 : 1.05))
            // Centre the operator on the math axis.
            let shift = (box.ascent - box.descent) / 2 - axis(style)
            box.items = box.shifted(dx: 0, dy: shift)
            let height = box.ascent + box.descent
            box.ascent = height / 2 + axis(style)
            box.descent = height / 2 - axis(style)
            return box
        case .group(let nodes):
            return list(nodes, style: style)
        case .text(let text):
            return glyphs(text, family: Self.textFamily, size: size)
        case .space(let ems):
            return MathBox(width: ems * size, ascent: 0, descent: 0)
        case .styled(let font, let body):
            return styled(font, body, style: style)
        case .scripts(let base, let sub, let sup):
            return scripts(base: base, sub: sub, sup: sup, style: style)
        case .fraction(let numerator, let denominator):
            return fraction(numerator, denominator, style: style)
        case .radical(let body):
            return radical(body, style: style)
        case .accent(let accent, let body):
            return self.accent(accent, body, style: style)
        case .underbrace(let body, let label):
            return underbrace(body, label: label, style: style)
        case .delimited(let left, let body, let right):
            return delimited(left: left, body: body, right: right, style: style)
        }
    }

    private func styled(_ font: MathFont, _ body: MathNode, style: Style) -> MathBox {
        func restyle(_ node: MathNode) -> MathNode {
            switch node {
            case .letter(let l):
                switch font {
                case .roman: return .text(l)
                case .blackboard: return .symbol(MathAlphabet.styled(l, .blackboard), .ordinary)
                case .calligraphic: return .symbol(MathAlphabet.styled(l, .calligraphic), .ordinary)
                case .bold: return .symbol(MathAlphabet.styled(l, .bold), .ordinary)
                }
            case .group(let nodes): return .group(nodes.map(restyle))
            case .scripts(let base, let sub, let sup): return .scripts(base: restyle(base), sub: sub, sup: sup)
            default: return node
            }
        }
        return box(restyle(body), style: style)
    }
}
