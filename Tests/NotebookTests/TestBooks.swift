import Charts
import Foundation
import Notebook

/// A renderer that draws nothing: its files are the figure spec's text, so tests need no Cairo.
struct TextRenderer: ArtefactRenderer {
    let version = "text-renderer-1"

    func renderFigure(_ spec: FigureSpec) throws -> RenderedFigure {
        let snapshot = Array(ChartLayout.displayList(for: spec).snapshot.utf8)
        return RenderedFigure(png: snapshot, svg: snapshot, pdf: snapshot)
    }

    func typeset(_ book: ResolvedBook) throws -> [UInt8] {
        Array(MarkdownWriter(book: book).bookMarkdown().utf8)
    }
}

/// A small experiment: the mean of `count` uniform draws.
struct Draws: Codable, Sendable, Hashable {
    var count: Int
}

let drawExperiment = Experiment("exp-draws", parameters: [Draws(count: 10), Draws(count: 100)], replicates: 4) { point, generator in
    return (0..<point.count).map { _ in generator.uniformUnit() }.reduce(0, +) / Double(point.count)
}

let changedExperiment = Experiment("exp-draws", parameters: [Draws(count: 10), Draws(count: 200)], replicates: 4) { point, generator in
    (0..<point.count).map { _ in generator.uniformUnit() }.reduce(0, +) / Double(point.count)
}

struct ExperimentFailure: Error, CustomStringConvertible {
    var description: String { "the environment exploded" }
}

let failingExperiment = Experiment("exp-draws", parameters: [Draws(count: 10)], replicates: 2) { _, _ -> Double in
    throw ExperimentFailure()
}

/// A one-chapter book around `experiment`, with `prose` as its first paragraph.
func testBook(prose: String = "Uniform draws average one half.", experiment: Experiment<Draws, Double> = drawExperiment, claimBound: Double = 0.2) -> Book {
    let chapter = Chapter("draws", title: "Draws", uses: [.module("Randomness")]) {
        Prose(prose)
        Section("Means", id: "sec-means") {
            experiment
            Figure("fig-means", caption: "Means of the draws; see @tbl-means.") { results in
                let r = try results[experiment]
                return Chart(x: Axis("Draws"), y: Axis("Mean")) {
                    for point in r.points {
                        PointMark(points: point.replicates.map { DataPoint(x: Double(point.parameter.count), y: $0) }, series: "replicates")
                    }
                    RuleMark(.horizontal, at: 0.5, label: "1/2")
                }
            }
            Table("tbl-means", caption: "Mean per point, as in @fig-means.") { results in
                let r = try results[experiment]
                return TableData(header: ["draws", "mean"], rows: r.points.map { ["\($0.parameter.count)", String(format: "%.3f", SampleSummary($0.replicates).mean)] })
            }
            Claim("clm-half", "The means are near one half.") { results in
                let all = try results[experiment].points.flatMap(\.replicates)
                return ClaimCheck(abs(SampleSummary(all).mean - 0.5), .atMost(claimBound))
            }
        }
    }
    return Book(title: "Test", subtitle: "A test book", author: "Tests", seed: 1, chapters: [chapter])
}

/// A fresh temporary folder.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rlnotes-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The files under `folder` with their bytes.
func contents(of folder: URL) -> [String: [UInt8]] {
    let store = OutputStore(root: folder)
    return Dictionary(uniqueKeysWithValues: store.allFiles().map { ($0, store.read($0)!) })
}
