import Charts
import FigureGallery
import Foundation
import Testing

@testable import Render

@Suite("Rendering every figure kind")
struct GalleryRenderTests {
    @Test("each figure kind renders to PNG, SVG and PDF, identically twice; FIGURE_GALLERY=DIR writes the PNGs for a look", arguments: FigureGallery.all.map(\.name))
    func render(_ name: String) throws {
        let figure = FigureGallery.all.first { $0.name == name }!.figure
        let renderer = CairoRenderer()
        let first = try renderer.renderFigure(figure)
        let second = try renderer.renderFigure(figure)
        #expect(first.png == second.png && first.svg == second.svg && first.pdf == second.pdf)
        #expect(first.png.count > 2000, "the PNG of \(name) is suspiciously small")
        if let folder = ProcessInfo.processInfo.environment["FIGURE_GALLERY"] {
            try Data(first.png).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).png"))
        }
    }
}
