import CCairo
import CPangoCairo
import Foundation
import Testing

@testable import Render

@Suite("Pinned fonts")
struct FontTests {
    private func engine() throws -> TextEngine {
        try TextEngine(cairo: cairo_create(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10)!)!)
    }

    @Test("every family the typesetter asks for (text, figures, code, math) resolves to itself, not to a fallback")
    func familiesResolve() throws {
        let text = try engine()
        for family in [BookFonts.family, "TeX Gyre Heros", InlineMarkupBuilder.codeFont, "TeX Gyre Pagella Math"] {
            let description = pango_font_description_from_string(family + " 10")
            defer { pango_font_description_free(description) }
            let font = try #require(pango_context_load_font(text.context, description))
            let resolved = pango_font_describe(font)
            defer { pango_font_description_free(resolved) }
            #expect(String(cString: pango_font_description_get_family(resolved)) == family)
            g_object_unref(UnsafeMutableRawPointer(font))
        }
    }

    @Test("the font map sees the project's four families (and Pango's generic names for them), whatever else the machine has installed")
    func onlyOurFonts() throws {
        let text = try engine()
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_context_list_families(text.context, &families, &count)
        defer { g_free(families) }
        let names = (0..<Int(count)).map { String(cString: pango_font_family_get_name(families![$0])) }
        // Pango adds its generic aliases, which resolve to these same fonts.
        let generic: Set = ["Sans", "Serif", "Monospace", "System-ui"]
        #expect(Set(names).subtracting(generic) == ["TeX Gyre Pagella", "TeX Gyre Heros", "TeX Gyre Cursor", "TeX Gyre Pagella Math"], "\(names)")
    }

    @Test("every character the figures and the book use has a glyph in the pinned fonts (no fallback, no missing box)")
    func glyphCoverage() throws {
        let text = try engine()
        let samples = [
            ("TeX Gyre Heros 9", "0123456789 −0.25 × ≈ ± % 10 000 (k) n = 50 Dyna-Q+ P(Heads) κ ε λ"),
            ("TeX Gyre Pagella 10.5", "“Planning” pays — Figure\u{00A0}2.4, 2 × 2, 97×, ≤ ≥ ≈ → ∞ ε κ λ α γ π σ Σ ∑ √ ½ … é ü ñ ’"),
        ]
        for (font, sample) in samples {
            let layout = text.layout(markup: PangoMarkup.escape(sample), font: font)
            #expect(pango_layout_get_unknown_glyphs_count(layout.pointer) == 0, "\(font): \(sample)")
        }
        // Exponents are raised digits of the figure font itself.
        let exponent = text.layout(markup: PangoMarkup.raisingSuperscripts("10⁻⁴ 10⁶ 10⁹", size: 9), font: "TeX Gyre Heros 9")
        #expect(pango_layout_get_unknown_glyphs_count(exponent.pointer) == 0)
    }

    @Test("superscripts become raised, smaller digits of the same font; other text is escaped")
    func exponentMarkup() {
        #expect(PangoMarkup.raisingSuperscripts("10⁻⁴", size: 10) == "10<span rise=\"3686\" size=\"7168\">\u{2212}4</span>")
        #expect(PangoMarkup.raisingSuperscripts("a < b", size: 10) == "a &lt; b")
    }

    @Test("a missing font names the package that provides it")
    func missingFontMessage() {
        let error = FontError(missing: [FontFiles.files.last!], searched: ["/nowhere"])
        #expect(error.description.contains("texgyrepagella-math.otf") && error.description.contains("fonts-texgyre-math"))
    }
}
