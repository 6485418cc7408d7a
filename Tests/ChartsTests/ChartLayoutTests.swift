import Foundation
import SnapshotSupport
import Testing

@testable import Charts

/// Compares `text` with the recorded display-list snapshot `name` (see `Snapshot`).
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    try Snapshot.verify(text, reference: url, sourceLocation: sourceLocation)
}

@Suite("Chart layout")
struct ChartLayoutTests {
    static let curve = Chart(title: "Learning", x: Axis("Episode"), y: Axis("Steps", scale: .log), width: 300, height: 200) {
        AreaMark(x: [1, 2, 3, 4], lower: [300, 80, 30, 16], upper: [600, 150, 50, 20], series: "n = 0")
        LineMark(points: [DataPoint(x: 1, y: 450), DataPoint(x: 2, y: 110), DataPoint(x: 3, y: 40), DataPoint(x: 4, y: 18)], series: "n = 0")
        LineMark(points: [DataPoint(x: 1, y: 40), DataPoint(x: 2, y: 17), DataPoint(x: 3, y: 16), DataPoint(x: 4, y: 16)], series: "n = 50")
        RuleMark(.horizontal, at: 14, label: "shortest")
    }

    @Test("bars with error bars and points lay out as recorded")
    func barSnapshot() throws {
        let chart = Chart(x: Axis("Agent"), y: Axis("Win rate"), width: 240, height: 160, legend: .right) {
            BarMark(x: 1, value: 0.7, error: 0.6...0.8, series: "wins")
            BarMark(x: 2, value: 0.4, error: 0.3...0.5, series: "draws")
            PointMark(points: [DataPoint(x: 1, y: 0.5)], series: "reference")
        }
        try assertSnapshot(ChartLayout.displayList(for: chart).snapshot, named: "bars")
    }

    @Test("linear ticks are 1, 2, 2.5 or 5 times a power of ten; log ticks are powers of ten")
    func ticks() {
        #expect(Scale.linearTicks(0...50) == [0, 10, 20, 30, 40, 50])
        #expect(Scale.linearTicks(0...1) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(Scale.logTicks(1...10_000) == [1, 10, 100, 1000, 10_000])
        #expect(Scale.logTicks(10...1000) == [10, 20, 50, 100, 200, 500, 1000])
        #expect(Scale.niceDomain(3...847, kind: .linear) == 0...1000)
        #expect(Scale.niceDomain(14...676, kind: .log) == 10...1000)
        #expect(Scale.labels([0, 20_000]) == ["0", "20,000"])
        #expect(Scale.labels([0.2, 0.25]) == ["0.20", "0.25"])
    }

    @Test("the legend goes to a corner free of data, or outside when none is free")
    func legendPlacement() {
        func legendBox(_ chart: Chart) -> (x: Double, y: Double)? {
            for item in ChartLayout.displayList(for: chart).items {
                if case .path(let elements, let style) = item, style.fill == Color.white.opacity(0.92), case .move(let x, let y) = elements[0] {
                    return (x, y)
                }
            }
            return nil
        }
        // Data high on the right: the legend must not go top right.
        let rising = Chart(width: 300, height: 200) {
            LineMark(points: (0...20).map { DataPoint(x: Double($0), y: Double($0 * $0)) }, series: "rising")
        }
        let box = legendBox(rising)!
        #expect(box.x < 150 || box.y > 100)
        // Data everywhere: the legend moves outside the plot, to the right.
        let everywhere = Chart(width: 300, height: 200) {
            for k in 0...10 { LineMark(points: [DataPoint(x: 0, y: Double(k)), DataPoint(x: 10, y: Double(k))], series: "s\(k % 2)") }
            for k in 0...10 { LineMark(points: [DataPoint(x: Double(k), y: 0), DataPoint(x: Double(k), y: 10)], series: "s\(k % 2)") }
        }
        let outside = legendBox(everywhere)!
        let plotRight = ChartLayout.displayList(for: everywhere).items.compactMap { item -> Double? in
            if case .pushClip(let x, _, let w, _) = item { return x + w }
            return nil
        }.first!
        #expect(outside.x > plotRight)
    }

    @Test("series take the Okabe–Ito colours in order of appearance")
    func palette() {
        #expect(Self.curve.seriesOrder == ["n = 0", "n = 50"])
        #expect(Palette.series(0).description == "#0072b2")
        #expect(Palette.series(1).description == "#e69f00")
    }

    @Test("the tidy CSV has a header and one row per observation")
    func tidyCSV() {
        let csv = FigureSpec(Self.curve).tidyCSV.split(separator: "\n")
        #expect(csv.first == "panel,mark,series,x,y,y_low,y_high,label")
        #expect(csv.count == 1 + 4 + 4 + 4 + 1)
        #expect(csv.contains("Learning,band,n = 0,1.0,,300.0,600.0,"))
    }
}

@Suite("Log axis labels")
struct LogLabelTests {
    @Test("ticks below one keep their decimals; tiny and huge ones are powers of ten")
    func labels() {
        #expect(Scale.logLabel(0.1) == "0.1")
        #expect(Scale.logLabel(0.02) == "0.02")
        #expect(Scale.logLabel(0.001) == "0.001")
        #expect(Scale.logLabel(0.0001) == "10⁻⁴")
        #expect(Scale.logLabel(100) == "100")
        #expect(Scale.logLabel(1_000_000) == "10⁶")
    }
}
