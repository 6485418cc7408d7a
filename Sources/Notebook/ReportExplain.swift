import Foundation

extension ReportEngine {
    /// Why the experiment or figure `id` would or would not be recomputed by the next run into `output`.
    public func explain(_ id: String, output: URL) throws -> String {
        // The same plan `report` would follow, so the two cannot disagree.
        let plan = try self.plan(RunOptions(output: output))
        if let entry = plan.entry(id), let chapter = book.chapters.first(where: { $0.id == entry.chapter }),
            let experiment = chapter.experiments.first(where: { $0.id.rawValue == id }) {
            var lines = ["\(id) (chapter \(chapter.id), declared at \(experiment.location.file.split(separator: "/").last ?? ""):\(experiment.location.line))"]
            lines.append("  key \(entry.parts.key)")
            lines.append("  uses " + entry.parts.dependencies.keys.sorted().joined(separator: ", "))
            switch entry.decision {
            case .reuse:
                lines.append(String(format: "  up to date: the next run reuses %@ (computed in %.2fs)", entry.record?.file ?? "", entry.record?.seconds ?? 0))
            case .run(let reasons):
                lines.append("  would run, because:")
                lines += reasons.map { "    - " + $0 }
            case .unverifiable(let reason):
                lines.append("  " + reason)
            }
            return lines.joined(separator: "\n")
        }
        if let entry = loadLock(OutputStore(root: output)).artefacts[id] {
            return "\(id): drawn from a spec with key \(entry.key.prefix(12)); it is redrawn only when its data or style changes (\(entry.files.keys.sorted().joined(separator: ", ")))"
        }
        throw NotebookError.unknownElement(id)
    }

    /// Chapter ids and titles, in book order.
    public func chapterList() -> [(id: String, title: String, experiments: [String])] {
        book.chapters.map { ($0.id, $0.title, $0.experiments.map(\.id.rawValue)) }
    }
}
