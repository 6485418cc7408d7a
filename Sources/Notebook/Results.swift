import Synchronization

/// The results of a run, as figures, tables and claims read them: `try results[maze]`.
public struct RunResults: Sendable {
    private let files: [ExperimentID: [UInt8]]
    private let reads: ReadLog?

    /// Wraps experiments' encoded results, keyed by experiment id.
    public init(files: [ExperimentID: [UInt8]]) {
        self.files = files
        self.reads = nil
    }

    /// Wraps results and records the id of every experiment read through it in `log`.
    init(files: [ExperimentID: [UInt8]], log: ReadLog) {
        self.files = files
        self.reads = log
    }

    /// The same results, recording every experiment read through them in `log`.
    func logging(into log: ReadLog) -> RunResults {
        RunResults(files: files, log: log)
    }

    /// The results of `experiment`, decoded with its types.
    public subscript<P, O>(experiment: Experiment<P, O>) -> ExperimentResults<P, O> {
        get throws {
            reads?.record(experiment.id)
            guard let bytes = files[experiment.id] else {
                throw NotebookError.missingResults(experiment.id.rawValue)
            }
            do {
                return try CanonicalJSON.decode(ExperimentResults<P, O>.self, from: bytes)
            } catch {
                throw NotebookError.corruptResults(experiment.id.rawValue, "\(error)")
            }
        }
    }
}

/// The experiments a claim (or figure, or table) read: how `report reseed` learns which
/// experiments a claim depends on without the author listing them.
final class ReadLog: Sendable {
    private let ids = Mutex(Set<ExperimentID>())

    func record(_ id: ExperimentID) { ids.withLock { _ = $0.insert(id) } }

    /// The ids read so far.
    var read: Set<ExperimentID> { ids.withLock { $0 } }
}
