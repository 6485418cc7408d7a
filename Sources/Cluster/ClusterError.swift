/// What went wrong running units on a cluster, said so that the user can act on it.
public enum ClusterError: Error, CustomStringConvertible, Equatable {
    /// A Slurm command is not installed here.
    case missingTool(String)
    /// The partition asked for does not exist.
    case unknownPartition(String, known: [String])
    /// A Slurm command failed.
    case slurm(command: String, message: String)
    /// The first tiny task could not see the binary or the run folder.
    case notShared(binary: String, folder: String, state: String, log: String)
    /// A task failed more often than allowed.
    case taskFailed(task: Int, attempts: Int, state: String, log: String, units: String)
    /// The run folder holds a plan for other work.
    case planMismatch(folder: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The user interrupted the run; the array was cancelled.
    case interrupted(folder: String)

    /// The message.
    public var description: String {
        switch self {
        case .missingTool(let tool):
            "\(tool) is not on PATH: run `report --executor slurm` on a machine with Slurm's client commands (a cluster's login node), or leave --executor out to run here"
        case .unknownPartition(let partition, let known):
            "Slurm has no partition '\(partition)'; partitions here: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .slurm(let command, let message):
            "\(command) failed: \(message)"
        case .notShared(let binary, let folder, let state, let log):
            "a first tiny task (state \(state)) could not run \(binary) or write to \(folder): put the report binary and the run folder (--run-folder) on a file system every node mounts, at the same path\(log.isEmpty ? "" : "; its log ends:\n\(log)")"
        case .taskFailed(let task, let attempts, let state, let log, let units):
            "array task \(task) (\(units)) failed \(attempts) time\(attempts == 1 ? "" : "s"), last with Slurm state \(state)\(log.isEmpty ? "" : "; its log ends:\n\(log)")"
        case .planMismatch(let folder):
            "\(folder) holds the plan of another run; remove it or choose another --run-folder"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .interrupted(let folder):
            "interrupted: the job array was cancelled; rerun the same command to resume (finished tasks in \(folder) are kept)"
        }
    }
}
