import Foundation

/// Reads and atomically writes files under an output folder: each write goes to a temporary file
/// in the same folder and is renamed into place, so a killed run never leaves a half-written file.
public struct OutputStore: Sendable {
    /// The output folder.
    public let root: URL

    /// A store over `root`.
    public init(root: URL) {
        self.root = root
    }

    /// The URL of `path` (relative to the root).
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The bytes at `path`, or `nil` if there is no such file.
    public func read(_ path: String) -> [UInt8]? {
        (try? Data(contentsOf: url(path))).map(Array.init)
    }

    /// Writes `bytes` to `path` atomically, creating folders as needed; does nothing if the file
    /// already holds exactly these bytes (so unchanged files keep their modification times).
    public func write(_ bytes: [UInt8], to path: String) throws {
        if read(path) == bytes { return }
        let target = url(path)
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
            do { try Data(bytes).write(to: temporary) } catch {
                // A full disk leaves a partial file: take it away before reporting.
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw NotebookError.unwritableOutput(path: target.path, reason: reason)
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError.unwritableOutput(path: target.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Writes UTF-8 text to `path` atomically.
    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Checks that the root can be created and written, with an actionable error if not.
    public func ensureWritable() throws {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.unwritableOutput(path: root.path, reason: "the folder cannot be created")
        }
        guard FileManager.default.isWritableFile(atPath: root.path) else {
            throw NotebookError.unwritableOutput(path: root.path, reason: "permission denied")
        }
    }

    /// Every file below the root, as sorted relative paths (hidden temporary files excluded).
    public func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files = [String]()
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { files.append(path) }
        }
        return files.sorted()
    }

    /// Removes `path` if it exists.
    public func remove(_ path: String) {
        try? FileManager.default.removeItem(at: url(path))
    }
}
