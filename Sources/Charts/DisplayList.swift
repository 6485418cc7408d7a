/// One step of a path outline, in points with y growing downward.
public enum PathElement: Hashable, Sendable {
    /// Start a new subpath.
    case move(Double, Double)
    /// A straight segment.
    case line(Double, Double)
    /// A full circle (its own subpath).
    case circle(centerX: Double, centerY: Double, radius: Double)
    /// Close the current subpath.
    case close
}

/// How a path is painted.
public struct PathStyle: Hashable, Sendable {
    /// Fill colour, if filled.
    public var fill: Color?
    /// Stroke colour, if stroked.
    public var stroke: Color?
    /// Stroke width in points.
    public var lineWidth: Double
    /// Dash pattern in points; empty for solid.
    public var dash: [Double]
    /// What the path shows, in words, for a reader pointing at it on a web page (its series and
    /// values); not drawn.
    public var tooltip: String?

    /// Creates a style.
    public init(fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 1, dash: [Double] = [], tooltip: String? = nil) {
        self.fill = fill
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.dash = dash
        self.tooltip = tooltip
    }
}

/// Horizontal alignment of text at its anchor point.
public enum TextAnchor: String, Hashable, Sendable {
    /// The anchor is the text's left edge.
    case start
    /// The anchor is the text's centre.
    case middle
    /// The anchor is the text's right edge.
    case end
}

/// Vertical alignment of text at its anchor point.
public enum TextBaseline: String, Hashable, Sendable {
    /// The anchor is the top of the text box.
    case top
    /// The anchor is the middle of the text box.
    case middle
    /// The anchor is the bottom of the text box.
    case bottom
}

/// A run of text at a point.
public struct TextItem: Hashable, Sendable {
    /// The text (plain, no markup).
    public var text: String
    /// Anchor x in points.
    public var x: Double
    /// Anchor y in points.
    public var y: Double
    /// Font size in points.
    public var size: Double
    /// Bold weight.
    public var bold: Bool
    /// Colour.
    public var color: Color
    /// Horizontal alignment.
    public var anchor: TextAnchor
    /// Vertical alignment.
    public var baseline: TextBaseline
    /// Rotation in degrees, counter-clockwise (90 for a vertical axis title).
    public var rotation: Double

    /// Creates a text item.
    public init(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false, color: Color = Palette.ink, anchor: TextAnchor = .start, baseline: TextBaseline = .middle, rotation: Double = 0) {
        self.text = text
        self.x = x
        self.y = y
        self.size = size
        self.bold = bold
        self.color = color
        self.anchor = anchor
        self.baseline = baseline
        self.rotation = rotation
    }
}

/// A drawing instruction.
public enum DisplayItem: Hashable, Sendable {
    /// A painted path.
    case path([PathElement], PathStyle)
    /// Text.
    case text(TextItem)
    /// Restrict drawing to a rectangle until the matching `popClip`.
    case pushClip(x: Double, y: Double, width: Double, height: Double)
    /// End the innermost clip.
    case popClip
}

/// What a chart looks like, as a flat list of drawing instructions in points (origin top left).
/// The Cairo layer draws it to PNG, SVG and PDF; tests compare its ``snapshot`` as text.
public struct DisplayList: Hashable, Sendable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// Instructions in drawing order.
    public var items: [DisplayItem]

    /// Creates a display list.
    public init(width: Double, height: Double, items: [DisplayItem] = []) {
        self.width = width
        self.height = height
        self.items = items
    }

    /// The list as stable text, one instruction a line, numbers to two decimals.
    public var snapshot: String {
        var lines = ["size \(Self.format(width)) \(Self.format(height))"]
        for item in items {
            switch item {
            case .path(let elements, let style):
                var parts = [String]()
                for element in elements {
                    switch element {
                    case .move(let x, let y): parts.append("M\(Self.format(x)),\(Self.format(y))")
                    case .line(let x, let y): parts.append("L\(Self.format(x)),\(Self.format(y))")
                    case .circle(let x, let y, let r): parts.append("C\(Self.format(x)),\(Self.format(y)),\(Self.format(r))")
                    case .close: parts.append("Z")
                    }
                }
                var paint = [String]()
                if let fill = style.fill { paint.append("fill \(fill)") }
                if let stroke = style.stroke { paint.append("stroke \(stroke) \(Self.format(style.lineWidth))") }
                if !style.dash.isEmpty { paint.append("dash " + style.dash.map(Self.format).joined(separator: ",")) }
                lines.append("path " + parts.joined(separator: " ") + " | " + paint.joined(separator: " "))
            case .text(let t):
                lines.append(
                    "text \"\(t.text)\" \(Self.format(t.x)),\(Self.format(t.y)) size \(Self.format(t.size))"
                        + "\(t.bold ? " bold" : "") \(t.anchor.rawValue)/\(t.baseline.rawValue)"
                        + (t.rotation != 0 ? " rot \(Self.format(t.rotation))" : "") + " \(t.color)")
            case .pushClip(let x, let y, let w, let h):
                lines.append("clip \(Self.format(x)),\(Self.format(y)) \(Self.format(w))x\(Self.format(h))")
            case .popClip:
                lines.append("unclip")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Formats a number with two decimals and no negative zero.
    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = "\(negative ? "-" : "")\(whole)"
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }
}
