import Charts
import FigureGallery
import Notebook

/// A small book that exercises every element the typesetter draws, for the page tests.
enum SampleBook {
    /// Every formula of the seed text.
    static let seedFormulas = SeedFormulas.all

    static let index: [String: IndexEntry] = {
        var entries = [String: IndexEntry]()
        for (i, _) in seedFormulas.enumerated() {
            entries["eq-\(i)"] = IndexEntry(id: "eq-\(i)", chapter: "sample", number: "1.\(i + 1)", label: "Equation 1.\(i + 1)")
        }
        entries["fig-sample"] = IndexEntry(id: "fig-sample", chapter: "sample", number: "1.1", label: "Figure 1.1")
        entries["tbl-pd"] = IndexEntry(id: "tbl-pd", chapter: "sample", number: "1.1", label: "Table 1.1")
        entries["sec-math"] = IndexEntry(id: "sec-math", chapter: "sample", number: "1.1", label: "Section 1.1")
        return entries
    }()

    static let prisonersDilemma = PayoffTable(
        rowActions: ["Cooperate", "Defect"], columnActions: ["Cooperate", "Defect"],
        rowPayoffs: [[-1, -3], [0, -2]], columnPayoffs: [[-1, 0], [-3, -2]])

    static let book: ResolvedBook = {
        var blocks: [ResolvedBlock] = [
            .heading(number: "1.1", level: 1, title: [.text("Formulas of the seed")], id: "sec-math"),
            .paragraph(InlineMarkdown.parse("Inline math sits on the baseline: $\\hat{P}(s'|s,a) \\approx P(s'|s,a)$, $\\frac{1}{\\sqrt{N}}$ and $\\mathbb{E}[z|s]$, as @eq-0 and @fig-sample show.")),
        ]
        for (i, formula) in seedFormulas.enumerated() {
            blocks.append(.equation(latex: formula, number: "1.\(i + 1)", id: "eq-\(i)"))
        }
        blocks += [
            .figure(ResolvedFigure(id: "fig-sample", number: "1.1", caption: [.text("A search tree and "), .math("N(s,a)")], spec: FigureGallery.all[6].figure, chapter: "sample")),
            .table(id: "tbl-pd", number: "1.1", caption: [.text("The prisoner's dilemma; best responses bold, the equilibrium highlighted.")], data: prisonersDilemma.table()),
            .claim(id: "clm-pass", statement: [.text("A claim that holds.")], check: ClaimCheck(3, .atMost(4), unit: "episodes")),
            .claim(id: "clm-fail", statement: [.text("A claim that does not.")], check: ClaimCheck(5, .atMost(4), unit: "episodes")),
            .callout(kind: .warning, title: "A warning", content: [.paragraph([.text("Callouts are boxed.")])]),
        ]
        let chapter = ResolvedChapter(id: "sample", number: 1, title: "A sample chapter", blocks: blocks)
        return ResolvedBook(title: "Sample", subtitle: "Every element once", author: "Tests", chapters: [chapter], index: index)
    }()
}
