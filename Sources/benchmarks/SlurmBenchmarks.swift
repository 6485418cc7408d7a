import ArgumentParser
import Cluster
import Foundation
import Notebook

/// A book of one experiment with `units` tiny units (a hundred uniform draws each), for
/// measuring what the Slurm executor costs beyond the work itself.
func tinyUnitBook(units: Int) -> Book {
    let experiment = Experiment("exp-tiny", parameters: Array(0..<units), replicates: 1) { _, generator in
        (0..<100).map { _ in generator.uniformUnit() }.reduce(0, +)
    }
    return Book(title: "Tiny units", subtitle: "", author: "", seed: 20_26, chapters: [
        Chapter("tiny", title: "Tiny units", uses: [.module("Randomness")]) { experiment },
    ])
}

/// The executor's overhead on a real Slurm cluster (see scripts/slurm-cluster.sh): tiny units
/// run locally, then through job arrays of several batch sizes.
struct SlurmOverhead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm-overhead", abstract: "Overhead of report --executor slurm per unit and per array, on the cluster SLURM_CONF names.")

    @Option(help: "Tiny units to run.")
    var units = 1_000

    @Option(parsing: .upToNextOption, help: "Units per array task to measure (one array each).")
    var unitsPerTask: [Int] = [1, 5, 1_000]

    @Option(help: "Folder every node sees for the run folders (default: a temporary folder).")
    var runFolder: String?

    func validate() throws {
        try requireAtLeast(1, [units], "--units")
        try requireAtLeast(1, unitsPerTask, "--units-per-task")
    }

    func run() throws {
        let book = tinyUnitBook(units: units)
        let requests = (0..<units).map { RemoteUnit(chapter: "tiny", experiment: "exp-tiny", point: $0, replicate: 0, key: "bench", isLong: false) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var local = [RemoteUnitResult]()
        let localSeconds = seconds { local = UnitWorker(book: book, workers: cores).compute(requests) }
        print(String(format: "local pool (%d threads): %d units in %.3f s", cores, units, localSeconds))
        let root = URL(fileURLWithPath: runFolder ?? FileManager.default.temporaryDirectory.appendingPathComponent("slurm-overhead-\(UUID().uuidString)").path)
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        for size in unitsPerTask {
            let executor = SlurmExecutor(settings: .init(
                unitsPerTask: size, runFolderRoot: root.appendingPathComponent("per-task-\(size)"), binary: binary, pollInterval: 0.5, seed: book.seed))
            var remote = [RemoteUnitResult]()
            let elapsed = try seconds { remote = try executor.execute(requests) { _ in } }
            let tasks = (units + size - 1) / size
            let same = Dictionary(uniqueKeysWithValues: remote.map { ($0.unit, $0.output) }) == Dictionary(uniqueKeysWithValues: local.map { ($0.unit, $0.output) })
            print(String(
                format: "slurm, %d unit(s) per task (%d tasks, one array): %.1f s; overhead %.1f s in all, %.1f ms per unit, %.0f ms per task; results %@",
                size, tasks, elapsed, elapsed - localSeconds, 1_000 * (elapsed - localSeconds) / Double(units), 1_000 * (elapsed - localSeconds) / Double(tasks),
                same ? "identical to the local pool's" : "DIFFER from the local pool's"))
        }
    }
}

/// What an array task of `slurm-overhead` runs (the tiny book's units of a run folder).
struct TinyRunUnits: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-units", abstract: "One array task of slurm-overhead (not for direct use).")

    @Option(name: .customLong("run"), help: "The run folder.")
    var folderPath: String

    @Option(help: "The task index.")
    var task: Int?

    @Option(help: "The probe token.")
    var probe: String?

    func run() throws {
        let folder = RunFolder(url: URL(fileURLWithPath: folderPath, isDirectory: true))
        if let probe { return try folder.writeProbe(probe) }
        let plan = try folder.readPlan()
        print(try folder.runTask(task ?? 0, book: tinyUnitBook(units: plan.tasks.joined().count), cpus: RunFolder.taskCPUs))
    }
}
