import Foundation
import Randomness
import Testing

@testable import Bibliography

@Suite("BibTeX reader under fuzzing")
struct BibTeXFuzzTests {
    /// Characters that matter to the grammar, drawn more often than others.
    static let alphabet = Array("@{}()\",=#%\\ \n\tabcAND and{\\\"o}--~`'") + ["é", "\u{0}", "😀"]

    /// Applies `count` random edits (insert, delete, duplicate a span) to `text`.
    static func mutate(_ text: [Character], count: Int, using generator: inout Xoshiro256StarStar) -> [Character] {
        var chars = text
        for _ in 0..<count {
            let position = chars.isEmpty ? 0 : generator.uniformIndex(below: chars.count)
            switch generator.uniformIndex(below: 3) {
            case 0: chars.insert(alphabet[generator.uniformIndex(below: alphabet.count)], at: position)
            case 1: if !chars.isEmpty { chars.remove(at: position) }
            default:
                let length = min(chars.count - position, 1 + generator.uniformIndex(below: 40))
                chars.insert(contentsOf: chars[position..<(position + length)], at: position)
            }
        }
        return chars
    }

    /// Parses and formats everything; any crash fails the whole test run.
    static func exercise(_ text: String) {
        do {
            let bibliography = try Bibliography(bibtex: text)
            for key in bibliography.keys {
                _ = bibliography.formatted(key)
                _ = bibliography.authors(key)
            }
            _ = bibliography.sorted
        } catch {
            #expect(error.line >= 1)
            #expect(error.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        }
    }

    @Test("2,000 mutations of a real file parse or fail with a line number, never crash")
    func mutations() {
        let base = Array(BibTeXParserTests.fixture)
        var generator = Xoshiro256StarStar(seed: 0xB1B7E5)
        for _ in 0..<2000 {
            Self.exercise(String(Self.mutate(base, count: 1 + generator.uniformIndex(below: 8), using: &generator)))
        }
    }

    @Test("random strings over the grammar's characters never crash")
    func noise() {
        var generator = Xoshiro256StarStar(seed: 0x5EED)
        for _ in 0..<2000 {
            let length = generator.uniformIndex(below: 200)
            Self.exercise(String((0..<length).map { _ in Self.alphabet[generator.uniformIndex(below: Self.alphabet.count)] }))
        }
    }

    @Test("deep nesting and long inputs stay linear and do not overflow the stack")
    func deep() throws {
        let depth = 100_000
        let nested = "@misc{k, title = {" + String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth) + "}}"
        let entries = try BibTeXParser.parse(nested)
        #expect(entries[0][text: "title"] == "x")
        let commands = "@misc{k, title = {" + String(repeating: "\\emph{", count: 10_000) + "x" + String(repeating: "}", count: 10_000) + "}}"
        #expect(try BibTeXParser.parse(commands)[0][text: "title"] != nil)
        let many = (0..<5000).map { "@misc{key\($0), title = {Title \($0)}, author = {A, B and C, D}}" }.joined(separator: "\n")
        #expect(try Bibliography(bibtex: many).keys.count == 5000)
        #expect(throws: BibTeXError.self) { try BibTeXParser.parse("@misc{k, title = {" + String(repeating: "{", count: depth)) }
    }
}
