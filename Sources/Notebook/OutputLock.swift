import Foundation

/// An exclusive lock on an output folder for the length of a run, so two `report` processes never
/// interleave their files: `flock` on a hidden file in the folder, which the kernel releases when
/// the process ends however it ends. The holder's process id is written into the file so the
/// second run can name it.
public final class OutputLock {
    /// The hidden lock file's name inside the output folder.
    public static let fileName = ".report.lock"
    private let descriptor: Int32

    /// Takes the lock on `folder` (created if missing), or throws `NotebookError.outputBusy`
    /// naming the process that holds it.
    public init(folder: URL) throws {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw NotebookError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw NotebookError.outputBusy(path: folder.path, holder: holder.flatMap(Int32.init))
        }
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension OutputStore {
    /// Hidden temporary files (`.name.tmp-PID`) below the root, as relative paths.
    public func temporaryFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = root.standardizedFileURL.path + "/"
        var found = [String]()
        for case let url as URL in enumerator where url.lastPathComponent.hasPrefix(".") && url.lastPathComponent.contains(".tmp-") {
            found.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return found.sorted()
    }

    /// Removes the temporary files a killed run left behind (call while holding the folder's
    /// `OutputLock`, when no other writer can be at work); returns their paths.
    @discardableResult
    public func removeLeftoverTemporaries() -> [String] {
        let leftovers = temporaryFiles()
        for path in leftovers { remove(path) }
        return leftovers
    }
}

/// The scratch folders of `report check`, named after their process so that a later run can tell
/// an abandoned one from a live one.
public enum CheckScratch {
    /// The prefix of every check's scratch folder in the temporary directory.
    public static let prefix = "rlnotes-check-"

    /// A new scratch folder for this process.
    public static func make() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)")
    }

    /// Removes the scratch folders of processes that no longer run (or, with `process`, those of
    /// that process); returns how many.
    @discardableResult
    public static func removeAbandoned(of process: Int32? = nil) -> Int {
        let folder = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let owner = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            let abandoned = process.map { $0 == owner } ?? (kill(owner, 0) != 0 && errno == ESRCH)
            if abandoned, (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }
}
