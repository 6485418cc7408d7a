import ArgumentParser
import Chapters
import Foundation
import Notebook
import Render

/// `report`: regenerate, check and explain the RL Notes book.
@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Runs the RL Notes chapters and writes the report (Markdown and PDF) into output/.",
        subcommands: [Run.self, List.self, Check.self, Reseed.self, Explain.self, Verify.self, PreviewSite.self, GameCommand.self, RunUnits.self],
        defaultSubcommand: Run.self
    )
}

/// Options shared by the subcommands that touch the output folder.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The output folder (default: output/ of the package the working directory is in).")
    var output: String?

    @Option(name: .long, help: "The package whose sources key the experiments (default: the one the working directory is in).")
    var packagePath: String?

    /// The package root: `--package-path`, else the package the working directory is in.
    var packageRoot: URL? {
        packagePath.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? PackageLocation.root
    }

    func validate() throws {
        if let packagePath, !FileManager.default.fileExists(atPath: URL(fileURLWithPath: packagePath).appendingPathComponent("Package.swift").path) {
            throw ValidationError("--package-path \(packagePath) holds no Package.swift")
        }
        if let output {
            guard !output.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--output needs a folder; leave the option out to use the package's output/")
            }
        } else if packageRoot == nil {
            throw ValidationError("no RL Notes package (a folder with Package.swift and chapters/) contains \(FileManager.default.currentDirectoryPath); run report inside the package, or give --output")
        }
    }

    /// The folder: `--output` as given, else the package's `output/`, wherever in the package
    /// the command runs.
    var url: URL {
        if let output { return URL(fileURLWithPath: output, isDirectory: true) }
        return (packageRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent("output", isDirectory: true)
    }

    /// Where else intact results may be found by key: the package's `output/`, when `--output`
    /// names another folder, so a fresh folder does not recompute what the package has.
    var fallbackCaches: [URL] {
        guard output != nil, let root = packageRoot else { return [] }
        let packageOutput = root.appendingPathComponent("output", isDirectory: true)
        return packageOutput.standardizedFileURL.path == url.standardizedFileURL.path ? [] : [packageOutput]
    }

    /// How to name the folder in messages.
    var name: String { output ?? "output" }
}

/// The package the working directory is in, found as SwiftPM finds it: the nearest enclosing
/// folder with a Package.swift (here also a chapters/ folder).
enum PackageLocation {
    static let root: URL? = {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        while true {
            let manifest = folder.appendingPathComponent("Package.swift").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: manifest),
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("chapters").path, isDirectory: &isFolder), isFolder.boolValue {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }()
}

/// Options for running experiments.
struct RunnerOptions: ParsableArguments {
    @Option(name: .long, help: "How many experiment units to run at once (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

/// The engine for the book, with progress suited to where the output goes.
func makeEngine(packageRoot: URL? = PackageLocation.root) -> ReportEngine {
    let interactive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    let progress: any ProgressReporter = interactive ? TerminalProgress() : LineProgress()
    // Sources are keyed from the working copy the command runs in, as SwiftPM would find it.
    return ReportEngine(book: RLNotesBook.book, renderer: CairoRenderer(), progress: progress, packageRoot: packageRoot)
}

/// Stops before any experiment runs when the report's fonts are missing: figures and the PDF
/// could not be drawn, and drawing them in another font would change every byte.
func requireFonts() throws {
    if case .failure(let error) = FontFiles.located {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

/// Prints `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension ReportCommand {
    /// Regenerates the report (the default subcommand).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the chapters (cached where nothing changed) and write output/.")

        @Option(name: .long, help: "Rerun only this chapter (repeatable); the others reuse their current results.")
        var chapter: [String] = []

        @Flag(name: .long, help: "Rerun the selected experiments even when their cached results are up to date.")
        var force = false

        @OptionGroup var runner: RunnerOptions
        @OptionGroup var executorOptions: ExecutorOptions
        @OptionGroup var outputOptions: OutputOptions

        func validate() throws {
            let valid = RLNotesBook.book.chapters.map(\.id)
            for id in chapter where !valid.contains(id) {
                throw ValidationError("unknown chapter '\(id)'; valid chapter ids: \(valid.joined(separator: ", "))")
            }
        }

        func run() throws {
            try requireFonts()
            let cleanup = TerminationCleanup(output: outputOptions.url)
            defer { withExtendedLifetime(cleanup) {} }
            let engine = makeEngine(packageRoot: outputOptions.packageRoot)
            let start = Date()
            let summary: RunSummary
            do {
                summary = try engine.run(RunOptions(
                    output: outputOptions.url, chapters: chapter.isEmpty ? nil : chapter, force: force, jobs: runner.jobs, fallbackCaches: outputOptions.fallbackCaches,
                    executor: executorOptions.makeExecutor(packageRoot: outputOptions.packageRoot)))
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            let total = Date().timeIntervalSince(start)
            printError(String(
                format: "report: %d experiments ran, %d cached, %d figures drawn; experiments %.2fs, writing %.2fs (the web edition %.2fs), total %.2fs",
                summary.ran.count, summary.cached.count, summary.rendered.count, summary.experimentSeconds, summary.writeSeconds, summary.siteSeconds, total))
            for claim in summary.failedClaims { printError("claim failed: \(claim)") }
            if !summary.failedChapters.isEmpty || !summary.failedClaims.isEmpty { throw ExitCode.failure }
        }
    }

    /// Lists chapters.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List chapter ids and titles.")

        @Flag(name: .long, help: "Also list each chapter's experiments.")
        var all = false

        func run() {
            for chapter in makeEngine().chapterList() {
                print("\(chapter.id)\t\(chapter.title)")
                if all { for id in chapter.experiments { print("  \(id)") } }
            }
        }
    }

    /// Regenerates into a temporary folder and compares with the committed output.
    struct Check: ParsableCommand {
        func validate() throws {
            if let reseed, reseed < 1 { throw ValidationError("--reseed must be at least 1") }
            guard replaySeconds >= 0, replaySeconds.isFinite else { throw ValidationError("--replay-seconds must be a number of seconds, 0 or more") }
            guard sampledUnits >= 0 else { throw ValidationError("--sampled-units must be 0 or more") }
            let valid = RLNotesBook.book.chapters.map(\.id)
            for id in chapter where !valid.contains(id) {
                throw ValidationError("unknown chapter '\(id)'; valid chapter ids: \(valid.joined(separator: ", "))")
            }
        }

        static let configuration = CommandConfiguration(abstract: "Regenerate into a temporary folder and compare with output/; exits 1 on any difference or failed claim.")

        @Option(name: .long, help: "Recompute only this chapter (repeatable); the others' committed results are reused when their keys and digests match.")
        var chapter: [String] = []

        @Option(name: .long, help: "Also rerun the standard experiments under this many other base seeds (in memory) and print how often each claim holds; fails if one holds in fewer than 95% of them.")
        var reseed: Int?

        @Option(name: .long, help: "Seconds spent replaying the first iterations of each long run (e.g. AlphaZero training) against its recorded state digests.")
        var replaySeconds = 30.0

        @Option(name: .long, help: "Units of each expensive experiment recomputed and compared with the committed ones.")
        var sampledUnits = 2

        @OptionGroup var runner: RunnerOptions
        @OptionGroup var executorOptions: ExecutorOptions
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try requireFonts()
            let cleanup = TerminationCleanup(output: outputOptions.url)
            defer { withExtendedLifetime(cleanup) {} }
            let differences: [OutputDifference]
            var weak = [String]()
            do {
                let engine = makeEngine(packageRoot: outputOptions.packageRoot)
                let started = Date()
                let verification = ReportEngine.CostlyVerification(replaySeconds: replaySeconds, sampledUnits: sampledUnits)
                differences = try engine.check(
                    committed: outputOptions.url, chapters: chapter.isEmpty ? nil : chapter, jobs: runner.jobs, verification: verification,
                    executor: executorOptions.makeExecutor(packageRoot: outputOptions.packageRoot))
                printError(String(format: "report check: compared in %.1f s", Date().timeIntervalSince(started)))
                if let reseed {
                    let record = try engine.reseed(runs: reseed, results: outputOptions.url, chapters: chapter.isEmpty ? nil : chapter, jobs: runner.jobs)
                    weak = printReseedTable(record, book: engine.book)
                }
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            if !weak.isEmpty {
                print("report check: \(weak.count) claim\(weak.count == 1 ? "" : "s") held in fewer than 95% of the reseeded runs: \(weak.joined(separator: ", "))")
            }
            if differences.isEmpty {
                print("report check: \(outputOptions.name)/ matches what the code produces; every claim holds")
                if !weak.isEmpty { throw ExitCode.failure }
                return
            }
            print("report check: \(differences.count) difference\(differences.count == 1 ? "" : "s") between \(outputOptions.name)/ and a fresh run:")
            for difference in differences { print("- \(difference)") }
            print("Run `make report` (or `swift run -c release report`) and commit output/.")
            throw ExitCode.failure
        }
    }

    /// Says why an experiment would rerun.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether an experiment would rerun, and which part of its key changed.")

        @Argument(help: "An experiment id (exp-…) or figure id (fig-…).")
        var id: String

        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            do {
                print(try makeEngine(packageRoot: outputOptions.packageRoot).explain(id, output: outputOptions.url))
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
        }
    }

    /// Replays a long run whole against its recorded states.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay every iteration of a long run (e.g. exp-az-c4) and compare its state with the digests recorded when it ran; exits 1 at the first that differs.")

        @Argument(help: "The id of an experiment declared with an IterativeRun.")
        var id: String

        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            let started = Date()
            do {
                for line in try makeEngine(packageRoot: outputOptions.packageRoot).verify(id, output: outputOptions.url) { print(line) }
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            print(String(format: "report verify: %@ reproduces every recorded state (%.0f s)", id, Date().timeIntervalSince(started)))
        }
    }
}
