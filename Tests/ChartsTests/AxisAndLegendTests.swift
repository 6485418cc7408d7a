import FigureGallery
import Foundation
import Testing

@testable import Charts

/// The number a tick label prints, read back: true minus signs and thousands commas undone.
private func value(of label: String) -> Double? {
    Double(label.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ""))
}

private func decimals(_ label: String) -> Int {
    label.firstIndex(of: ".").map { label.distance(from: $0, to: label.endIndex) - 1 } ?? 0
}

@Suite("Tick labels that do not lie")
struct TickLabelTests {
    @Test("every label prints its tick exactly, all with the same decimals", arguments: [
        0.0...1.41, -163.0...12.0, 0.97...1.0, 0.0...1.5, 0.0...7.5, 0.0...0.003, -0.5...0.5, 3.0...847.0, 0.0...60_000.0,
    ])
    func exactAndUniform(_ data: ClosedRange<Double>) {
        let ticks = Scale.linearTicks(Scale.niceDomain(data, kind: .linear))
        let labels = Scale.labels(ticks)
        #expect(ticks.count >= 3)
        for (tick, label) in zip(ticks, labels) {
            #expect(value(of: label).map { abs($0 - tick) <= 1e-9 * max(1, abs(tick)) } == true, "\(label) for \(tick)")
        }
        #expect(Set(labels.map(decimals)).count == 1, "\(labels)")
        #expect(Set(labels).count == labels.count, "two ticks print alike: \(labels)")
    }

    @Test("the ensemble figure's axis reads 0.00, 0.25, …, never 0.2 and 0.8")
    func quarterSteps() {
        #expect(Scale.labels([0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5]) == ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50"])
        #expect(Scale.labels([0, 2.5, 5, 7.5]) == ["0.0", "2.5", "5.0", "7.5"])
    }

    @Test("negative ticks carry a true minus sign; zero has none; thousands are grouped with a comma from 1,000 up")
    func signs() {
        #expect(Scale.labels([-150, -100, -50, 0]) == ["\u{2212}150", "\u{2212}100", "\u{2212}50", "0"])
        #expect(Scale.labels([-0.5, 0, 0.5]) == ["\u{2212}0.5", "0.0", "0.5"])
        #expect(Scale.labels([0, 20_000, 40_000]) == ["0", "20,000", "40,000"])
        // One style for four digits and five, as in the prose: 1,000 and 10,000.
        #expect(Scale.labels([0, 1000, 2000]) == ["0", "1,000", "2,000"])
    }

    @Test("log ticks over [0.003, 10⁴] read back to their values")
    func logTicks() {
        let ticks = Scale.logTicks(Scale.niceDomain(0.003...1e4, kind: .log))
        #expect(ticks.first == 0.001 && ticks.last == 10_000)
        for tick in ticks {
            let label = Scale.logLabel(tick)
            if let parsed = value(of: label) { #expect(abs(parsed - tick) <= 1e-12 * tick, "\(label)") } else { #expect(label.hasPrefix("10")) }
        }
    }
}

@Suite("Log axes in one style")
struct LogAxisStyleTests {
    @Test("an axis that reaches 10⁶ writes every decade as a power; one that does not writes plain numbers")
    func oneStyle() {
        #expect(Scale.logLabels([1000, 10_000, 100_000, 1_000_000]) == ["10³", "10⁴", "10⁵", "10⁶"])
        #expect(Scale.logLabels([1e-4, 1e-3, 1e-2]) == ["10⁻⁴", "10⁻³", "10⁻²"])
        #expect(Scale.logLabels([10, 20, 50, 100]) == ["10", "20", "50", "100"])
        #expect(Scale.logLabels([100_000, 200_000, 500_000, 1_000_000]) == ["10⁵", "2×10⁵", "5×10⁵", "10⁶"])
    }
}

@Suite("Legends, margins and clipping")
struct LegendAndMarginTests {
    private func paths(_ list: DisplayList) -> [(elements: [PathElement], style: PathStyle)] {
        list.items.compactMap { if case .path(let elements, let style) = $0 { (elements, style) } else { nil } }
    }

    @Test("a legend entry draws the series as the plot does: its dash pattern, width and marker")
    func legendMatchesMarks() {
        let chart = Chart(x: Axis("x"), y: Axis("y"), width: 300, height: 200, legend: .right) {
            LineMark(points: [DataPoint(x: 0, y: 0), DataPoint(x: 1, y: 1)], series: "dashed", width: 1.2, dash: [4, 2])
            LineMark(points: [DataPoint(x: 0, y: 1), DataPoint(x: 1, y: 0)], series: "solid")
            PointMark(points: [DataPoint(x: 0.5, y: 0.5)], series: "solid", radius: 3)
        }
        let strokes = paths(ChartLayout.displayList(for: chart)).filter { $0.style.stroke != nil && $0.elements.count == 2 }
        // The plotted dashed line and its legend sample share the pattern and width.
        #expect(strokes.filter { $0.style.dash == [4, 2] && $0.style.lineWidth == 1.2 }.count == 2)
        // The second series' marker is a square (its automatic shape), in the plot and in the legend.
        let markers = paths(ChartLayout.displayList(for: chart)).filter { $0.style.fill == Palette.series(1) && $0.style.stroke == nil }
        #expect(markers.count == 2, "the marker appears in the plot and in the legend")
        #expect(markers.allSatisfy { $0.elements.count == 5 }, "a square: four corners and a close")
    }

    @Test("the last x tick label fits inside the figure; a point at the top of the range is not cut by the frame")
    func nothingClipped() {
        let chart = Chart(x: Axis("Simulations"), y: Axis("Share", domain: 0...1), width: 260, height: 180) {
            PointMark(points: [DataPoint(x: 0, y: 1), DataPoint(x: 100_000, y: 0.5)], series: "a", radius: 3)
        }
        let list = ChartLayout.displayList(for: chart)
        for case .text(let item) in list.items where item.anchor == .middle && item.baseline == .top {
            let half = TextMetrics.width(of: item.text, size: item.size) / 2
            #expect(item.x + half <= chart.width && item.x - half >= 0, "\(item.text) is cut")
        }
        let clips = list.items.compactMap { if case .pushClip(_, let y, _, _) = $0 { y } else { nil } }
        let frameTop = paths(list).compactMap { path -> Double? in
            guard path.elements.count == 2, case .move(let x0, let y0) = path.elements[0], case .line(let x1, let y1) = path.elements[1], y0 == y1, x1 - x0 > 100 else { return nil }
            return y0
        }.min()!
        #expect(clips.allSatisfy { $0 <= frameTop - 3 }, "a point of radius 3 on the top edge must be drawn whole")
    }

    @Test("a legend below the plot stays inside the chart's height")
    func bottomLegend() {
        let chart = Chart(x: Axis("x"), y: Axis("y"), width: 260, height: 180, legend: .bottom) {
            LineMark(points: [DataPoint(x: 0, y: 0), DataPoint(x: 1, y: 1)], series: "first")
            LineMark(points: [DataPoint(x: 0, y: 1), DataPoint(x: 1, y: 0)], series: "second")
        }
        for case .text(let item) in ChartLayout.displayList(for: chart).items where item.text == "second" {
            #expect(item.y + item.size / 2 <= chart.height)
        }
    }
}

@Suite("Tick labels never collide")
struct TickCollisionTests {
    /// The boxes of the x tick labels of `list` (centred text hanging from the axis).
    static func xLabelBoxes(_ list: DisplayList) -> [(Double, Double)] {
        list.items.compactMap { item -> (Double, Double)? in
            guard case .text(let text) = item, text.anchor == .middle, text.baseline == .top, text.size == ChartLayout.tickSize else { return nil }
            let half = (text.text.split(separator: "\n").map { TextMetrics.width(of: String($0), size: text.size) }.max() ?? 0) / 2
            return (text.x - half, text.x + half)
        }.sorted { $0.0 < $1.0 }
    }

    static func disjoint(_ boxes: [(Double, Double)]) -> Bool {
        zip(boxes, boxes.dropFirst()).allSatisfy { $0.1 <= $1.0 }
    }

    @Test("eight categories like Figure 3.5's \"100 red\" on a narrow panel are set on two lines, not on top of each other")
    func categories() {
        let names = [10, 100, 1000, 10_000].flatMap { n in ["red", "yel."].map { "\(n >= 1000 ? "\(n / 1000)k" : "\(n)") \($0)" } }
        let chart = StackedBarView(categories: names, bars: names.map { _ in [.init("win", 1)] }, yTitle: "Games").chart(width: 300, height: 220)
        let list = ChartLayout.displayList(for: chart)
        let boxes = Self.xLabelBoxes(list)
        #expect(boxes.count == 8, "every category keeps its label")
        #expect(Self.disjoint(boxes))
        for case .text(let item) in list.items where item.text.hasPrefix("100") { #expect(item.text.contains("\n")) }
    }

    @Test("no figure of the gallery has colliding x tick labels")
    func gallery() {
        for (name, figure) in FigureGallery.all {
            #expect(Self.disjoint(Self.xLabelBoxes(ChartLayout.displayList(for: figure))), "\(name)")
        }
    }

    @Test("dense numeric ticks are thinned out")
    func thinned() {
        let chart = Chart(x: Axis("n", ticks: (1...30).map { AxisTick(Double($0), "\($0 * 1000)") }), y: Axis("y"), width: 160, height: 120) {
            LineMark(points: [DataPoint(x: 1, y: 0), DataPoint(x: 30, y: 1)], series: "a")
        }
        let boxes = Self.xLabelBoxes(ChartLayout.displayList(for: chart))
        #expect(boxes.count < 30 && boxes.count >= 2 && Self.disjoint(boxes))
    }
}
