import CCairo
import CPangoCairo
import Notebook

/// A Pango layout of inline Markdown whose formulas are real math boxes: each formula is an
/// object-replacement character carrying a shape attribute of the box's size, so Pango breaks and
/// justifies lines around it and it sits on the text baseline; the box is drawn into that slot.
final class RichText {
    let layout: Layout
    let links: [InlineMarkupBuilder.LinkSpan]
    let formulas: [(byte: Int, box: MathBox)]
    private let lineBaselines: [Double]

    /// Lays out `prefix` (Pango markup) followed by `inlines` in `family style size`.
    init(engine: TextEngine, inlines: [Inline], index: [String: IndexEntry], citationLabels: [String: CitationLabel] = [:], family: String = BookFonts.family, style: String = "",
         size: Double, width: Double?, alignment: PangoAlignment = PANGO_ALIGN_LEFT, justify: Bool = false, spacing: Double = 0, prefix: String = "",
         breakWords: Bool = true) {
        var builder = InlineMarkupBuilder(index: index, citationLabels: citationLabels)
        builder.appendMarkup(prefix)
        builder.append(inlines)
        let font = "\(family)\(style.isEmpty ? "" : " " + style) \(size)"
        layout = engine.layout(markup: builder.markup, font: font, width: width, alignment: alignment, justify: justify, spacing: spacing, breakWords: breakWords)
        links = builder.links
        let typesetter = MathTypesetter(engine: engine, size: size)
        formulas = builder.formulas.map { ($0.byte, typesetter.box(latex: $0.latex, display: false)) }
        if !formulas.isEmpty {
            let list = pango_layout_get_attributes(layout.pointer).map { pango_attr_list_copy($0)! } ?? pango_attr_list_new()!
            let scale = Double(PANGO_SCALE)
            for (byte, box) in formulas {
                var rect = PangoRectangle(
                    x: 0, y: Int32(-box.ascent * scale), width: Int32(box.width * scale), height: Int32((box.ascent + box.descent) * scale))
                let attribute = pango_attr_shape_new(&rect, &rect)!
                attribute.pointee.start_index = UInt32(byte)
                attribute.pointee.end_index = UInt32(byte + InlineMarkupBuilder.placeholder.utf8.count)
                pango_attr_list_insert(list, attribute)
            }
            pango_layout_set_attributes(layout.pointer, list)
            pango_attr_list_unref(list)
        }
        var baselines = [Double]()
        let iterator = pango_layout_get_iter(layout.pointer)
        repeat {
            baselines.append(Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE))
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        lineBaselines = baselines
    }

    var size: (width: Double, height: Double) { layout.size }
    var lineExtents: [(top: Double, bottom: Double)] { layout.lineExtents }

    /// Draws the text and its formulas with the layout's top-left corner at (x, y).
    func draw(engine: TextEngine, cairo: OpaquePointer, x: Double, y: Double) {
        engine.draw(layout, x: x, y: y)
        let painter = MathPainter(cairo: cairo, engine: engine)
        for (byte, box) in formulas {
            var line: Int32 = 0
            var xPosition: Int32 = 0
            pango_layout_index_to_line_x(layout.pointer, Int32(byte), 0, &line, &xPosition)
            let baseline = lineBaselines[min(Int(line), lineBaselines.count - 1)]
            var rect = PangoRectangle()
            pango_layout_index_to_pos(layout.pointer, Int32(byte), &rect)
            painter.draw(box, x: x + Double(rect.x) / Double(PANGO_SCALE), y: y + baseline)
        }
    }
}
