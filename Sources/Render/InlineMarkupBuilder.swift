import Notebook

/// Turns inline Markdown into Pango markup, remembering where each reference and link lands in
/// the plain text so that the PDF can put a clickable rectangle over it.
struct InlineMarkupBuilder {
    /// A link's target and its UTF-8 byte range in the layout's plain text.
    struct LinkSpan {
        let target: LinkTarget
        let start: Int
        let end: Int
    }

    /// Where a link goes.
    enum LinkTarget {
        /// A named destination in the document.
        case destination(String)
        /// A web address.
        case uri(String)
    }

    let index: [String: IndexEntry]
    /// What each cited key prints.
    let citationLabels: [String: CitationLabel]
    static let linkColor = "#1F4E99"
    static let codeFont = "TeX Gyre Cursor"

    private(set) var markup = ""
    private(set) var plainLength = 0
    private(set) var links: [LinkSpan] = []
    /// Formulas, each standing in the text as one ``placeholder`` at a byte offset.
    private(set) var formulas: [(byte: Int, latex: String)] = []

    /// The character that holds a formula's place in the text (U+FFFC OBJECT REPLACEMENT CHARACTER).
    static let placeholder = "\u{FFFC}"

    /// Whether formulas become Unicode text (outlines, contents) instead of placeholders for math boxes.
    let mathAsText: Bool

    init(index: [String: IndexEntry], citationLabels: [String: CitationLabel] = [:], mathAsText: Bool = false) {
        self.index = index
        self.citationLabels = citationLabels
        self.mathAsText = mathAsText
    }

    /// Markup and links for `inlines`, formulas written as Unicode text.
    static func build(_ inlines: [Inline], index: [String: IndexEntry], citationLabels: [String: CitationLabel] = [:]) -> (markup: String, links: [LinkSpan]) {
        var builder = InlineMarkupBuilder(index: index, citationLabels: citationLabels, mathAsText: true)
        builder.append(inlines)
        return (builder.markup, builder.links)
    }

    mutating func appendText(_ text: String) {
        markup += PangoMarkup.escape(text)
        plainLength += text.utf8.count
    }

    mutating func appendMarkup(_ fragment: String) {
        markup += fragment
        plainLength += Self.plainText(of: fragment).utf8.count
    }

    mutating func append(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                appendText(text)
            case .emphasis(let inner):
                markup += "<i>"
                append(inner)
                markup += "</i>"
            case .strong(let inner):
                markup += "<b>"
                append(inner)
                markup += "</b>"
            case .code(let code):
                markup += "<span font_family=\"\(Self.codeFont)\" size=\"92%\">"
                appendText(code)
                markup += "</span>"
            case .math(let latex):
                if mathAsText {
                    appendMarkup(MathMarkup.markup(latex))
                } else {
                    formulas.append((plainLength, latex))
                    appendText(Self.placeholder)
                }
            case .link(let inner, let url):
                let start = plainLength
                markup += "<span foreground=\"\(Self.linkColor)\">"
                append(inner)
                markup += "</span>"
                links.append(LinkSpan(target: .uri(url), start: start, end: plainLength))
            case .reference(let id):
                let start = plainLength
                markup += "<span foreground=\"\(Self.linkColor)\">"
                appendText(index[id]?.label ?? id)
                markup += "</span>"
                links.append(LinkSpan(target: .destination(id), start: start, end: plainLength))
            case .citation(let citation):
                for run in citation.runs(labels: citationLabels) {
                    guard let key = run.key else {
                        appendText(run.text)
                        continue
                    }
                    let start = plainLength
                    markup += "<span foreground=\"\(Self.linkColor)\">"
                    appendText(run.text)
                    markup += "</span>"
                    links.append(LinkSpan(target: .destination(Citation.anchor(key)), start: start, end: plainLength))
                }
            }
        }
    }

    /// The text Pango shows for `markup`: tags removed, entities decoded.
    static func plainText(of markup: String) -> String {
        var out = ""
        var inTag = false
        var entity: String?
        for c in markup {
            if inTag {
                if c == ">" { inTag = false }
            } else if c == "<" {
                inTag = true
            } else if var e = entity {
                if c == ";" {
                    let decoded: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "apos": "'"]
                    out += decoded[e] ?? ""
                    entity = nil
                } else {
                    e.append(c)
                    entity = e
                }
            } else if c == "&" {
                entity = ""
            } else {
                out.append(c)
            }
        }
        return out
    }
}
