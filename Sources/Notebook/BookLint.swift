import Foundation

/// What a careful editor would flag in a book before it goes out: a figure, table or numbered
/// equation the text never refers to, a table with two columns under the same heading, and a
/// figure that is hard to read (an empty slot in its grid, series told apart by colour alone).
/// `report` prints these as warnings; `report check` fails on them.
public enum BookLint {
    /// The problems of `book` once resolved as `chapters`, one line each, in book order.
    /// `fileExists`, given a path relative to the package, says whether the repository holds it;
    /// without it paths in the text are not checked.
    public static func problems(in book: Book, resolved chapters: [ResolvedChapter], fileExists: ((String) -> Bool)? = nil) -> [String] {
        var referenced = Set<String>()
        var declared = [(chapter: String, id: String, kind: String)]()
        for chapter in book.chapters {
            walk(chapter.content) { block in
                switch block {
                case .prose(let prose): referenced.formUnion(references(in: prose.text))
                case .figure(let figure):
                    referenced.formUnion(references(in: figure.caption))
                    declared.append((chapter.id, figure.id.rawValue, "figure"))
                case .table(let table):
                    referenced.formUnion(references(in: table.caption))
                    declared.append((chapter.id, table.id.rawValue, "table"))
                case .equation(let equation):
                    if let id = equation.id { declared.append((chapter.id, id.rawValue, "equation")) }
                case .claim(let claim): referenced.formUnion(references(in: claim.statement))
                case .callout(let callout): if let title = callout.title { referenced.formUnion(references(in: title)) }
                default: break
                }
            }
        }
        var problems = declared.filter { !referenced.contains($0.id) }.map {
            "\($0.chapter): \($0.kind) \($0.id) is never referred to in the text (write @\($0.id) where the text discusses it)"
        }
        for chapter in chapters {
            for (element, inlines) in texts(of: chapter.blocks) {
                problems += TextLint.problems(in: inlines, fileExists: fileExists).map { "\(chapter.id): \(element) \($0)" }
            }
            for case .figure(let figure) in flattened(chapter.blocks) {
                problems += figure.spec.readabilityProblems.map { "\(chapter.id): figure \(figure.id) (Figure \(figure.number)): \($0)" }
            }
            for case .table(let id, let number, _, let data) in flattened(chapter.blocks) {
                for column in data.header.indices where !data.hasOnePrecision(column: column) {
                    let sample = data.rows.map { $0[column] }.joined(separator: ", ")
                    problems.append("\(chapter.id): table \(id) (Table \(number)) prints column \"\(data.header[column])\" with mixed precision (\(sample)); give it one number of decimals or of significant digits")
                }
                var seen = Set<String>()
                for heading in data.header where !seen.insert(heading).inserted {
                    problems.append("\(chapter.id): table \(id) (Table \(number)) has two columns headed \"\(heading)\"")
                }
            }
        }
        return problems
    }

    /// The `@fig-…`, `@tbl-…` and `@eq-…` references in `text`.
    static func references(in text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let at = rest.firstIndex(of: "@") {
            let tail = rest[rest.index(after: at)...]
            let id = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if id.hasPrefix("fig-") || id.hasPrefix("tbl-") || id.hasPrefix("eq-") { found.insert(String(id).trimmingCharacters(in: CharacterSet(charactersIn: "-"))) }
            rest = tail
        }
        return found
    }

    /// Every piece of running text of `blocks` with a name for it: headings, paragraphs,
    /// captions, table cells, claims and equations.
    private static func texts(of blocks: [ResolvedBlock]) -> [(String, [Inline])] {
        var texts = [(String, [Inline])]()
        var section = "the opening"
        for block in flattened(blocks) {
            switch block {
            case .heading(let number, _, let title, _):
                section = "section \(number)"
                texts.append((section + "'s heading", title))
            case .paragraph(let inlines): texts.append(("a paragraph of \(section)", inlines))
            case .figure(let figure): texts.append(("the caption of \(figure.id)", figure.caption))
            case .table(let id, _, let caption, let data):
                texts.append(("the caption of \(id)", caption))
                for cell in data.header + data.rows.joined() { texts.append(("a cell of \(id)", InlineMarkdown.parse(cell))) }
            case .claim(let id, let statement, let check):
                texts.append(("claim \(id)", statement))
                texts.append(("the result line of claim \(id)", [.text(check.summary)]))
            case .equation(let latex, _, let id): texts.append(("equation \(id ?? "in " + section)", [.math(latex)]))
            default: break
            }
        }
        return texts
    }

    private static func flattened(_ blocks: [ResolvedBlock]) -> [ResolvedBlock] {
        blocks.flatMap { block -> [ResolvedBlock] in
            if case .callout(_, _, let content) = block { return [block] + flattened(content) }
            return [block]
        }
    }

    private static func walk(_ blocks: [Block], _ visit: (Block) -> Void) {
        for block in blocks {
            visit(block)
            switch block {
            case .section(let section): walk(section.content, visit)
            case .callout(let callout): walk(callout.content, visit)
            default: break
            }
        }
    }
}
