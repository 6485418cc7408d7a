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
}
