import Charts
import Foundation
import Notebook
import Testing

@Suite("Lint the book")
struct BookLintTests {
    private static func book(referenced: Bool, headings: [String]) -> Book {
        let chapter = Chapter("draws", title: "Draws", uses: [.module("Randomness")]) {
            Prose(referenced ? "@fig-lint and @tbl-lint show the draws; @eq-lint defines them." : "The draws.")
            drawExperiment
            Equation("x = 1", id: "eq-lint")
            Figure("fig-lint", caption: "Draws.") { results in
                let points = try results[drawExperiment].points.map { DataPoint(x: Double($0.parameter.count), y: $0.replicates[0]) }
                return Chart(x: Axis("x"), y: Axis("y")) { PointMark(points: points, series: "a") }
            }
            Table("tbl-lint", caption: "Draws.") { _ in TableData(header: headings, rows: [headings.map { _ in "1" }]) }
        }
        return Book(title: "T", subtitle: "", author: "", seed: 1, chapters: [chapter])
    }

    @Test("an element the text never refers to, and two columns under one heading, are warnings of report and failures of check")
    func flagged() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: Self.book(referenced: false, headings: ["n", "ref.", "ref."]), renderer: TextRenderer())
        let summary = try engine.run(RunOptions(output: folder, jobs: 2))
        #expect(summary.lint.contains("draws: figure fig-lint is never referred to in the text (write @fig-lint where the text discusses it)"))
        #expect(summary.lint.contains { $0.contains("table tbl-lint") && $0.contains("never referred to") })
        #expect(summary.lint.contains { $0.contains("equation eq-lint") })
        #expect(summary.lint.contains("draws: table tbl-lint (Table 1.1) has two columns headed \"ref.\""))
        #expect(summary.failedChapters.isEmpty, "a lint problem does not stop the run")
        let differences = try engine.check(committed: folder, jobs: 2)
        #expect(differences.filter { $0.path == "lint" }.count == 4)
    }

    @Test("a clean book has nothing to flag")
    func clean() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: Self.book(referenced: true, headings: ["n", "ref., n = 1"]), renderer: TextRenderer())
        #expect(try engine.run(RunOptions(output: folder, jobs: 2)).lint.isEmpty)
        #expect(try engine.check(committed: folder, jobs: 2).isEmpty)
    }
}
