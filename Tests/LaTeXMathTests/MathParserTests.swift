import FigureGallery
import Testing

@testable import LaTeXMath

@Suite("The LaTeX math parser")
struct MathParserTests {
    /// Every formula of the seed text, plus a few the chapters use.
    static let seedFormulas = SeedFormulas.all + [
        "v_\\phi(s) \\approx \\mathbb{E}[z|s], \\quad z \\in \\{-1, +1\\}",
        "\\mathcal{N} = \\{1, 2, \\ldots, n\\}",
        "u_i: \\mathcal{A}_1 \\times \\cdots \\times \\mathcal{A}_n \\to \\mathbb{R}",
        "a^* = \\arg\\max_a \\sum_{s'} \\hat{P}(s'|s,a) \\left[ \\hat{R} + \\gamma V(s') \\right]",
        "\\bar{x} + \\tilde{y}",
    ]

    @Test("every formula of the seed parses", arguments: seedFormulas)
    func seedFormulasParse(_ formula: String) throws {
        #expect(try !MathParser.parse(formula).isEmpty)
    }

    @Test("structure: fractions, scripts, radicals, delimiters")
    func structure() throws {
        #expect(try MathParser.parse("\\frac{a}{2}") == [.fraction(.group([.letter("a")]), .group([.number("2")]))])
        #expect(try MathParser.parse("x_i^2") == [.scripts(base: .letter("x"), sub: .letter("i"), sup: .number("2"))])
        #expect(try MathParser.parse("\\sqrt{x}") == [.radical(.group([.letter("x")]))])
        #expect(try MathParser.parse("\\left( x \\right)") == [.delimited(left: "(", body: .group([.letter("x")]), right: ")")])
        #expect(try MathParser.parse("a \\leq b") == [.letter("a"), .symbol("≤", .relation), .letter("b")])
        #expect(try MathParser.parse("\\max_a") == [.scripts(base: .operatorName("max", limits: true), sub: .letter("a"), sup: nil)])
    }

    @Test("malformed formulas give the position and the reason", arguments: [
        ("\\frac{a}", 8, "missing denominator"),
        ("x^{2", 4, "missing `}`"),
        ("a}", 1, "unexpected `}`"),
        ("\\foo + 1", 0, "unknown command `\\foo`"),
        ("x^2^3", 3, "double superscript"),
        ("\\left( x", 8, "without a matching `\\right`"),
        ("x \\right)", 2, "`\\right` without a matching `\\left`"),
        ("\\", 0, "a lone `\\`"),
        ("a & b", 2, "not supported"),
    ])
    func malformed(_ formula: String, _ position: Int, _ reason: String) {
        do {
            _ = try MathParser.parse(formula)
            Issue.record("\(formula) parsed")
        } catch let error as MathSyntaxError {
            #expect(error.position == position, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("fuzz: random and mutated inputs never crash or hang")
    func fuzz() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let alphabet = Array("\\{}^_()[]|.,;:+-=<> abcxyz0129'&αfrac left right sqrt hat text mathbb")
        var parsed = 0
        for round in 0..<4000 {
            var input: String
            if round % 2 == 0 {
                input = String((0..<Int(next() % 40)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
            } else {
                var chars = Array(Self.seedFormulas[Int(next() % UInt64(Self.seedFormulas.count))])
                for _ in 0..<(1 + Int(next() % 4)) where !chars.isEmpty {
                    let i = Int(next() % UInt64(chars.count))
                    switch next() % 3 {
                    case 0: chars.remove(at: i)
                    case 1: chars.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: i)
                    default: chars[i] = alphabet[Int(next() % UInt64(alphabet.count))]
                    }
                }
                input = String(chars)
            }
            do {
                _ = try MathParser.parse(input)
                parsed += 1
            } catch let error as MathSyntaxError {
                #expect(error.position >= 0 && error.position <= input.count)
            } catch {
                Issue.record("unexpected error type for \(input)")
            }
        }
        #expect(parsed > 100)
        // Deep nesting is refused, not a stack overflow.
        #expect(throws: MathSyntaxError.self) { try MathParser.parse(String(repeating: "{", count: 10_000)) }
    }
}

@Suite("Formulas as plain text")
struct MathPlainTextTests {
    @Test("alt texts read as words and Unicode, never as TeX")
    func plainText() {
        #expect(MathPlainText.text(of: "\\max_a Q(s,a)") == "maxₐ Q(s, a)")
        #expect(MathPlainText.text(of: "\\gamma^{d-1}") == "γ^(d−1)")
        #expect(MathPlainText.text(of: "\\kappa = 10^{-4}") == "κ = 10⁻⁴")
        #expect(MathPlainText.text(of: "1/\\sqrt{N}") == "1/√N")
        for formula in ["\\max_a Q(s,a)", "\\hat{P}(s' \\mid s,a)", "\\frac{a}{b}", "c_{\\text{puct}}"] {
            #expect(!MathPlainText.text(of: formula).contains("\\"), "\(formula)")
        }
    }
}
