import Charts
import Foundation

/// The blocks of a chapter as HTML: numbered headings with anchors, paragraphs, MathML equations,
/// notebook cells for experiments, figures as inline SVG, tables, claim badges and callouts.
struct SiteBlocks {
    let inline: SiteInline
    let chapter: ResolvedChapter
    /// The figures' laid-out display lists by figure id, as the engine computed them for the figure keys.
    let displayLists: [String: DisplayList]

    var links: SiteLinks { inline.links }

    func nodes(_ blocks: [ResolvedBlock]) throws -> [HTMLNode] {
        try blocks.map(node)
    }

    func node(_ block: ResolvedBlock) throws -> HTMLNode {
        switch block {
        case .heading(let number, let level, let title, let id):
            let anchor = SiteLinks.headingAnchor(id: id, number: number, chapter: chapter.id)
            return HTML.el("h\(min(6, level + 1))", attributes: [("id", anchor)], [
                HTML.el("span", ["class": "number"], text: number), .text(" "),
            ] + (try inline.nodes(title)) + [
                .text(" "), HTML.el("a", attributes: [("class", "anchor"), ("href", "#\(anchor)"), ("aria-label", "Link to section \(number)")], [.text("#")]),
            ])
        case .paragraph(let inlines):
            return HTML.el("p", [:], try inline.nodes(inlines))
        case .equation(let latex, let number, let id):
            var children = [try MathMLWriter.math(latex, display: true)]
            if let number { children.append(HTML.el("span", ["class": "equation-number"], text: "(\(number))")) }
            return HTML.el("div", attributes: [("class", "equation"), ("id", id)], children)
        case .experiment(let experiment):
            return cell(experiment)
        case .figure(let figure):
            return try self.figure(figure)
        case .table(let id, let number, let caption, let data):
            return try table(id: id, number: number, caption: caption, data: data)
        case .claim(let id, let statement, let check):
            return try claim(id: id, statement: statement, check: check)
        case .callout(let kind, let title, let content):
            var children = [HTMLNode]()
            let label = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
            children.append(HTML.el("p", ["class": "callout-title"], text: title.map { "\(label): \($0)" } ?? label))
            children += try nodes(content)
            return HTML.el("aside", attributes: [("class", "callout \(kind.rawValue)")], children)
        }
    }

    /// An experiment as a notebook cell: its design and provenance in view, the code folded.
    func cell(_ experiment: ResolvedExperiment) -> HTMLNode {
        var facts = [String]()
        if let provenance = experiment.provenance {
            facts.append("\(provenance.units) unit\(provenance.units == 1 ? "" : "s") (\(provenance.points) point\(provenance.points == 1 ? "" : "s") × \(provenance.replicates) replicate\(provenance.replicates == 1 ? "" : "s"))")
            facts.append("seed \(provenance.seed)")
            facts.append("key \(provenance.shortKey)")
            facts.append(provenance.verification)
        } else {
            facts.append(experiment.summary)
        }
        // The wall time and whether this run computed it are filled in from timings.js, which
        // alone changes from run to run (as the lock's times do).
        let timing = HTML.el("span", attributes: [("class", "timing"), ("data-experiment", experiment.id)], [])
        var children: [HTMLNode] = [
            HTML.el("p", ["class": "cell-head"], [
                HTML.el("span", ["class": "cell-label"], text: "Experiment"), .text(" "), HTML.el("code", text: experiment.id),
            ]),
            HTML.el("p", ["class": "provenance"], [.text(facts.joined(separator: " · ")), timing]),
        ]
        if !experiment.code.isEmpty {
            let code = experiment.code.joined(separator: "\n\n")
            children.append(HTML.el("details", ["class": "code"], [
                HTML.el("summary", [:], [.text("Code: "), HTML.el("code", text: "\(experiment.file):\(experiment.line)")]),
                HTML.el("pre", [:], [HTML.el("code", ["class": "swift"], SwiftHighlighter.highlight(code))]),
            ]))
        }
        return HTML.el("div", attributes: [("class", "cell"), ("id", experiment.id)], children)
    }

    /// Seconds as a reader wants them: "under 0.1 s", "0.4 s", "12 s", "3.2 min", "1.5 h".
    static func duration(_ seconds: Double) -> String {
        if seconds < 0.1 { return "under 0.1 s" }
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7200 { return String(format: "%.1f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3600)
    }

    func figure(_ figure: ResolvedFigure) throws -> HTMLNode {
        let list = displayLists[figure.id] ?? ChartLayout.displayList(for: figure.spec)
        let caption = inline.plain(figure.caption)
        let description = "Figure \(figure.number): \(caption) \(FigureDescription.text(figure.spec))"
        let base = "../\(figure.basePath)"
        let files = ["png": "PNG", "pdf": "PDF", "csv": "data (CSV)"].sorted { $0.key > $1.key }.map { ext, label in
            HTML.el("a", attributes: [("href", "\(base).\(ext)")], [.text(label)])
        }
        var fileLinks: [HTMLNode] = []
        for (index, link) in files.enumerated() {
            if index > 0 { fileLinks.append(.text(" · ")) }
            fileLinks.append(link)
        }
        return HTML.el("figure", attributes: [("id", figure.id)], [
            HTML.el("div", ["class": "chart-frame"], [SVGFigure.svg(list, id: figure.id, description: description)]),
            HTML.el("figcaption", [:], [HTML.el("span", ["class": "label"], text: "Figure \(figure.number)."), .text(" ")]
                + (try inline.nodes(figure.caption)) + [.text(" "), HTML.el("span", ["class": "files"], fileLinks)]),
        ])
    }

    func table(id: String, number: String, caption: [Inline], data: TableData) throws -> HTMLNode {
        let numeric = data.header.indices.map { data.isNumeric(column: $0) }
        let head = HTML.el("tr", [:], try data.header.enumerated().map { column, cell in
            HTML.el("th", attributes: [("scope", "col"), ("class", numeric[column] ? "num" : nil)], try inline.nodes(markdown: cell))
        })
        let rows = try data.rows.enumerated().map { row, cells in
            HTML.el("tr", [:], try cells.enumerated().map { column, cell in
                let classes = [numeric[column] ? "num" : nil, data.isHighlighted(row: row, column: column) ? "highlight" : nil].compactMap { $0 }
                return HTML.el("td", attributes: [("class", classes.isEmpty ? nil : classes.joined(separator: " "))], try inline.nodes(markdown: cell))
            })
        }
        return HTML.el("div", ["class": "table-wrap"], [
            HTML.el("table", attributes: [("id", id)], [
                HTML.el("caption", [:], [HTML.el("span", ["class": "label"], text: "Table \(number)."), .text(" ")] + (try inline.nodes(caption))),
                HTML.el("thead", [:], [head]),
                HTML.el("tbody", [:], rows),
            ]),
        ])
    }

    func claim(id: String, statement: [Inline], check: ClaimCheck) throws -> HTMLNode {
        let held = check.passed
        var backing = [HTMLNode]()
        for experiment in chapter.claimExperiments[id] ?? [] {
            guard let home = links.experimentChapters[experiment] else { continue }
            if !backing.isEmpty { backing.append(.text(", ")) }
            backing.append(HTML.el("a", attributes: [("href", SiteLinks.link(to: experiment, inChapter: home, from: chapter.id))], [HTML.el("code", text: experiment)]))
        }
        var detail: [HTMLNode] = [HTML.el("code", text: id), .text(": \(check.summary)")]
        if !backing.isEmpty { detail += [.text(" · from ")] + backing }
        return HTML.el("div", attributes: [("class", "claim \(held ? "held" : "failed")"), ("id", id)], [
            HTML.el("span", attributes: [("class", "badge"), ("title", held ? "This claim held on the run that wrote this page" : "This claim did not hold on the run that wrote this page")],
                    [.text(held ? "✓ held" : "✗ failed")]),
            .text(" "),
            HTML.el("span", ["class": "statement"], try inline.nodes(statement)),
            HTML.el("span", ["class": "check"], detail),
        ])
    }
}
