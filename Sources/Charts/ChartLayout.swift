import Foundation

/// Lays a ``FigureSpec`` or a ``Chart`` out into a ``DisplayList``.
public enum ChartLayout {
    /// Tick labels, legend entries and colour-key labels, in points, in every figure.
    static let tickSize = 8.0
    /// Axis titles, in points.
    static let labelSize = 9.0
    /// Panel titles (bold), in points.
    static let titleSize = 9.0
    /// Labels on reference lines and other notes inside the plot, in points.
    static let annotationSize = 7.5

    /// The display list of a whole figure at the size it is printed: its panels narrowed to fit
    /// ``FigureSpec/maximumWidth`` (text keeps its size) and placed row by row.
    public static func displayList(for figure: FigureSpec) -> DisplayList {
        var figure = figure.fitted(toWidth: FigureSpec.maximumWidth)
        let styles = SeriesStyle.styles(for: figure)
        let shared = figure.sharesLegend ? LegendLayout(chart: figure.mergedChart, styles: styles) : nil
        if shared != nil { for index in figure.panels.indices { figure.panels[index].legend = .hidden } }
        let size = figure.size
        let sharedRows = shared.map { $0.rows(width: size.width) } ?? []
        let legendHeight = sharedRows.isEmpty ? 0 : Double(sharedRows.count) * LegendLayout.rowHeight + 8
        var list = DisplayList(width: size.width, height: size.height + legendHeight)
        var y = 0.0
        var index = 0
        while index < figure.panels.count {
            let row = figure.panels[index..<min(figure.panels.count, index + figure.columns)]
            var x = 0.0
            for chart in row {
                list.items += items(for: chart, styles: styles, originX: x, originY: y)
                x += chart.width
            }
            y += row.map(\.height).max() ?? 0
            index += figure.columns
        }
        if let shared { list.items += shared.rowItems(sharedRows, top: y + 4, width: size.width) }
        return list
    }

    /// The display list of one chart.
    public static func displayList(for chart: Chart) -> DisplayList {
        displayList(for: FigureSpec(chart))
    }

    /// The drawing instructions of `chart` with its top-left corner at the origin given.
    static func items(for chart: Chart, styles: [String: SeriesStyle], originX: Double, originY: Double) -> [DisplayItem] {
        let xDomain = chart.x.domain ?? Scale.niceDomain(dataExtent(chart, axis: \.x), kind: chart.x.scale)
        let yDomain = chart.y.domain ?? Scale.niceDomain(dataExtent(chart, axis: \.y), kind: chart.y.scale)

        // Margins: room for tick labels and axis titles.
        let probeY = Scale(kind: chart.y.scale, domain: yDomain, range: (0, 1), reversed: false)
        let yLabelWidth = ticks(chart.y, probeY).map { TextMetrics.width(of: $0.1, size: tickSize) }.max() ?? 0
        var left = originX + (chart.y.isHidden ? 6 : yLabelWidth + 10 + (chart.y.label == nil ? 0 : 14))
        let top = originY + (chart.title == nil ? 8 : 22)
        let legend = LegendLayout(chart: chart, styles: styles)
        // A legend below the plot gets its own room under the x axis, inside the chart's height.
        let legendBelow = chart.legend == .bottom && legend.isShown ? legend.height + 6 : 0
        var bottom = originY + chart.height - (chart.x.isHidden ? 6 : 18 + (chart.x.label == nil ? 0 : 14)) - legendBelow
        // Room on the right for half the last x tick label, which is centred on its tick.
        let probeX = Scale(kind: chart.x.scale, domain: xDomain, range: (0, 1), reversed: chart.x.isReversed)
        // Tick values and labels depend on the domain only, so they are chosen once.
        let xTicks = chart.x.isHidden ? [] : ticks(chart.x, probeX)
        let lastXLabel = xTicks.max { probeX.position($0.0) < probeX.position($1.0) }
        let lastXHalfWidth = lastXLabel.map { TextMetrics.width(of: $0.1, size: tickSize) / 2 + 2 } ?? 0
        var right = originX + chart.width - max(10, lastXHalfWidth)

        if chart.colorBar != nil { right -= 48 }
        if legend.isShown && chart.legend == .right { right -= legend.width + 8 }
        // x tick labels that would collide are set on two lines, or thinned out if that is not
        // enough; the extra line takes room from the plot, never from outside the chart.
        let xLabels = fittedLabels(xTicks, scale: Scale(kind: chart.x.scale, domain: xDomain, range: (left, right), reversed: chart.x.isReversed))
        let xLabelLines = xLabels.map { $0.1.split(separator: "\n").count }.max() ?? 1
        let xLabelExtra = Double(xLabelLines - 1) * (tickSize + 1.5)
        bottom -= xLabelExtra

        if chart.equalAspect {
            // Shrink one side so a data unit has the same length on both axes, centred.
            let unitsX = xDomain.upperBound - xDomain.lowerBound
            let unitsY = yDomain.upperBound - yDomain.lowerBound
            let unit = min((right - left) / unitsX, (bottom - top) / unitsY)
            let slack = (right - left) - unit * unitsX
            left += slack / 2
            right = left + unit * unitsX
        }
        var plotTop = top
        var plotBottom = bottom
        if chart.equalAspect {
            // Centre the plot vertically in the room left by the equal scale.
            let plotHeight = (right - left) * (yDomain.upperBound - yDomain.lowerBound) / (xDomain.upperBound - xDomain.lowerBound)
            plotTop = top + (bottom - top - plotHeight) / 2
            plotBottom = plotTop + plotHeight
        }
        let xScale = Scale(kind: chart.x.scale, domain: xDomain, range: (left, right), reversed: chart.x.isReversed)
        let yScale = Scale(kind: chart.y.scale, domain: yDomain, range: (plotBottom, plotTop), reversed: chart.y.isReversed)
        let plot = PlotFrame(x: xScale, y: yScale)

        if chart.legend == .automatic, legend.isShown, legend.freeCorner(plot: plot, chart: chart) == nil {
            var moved = chart
            moved.legend = .right
            return items(for: moved, styles: styles, originX: originX, originY: originY)
        }

        var items = [DisplayItem]()
        if let title = chart.title {
            // Centred over the plot, but moved in so a long title stays inside the chart.
            let half = TextMetrics.width(of: title, size: titleSize, bold: true) / 2
            let centre = min(max((left + right) / 2, originX + half + 2), originX + chart.width - half - 2)
            items.append(.text(TextItem(title, x: centre, y: originY + 9, size: titleSize, bold: true, anchor: .middle)))
        }
        items += axisItems(chart, plot: plot, originX: originX, xLabels: xLabels, xLabelExtra: xLabelExtra)
        // Lines and bands are cut at the frame; point marks may overhang it by their radius, so
        // a point at the end of the range is drawn whole.
        let painter = MarkPainter(plot: plot, styles: styles, tooltip: MarkTooltip(chart: chart))
        var clip: Double?
        for mark in chart.marks {
            // Text is a note placed by the author (corner names of a simplex, say), never cut.
            if case .text = mark {
                if clip != nil { items.append(.popClip) }
                clip = nil
                items += painter.items(for: mark)
                continue
            }
            let overhang: Double
            if case .point(let m) = mark { overhang = m.radius + 0.5 } else { overhang = 0 }
            if clip != overhang {
                if clip != nil { items.append(.popClip) }
                items.append(.pushClip(x: left - overhang, y: plotTop - overhang, width: right - left + 2 * overhang, height: plotBottom - plotTop + 2 * overhang))
                clip = overhang
            }
            items += painter.items(for: mark)
        }
        if clip != nil { items.append(.popClip) }
        items += legend.items(plot: plot, placement: chart.legend, chart: chart)
        if let bar = chart.colorBar {
            let height = min(plot.bottom - plot.top - 12, 160)
            items += bar.items(x: plot.right + 12, y: plot.top + 12, height: height)
        }
        return items
    }

    static func axisItems(_ chart: Chart, plot: PlotFrame, originX: Double, xLabels: [(Double, String)], xLabelExtra: Double) -> [DisplayItem] {
        var items = [DisplayItem]()
        let (left, right, top, bottom) = (plot.left, plot.right, plot.top, plot.bottom)
        if !chart.y.isHidden {
            for (tick, label) in ticks(chart.y, plot.y) {
                let y = plot.y.position(tick)
                if chart.showsGrid && chart.y.ticks == nil { items.append(.path([.move(left, y), .line(right, y)], PathStyle(stroke: Palette.grid, lineWidth: 0.5))) }
                items.append(.path([.move(left - 3, y), .line(left, y)], PathStyle(stroke: Palette.ink, lineWidth: 0.6)))
                items.append(.text(TextItem(label, x: left - 5, y: y, size: tickSize, anchor: .end)))
            }
            items.append(.path([.move(left, top), .line(left, bottom)], PathStyle(stroke: Palette.ink, lineWidth: 0.6)))
            if let label = chart.y.label {
                items.append(.text(TextItem(label, x: originX + 6, y: (top + bottom) / 2, size: labelSize, anchor: .middle, rotation: 90)))
            }
        }
        if !chart.x.isHidden {
            for (tick, label) in xLabels {
                let x = plot.x.position(tick)
                if chart.showsGrid && chart.x.ticks == nil { items.append(.path([.move(x, top), .line(x, bottom)], PathStyle(stroke: Palette.grid, lineWidth: 0.5))) }
                items.append(.path([.move(x, bottom), .line(x, bottom + 3)], PathStyle(stroke: Palette.ink, lineWidth: 0.6)))
                items.append(.text(TextItem(label, x: x, y: bottom + 4, size: tickSize, anchor: .middle, baseline: .top)))
            }
            items.append(.path([.move(left, bottom), .line(right, bottom)], PathStyle(stroke: Palette.ink, lineWidth: 0.6)))
            if let label = chart.x.label {
                items.append(.text(TextItem(label, x: (left + right) / 2, y: bottom + 16 + xLabelExtra, size: labelSize, anchor: .middle, baseline: .top)))
            }
        }
        return items
    }

    /// The ticks of an axis with their labels: its named ticks, or nice numeric ones.
    static func ticks(_ axis: Axis, _ scale: Scale) -> [(Double, String)] {
        if let named = axis.ticks { return named.map { ($0.value, $0.label) } }
        if axis.scale == .log {
            let values = scale.ticks()
            return Array(zip(values, Scale.logLabels(values)))
        }
        let values = scale.ticks()
        return Array(zip(values, Scale.labels(values)))
    }

    /// `labels` (centred on their ticks at `scale`'s positions) made not to collide: as they are
    /// when they fit; else each set on two lines at its last space; else every other one kept,
    /// as often as needed.
    static func fittedLabels(_ labels: [(Double, String)], scale: Scale) -> [(Double, String)] {
        func collide(_ candidate: [(Double, String)]) -> Bool {
            let boxes = candidate.map { tick, label -> (Double, Double) in
                let x = scale.position(tick)
                let half = (label.split(separator: "\n").map { TextMetrics.width(of: String($0), size: tickSize) }.max() ?? 0) / 2
                return (x - half, x + half)
            }.sorted { $0.0 < $1.0 }
            return zip(boxes, boxes.dropFirst()).contains { $0.1 + 3 > $1.0 }
        }
        guard collide(labels) else { return labels }
        let wrapped = labels.map { tick, label -> (Double, String) in
            guard let space = label.lastIndex(of: " ") else { return (tick, label) }
            return (tick, label.replacingCharacters(in: space...space, with: "\n"))
        }
        if !collide(wrapped) { return wrapped }
        var thinned = labels
        while thinned.count > 2, collide(thinned) {
            thinned = thinned.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        }
        return thinned
    }

    /// The range of the data on one axis over all marks (rules included).
    static func dataExtent(_ chart: Chart, axis: KeyPath<DataPoint, Double>) -> ClosedRange<Double> {
        let isX = axis == \DataPoint.x
        var values = [Double]()
        for mark in chart.marks {
            switch mark {
            case .line(let m): values += m.points.map { $0[keyPath: axis] }
            case .point(let m): values += m.points.map { $0[keyPath: axis] }
            case .area(let m): values += isX ? m.x : m.lower + m.upper
            case .rule(let m):
                if (m.orientation == .vertical) == isX { values.append(m.value) }
            case .bar(let m):
                values += isX ? [m.x - m.width / 2, m.x + m.width / 2] : [m.base, m.value] + (m.error.map { [$0.lowerBound, $0.upperBound] } ?? [])
            case .rectangle(let m):
                let r = isX ? m.xRange : m.yRange
                values += [r.lowerBound, r.upperBound]
            case .text(let m): values.append(m.at[keyPath: axis])
            case .arrow(let m): values.append(m.at[keyPath: axis])
            case .disc(let m): values.append(m.at[keyPath: axis])
            case .segment(let m): values += [m.from[keyPath: axis], m.to[keyPath: axis]]
            case .errorBar(let m): values += isX ? [m.x] : [m.interval.lowerBound, m.interval.upperBound]
            }
        }
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        return low...high
    }
}

/// The plot rectangle and its two scales.
struct PlotFrame {
    let x: Scale
    let y: Scale
    var left: Double { min(x.range.start, x.range.end) }
    var right: Double { max(x.range.start, x.range.end) }
    var top: Double { min(y.range.start, y.range.end) }
    var bottom: Double { max(y.range.start, y.range.end) }

    func point(_ p: DataPoint) -> (Double, Double) { (x.position(p.x), y.position(p.y)) }
}
