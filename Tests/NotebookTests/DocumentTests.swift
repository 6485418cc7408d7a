import Charts
import Foundation
import Notebook
import Testing

@Suite("Numbering, references and the Markdown writer")
struct DocumentTests {
    @Test("inline Markdown: emphasis, strong, code, math, links and references")
    func inlineParsing() {
        let parsed = InlineMarkdown.parse("A *b* **c** `d` $e_1$ [f](http://x) see @fig-steps, and mail@fig-no.")
        #expect(parsed == [
            .text("A "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]), .text(" "), .code("d"), .text(" "),
            .math("e_1"), .text(" "), .link([.text("f")], url: "http://x"), .text(" see "), .reference("fig-steps"),
            .text(", and mail@fig-no."),
        ])
        #expect(InlineMarkdown.parse("an *unclosed star and $5") == [.text("an *unclosed star and $5")])
    }

    @Test("sections, figures, tables and equations are numbered per chapter over the whole book")
    func numbering() throws {
        let one = Chapter("one", title: "One") {
            Section("A", id: "sec-a") { Equation("x = 1", id: "eq-x") }
            Section("B", id: "sec-b") {
                Section("B.1", id: "sec-b1") { Prose("See @sec-a and @eq-x.") }
            }
        }
        let two = Chapter("two", title: "Two") {
            Section("C", id: "sec-c") {
                Figure("fig-c", caption: "c") { _ in Chart { RuleMark(.horizontal, at: 1) } }
                Table("tbl-c", caption: "refers to @sec-b1") { _ in TableData(header: ["a"], rows: [["1"]]) }
                Equation("y = 2", id: "eq-y")
            }
        }
        let index = try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [one, two]))
        #expect(index["sec-a"]?.label == "Section\u{00A0}1.1")
        #expect(index["sec-b1"]?.label == "Section\u{00A0}1.2.1")
        #expect(index["eq-x"]?.label == "Equation\u{00A0}1.1")
        #expect(index["sec-c"]?.label == "Section\u{00A0}2.1")
        #expect(index["fig-c"]?.label == "Figure\u{00A0}2.1")
        #expect(index["tbl-c"]?.label == "Table\u{00A0}2.1")
        #expect(index["eq-y"]?.number == "2.1")
        #expect(index.sectionNumbers["one"] == ["1.1", "1.2", "1.2.1"])
    }

    @Test("a dangling reference is an error naming the id and the chapter")
    func danglingReference() {
        let chapter = Chapter("lonely", title: "L") { Prose("As @fig-nowhere shows.") }
        #expect(throws: NotebookError.danglingReference(id: "fig-nowhere", chapter: "lonely")) {
            try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [chapter]))
        }
        let message = NotebookError.danglingReference(id: "fig-nowhere", chapter: "lonely").description
        #expect(message.contains("fig-nowhere") && message.contains("lonely"))
    }

    @Test("a malformed formula is an error naming the chapter, the formula and the position")
    func malformedFormula() {
        let inline = Chapter("mathy", title: "M") { Prose("Here $\\frac{a}$ is broken.") }
        #expect(throws: NotebookError.malformedFormula(chapter: "mathy", formula: "\\frac{a}", position: 8, reason: "missing denominator of `\\frac`")) {
            try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [inline]))
        }
        let display = Chapter("display", title: "D") { Equation("x^{2", id: "eq-broken") }
        do {
            _ = try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [display]))
            Issue.record("a broken equation was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("display") && message.contains("x^{2") && message.contains("character 5"), "\(message)")
        }
    }

    @Test("duplicate and malformed ids are errors")
    func badIDs() {
        let a = Chapter("a", title: "A") { Section("S", id: "sec-same") {} }
        let b = Chapter("b", title: "B") { Section("S", id: "sec-same") {} }
        #expect(throws: NotebookError.duplicateID(id: "sec-same", chapters: ["a", "b"])) {
            try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [a, b]))
        }
        let c = Chapter("c", title: "C") { Figure("steps", caption: "x") { _ in Chart { RuleMark(.horizontal, at: 1) } } }
        #expect(throws: NotebookError.malformedID(id: "steps", expectedPrefix: "fig-", chapter: "c")) {
            try BookIndex(book: Book(title: "T", subtitle: "", author: "", seed: 0, chapters: [c]))
        }
    }

    @Test("the chapter README links figures relatively, writes math as $…$, aligns numbers right and shows claims")
    func markdown() throws {
        let folder = temporaryFolder()
        _ = try ReportEngine(book: testBook(), renderer: TextRenderer()).run(RunOptions(output: folder))
        let readme = String(decoding: OutputStore(root: folder).read("draws/README.md")!, as: UTF8.self)
        // References keep "Table" and its number on one line: a no-break space joins them.
        #expect(readme.contains("![Figure 1.1: Means of the draws; see Table\u{00A0}1.1.](figures/fig-means.png)"))
        #expect(readme.contains("[Table\u{00A0}1.1](#tbl-means)"))
        #expect(readme.contains("| draws | mean |\n|---:|---:|"))
        #expect(readme.contains("✅ **Claim** The means are near one half."))
        #expect(readme.contains("## 1.1 Means"))
        let book = String(decoding: OutputStore(root: folder).read("report.md")!, as: UTF8.self)
        #expect(book.contains("](draws/figures/fig-means.png)"))
        #expect(book.contains("- [1 Draws](#chapter-draws)"))
    }

    @Test("claims format their measured values and expectations")
    func claimText() {
        let check = ClaimCheck(3, .between(3, 4), unit: "episodes")
        #expect(check.passed)
        #expect(check.summary == "measured 3 episodes, expected in [3, 4]")
        #expect(!ClaimCheck(.nan, .atMost(1)).passed)
        #expect(ClaimCheck.format(868.6666) == "868.7")
        #expect(ClaimCheck.format(0.51334) == "0.513")
    }

    @Test("the Student t quantile matches tables")
    func studentT() {
        #expect(abs(SampleSummary.studentT(quantile: 0.975, degreesOfFreedom: 29) - 2.045) < 0.002)
        #expect(abs(SampleSummary.normalQuantile(0.975) - 1.959964) < 1e-6)
        let summary = SampleSummary([1.0, 2, 3, 4])
        #expect(summary.mean == 2.5 && abs(summary.standardDeviation - 1.290994) < 1e-6)
    }
}
