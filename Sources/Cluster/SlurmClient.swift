import Foundation

/// Slurm's command-line tools, read through their machine formats: `sbatch --parsable` for job
/// ids, `squeue --json` and `sinfo --json` for states and nodes. No prose is scraped.
public struct SlurmClient: Sendable {
    let sbatch: CommandLineTool
    let squeue: CommandLineTool
    let sinfo: CommandLineTool
    let scancel: CommandLineTool

    /// A client of the Slurm cluster this machine's configuration names, finding the commands
    /// on `searchPath` (PATH's syntax; `nil` for this process's PATH).
    public init(searchPath: String? = nil) {
        sbatch = CommandLineTool(name: "sbatch", searchPath: searchPath)
        squeue = CommandLineTool(name: "squeue", searchPath: searchPath)
        sinfo = CommandLineTool(name: "sinfo", searchPath: searchPath)
        scancel = CommandLineTool(name: "scancel", searchPath: searchPath)
    }

    /// The state of one task of an array (or of a plain job), as squeue reports it.
    public struct TaskState: Sendable, Equatable {
        /// Slurm's job state: PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, PREEMPTED…
        public let state: String
        /// Why it is in that state (squeue's reason).
        public let reason: String

        /// Whether the task has stopped.
        public var isFinished: Bool { !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED", "RESIZING", "SIGNALING", "STAGE_OUT"].contains(state) }
    }

    /// Whether sbatch, squeue, sinfo and scancel are on PATH; throws naming the first missing one.
    public func requireTools() throws {
        for tool in [sbatch, squeue, sinfo, scancel] where !tool.isAvailable { throw ClusterError.missingTool(tool.name) }
    }

    /// The partitions and, for each, the most CPUs one of its nodes has.
    public func partitions() throws -> [String: Int] {
        let text = try sinfo.output(["--json"]) { ClusterError.slurm(command: "sinfo --json", message: $0) }
        guard let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], let nodes = root["nodes"] as? [[String: Any]] else {
            throw ClusterError.slurm(command: "sinfo --json", message: "no nodes in its output")
        }
        var partitions = [String: Int]()
        for node in nodes {
            let cpus = Self.integer(node["cpus"]) ?? 1
            for partition in node["partitions"] as? [String] ?? [] { partitions[partition] = max(partitions[partition] ?? 0, cpus) }
        }
        return partitions
    }

    /// Submits `script` with `options` (sbatch's own flags) and returns the job id.
    public func submit(script: String, options: [String]) throws -> String {
        let command = (["sbatch", "--parsable"] + options + [script]).joined(separator: " ")
        let text = try sbatch.output(["--parsable"] + options + [script]) { ClusterError.slurm(command: command, message: $0) }
        // --parsable prints "jobid" or "jobid;cluster".
        guard let id = text.split(separator: "\n").last?.split(separator: ";").first.map(String.init), !id.isEmpty, Int(id) != nil else {
            throw ClusterError.slurm(command: command, message: "unexpected output '\(text)'")
        }
        return id
    }

    /// The states of the tasks of the jobs `ids` that squeue still knows (finished ones stay
    /// for MinJobAge), by job id and array index (0 for a plain job).
    public func states(of ids: Set<String>) throws -> [String: [Int: TaskState]] {
        // Slurm 22.05 ignores the filters with --json and lists every job; later versions honour
        // them, which matters on a cluster with many users. The list is filtered here as well.
        let filtered = try squeue.run(["--json", "--states=all", "--jobs=" + ids.sorted().joined(separator: ",")])
        // A job purged from the controller makes a filtered query fail; then ask for all.
        let text = filtered.succeeded ? filtered.output : try squeue.output(["--json", "--states=all"]) {
            ClusterError.slurm(command: "squeue --json", message: $0)
        }
        guard let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], let jobs = root["jobs"] as? [[String: Any]] else {
            throw ClusterError.slurm(command: "squeue --json", message: "no jobs list in its output")
        }
        var states = [String: [Int: TaskState]]()
        for job in jobs {
            let arrayJob = Self.integer(job["array_job_id"]).flatMap { $0 == 0 ? nil : String($0) }
            let id = arrayJob ?? Self.integer(job["job_id"]).map(String.init) ?? ""
            guard ids.contains(id) else { continue }
            let state = TaskState(
                state: (job["job_state"] as? String) ?? (job["job_state"] as? [String])?.first ?? "UNKNOWN", reason: job["state_reason"] as? String ?? "")
            if arrayJob == nil {
                states[id, default: [:]][0] = state
            } else if let index = Self.integer(job["array_task_id"]) {
                states[id, default: [:]][index] = state
            } else {
                // The tasks of an array not yet started share one record, "6-182%4".
                for index in Self.indices(in: job["array_task_string"] as? String ?? "") { states[id, default: [:]][index] = state }
            }
        }
        return states
    }

    /// The indices of Slurm's array notation: "0-3,7,9-10%2" is 0, 1, 2, 3, 7, 9, 10.
    static func indices(in text: String) -> [Int] {
        let list = text.split(separator: "%").first.map(String.init) ?? ""
        return list.split(separator: ",").flatMap { part -> [Int] in
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] { return Array(bounds[0]...bounds[1]) }
            return bounds.count == 1 ? bounds : []
        }
    }

    /// Cancels the jobs `ids` (all their tasks); errors are ignored, as the jobs may be gone.
    public func cancel(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        _ = try? scancel.run(ids)
    }

    /// An integer from squeue's JSON, which writes some numbers as objects ({"number": 3}) in
    /// newer versions.
    static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let number = value as? NSNumber { return number.intValue }
        if let object = value as? [String: Any], object["set"] as? Bool != false { return integer(object["number"]) }
        return nil
    }
}
