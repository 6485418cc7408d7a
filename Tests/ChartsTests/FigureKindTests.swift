import FigureGallery
import Testing

@testable import Charts

@Suite("The figure kinds the chapters need")
struct FigureKindTests {
    @Test("each figure kind lays out as recorded", arguments: FigureGallery.all.map(\.name))
    func snapshot(_ name: String) throws {
        let figure = FigureGallery.all.first { $0.name == name }!.figure
        try assertSnapshot(ChartLayout.displayList(for: figure).snapshot, named: "kind-\(name)")
    }

    @Test("facets share their axes: every panel has the same domains, only the first keeps its y title")
    func facetsShareAxes() {
        let figure = FigureGallery.all.first { $0.name == "facets" }!.figure
        #expect(Set(figure.panels.map { $0.y.domain! }).count == 1)
        #expect(Set(figure.panels.map { $0.x.domain! }).count == 1)
        #expect(figure.panels[0].y.label != nil && figure.panels[1].y.label == nil)
    }

    @Test("the simplex maps the vertices and the centre where they belong")
    func simplexPositions() {
        #expect(SimplexView.position([1, 0, 0]) == DataPoint(x: 0, y: 0))
        #expect(SimplexView.position([0, 1, 0]) == DataPoint(x: 1, y: 0))
        let centre = SimplexView.position([1.0 / 3, 1.0 / 3, 1.0 / 3])
        #expect(abs(centre.x - 0.5) < 1e-12 && abs(centre.y - 0.2886751345948129) < 1e-12)
    }

    @Test("viridis runs from dark purple to yellow, and tiles get readable ink")
    func colorScale() {
        let scale = ColorScale.viridis(0...1)
        #expect(scale.color(0).description == "#440154")
        #expect(scale.color(1).description == "#fde725")
        #expect(ColorScale.ink(on: scale.color(0)) == .white)
        #expect(ColorScale.ink(on: scale.color(1)) == Palette.ink)
    }
}
