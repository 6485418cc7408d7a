/// A node of an HTML (or inline SVG and MathML) document. Text and attribute values are escaped
/// when the document is written, so no text that passes through a node can become markup: there
/// is no way to put unescaped text into a document.
public indirect enum HTMLNode: Hashable, Sendable {
    /// An element with its attributes (in the order given) and children.
    case element(String, attributes: [(String, String)], children: [HTMLNode])
    /// Text, escaped when written.
    case text(String)
    /// Nodes without a wrapper.
    case fragment([HTMLNode])

    /// Elements HTML writes without a closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img", "input", "link", "meta", "source", "wbr", "col"]

    /// The node as markup.
    public var markup: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the node's markup to `out`.
    public func write(to out: inout String) {
        switch self {
        case .text(let text):
            Self.escape(text, into: &out, quotes: false)
        case .fragment(let nodes):
            for node in nodes { node.write(to: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes {
                out += " " + key + "=\""
                Self.escape(value, into: &out, quotes: true)
                out += "\""
            }
            out += ">"
            if Self.voidElements.contains(name) { return }
            for child in children { child.write(to: &out) }
            out += "</" + name + ">"
        }
    }

    /// Escapes `&`, `<`, `>` (and `"` in attribute values).
    static func escape(_ text: String, into out: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    // Equatable and Hashable by markup: attributes are tuples, which are neither.
    public static func == (a: HTMLNode, b: HTMLNode) -> Bool { a.markup == b.markup }
    public func hash(into hasher: inout Hasher) { hasher.combine(markup) }
}

/// Builders for the elements the site uses: `el("p", ["class": …], …)` reads close to the markup.
public enum HTML {
    /// An element named `name` with `attributes` (written in the order given) and `children`.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes: attributes.map { ($0.key, $0.value) }, children: children)
    }

    /// An element with attributes computed at run time (optional ones left out when `nil`).
    public static func el(_ name: String, attributes: [(String, String?)], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes: attributes.compactMap { key, value in value.map { (key, $0) } }, children: children)
    }

    /// An element whose only child is `text`.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> HTMLNode {
        el(name, attributes, [.text(text)])
    }

    /// A whole document: the doctype and `html`.
    public static func document(_ root: HTMLNode) -> String {
        "<!DOCTYPE html>\n" + root.markup + "\n"
    }
}
