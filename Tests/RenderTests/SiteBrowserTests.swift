import Foundation
import Notebook
import Testing

@testable import Render

/// The sample book with a second chapter of notebook cells, for the site's screenshots.
enum SampleSite {
    static let cellCode = """
        // Thirty agents per planning budget, fifty episodes each.
        Experiment("exp-maze", parameters: [0, 5, 50], replicates: 30) { n, generator in
            var agent = DynaQ(maze: .suttonBarto, planningSteps: n)
            return agent.learn(episodes: 50, using: &generator)
        }
        """

    static let book: ResolvedBook = {
        let cells = ResolvedChapter(id: "cells", number: 2, title: "Notebook cells", blocks: [
            .heading(number: "2.1", level: 1, title: [.text("An experiment and its claim")], id: nil),
            .paragraph(InlineMarkdown.parse("Each experiment shows its design, its provenance and, folded, the code its key covers; see @tbl-pd.")),
            .experiment(ResolvedExperiment(
                id: "exp-maze", summary: "3 parameter points × 30 replicates, one random stream each", code: [cellCode], file: "chapters/Dyna.swift", line: 17,
                provenance: ExperimentProvenance(shortKey: "b397374cd2c0", seed: 20261126, points: 3, replicates: 30, seconds: 0.8, ranNow: false, cost: .standard, replayable: false))),
            .claim(id: "clm-short", statement: InlineMarkdown.parse("With $n = 50$ the second episode is already short."), check: ClaimCheck(17, .atMost(20), unit: "steps")),
        ], claimExperiments: ["clm-short": ["exp-maze"]])
        let sample = SampleBook.book
        var index = sample.index
        index["exp-maze"] = nil
        return ResolvedBook(title: "Sample", subtitle: "Every element once", author: "Tests", chapters: sample.chapters + [cells], index: index)
    }()
}

@Suite("The web edition in headless Chromium", .serialized)
struct SiteBrowserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SitePages")

    @Test("every page of the committed site loads: images, SVG and fonts, MathML laid out as math, no console message, no sideways scrolling at 390 and 1280 px; every link resolves")
    func committedSite() throws {
        let output = Self.packageRoot.appendingPathComponent("output")
        let site = output.appendingPathComponent(SiteWriter.folder)
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("index.html") && pages.count >= 3)
        #expect(SiteLinkCheck.brokenLinks(root: output).map(\.description) == [])
        guard Browser.available() != nil else { return }
        let (reports, console) = try Browser.check(site: site, pages: pages)
        #expect(reports.count == 2 * pages.count)
        for report in reports where !report.isClean { Issue.record("\(report)") }
        #expect(reports.reduce(0) { $0 + $1.math } > 100, "the book's formulas were not found")
        #expect(console == [])
    }

    @Test("the sample site passes the same checks, and its index and two chapter pages look as recorded, light and dark")
    func sampleSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fonts = try CairoRenderer().fontFiles(named: SiteWriter.fontFiles)
        let files = try SiteWriter(book: SampleSite.book, fonts: fonts).files()
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let sample = String(decoding: files["sample.html"] ?? [], as: UTF8.self)
        #expect(sample.components(separatedBy: "<math display=\"block\">").count - 1 == SampleBook.seedFormulas.count)
        guard Browser.available() != nil else { return }
        let pages = ["index.html", "sample.html", "cells.html"]
        let (reports, console) = try Browser.check(site: folder, pages: pages)
        for report in reports where !report.isClean { Issue.record("\(report)") }
        #expect(console == [])
        for page in pages {
            for dark in [false, true] {
                let png = try Browser.screenshot(folder.appendingPathComponent(page), width: 1100, height: 900, dark: dark)
                let name = page.replacingOccurrences(of: ".html", with: "") + (dark ? "-dark" : "-light") + ".png"
                try Screenshots.verify(png, reference: Self.screenshots.appendingPathComponent(name))
            }
        }
    }
}
