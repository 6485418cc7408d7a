import Foundation

/// The shape a point mark is drawn with.
public enum MarkerShape: String, Hashable, Codable, Sendable, CaseIterable {
    /// A filled circle.
    case circle
    /// A filled square.
    case square
    /// A filled triangle pointing up.
    case triangle
    /// A filled diamond.
    case diamond
    /// A filled triangle pointing down.
    case invertedTriangle
    /// A filled pentagon.
    case pentagon

    /// The outline centred at (`x`, `y`); `radius` is the circle's, and the other shapes have
    /// about the circle's area so no series looks heavier than another.
    func outline(x: Double, y: Double, radius r: Double) -> [PathElement] {
        func polygon(_ corners: Int, radius: Double, rotation: Double) -> [PathElement] {
            var elements = [PathElement]()
            for k in 0..<corners {
                let angle = rotation + 2 * Double.pi * Double(k) / Double(corners)
                let point = (x + radius * sin(angle), y - radius * cos(angle))
                elements.append(k == 0 ? .move(point.0, point.1) : .line(point.0, point.1))
            }
            return elements + [.close]
        }
        switch self {
        case .circle: return [.circle(centerX: x, centerY: y, radius: r)]
        case .square: return polygon(4, radius: r * 1.25, rotation: .pi / 4)
        case .triangle: return polygon(3, radius: r * 1.55, rotation: 0)
        case .diamond: return polygon(4, radius: r * 1.3, rotation: 0)
        case .invertedTriangle: return polygon(3, radius: r * 1.55, rotation: .pi)
        case .pentagon: return polygon(5, radius: r * 1.15, rotation: 0)
        }
    }
}

/// How one series looks: a colour, and a dash pattern and marker that keep it apart from the
/// other series when the page is printed in grey or read by someone who does not see the colour.
public struct SeriesStyle: Hashable, Sendable {
    /// The line and fill colour.
    public var color: Color
    /// The dash pattern of its lines, in points; empty for solid.
    public var dash: [Double]
    /// The shape of its point marks.
    public var marker: MarkerShape

    /// The dash patterns series take in order: solid, dashed, dotted, dash-dot and longer ones,
    /// all different so eight series stay apart without colour.
    public static let dashes: [[Double]] = [
        [], [5, 2], [1.2, 1.8], [5, 1.8, 1.2, 1.8], [9, 2.5], [2.5, 2.5], [9, 2, 1.2, 2, 1.2, 2], [1.2, 4],
    ]

    /// The style of the `index`-th series of a chart: palette colour, dash and marker in order.
    public static func automatic(_ index: Int) -> SeriesStyle {
        SeriesStyle(
            color: Palette.series(index), dash: dashes[index % dashes.count],
            marker: MarkerShape.allCases[index % MarkerShape.allCases.count])
    }

    /// The styles of a chart's series, by name, in order of first appearance.
    static func styles(for chart: Chart) -> [String: SeriesStyle] {
        styles(order: chart.seriesOrder, colors: chart.seriesColors)
    }

    /// The styles of a figure's series, so that a series looks the same in every panel. With a
    /// shared legend every series gets its own style; otherwise a series new to a panel takes
    /// the first style no other series of that panel has, so each panel's legend starts from
    /// the palette's first colours.
    static func styles(for figure: FigureSpec) -> [String: SeriesStyle] {
        let colors = figure.mergedChart.seriesColors
        if figure.sharesLegend { return styles(order: figure.seriesOrder, colors: colors) }
        var indices = [String: Int]()
        for panel in figure.panels {
            let order = panel.seriesOrder
            var taken = Set(order.compactMap { indices[$0] })
            for name in order where indices[name] == nil {
                let index = (0...).first { !taken.contains($0) }!
                indices[name] = index
                taken.insert(index)
            }
        }
        return Dictionary(uniqueKeysWithValues: indices.map { name, index in
            var style = automatic(index)
            if let color = colors[name] { style.color = color }
            return (name, style)
        })
    }

    private static func styles(order: [String], colors: [String: Color]) -> [String: SeriesStyle] {
        Dictionary(uniqueKeysWithValues: order.enumerated().map { index, name in
            var style = automatic(index)
            if let color = colors[name] { style.color = color }
            return (name, style)
        })
    }
}
