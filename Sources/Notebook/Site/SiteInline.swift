import Charts
import LaTeXMath

/// Where an element of the book lives on the site, and how a page links to it.
struct SiteLinks {
    let book: ResolvedBook
    /// The chapter each experiment is declared in, by experiment id.
    let experimentChapters: [String: String]

    init(book: ResolvedBook) {
        self.book = book
        experimentChapters = Dictionary(book.chapters.flatMap { chapter in chapter.experiments.map { ($0.id, chapter.id) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The page of chapter `id`.
    static func page(ofChapter id: String) -> String { "\(id).html" }

    /// The reference-list page.
    static let referencesPage = "references.html"

    /// A link from a page of chapter `from` (nil for the index and reference pages) to anchor `id` in chapter `chapter`.
    static func link(to id: String, inChapter chapter: String, from current: String?) -> String {
        chapter == current ? "#\(id)" : "\(page(ofChapter: chapter))#\(id)"
    }

    /// The anchor of a heading: its id, else one made from the chapter and number (as in Markdown).
    static func headingAnchor(id: String?, number: String, chapter: String) -> String {
        id ?? "sec-\(chapter)-" + number.replacingOccurrences(of: ".", with: "-")
    }
}

/// Inline Markdown pieces as HTML: emphasis, code, MathML, links, references and citations.
struct SiteInline {
    let links: SiteLinks
    /// The chapter of the page being written, `nil` for the index and reference pages.
    let chapter: String?

    func nodes(_ inlines: [Inline]) throws -> [HTMLNode] {
        try inlines.map { piece -> HTMLNode in
            switch piece {
            case .text(let text): return .text(text)
            case .emphasis(let inner): return HTML.el("em", [:], try nodes(inner))
            case .strong(let inner): return HTML.el("strong", [:], try nodes(inner))
            case .code(let code): return HTML.el("code", text: code)
            case .math(let latex): return try MathMLWriter.math(latex, display: false)
            case .link(let inner, let url): return HTML.el("a", attributes: [("href", url)], try nodes(inner))
            case .reference(let id):
                guard let entry = links.book.index[id] else { return .text("@" + id) }
                return HTML.el("a", attributes: [("href", SiteLinks.link(to: entry.id, inChapter: entry.chapter, from: chapter)), ("class", "xref")], [.text(entry.label)])
            case .citation(let citation):
                return .fragment(citation.runs(labels: links.book.citationLabels).map { run in
                    guard let key = run.key else { return .text(run.text) }
                    return HTML.el("a", attributes: [("href", "\(SiteLinks.referencesPage)#\(Citation.anchor(key))"), ("class", "cite")], [.text(run.text)])
                })
            }
        }
    }

    /// The inline Markdown source `text` (a table cell) as HTML.
    func nodes(markdown text: String) throws -> [HTMLNode] {
        try nodes(InlineMarkdown.parse(text))
    }

    /// Inline pieces without markup, for titles, alt texts and the search index.
    func plain(_ inlines: [Inline]) -> String {
        MarkdownWriter(book: links.book).plain(inlines)
    }
}

/// A figure described in plain words for readers who cannot see it: what is plotted against
/// what, and which series it shows, panel by panel.
enum FigureDescription {
    static func text(_ spec: FigureSpec) -> String {
        spec.panels.enumerated().map { index, chart -> String in
            var words = spec.panels.count > 1 ? "Panel \(index + 1)" : "A chart"
            if let title = chart.title { words += " titled “\(title)”" }
            switch (chart.y.label, chart.x.label) {
            case (let y?, let x?): words += " of \(y) against \(x)"
            case (let y?, nil): words += " of \(y)"
            case (nil, let x?): words += " over \(x)"
            default: break
            }
            let series = chart.seriesOrder
            if !series.isEmpty {
                let listed = series.count <= 8 ? series.joined(separator: ", ") : series.prefix(8).joined(separator: ", ") + " and \(series.count - 8) more"
                words += ", with \(series.count == 1 ? "the series" : "series") \(listed)"
            }
            return words + "."
        }.joined(separator: " ")
    }
}
