/// Turns a declared chapter into a ``ResolvedChapter``: numbers from the book index, figures,
/// tables and claims evaluated on the run's results.
struct Resolver {
    let index: BookIndex
    let results: RunResults
    /// How each claim fared under reseeding, where a current record says.
    var robustness: [String: ClaimRobustness] = [:]
    /// Each experiment's code, file and provenance, by id, where the engine has them.
    var experimentDetails: [String: ResolvedExperiment] = [:]

    func resolve(_ chapter: Chapter) throws -> ResolvedChapter {
        var sections = (index.sectionNumbers[chapter.id] ?? [])[...]
        var backing = [String: [String]]()
        func resolve(_ blocks: [Block], depth: Int) throws -> [ResolvedBlock] {
            var out = [ResolvedBlock]()
            for block in blocks {
                switch block {
                case .section(let section):
                    let number = sections.popFirst() ?? ""
                    out.append(.heading(number: number, level: depth + 1, title: InlineMarkdown.parse(section.title), id: section.id?.rawValue))
                    out += try resolve(section.content, depth: depth + 1)
                case .prose(let prose):
                    out.append(.paragraph(InlineMarkdown.parse(prose.text)))
                case .equation(let equation):
                    out.append(.equation(latex: equation.latex, number: equation.id.flatMap { index[$0.rawValue]?.number }, id: equation.id?.rawValue))
                case .experiment(let box):
                    let experiment = box as! any AnyExperiment
                    let points = experiment.pointCount
                    let summary = "\(points) parameter point\(points == 1 ? "" : "s") × \(experiment.replicates) replicate\(experiment.replicates == 1 ? "" : "s"), one random stream each"
                    let id = experiment.id.rawValue
                    let details = experimentDetails[id]
                    out.append(.experiment(ResolvedExperiment(
                        id: id, summary: summary, code: details?.code ?? [], file: details?.file ?? "", line: details?.line ?? 0, provenance: details?.provenance)))
                case .figure(let figure):
                    let spec = try evaluate(figure.id.rawValue, chapter.id) { try figure.make(results) }
                    out.append(.figure(ResolvedFigure(
                        id: figure.id.rawValue, number: index[figure.id.rawValue]?.number ?? "",
                        caption: InlineMarkdown.parse(figure.caption), spec: spec, chapter: chapter.id)))
                case .table(let table):
                    let data = try evaluate(table.id.rawValue, chapter.id) { try table.make(results) }
                    for cell in data.header + data.rows.flatMap({ $0 }) {
                        try FormulaCheck.validateInline(cell, chapter: chapter.id)
                        for key in InlineMarkdown.citationKeys(in: cell) where index.bibliography[key] == nil {
                            throw NotebookError.unknownCitation(key: key, chapter: chapter.id)
                        }
                    }
                    out.append(.table(id: table.id.rawValue, number: index[table.id.rawValue]?.number ?? "", caption: InlineMarkdown.parse(table.caption), data: data))
                case .claim(let claim):
                    let log = ReadLog()
                    var check = try evaluate(claim.id.rawValue, chapter.id) { try claim.check(results.logging(into: log)) }
                    backing[claim.id.rawValue] = log.read.map(\.rawValue).sorted()
                    check.robustness = robustness[claim.id.rawValue]
                    out.append(.claim(id: claim.id.rawValue, statement: InlineMarkdown.parse(claim.statement), check: check))
                case .callout(let callout):
                    out.append(.callout(kind: callout.kind, title: callout.title, content: try resolve(callout.content, depth: depth)))
                }
            }
            return out
        }
        let blocks = try resolve(chapter.content, depth: 0)
        return ResolvedChapter(id: chapter.id, number: index.chapterNumbers[chapter.id] ?? 0, title: chapter.title, blocks: blocks, claimExperiments: backing)
    }

    private func evaluate<T>(_ id: String, _ chapter: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NotebookError {
            throw NotebookError.elementFailed(id: id, chapter: chapter, reason: error.description)
        } catch {
            throw NotebookError.elementFailed(id: id, chapter: chapter, reason: "\(error)")
        }
    }
}
