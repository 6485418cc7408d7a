import Foundation

/// A continuous colour scale for heat maps: values in a domain map to colours.
public struct ColorScale: Hashable, Codable, Sendable {
    /// The colours at evenly spaced stops from the low end to the high end.
    public var stops: [Color]
    /// The values the ends stand for.
    public var domain: ClosedRange<Double>

    /// A scale through `stops` over `domain`.
    public init(stops: [Color], domain: ClosedRange<Double>) {
        precondition(stops.count >= 2, "a colour scale needs two stops")
        self.stops = stops
        self.domain = domain
    }

    /// Viridis (perceptually uniform, readable in grey and under colour blindness) over `domain`.
    public static func viridis(_ domain: ClosedRange<Double>) -> ColorScale {
        ColorScale(stops: [0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725].map { Color(hex: $0) }, domain: domain)
    }

    /// The colour of `value` (clamped to the domain).
    public func color(_ value: Double) -> Color {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? min(max((value - domain.lowerBound) / span, 0), 1) : 0.5
        let position = t * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], position - Double(index))
    }

    /// Black or white, whichever reads better on `color`.
    public static func ink(on color: Color) -> Color {
        let luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue
        return luminance > 0.5 ? Palette.ink : .white
    }
}

/// A vertical colour bar beside the plot that explains a colour scale.
public struct ColorBar: Hashable, Codable, Sendable {
    /// The scale it shows.
    public var scale: ColorScale
    /// Its title.
    public var title: String

    /// Creates a colour bar.
    public init(_ title: String, scale: ColorScale) {
        self.title = title
        self.scale = scale
    }

    /// The drawing instructions of the bar with its top-left corner at (x, y) and the given height.
    func items(x: Double, y: Double, height: Double) -> [DisplayItem] {
        var items = [DisplayItem]()
        let steps = 48
        let width = 10.0
        for k in 0..<steps {
            let t = (Double(k) + 0.5) / Double(steps)
            let value = scale.domain.upperBound - t * (scale.domain.upperBound - scale.domain.lowerBound)
            let top = y + height * Double(k) / Double(steps)
            let bottom = y + height * Double(k + 1) / Double(steps) + 0.3
            items.append(.path([.move(x, top), .line(x + width, top), .line(x + width, bottom), .line(x, bottom), .close], PathStyle(fill: scale.color(value))))
        }
        items.append(.path([.move(x, y), .line(x + width, y), .line(x + width, y + height), .line(x, y + height), .close], PathStyle(stroke: Palette.ink, lineWidth: 0.5)))
        let span = scale.domain.upperBound - scale.domain.lowerBound
        let ticks = Scale.linearTicks(scale.domain)
        for (tick, label) in zip(ticks, Scale.labels(ticks)) {
            let ty = y + height * (1 - (tick - scale.domain.lowerBound) / span)
            items.append(.path([.move(x + width, ty), .line(x + width + 3, ty)], PathStyle(stroke: Palette.ink, lineWidth: 0.5)))
            items.append(.text(TextItem(label, x: x + width + 5, y: ty, size: ChartLayout.tickSize)))
        }
        items.append(.text(TextItem(title, x: x, y: y - 4, size: ChartLayout.tickSize, baseline: .bottom)))
        return items
    }
}
