import Foundation
import Testing
import Notebook

/// A one-node Slurm cluster on this machine, started by the project's script.
enum LocalSlurm {
    /// SLURM_CONF of the running cluster, or why there is none.
    static let configuration: Result<String, SkipReason> = {
        guard getuid() == 0 else { return .failure(SkipReason("the one-node cluster needs root")) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/slurmctld"), FileManager.default.isExecutableFile(atPath: "/usr/sbin/munged") else {
            return .failure(SkipReason("Debian's slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)"))
        }
        // The script starts daemons; run it through the shell and wait for the shell itself
        // (system waits with waitpid), its output in a file, so no pipe or process monitor
        // of this test process can be held up by the daemons it leaves running.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-cluster-\(getpid()).log")
        let script = ReportProcess.packageRoot.appendingPathComponent("scripts/slurm-cluster.sh").path
        let status = system("bash '\(script)' start > '\(log.path)' 2>&1")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("export SLURM_CONF=") }) else {
            return .failure(SkipReason("scripts/slurm-cluster.sh start failed: \(text)"))
        }
        return .success(String(line.dropFirst("export SLURM_CONF=".count)))
    }()

    struct SkipReason: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static var isReady: Bool {
        if case .failure(let reason) = configuration {
            print("Slurm tests skipped: \(reason)")
            return false
        }
        return true
    }

    static var environment: [String: String] { (try? configuration.get()).map { ["SLURM_CONF": $0] } ?? [:] }

    /// The ids of this project's job arrays squeue knows (any state), by name prefix.
    static func arrayJobs() throws -> Set<Int> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/squeue")
        process.arguments = ["--json", "--states=all"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let jobs = root?["jobs"] as? [[String: Any]] ?? []
        return Set(jobs.compactMap { job -> Int? in
            guard let name = job["name"] as? String, name.hasPrefix("rlnotes-"), name != "rlnotes-probe" else { return nil }
            return (job["array_job_id"] as? Int).flatMap { $0 == 0 ? nil : $0 } ?? job["job_id"] as? Int
        })
    }
}

/// Every file under `folder`, by relative path, as a run's output is compared: the lock's wall
/// times (how long each experiment took here) left out, and the folder's own lock file (which
/// holds the writing process's id) skipped.
private func files(in folder: URL) throws -> [String: Data] {
    var result = [String: Data]()
    let base = folder.standardizedFileURL.path
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true, url.lastPathComponent != ".report.lock" else { continue }
        // The site's one run-dependent file: where and how long each experiment ran.
        if url.path.hasSuffix("/" + SiteWriter.runDependentFile) { continue }
        var data = try Data(contentsOf: url)
        if url.lastPathComponent == "report.lock.json" {
            func withoutTimes(_ value: Any) -> Any {
                if let object = value as? [String: Any] { return object.filter { $0.key != "seconds" }.mapValues(withoutTimes) }
                if let array = value as? [Any] { return array.map(withoutTimes) }
                return value
            }
            data = try JSONSerialization.data(withJSONObject: withoutTimes(try JSONSerialization.jsonObject(with: data)), options: [.sortedKeys])
        }
        result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = data
    }
    return result
}

private func scratch(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(name)-\(UUID().uuidString)")
}

@Suite("report on a real one-node Slurm cluster", .serialized, .enabled(if: LocalSlurm.isReady, "needs root and Debian's slurm-wlm and munge; see the printed reason"))
struct SlurmTests {
    /// The local run every Slurm run must reproduce byte for byte (the dyna chapter, recomputed).
    static let localOutput: Result<URL, any Error> = Result {
        let output = scratch("local")
        let result = try ReportProcess.run(["--chapter", "dyna", "--force", "--output", output.path])
        guard result.status == 0 else { throw LocalSlurm.SkipReason("the local run failed: \(result.error)") }
        return output
    }

    private func slurmRun(output: URL, runFolder: URL, extra: [String] = []) throws -> (status: Int32, output: String, error: String) {
        try ReportProcess.run(
            ["--chapter", "dyna", "--force", "--executor", "slurm", "--units-per-task", "100", "--output", output.path, "--run-folder", runFolder.path] + extra,
            environment: LocalSlurm.environment)
    }

    @Test("a chapter run through Slurm writes the same bytes as the local run; a rerun with nothing stale submits nothing; a half-done run resumes; a task that keeps failing stops the run with its state and log")
    func sameBytesAndResume() throws {
        let local = try Self.localOutput.get()
        let output = scratch("slurm")
        let runs = scratch("runs")
        let first = try slurmRun(output: output, runFolder: runs)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.contains("slurm: 8 of 8 tasks to run"), "\(first.error)")
        #expect(try files(in: output) == files(in: local), "the Slurm run's output/ differs from the local run's")

        // Nothing stale: the engine plans no unit, so nothing is submitted.
        let before = try LocalSlurm.arrayJobs()
        let cached = try ReportProcess.run(["--chapter", "dyna", "--executor", "slurm", "--output", output.path, "--run-folder", runs.path], environment: LocalSlurm.environment)
        #expect(cached.status == 0 && cached.error.contains("0 experiments ran") && !cached.error.contains("slurm:"), "\(cached.error)")
        #expect(try LocalSlurm.arrayJobs() == before)

        // A run that stopped after some tasks: only the missing ones are submitted again.
        let folder = try #require(try FileManager.default.contentsOfDirectory(at: runs, includingPropertiesForKeys: nil).first)
        for task in [1, 4, 6] { try FileManager.default.removeItem(at: folder.appendingPathComponent("results/task-\(task).json")) }
        let resumed = try slurmRun(output: output, runFolder: runs)
        #expect(resumed.status == 0 && resumed.error.contains("slurm: 3 of 8 tasks to run"), "\(resumed.error)")
        #expect(try files(in: output) == files(in: local))

        // A task that cannot deliver (its results file is blocked by a folder of that name)
        // fails on every attempt: the run stops naming the task, its Slurm state and its log.
        let blocked = folder.appendingPathComponent("results/task-2.json")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let failing = try slurmRun(output: output, runFolder: runs, extra: ["--retries", "1"])
        #expect(failing.status == 1)
        #expect(failing.error.contains("slurm: resubmitting task 2 (FAILED"), "\(failing.error)")
        #expect(failing.error.contains("array task 2 (100 units of"), "\(failing.error)")
        #expect(failing.error.contains("failed 2 times, last with Slurm state FAILED"), "\(failing.error)")
        #expect(failing.error.contains("cannot write"), "the end of the task's log: \(failing.error)")
        try FileManager.default.removeItem(at: blocked)
    }

    @Test("a task cancelled mid-run (scancel of one array index) is resubmitted, and the output is still the same bytes")
    func cancelledTaskIsResubmitted() throws {
        let local = try Self.localOutput.get()
        let output = scratch("cancel")
        let runs = scratch("cancel-runs")
        let before = try LocalSlurm.arrayJobs()
        // The driver runs in the background (a plain process, no Swift concurrency, so a busy
        // test machine cannot delay this test's polling); its messages go to a file.
        let log = scratch("cancel-log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let driver = Process()
        driver.executableURL = ReportProcess.executable
        driver.arguments = [
            "--chapter", "dyna", "--force", "--executor", "slurm", "--units-per-task", "100", "--max-parallel", "1",
            "--output", output.path, "--run-folder", runs.path,
        ]
        driver.currentDirectoryURL = ReportProcess.packageRoot
        driver.environment = ProcessInfo.processInfo.environment.merging(LocalSlurm.environment.merging(["CI": "true"]) { _, new in new }) { _, new in new }
        let handle = try FileHandle(forWritingTo: log)
        driver.standardOutput = handle
        driver.standardError = handle
        try driver.run()
        // One task at a time: the array's last task is still waiting when it is cancelled.
        var array: Int?
        for _ in 0..<600 where array == nil && driver.isRunning {
            array = try LocalSlurm.arrayJobs().subtracting(before).first
            if array == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let id = try #require(array, "no job array appeared")
        let cancel = Process()
        cancel.executableURL = URL(fileURLWithPath: "/usr/bin/scancel")
        cancel.arguments = ["\(id)_7"]
        cancel.environment = ProcessInfo.processInfo.environment.merging(LocalSlurm.environment) { _, new in new }
        try cancel.run()
        cancel.waitUntilExit()
        driver.waitUntilExit()
        try handle.close()
        let messages = try String(contentsOf: log, encoding: .utf8)
        #expect(driver.terminationStatus == 0, "\(messages)")
        #expect(messages.contains("slurm: resubmitting task 7 (CANCELLED"), "\(messages)")
        #expect(try files(in: output) == files(in: local))
    }

    @Test("a partition that does not exist is an error naming the partitions there are, before anything is submitted")
    func unknownPartition() throws {
        let result = try slurmRun(output: scratch("partition"), runFolder: scratch("partition-runs"), extra: ["--partition", "no-such-partition"])
        #expect(result.status == 1)
        #expect(result.error.contains("Slurm has no partition 'no-such-partition'; partitions here: debug"), "\(result.error)")
    }
}
