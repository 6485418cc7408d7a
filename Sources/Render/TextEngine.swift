import CCairo
import CPangoCairo

/// Pango text on one Cairo context, with hinting off so that PNG, SVG and PDF break and place
/// text identically. Owns its Pango context; C pointers never leave this class.
final class TextEngine {
    let cairo: OpaquePointer
    let context: OpaquePointer
    private let fontMap: OpaquePointer

    /// A text engine drawing on `cairo` with the project's own fonts only (`FontFiles`); an
    /// error names the font package to install when they are missing.
    init(cairo: OpaquePointer) throws {
        self.cairo = cairo
        fontMap = try FontFiles.fontMap()
        context = pango_font_map_create_context(UnsafeMutablePointer<PangoFontMap>(fontMap))!
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // One Pango point is one Cairo unit: the surfaces here are measured in points.
        pango_cairo_context_set_resolution(context, 72)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// A new layout with `markup` in the font `font` (a Pango font description such as
    /// "TeX Gyre Pagella 10.5"), wrapped at `width` points if given.
    /// With `breakWords` false, lines break only between words, never inside one (table cells,
    /// whose columns are made at least as wide as their longest word).
    func layout(
        markup: String, font: String, width: Double? = nil, alignment: PangoAlignment = PANGO_ALIGN_LEFT, justify: Bool = false, spacing: Double = 0,
        breakWords: Bool = true
    ) -> Layout {
        pango_cairo_update_context(cairo, context)
        let layout = pango_layout_new(context)!
        let description = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_markup(layout, markup, -1)
        if let width {
            pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, breakWords ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD)
        }
        pango_layout_set_alignment(layout, alignment)
        pango_layout_set_justify(layout, justify ? 1 : 0)
        if spacing > 0 { pango_layout_set_spacing(layout, Int32(spacing * Double(PANGO_SCALE))) }
        return Layout(pointer: layout)
    }

    /// Draws `layout` with its top-left corner at (x, y).
    func draw(_ layout: Layout, x: Double, y: Double) {
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout.pointer)
    }
}

/// A Pango layout, released when dropped.
final class Layout {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pointer))
    }

    /// Logical width and height in points.
    var size: (width: Double, height: Double) {
        var width: Int32 = 0
        var height: Int32 = 0
        pango_layout_get_size(pointer, &width, &height)
        return (Double(width) / Double(PANGO_SCALE), Double(height) / Double(PANGO_SCALE))
    }

    /// The baseline of the first line, from the top, in points.
    var baseline: Double { Double(pango_layout_get_baseline(pointer)) / Double(PANGO_SCALE) }

    /// The number of lines.
    var lineCount: Int { Int(pango_layout_get_line_count(pointer)) }

    /// The top and bottom of each line, in points from the layout's top.
    var lineExtents: [(top: Double, bottom: Double)] {
        var result = [(Double, Double)]()
        let iterator = pango_layout_get_iter(pointer)
        repeat {
            var y0: Int32 = 0
            var y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &y0, &y1)
            result.append((Double(y0) / Double(PANGO_SCALE), Double(y1) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        return result
    }

    /// The logical width of the last line, in points (where dot leaders start).
    var lastLineWidth: Double {
        guard let line = pango_layout_get_line_readonly(pointer, Int32(lineCount - 1)) else { return size.width }
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_line_get_extents(line, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// The rectangle of the text from byte `start` to byte `end` (UTF-8 offsets into the plain
    /// text), one rectangle per line it spans.
    func rectangles(fromByte start: Int, toByte end: Int) -> [(x: Double, y: Double, width: Double, height: Double)] {
        var rects = [(Double, Double, Double, Double)]()
        var a = PangoRectangle()
        var b = PangoRectangle()
        pango_layout_index_to_pos(pointer, Int32(start), &a)
        pango_layout_index_to_pos(pointer, Int32(max(start, end - 1)), &b)
        let scale = Double(PANGO_SCALE)
        if a.y == b.y {
            rects.append((Double(a.x) / scale, Double(a.y) / scale, Double(b.x + b.width - a.x) / scale, Double(a.height) / scale))
        } else {
            let width = size.width
            rects.append((Double(a.x) / scale, Double(a.y) / scale, width - Double(a.x) / scale, Double(a.height) / scale))
            rects.append((0, Double(b.y) / scale, Double(b.x + b.width) / scale, Double(b.height) / scale))
        }
        return rects
    }
}
