import Foundation
@testable import Notebook
import Testing

@Suite("Output folder safety: one writer, no leftovers, readable lock differences")
struct OutputSafetyTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("output-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a second lock on the same folder fails naming the holder's process, and succeeds once the first is released")
    func exclusive() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var first: OutputLock? = try OutputLock(folder: root)
        do {
            _ = try OutputLock(folder: root)
            Issue.record("two locks on one folder")
        } catch let error as NotebookError {
            #expect(error == .outputBusy(path: root.path, holder: getpid()))
            #expect("\(error)".contains("process \(getpid())") && "\(error)".contains("--output"))
        }
        #expect(first != nil)
        first = nil
        _ = try OutputLock(folder: root)
        // The lock file is hidden, so it is never listed as output.
        #expect(OutputStore(root: root).allFiles().isEmpty)
    }

    @Test("temporaries of a killed run are found and removed; finished files stay")
    func leftovers() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = OutputStore(root: root)
        try store.write("kept", to: "dyna/README.md")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dyna/data"), withIntermediateDirectories: true)
        for path in [".report.pdf.tmp-4242", "dyna/data/.exp-maze.json.tmp-77"] {
            try Data("partial".utf8).write(to: root.appendingPathComponent(path))
        }
        #expect(store.temporaryFiles() == [".report.pdf.tmp-4242", "dyna/data/.exp-maze.json.tmp-77"])
        #expect(store.removeLeftoverTemporaries().count == 2)
        #expect(store.temporaryFiles().isEmpty && store.read("dyna/README.md") == Array("kept".utf8))
    }

    @Test("check scratch folders of dead processes are removed, those of live ones kept; one process's scratch can be removed alone")
    func scratch() throws {
        let live = CheckScratch.make()
        // Process ids above the kernel's maximum (4194304) never run.
        let dead = FileManager.default.temporaryDirectory.appendingPathComponent("\(CheckScratch.prefix)9999999-\(UUID().uuidString)")
        for url in [live, dead] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: live) }
        CheckScratch.removeAbandoned()
        #expect(FileManager.default.fileExists(atPath: live.path) && !FileManager.default.fileExists(atPath: dead.path))
        // Removing one process's scratch (what Ctrl-C does) takes that process's folders only.
        // Not this process's own: checks of other tests running at the same time use them.
        let interrupted = FileManager.default.temporaryDirectory.appendingPathComponent("\(CheckScratch.prefix)9999998-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: interrupted, withIntermediateDirectories: true)
        CheckScratch.removeAbandoned(of: 9_999_998)
        #expect(!FileManager.default.fileExists(atPath: interrupted.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test("lock differences name the key part that moved, not wall times")
    func lockDifferences() {
        let parts = KeyParts(experiment: "dyna/exp-maze", parameters: "p", points: 3, replicates: 2, seed: 1, code: "c1", dependencies: ["Sources/Tabular": "d1"],
                             version: 1, engine: "e")
        var old = Lock()
        old.experiments["exp-maze"] = .init(chapter: "dyna", key: parts.key, parts: parts, file: "dyna/data/exp-maze.json", digest: "x", seconds: 1)
        var new = old
        new.experiments["exp-maze"]!.seconds = 9
        #expect(new.differences(from: old).isEmpty)
        var edited = parts
        edited.dependencies["Sources/Tabular"] = "d2"
        new.experiments["exp-maze"]!.parts = edited
        new.experiments["exp-maze"]!.key = edited.key
        new.artefacts["fig-maze"] = .init(key: "k", files: ["dyna/figures/fig-maze.png": "f"], seconds: 0)
        #expect(new.differences(from: old) == ["experiment exp-maze: source dependency Sources/Tabular changed (d1 → d2)", "artefact fig-maze: new"])
    }
}

@Suite("Keys that cannot go stale silently")
struct UnreadableSourceTests {
    @Test("a dependency path with nothing at it is an error naming the path, not a constant in the key")
    func missingDependency() throws {
        let mistyped = Experiment("exp-draws", parameters: [Draws(count: 10)], replicates: 1, uses: [.file("Sources/Tabulr")]) { point, generator in
            generator.uniformUnit() * Double(point.count)
        }
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try ReportEngine(book: testBook(experiment: mistyped), renderer: TextRenderer()).run(RunOptions(output: folder))
            Issue.record("a run with a mistyped dependency went ahead")
        } catch let error as NotebookError {
            guard case .unreadableSource(let path, let experiment) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("Sources/Tabulr") && experiment == "exp-draws")
        }
    }
}

@Suite("Figure and document keys follow the code that draws them")
struct DrawingCodeDigestTests {
    @Test("an edit to the math parser or the bibliography code changes the drawing digest, so a plain run re-typesets")
    func mathAndBibliography() throws {
        let package = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: package) }
        try Data("// swift-tools-version:6.0\n".utf8).write(to: package.appendingPathComponent("Package.swift"))
        for folder in ["chapters", "Sources/LaTeXMath", "Sources/Bibliography"] {
            try FileManager.default.createDirectory(at: package.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let chapterFile = package.appendingPathComponent("chapters/Book.swift").path
        try Data("// chapter\n".utf8).write(to: URL(fileURLWithPath: chapterFile))
        let book = Book(title: "T", subtitle: "", author: "", seed: 1, chapters: [Chapter("c", title: "C", file: chapterFile) { Prose("Text.") }])
        let engine = ReportEngine(book: book, renderer: TextRenderer())
        var digests = [engine.drawingCodeDigest()]
        for file in ["Sources/LaTeXMath/MathParser.swift", "Sources/Bibliography/BibTeXParser.swift"] {
            try Data("// edited\n".utf8).write(to: package.appendingPathComponent(file))
            digests.append(engine.drawingCodeDigest())
        }
        #expect(Set(digests).count == 3)
    }
}
