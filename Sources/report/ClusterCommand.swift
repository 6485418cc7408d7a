import ArgumentParser
import Chapters
import Cluster
import Foundation
import Notebook

/// Where experiment units run.
enum ExecutorKind: String, ExpressibleByArgument, CaseIterable {
    /// This machine's cores.
    case local
    /// Job arrays on the Slurm cluster this machine submits to.
    case slurm
}

/// Options choosing and configuring the executor of `report` and `report check`.
struct ExecutorOptions: ParsableArguments {
    @Option(name: .long, help: "Where experiment units run: local (this machine) or slurm (job arrays on the cluster; see README, Running on a cluster).")
    var executor: ExecutorKind = .local

    @Option(name: .long, help: "Slurm partition for the tasks (default: the cluster's default).")
    var partition: String?

    @Option(name: .long, help: "Slurm time limit per task, such as 1:00:00.")
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per ordinary task; long units (AlphaZero training) get a whole node.")
    var cpusPerTask = 1

    @Option(name: .long, help: "The most array tasks running at once (sbatch --array=…%K).")
    var maxParallel: Int?

    @Option(name: .long, help: "How often a failed or pre-empted task is resubmitted before the run stops.")
    var retries = 2

    @Option(name: .long, help: "Units per array task (default: batched into at most 200 tasks).")
    var unitsPerTask: Int?

    @Option(name: .long, help: "Folder on a file system every node sees, for run folders (default: .rlnotes-runs/ in the package).")
    var runFolder: String?

    func validate() throws {
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
        if let maxParallel, maxParallel < 1 { throw ValidationError("--max-parallel must be at least 1") }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
        if let unitsPerTask, unitsPerTask < 1 { throw ValidationError("--units-per-task must be at least 1") }
        if executor == .local, partition != nil || time != nil || maxParallel != nil || runFolder != nil || unitsPerTask != nil {
            throw ValidationError("--partition, --time, --max-parallel, --units-per-task and --run-folder need --executor slurm")
        }
    }

    /// The executor these options ask for (`nil` for the local pool).
    func makeExecutor(packageRoot: URL?) -> (any UnitExecutor)? {
        guard executor == .slurm else { return nil }
        let root = runFolder.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? (packageRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(".rlnotes-runs", isDirectory: true)
        return SlurmExecutor(settings: .init(
            partition: partition, time: time, cpusPerTask: cpusPerTask, maxParallel: maxParallel, retries: retries, unitsPerTask: unitsPerTask,
            runFolderRoot: root.standardizedFileURL, binary: Self.binaryPath, seed: RLNotesBook.book.seed,
            note: { printError($0) }))
    }

    /// This executable's absolute path, which every task runs.
    static var binaryPath: String {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if link != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: link) { return link }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

extension ReportCommand {
    /// What one array task runs: its units of a run folder's plan.
    struct RunUnits: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-units", abstract: "Compute one task of a cluster run folder (what each Slurm array task runs; not for direct use).")

        @Option(name: .customLong("run"), help: "The run folder.")
        var folderPath: String

        @Option(name: .long, help: "The task index (Slurm's array index).")
        var task: Int?

        @Option(name: .long, help: "Only write this token into the folder's probe/ (the first tiny task).")
        var probe: String?

        func validate() throws {
            guard (task == nil) != (probe == nil) else { throw ValidationError("give exactly one of --task and --probe") }
        }

        func run() throws {
            let folder = RunFolder(url: URL(fileURLWithPath: folderPath, isDirectory: true))
            do {
                if let probe { return try folder.writeProbe(probe) }
                print(try folder.runTask(task ?? 0, book: RLNotesBook.book, cpus: RunFolder.taskCPUs))
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}
