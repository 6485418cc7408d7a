/// Builds a chapter's contents from declarations: prose, sections, equations, experiments,
/// figures, tables, claims and callouts, with `if` and `for`.
@resultBuilder
public enum ChapterBuilder {
    /// Joins the statements of a block.
    public static func buildBlock(_ parts: [Block]...) -> [Block] { parts.flatMap { $0 } }
    /// A section.
    public static func buildExpression(_ section: Section) -> [Block] { [.section(section)] }
    /// A paragraph.
    public static func buildExpression(_ prose: Prose) -> [Block] { [.prose(prose)] }
    /// An equation.
    public static func buildExpression(_ equation: Equation) -> [Block] { [.equation(equation)] }
    /// An experiment.
    public static func buildExpression<P, O>(_ experiment: Experiment<P, O>) -> [Block] { [.experiment(experiment)] }
    /// A figure.
    public static func buildExpression(_ figure: Figure) -> [Block] { [.figure(figure)] }
    /// A table.
    public static func buildExpression(_ table: Table) -> [Block] { [.table(table)] }
    /// A claim.
    public static func buildExpression(_ claim: Claim) -> [Block] { [.claim(claim)] }
    /// A callout.
    public static func buildExpression(_ callout: Callout) -> [Block] { [.callout(callout)] }
    /// Blocks built elsewhere.
    public static func buildExpression(_ blocks: [Block]) -> [Block] { blocks }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [Block]?) -> [Block] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first: [Block]) -> [Block] { first }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second: [Block]) -> [Block] { second }
    /// A `for` loop.
    public static func buildArray(_ parts: [[Block]]) -> [Block] { parts.flatMap { $0 } }
}

/// A chapter: an id (its folder under `output/`), a title and its contents.
public struct Chapter: Sendable {
    /// The chapter id, such as `dyna`; also the name of its output folder.
    public let id: String
    /// The chapter's title.
    public let title: String
    /// The contents.
    public let content: [Block]
    /// The chapter file, whose experiment declarations are part of their cache keys.
    public let file: String
    /// The modules and files every experiment of the chapter runs (see `SourceUse`).
    public let uses: [SourceUse]

    /// Declares a chapter whose experiments run the modules and files in `uses`.
    public init(_ id: String, title: String, uses: [SourceUse] = [], file: String = #filePath, @ChapterBuilder content: () -> [Block]) {
        self.id = id
        self.title = title
        self.uses = uses
        self.file = file
        self.content = content()
    }

    /// Every experiment of the chapter, in order, sections and callouts included.
    var experiments: [any AnyExperiment] {
        func collect(_ blocks: [Block]) -> [any AnyExperiment] {
            blocks.flatMap { block -> [any AnyExperiment] in
                switch block {
                case .experiment(let e): [e as! any AnyExperiment]
                case .section(let s): collect(s.content)
                case .callout(let c): collect(c.content)
                default: []
                }
            }
        }
        return collect(content)
    }
}

/// The whole report: a title page and the chapters in order (the table of contents).
public struct Book: Sendable {
    /// The title.
    public let title: String
    /// A subtitle.
    public let subtitle: String
    /// The author line.
    public let author: String
    /// The seed all random streams derive from.
    public let seed: UInt64
    /// The chapters in reading order.
    public let chapters: [Chapter]
    /// The BibTeX file that citations (`@key`, `[@key, p. 5]`) refer to, if any.
    public let bibliography: String?

    /// Creates a book; `bibliography` is the path of its BibTeX file.
    public init(title: String, subtitle: String, author: String, seed: UInt64, bibliography: String? = nil, chapters: [Chapter]) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.seed = seed
        self.bibliography = bibliography
        self.chapters = chapters
    }

    /// The chapter with id `id`, or an error listing the valid ids.
    public func chapter(_ id: String) throws -> Chapter {
        guard let chapter = chapters.first(where: { $0.id == id }) else {
            throw NotebookError.unknownChapter(id: id, valid: chapters.map(\.id))
        }
        return chapter
    }
}
