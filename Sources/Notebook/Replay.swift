import Foundation
import Randomness

/// What replaying one unit of an iterative experiment showed.
public struct ReplayReport: Sendable, Equatable {
    /// Iterations replayed and compared.
    public var replayed: Int
    /// Iterations the committed results recorded.
    public var recorded: Int
    /// The first iteration (from 1) whose state differs from the recorded one, with the parts
    /// that differ; `nil` when every replayed iteration matched.
    public var firstDifference: (iteration: Int, parts: [String])?

    /// Whether the whole recorded run was replayed and matched.
    public var isComplete: Bool { firstDifference == nil && replayed == recorded }

    public static func == (a: ReplayReport, b: ReplayReport) -> Bool {
        a.replayed == b.replayed && a.recorded == b.recorded && a.firstDifference?.iteration == b.firstDifference?.iteration
            && a.firstDifference?.parts == b.firstDifference?.parts
    }
}

/// Replays the iterations of an experiment declared with an `IterativeRun`, its run type erased.
struct Replayer<Parameter: Codable & Sendable, Output: Codable & Sendable>: Sendable {
    /// Replays a unit from its parameter and generator against its committed output, while the
    /// predicate (given the iterations done) says to go on.
    let replay: @Sendable (Parameter, inout Xoshiro256StarStar, Output, (Int) -> Bool) throws -> ReplayReport
    /// The final-state parts a committed output carries that do not match its last digest.
    let finalPartMismatches: @Sendable (Output) -> [String]

    init<Run: IterativeRun>(start: @escaping @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Run) where Output == ReplayableResult<Run.Output> {
        replay = { parameter, generator, committed, proceed in
            var run = try start(parameter, &generator)
            var done = 0
            while done < committed.states.count, run.completedIterations < run.iterations, proceed(done) {
                try run.iterate()
                let digest = StateDigest(parts: run.stateParts)
                let recorded = committed.states[done]
                done += 1
                if digest != recorded {
                    return ReplayReport(replayed: done, recorded: committed.states.count, firstDifference: (done, digest.differingParts(from: recorded)))
                }
            }
            return ReplayReport(replayed: done, recorded: committed.states.count, firstDifference: nil)
        }
        finalPartMismatches = { committed in
            guard let last = committed.states.last else { return Run.finalParts(of: committed.output).map(\.name) }
            return Run.finalParts(of: committed.output).compactMap { part in
                last.parts[part.name] == StateDigest.partDigest(part.bytes) ? nil : part.name
            }
        }
    }
}

extension ReportEngine {
    /// How `report check` verifies the committed results of costly experiments without
    /// recomputing them whole: every replayable experiment's output is matched against its last
    /// recorded state and its first iterations are replayed within `replaySeconds`; every other
    /// `.expensive` experiment has `sampledUnits` of its units, chosen from its key, recomputed
    /// and compared byte for byte.
    public struct CostlyVerification: Sendable {
        /// Seconds of replay allowed per replayable experiment (at least one iteration runs).
        public var replaySeconds: Double
        /// Units recomputed per `.expensive` experiment that cannot be replayed.
        public var sampledUnits: Int

        /// The defaults keep `report check` of the whole book within a few minutes.
        public init(replaySeconds: Double = 30, sampledUnits: Int = 2) {
            self.replaySeconds = replaySeconds
            self.sampledUnits = sampledUnits
        }
    }

    /// Verifies the committed results of the costly experiments of `chapters` (all when `nil`)
    /// in `committed` as `verification` says, returning what differs.
    func verifyCostly(committed: URL, chapters: [String]?, verification: CostlyVerification, jobs: Int) throws -> [OutputDifference] {
        let store = OutputStore(root: committed)
        let lock = loadLock(store)
        let selected = Set(chapters ?? book.chapters.map(\.id))
        var differences = [OutputDifference]()
        for chapter in book.chapters where selected.contains(chapter.id) {
            for experiment in chapter.experiments where experiment.cost != .standard {
                let id = experiment.id.rawValue
                let path = Self.dataPath(chapter: chapter.id, experiment: experiment.id)
                // A missing or edited file is reported by the run itself.
                guard let bytes = store.read(path), let entry = lock.experiments[id], Digest.sha256(bytes) == entry.digest else { continue }
                let units = try unitList(experiment, chapter: chapter)
                if experiment.isReplayable {
                    differences += try finalPartProblems(experiment, results: bytes).map { OutputDifference(path: path, detail: $0) }
                    let deadline = Date().addingTimeInterval(verification.replaySeconds)
                    for unit in units {
                        var generator = Xoshiro256StarStar(stream: unit.stream)
                        progress.note("check: replaying \(id) (unit \(unit.point)/\(unit.replicate)) for up to \(Int(verification.replaySeconds)) s")
                        guard let report = try experiment.replay(point: unit.point, replicate: unit.replicate, inResults: bytes, generator: &generator, proceed: { done in
                            done == 0 || Date() < deadline
                        }) else { continue }
                        if let difference = report.firstDifference {
                            differences.append(OutputDifference(path: path, detail: "unit \(unit.point)/\(unit.replicate): iteration \(difference.iteration) does not reproduce its recorded state (\(difference.parts.joined(separator: ", ")) differ)"))
                        } else {
                            progress.note("check: \(id) unit \(unit.point)/\(unit.replicate): the first \(report.replayed) of \(report.recorded) iterations reproduce their recorded state")
                        }
                    }
                } else if experiment.cost == .expensive {
                    differences += try recomputeSample(experiment, units: units, key: entry.key, results: bytes, path: path, count: verification.sampledUnits, jobs: jobs)
                }
            }
        }
        return differences
    }

    typealias UnitAddress = ExperimentRunner.UnitAddress

    /// One line per unit whose committed output carries a final-state part (e.g. the network)
    /// that does not match the last recorded state digest.
    private func finalPartProblems(_ experiment: any AnyExperiment, results bytes: [UInt8]) throws -> [String] {
        try experiment.finalPartMismatches(inResults: bytes).sorted { $0.key < $1.key }.map { unit, parts in
            "unit \(unit): the committed output's \(parts.joined(separator: ", ")) do not match the state the recorded run ended with"
        }
    }

    /// Every unit of `experiment`, point-major, as the runner enumerates them.
    func unitList(_ experiment: any AnyExperiment, chapter: Chapter) throws -> [UnitAddress] {
        try ExperimentRunner.units(of: experiment, chapter: chapter.id, seed: book.seed)
    }

    /// Recomputes `count` units chosen from `key` (so every check picks the same ones until the
    /// results change) and compares each with the committed one.
    private func recomputeSample(
        _ experiment: any AnyExperiment, units: [UnitAddress], key: String, results: [UInt8], path: String, count: Int, jobs: Int
    ) throws -> [OutputDifference] {
        let chosen = Self.sampledUnits(count, of: units.count, key: key)
        progress.note("check: recomputing \(chosen.count) of the \(units.count) units of \(experiment.id) (\(chosen.map { "\(units[$0].point)/\(units[$0].replicate)" }.joined(separator: ", ")))")
        let frozen = units
        let picks = chosen
        let outputs = WorkerPool(workers: jobs).run(count: picks.count) { k -> Result<[UInt8], any Error> in
            let unit = frozen[picks[k]]
            var generator = Xoshiro256StarStar(stream: unit.stream)
            return Result { try experiment.unitJSON(try experiment.runUnit(point: unit.point, generator: &generator)) }
        }
        var differences = [OutputDifference]()
        for (k, index) in picks.enumerated() {
            let unit = units[index]
            let committed = try experiment.unitJSON(inResults: results, point: unit.point, replicate: unit.replicate)
            switch outputs[k] {
            case .success(let fresh) where fresh == committed: continue
            case .success(let fresh):
                differences.append(OutputDifference(path: path, detail: "unit \(unit.point)/\(unit.replicate) recomputed differs from the committed one:\n" + TextDiff.describe(old: committed, new: fresh)))
            case .failure(let error):
                differences.append(OutputDifference(path: path, detail: "unit \(unit.point)/\(unit.replicate) failed when recomputed: \(error)"))
            }
        }
        return differences
    }

    /// The indices (point-major) of the `count` units of an experiment of `total` units that
    /// `report check` recomputes: drawn from a stream named by the results' key, so every check
    /// of the same results picks the same units.
    public static func sampledUnits(_ count: Int, of total: Int, key: String) -> [Int] {
        var chooser = Xoshiro256StarStar(stream: StreamID(baseSeed: 0, path: ["check-sample", key]))
        var pool = Array(0..<total)
        var chosen = [Int]()
        while chosen.count < min(count, total) {
            chosen.append(pool.remove(at: chooser.uniformIndex(below: pool.count)))
        }
        return chosen.sorted()
    }

    /// Replays every iteration of every unit of the replayable experiment `id` in `output`,
    /// comparing each state with the recorded digest: the answer to "does this code still
    /// produce the committed run?", without trusting any stored digest but the per-iteration ones.
    public func verify(_ id: String, output: URL) throws -> [String] {
        for chapter in book.chapters {
            for experiment in chapter.experiments where experiment.id.rawValue == id {
                guard experiment.isReplayable else { throw NotebookError.notReplayable(id) }
                let store = OutputStore(root: output)
                let path = Self.dataPath(chapter: chapter.id, experiment: experiment.id)
                guard let bytes = store.read(path) else { throw NotebookError.reseedNeedsResults(experiment: id, chapter: chapter.id) }
                var lines = [String]()
                var failed = false
                let lock = loadLock(store)
                if lock.experiments[id]?.digest != Digest.sha256(bytes) {
                    lines.append("\(path) does not match its digest in \(Self.lockFile)")
                    failed = true
                }
                let mismatches = try finalPartProblems(experiment, results: bytes)
                lines += mismatches
                failed = failed || !mismatches.isEmpty
                for unit in try unitList(experiment, chapter: chapter) {
                    var generator = Xoshiro256StarStar(stream: unit.stream)
                    let start = Date()
                    let report = try experiment.replay(point: unit.point, replicate: unit.replicate, inResults: bytes, generator: &generator) { done in
                        if done > 0, done % 10 == 0 { progress.note("verify: \(id) unit \(unit.point)/\(unit.replicate): \(done) iterations reproduced (\(Int(Date().timeIntervalSince(start))) s)") }
                        return true
                    }!
                    let seconds = Int(Date().timeIntervalSince(start))
                    if let difference = report.firstDifference {
                        lines.append("unit \(unit.point)/\(unit.replicate): iteration \(difference.iteration) of \(report.recorded) does not reproduce (\(difference.parts.joined(separator: ", ")) differ), after \(seconds) s")
                        failed = true
                    } else if report.replayed < report.recorded {
                        lines.append("unit \(unit.point)/\(unit.replicate): the run stops after \(report.replayed) iterations but \(report.recorded) were recorded")
                        failed = true
                    } else {
                        lines.append("unit \(unit.point)/\(unit.replicate): all \(report.recorded) iterations reproduce their recorded state (\(seconds) s)")
                    }
                }
                if failed { throw NotebookError.verificationFailed(id, details: lines) }
                return lines
            }
        }
        throw NotebookError.unknownElement(id)
    }
}
