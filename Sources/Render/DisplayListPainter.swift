import CCairo
import CPangoCairo
import Charts
import Foundation

/// Draws a ``DisplayList`` with Cairo; text goes through Pango in TeX Gyre Heros.
struct DisplayListPainter {
    static let fontFamily = "TeX Gyre Heros"

    let cairo: OpaquePointer
    let text: TextEngine

    /// Draws `list` with its top-left corner at the current origin.
    func draw(_ list: DisplayList) {
        cairo_save(cairo)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        var clips = 0
        for item in list.items {
            switch item {
            case .path(let elements, let style):
                drawPath(elements, style)
            case .text(let item):
                drawText(item)
            case .pushClip(let x, let y, let width, let height):
                cairo_save(cairo)
                cairo_rectangle(cairo, x, y, width, height)
                cairo_clip(cairo)
                clips += 1
            case .popClip:
                if clips > 0 {
                    cairo_restore(cairo)
                    clips -= 1
                }
            }
        }
        while clips > 0 {
            cairo_restore(cairo)
            clips -= 1
        }
        cairo_restore(cairo)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    private func drawPath(_ elements: [PathElement], _ style: PathStyle) {
        cairo_new_path(cairo)
        for element in elements {
            switch element {
            case .move(let x, let y): cairo_move_to(cairo, x, y)
            case .line(let x, let y): cairo_line_to(cairo, x, y)
            case .circle(let x, let y, let r):
                cairo_new_sub_path(cairo)
                cairo_arc(cairo, x, y, r, 0, 2 * Double.pi)
                cairo_close_path(cairo)
            case .close: cairo_close_path(cairo)
            }
        }
        if let fill = style.fill {
            setColor(fill)
            if style.stroke != nil { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
        }
        if let stroke = style.stroke {
            setColor(stroke)
            cairo_set_line_width(cairo, style.lineWidth)
            if style.dash.isEmpty {
                cairo_set_dash(cairo, nil, 0, 0)
            } else {
                cairo_set_dash(cairo, style.dash, Int32(style.dash.count), 0)
            }
            cairo_stroke(cairo)
        }
        cairo_new_path(cairo)
    }

    private func drawText(_ item: TextItem) {
        let font = "\(Self.fontFamily)\(item.bold ? " Bold" : "") \(item.size)px"
        // Lines of a multi-line label line up on the anchor, as the label as a whole does.
        let alignment = item.anchor == .start ? PANGO_ALIGN_LEFT : item.anchor == .middle ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT
        let layout = text.layout(markup: PangoMarkup.raisingSuperscripts(item.text, size: item.size), font: font, alignment: alignment)
        let (width, height) = layout.size
        let dx: Double = item.anchor == .start ? 0 : item.anchor == .middle ? -width / 2 : -width
        let dy: Double = item.baseline == .top ? 0 : item.baseline == .middle ? -height / 2 : -height
        cairo_save(cairo)
        cairo_translate(cairo, item.x, item.y)
        if item.rotation != 0 { cairo_rotate(cairo, -item.rotation * Double.pi / 180) }
        setColor(item.color)
        text.draw(layout, x: dx, y: dy)
        cairo_restore(cairo)
    }
}

/// Escaping for Pango markup.
enum PangoMarkup {
    /// The digits and signs a label writes as Unicode superscripts (10⁻⁴), and what they stand for.
    static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "\u{2212}", "⁺": "+",
    ]

    /// `text` escaped, with each run of Unicode superscripts set as raised digits of the text's
    /// own font at 70% of its size (as matplotlib's mathtext sets exponents), so an exponent never
    /// comes from another font.
    static func raisingSuperscripts(_ text: String, size: Double) -> String {
        guard text.contains(where: { superscripts[$0] != nil }) else { return escape(text) }
        let rise = Int((0.36 * size * 1024).rounded())
        let small = Int((0.7 * size * 1024).rounded())
        var out = ""
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            out += "<span rise=\"\(rise)\" size=\"\(small)\">\(run)</span>"
            run = ""
        }
        for c in text {
            if let plain = superscripts[c] {
                run.append(plain)
            } else {
                flush()
                out += escape(String(c))
            }
        }
        flush()
        return out
    }

    /// `text` with markup characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "'": out += "&#39;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
