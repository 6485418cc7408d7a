import Foundation

/// `report preview`'s loop: watch the sources, and when they change rebuild and rerun what the
/// change touches (the chapter whose file changed, or every chapter when shared code changed; the
/// cache decides which experiments actually rerun), then reload the open pages. A failed rebuild
/// is printed and the last good output stays served.
public struct PreviewSession: Sendable {
    /// The server the pages come from.
    public let server: PreviewServer
    /// The chapter id each chapter file declares, by standardized absolute path.
    public let chapterFiles: [String: String]
    /// Rebuilds and reruns the chapters given (`nil`: all of them).
    public let rebuild: @Sendable (_ chapters: [String]?) async throws -> Void
    /// Where progress goes.
    public let log: @Sendable (String) -> Void
    private var watcher: SourceWatcher

    /// A session over `server`, watching `folders`.
    public init(
        server: PreviewServer, watching folders: [URL], chapterFiles: [String: String],
        log: @escaping @Sendable (String) -> Void, rebuild: @escaping @Sendable ([String]?) async throws -> Void
    ) {
        self.server = server
        self.chapterFiles = chapterFiles
        self.rebuild = rebuild
        self.log = log
        watcher = SourceWatcher(folders: folders)
    }

    /// The chapters to rerun for `changes`: the chapters whose own files changed, or `nil` (all)
    /// when any other file changed.
    public func chapters(for changes: [String]) -> [String]? {
        var chapters = [String]()
        for path in changes {
            guard let chapter = chapterFiles[path] else { return nil }
            if !chapters.contains(chapter) { chapters.append(chapter) }
        }
        return chapters
    }

    /// Looks once for changes; if there are any, rebuilds, reruns and reloads the pages. Returns
    /// whether anything changed.
    @discardableResult
    public mutating func pollOnce() async -> Bool {
        let changes = watcher.changes()
        guard !changes.isEmpty else { return false }
        let chapters = chapters(for: changes)
        log("preview: \(changes.count) file\(changes.count == 1 ? "" : "s") changed; rerunning \(chapters.map { $0.joined(separator: ", ") } ?? "every chapter")")
        do {
            try await rebuild(chapters)
            server.bump()
            log("preview: updated; open pages reload")
        } catch {
            log("preview: the rebuild failed, the last good output is still served: \(error)")
        }
        // Edits made while rebuilding are picked up by the next poll, not lost.
        return true
    }

    /// Polls every `interval` seconds until the task is cancelled.
    public mutating func run(every interval: Double = 0.5) async {
        while !Task.isCancelled {
            await pollOnce()
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }
}
