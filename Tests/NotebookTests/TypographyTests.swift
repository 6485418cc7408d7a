import Testing

@testable import Notebook

@Suite("Typography of the running text")
struct TypographyTests {
    private func text(_ source: String) -> String {
        InlineMarkdown.parse(source).map { inline -> String in
            switch inline {
            case .text(let t): t
            case .code(let c): "`\(c)`"
            case .math(let m): "$\(m)$"
            default: "?"
            }
        }.joined()
    }

    @Test("straight quotes become curly ones, opening after a space or bracket and closing after a word")
    func quotes() {
        #expect(text("the model's \"error\" ('worst')") == "the model\u{2019}s \u{201C}error\u{201D} (\u{2018}worst\u{2019})")
        #expect(text("Pons' sets") == "Pons\u{2019} sets")
        #expect(text("$x$'s value") == "$x$\u{2019}s value", "a quote after a formula closes")
        #expect(text("`don't` touch code") == "`don't` touch code")
    }

    @Test("a hyphen before a number is a minus sign; a hyphen inside words and ranges stays")
    func minus() {
        #expect(text("values -0.5 and (-3, -.25)") == "values \u{2212}0.5 and (\u{2212}3, \u{2212}.25)")
        #expect(text("a 14-step path, 10-20 runs, x-axis, e-greedy") == "a 14-step path, 10-20 runs, x-axis, e-greedy")
        #expect(text("math stays: $-1$") == "math stays: $-1$")
    }

    @Test("x between or after numbers is a multiplication sign, nowhere else")
    func times() {
        #expect(text("a 2 x 2 game, 3.6x faster, 97x.") == "a 2 \u{00D7} 2 game, 3.6\u{00D7} faster, 97\u{00D7}.")
        #expect(text("max x of 2 xor 3, L1x, 0x1F, a x b") == "max x of 2 xor 3, L1x, 0x1F, a x b")
    }

    @Test("the lint asks for math in place of 1e-12 and visits^2.5, \\varepsilon for \\epsilon and \\mid for a conditional bar")
    func textLint() {
        #expect(TextLint.problems(in: InlineMarkdown.parse("within 1e-12 of one"), fileExists: nil).count == 1)
        #expect(TextLint.problems(in: InlineMarkdown.parse("by visits^2.5 and 10^-3"), fileExists: nil).count == 2)
        #expect(TextLint.problems(in: InlineMarkdown.parse("within $10^{-12}$, like e-greedy or 10-20"), fileExists: nil).isEmpty)
        #expect(TextLint.mathProblems(in: "\\epsilon = 0.1").count == 1)
        #expect(TextLint.mathProblems(in: "\\varepsilon = 0.1, \\epsilon_t").count == 1)
        #expect(TextLint.mathProblems(in: "\\hat{P}(s'|s,a)").count == 1)
        #expect(TextLint.mathProblems(in: "\\hat{P}(s' \\mid s,a) + |V - \\hat V| + \\left| x \\right|").isEmpty)
    }

    @Test("the lint names a path in the text that the repository does not hold, and only paths")
    func paths() {
        #expect(TextLint.paths(in: "see chapters/ and Sources/Games/ConnectFour.swift, (data/x.csv).") == ["chapters/", "Sources/Games/ConnectFour.swift", "data/x.csv"])
        #expect(TextLint.paths(in: "and/or 1/2 1/√N https://example.org/a.html TV/ε").isEmpty)
        let problems = TextLint.problems(in: InlineMarkdown.parse("from `chapters/` and `chapters/Gone.swift`"), fileExists: { $0 == "chapters/" })
        #expect(problems == ["names \"chapters/Gone.swift\", which the repository does not hold"])
    }

    @Test("a numeric column has one precision rule: one number of decimals, or of significant digits")
    func onePrecisionPerColumn() {
        func column(_ cells: [String]) -> TableData { TableData(header: ["x"], rows: cells.map { [$0] }) }
        #expect(column(["0.304", "0.029", "1.900"]).hasOnePrecision(column: 0))
        #expect(column(["49.1", "16.8", "27"]).hasOnePrecision(column: 0), "whole numbers are counts beside decimals")
        #expect(column(["0.0035 s", "0.052 s", "1.2 s", "14 s", "n/a"]).hasOnePrecision(column: 0), "two significant digits")
        #expect(!column(["1.9", "1.9", "1.98"]).hasOnePrecision(column: 0))
        #expect(!column(["0.0035 s", "0.0521 s", "1.18 s"]).hasOnePrecision(column: 0))
        #expect(column(["0.0082", "−1/18"]).isNumeric(column: 0), "an exact fraction is a number")
        #expect(ClaimCheck.format(155_327) == "155,327" && ClaimCheck.format(-0.5014) == "\u{2212}0.501")
        #expect(ClaimCheck.format(1.3e-12) == "1.3 \u{00D7} 10⁻¹²", "a tiny value is never printed as 0")
    }
}
