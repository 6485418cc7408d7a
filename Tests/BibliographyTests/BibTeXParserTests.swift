import Foundation
import Testing

@testable import Bibliography

@Suite("BibTeX reader")
struct BibTeXParserTests {
    static let fixture: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/real-world.bib")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test("real-world exports parse: DBLP, Google Scholar, parentheses, @string, # and months")
    func realWorld() throws {
        let entries = try BibTeXParser.parse(Self.fixture)
        #expect(entries.map(\.key) == ["DBLP:conf/ecml/KocsisS06", "silver2016mastering", "vonNeumann1944", "erdos1947", "deVylder2020"])
        let kocsis = entries[0]
        #expect(kocsis.type == "inproceedings")
        #expect(kocsis[text: "series"] == "Lecture Notes in Computer Science")
        #expect(kocsis[text: "pages"] == "282–293")
        #expect(kocsis[text: "doi"] == "10.1007/11871842_29")
        #expect(kocsis[text: "booktitle"] == "Machine Learning: ECML 2006, 17th European Conference on Machine Learning, Berlin, Germany, September 18-22, 2006, Proceedings")
        #expect(PersonName.names(in: kocsis.fields["author"]!).map(\.last) == ["Kocsis", "Szepesvári"])
        #expect(PersonName.names(in: kocsis.fields["editor"]!).map(\.last) == ["Fürnkranz", "Scheffer", "Spiliopoulou"])
        #expect(entries[2].type == "book")
        #expect(entries[2][text: "month"] == "September")
        #expect(entries[2][text: "year"] == "1944")
        let erdos = entries[3]
        #expect(erdos[text: "month"] == "March")
        #expect(erdos[text: "pages"] == "292—294")
        #expect(erdos[text: "note"] == "Association for Computing Machinery reprint, Über ßtrange Çañons å ø")
        #expect(PersonName.names(in: erdos.fields["author"]!) == [PersonName(first: "Paul", last: "Erdős")])
    }

    @Test("names: First von Last, von Last, First, von Last, Jr, First, braced and others")
    func names() {
        let names = PersonName.names(in: "de la Vall{\\'e}e Poussin, Charles Jean and {Barnes and Noble} and Ludwig van Beethoven and Martin Luther King, Jr. and others")
        #expect(names.count == 5)
        #expect(names[0] == PersonName(first: "Charles Jean", von: "de la", last: "Vallée Poussin"))
        #expect(names[1] == PersonName(last: "Barnes and Noble"))
        #expect(names[2] == PersonName(first: "Ludwig", von: "van", last: "Beethoven"))
        #expect(names[3] == PersonName(first: "Jr.", last: "Martin Luther King"))
        #expect(names[4].isOthers)
        #expect(PersonName.names(in: "Lemke, Carlton E. and Howson, Jr., Joseph T.")[1] == PersonName(first: "Joseph T.", last: "Howson", junior: "Jr."))
        #expect(PersonName.names(in: "Sutton, Richard S.")[0].initials == "R. S.")
        #expect(PersonName.names(in: "Jean-Baptiste Lespiau")[0].initials == "J.-B.")
        #expect(PersonName.names(in: "Van Den Driessche, George")[0].surname == "Van Den Driessche")
        #expect(PersonName.names(in: "{\\'E}variste Galois")[0] == PersonName(first: "Évariste", last: "Galois"))
    }

    @Test("TeX text: accents in every spelling, symbols, dashes, ties, quotes and groups")
    func texText() {
        #expect(TeXText.plain("{\\\"o}") == "ö")
        #expect(TeXText.plain("\\\"o") == "ö")
        #expect(TeXText.plain("\\\"{o}") == "ö")
        #expect(TeXText.plain("Szepesv{\\'{a}}ri") == "Szepesvári")
        #expect(TeXText.plain("Erd{\\H{o}}s") == "Erdős")
        #expect(TeXText.plain("\\v{C}ech \\c{c} \\k{a} \\r{u} \\u{g} \\={a} \\.{z} \\^{\\i}") == "Čech ç ą ů ğ ā ż î")
        #expect(TeXText.plain("{\\ss} {\\o} {\\O} {\\ae} {\\l} \\AA{}") == "ß ø Ø æ ł Å")
        #expect(TeXText.plain("pages 1--10, an---aside, A~B") == "pages 1–10, an—aside, A\u{00A0}B")
        #expect(TeXText.plain("``quoted'' R\\&D 50\\% \\$5 a\\_b") == "“quoted” R&D 50% $5 a_b")
        #expect(TeXText.plain("{{DeepMind}} \\emph{text} \\textit{it}") == "DeepMind text it")
        #expect(TeXText.plain("line\n  break") == "line break")
    }

    @Test("errors name the line: unbalanced braces, missing comma, unknown macro, duplicate key")
    func errors() {
        func line(_ text: String) -> Int? {
            do {
                _ = try BibTeXParser.parse(text)
                return nil
            } catch {
                return error.line
            }
        }
        #expect(line("@article{a, title = {x}}\n@book{b,\n title = {never {closed}\n\n") == 3)
        #expect(line("@article{a,\n title = {x}\n year = 1990}") == 3)
        #expect(line("\n\n@article{a, journal = nowhere}") == 3)
        #expect(line("@article{a, title={x}}\n@book{A, title={y}}") == 2)
        #expect(line("@article{a, title={x}, title={y}}") == 1)
        #expect(line("@{a, title={x}}") == 1)
        #expect(line("@article{a, title=\"unterminated}") == 1)
        do {
            _ = try BibTeXParser.parse("@article{a, journal = nowhere}")
            Issue.record("an undefined macro must be an error")
        } catch {
            #expect(error.description.contains("nowhere"))
        }
    }

    @Test("entries without fields, trailing commas and @preamble are accepted")
    func edgeCases() throws {
        let entries = try BibTeXParser.parse("@preamble{ \"\\newcommand{\\x}{y}\" }\n@misc{empty}\n@misc{trailing, title = {T},}")
        #expect(entries.map(\.key) == ["empty", "trailing"])
        #expect(entries[1][text: "title"] == "T")
    }
}
