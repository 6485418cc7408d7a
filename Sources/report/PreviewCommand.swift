import ArgumentParser
import Chapters
import Foundation
import Notebook
import Preview

extension ReportCommand {
    /// Serves the web edition and keeps it up to date while the chapters are edited.
    struct PreviewSite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Serve output/site/ on 127.0.0.1; when chapters/ or Sources/ change, rebuild, rerun the chapter that changed and reload the open page.")

        @Option(name: .long, help: "The port to listen on (0: any free port).")
        var port: UInt16 = 8000

        @Flag(name: .long, help: "Rerun with this binary instead of rebuilding it first (prose edits then need a restart).")
        var noBuild = false

        @OptionGroup var runner: RunnerOptions
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try requireFonts()
            guard let root = outputOptions.packageRoot else {
                printError("error: report preview watches a package's sources; run it inside the RL Notes package")
                throw ExitCode.failure
            }
            let output = outputOptions.url
            if !FileManager.default.fileExists(atPath: output.appendingPathComponent("site/index.html").path) {
                printError("preview: no site in \(outputOptions.name) yet; running the report first")
                _ = try makeEngine(packageRoot: root).run(RunOptions(output: output, jobs: runner.jobs, fallbackCaches: outputOptions.fallbackCaches))
            }
            let chapterFiles = Dictionary(RLNotesBook.book.chapters.map { chapter in
                (root.appendingPathComponent("chapters").appendingPathComponent(URL(fileURLWithPath: chapter.file).lastPathComponent).standardizedFileURL.path, chapter.id)
            }, uniquingKeysWith: { first, _ in first })
            let rebuild = Rebuild(root: root, output: output, jobs: runner.jobs, build: !noBuild)
            let server = try PreviewServer(root: output, port: port)
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    let port = try await server.start()
                    print("preview: serving \(outputOptions.name) at http://127.0.0.1:\(port)/site/index.html; watching chapters/ and Sources/ (Ctrl-C stops)")
                    var session = PreviewSession(
                        server: server, watching: [root.appendingPathComponent("chapters"), root.appendingPathComponent("Sources")], chapterFiles: chapterFiles,
                        log: { printError($0) }, rebuild: { try await rebuild.runOffPool(chapters: $0) })
                    await session.run()
                } catch {
                    failure.error = "\(error)"
                }
                done.signal()
            }
            done.wait()
            if let error = failure.error {
                printError("error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}

/// What the preview does when sources change: `swift build` of the report in release mode, then
/// the new binary reruns the chapters (its own process, so it runs the new code).
struct Rebuild: Sendable {
    let root: URL
    let output: URL
    let jobs: Int
    let build: Bool

    /// ``run(chapters:)`` on a thread of its own: it waits minutes for `swift build`, and the
    /// shared concurrency pool that serves the pages must not wait with it.
    func runOffPool(chapters: [String]?) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(chapters: chapters) })
            }
        }
    }

    func run(chapters: [String]?) throws {
        if build {
            try Self.execute("/usr/bin/env", ["swift", "build", "-c", "release", "--product", "report"], in: root)
        }
        let binary = build ? root.appendingPathComponent(".build/release/report").path : (Bundle.main.executablePath ?? CommandLine.arguments[0])
        let selection = (chapters ?? []).flatMap { ["--chapter", $0] }
        try Self.execute(binary, selection + ["--output", output.path, "--jobs", "\(jobs)", "--package-path", root.path], in: root)
    }

    /// Runs `tool` with `arguments` in `folder`, its output going to this process's; a non-zero exit is an error.
    static func execute(_ tool: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(([tool] + arguments).joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
    }
}

/// The error a background task ended with, read after it signalled.
final class FailureBox: @unchecked Sendable {
    var error: String?
}
