import Foundation

extension FigureSpec {
    /// What makes the figure hard to read, one sentence each, empty when nothing does: a grid
    /// with an empty slot, and series that cannot be told apart without colour (same dash
    /// pattern and marker; or, for bars and bands, fills too close in lightness to tell apart in grey).
    public var readabilityProblems: [String] {
        var problems = [String]()
        let slots = ((panels.count + columns - 1) / columns) * columns
        if slots > panels.count {
            problems.append("its grid of \(columns) columns has \(slots - panels.count) empty slot\(slots - panels.count == 1 ? "" : "s") for \(panels.count) panels; choose a column count that divides the panels")
        }
        let styles = SeriesStyle.styles(for: self)
        if sharesLegend {
            var merged = mergedChart
            merged.legend = .right
            problems += merged.greyscaleClashes(styles: styles)
        } else {
            for (index, chart) in panels.enumerated() {
                let name = panels.count == 1 ? "" : "panel \(index + 1)\(chart.title.map { " (\"\($0)\")" } ?? ""): "
                problems += chart.greyscaleClashes(styles: styles).map { name + $0 }
            }
        }
        return problems
    }
}

extension Chart {
    /// How each series looks once colour is removed: its line pattern, its marker, or, for a
    /// series drawn only as fills (bars, bands), the lightness of its fill.
    enum GreyAppearance: Equatable {
        case strokes(dash: [Double]?, marker: MarkerShape?)
        case fill(lightness: Double)
    }

    /// Pairs of series (of the legend) that look alike in grey, as sentences.
    func greyscaleClashes(styles: [String: SeriesStyle]) -> [String] {
        guard legend != .hidden else { return [] }
        var dashes = [String: [Double]]()
        var markers = [String: MarkerShape]()
        for mark in marks {
            switch mark {
            case .line(let m) where dashes[m.series] == nil: dashes[m.series] = m.dash ?? styles[m.series]?.dash ?? []
            case .point(let m) where markers[m.series] == nil: markers[m.series] = m.shape ?? styles[m.series]?.marker ?? .circle
            default: break
            }
        }
        let appearances = seriesOrder.map { name -> (String, GreyAppearance) in
            if dashes[name] != nil || markers[name] != nil { return (name, .strokes(dash: dashes[name], marker: markers[name])) }
            return (name, .fill(lightness: styles[name].map { Self.lightness($0.color) } ?? 0))
        }
        var clashes = [String]()
        for (i, a) in appearances.enumerated() {
            for b in appearances[(i + 1)...] {
                switch (a.1, b.1) {
                case (.strokes, .strokes) where a.1 == b.1:
                    clashes.append("series \"\(a.0)\" and \"\(b.0)\" have the same dash pattern and marker, so only colour tells them apart")
                case (.fill(let la), .fill(let lb)) where abs(la - lb) < 0.15:
                    clashes.append("series \"\(a.0)\" and \"\(b.0)\" are filled in colours of about the same lightness, so grey print cannot tell them apart")
                default: break
                }
            }
        }
        return clashes
    }

    /// The relative luminance of a colour (Rec. 709 weights on linear light), 0 black to 1 white.
    static func lightness(_ color: Color) -> Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }
}
