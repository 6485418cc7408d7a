import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift source as HTML with swift-syntax's own classification of every token and comment:
/// each classified range becomes a `span` whose class names the kind (`kw`, `ty`, `str`, `num`,
/// `com`, `attr`, `label`), the rest stays plain text. The text itself is never changed.
public enum SwiftHighlighter {
    /// The highlighted nodes of `source`.
    public static func highlight(_ source: String) -> [HTMLNode] {
        let tree = Parser.parse(source: source)
        let bytes = Array(source.utf8)
        var nodes = [HTMLNode]()
        var cursor = 0
        func plain(upTo end: Int) {
            guard end > cursor else { return }
            nodes.append(.text(String(decoding: bytes[cursor..<end], as: UTF8.self)))
            cursor = end
        }
        for range in tree.classifications {
            guard let kind = cssClass(range.kind), range.offset >= cursor, range.endOffset <= bytes.count else { continue }
            plain(upTo: range.offset)
            let text = String(decoding: bytes[range.offset..<range.endOffset], as: UTF8.self)
            nodes.append(HTML.el("span", attributes: [("class", kind)], [.text(text)]))
            cursor = range.endOffset
        }
        plain(upTo: bytes.count)
        return nodes
    }

    /// The class of a kind of range, `nil` for the ones drawn plain.
    static func cssClass(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword, .ifConfigDirective: "kw"
        case .type: "ty"
        case .stringLiteral, .regexLiteral: "str"
        case .integerLiteral, .floatLiteral: "num"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: "com"
        case .attribute: "attr"
        case .argumentLabel: "label"
        default: nil
        }
    }
}
