import Foundation
import Randomness

extension ReportEngine {
    /// The base seed of reseeded run `index` (0-based): a stream of the book's seed, so that the
    /// runs are the same on every machine and never the book's own seed.
    public static func reseededBase(_ seed: UInt64, run index: Int) -> UInt64 {
        StreamID(baseSeed: seed, path: ["reseed", String(index)]).seed
    }

    /// Reruns the standard experiments of `chapters` (all when `nil`) under `runs` other base
    /// seeds and evaluates every claim of those chapters on each run. Expensive and timing
    /// experiments are not rerun: their results come from `results` (the output folder), whose
    /// files must be intact. A claim that reads only such experiments is marked not reseeded.
    public func reseed(runs: Int, results: URL, chapters: [String]? = nil, jobs: Int) throws -> ReseedRecord {
        precondition(runs >= 1, "reseed needs at least one run")
        let selectedIDs = Set(try (chapters ?? book.chapters.map(\.id)).map { try book.chapter($0).id })
        let selected = book.chapters.filter { selectedIDs.contains($0.id) }
        let store = OutputStore(root: results)
        let lock = loadLock(store)
        let sources = sourceKeys()
        var keys = [String: String]()
        var committed = [ExperimentID: [UInt8]]()
        for chapter in book.chapters {
            for experiment in chapter.experiments {
                keys[experiment.id.rawValue] = try keyParts(experiment, chapter: chapter, sources: sources).key
                let path = Self.dataPath(chapter: chapter.id, experiment: experiment.id)
                if let bytes = store.read(path), let entry = lock.experiments[experiment.id.rawValue], Digest.sha256(bytes) == entry.digest {
                    committed[experiment.id] = bytes
                }
            }
        }
        var jobsToRun = [ExperimentRunner.Job]()
        for chapter in selected {
            for experiment in chapter.experiments {
                if experiment.cost == .standard {
                    jobsToRun.append(.init(chapter: chapter.id, experiment: experiment))
                } else if committed[experiment.id] == nil {
                    throw NotebookError.reseedNeedsResults(experiment: experiment.id.rawValue, chapter: chapter.id)
                }
            }
        }
        let claims = selected.flatMap { chapter in Self.claims(in: chapter.content).map { (chapter: chapter.id, claim: $0) } }
        let seeds = (0..<runs).map { Self.reseededBase(book.seed, run: $0) }
        var measured = [String: [Double]]()
        var held = [String: Int]()
        var read = [String: Set<ExperimentID>]()
        for (run, seed) in seeds.enumerated() {
            progress.note("reseed: run \(run + 1) of \(runs) (base seed \(seed))")
            let runner = ExperimentRunner(seed: seed, pool: WorkerPool(workers: jobs), progress: SilentProgress())
            var files = committed
            for (job, outcome) in zip(jobsToRun, try runner.run(jobsToRun)) {
                switch outcome {
                case .success(let bytes, _): files[job.experiment.id] = bytes
                case .failure(let reason):
                    throw NotebookError.elementFailed(id: job.experiment.id.rawValue, chapter: job.chapter, reason: "under base seed \(seed): \(reason)")
                }
            }
            for (chapter, claim) in claims {
                let log = ReadLog()
                let check: ClaimCheck
                do {
                    check = try claim.check(RunResults(files: files, log: log))
                } catch {
                    throw NotebookError.elementFailed(id: claim.id.rawValue, chapter: chapter, reason: "under base seed \(seed): \(error)")
                }
                let id = claim.id.rawValue
                measured[id, default: []].append(check.measured)
                held[id, default: 0] += check.passed ? 1 : 0
                read[id, default: []].formUnion(log.read)
            }
        }
        let costly = Set(selected.flatMap { $0.experiments.filter { $0.cost != .standard }.map(\.id) })
        let codes = claimCodes(sources: sources)
        var record = ReseedRecord()
        record.seeds = seeds
        for (chapter, claim) in claims {
            let id = claim.id.rawValue
            let experiments = read[id] ?? []
            record.claims[id] = ReseedRecord.Entry(
                chapter: chapter, reseeded: !experiments.subtracting(costly).isEmpty, held: held[id] ?? 0, runs: runs, measured: measured[id] ?? [],
                experiments: Dictionary(uniqueKeysWithValues: experiments.map { ($0.rawValue, keys[$0.rawValue] ?? "") }),
                code: codes[id] ?? "")
        }
        return record
    }

    /// Every claim in `blocks`, in order.
    static func claims(in blocks: [Block]) -> [Claim] {
        blocks.flatMap { block -> [Claim] in
            switch block {
            case .claim(let claim): [claim]
            case .section(let section): claims(in: section.content)
            case .callout(let callout): claims(in: callout.content)
            default: []
            }
        }
    }

    /// A digest of every claim's declaration (its source text, statement and check), by id.
    func claimCodes(sources: SourceKeys? = nil) -> [String: String] {
        var codes = [String: String]()
        let sources = sources ?? sourceKeys()
        for chapter in book.chapters {
            for claim in Self.claims(in: chapter.content) {
                let text = (try? sources.declaration(at: claim.location, callee: "Claim", experiment: claim.id.rawValue)) ?? claim.statement
                codes[claim.id.rawValue] = Digest.sha256(text)
            }
        }
        return codes
    }
}

extension ReportEngine {
    /// The ids of `chapter`'s claims, in order.
    public static func claimIDs(in chapter: Chapter) -> [String] {
        claims(in: chapter.content).map(\.id.rawValue)
    }
}
