import ArgumentParser
import Chapters
import Foundation
import Notebook

/// The share of reseeded runs a claim must hold in: 19 of 20.
let requiredReseedShare = 0.95

/// Options of the commands that reseed.
struct ReseedOptions: ParsableArguments {
    @Option(name: .long, help: "Rerun only this chapter's standard experiments (repeatable).")
    var chapter: [String] = []

    func validate() throws {
        let valid = RLNotesBook.book.chapters.map(\.id)
        for id in chapter where !valid.contains(id) {
            throw ValidationError("unknown chapter '\(id)'; valid chapter ids: \(valid.joined(separator: ", "))")
        }
    }
}

/// Prints one line per claim: how often it held, and its measured range. Returns the ids of the
/// reseeded claims that held in fewer than `requiredReseedShare` of the runs.
func printReseedTable(_ record: ReseedRecord, book: Book) -> [String] {
    let order = book.chapters.flatMap { chapter in ReportEngine.claimIDs(in: chapter) }
    let width = max(5, order.map(\.count).max() ?? 5)
    print("claim".padding(toLength: width, withPad: " ", startingAt: 0) + "  held    measured (min … max)")
    var weak = [String]()
    for id in order {
        guard let entry = record.claims[id] else { continue }
        let name = id.padding(toLength: width, withPad: " ", startingAt: 0)
        guard entry.reseeded else {
            print("\(name)  —       not reseeded: reads only expensive or timing experiments")
            continue
        }
        let count = "\(entry.held)/\(entry.runs)".padding(toLength: 6, withPad: " ", startingAt: 0)
        let range = entry.measured.isEmpty ? "" : "\(ClaimCheck.format(entry.measured.min()!)) … \(ClaimCheck.format(entry.measured.max()!))"
        let short = Double(entry.held) < requiredReseedShare * Double(entry.runs)
        if short { weak.append(id) }
        print("\(name)  \(count)  \(range)\(short ? "   ← below \(Int(requiredReseedShare * 100))%" : "")")
    }
    return weak
}

extension ReportCommand {
    /// Reruns the standard experiments under other seeds and records how often each claim holds.
    struct Reseed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rerun the standard experiments under other base seeds, print how often each claim holds, and record it next to the claims in output/.")

        @Option(name: .long, help: "How many other base seeds to run.")
        var runs = 20

        @OptionGroup var reseed: ReseedOptions
        @OptionGroup var runner: RunnerOptions
        @OptionGroup var outputOptions: OutputOptions

        func validate() throws {
            guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        }

        func run() throws {
            let engine = makeEngine(packageRoot: outputOptions.packageRoot)
            let weak: [String]
            do {
                let record = try engine.reseed(runs: runs, results: outputOptions.url, chapters: reseed.chapter.isEmpty ? nil : reseed.chapter, jobs: runner.jobs)
                weak = printReseedTable(record, book: engine.book)
                try engine.storeReseedRecord(record, in: outputOptions.url)
                // Rewrite the documents so that every claim line shows its count; no chapter is
                // selected, so nothing is recomputed.
                let summary = try engine.run(RunOptions(output: outputOptions.url, chapters: [], jobs: runner.jobs))
                if !summary.failedChapters.isEmpty || !summary.failedClaims.isEmpty {
                    printError("report reseed: the run that rewrote the documents failed; run `report` to see why")
                    throw ExitCode.failure
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            if !weak.isEmpty {
                printError("report reseed: \(weak.count) claim\(weak.count == 1 ? "" : "s") held in fewer than \(Int(requiredReseedShare * 100))% of the runs: \(weak.joined(separator: ", "))")
                throw ExitCode.failure
            }
        }
    }
}
