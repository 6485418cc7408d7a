import Foundation

/// Fingerprints of source code for cache keys: the text of one declaration, and the contents of
/// the library files an experiment declares it depends on.
public struct SourceFingerprint: Sendable {
    /// The package root; dependency paths are relative to it.
    public let root: URL

    /// Fingerprints sources under `root`.
    public init(root: URL) {
        self.root = root
    }

    /// The package root above `file` (the nearest folder holding `Package.swift`), if any.
    public static func packageRoot(containing file: String) -> URL? {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// `path` relative to the root when it lies under it.
    public func relativePath(_ path: String) -> String {
        let rootPath = root.standardizedFileURL.path + "/"
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(rootPath) ? String(standardized.dropFirst(rootPath.count)) : path
    }

    /// A digest of the files at `path` (a file, or every file below a folder but hidden ones, in
    /// sorted order, each with its relative path), or "missing" if nothing is there. Folders are
    /// hashed whole so that data files (Pons' positions) are keyed like sources; top-level entries
    /// of a folder named in `excluded` (the output folder, when the whole package is hashed) are
    /// left out.
    public func digest(ofDependency path: String, excluding excluded: Set<String> = []) -> String {
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return "missing" }
        var files = [String]()
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: url.path)
            while let name = enumerator?.nextObject() as? String {
                let last = (name as NSString).lastPathComponent
                if last.hasPrefix(".") || excluded.contains(name) {
                    enumerator?.skipDescendants()
                    continue
                }
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue {
                    files.append(name)
                }
            }
            files.sort()
        } else {
            files = [""]
        }
        var bytes = [UInt8]()
        for name in files {
            let fileURL = name.isEmpty ? url : url.appendingPathComponent(name)
            bytes += Array(name.utf8) + [0]
            bytes += (try? Array(Data(contentsOf: fileURL))) ?? []
            bytes.append(0)
        }
        return Digest.sha256(bytes)
    }
}
