import CCairo
import Charts
import Foundation
import Notebook

/// The Cairo back end: figures to PNG (2x), SVG and PDF; the book to a typeset PDF.
public struct CairoRenderer: ArtefactRenderer {
    /// Part of every figure's key: bump when drawing changes; the font files' digest is part of
    /// it, so a font update redraws everything.
    public let version = "cairo-render-2 fonts " + FontFiles.digest
    /// The creation date written into every PDF, pinned so the bytes are reproducible.
    public static let pinnedDate = "2026-01-01T00:00:00Z"

    /// Creates a renderer.
    public init() {}

    public func renderFigure(_ spec: FigureSpec) throws -> RenderedFigure {
        let list = ChartLayout.displayList(for: spec)
        return RenderedFigure(png: try png(list, scale: 2), svg: try svg(list), pdf: try pdf(list))
    }

    public func typeset(_ book: ResolvedBook) throws -> [UInt8] {
        try BookTypesetter(book: book).typeset()
    }

    /// The bytes of the named font files among the report's own (``FontFiles``).
    public func fontFiles(named names: [String]) throws -> [String: [UInt8]] {
        let paths = try FontFiles.located.get()
        var files = [String: [UInt8]]()
        for name in names {
            guard let path = paths.first(where: { $0.hasSuffix("/" + name) }) else {
                throw FontError(missing: [], searched: ["the site's font \(name) is not one of the report's fonts"])
            }
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return files
    }

    /// The display list as a PNG at `scale` pixels per point, on white.
    func png(_ list: DisplayList, scale: Double) throws -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((list.width * scale).rounded(.up)), Int32((list.height * scale).rounded(.up)))!
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        cairo_scale(cairo, scale, scale)
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        DisplayListPainter(cairo: cairo, text: try TextEngine(cairo: cairo)).draw(list)
        cairo_destroy(cairo)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo("PNG", String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// The display list as SVG, with Cairo's per-process surface numbers renumbered so the bytes
    /// do not depend on what was drawn before in the same process.
    func svg(_ list: DisplayList) throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.pointer, list.width, list.height)!
        let cairo = cairo_create(surface)!
        DisplayListPainter(cairo: cairo, text: try TextEngine(cairo: cairo)).draw(list)
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo("SVG", String(cString: cairo_status_to_string(status))) }
        return Array(SVGNormalizer.normalize(String(decoding: sink.bytes, as: UTF8.self)).utf8)
    }

    /// The display list as a one-page vector PDF.
    func pdf(_ list: DisplayList) throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.pointer, list.width, list.height)!
        Self.pinMetadata(surface, title: nil)
        let cairo = cairo_create(surface)!
        DisplayListPainter(cairo: cairo, text: try TextEngine(cairo: cairo)).draw(list)
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo("PDF", String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// Pins the creation date (and sets the title) of a PDF surface.
    static func pinMetadata(_ surface: OpaquePointer, title: String?) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pinnedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pinnedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "RL Notes report")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    }
}

/// Why drawing failed.
public enum RenderError: Error, CustomStringConvertible {
    /// Cairo reported an error while writing a format.
    case cairo(String, String)

    /// The message.
    public var description: String {
        switch self {
        case .cairo(let format, let reason): "Cairo could not write \(format): \(reason)"
        }
    }
}

/// Makes Cairo's SVG output independent of process history.
enum SVGNormalizer {
    /// Renumbers `surfaceN` ids (and references to them) in order of first appearance.
    static func normalize(_ svg: String) -> String {
        var mapping = [String: String]()
        var out = ""
        var rest = Substring(svg)
        while let range = rest.range(of: "surface") {
            out += rest[..<range.lowerBound]
            var digits = ""
            var index = range.upperBound
            while index < rest.endIndex, rest[index].isNumber {
                digits.append(rest[index])
                index = rest.index(after: index)
            }
            if digits.isEmpty {
                out += "surface"
            } else {
                let renamed = mapping[digits] ?? "\(mapping.count + 1)"
                mapping[digits] = renamed
                out += "surface" + renamed
            }
            rest = rest[index...]
        }
        return out + rest
    }
}
