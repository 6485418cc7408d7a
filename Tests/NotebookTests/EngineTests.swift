import Foundation
import Notebook
import Testing

@Suite("The report engine: cache, lock, parallel runs, failures", .serialized)
struct EngineTests {
    func engine(_ book: Book) -> ReportEngine { ReportEngine(book: book, renderer: TextRenderer()) }

    @Test("results are byte-identical for 1 and 4 jobs")
    func jobsDoNotChangeResults() throws {
        let a = temporaryFolder()
        let b = temporaryFolder()
        _ = try engine(testBook()).run(RunOptions(output: a, jobs: 1))
        _ = try engine(testBook()).run(RunOptions(output: b, jobs: 4))
        var left = contents(of: a)
        var right = contents(of: b)
        for volatile in ["report.lock.json", SiteWriter.runDependentFile] {
            left[volatile] = nil
            right[volatile] = nil
        }
        #expect(left == right)
        #expect(left["draws/data/exp-draws.json"] != nil)
        #expect(left["draws/figures/fig-means.csv"].map { String(decoding: $0, as: UTF8.self).hasPrefix("panel,mark,series,x,y") } == true)
    }

    @Test("a rerun with nothing changed recomputes and redraws nothing and rewrites no file")
    func noChangeRerun() throws {
        let folder = temporaryFolder()
        let first = try engine(testBook()).run(RunOptions(output: folder))
        #expect(first.ran == ["exp-draws"])
        var before = contents(of: folder)
        let second = try engine(testBook()).run(RunOptions(output: folder))
        #expect(second.ran.isEmpty && second.cached == ["exp-draws"] && second.rendered.isEmpty)
        // Only the site's timings say what this run did: the results came from the cache.
        var after = contents(of: folder)
        #expect(before[SiteWriter.runDependentFile].map { String(decoding: $0, as: UTF8.self).contains("computed by this run") } == true)
        #expect(after[SiteWriter.runDependentFile].map { String(decoding: $0, as: UTF8.self).contains("from the cache") } == true)
        before[SiteWriter.runDependentFile] = nil
        after[SiteWriter.runDependentFile] = nil
        #expect(after == before)
    }

    @Test("a prose change does not rerun the experiment; a parameter change does")
    func invalidation() throws {
        let folder = temporaryFolder()
        _ = try engine(testBook()).run(RunOptions(output: folder))
        let prose = try engine(testBook(prose: "Uniform draws average 1/2, as everyone knows.")).run(RunOptions(output: folder))
        #expect(prose.ran.isEmpty)
        #expect(String(decoding: OutputStore(root: folder).read("draws/README.md")!, as: UTF8.self).contains("as everyone knows"))
        let explanation = try engine(testBook(experiment: changedExperiment)).explain("exp-draws", output: folder)
        #expect(explanation.contains("parameters changed"))
        let changed = try engine(testBook(experiment: changedExperiment)).run(RunOptions(output: folder))
        #expect(changed.ran == ["exp-draws"])
        #expect(try engine(testBook(experiment: changedExperiment)).explain("exp-draws", output: folder).contains("up to date"))
    }

    @Test("--force reruns; a corrupt results file is reported and recomputed, never trusted; a corrupt lock falls back to the key records")
    func corruption() throws {
        let folder = temporaryFolder()
        _ = try engine(testBook()).run(RunOptions(output: folder))
        #expect(try engine(testBook()).run(RunOptions(output: folder, force: true)).ran == ["exp-draws"])
        let store = OutputStore(root: folder)
        let good = store.read("draws/data/exp-draws.json")!
        try store.write("{\"experiment\":\"exp-draws\",\"points\":[]}", to: "draws/data/exp-draws.json")
        #expect(try engine(testBook()).explain("exp-draws", output: folder).contains("does not match its recorded digest"))
        #expect(try engine(testBook()).run(RunOptions(output: folder)).ran == ["exp-draws"])
        #expect(store.read("draws/data/exp-draws.json") == good)
        try store.write("not json", to: "report.lock.json")
        #expect(try engine(testBook()).run(RunOptions(output: folder)).ran.isEmpty)
        #expect(store.read("draws/data/exp-draws.json") == good)
        // With the key record gone too, nothing vouches for the results: they are recomputed.
        try store.write("not json", to: "report.lock.json")
        store.remove("draws/data/exp-draws.key.json")
        #expect(try engine(testBook()).run(RunOptions(output: folder)).ran == ["exp-draws"])
        #expect(store.read("draws/data/exp-draws.json") == good)
    }

    @Test("an experiment that throws fails its chapter and leaves its previous output untouched")
    func failure() throws {
        let folder = temporaryFolder()
        _ = try engine(testBook()).run(RunOptions(output: folder))
        let before = contents(of: folder)
        let summary = try engine(testBook(experiment: failingExperiment)).run(RunOptions(output: folder))
        #expect(summary.failedChapters["draws"]?.contains("the environment exploded") == true)
        var after = contents(of: folder)
        var expected = before
        after["report.lock.json"] = nil
        expected["report.lock.json"] = nil
        #expect(after == expected)
    }

    @Test("a failed claim is reported, and shown as failed in the chapter README")
    func failedClaim() throws {
        let folder = temporaryFolder()
        let summary = try engine(testBook(claimBound: -1)).run(RunOptions(output: folder))
        #expect(summary.failedClaims.count == 1)
        let readme = String(decoding: OutputStore(root: folder).read("draws/README.md")!, as: UTF8.self)
        #expect(readme.contains("FAILED"))
    }

    @Test("check passes on a fresh output and lists a tampered file")
    func check() throws {
        let folder = temporaryFolder()
        _ = try engine(testBook()).run(RunOptions(output: folder))
        #expect(try engine(testBook()).check(committed: folder, jobs: 2).isEmpty)
        try OutputStore(root: folder).write("tampered\n", to: "draws/README.md")
        let differences = try engine(testBook()).check(committed: folder, jobs: 2)
        #expect(differences.map(\.path) == ["draws/README.md"])
    }

    @Test("an unwritable output folder is a clear error")
    func unwritable() throws {
        let file = temporaryFolder().appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: NotebookError.self) {
            try engine(testBook()).run(RunOptions(output: file.appendingPathComponent("output")))
        }
    }
}

@Suite("Checking one chapter", .serialized)
struct PartialCheckTests {
    @Test("check --chapter recomputes one chapter, reuses the rest, and still catches a stale key elsewhere")
    func partialCheck() throws {
        let folder = temporaryFolder()
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder))
        #expect(try engine.check(committed: folder, chapters: ["draws"], jobs: 2).isEmpty)
        let other = Chapter("other", title: "Other") { Prose("No experiments here.") }
        let twoChapters = Book(title: "Test", subtitle: "A test book", author: "Tests", seed: 1, chapters: [testBook().chapters[0], other])
        _ = try ReportEngine(book: twoChapters, renderer: TextRenderer()).run(RunOptions(output: folder))
        #expect(try ReportEngine(book: twoChapters, renderer: TextRenderer()).check(committed: folder, chapters: ["other"], jobs: 2).isEmpty)
        // The draws chapter's experiment changes, but only "other" is checked: the stale key is reported.
        let changed = Book(title: "Test", subtitle: "A test book", author: "Tests", seed: 1, chapters: [testBook(experiment: changedExperiment).chapters[0], other])
        let differences = try ReportEngine(book: changed, renderer: TextRenderer()).check(committed: folder, chapters: ["other"], jobs: 2)
        #expect(differences.contains { $0.path == "exp-draws" && $0.detail.contains("parameters changed") })
    }
}

/// Counts calls across threads: a stand-in for a wall-clock measurement that differs every run.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Double {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return Double(count)
    }
}

@Suite("Expensive and timing experiments: verified by check, not recomputed", .serialized)
struct CostlyExperimentTests {
    private func book(parameters: [Draws], counter: CallCounter) -> Book {
        let timing = Experiment("exp-draws", parameters: parameters, replicates: 1, cost: .timing) { _, _ in counter.next() }
        return testBook(experiment: timing, claimBound: 1e9)
    }

    @Test("check reuses a timing experiment's committed numbers; a forced run remeasures them")
    func checkDoesNotRerun() throws {
        let folder = temporaryFolder()
        let counter = CallCounter()
        let engine = ReportEngine(book: book(parameters: [Draws(count: 10)], counter: counter), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder))
        #expect(try engine.check(committed: folder, jobs: 2).isEmpty)
        #expect(counter.next() == 2)
        let forced = try engine.run(RunOptions(output: folder, force: true))
        #expect(forced.ran == ["exp-draws"])
    }

    @Test("a changed costly experiment is reported stale by check, and missing results fail its chapter")
    func staleAndMissing() throws {
        let folder = temporaryFolder()
        let counter = CallCounter()
        _ = try ReportEngine(book: book(parameters: [Draws(count: 10)], counter: counter), renderer: TextRenderer()).run(RunOptions(output: folder))
        let changed = ReportEngine(book: book(parameters: [Draws(count: 20)], counter: counter), renderer: TextRenderer())
        #expect(try changed.check(committed: folder, jobs: 2).contains { $0.path == "exp-draws" && $0.detail.contains("stale") })
        try FileManager.default.removeItem(at: folder.appendingPathComponent("draws/data/exp-draws.json"))
        let differences = try changed.check(committed: folder, jobs: 2)
        #expect(differences.contains { $0.path == "draws" && $0.detail.contains("no intact committed results") })
        #expect(counter.next() == 2)
    }
}
