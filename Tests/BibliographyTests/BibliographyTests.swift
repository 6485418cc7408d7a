import Foundation
import Testing

@testable import Bibliography

@Suite("Bibliography labels and reference entries")
struct BibliographyTests {
    static let bib = """
        @book{sutton2018, author = {Sutton, Richard S. and Barto, Andrew G.}, title = {Reinforcement Learning: An Introduction},
          edition = {2}, publisher = {MIT Press}, year = {2018}, url = {http://incompleteideas.net/book/the-book-2nd.html}}
        @article{silver2018, author = {Silver, David and Hubert, Thomas and Schrittwieser, Julian}, title = {A General Reinforcement Learning Algorithm},
          journal = {Science}, volume = {362}, number = {6419}, pages = {1140--1144}, year = {2018}, doi = {10.1126/science.aar6404}}
        @article{silver2018b, author = {Silver, David and others}, title = {Another Paper}, journal = {Nature}, year = {2018}}
        @misc{pons, author = {Pons, Pascal}, title = {Solving {Connect 4}}, howpublished = {Blog}, year = {2019}, url = {http://blog.gamesolver.org}}
        @book{vonneumann, author = {von Neumann, John and Morgenstern, Oskar}, title = {Theory of Games and Economic Behavior}, publisher = {Princeton University Press}, year = 1944}
        """

    @Test("author-year labels: one, two, et al., von parts, and a/b for the same authors and year")
    func labels() throws {
        let bibliography = try Bibliography(bibtex: Self.bib)
        #expect(bibliography.authors("sutton2018") == "Sutton and Barto")
        #expect(bibliography.authors("silver2018") == "Silver et al.")
        #expect(bibliography.authors("pons") == "Pons")
        #expect(bibliography.authors("vonneumann") == "von Neumann and Morgenstern")
        #expect(bibliography.year("sutton2018") == "2018")
        #expect(bibliography.year("silver2018") == "2018a")
        #expect(bibliography.year("silver2018b") == "2018b")
    }

    @Test("reference entries: authors, year, title, venue and a DOI or URL link")
    func entries() throws {
        let bibliography = try Bibliography(bibtex: Self.bib)
        let book = try #require(bibliography.formatted("sutton2018"))
        #expect(book.plain == "Sutton, R. S., and A. G. Barto. 2018. Reinforcement Learning: An Introduction. 2nd ed., MIT Press. http://incompleteideas.net/book/the-book-2nd.html")
        #expect(book.runs.contains { $0.italic && $0.text == "Reinforcement Learning: An Introduction" })
        #expect(book.runs.last?.link == "http://incompleteideas.net/book/the-book-2nd.html")
        let article = try #require(bibliography.formatted("silver2018"))
        #expect(article.plain == "Silver, D., T. Hubert, and J. Schrittwieser. 2018a. A General Reinforcement Learning Algorithm. Science, 362(6419), pp. 1140–1144. https://doi.org/10.1126/science.aar6404")
        #expect(article.runs.last?.link == "https://doi.org/10.1126/science.aar6404")
        #expect(bibliography.formatted("silver2018b")?.plain == "Silver, D., et al. 2018b. Another Paper. Nature.")
        #expect(bibliography.formatted("missing") == nil)
    }

    @Test("the reference list is sorted by surname, then year")
    func order() throws {
        let bibliography = try Bibliography(bibtex: Self.bib)
        #expect(bibliography.sorted.map(\.key) == ["vonneumann", "pons", "silver2018", "silver2018b", "sutton2018"])
    }
}
