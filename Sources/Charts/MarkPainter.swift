import Foundation

/// Turns marks into drawing instructions inside a plot frame.
struct MarkPainter {
    let plot: PlotFrame
    let styles: [String: SeriesStyle]
    /// The values of each mark in words, for the web edition.
    let tooltip: MarkTooltip

    func color(_ series: String) -> Color { styles[series]?.color ?? Palette.ink }

    func items(for mark: Mark) -> [DisplayItem] {
        switch mark {
        case .line(let m):
            guard let first = m.points.first else { return [] }
            var elements = [PathElement]()
            let start = plot.point(first)
            elements.append(.move(start.0, start.1))
            for p in m.points.dropFirst() {
                let (x, y) = plot.point(p)
                elements.append(.line(x, y))
            }
            return [.path(elements, PathStyle(stroke: color(m.series), lineWidth: m.width, dash: m.dash ?? styles[m.series]?.dash ?? [], tooltip: tooltip.points(m.points, series: m.series)))]
        case .area(let m):
            guard !m.x.isEmpty else { return [] }
            var elements = [PathElement]()
            for i in m.x.indices {
                let (x, y) = plot.point(DataPoint(x: m.x[i], y: m.upper[i]))
                elements.append(i == 0 ? .move(x, y) : .line(x, y))
            }
            for i in m.x.indices.reversed() {
                let (x, y) = plot.point(DataPoint(x: m.x[i], y: m.lower[i]))
                elements.append(.line(x, y))
            }
            elements.append(.close)
            return [.path(elements, PathStyle(fill: color(m.series).opacity(m.opacity), tooltip: tooltip.band(m)))]
        case .rule(let m):
            var items = [DisplayItem]()
            let style = PathStyle(stroke: m.color, lineWidth: 0.8, dash: [4, 3], tooltip: tooltip.rule(m))
            if m.orientation == .horizontal {
                let y = plot.y.position(m.value)
                items.append(.path([.move(plot.left, y), .line(plot.right, y)], style))
                if let label = m.label {
                    items.append(.text(TextItem(label, x: plot.right - 3, y: y + 2, size: ChartLayout.annotationSize, color: m.color, anchor: .end, baseline: .top)))
                }
            } else {
                let x = plot.x.position(m.value)
                items.append(.path([.move(x, plot.top), .line(x, plot.bottom)], style))
                if let label = m.label {
                    items.append(.text(TextItem(label, x: x + 3, y: plot.top + 2, size: ChartLayout.annotationSize, color: m.color, baseline: .top)))
                }
            }
            return items
        case .point(let m):
            let shape = m.shape ?? styles[m.series]?.marker ?? .circle
            let elements = m.points.flatMap { p -> [PathElement] in
                let (x, y) = plot.point(p)
                return shape.outline(x: x, y: y, radius: m.radius)
            }
            return [.path(elements, PathStyle(fill: color(m.series), tooltip: tooltip.points(m.points, series: m.series)))]
        case .bar(let m):
            let (x0, y0) = plot.point(DataPoint(x: m.x - m.width / 2, y: m.base))
            let (x1, y1) = plot.point(DataPoint(x: m.x + m.width / 2, y: m.value))
            // A thin outline keeps a light segment visible against the white page.
            var items: [DisplayItem] = [.path(rectangle(x0, y0, x1, y1), PathStyle(fill: color(m.series), stroke: Palette.ink, lineWidth: 0.4, tooltip: tooltip.bar(m)))]
            if let error = m.error { items += errorBar(ErrorBarMark(x: m.x, interval: error, capWidth: m.width * 0.4)) }
            return items
        case .errorBar(let m):
            return errorBar(m)
        case .rectangle(let m):
            let (x0, y0) = plot.point(DataPoint(x: m.xRange.lowerBound, y: m.yRange.lowerBound))
            let (x1, y1) = plot.point(DataPoint(x: m.xRange.upperBound, y: m.yRange.upperBound))
            let fill: Color
            switch m.fill {
            case .series(let s): fill = color(s)
            case .fixed(let c): fill = c
            }
            return [.path(rectangle(x0, y0, x1, y1), PathStyle(fill: fill, stroke: m.stroke, lineWidth: 0.5))]
        case .text(let m):
            let (x, y) = plot.point(m.at)
            var items = [DisplayItem]()
            if m.halo {
                let w = TextMetrics.width(of: m.text, size: m.size, bold: m.bold) / 2 + 1.5
                let h = m.size * 0.62
                items.append(.path(rectangle(x - w, y - h, x + w, y + h), PathStyle(fill: Color.white.opacity(0.85))))
            }
            items.append(.text(TextItem(m.text, x: x, y: y, size: m.size, bold: m.bold, color: m.color, anchor: .middle)))
            return items
        case .arrow(let m):
            return arrow(m)
        case .segment(let m):
            let (x0, y0) = plot.point(m.from)
            let (x1, y1) = plot.point(m.to)
            return [.path([.move(x0, y0), .line(x1, y1)], PathStyle(stroke: m.color, lineWidth: m.width))]
        case .disc(let m):
            let (x, y) = plot.point(m.at)
            return [.path([.circle(centerX: x, centerY: y, radius: m.radius)], PathStyle(fill: m.fill, stroke: m.stroke, lineWidth: 0.6))]
        }
    }

    func errorBar(_ m: ErrorBarMark) -> [DisplayItem] {
        let x = plot.x.position(m.x)
        let low = plot.y.position(m.interval.lowerBound)
        let high = plot.y.position(m.interval.upperBound)
        let cap = abs(plot.x.position(m.x + m.capWidth / 2) - x)
        return [.path(
            [.move(x, low), .line(x, high), .move(x - cap, low), .line(x + cap, low), .move(x - cap, high), .line(x + cap, high)],
            PathStyle(stroke: Palette.ink, lineWidth: 0.8))]
    }

    func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [PathElement] {
        [.move(x0, y0), .line(x1, y0), .line(x1, y1), .line(x0, y1), .close]
    }

    func arrow(_ m: ArrowMark) -> [DisplayItem] {
        let (tailX, tailY) = plot.point(DataPoint(x: m.at.x - m.dx / 2, y: m.at.y - m.dy / 2))
        let (tipX, tipY) = plot.point(DataPoint(x: m.at.x + m.dx / 2, y: m.at.y + m.dy / 2))
        let length = hypot(tipX - tailX, tipY - tailY)
        guard length > 0 else { return [] }
        let ux = (tipX - tailX) / length
        let uy = (tipY - tailY) / length
        let head = min(5, length * 0.45)
        let baseX = tipX - ux * head
        let baseY = tipY - uy * head
        let shaft: [PathElement] = [.move(tailX, tailY), .line(baseX, baseY)]
        let tip: [PathElement] = [
            .move(tipX, tipY), .line(baseX - uy * head * 0.5, baseY + ux * head * 0.5),
            .line(baseX + uy * head * 0.5, baseY - ux * head * 0.5), .close,
        ]
        return [.path(shaft, PathStyle(stroke: m.color, lineWidth: 1.1)), .path(tip, PathStyle(fill: m.color))]
    }
}
