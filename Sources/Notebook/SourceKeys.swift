import Foundation

/// Digests of what experiments depend on, computed once per run: the declaration text of each
/// experiment and the contents of the modules and files it uses, expanded through the package
/// manifest's target graph. Every path is read from the working copy at `root`.
final class SourceKeys {
    /// The package root sources are read from.
    let root: URL
    private let fingerprint: SourceFingerprint
    private var digests = [String: String]()
    private var manifestResult: Result<PackageManifest, any Error>?
    private var parsedFiles = [String: DeclarationText]()

    /// Keys sources under `root`.
    init(root: URL) {
        self.root = root
        self.fingerprint = SourceFingerprint(root: root)
    }

    /// The parsed manifest, read on first use.
    func manifest() throws -> PackageManifest {
        if manifestResult == nil { manifestResult = Result { try PackageManifest(root: root) } }
        return try manifestResult!.get()
    }

    /// `file` (a path the compiler saw, possibly in another checkout) relative to the package
    /// root: the part after the root, else after the last folder that is a target's folder.
    func relativePath(ofCompiled file: String) -> String {
        let relative = fingerprint.relativePath(file)
        if !relative.hasPrefix("/") { return relative }
        let targetFolders = ((try? manifest())?.targets.values.map(\.path) ?? []).sorted { $0.count > $1.count }
        for folder in targetFolders {
            if let range = file.range(of: "/" + folder + "/", options: .backwards) {
                return folder + "/" + file[range.upperBound...]
            }
        }
        return relative
    }

    /// The key text of the declaration calling `callee` at `location`.
    func declaration(at location: SourceLocation, callee: String, experiment: String) throws -> String {
        try parsed(location, experiment: experiment).text(callee: callee, line: location.line)
    }

    /// The code a reader is shown for the declaration calling `callee` at `location` (the text
    /// its key covers, with comments and layout), and the file's path relative to the package.
    func displayDeclaration(at location: SourceLocation, callee: String, experiment: String) throws -> (path: String, code: [String]) {
        (relativePath(ofCompiled: location.file), try parsed(location, experiment: experiment).displayText(callee: callee, line: location.line))
    }

    /// The parsed file `location` is in, parsed once per run.
    private func parsed(_ location: SourceLocation, experiment: String) throws -> DeclarationText {
        let path = relativePath(ofCompiled: location.file)
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        if parsedFiles[url.path] == nil {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw NotebookError.unreadableSource(path: url.path, experiment: experiment)
            }
            parsedFiles[url.path] = DeclarationText(source: text)
        }
        return parsedFiles[url.path]!
    }

    /// The digest of every path `uses` stands for, by path: module folders with those of the
    /// targets they depend on, the manifest lines of the external packages they link, files and
    /// folders as named; the whole package (but the output folder) when `uses` is empty.
    func digests(of uses: [SourceUse], experiment: String) throws -> [String: String] {
        var paths = Set<String>()
        var external = Set<String>()
        if uses.isEmpty { paths.insert(".") }
        for use in uses {
            switch use {
            case .module(let name):
                for target in try manifest().closure(of: name) {
                    paths.insert(target.path)
                    external.formUnion(target.externalPackages)
                }
            case .file(let path):
                paths.insert(path)
            }
        }
        var result = [String: String]()
        for path in paths {
            if digests[path] == nil { digests[path] = fingerprint.digest(ofDependency: path, excluding: ["output", "Package.resolved"]) }
            guard digests[path] != "missing" else {
                throw NotebookError.unreadableSource(path: root.appendingPathComponent(path).path, experiment: experiment)
            }
            result[path] = digests[path]
        }
        for package in external {
            let requirement = try manifest().packageRequirements[package] ?? "unknown package \(package)"
            result["Package.swift: \(package)"] = Digest.sha256(requirement)
        }
        return result
    }
}
