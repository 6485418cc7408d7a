import Foundation

/// The one file of the web edition that changes from run to run: how long each experiment took
/// and whether the run that wrote the site computed it or took it from the cache. The pages stay
/// byte-identical across runs; this script fills each cell's timing from it (without script the
/// cells show everything else, and the lock still has the times). `report check` compares it as
/// it compares the lock's times: not at all.
enum SiteTimings {
    /// The file's name in the site folder.
    static let file = "timings.js"

    /// The script for `book`'s experiments.
    static func script(book: ResolvedBook) throws -> [UInt8] {
        var texts = [String: String]()
        for experiment in book.chapters.flatMap(\.experiments) {
            guard let provenance = experiment.provenance else { continue }
            let took = SiteBlocks.duration(provenance.seconds)
            texts[experiment.id] = provenance.ranNow ? " · computed by this run in \(took)" : " · from the cache (computed in \(took))"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(texts), as: UTF8.self)
        return Array("""
            // Written by each run: wall times and cache use, kept out of the pages so they do not change.
            window.RLNotesTimings = \(json);
            document.addEventListener("DOMContentLoaded", () => {
              for (const span of document.querySelectorAll("span.timing[data-experiment]")) {
                const text = window.RLNotesTimings[span.dataset.experiment];
                if (text) span.textContent = text;
              }
            });

            """.utf8)
    }
}
