import Foundation
import Testing

@testable import Notebook

@Suite("Citations")
struct CitationTests {
    static let bib = """
        @book{sutton2018, author = {Sutton, Richard S. and Barto, Andrew G.}, title = {Reinforcement Learning: An Introduction},
          edition = {2}, publisher = {MIT Press}, year = {2018}, url = {http://incompleteideas.net/book/the-book-2nd.html}}
        @article{silver2018, author = {Silver, David and Hubert, Thomas and Schrittwieser, Julian}, title = {A General Algorithm},
          journal = {Science}, year = {2018}, doi = {10.1126/science.aar6404}}
        @misc{unused, author = {Nobody, A.}, title = {Never Cited}, year = {2000}}
        """

    static func bibliographyFile(_ text: String = bib) -> String {
        let url = temporaryFolder().appendingPathComponent("references.bib")
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    static func book(prose: String, bibliography: String? = bibliographyFile()) -> Book {
        let chapter = Chapter("cites", title: "Cites") {
            Prose(prose)
        }
        return Book(title: "T", subtitle: "S", author: "A", seed: 1, bibliography: bibliography, chapters: [chapter])
    }

    @Test("Pandoc's syntax: in-text, in brackets with locators and prefixes, several works, and not references or e-mail")
    func parsing() {
        let inlines = InlineMarkdown.parse("As @sutton2018 [p. 165] show, planning pays [see @sutton2018, ch. 8; @silver2018]. Mail a@b.org or see @fig-x.")
        let citations = inlines.compactMap { inline -> Citation? in
            if case .citation(let c) = inline { return c }
            return nil
        }
        #expect(citations.count == 2)
        #expect(citations[0] == Citation(items: [.init(key: "sutton2018", prefix: "", locator: "p. 165")], inText: true))
        #expect(citations[1] == Citation(items: [.init(key: "sutton2018", prefix: "see", locator: "ch. 8"), .init(key: "silver2018", prefix: "", locator: "")], inText: false))
        #expect(inlines.contains(.reference("fig-x")))
        #expect(InlineMarkdown.citationKeys(in: "A link [text](http://x) and [0, 1] are not citations; @sutton2018. ends a sentence.") == ["sutton2018"])
    }

    @Test("the printed form: author and year, locators, prefixes, et al.")
    func printed() {
        let labels = ["sutton2018": CitationLabel(authors: "Sutton and Barto", year: "2018"), "silver2018": CitationLabel(authors: "Silver et al.", year: "2018")]
        let inText = Citation(items: [.init(key: "sutton2018", prefix: "", locator: "p. 165")], inText: true)
        #expect(inText.runs(labels: labels).map(\.text).joined() == "Sutton and Barto (2018, p. 165)")
        let bracketed = Citation(items: [.init(key: "sutton2018", prefix: "see", locator: "ch. 8"), .init(key: "silver2018", prefix: "", locator: "")], inText: false)
        #expect(bracketed.runs(labels: labels).map(\.text).joined() == "(see Sutton and Barto 2018, ch. 8; Silver et al. 2018)")
        #expect(bracketed.runs(labels: labels).compactMap(\.key) == ["sutton2018", "silver2018"])
    }

    @Test("an unknown key is an error naming the key and the chapter")
    func unknownKey() {
        #expect(throws: NotebookError.unknownCitation(key: "sutton2019", chapter: "cites")) {
            try BookIndex(book: Self.book(prose: "As @sutton2019 show."))
        }
    }

    @Test("a malformed bibliography is an error naming the file and line")
    func malformed() {
        let path = Self.bibliographyFile("@book{a, title = {x}\n@book{b, title = {y}}")
        do {
            _ = try BookIndex(book: Self.book(prose: "Nothing cited.", bibliography: path))
            Issue.record("expected an error")
        } catch let error as NotebookError {
            #expect(error.description.contains(path))
            #expect(error.description.contains("line 2"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("both documents link each citation to a References section; uncited entries are left out")
    func markdown() throws {
        let output = temporaryFolder()
        let engine = ReportEngine(book: Self.book(prose: "Planning pays [@sutton2018, p. 165], as @silver2018 found."), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: output, jobs: 2))
        let report = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(report.contains("Planning pays ([Sutton and Barto 2018](#ref-sutton2018), p. 165), as [Silver et al. (2018)](#ref-silver2018) found."))
        #expect(report.contains("## References"))
        #expect(report.contains("<a id=\"ref-sutton2018\"></a>Sutton, R. S., and A. G. Barto. 2018. *Reinforcement Learning: An Introduction*. 2nd ed., MIT Press. [http://incompleteideas.net/book/the-book-2nd.html](http://incompleteideas.net/book/the-book-2nd.html)"))
        #expect(report.contains("[https://doi.org/10.1126/science.aar6404](https://doi.org/10.1126/science.aar6404)"))
        #expect(!report.contains("Never Cited"))
        let readme = String(decoding: try Data(contentsOf: output.appendingPathComponent("cites/README.md")), as: UTF8.self)
        #expect(readme.contains("<a id=\"ref-silver2018\"></a>"))
    }
}
