import Foundation
import Randomness

/// One unit of work addressed so that any process holding the same book can compute it: the
/// experiment (by chapter and id), the parameter point and the replicate. Its random stream
/// follows from the address and the book's seed, so it gives the same bytes anywhere.
public struct RemoteUnit: Codable, Hashable, Sendable {
    /// The chapter id.
    public let chapter: String
    /// The experiment id.
    public let experiment: String
    /// The index of the parameter point.
    public let point: Int
    /// The replicate.
    public let replicate: Int
    /// The experiment's cache key, so results computed for other code are never taken.
    public let key: String
    /// Whether the unit is long (an `.expensive` experiment, such as AlphaZero training) and
    /// should have a whole machine to itself.
    public let isLong: Bool

    /// Creates a unit address.
    public init(chapter: String, experiment: String, point: Int, replicate: Int, key: String, isLong: Bool) {
        self.chapter = chapter
        self.experiment = experiment
        self.point = point
        self.replicate = replicate
        self.key = key
        self.isLong = isLong
    }
}

/// What computing one unit gave: its output as canonical JSON, or the error it threw.
public struct RemoteUnitResult: Codable, Hashable, Sendable {
    /// The unit.
    public let unit: RemoteUnit
    /// The output's canonical JSON, as text; `nil` when the unit threw.
    public let output: String?
    /// The error, when the unit threw.
    public let error: String?
    /// How long the unit took, in seconds.
    public let seconds: Double

    /// Creates a result.
    public init(unit: RemoteUnit, output: String?, error: String?, seconds: Double) {
        self.unit = unit
        self.output = output
        self.error = error
        self.seconds = seconds
    }
}

/// Computes units somewhere other than this process's worker pool (a Slurm job array, say).
/// An executor only takes unit addresses and returns bytes; assembling them into results files,
/// keys and the lock stays with the engine, so the output is the same bytes as a local run.
public protocol UnitExecutor: Sendable {
    /// Computes `units` and returns one result per unit, in any order; calls `finished` with
    /// each unit as its result arrives. Throws when the units cannot all be computed (after the
    /// executor's own retries), naming what failed.
    func execute(_ units: [RemoteUnit], finished: @escaping @Sendable (RemoteUnit) -> Void) throws -> [RemoteUnitResult]
}

/// Computes units of `book` in this process: what a remote task (`report run-units`) runs.
public struct UnitWorker: Sendable {
    /// The book whose experiments the units belong to.
    public let book: Book
    /// Threads for the task's units.
    public let pool: WorkerPool

    /// A worker for `book` using `workers` threads.
    public init(book: Book, workers: Int) {
        self.book = book
        pool = WorkerPool(workers: workers)
    }

    /// Why a unit cannot be computed here.
    public struct UnknownUnit: Error, CustomStringConvertible {
        let unit: RemoteUnit
        /// The message.
        public var description: String {
            "this binary's book has no unit \(unit.point)/\(unit.replicate) of experiment \(unit.experiment) in chapter \(unit.chapter); was the binary rebuilt after the run was planned?"
        }
    }

    /// Computes every unit, in parallel, each with its own random stream; a unit that throws
    /// gives a result with its error.
    public func compute(_ units: [RemoteUnit]) -> [RemoteUnitResult] {
        let seed = book.seed
        // Each experiment and its parameters' JSON, found and encoded once for all its units.
        var experiments = [String: (experiment: any AnyExperiment, parameters: Result<[String], any Error>)]()
        for chapter in book.chapters {
            for experiment in chapter.experiments where units.contains(where: { $0.chapter == chapter.id && $0.experiment == experiment.id.rawValue }) {
                experiments[chapter.id + "/" + experiment.id.rawValue] = (experiment, Result { try experiment.parameterJSON() })
            }
        }
        let found = experiments
        return pool.run(count: units.count) { index -> RemoteUnitResult in
            let unit = units[index]
            let start = DispatchTime.now().uptimeNanoseconds
            func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            do {
                guard let (experiment, encoded) = found[unit.chapter + "/" + unit.experiment],
                    unit.point < experiment.pointCount, unit.replicate < experiment.replicates
                else { throw UnknownUnit(unit: unit) }
                let parameters = try encoded.get()
                var generator = Xoshiro256StarStar(stream: ExperimentRunner.stream(
                    seed: seed, chapter: unit.chapter, experiment: experiment.id, parameterJSON: parameters[unit.point], replicate: unit.replicate))
                let output = try experiment.runUnit(point: unit.point, generator: &generator)
                let json = String(decoding: try experiment.unitJSON(output), as: UTF8.self)
                return RemoteUnitResult(unit: unit, output: json, error: nil, seconds: seconds())
            } catch {
                return RemoteUnitResult(unit: unit, output: nil, error: "\(error)", seconds: seconds())
            }
        }
    }
}
