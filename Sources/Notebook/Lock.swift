/// The committed record of what produced `output/`: every experiment's key and key parts, the
/// digests of every file written, and the wall times of the runs (kept here only, never in the
/// report's text). A run trusts a cached result only when its key and its file digest match.
public struct Lock: Codable, Equatable, Sendable {
    /// One experiment's entry.
    public struct ExperimentEntry: Codable, Equatable, Sendable {
        /// The chapter that declares it.
        public var chapter: String
        /// The cache key.
        public var key: String
        /// What the key was computed from.
        public var parts: KeyParts
        /// Path of the results file, relative to the output folder.
        public var file: String
        /// Digest of the results file.
        public var digest: String
        /// Wall time of the run that produced it, seconds.
        public var seconds: Double
    }

    /// A rendered artefact: its key (what it was drawn from) and the digests of its files.
    public struct ArtefactEntry: Codable, Equatable, Sendable {
        /// Digest of what the artefact was made from (e.g. a figure's chart spec).
        public var key: String
        /// Digest of each file, by path relative to the output folder.
        public var files: [String: String]
        /// Wall time to render, seconds.
        public var seconds: Double
    }

    /// The lock format's version.
    public var format: Int = 1
    /// Experiments by id.
    public var experiments: [String: ExperimentEntry] = [:]
    /// Figures and documents by id (figure id, or a document path).
    public var artefacts: [String: ArtefactEntry] = [:]

    /// An empty lock.
    public init() {}

    /// The lock without wall times, for comparing two runs.
    public var withoutTimes: Lock {
        var copy = self
        for key in copy.experiments.keys { copy.experiments[key]?.seconds = 0 }
        for key in copy.artefacts.keys { copy.artefacts[key]?.seconds = 0 }
        return copy
    }

    /// How this lock differs from `old`, wall times aside: the experiments and artefacts added,
    /// removed or changed, each changed experiment with the key parts that moved first.
    public func differences(from old: Lock) -> [String] {
        var lines = [String]()
        for id in Set(experiments.keys).union(old.experiments.keys).sorted() {
            switch (old.experiments[id], experiments[id]) {
            case (nil, .some): lines.append("experiment \(id): new")
            case (.some, nil): lines.append("experiment \(id): no longer declared")
            case let (.some(before), .some(after)):
                var changes = after.parts.changes(since: before.parts)
                if before.key != after.key && changes.isEmpty { changes.append("key \(before.key.prefix(12)) → \(after.key.prefix(12))") }
                if before.digest != after.digest { changes.append("results digest \(before.digest.prefix(12)) → \(after.digest.prefix(12))") }
                if before.file != after.file || before.chapter != after.chapter { changes.append("file \(before.file) → \(after.file)") }
                lines += changes.map { "experiment \(id): \($0)" }
            default: break
            }
        }
        for id in Set(artefacts.keys).union(old.artefacts.keys).sorted() {
            switch (old.artefacts[id], artefacts[id]) {
            case (nil, .some): lines.append("artefact \(id): new")
            case (.some, nil): lines.append("artefact \(id): no longer produced")
            case let (.some(before), .some(after)):
                if before.key != after.key { lines.append("artefact \(id): drawn from something else (key \(before.key.prefix(12)) → \(after.key.prefix(12)))") }
                for path in Set(before.files.keys).union(after.files.keys).sorted() where before.files[path] != after.files[path] {
                    lines.append("artefact \(id): \(path) differs")
                }
            default: break
            }
        }
        if format != old.format { lines.append("lock format \(old.format) → \(format)") }
        return lines
    }
}
