import Foundation

/// Sizes a chart's legend and places it where it hides no data.
struct LegendLayout {
    /// One series as the plot draws it: its line (width and dash pattern) if it has one, its
    /// point marker if it has one, else a filled swatch (bars, bands).
    struct Entry {
        let name: String
        let color: Color
        let line: (width: Double, dash: [Double])?
        let marker: (shape: MarkerShape, radius: Double)?
        /// Whether the series has bars, which are drawn with a thin outline.
        let isOutlined: Bool
    }

    let entries: [Entry]
    static let size = ChartLayout.tickSize
    static let rowHeight = 12.0

    init(chart: Chart, styles: [String: SeriesStyle]) {
        var lines = [String: (width: Double, dash: [Double])]()
        var markers = [String: (shape: MarkerShape, radius: Double)]()
        var barSeries = Set<String>()
        for mark in chart.marks {
            switch mark {
            case .bar(let m): barSeries.insert(m.series)
            case .line(let m) where lines[m.series] == nil:
                lines[m.series] = (m.width, m.dash ?? styles[m.series]?.dash ?? [])
            case .point(let m) where markers[m.series] == nil:
                markers[m.series] = (m.shape ?? styles[m.series]?.marker ?? .circle, m.radius)
            default: break
            }
        }
        entries = chart.seriesOrder.map {
            Entry(name: $0, color: styles[$0]?.color ?? Palette.ink, line: lines[$0], marker: markers[$0], isOutlined: barSeries.contains($0))
        }
    }

    var isShown: Bool { !entries.isEmpty }
    var width: Double { 26 + (entries.map { TextMetrics.width(of: $0.name, size: Self.size) }.max() ?? 0) }
    var height: Double { Double(entries.count) * Self.rowHeight + 6 }

    func items(plot: PlotFrame, placement: LegendPlacement, chart: Chart) -> [DisplayItem] {
        guard isShown, placement != .hidden else { return [] }
        let origin: (Double, Double)
        switch placement {
        case .right, .hidden:
            origin = (plot.right + 8, plot.top)
        case .bottom:
            origin = (plot.left, plot.bottom + (chart.x.isHidden ? 6 : 18 + (chart.x.label == nil ? 0 : 14)) + 4)
        case .automatic:
            origin = freeCorner(plot: plot, chart: chart) ?? (plot.right + 8, plot.top)
        }
        var items: [DisplayItem] = [
            .path(
                [.move(origin.0, origin.1), .line(origin.0 + width, origin.1), .line(origin.0 + width, origin.1 + height), .line(origin.0, origin.1 + height), .close],
                PathStyle(fill: Color.white.opacity(0.92), stroke: Color.gray(0.8), lineWidth: 0.5))
        ]
        for (row, entry) in entries.enumerated() {
            items += entryItems(entry, x: origin.0 + 5, y: origin.1 + 3 + Self.rowHeight * (Double(row) + 0.5))
        }
        return items
    }

    /// The entries in rows no wider than `width`, in order (a shared legend below a figure).
    func rows(width: Double) -> [[Entry]] {
        var rows = [[Entry]]()
        var current = [Entry]()
        var used = 0.0
        for entry in entries {
            let entryWidth = Self.entryWidth(entry)
            if !current.isEmpty && used + entryWidth > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(entry)
            used += entryWidth
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The drawing of `rows` centred across `width`, the first row's top at `top`.
    func rowItems(_ rows: [[Entry]], top: Double, width: Double) -> [DisplayItem] {
        var items = [DisplayItem]()
        for (index, row) in rows.enumerated() {
            let rowWidth = row.reduce(0) { $0 + Self.entryWidth($1) } - Self.entryGap
            var x = (width - rowWidth) / 2
            for entry in row {
                items += entryItems(entry, x: x, y: top + Self.rowHeight * (Double(index) + 0.5))
                x += Self.entryWidth(entry)
            }
        }
        return items
    }

    /// Space between entries set side by side.
    static let entryGap = 14.0

    /// The width of one entry set in a row, its gap to the next included.
    static func entryWidth(_ entry: Entry) -> Double {
        18 + TextMetrics.width(of: entry.name, size: size) + entryGap
    }

    /// One entry: the mark exactly as the plot draws it, then the series name, from (x, y).
    func entryItems(_ entry: Entry, x: Double, y: Double) -> [DisplayItem] {
        var items = [DisplayItem]()
        if entry.line != nil || entry.marker != nil {
            if let line = entry.line {
                items.append(.path([.move(x, y), .line(x + 14, y)], PathStyle(stroke: entry.color, lineWidth: line.width, dash: line.dash)))
            }
            if let marker = entry.marker {
                items.append(.path(marker.shape.outline(x: x + 7, y: y, radius: marker.radius), PathStyle(fill: entry.color)))
            }
        } else {
            // A swatch for bars (outlined as the bars are) and bands.
            let style = entry.isOutlined ? PathStyle(fill: entry.color, stroke: Palette.ink, lineWidth: 0.4) : PathStyle(fill: entry.color)
            items.append(.path([.move(x + 2, y - 4), .line(x + 12, y - 4), .line(x + 12, y + 4), .line(x + 2, y + 4), .close], style))
        }
        items.append(.text(TextItem(entry.name, x: x + 18, y: y, size: Self.size)))
        return items
    }

    /// The first inside corner (top right, top left, bottom right, bottom left) that covers no
    /// data, or `nil` when every corner covers some.
    func freeCorner(plot: PlotFrame, chart: Chart) -> (Double, Double)? {
        let inset = 5.0
        let corners = [
            (plot.right - inset - width, plot.top + inset), (plot.left + inset, plot.top + inset),
            (plot.right - inset - width, plot.bottom - inset - height), (plot.left + inset, plot.bottom - inset - height),
        ]
        let samples = dataSamples(plot: plot, chart: chart)
        return corners.first { corner in
            !samples.contains { p in
                p.0 >= corner.0 - 2 && p.0 <= corner.0 + width + 2 && p.1 >= corner.1 - 2 && p.1 <= corner.1 + height + 2
            }
        }
    }

    /// Points along every line and band edge, about two points apart, in plot coordinates.
    func dataSamples(plot: PlotFrame, chart: Chart) -> [(Double, Double)] {
        var polylines = [[(Double, Double)]]()
        for mark in chart.marks {
            switch mark {
            case .line(let m): polylines.append(m.points.map(plot.point))
            case .point(let m): polylines += m.points.map { [plot.point($0)] }
            case .area(let m):
                let upper = m.x.indices.map { plot.point(DataPoint(x: m.x[$0], y: m.upper[$0])) }
                let lower = m.x.indices.map { plot.point(DataPoint(x: m.x[$0], y: m.lower[$0])) }
                polylines += [upper, lower]
                // The band's inside counts too: vertical strokes between its edges.
                for (u, l) in zip(upper, lower) { polylines.append([u, l]) }
            case .bar(let m):
                polylines.append([plot.point(DataPoint(x: m.x, y: m.base)), plot.point(DataPoint(x: m.x, y: m.value))])
            case .rule(let m):
                // The line and its label, which the legend must not cover either.
                let labelWidth = m.label.map { TextMetrics.width(of: $0, size: ChartLayout.annotationSize) } ?? 0
                if m.orientation == .horizontal {
                    let y = plot.y.position(m.value)
                    polylines.append([(plot.left, y), (plot.right, y)])
                    if labelWidth > 0 { polylines.append([(plot.right - 3 - labelWidth, y + 2), (plot.right - 3, y + 2 + ChartLayout.annotationSize)]) }
                } else {
                    let x = plot.x.position(m.value)
                    polylines.append([(x, plot.top), (x, plot.bottom)])
                    if labelWidth > 0 { polylines.append([(x + 3, plot.top + 2), (x + 3 + labelWidth, plot.top + 2 + ChartLayout.annotationSize)]) }
                }
            default: break
            }
        }
        var samples = [(Double, Double)]()
        for line in polylines {
            guard var previous = line.first else { continue }
            samples.append(previous)
            for point in line.dropFirst() {
                let steps = max(1, Int(hypot(point.0 - previous.0, point.1 - previous.1) / 2))
                for k in 1...steps {
                    let t = Double(k) / Double(steps)
                    samples.append((previous.0 + (point.0 - previous.0) * t, previous.1 + (point.1 - previous.1) * t))
                }
                previous = point
            }
        }
        return samples
    }
}
