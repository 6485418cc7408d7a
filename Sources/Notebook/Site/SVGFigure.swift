import Charts
import Foundation

/// Writes a ``DisplayList`` as an inline SVG element for the web edition: text stays text (set in
/// the page's TeX Gyre Heros, selectable and searchable), clip paths are named after the figure so
/// several figures can share a page, and the figure's plain-words description is its accessible
/// name.
public enum SVGFigure {
    /// The SVG of `list`, its ids prefixed with `id`, described by `description` for screen readers.
    public static func svg(_ list: DisplayList, id: String, description: String) -> HTMLNode {
        var children: [HTMLNode] = [HTML.el("title", text: description)]
        // Open clip groups, innermost last: each its clip path's id and what it holds so far.
        var groups: [(clip: String, nodes: [HTMLNode])] = []
        var defs: [HTMLNode] = []
        func append(_ node: HTMLNode) {
            if groups.isEmpty { children.append(node) } else { groups[groups.count - 1].nodes.append(node) }
        }
        func close() {
            guard let group = groups.popLast() else { return }
            append(HTML.el("g", attributes: [("clip-path", "url(#\(group.clip))")], group.nodes))
        }
        for item in list.items {
            switch item {
            case .path(let elements, let style):
                append(path(elements, style))
            case .text(let text):
                append(self.text(text))
            case .pushClip(let x, let y, let width, let height):
                let clip = "\(id)-clip\(defs.count + 1)"
                defs.append(HTML.el("clipPath", attributes: [("id", clip)], [
                    HTML.el("rect", attributes: [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height))]),
                ]))
                groups.append((clip, []))
            case .popClip:
                close()
            }
        }
        while !groups.isEmpty { close() }
        if !defs.isEmpty { children.insert(HTML.el("defs", [:], defs), at: 1) }
        return HTML.el("svg", attributes: [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(number(list.width)) \(number(list.height))"),
            ("width", number(list.width)), ("height", number(list.height)), ("role", "img"), ("class", "chart"),
        ], children)
    }

    static func path(_ elements: [PathElement], _ style: PathStyle) -> HTMLNode {
        var d = ""
        for element in elements {
            switch element {
            case .move(let x, let y): d += "M\(number(x)) \(number(y))"
            case .line(let x, let y): d += "L\(number(x)) \(number(y))"
            case .circle(let x, let y, let r):
                // Two half arcs make a full circle.
                d += "M\(number(x - r)) \(number(y))a\(number(r)) \(number(r)) 0 1 0 \(number(2 * r)) 0a\(number(r)) \(number(r)) 0 1 0 \(number(-2 * r)) 0Z"
            case .close: d += "Z"
            }
        }
        var attributes: [(String, String?)] = [("d", d)]
        attributes.append(("fill", style.fill.map(color) ?? "none"))
        if let fill = style.fill, fill.alpha < 1 { attributes.append(("fill-opacity", number(fill.alpha))) }
        if let stroke = style.stroke {
            attributes.append(("stroke", color(stroke)))
            if stroke.alpha < 1 { attributes.append(("stroke-opacity", number(stroke.alpha))) }
            attributes.append(("stroke-width", number(style.lineWidth)))
            attributes.append(("stroke-linejoin", "round"))
            if !style.dash.isEmpty { attributes.append(("stroke-dasharray", style.dash.map(number).joined(separator: " "))) }
        }
        // A mark's values show when the reader points at it.
        return HTML.el("path", attributes: attributes, style.tooltip.map { [HTML.el("title", text: $0)] } ?? [])
    }

    static func text(_ item: TextItem) -> HTMLNode {
        let lines = item.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lineHeight = 1.2 * item.size
        let total = Double(lines.count) * lineHeight
        let first: Double = switch item.baseline {
        case .top: lineHeight / 2
        case .middle: -total / 2 + lineHeight / 2
        case .bottom: -total + lineHeight / 2
        }
        let anchor = item.anchor.rawValue
        var attributes: [(String, String?)] = [
            ("x", "0"), ("y", "0"), ("font-size", number(item.size)), ("text-anchor", anchor), ("dominant-baseline", "central"), ("fill", color(item.color)),
        ]
        if item.bold { attributes.append(("font-weight", "bold")) }
        var transform = "translate(\(number(item.x)) \(number(item.y)))"
        if item.rotation != 0 { transform += " rotate(\(number(-item.rotation)))" }
        attributes.append(("transform", transform))
        let spans = lines.enumerated().map { index, line in
            HTML.el("tspan", attributes: [("x", "0"), ("y", number(first + Double(index) * lineHeight))], [.text(line)])
        }
        return HTML.el("text", attributes: attributes, spans)
    }

    static func color(_ color: Color) -> String {
        color.opacity(1).description
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
