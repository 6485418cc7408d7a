import Charts
import Foundation

/// What one run of the report asked for.
public struct RunOptions: Sendable {
    /// The output folder.
    public var output: URL
    /// Chapters to (re)compute; `nil` for all. Other chapters reuse their current results.
    public var chapters: [String]?
    /// Recompute the selected chapters' experiments even when cached.
    public var force: Bool
    /// The most experiment units run at once.
    public var jobs: Int
    /// Where cached results and the lock are read from, when not the output folder itself
    /// (`report check` regenerates into a scratch folder from the committed one).
    public var cache: URL?
    /// Reuse `.expensive` and `.timing` experiments whenever their committed results are intact,
    /// even when forced or stale (stale ones are reported): how `report check` verifies them.
    public var verifyCostlyWithoutRunning: Bool
    /// Further folders whose intact results are reused when their key matches (e.g. the
    /// package's `output/` when `--output` names another folder).
    public var fallbackCaches: [URL]
    /// Where units run; `nil` for this process's worker pool (`jobs` threads).
    public var executor: (any UnitExecutor)?

    /// Creates options.
    public init(
        output: URL, chapters: [String]? = nil, force: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, cache: URL? = nil,
        verifyCostlyWithoutRunning: Bool = false, fallbackCaches: [URL] = [], executor: (any UnitExecutor)? = nil
    ) {
        self.executor = executor
        self.verifyCostlyWithoutRunning = verifyCostlyWithoutRunning
        self.fallbackCaches = fallbackCaches
        self.output = output
        self.chapters = chapters
        self.force = force
        self.jobs = jobs
        self.cache = cache
    }
}

/// What a run did.
public struct RunSummary: Sendable {
    /// Experiments computed.
    public var ran: [String] = []
    /// Experiments taken from the cache.
    public var cached: [String] = []
    /// Cached experiments of chapters not selected whose key no longer matches the sources, with
    /// the parts that changed.
    public var stale: [String: [String]] = [:]
    /// Figures drawn (the rest were up to date).
    public var rendered: [String] = []
    /// Chapters that failed, with the reason; their previous output is untouched.
    public var failedChapters: [String: String] = [:]
    /// Claims that did not hold, as "chapter/clm-id: summary".
    public var failedClaims: [String] = []
    /// What an editor would flag (`BookLint`): unreferenced figures, tables and equations,
    /// repeated column headings.
    public var lint: [String] = []
    /// Wall time of the experiments, seconds.
    public var experimentSeconds = 0.0
    /// Wall time of drawing and writing, seconds.
    public var writeSeconds = 0.0
    /// The part of ``writeSeconds`` spent writing the web edition.
    public var siteSeconds = 0.0
}

/// Runs a book: plans what to compute from the lock, runs experiments in parallel, evaluates
/// figures, tables and claims, draws what changed and writes every file atomically.
public struct ReportEngine: Sendable {
    /// The runner's version, part of every experiment key.
    public static let engineVersion = "rlnotes-engine-1"
    /// The lock file's name in the output folder.
    public static let lockFile = "report.lock.json"

    /// The book.
    public let book: Book
    /// The drawing back end.
    public let renderer: any ArtefactRenderer
    /// Progress output.
    public let progress: any ProgressReporter
    /// The package whose sources key the experiments (its manifest, chapters and modules).
    public let packageRoot: URL

    /// An engine for `book` reading sources under `packageRoot` (by default the package the
    /// chapters were compiled from, else the working directory).
    public init(book: Book, renderer: any ArtefactRenderer, progress: any ProgressReporter = SilentProgress(), packageRoot: URL? = nil) {
        self.book = book
        self.renderer = renderer
        self.progress = progress
        self.packageRoot = packageRoot ?? Self.compiledPackageRoot(of: book)
    }

    /// The key parts of `experiment` in `chapter` as the sources are now; `sources` memoises the
    /// digests within one run, as experiments share the same few modules. A declaration that
    /// cannot be read, a module the manifest does not have or a path with nothing at it is an
    /// error naming it: a key computed without them would silently stand for something else.
    func keyParts(_ experiment: any AnyExperiment, chapter: Chapter, sources: SourceKeys) throws -> KeyParts {
        let id = experiment.id.rawValue
        let declaration = try sources.declaration(at: experiment.location, callee: "Experiment", experiment: id)
        let dependencies = try sources.digests(of: chapter.uses + experiment.uses, experiment: id)
        let parameters = (try? experiment.parameterJSON()) ?? []
        return KeyParts(
            experiment: "\(chapter.id)/\(id)", parameters: Digest.sha256(parameters.joined(separator: "\n")),
            points: parameters.count, replicates: experiment.replicates, seed: book.seed, code: Digest.sha256(declaration),
            dependencies: dependencies, version: experiment.version, engine: Self.engineVersion)
    }

    /// The key parts of the experiment `id` as the sources are now.
    public func keyParts(of id: String) throws -> KeyParts {
        for chapter in book.chapters {
            for experiment in chapter.experiments where experiment.id.rawValue == id {
                return try keyParts(experiment, chapter: chapter, sources: sourceKeys())
            }
        }
        throw NotebookError.unknownElement(id)
    }

    /// Source digests for one run, read from the package root.
    func sourceKeys() -> SourceKeys { SourceKeys(root: packageRoot) }

    /// The package root of the compiled chapters, else the working directory.
    static func compiledPackageRoot(of book: Book) -> URL {
        book.chapters.first.flatMap { SourceFingerprint.packageRoot(containing: $0.file) } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    static func dataPath(chapter: String, experiment: ExperimentID) -> String { "\(chapter)/data/\(experiment.rawValue).json" }

    /// Reads the lock in `store`; a missing lock is empty, a corrupt one is reported and ignored.
    func loadLock(_ store: OutputStore) -> Lock {
        loadRecord(Self.lockFile, from: store, empty: Lock(), ifCorrupt: "results are matched by the key records beside them instead")
    }

    /// Reads the reseed record in `store`; a missing one is empty, a corrupt one is reported
    /// and ignored.
    func loadReseedRecord(_ store: OutputStore) -> ReseedRecord {
        loadRecord(ReseedRecord.fileName, from: store, empty: ReseedRecord(), ifCorrupt: "claims are printed without their reseed counts")
    }

    /// The JSON record `file` in `store`, `empty` if it is missing, and `empty` with a warning
    /// saying `consequence` if it cannot be decoded.
    private func loadRecord<Record: Decodable>(_ file: String, from store: OutputStore, empty: Record, ifCorrupt consequence: String) -> Record {
        guard let bytes = store.read(file) else { return empty }
        do {
            return try CanonicalJSON.decode(Record.self, from: bytes)
        } catch {
            progress.note("warning: \(store.url(file).path) is corrupt (\(error)); \(consequence)")
            return empty
        }
    }

    /// Merges `record` into the reseed record in `output` (its claims replace those with the
    /// same ids, its seeds the old ones), for the next run to print.
    public func storeReseedRecord(_ record: ReseedRecord, in output: URL) throws {
        let store = OutputStore(root: output)
        var merged = loadReseedRecord(store)
        merged.seeds = record.seeds
        merged.claims.merge(record.claims) { _, new in new }
        try store.write(try CanonicalJSON.encodePretty(merged), to: ReseedRecord.fileName)
    }

    /// Runs the report into `options.output`.
    public func run(_ options: RunOptions) throws -> RunSummary {
        let index = try BookIndex(book: book)
        let store = OutputStore(root: options.output)
        try store.ensureWritable()
        let outputLock = try OutputLock(folder: options.output)
        defer { withExtendedLifetime(outputLock) {} }
        store.removeLeftoverTemporaries()
        let cache = options.cache.map(OutputStore.init(root:)) ?? store
        var lock = loadLock(cache)
        var summary = RunSummary()

        // Plan: which experiments can come from the cache; the lock is rebuilt from the records
        // of what is reused.
        // One reading of the sources serves the plan and the claims' codes.
        let sources = sourceKeys()
        let plan = try self.plan(options, sources: sources)
        var files = [ExperimentID: [UInt8]]()
        var jobs = [ExperimentRunner.Job]()
        var parts = [String: KeyParts]()
        for chapter in book.chapters {
            for experiment in chapter.experiments {
                let id = experiment.id.rawValue
                guard let entry = plan.entry(id) else { continue }
                parts[id] = entry.parts
                switch entry.decision {
                case .reuse(let staleChanges):
                    if !staleChanges.isEmpty {
                        progress.note("note: \(experiment.id) (chapter \(chapter.id)) is stale; run `report --chapter \(chapter.id)` to update it")
                        summary.stale[id] = staleChanges
                    }
                    files[experiment.id] = entry.bytes
                    lock.experiments[id] = entry.record
                    summary.cached.append(id)
                    progress.finished(id, seconds: 0, cached: true, failed: false)
                case .unverifiable(let reason):
                    summary.failedChapters[chapter.id] = summary.failedChapters[chapter.id] ?? reason
                case .run:
                    jobs.append(.init(chapter: chapter.id, experiment: experiment, key: entry.parts.key))
                }
            }
        }

        // Run what is not cached.
        let started = Date()
        var runner = ExperimentRunner(seed: book.seed, pool: WorkerPool(workers: options.jobs), progress: progress)
        runner.executor = options.executor
        let outcomes = try runner.run(jobs)
        summary.experimentSeconds = Date().timeIntervalSince(started)
        var freshData = [String: (chapter: String, path: String, bytes: [UInt8], seconds: Double)]()
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let bytes, let seconds):
                files[job.experiment.id] = bytes
                freshData[job.experiment.id.rawValue] = (job.chapter, Self.dataPath(chapter: job.chapter, experiment: job.experiment.id), bytes, seconds)
                summary.ran.append(job.experiment.id.rawValue)
            case .failure(let reason):
                summary.failedChapters[job.chapter] = summary.failedChapters[job.chapter] ?? "experiment \(job.experiment.id) failed: \(reason)"
            }
        }

        // Resolve every chapter that has all its results.
        let writeStart = Date()
        let reseeds = loadReseedRecord(cache)
        let (robust, staleClaims) = reseeds.current(keys: parts.mapValues(\.key), claimCodes: reseeds.claims.isEmpty ? [:] : claimCodes(sources: sources))
        if !staleClaims.isEmpty {
            progress.note("note: the reseed record of \(staleClaims.count) claim\(staleClaims.count == 1 ? "" : "s") (\(staleClaims.prefix(3).joined(separator: ", "))\(staleClaims.count > 3 ? ", …" : "")) is out of date because the claim or its experiments changed; run `report reseed` to measure them again")
        }
        var resolver = Resolver(index: index, results: RunResults(files: files), robustness: robust.mapValues(\.robustness))
        resolver.experimentDetails = experimentDetails(parts: parts, fresh: freshData.mapValues(\.seconds), lock: lock, sources: sources)
        var resolved = [ResolvedChapter]()
        for chapter in book.chapters where summary.failedChapters[chapter.id] == nil {
            do {
                resolved.append(try resolver.resolve(chapter))
            } catch {
                summary.failedChapters[chapter.id] = "\(error)"
            }
        }
        for (chapter, reason) in summary.failedChapters.sorted(by: { $0.key < $1.key }) {
            progress.note("error: chapter '\(chapter)' failed, its previous output is kept: \(reason)")
        }

        // Write each good chapter: data, figures, claims, README.
        let resolvedBook = ResolvedBook(
            title: book.title, subtitle: book.subtitle, author: book.author, chapters: resolved, index: index.entries, bibliography: index.bibliography)
        if summary.failedChapters.isEmpty {
            let root = packageRoot
            summary.lint = BookLint.problems(in: book, resolved: resolved) { path in
                FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
            }
            for problem in summary.lint { progress.note("warning: \(problem)") }
        }
        let citedAnywhere = Set(resolved.flatMap(\.citedKeys))
        let uncited = index.bibliography.keys.filter { !citedAnywhere.contains($0) }
        if !uncited.isEmpty, summary.failedChapters.isEmpty {
            progress.note("warning: the bibliography has entries no chapter cites: \(uncited.joined(separator: ", "))")
        }
        let writer = MarkdownWriter(book: resolvedBook)
        let drawingCode = drawingCodeDigest()
        var figureKeys = [String]()
        var displayLists = [String: DisplayList]()
        for chapter in resolved {
            var produced = Set<String>()
            for experiment in book.chapters.first(where: { $0.id == chapter.id })!.experiments {
                let id = experiment.id.rawValue
                let path = Self.dataPath(chapter: chapter.id, experiment: experiment.id)
                let recordPath = Self.keyRecordPath(chapter: chapter.id, experiment: experiment.id)
                produced.formUnion([path, recordPath])
                if freshData[id] == nil, let bytes = files[experiment.id] {
                    // A cached result read from elsewhere is carried over as it is.
                    try store.write(bytes, to: path)
                }
                if let fresh = freshData[id] {
                    try store.write(fresh.bytes, to: path)
                    lock.experiments[id] = Lock.ExperimentEntry(
                        chapter: chapter.id, key: parts[id]!.key, parts: parts[id]!, file: path, digest: Digest.sha256(fresh.bytes), seconds: fresh.seconds)
                }
                if var record = lock.experiments[id] {
                    // The results' own record of their key, without the wall time (the lock's alone).
                    record.seconds = 0
                    try store.write(try CanonicalJSON.encodePretty(record), to: recordPath)
                }
            }
            for figure in chapter.figures {
                // Keyed by the spec (its data at full precision), what is drawn (the laid-out
                // display list) and the drawing code: neither a prose edit nor a rerun that
                // reproduces the same data redraws it.
                let displayList = ChartLayout.displayList(for: figure.spec)
                displayLists[figure.id] = displayList
                let key = Digest.sha256(try CanonicalJSON.encode(figure.spec) + Array((displayList.snapshot + drawingCode).utf8))
                figureKeys.append(key)
                let paths = ["png", "svg", "pdf", "csv"].map { "\(figure.basePath).\($0)" }
                produced.formUnion(paths)
                if let entry = lock.artefacts[figure.id], entry.key == key,
                    paths.allSatisfy({ path in store.read(path).map(Digest.sha256) == entry.files[path] }) {
                    continue
                }
                let drawStart = Date()
                let rendered = try renderer.renderFigure(figure.spec)
                let contents = [rendered.png, rendered.svg, rendered.pdf, Array(figure.spec.tidyCSV.utf8)]
                for (path, bytes) in zip(paths, contents) { try store.write(bytes, to: path) }
                lock.artefacts[figure.id] = Lock.ArtefactEntry(
                    key: key, files: Dictionary(uniqueKeysWithValues: zip(paths, contents.map(Digest.sha256))), seconds: Date().timeIntervalSince(drawStart))
                summary.rendered.append(figure.id)
            }
            let claims = chapter.claims.map { ClaimRecord(id: $0.id, statement: writer.plain($0.statement), check: $0.check) }
            for claim in claims where !claim.passed { summary.failedClaims.append("\(chapter.id)/\(claim.id): \(claim.check.summary)") }
            let claimsPath = "\(chapter.id)/data/claims.json"
            try store.write(try CanonicalJSON.encodePretty(claims), to: claimsPath)
            try store.write(writer.chapterReadme(chapter), to: "\(chapter.id)/README.md")
            produced.formUnion([claimsPath, "\(chapter.id)/README.md"])
            removeStaleFiles(in: chapter.id, keeping: produced, store: store)
        }

        // The book documents, only when every chapter is good (else the last good ones stay).
        if summary.failedChapters.isEmpty {
            let markdown = writer.bookMarkdown()
            try store.write(markdown, to: "report.md")
            let pdfKey = Digest.sha256(markdown + figureKeys.joined() + drawingCode)
            let entry = lock.artefacts["report.pdf"]
            if entry?.key != pdfKey || store.read("report.pdf").map(Digest.sha256) != entry?.files["report.pdf"] {
                let typesetStart = Date()
                let pdf = try renderer.typeset(resolvedBook)
                try store.write(pdf, to: "report.pdf")
                lock.artefacts["report.pdf"] = Lock.ArtefactEntry(key: pdfKey, files: ["report.pdf": Digest.sha256(pdf)], seconds: Date().timeIntervalSince(typesetStart))
            }
            let siteStart = Date()
            try writeSite(resolvedBook, displayLists: displayLists, store: store)
            summary.siteSeconds = Date().timeIntervalSince(siteStart)
        }
        // Forget what no longer exists in the book.
        let experimentIDs = Set(book.chapters.flatMap { $0.experiments.map(\.id.rawValue) })
        lock.experiments = lock.experiments.filter { experimentIDs.contains($0.key) }
        if summary.failedChapters.isEmpty {
            let artefactIDs = Set(resolved.flatMap { $0.figures.map(\.id) }).union(["report.pdf"])
            lock.artefacts = lock.artefacts.filter { artefactIDs.contains($0.key) }
        }
        var keptReseeds = reseeds
        keptReseeds.claims = robust
        if keptReseeds.claims.isEmpty {
            store.remove(ReseedRecord.fileName)
        } else {
            try store.write(try CanonicalJSON.encodePretty(keptReseeds), to: ReseedRecord.fileName)
        }
        try store.write(try CanonicalJSON.encodePretty(lock), to: Self.lockFile)
        summary.writeSeconds = Date().timeIntervalSince(writeStart)
        return summary
    }

    /// The renderer's version and a digest of the sources that lay out and draw figures and
    /// documents (when the sources are at hand), part of every figure's and document's key.
    func drawingCodeDigest() -> String {
        let fingerprint = SourceFingerprint(root: packageRoot)
        // Everything that turns results into pages: charts, drawing and typesetting, math, citations.
        return renderer.version + ["Sources/Charts", "Sources/Render", "Sources/Notebook", "Sources/LaTeXMath", "Sources/Bibliography"].map { fingerprint.digest(ofDependency: $0) }.joined(separator: ",")
    }

    /// Deletes files under `chapter/` that this run did not produce (renamed or removed figures).
    func removeStaleFiles(in chapter: String, keeping produced: Set<String>, store: OutputStore) {
        for path in store.allFiles() where path.hasPrefix(chapter + "/") && !produced.contains(path) {
            progress.note("removed stale \(path)")
            store.remove(path)
        }
    }
}

/// A claim's outcome as stored in `<chapter>/data/claims.json`.
struct ClaimRecord: Codable {
    let id: String
    let statement: String
    let check: ClaimCheck
    var passed: Bool { check.passed }

    enum CodingKeys: String, CodingKey { case id, statement, check, passed }

    init(id: String, statement: String, check: ClaimCheck) {
        self.id = id
        self.statement = statement
        self.check = check
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        statement = try c.decode(String.self, forKey: .statement)
        check = try c.decode(ClaimCheck.self, forKey: .check)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(statement, forKey: .statement)
        try c.encode(check, forKey: .check)
        try c.encode(passed, forKey: .passed)
    }
}
