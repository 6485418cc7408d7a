extension ReportEngine {
    /// Each experiment's code, file and provenance for the writers, by id: `parts` holds the keys
    /// of this run, `fresh` the wall times of what ran now, `lock` the records of what was reused.
    /// An experiment whose code cannot be read is shown without it (its key has already been
    /// computed from the same file, so this only happens if the file vanished mid-run).
    func experimentDetails(parts: [String: KeyParts], fresh: [String: Double], lock: Lock, sources: SourceKeys) -> [String: ResolvedExperiment] {
        var details = [String: ResolvedExperiment]()
        for chapter in book.chapters {
            for experiment in chapter.experiments {
                let id = experiment.id.rawValue
                let shown = try? sources.displayDeclaration(at: experiment.location, callee: "Experiment", experiment: id)
                let provenance = parts[id].flatMap { part -> ExperimentProvenance? in
                    guard let seconds = fresh[id] ?? lock.experiments[id]?.seconds else { return nil }
                    return ExperimentProvenance(
                        shortKey: String(part.key.prefix(12)), seed: book.seed, points: experiment.pointCount, replicates: experiment.replicates,
                        seconds: seconds, ranNow: fresh[id] != nil, cost: experiment.cost, replayable: experiment.isReplayable)
                }
                details[id] = ResolvedExperiment(
                    id: id, summary: "", code: shown?.code ?? [], file: shown?.path ?? "", line: experiment.location.line, provenance: provenance)
            }
        }
        return details
    }
}
