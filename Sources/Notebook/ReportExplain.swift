import Foundation

extension ReportEngine {
    /// Why the experiment or figure `id` would or would not be recomputed by the next run into `output`.
    public func explain(_ id: String, output: URL) throws -> String {
        let store = OutputStore(root: output)
        let lock = loadLock(store)
        for chapter in book.chapters {
            for experiment in chapter.experiments where experiment.id.rawValue == id {
                var digests = [String: String]()
                let parts = try keyParts(experiment, chapter: chapter, digests: &digests)
                var lines = ["\(id) (chapter \(chapter.id), declared at \(experiment.location.file.split(separator: "/").last ?? ""):\(experiment.location.line))"]
                lines.append("  key \(parts.key)")
                guard let entry = lock.experiments[id] else {
                    return (lines + ["  would run: it is not in \(ReportEngine.lockFile) (never run into this folder)"]).joined(separator: "\n")
                }
                let changes = parts.changes(since: entry.parts)
                let bytes = store.read(entry.file)
                if !changes.isEmpty {
                    lines.append("  would run, because:")
                    lines += changes.map { "    - " + $0 }
                } else if bytes == nil {
                    lines.append("  would run: its results file \(entry.file) is missing")
                } else if Digest.sha256(bytes!) != entry.digest {
                    lines.append("  would run: its results file \(entry.file) does not match the digest in the lock (edited or corrupt)")
                } else {
                    lines.append(String(format: "  up to date: the next run reuses %@ (computed in %.2fs)", entry.file, entry.seconds))
                }
                return lines.joined(separator: "\n")
            }
        }
        if let entry = lock.artefacts[id] {
            return "\(id): drawn from a spec with key \(entry.key.prefix(12)); it is redrawn only when its data or style changes (\(entry.files.keys.sorted().joined(separator: ", ")))"
        }
        throw NotebookError.unknownElement(id)
    }

    /// Chapter ids and titles, in book order.
    public func chapterList() -> [(id: String, title: String, experiments: [String])] {
        book.chapters.map { ($0.id, $0.title, $0.experiments.map(\.id.rawValue)) }
    }
}
