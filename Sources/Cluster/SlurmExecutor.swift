import Foundation
import Notebook

/// Runs experiment units as Slurm job arrays: it writes the plan to a run folder on the shared
/// file system, submits one array for the ordinary units (batched into tasks) and one for the
/// long ones (a whole node's cores each), follows them with `squeue --json`, resubmits tasks that
/// failed or were pre-empted, and returns the units' results from the folder. Every task runs
/// `report run-units` with this same binary. A rerun with the same plan resumes: tasks whose
/// results are in the folder are not submitted again.
public struct SlurmExecutor: UnitExecutor {
    /// How to use the cluster.
    public struct Settings: Sendable {
        /// The partition (`nil`: the cluster's default).
        public var partition: String?
        /// The time limit per task, in Slurm's format ("1:00:00").
        public var time: String?
        /// CPUs per ordinary task.
        public var cpusPerTask: Int
        /// The most tasks running at once (`%K` of the array), `nil` for no limit.
        public var maxParallel: Int?
        /// How often a failed task is resubmitted before the run gives up.
        public var retries: Int
        /// Units per ordinary task; `nil` batches them into at most 200 tasks.
        public var unitsPerTask: Int?
        /// Where run folders are made (a folder every node sees).
        public var runFolderRoot: URL
        /// The report binary the tasks run (on a path every node sees).
        public var binary: String
        /// Seconds between two looks at the queue.
        public var pollInterval: Double
        /// The book's base seed (part of the plan).
        public var seed: UInt64
        /// Whether the user asked to stop (Ctrl-C); the arrays are then cancelled.
        public var isInterrupted: @Sendable () -> Bool
        /// Where progress notes go.
        public var note: @Sendable (String) -> Void
        /// Where Slurm's commands are looked up (PATH's syntax); `nil` for this process's PATH.
        public var toolPath: String?

        /// Creates settings.
        public init(
            partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1, maxParallel: Int? = nil, retries: Int = 2, unitsPerTask: Int? = nil,
            runFolderRoot: URL, binary: String, pollInterval: Double = 1, seed: UInt64,
            isInterrupted: @escaping @Sendable () -> Bool = { false }, note: @escaping @Sendable (String) -> Void = { _ in }, toolPath: String? = nil
        ) {
            self.toolPath = toolPath
            self.partition = partition
            self.time = time
            self.cpusPerTask = cpusPerTask
            self.maxParallel = maxParallel
            self.retries = retries
            self.unitsPerTask = unitsPerTask
            self.runFolderRoot = runFolderRoot
            self.binary = binary
            self.pollInterval = pollInterval
            self.seed = seed
            self.isInterrupted = isInterrupted
            self.note = note
        }
    }

    /// The settings.
    public let settings: Settings
    let slurm: SlurmClient

    /// An executor with `settings`.
    public init(settings: Settings) {
        self.settings = settings
        slurm = SlurmClient(searchPath: settings.toolPath)
    }

    /// The tasks for `units`: the ordinary units in batches, then each long unit alone.
    public static func tasks(for units: [RemoteUnit], unitsPerTask: Int?) -> (ordinary: [[RemoteUnit]], long: [[RemoteUnit]]) {
        let ordinary = units.filter { !$0.isLong }
        let size = max(1, unitsPerTask ?? (ordinary.count + 199) / 200)
        let batches = stride(from: 0, to: ordinary.count, by: size).map { Array(ordinary[$0..<min(ordinary.count, $0 + size)]) }
        return (batches, units.filter(\.isLong).map { [$0] })
    }

    public func execute(_ units: [RemoteUnit], finished: @escaping @Sendable (RemoteUnit) -> Void) throws -> [RemoteUnitResult] {
        try slurm.requireTools()
        let partitions = try slurm.partitions()
        if let partition = settings.partition, partitions[partition] == nil {
            throw ClusterError.unknownPartition(partition, known: partitions.keys.sorted())
        }
        let (ordinary, long) = Self.tasks(for: units, unitsPerTask: settings.unitsPerTask)
        let plan = RunFolder.Plan(seed: settings.seed, tasks: ordinary + long)
        let folder = RunFolder(url: settings.runFolderRoot.appendingPathComponent(String(try Digest.sha256(json: plan).prefix(16)), isDirectory: true))
        try folder.prepare(plan)
        try writeScript(folder)

        // Each task's results are read (and decoded) once, when they are first seen.
        var delivered = [Int: [RemoteUnitResult]]()
        func collect(_ index: Int) -> Bool {
            if delivered[index] != nil { return true }
            delivered[index] = folder.results(task: index)
            return delivered[index] != nil
        }
        var pending = Set(plan.tasks.indices.filter { !collect($0) })
        var reported = Set<Int>()
        func reportFinished() {
            for index in plan.tasks.indices where !reported.contains(index) && !pending.contains(index) {
                reported.insert(index)
                plan.tasks[index].forEach(finished)
            }
        }
        reportFinished()
        if !pending.isEmpty {
            settings.note("slurm: \(pending.count) of \(plan.tasks.count) tasks to run (\(units.count) units) in \(folder.url.path)")
            try probe(folder)
            let longCPUs = partitions[settings.partition ?? ""] ?? partitions.values.max() ?? 1
            var attempts = [Int: Int]()
            var jobs = [String: Set<Int>]()
            func submit(_ indices: Set<Int>) throws {
                let ordinaryIndices = indices.filter { $0 < ordinary.count }.sorted()
                let longIndices = indices.filter { $0 >= ordinary.count }.sorted()
                if !ordinaryIndices.isEmpty {
                    let id = try slurm.submit(script: folder.scriptURL.path, options: options(folder, indices: ordinaryIndices, cpus: settings.cpusPerTask))
                    ActiveArrays.add(id)
                    jobs[id] = Set(ordinaryIndices)
                }
                if !longIndices.isEmpty {
                    // A long unit gets a whole node: all its cores for the unit's own threads.
                    let id = try slurm.submit(script: folder.scriptURL.path, options: options(folder, indices: longIndices, cpus: longCPUs) + ["--exclusive"])
                    ActiveArrays.add(id)
                    jobs[id] = Set(longIndices)
                }
                for index in indices { attempts[index, default: 0] += 1 }
            }
            try submit(pending)
            do {
                while !pending.isEmpty {
                    if settings.isInterrupted() { throw ClusterError.interrupted(folder: folder.url.path) }
                    Thread.sleep(forTimeInterval: settings.pollInterval)
                    pending = pending.filter { !collect($0) }
                    reportFinished()
                    if pending.isEmpty { break }
                    // Arrays whose tasks have all delivered need no more watching.
                    for (id, indices) in jobs where indices.isDisjoint(with: pending) {
                        jobs[id] = nil
                        ActiveArrays.remove([id])
                    }
                    let states = try slurm.states(of: Set(jobs.keys))
                    var failed = [Int: String]()
                    for (id, indices) in jobs {
                        let known = states[id]
                        for index in indices where pending.contains(index) {
                            if let state = known?[index] {
                                if state.isFinished { failed[index] = state.state + (state.reason.isEmpty || state.reason == "None" ? "" : " (\(state.reason))") }
                            } else {
                                // Neither a record of its own nor in a waiting range: the task left the
                                // queue (a waiting task cancelled, or purged) without writing results.
                                failed[index] = known == nil ? "gone from the queue" : "CANCELLED or removed while waiting"
                            }
                        }
                    }
                    // A task may finish between reading the folder and the queue.
                    failed = failed.filter { !collect($0.key) }
                    guard !failed.isEmpty else { continue }
                    for (index, state) in failed.sorted(by: { $0.key < $1.key }) where attempts[index, default: 0] > settings.retries {
                        let names = Set(plan.tasks[index].map(\.experiment)).sorted().joined(separator: ", ")
                        throw ClusterError.taskFailed(
                            task: index, attempts: attempts[index, default: 0], state: state, log: folder.logTail(task: index),
                            units: "\(plan.tasks[index].count) unit\(plan.tasks[index].count == 1 ? "" : "s") of \(names)")
                    }
                    for (id, indices) in jobs { jobs[id] = indices.subtracting(failed.keys) }
                    jobs = jobs.filter { !$0.value.isEmpty }
                    settings.note("slurm: resubmitting task\(failed.count == 1 ? "" : "s") \(failed.keys.sorted().map(String.init).joined(separator: ", ")) (\(Set(failed.values).sorted().joined(separator: ", ")))")
                    try submit(Set(failed.keys))
                }
                ActiveArrays.remove(jobs.keys)
            } catch {
                slurm.cancel(Array(jobs.keys))
                ActiveArrays.remove(jobs.keys)
                throw error
            }
        }
        var results = [RemoteUnitResult]()
        for index in plan.tasks.indices {
            guard let taskResults = delivered[index] else { throw ClusterError.taskFailed(task: index, attempts: 0, state: "no results", log: folder.logTail(task: index), units: "") }
            results += taskResults
        }
        return results
    }

    /// sbatch's flags for the tasks `indices` of the run in `folder`.
    func options(_ folder: RunFolder, indices: [Int], cpus: Int) -> [String] {
        var options = [
            "--array=" + Self.ranges(indices) + (settings.maxParallel.map { "%\($0)" } ?? ""),
            "--job-name=rlnotes-\(folder.url.lastPathComponent.prefix(8))",
            "--output=\(folder.url.path)/logs/task-%a.log",
            "--cpus-per-task=\(cpus)",
            "--chdir=\(folder.url.path)",
        ]
        if let partition = settings.partition { options.append("--partition=\(partition)") }
        if let time = settings.time { options.append("--time=\(time)") }
        return options
    }

    /// Array indices in sbatch's compact form: "0-99,120,130-131".
    static func ranges(_ indices: [Int]) -> String {
        var parts = [String]()
        var start: Int?
        var last = -2
        for index in indices.sorted() {
            if index == last + 1 { last = index; continue }
            if let s = start { parts.append(s == last ? "\(s)" : "\(s)-\(last)") }
            start = index
            last = index
        }
        if let s = start { parts.append(s == last ? "\(s)" : "\(s)-\(last)") }
        return parts.joined(separator: ",")
    }

    /// The batch script every task runs: this binary, computing its task of the plan.
    func writeScript(_ folder: RunFolder) throws {
        let script = """
            #!/bin/sh
            # Written by report --executor slurm: computes array task $SLURM_ARRAY_TASK_ID of \(folder.url.path)/plan.json.
            exec '\(settings.binary)' run-units --run '\(folder.url.path)' --task "$SLURM_ARRAY_TASK_ID"

            """
        try RunFolder.writeAtomically(Data(script.utf8), to: folder.scriptURL)
        chmod(folder.scriptURL.path, 0o755)
    }

    /// Runs one tiny task that writes a file into the run folder with the same binary, so a
    /// binary or folder the nodes cannot see is reported before the real work is queued.
    func probe(_ folder: RunFolder) throws {
        let token = UUID().uuidString
        let script = folder.url.appendingPathComponent("probe.sh")
        try RunFolder.writeAtomically(Data("#!/bin/sh\nexec '\(settings.binary)' run-units --run '\(folder.url.path)' --probe \(token)\n".utf8), to: script)
        chmod(script.path, 0o755)
        var options = ["--job-name=rlnotes-probe", "--output=\(folder.url.path)/logs/probe.log", "--chdir=/", "--cpus-per-task=1"]
        if let partition = settings.partition { options.append("--partition=\(partition)") }
        if let time = settings.time { options.append("--time=\(time)") }
        let id = try slurm.submit(script: script.path, options: options)
        ActiveArrays.add(id)
        defer { ActiveArrays.remove([id]) }
        let marker = folder.probeFolder.appendingPathComponent(token)
        while true {
            if FileManager.default.fileExists(atPath: marker.path) { return }
            if settings.isInterrupted() {
                slurm.cancel([id])
                throw ClusterError.interrupted(folder: folder.url.path)
            }
            let state = try slurm.states(of: [id])[id]?[0]
            if state == nil || state!.isFinished {
                // Give a shared file system a moment to show the file.
                Thread.sleep(forTimeInterval: 1)
                if FileManager.default.fileExists(atPath: marker.path) { return }
                let log = (try? String(contentsOf: folder.url.appendingPathComponent("logs/probe.log"), encoding: .utf8)) ?? ""
                throw ClusterError.notShared(binary: settings.binary, folder: folder.url.path, state: state?.state ?? "gone from the queue", log: log)
            }
            Thread.sleep(forTimeInterval: settings.pollInterval / 2)
        }
    }
}
