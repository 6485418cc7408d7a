import CCairo
import CPangoCairo

/// Draws ``MathBox``es with Cairo and Pango.
struct MathPainter {
    let cairo: OpaquePointer
    let engine: TextEngine

    /// Draws `box` with its left end on the baseline at (x, y).
    func draw(_ box: MathBox, x: Double, y: Double) {
        for item in box.items {
            switch item {
            case .glyphs(let text, let font, let gx, let gy, let stretch, let pivot):
                let layout = engine.layout(markup: PangoMarkup.escape(text), font: font)
                cairo_save(cairo)
                if stretch != 1 {
                    cairo_translate(cairo, 0, y + pivot)
                    cairo_scale(cairo, 1, stretch)
                    cairo_translate(cairo, 0, -(y + pivot))
                }
                engine.draw(layout, x: x + gx, y: y + gy - layout.baseline)
                cairo_restore(cairo)
            case .rule(let rx, let ry, let width, let height):
                cairo_rectangle(cairo, x + rx, y + ry, width, height)
                cairo_fill(cairo)
            case .stroke(let elements, let width):
                cairo_save(cairo)
                cairo_set_line_width(cairo, width)
                cairo_set_line_cap(cairo, CAIRO_LINE_CAP_ROUND)
                cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
                cairo_new_path(cairo)
                for element in elements {
                    switch element {
                    case .move(let px, let py): cairo_move_to(cairo, x + px, y + py)
                    case .line(let px, let py): cairo_line_to(cairo, x + px, y + py)
                    case .circle(let cx, let cy, let r):
                        cairo_new_sub_path(cairo)
                        cairo_arc(cairo, x + cx, y + cy, r, 0, 2 * Double.pi)
                    case .close: cairo_close_path(cairo)
                    }
                }
                cairo_stroke(cairo)
                cairo_restore(cairo)
            }
        }
    }
}
