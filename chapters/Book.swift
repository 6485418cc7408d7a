import Foundation
import Notebook

/// The book's table of contents: the chapters in reading order.
public enum RLNotesBook {
    /// The whole report.
    public static let book = Book(
        title: "RL Notes",
        subtitle: "Model-based reinforcement learning and multi-agent learning, measured",
        author: "The RL Notes authors",
        seed: 20_261_126,
        bibliography: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("references.bib").path,
        chapters: [
            dynaChapter,
            modelErrorChapter,
            mctsChapter,
            alphaZeroChapter,
            muZeroChapter,
            multiAgentChapter,
        ]
    )
}
