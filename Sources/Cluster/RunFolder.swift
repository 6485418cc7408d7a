import Foundation
import Notebook

/// The folder on the shared file system through which the driver and the cluster's tasks
/// exchange work: the plan (which units each task computes), one results file per task, the
/// tasks' logs and the batch script. A task writes its results file atomically, so a task
/// that runs twice (a requeue) leaves the same bytes, and a rerun of the driver skips every task
/// whose results are there: that is how a run resumes.
///
///     plan.json            seed and tasks: [[RemoteUnit]]
///     results/task-N.json  [RemoteUnitResult] of task N
///     logs/task-N.log      what task N printed (Slurm's --output)
///     task.sh              the batch script every array task runs
///     probe/               files written by the first tiny task, to show the nodes see this folder
public struct RunFolder: Sendable {
    /// The plan of a run.
    public struct Plan: Codable, Equatable, Sendable {
        /// The book's base seed the units' streams derive from.
        public var seed: UInt64
        /// The units of each task, by task index.
        public var tasks: [[RemoteUnit]]

        /// Creates a plan.
        public init(seed: UInt64, tasks: [[RemoteUnit]]) {
            self.seed = seed
            self.tasks = tasks
        }
    }

    /// The folder.
    public let url: URL

    /// The run folder at `url`.
    public init(url: URL) {
        self.url = url
    }

    var planURL: URL { url.appendingPathComponent("plan.json") }
    var scriptURL: URL { url.appendingPathComponent("task.sh") }
    var probeFolder: URL { url.appendingPathComponent("probe", isDirectory: true) }

    /// The results file of task `index`.
    public func resultsURL(task index: Int) -> URL {
        url.appendingPathComponent("results/task-\(index).json")
    }

    /// The log of task `index`.
    public func logURL(task index: Int) -> URL {
        url.appendingPathComponent("logs/task-\(index).log")
    }

    /// Creates the folder and writes `plan`; an existing plan must be the same (a resumed run).
    public func prepare(_ plan: Plan) throws {
        for folder in ["results", "logs", "probe"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(folder, isDirectory: true), withIntermediateDirectories: true)
        }
        if let existing = try? readPlan(), existing != plan {
            throw ClusterError.planMismatch(folder: url.path)
        }
        try Self.writeAtomically(try JSONEncoder.sorted.encode(plan), to: planURL)
    }

    /// The plan written by the driver.
    public func readPlan() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: planURL))
    }

    /// Writes the results of task `index`, atomically.
    public func writeResults(_ results: [RemoteUnitResult], task index: Int) throws {
        try Self.writeAtomically(try JSONEncoder.sorted.encode(results), to: resultsURL(task: index))
    }

    /// The results of task `index`, or `nil` when the task has not finished.
    public func results(task index: Int) -> [RemoteUnitResult]? {
        guard let data = try? Data(contentsOf: resultsURL(task: index)) else { return nil }
        return try? JSONDecoder().decode([RemoteUnitResult].self, from: data)
    }

    /// The last `lines` lines of task `index`'s log ("" when it has none).
    public func logTail(task index: Int, lines: Int = 15) -> String {
        guard let text = try? String(contentsOf: logURL(task: index), encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// Writes `data` to a temporary file beside `url` and renames it into place, so a reader
    /// never sees half a file.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ClusterError.cannotWrite(path: url.path, reason: reason)
        }
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal values give equal bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension RunFolder {
    /// Why a task cannot run.
    public struct TaskError: Error, CustomStringConvertible {
        /// The message.
        public let description: String
    }

    /// Computes task `index` of the plan with `book`'s experiments on `cpus` threads and writes
    /// its results: what every array task does (`report run-units`). Returns a line for its log.
    public func runTask(_ index: Int, book: Book, cpus: Int) throws -> String {
        let plan = try readPlan()
        guard plan.tasks.indices.contains(index) else {
            throw TaskError(description: "the plan in \(url.path) has \(plan.tasks.count) tasks; there is no task \(index)")
        }
        guard plan.seed == book.seed else {
            throw TaskError(description: "the plan was made with seed \(plan.seed) but this binary's book has \(book.seed); run the tasks with the binary that planned them")
        }
        let started = Date()
        let results = UnitWorker(book: book, workers: cpus).compute(plan.tasks[index])
        try writeResults(results, task: index)
        let failures = results.filter { $0.error != nil }
        return String(format: "run-units: task %d, %d units on %d CPUs in %.2f s, %d failed", index, results.count, cpus, Date().timeIntervalSince(started), failures.count)
            + failures.map { "\nunit \($0.unit.experiment) \($0.unit.point)/\($0.unit.replicate): \($0.error ?? "")" }.joined()
    }

    /// Writes the probe token (the first tiny task's proof that the nodes see the folder).
    public func writeProbe(_ token: String) throws {
        try Data(token.utf8).write(to: probeFolder.appendingPathComponent(token))
    }

    /// CPUs Slurm gave this task (SLURM_CPUS_PER_TASK), 1 outside Slurm.
    public static var taskCPUs: Int {
        ProcessInfo.processInfo.environment["SLURM_CPUS_PER_TASK"].flatMap(Int.init) ?? 1
    }
}
