/// The results of a run, as figures, tables and claims read them: `try results[maze]`.
public struct RunResults: Sendable {
    private let files: [ExperimentID: [UInt8]]

    /// Wraps experiments' encoded results, keyed by experiment id.
    public init(files: [ExperimentID: [UInt8]]) {
        self.files = files
    }

    /// The results of `experiment`, decoded with its types.
    public subscript<P, O>(experiment: Experiment<P, O>) -> ExperimentResults<P, O> {
        get throws {
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
