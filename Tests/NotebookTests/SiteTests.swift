import Charts
import Foundation
import Notebook
import Testing

@Suite("Web edition")
struct SiteTests {
    @Test("text and attribute values are escaped, so no text can become markup")
    func escaping() {
        let node = HTML.el("p", attributes: [("title", "a \"quoted\" <b> & c")], [.text("<script>alert(1)</script> & done")])
        #expect(node.markup == "<p title=\"a &quot;quoted&quot; &lt;b&gt; &amp; c\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; done</p>")
    }

    @Test("formulas become MathML Core: fractions, scripts, limits, fences, styled letters")
    func mathML() throws {
        #expect(try MathMLWriter.math("\\frac{a}{b}", display: false).markup.contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"))
        #expect(try MathMLWriter.math("x_i^2", display: false).markup.contains("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"))
        let sum = try MathMLWriter.math("\\sum_{i=1}^{n} x_i", display: true).markup
        #expect(sum.hasPrefix("<math display=\"block\">"))
        #expect(sum.contains("<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"))
        #expect(try MathMLWriter.math("\\sum_{i} x", display: false).markup.contains("<msub><mo largeop=\"false\""))
        #expect(try MathMLWriter.math("\\mathbb{E}[X] + \\mathbf{x} + \\mathcal{L} + \\mathbb{R}", display: false).markup.contains("<mi>𝔼</mi>"))
        #expect(try MathMLWriter.math("\\mathbf{x}", display: false).markup.contains("<mi>𝐱</mi>"))
        #expect(try MathMLWriter.math("\\mathcal{L}", display: false).markup.contains("<mi>ℒ</mi>"))
        #expect(try MathMLWriter.math("\\mathbb{R}", display: false).markup.contains("<mi>ℝ</mi>"))
        #expect(try MathMLWriter.math("\\left( \\frac{1}{2} \\right]", display: true).markup.contains("<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\">]</mo>"))
        #expect(try MathMLWriter.math("a < b", display: false).markup.contains("<mo>&lt;</mo>"))
        #expect(throws: (any Error).self) { try MathMLWriter.math("\\frac{1}", display: false) }
    }

    @Test("Swift is highlighted with swift-syntax's classes and its text is unchanged")
    func highlighting() {
        let source = "// Two draws.\nlet count = 2 + \"x\".count"
        let nodes = SwiftHighlighter.highlight(source)
        let markup = HTMLNode.fragment(nodes).markup
        #expect(markup.contains("<span class=\"com\">// Two draws.</span>"))
        #expect(markup.contains("<span class=\"kw\">let</span>"))
        #expect(markup.contains("<span class=\"num\">2</span>"))
        #expect(markup.contains("<span class=\"str\">x</span>") || markup.contains("<span class=\"str\">\"x\"</span>"))
        let text = markup.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        #expect(text.replacingOccurrences(of: "&quot;", with: "\"") == source)
    }

    @Test("a cell shows the declaration with its comments, dedented; the key text stays token-joined")
    func declarationDisplay() {
        let source = """
            let chapter = Chapter("c") {
                // The mean of ten draws.
                Experiment("exp-a", parameters: [size]) { p, g in
                    p * 2
                }
            }
            /// Ten.
            let size = 10
            """
        let text = DeclarationText(source: source)
        let shown = text.displayText(callee: "Experiment", line: 3)
        #expect(shown == ["// The mean of ten draws.\nExperiment(\"exp-a\", parameters: [size]) { p, g in\n    p * 2\n}", "/// Ten.\nlet size = 10"])
        let topLevel = DeclarationText(source: "private let strength = Experiment(\n    \"exp-b\",\n    parameters: [1]\n) { p, g in\n    p\n}")
        #expect(topLevel.displayText(callee: "Experiment", line: 1) == ["Experiment(\n    \"exp-b\",\n    parameters: [1]\n) { p, g in\n    p\n}"])
        #expect(text.text(callee: "Experiment", line: 3).hasPrefix("Experiment ( \" exp-a \" , parameters"))
    }

    @Test("display lists become SVG: nested clips, circles, multi-line labels, an accessible name")
    func svg() {
        let list = DisplayList(width: 100, height: 50, items: [
            .pushClip(x: 0, y: 0, width: 50, height: 50),
            .path([.circle(centerX: 10, centerY: 10, radius: 2)], PathStyle(fill: .black)),
            .pushClip(x: 1, y: 1, width: 2, height: 2),
            .text(TextItem("a\nb", x: 5, y: 5, size: 10)),
            .popClip, .popClip,
        ])
        let markup = SVGFigure.svg(list, id: "fig-x", description: "A chart of y against x.").markup
        #expect(markup.contains("<title>A chart of y against x.</title>"))
        #expect(markup.contains("<g clip-path=\"url(#fig-x-clip1)\"><path d=\"M8 10a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z\""))
        #expect(markup.contains("<g clip-path=\"url(#fig-x-clip2)\"><text"))
        #expect(markup.contains("<tspan x=\"0\" y=\"-6\">a</tspan><tspan x=\"0\" y=\"6\">b</tspan>"))
        #expect(markup.hasSuffix("</g></g></svg>"))
    }

    @Test("each mark's path carries its values in the axes' terms: a few points each, many as their range and extremes, bars by category")
    func tooltips() {
        let few = (1...3).map { DataPoint(x: Double($0), y: Double($0) * 1.5) }
        let many = (1...40).map { DataPoint(x: Double($0), y: Double(40 - $0)) }
        let chart = Chart(x: Axis("Episode"), y: Axis("Steps")) {
            LineMark(points: few, series: "n = 5")
            LineMark(points: many, series: "n = 50")
            RuleMark(.horizontal, at: 14, label: "shortest path")
        }
        let bars = Chart(x: Axis("Game", ticks: [AxisTick(0, "coordination"), AxisTick(1, "pennies")]), y: Axis("Win rate")) {
            BarMark(x: 1, value: 0.5, error: 0.4...0.6, series: "learner")
        }
        let markup = SVGFigure.svg(ChartLayout.displayList(for: FigureSpec(panels: [chart, bars], columns: 2)), id: "fig-t", description: "").markup
        #expect(markup.contains("<title>n = 5\nEpisode 1: 1.5 (Steps)\nEpisode 2: 3 (Steps)\nEpisode 3: 4.5 (Steps)</title>"))
        #expect(markup.contains("<title>n = 50\n40 points\nfirst Episode 1: 39 (Steps)\nlast Episode 40: 0 (Steps)\nlowest Episode 40: 0 (Steps)\nhighest Episode 1: 39 (Steps)</title>"))
        #expect(markup.contains("<title>shortest path: Steps = 14</title>"))
        #expect(markup.contains("<title>learner\nGame pennies: 0.5 (Win rate)\ninterval 0.4 to 0.6</title>"))
    }

    @Test("the report writes a site whose links resolve, with cells, badges and inline figures, the same bytes on a rerun")
    func writtenSite() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: testBook(prose: "Means of <draws> & more, see @fig-means."), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        let first = contents(of: folder).filter { $0.key.hasPrefix("site/") }
        #expect(Set(first.keys) == ["site/index.html", "site/draws.html", "site/style.css", "site/search.js", "site/search-index.js", "site/timings.js"])
        let page = String(decoding: first["site/draws.html"]!, as: UTF8.self)
        #expect(page.contains("Means of &lt;draws&gt; &amp; more, see <a href=\"#fig-means\" class=\"xref\">Figure"))
        #expect(page.contains("<div class=\"cell\" id=\"exp-draws\">"))
        #expect(page.contains("8 units (2 points × 4 replicates) · seed 1 · key "))
        #expect(page.contains("<span class=\"kw\">return</span>"))
        #expect(page.contains("<span class=\"badge\""))
        #expect(page.contains("<a href=\"#exp-draws\"><code>exp-draws</code></a>"))
        #expect(page.contains("<figure id=\"fig-means\"><div class=\"chart-frame\"><svg "))
        #expect(page.contains("<a href=\"../draws/figures/fig-means.csv\">"))
        #expect(SiteLinkCheck.brokenLinks(root: folder).isEmpty)
        _ = try engine.run(RunOptions(output: folder, force: true, jobs: 1))
        #expect(contents(of: folder).filter { $0.key.hasPrefix("site/") && $0.key != SiteWriter.runDependentFile } == first.filter { $0.key != SiteWriter.runDependentFile })
    }

    @Test("the link checker names missing files, missing anchors and links out of the folder")
    func linkCheck() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = OutputStore(root: folder)
        try store.write("<a id=\"top\" href=\"#top\"></a><a href=\"b.html#nope\"></a><a href=\"gone.html\"></a><a href=\"../../x\"></a><a href=\"https://example.org/#x\"></a>", to: "site/a.html")
        try store.write("<p id=\"here\"></p>", to: "site/b.html")
        try store.write("@font-face { src: url(\"fonts/missing.otf\"); }", to: "site/style.css")
        let broken = SiteLinkCheck.brokenLinks(root: folder).map { "\($0.page) \($0.target)" }
        #expect(broken.sorted() == ["site/a.html ../../x", "site/a.html b.html#nope", "site/a.html gone.html", "site/style.css fonts/missing.otf"])
    }
}
