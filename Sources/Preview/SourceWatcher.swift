import Foundation

/// Watches source folders by polling: a snapshot of every file's size and modification time,
/// compared with the last one. Polling needs no inotify binding and sees edits made by any tool
/// (editors that replace files included); half a second is quick enough for a person.
public struct SourceWatcher: Sendable {
    /// The folders watched.
    public let folders: [URL]
    private var last: [String: FileState]

    struct FileState: Equatable, Sendable {
        let size: Int
        let modified: Date
    }

    /// A watcher over `folders`, taking their current state as the starting point.
    public init(folders: [URL]) {
        self.folders = folders
        last = Self.snapshot(of: folders)
    }

    /// The files added, changed or removed since the last call (or since creation), sorted.
    public mutating func changes() -> [String] {
        let now = Self.snapshot(of: folders)
        let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
        last = now
        return changed.sorted()
    }

    static func snapshot(of folders: [URL]) -> [String: FileState] {
        var state = [String: FileState]()
        for folder in folders {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]) else { continue }
            for case let url as URL in files {
                guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]), values.isRegularFile == true,
                    !url.lastPathComponent.hasPrefix(".") else { continue }
                state[url.standardizedFileURL.path] = FileState(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
        return state
    }
}
