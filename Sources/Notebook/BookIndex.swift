/// A numbered element of the book, as references print it.
public struct IndexEntry: Hashable, Sendable {
    /// The element's id.
    public let id: String
    /// The chapter that declares it.
    public let chapter: String
    /// Its number, such as "1.2".
    public let number: String
    /// What references print, such as "Figure 1.2".
    public let label: String

    /// Creates an entry.
    public init(id: String, chapter: String, number: String, label: String) {
        self.id = id
        self.chapter = chapter
        self.number = number
        self.label = label
    }
}

import Bibliography
import Foundation

/// Numbers every section, figure, table and equation over the whole book and checks ids and
/// references: one pass, so numbers are the same whether one chapter or all are rendered.
public struct BookIndex: Sendable {
    /// The numbered elements by id.
    public private(set) var entries: [String: IndexEntry] = [:]
    /// Each chapter's number, by chapter id.
    public private(set) var chapterNumbers: [String: Int] = [:]
    /// The numbers of each chapter's sections in reading order, by chapter id.
    public private(set) var sectionNumbers: [String: [String]] = [:]
    /// The book's bibliography (empty when it has none).
    public private(set) var bibliography = Bibliography(entries: [])
    /// The keys cited in the text and captions, by chapter id (tables add theirs when resolved).
    public private(set) var citations: [String: [String]] = [:]

    /// Reads the BibTeX file at `path`, with an error naming the file and line on any problem.
    public static func loadBibliography(_ path: String) throws -> Bibliography {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw NotebookError.unreadableBibliography(path: path, reason: "the file is missing or not UTF-8 text")
        }
        do {
            return try Bibliography(bibtex: text)
        } catch {
            throw NotebookError.unreadableBibliography(path: path, reason: error.description)
        }
    }

    /// Indexes `book`, throwing the first problem found: a malformed or duplicate id, or a
    /// reference to an id nothing declares.
    public init(book: Book) throws {
        if let path = book.bibliography { bibliography = try Self.loadBibliography(path) }
        var owners = [String: [String]]()
        var references = [(id: String, chapter: String)]()
        var cited = [(key: String, chapter: String)]()
        for (offset, chapter) in book.chapters.enumerated() {
            let chapterNumber = offset + 1
            chapterNumbers[chapter.id] = chapterNumber
            var counters = (figure: 0, table: 0, equation: 0)
            var sectionPath = [Int]()

            func declare<K: IdentifierKind>(_ id: ElementID<K>, number: String?) throws {
                guard id.isWellFormed else {
                    throw NotebookError.malformedID(id: id.rawValue, expectedPrefix: K.prefix, chapter: chapter.id)
                }
                owners[id.rawValue, default: []].append(chapter.id)
                if let number {
                    entries[id.rawValue] = IndexEntry(id: id.rawValue, chapter: chapter.id, number: number, label: "\(K.noun)\u{00A0}\(number)")
                }
            }
            // Inline text: its references and citations to resolve, its formulas to check.
            func scan(_ text: String) throws {
                let inlines = InlineMarkdown.parse(text)
                references += InlineMarkdown.references(in: inlines).map { ($0, chapter.id) }
                cited += InlineMarkdown.citationKeys(in: inlines).map { ($0, chapter.id) }
                try FormulaCheck.validateInline(text, chapter: chapter.id)
            }
            func visit(_ blocks: [Block], depth: Int) throws {
                for block in blocks {
                    switch block {
                    case .section(let section):
                        if sectionPath.count > depth + 1 { sectionPath.removeLast(sectionPath.count - depth - 1) }
                        while sectionPath.count < depth + 1 { sectionPath.append(0) }
                        sectionPath[depth] += 1
                        let number = ([chapterNumber] + sectionPath).map(String.init).joined(separator: ".")
                        sectionNumbers[chapter.id, default: []].append(number)
                        if let id = section.id { try declare(id, number: number) }
                        try scan(section.title)
                        try visit(section.content, depth: depth + 1)
                        sectionPath.removeLast(sectionPath.count - depth - 1)
                    case .prose(let prose):
                        try scan(prose.text)
                    case .equation(let equation):
                        try FormulaCheck.validate(equation.latex, chapter: chapter.id)
                        if let id = equation.id {
                            counters.equation += 1
                            try declare(id, number: "\(chapterNumber).\(counters.equation)")
                        }
                    case .experiment(let experiment):
                        try declare(experiment.experimentID, number: nil)
                    case .figure(let figure):
                        counters.figure += 1
                        try declare(figure.id, number: "\(chapterNumber).\(counters.figure)")
                        try scan(figure.caption)
                    case .table(let table):
                        counters.table += 1
                        try declare(table.id, number: "\(chapterNumber).\(counters.table)")
                        try scan(table.caption)
                    case .claim(let claim):
                        try declare(claim.id, number: nil)
                        try scan(claim.statement)
                    case .callout(let callout):
                        try visit(callout.content, depth: depth)
                    }
                }
            }
            try visit(chapter.content, depth: 0)
        }
        if let duplicate = owners.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw NotebookError.duplicateID(id: duplicate.key, chapters: duplicate.value)
        }
        for reference in references where entries[reference.id] == nil {
            throw NotebookError.danglingReference(id: reference.id, chapter: reference.chapter)
        }
        for citation in cited {
            guard bibliography[citation.key] != nil else { throw NotebookError.unknownCitation(key: citation.key, chapter: citation.chapter) }
            citations[citation.chapter, default: []].append(citation.key)
        }
    }

    /// The entry of `id`, if it is numbered.
    public subscript(id: String) -> IndexEntry? { entries[id] }
}
