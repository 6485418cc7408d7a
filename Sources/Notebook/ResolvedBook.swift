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
    /// An experiment's design in one line (no results: those are in figures, tables and claims).
    case experiment(id: String, summary: String)
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

    /// Creates a resolved chapter.
    public init(id: String, number: Int, title: String, blocks: [ResolvedBlock]) {
        self.id = id
        self.number = number
        self.title = title
        self.blocks = blocks
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

    /// Creates a resolved book.
    public init(title: String, subtitle: String, author: String, chapters: [ResolvedChapter], index: [String: IndexEntry]) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.chapters = chapters
        self.index = index
    }
}
