import FigureGallery
import Foundation
import Testing

@testable import Charts

/// Figures as a textbook editor wants them: printed at their size, one text size throughout,
/// readable in grey, with nothing cut or crossed.
@Suite("Figures at their printed size, readable without colour")
struct ReadabilityTests {
    private func texts(_ list: DisplayList) -> [TextItem] {
        list.items.compactMap { if case .text(let item) = $0 { item } else { nil } }
    }

    private func line(_ index: Int, series: String) -> LineMark {
        LineMark(points: [DataPoint(x: 0, y: Double(index)), DataPoint(x: 1, y: Double(index) + 0.5)], series: series)
    }

    @Test("a figure wider than the text is laid out at the text width, not scaled: its ticks stay 8 pt")
    func laidOutAtPrintedSize() {
        let wide = FigureSpec(panels: (1...3).map { k in
            Chart(title: "panel \(k)", x: Axis("x"), y: Axis("y"), width: 300, height: 200) { line(k, series: "a") }
        }, columns: 3)
        let list = ChartLayout.displayList(for: wide)
        #expect(list.width <= FigureSpec.maximumWidth + 1e-9)
        #expect(list.height == 200, "the panels keep their height")
        let ticks = texts(list).filter { $0.baseline == .top && $0.anchor == .middle && $0.text.first?.isNumber == true }
        #expect(!ticks.isEmpty && ticks.allSatisfy { $0.size == 8 })
    }

    @Test("every gallery figure fits the text width, and its ticks, legend, axis and panel titles are 8 or 9 pt")
    func oneTextSize() {
        for (name, figure) in FigureGallery.all {
            let list = ChartLayout.displayList(for: figure)
            #expect(list.width <= FigureSpec.maximumWidth + 1e-9, "\(name)")
            // Tick labels (anchored at their tick), legend entries (start-anchored middle-baseline text
            // outside the plot) and titles all come from the layout, never from a mark.
            let layoutTexts = texts(list).filter { $0.size != 7 && $0.size != 7.5 && $0.size < 20 && !["S", "G"].contains($0.text) }
            for item in layoutTexts { #expect((8...9).contains(item.size), "\(name): \"\(item.text)\" is \(item.size) pt") }
        }
    }

    @Test("eight series of lines differ in dash pattern, six series of points in marker, without colour")
    func seriesApartWithoutColour() {
        let dashes: [String] = (0..<8).map { index in SeriesStyle.automatic(index).dash.map { "\($0)" }.joined(separator: ",") }
        #expect(Set(dashes).count == 8)
        #expect(Set((0..<6).map { SeriesStyle.automatic($0).marker }).count == 6)
        let chart = Chart(x: Axis("x"), y: Axis("y"), legend: .right) { for k in 0..<8 { line(k, series: "s\(k)") } }
        #expect(FigureSpec(chart).readabilityProblems.isEmpty)
    }

    @Test("the lint names series that only colour tells apart, and a grid with an empty slot")
    func lintFlagsColourOnlyAndEmptySlots() {
        let sameDash = Chart(x: Axis("x"), y: Axis("y"), legend: .right) {
            LineMark(points: [DataPoint(x: 0, y: 0), DataPoint(x: 1, y: 1)], series: "a", dash: [4, 2])
            LineMark(points: [DataPoint(x: 0, y: 1), DataPoint(x: 1, y: 0)], series: "b", dash: [4, 2])
        }
        #expect(FigureSpec(sameDash).readabilityProblems.count == 1)
        // Blue and green bars are about as light as each other: grey print merges them.
        let bars = Chart(x: Axis("x"), y: Axis("y"), legend: .right) {
            BarMark(x: 1, value: 1, series: "blue")
            BarMark(x: 2, value: 1, series: "orange")
            BarMark(x: 3, value: 1, series: "green")
        }
        #expect(FigureSpec(bars).readabilityProblems.count == 1)
        let stacked = StackedBarView(categories: ["a"], bars: [[.init("win", 0.5), .init("draw", 0.2), .init("loss", 0.3)]], yTitle: "share").chart()
        #expect(FigureSpec(stacked).readabilityProblems.isEmpty, "stacked segments are shades of different lightness")
        let grid = FigureSpec(panels: (0..<3).map { k in Chart(width: 200, height: 150, legend: .hidden) { line(k, series: "a") } }, columns: 2)
        #expect(grid.readabilityProblems.count == 1)
        #expect(FigureSpec(panels: grid.panels, columns: 3).readabilityProblems.isEmpty)
    }

    @Test("a series looks the same in every panel; a shared legend explains all panels once, below them")
    func seriesAcrossPanels() throws {
        let first = Chart(width: 200, height: 150, legend: .right) { line(0, series: "a"); line(1, series: "b") }
        let second = Chart(width: 200, height: 150, legend: .right) { line(0, series: "b"); line(1, series: "c") }
        let strokes = { (list: DisplayList) in
            list.items.compactMap { item -> PathStyle? in if case .path(let e, let s) = item, s.stroke != nil, e.count == 2, s.lineWidth == 1.5 { s } else { nil } }
        }
        let separate = FigureSpec(panels: [first, second], columns: 2)
        let styles = SeriesStyle.styles(for: separate)
        #expect(styles["b"] == SeriesStyle.automatic(1), "b keeps the style it has in the first panel")
        #expect(styles["c"] == SeriesStyle.automatic(0), "c takes the first style free in its own panel")
        let shared = FigureSpec(panels: [first, second], columns: 2, sharedLegend: true)
        #expect(SeriesStyle.styles(for: shared)["c"] == SeriesStyle.automatic(2))
        let list = ChartLayout.displayList(for: shared)
        let names = texts(list).filter { ["a", "b", "c"].contains($0.text) }
        #expect(names.count == 3, "one legend, three entries")
        #expect(names.allSatisfy { $0.y > 150 }, "below the panels")
        #expect(list.height > 150)
        #expect(strokes(list).count == 4 + 3)
    }

    @Test("a long panel title stays inside its panel; notes in the plot are not clipped")
    func titlesAndNotesInside() {
        let chart = Chart(title: "Title longer than the plot", x: Axis("x"), y: Axis("a long axis title"), width: 150, height: 150, legend: .hidden) {
            line(0, series: "a")
            TextMark("outside", at: DataPoint(x: 1.3, y: 0))
        }
        let list = ChartLayout.displayList(for: chart)
        let title = texts(list).first { $0.bold }!
        let half = TextMetrics.width(of: title.text, size: title.size, bold: true) / 2
        #expect(title.x - half >= 0 && title.x + half <= 150)
        var depth = 0
        for item in list.items {
            switch item {
            case .pushClip: depth += 1
            case .popClip: depth -= 1
            case .text(let t) where t.text == "outside": #expect(depth == 0, "the note is drawn outside any clip")
            default: break
            }
        }
    }

    @Test("search tree: edges leave a node below its labels, so no edge crosses a label; a colour key explains Q")
    func treeEdgesAvoidLabels() throws {
        let figure = try #require(FigureGallery.all.first { $0.name == "search-tree" }?.figure)
        #expect(figure.panels[0].colorBar != nil)
        let list = ChartLayout.displayList(for: figure)
        let labels = texts(list).filter { $0.text.hasPrefix("N=") || $0.text.hasPrefix("Q=") }.map { t -> (Double, Double, Double, Double) in
            let half = TextMetrics.width(of: t.text, size: t.size) / 2
            return (t.x - half, t.y - t.size / 2, t.x + half, t.y + t.size / 2)
        }
        let edges = list.items.compactMap { item -> (Double, Double, Double, Double)? in
            guard case .path(let e, let s) = item, s.stroke == .gray(0.45), e.count == 2, case .move(let x0, let y0) = e[0], case .line(let x1, let y1) = e[1] else { return nil }
            return (x0, y0, x1, y1)
        }
        #expect(!edges.isEmpty && !labels.isEmpty)
        for edge in edges {
            for box in labels {
                // Sample the segment; no sample may fall inside a label box.
                let crosses = (0...40).contains { k in
                    let t = Double(k) / 40
                    let x = edge.0 + (edge.2 - edge.0) * t
                    let y = edge.1 + (edge.3 - edge.1) * t
                    return x > box.0 && x < box.2 && y > box.1 && y < box.3
                }
                #expect(!crosses, "an edge crosses a label")
            }
        }
    }

    @Test("numbers print with a true minus, grouped thousands and no negative zero")
    func numberText() {
        #expect(NumberText.fixed(-0.094, decimals: 2) == "\u{2212}0.09")
        #expect(NumberText.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberText.fixed(1_234_567.25, decimals: 1) == "1,234,567.2" || NumberText.fixed(1_234_567.25, decimals: 1) == "1,234,567.3")
        #expect(NumberText.fixed(999, decimals: 0) == "999")
        #expect(NumberText.fixed(-12_000, decimals: 0) == "\u{2212}12,000")
        #expect(NumberText.significant(0.0035, digits: 3) == "0.00350")
        #expect(NumberText.significant(9.996, digits: 3) == "10.0")
        #expect(NumberText.significant(1234, digits: 2) == "1,234")
        #expect(NumberText.significant(-0.0521, digits: 2) == "\u{2212}0.052")
        #expect(NumberText.scientific(1.26e-12, digits: 2) == "1.3 \u{00D7} 10⁻¹²")
        #expect(NumberText.scientific(9.97e-7, digits: 2) == "1.0 \u{00D7} 10⁻⁶")
        #expect(NumberText.scientific(1e-6, digits: 2, trimmingZeros: true) == "10⁻⁶")
    }
}
