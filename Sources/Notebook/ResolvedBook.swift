import Bibliography
import Charts

/// A block with its numbers assigned, references resolved and results evaluated: what the
/// writers draw. It holds no closures and no experiment code.
public indirect enum ResolvedBlock: Hashable, Sendable {
    /// A heading: its number ("1.2"), level (1 for a chapter's sections), title and id.
    case heading(number: String, level: Int, title: [Inline], id: String?)
    /// A paragraph.
    case paragraph([Inline])
    /// A display equation with its number if it has an id.
    case equation(latex: String, number: String?, id: String?)
    /// An experiment: its design, its code and provenance (no results: those are in figures,
    /// tables and claims).
    case experiment(ResolvedExperiment)
    /// A figure with its number, caption and spec.
    case figure(ResolvedFigure)
    /// A table with its number, caption and cells.
    case table(id: String, number: String, caption: [Inline], data: TableData)
    /// A claim with its outcome on this run.
    case claim(id: String, statement: [Inline], check: ClaimCheck)
    /// A callout box.
    case callout(kind: Callout.Kind, title: String?, content: [ResolvedBlock])
}

/// A figure ready to draw.
public struct ResolvedFigure: Hashable, Sendable {
    /// The id.
    public let id: String
    /// The number, such as "1.2".
    public let number: String
    /// The caption.
    public let caption: [Inline]
    /// What to draw.
    public let spec: FigureSpec
    /// The chapter it belongs to (its files live in `<chapter>/figures/`).
    public let chapter: String

    /// Creates a resolved figure.
    public init(id: String, number: String, caption: [Inline], spec: FigureSpec, chapter: String) {
        self.id = id
        self.number = number
        self.caption = caption
        self.spec = spec
        self.chapter = chapter
    }

    /// The path of the figure's files without extension, relative to the output folder.
    public var basePath: String { "\(chapter)/figures/\(id)" }
}

/// A chapter ready to write.
public struct ResolvedChapter: Hashable, Sendable {
    /// The chapter id.
    public let id: String
    /// Its number in the book.
    public let number: Int
    /// Its title.
    public let title: String
    /// Its blocks.
    public let blocks: [ResolvedBlock]
    /// The experiments each claim read when it was checked, by claim id: the results that back it.
    public let claimExperiments: [String: [String]]

    /// Creates a resolved chapter.
    public init(id: String, number: Int, title: String, blocks: [ResolvedBlock], claimExperiments: [String: [String]] = [:]) {
        self.id = id
        self.number = number
        self.title = title
        self.blocks = blocks
        self.claimExperiments = claimExperiments
    }

    /// Every figure, in order.
    public var figures: [ResolvedFigure] {
        func collect(_ blocks: [ResolvedBlock]) -> [ResolvedFigure] {
            blocks.flatMap { block -> [ResolvedFigure] in
                switch block {
                case .figure(let f): [f]
                case .callout(_, _, let content): collect(content)
                default: []
                }
            }
        }
        return collect(blocks)
    }

    /// Every experiment, in order.
    public var experiments: [ResolvedExperiment] {
        func collect(_ blocks: [ResolvedBlock]) -> [ResolvedExperiment] {
            blocks.flatMap { block -> [ResolvedExperiment] in
                switch block {
                case .experiment(let experiment): [experiment]
                case .callout(_, _, let content): collect(content)
                default: []
                }
            }
        }
        return collect(blocks)
    }

    /// The keys this chapter cites (text, captions, table cells, claims), each once, in order of
    /// first citation.
    public var citedKeys: [String] {
        func collect(_ blocks: [ResolvedBlock]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block {
                case .heading(_, _, let title, _): InlineMarkdown.citationKeys(in: title)
                case .paragraph(let inlines): InlineMarkdown.citationKeys(in: inlines)
                case .figure(let figure): InlineMarkdown.citationKeys(in: figure.caption)
                case .table(_, _, let caption, let data):
                    InlineMarkdown.citationKeys(in: caption) + (data.header + data.rows.flatMap { $0 }).flatMap { InlineMarkdown.citationKeys(in: $0) }
                case .claim(_, let statement, _): InlineMarkdown.citationKeys(in: statement)
                case .callout(_, _, let content): collect(content)
                case .equation, .experiment: []
                }
            }
        }
        var seen = Set<String>()
        return collect(blocks).filter { seen.insert($0).inserted }
    }

    /// Every claim with its outcome, in order.
    public var claims: [(id: String, statement: [Inline], check: ClaimCheck)] {
        func collect(_ blocks: [ResolvedBlock]) -> [(id: String, statement: [Inline], check: ClaimCheck)] {
            blocks.flatMap { block -> [(id: String, statement: [Inline], check: ClaimCheck)] in
                switch block {
                case .claim(let id, let statement, let check): [(id, statement, check)]
                case .callout(_, _, let content): collect(content)
                default: []
                }
            }
        }
        return collect(blocks)
    }
}

/// The whole book ready to write.
public struct ResolvedBook: Hashable, Sendable {
    /// The title.
    public let title: String
    /// The subtitle.
    public let subtitle: String
    /// The author line.
    public let author: String
    /// The chapters.
    public let chapters: [ResolvedChapter]
    /// The numbered elements, for resolving references.
    public let index: [String: IndexEntry]
    /// What a citation of each key prints.
    public let citationLabels: [String: CitationLabel]
    /// The reference list: every cited work, sorted by author, year and title.
    public let references: [ResolvedReference]

    /// Creates a resolved book; its reference list holds the works of `bibliography` that the
    /// chapters cite.
    public init(
        title: String, subtitle: String, author: String, chapters: [ResolvedChapter], index: [String: IndexEntry],
        bibliography: Bibliography = Bibliography(entries: [])
    ) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.chapters = chapters
        self.index = index
        let cited = Set(chapters.flatMap(\.citedKeys))
        citationLabels = Dictionary(uniqueKeysWithValues: bibliography.keys.filter(cited.contains).map {
            ($0, CitationLabel(authors: bibliography.authors($0), year: bibliography.year($0)))
        })
        references = bibliography.sorted.filter { cited.contains($0.key) }.compactMap { ResolvedReference.make(key: $0.key, bibliography: bibliography) }
    }

    /// The reference-list entries of the works `chapter` cites, in reference-list order.
    public func references(citedIn chapter: ResolvedChapter) -> [ResolvedReference] {
        let cited = Set(chapter.citedKeys)
        return references.filter { cited.contains($0.key) }
    }
}
