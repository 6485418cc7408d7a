import Charts
import LaTeXMath

extension MathTypesetter {
    /// Scripts beside a base, or limits below and above it for large operators in display style.
    func scripts(base: MathNode, sub: MathNode?, sup: MathNode?, style: Style) -> MathBox {
        let baseBox = box(base, style: style)
        let subBox = sub.map { box($0, style: style.script) }
        let supBox = sup.map { box($0, style: style.script) }
        let size = em(style)
        var limits = false
        if style == .display {
            if case .largeOperator = base { limits = true }
            if case .operatorName(_, let hasLimits) = base, hasLimits { limits = true }
        }
        if limits {
            let width = max(baseBox.width, subBox?.width ?? 0, supBox?.width ?? 0)
            var result = MathBox(width: width, ascent: baseBox.ascent, descent: baseBox.descent)
            result.items += baseBox.shifted(dx: (width - baseBox.width) / 2, dy: 0)
            let gap = 0.12 * size
            if let supBox {
                let y = -(baseBox.ascent + gap + supBox.descent)
                result.items += supBox.shifted(dx: (width - supBox.width) / 2, dy: y)
                result.ascent = baseBox.ascent + gap + supBox.descent + supBox.ascent
            }
            if let subBox {
                let y = baseBox.descent + gap + subBox.ascent
                result.items += subBox.shifted(dx: (width - subBox.width) / 2, dy: y)
                result.descent = baseBox.descent + gap + subBox.ascent + subBox.descent
            }
            return result
        }
        var result = baseBox
        var up = max(0.42 * size, baseBox.ascent - 0.3 * size)
        var down = max(0.2 * size, baseBox.descent + 0.1 * size)
        if let supBox, let subBox {
            // Keep a gap between the two scripts.
            let gap = (up - supBox.descent) - (subBox.ascent - down)
            if gap < 0.15 * size {
                let fix = 0.15 * size - gap
                up += fix / 2
                down += fix / 2
            }
        }
        var scriptWidth = 0.0
        if let supBox {
            result.items += supBox.shifted(dx: baseBox.width + 0.03 * size, dy: -up)
            result.ascent = max(result.ascent, up + supBox.ascent)
            scriptWidth = supBox.width
        }
        if let subBox {
            result.items += subBox.shifted(dx: baseBox.width, dy: down)
            result.descent = max(result.descent, down + subBox.descent)
            scriptWidth = max(scriptWidth, subBox.width)
        }
        result.width = baseBox.width + scriptWidth + 0.05 * size
        return result
    }

    /// A stacked fraction centred on the math axis.
    func fraction(_ numerator: MathNode, _ denominator: MathNode, style: Style) -> MathBox {
        let top = box(numerator, style: style.fraction)
        let bottom = box(denominator, style: style.fraction)
        let size = em(style)
        let rule = 0.045 * size
        let gap = (style == .display ? 0.16 : 0.1) * size
        let padding = 0.1 * size
        let width = max(top.width, bottom.width) + 2 * padding
        let axisY = -axis(style)
        var result = MathBox(width: width, ascent: 0, descent: 0)
        let numeratorBaseline = axisY - rule / 2 - gap - top.descent
        let denominatorBaseline = axisY + rule / 2 + gap + bottom.ascent
        result.items += top.shifted(dx: (width - top.width) / 2, dy: numeratorBaseline)
        result.items += bottom.shifted(dx: (width - bottom.width) / 2, dy: denominatorBaseline)
        result.items.append(.rule(x: padding / 2, y: axisY - rule / 2, width: width - padding, height: rule))
        result.ascent = -(numeratorBaseline - top.ascent)
        result.descent = denominatorBaseline + bottom.descent
        return result
    }

    /// A square root whose sign grows with its body.
    func radical(_ body: MathNode, style: Style) -> MathBox {
        let inner = box(body, style: style)
        let size = em(style)
        let gap = 0.12 * size
        let stroke = 0.05 * size
        let top = -(max(inner.ascent, 0.7 * size) + gap)
        let bottom = max(inner.descent, 0.05 * size) + 0.04 * size
        let signWidth = 0.62 * size
        let mid = top + (bottom - top) * 0.62
        let sign: [PathElement] = [
            .move(0.02 * size, mid - 0.02 * size), .line(0.14 * size, mid - 0.1 * size), .line(0.3 * size, bottom),
            .line(signWidth - 0.04 * size, top), .line(signWidth + inner.width + 0.08 * size, top),
        ]
        var result = MathBox(width: signWidth + inner.width + 0.12 * size, ascent: -top + stroke, descent: bottom)
        result.items.append(.stroke(sign, width: stroke))
        result.items += inner.shifted(dx: signWidth + 0.02 * size, dy: 0)
        return result
    }

    /// A hat, bar or tilde over a base.
    func accent(_ accent: MathAccent, _ body: MathNode, style: Style) -> MathBox {
        let base = box(body, style: style)
        let size = em(style)
        var result = base
        let top = -(max(base.ascent, 0.45 * size) + 0.08 * size)
        let stroke = 0.045 * size
        // Italic letters lean right: move the accent a little to follow the slant.
        let slant = (base.ascent > 0.6 * size ? 0.08 : 0.04) * size
        let centre = base.width / 2 + slant
        let half = min(max(base.width / 2, 0.2 * size), 0.6 * size)
        switch accent {
        case .hat:
            result.items.append(.stroke([.move(centre - half * 0.8, top), .line(centre, top - 0.14 * size), .line(centre + half * 0.8, top)], width: stroke))
            result.ascent = -top + 0.14 * size + stroke
        case .bar:
            result.items.append(.rule(x: centre - half, y: top - stroke, width: 2 * half, height: stroke))
            result.ascent = -top + stroke
        case .tilde:
            let w = half * 0.9
            var wave = [PathElement]()
            for k in 0...12 {
                let t = Double(k) / 12
                let x = centre - w + 2 * w * t
                let y = top - 0.06 * size - 0.05 * size * sin(2 * Double.pi * t)
                wave.append(k == 0 ? .move(x, y) : .line(x, y))
            }
            result.items.append(.stroke(wave, width: stroke))
            result.ascent = -top + 0.12 * size + stroke
        }
        return result
    }

    /// A horizontal brace under a body with a label under the brace.
    func underbrace(_ body: MathNode, label: MathNode?, style: Style) -> MathBox {
        let inner = box(body, style: style)
        let size = em(style)
        let top = inner.descent + 0.12 * size
        let depth = 0.22 * size
        let w = inner.width
        let brace: [PathElement] = [
            .move(0, top), .line(0.05 * w, top + depth * 0.45), .line(0.45 * w, top + depth * 0.55), .line(0.5 * w, top + depth),
            .line(0.55 * w, top + depth * 0.55), .line(0.95 * w, top + depth * 0.45), .line(w, top),
        ]
        var result = inner
        result.items.append(.stroke(brace, width: 0.045 * size))
        result.descent = top + depth
        if let label {
            let labelBox = box(label, style: style.script)
            let baseline = top + depth + 0.1 * size + labelBox.ascent
            let width = max(w, labelBox.width)
            result.items = result.shifted(dx: (width - w) / 2, dy: 0)
            result.items += labelBox.shifted(dx: (width - labelBox.width) / 2, dy: baseline)
            result.width = width
            result.descent = baseline + labelBox.descent
        }
        return result
    }

    /// Delimiters stretched to cover their body symmetrically about the math axis.
    func delimited(left: String, body: MathNode, right: String, style: Style) -> MathBox {
        let inner = box(body, style: style)
        let size = em(style)
        let axisHeight = axis(style)
        let half = max(inner.ascent - axisHeight, inner.descent + axisHeight, 0.5 * size) + 0.08 * size
        func delimiter(_ symbol: String) -> MathBox {
            guard symbol != "." else { return MathBox(width: 0.1 * size, ascent: 0, descent: 0) }
            let glyph = glyphs(symbol, size: size)
            let height = glyph.ascent + glyph.descent
            guard height > 0 else { return glyph }
            let stretch = max(1, 2 * half / height)
            // Stretch about the glyph's own centre, then put that centre on the axis.
            let centre = (glyph.descent - glyph.ascent) / 2
            var box = glyph
            box.items = [.glyphs(symbol, font: "\(Self.mathFamily) \(size)px", x: 0, y: -axisHeight - centre, stretch: stretch, pivot: -axisHeight)]
            box.ascent = axisHeight + height * stretch / 2
            box.descent = height * stretch / 2 - axisHeight
            return box
        }
        let l = delimiter(left)
        let r = delimiter(right)
        var result = MathBox(width: 0, ascent: max(inner.ascent, l.ascent, r.ascent), descent: max(inner.descent, l.descent, r.descent))
        result.items += l.items
        result.width = l.width + 0.05 * size
        result.items += inner.shifted(dx: result.width, dy: 0)
        result.width += inner.width + 0.05 * size
        result.items += r.shifted(dx: result.width, dy: 0)
        result.width += r.width
        return result
    }
}

import Foundation
