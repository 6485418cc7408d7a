import Foundation

/// What a run will do with each experiment, and why. It is built once, from the book, the
/// sources, the lock and the results on disk, and the same value drives `report`, `report check`,
/// `report reseed` and `report explain`, so they cannot disagree about what is stale.
public struct RunPlan: Sendable {
    /// What happens to one experiment.
    public enum Decision: Sendable, Equatable {
        /// Its results are reused: intact, and computed under the current key (or, for a chapter
        /// not selected, kept although stale, with the key parts that changed).
        case reuse(staleChanges: [String])
        /// It is computed, for the reasons given.
        case run(reasons: [String])
        /// `report check` cannot verify it: a costly experiment without intact committed results.
        case unverifiable(reason: String)
    }

    /// One experiment's entry.
    public struct Entry: Sendable {
        /// Its chapter's id.
        public let chapter: String
        /// Its id.
        public let experiment: String
        /// Its key parts as the sources are now.
        public let parts: KeyParts
        /// What happens to it.
        public let decision: Decision
        /// The record its reused results come with (from the lock or the results' own key file).
        public let record: Lock.ExperimentEntry?
        /// The reused results.
        let bytes: [UInt8]?
    }

    /// Every experiment of the book, in book order.
    public let entries: [Entry]

    /// The entry of experiment `id`.
    public func entry(_ id: String) -> Entry? { entries.first { $0.experiment == id } }

    /// The ids of the experiments that will be computed.
    public var toRun: [String] { entries.compactMap { if case .run = $0.decision { $0.experiment } else { nil } } }
}

extension ReportEngine {
    /// The name of the file beside an experiment's results that records the key and digest it
    /// was computed under: with it, intact results are reused even when the lock is lost.
    static func keyRecordPath(chapter: String, experiment: ExperimentID) -> String { "\(chapter)/data/\(experiment.rawValue).key.json" }

    /// Plans a run with `options`: for each experiment, whether its results can be reused and why
    /// not. Results are looked for in the cache folder (the output folder unless `options.cache`
    /// says otherwise) and then in `options.fallbackCaches`, by key and digest.
    public func plan(_ options: RunOptions) throws -> RunPlan {
        try plan(options, sources: sourceKeys())
    }

    /// Plans with the source digests of `sources`, which the caller goes on using for the run.
    func plan(_ options: RunOptions, sources: SourceKeys) throws -> RunPlan {
        let selected = Set(try (options.chapters ?? book.chapters.map(\.id)).map { try book.chapter($0).id })
        let primary = OutputStore(root: options.cache ?? options.output)
        let stores = [primary] + options.fallbackCaches.map(OutputStore.init(root:))
        let locks = stores.map(loadLock)
        var entries = [RunPlan.Entry]()
        for chapter in book.chapters {
            for experiment in chapter.experiments {
                let id = experiment.id.rawValue
                let parts = try keyParts(experiment, chapter: chapter, sources: sources)
                let path = Self.dataPath(chapter: chapter.id, experiment: experiment.id)
                let found = intactResults(path: path, experiment: experiment, chapter: chapter.id, stores: stores, locks: locks, parts: parts)
                let verifyOnly = options.verifyCostlyWithoutRunning && experiment.cost != .standard
                let isSelected = selected.contains(chapter.id) && !verifyOnly
                let decision: RunPlan.Decision
                var reused: (record: Lock.ExperimentEntry, bytes: [UInt8])?
                if let current = found.current, !(isSelected && options.force) {
                    decision = .reuse(staleChanges: [])
                    reused = current
                } else if !isSelected, let old = found.any {
                    // A chapter not selected keeps what it has; check reports stale costly results.
                    let changes = parts.changes(since: old.record.parts)
                    decision = .reuse(staleChanges: changes.isEmpty && old.record.key != parts.key ? ["key \(old.record.key.prefix(12)) → \(parts.key.prefix(12))"] : changes)
                    reused = old
                } else if verifyOnly {
                    decision = .unverifiable(reason: "\(experiment.cost.rawValue) experiment \(experiment.id) has no intact committed results to verify; run `report --chapter \(chapter.id)` and commit output/")
                } else if isSelected && options.force && found.current != nil {
                    decision = .run(reasons: ["forced (--force)"])
                } else {
                    decision = .run(reasons: found.whyNot)
                }
                entries.append(RunPlan.Entry(chapter: chapter.id, experiment: id, parts: parts, decision: decision, record: reused?.record, bytes: reused?.bytes))
            }
        }
        return RunPlan(entries: entries)
    }

    /// What the stores hold for one experiment: intact results under the current key, intact
    /// results under any key (the first store's first), and, when there are none under the
    /// current key, why.
    private func intactResults(
        path: String, experiment: any AnyExperiment, chapter: String, stores: [OutputStore], locks: [Lock], parts: KeyParts
    ) -> (current: (record: Lock.ExperimentEntry, bytes: [UInt8])?, any: (record: Lock.ExperimentEntry, bytes: [UInt8])?, whyNot: [String]) {
        let key = parts.key
        var any: (record: Lock.ExperimentEntry, bytes: [UInt8])?
        var whyNot = [String]()
        for (index, store) in stores.enumerated() {
            let lockEntry = locks[index].experiments[experiment.id.rawValue]
            let keyRecord = store.read(Self.keyRecordPath(chapter: chapter, experiment: experiment.id))
                .flatMap { try? CanonicalJSON.decode(Lock.ExperimentEntry.self, from: $0) }
            guard let bytes = store.read(path) else {
                if index == 0 { whyNot.append(lockEntry == nil ? "it has never run into this folder" : "its results file \(path) is missing") }
                continue
            }
            let digest = Digest.sha256(bytes)
            // The lock is the index; the key file beside the results is the record of last resort.
            let candidates = [lockEntry, keyRecord].compactMap { $0 }.filter { $0.digest == digest && $0.file == path }
            guard let record = candidates.first(where: { $0.key == key }) ?? candidates.first else {
                if index == 0 {
                    if lockEntry == nil && keyRecord == nil {
                        whyNot.append("its results file has no record of the key it was computed under")
                    } else {
                        progress.note("warning: \(store.url(path).path) does not match its recorded digest; recomputing it")
                        whyNot.append("its results file \(path) does not match its recorded digest (edited or corrupt)")
                    }
                }
                continue
            }
            if record.key == key {
                var current = record
                current.seconds = lockEntry?.key == key ? lockEntry!.seconds : record.seconds
                return (current: (current, bytes), any: any ?? (record, bytes), whyNot: [])
            }
            if any == nil { any = (record, bytes) }
            if index == 0 {
                let changes = parts.changes(since: record.parts)
                whyNot += changes.isEmpty ? ["its key changed (\(record.key.prefix(12)) → \(key.prefix(12)))"] : changes
            }
        }
        return (nil, any, whyNot.isEmpty ? ["no intact results under its current key"] : whyNot)
    }
}
