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

    /// The source text of the call that starts at `line` of `file` and begins with `callee`:
    /// from the callee's name through its balanced argument list and trailing closure. Edits
    /// elsewhere in the file (prose, other experiments, moved lines) leave it unchanged.
    public func declarationText(file: String, line: Int, callee: String) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return text }
        let tail = lines[(line - 1)...].joined(separator: "\n")
        guard let start = tail.range(of: callee + "(") else { return String(lines[line - 1]) }
        return Self.balancedCall(in: Array(tail[start.lowerBound...]))
    }

    /// The prefix of `chars` up to the end of the first balanced `( … )` group and, if one follows,
    /// a balanced trailing `{ … }` closure. String literals (plain, multi-line and raw, with
    /// interpolations that hold strings of their own) and comments (line, and nested block
    /// comments) are skipped over, so a brace inside them cannot end the declaration early.
    static func balancedCall(in chars: [Character]) -> String {
        var depth = 0
        var i = 0
        var sawGroup = false
        var end = chars.count
        scan: while i < chars.count {
            if let next = skipTrivia(chars, from: i) {
                i = next
                continue
            }
            let c = chars[i]
            switch c {
            case "(", "{", "[":
                depth += 1
                sawGroup = true
            case ")", "}", "]":
                depth -= 1
                if depth == 0 && sawGroup {
                    // A trailing closure may follow the argument list.
                    var j = i + 1
                    while j < chars.count, chars[j] == " " || chars[j] == "\n" { j += 1 }
                    if c == ")", j < chars.count, chars[j] == "{" {
                        i = j
                        continue scan
                    }
                    end = i + 1
                    break scan
                }
            default: break
            }
            i += 1
        }
        return String(chars[0..<end])
    }

    /// When a string literal or a comment starts at `start`, the index just past it.
    private static func skipTrivia(_ chars: [Character], from start: Int) -> Int? {
        let c = chars[start]
        if c == "/", start + 1 < chars.count, chars[start + 1] == "/" {
            var i = start
            while i < chars.count, chars[i] != "\n" { i += 1 }
            return i
        }
        if c == "/", start + 1 < chars.count, chars[start + 1] == "*" {
            var i = start + 2
            var nesting = 1
            while i < chars.count, nesting > 0 {
                if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "*" { nesting += 1; i += 2; continue }
                if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "/" { nesting -= 1; i += 2; continue }
                i += 1
            }
            return i
        }
        var hashes = 0
        while start + hashes < chars.count, chars[start + hashes] == "#" { hashes += 1 }
        guard start + hashes < chars.count, chars[start + hashes] == "\"" else { return nil }
        return skipString(chars, from: start + hashes, hashes: hashes)
    }

    /// The index just past the string literal whose opening quote is at `quote`, written with
    /// `hashes` pound signs (a raw string when more than zero).
    private static func skipString(_ chars: [Character], from quote: Int, hashes: Int) -> Int {
        let triple = quote + 2 < chars.count && chars[quote + 1] == "\"" && chars[quote + 2] == "\""
        var i = quote + (triple ? 3 : 1)
        func closesHere(_ at: Int) -> Bool {
            let quotes = triple ? 3 : 1
            guard at + quotes + hashes <= chars.count else { return false }
            return (0..<quotes).allSatisfy { chars[at + $0] == "\"" } && (0..<hashes).allSatisfy { chars[at + quotes + $0] == "#" }
        }
        while i < chars.count {
            // An escape is a backslash followed by the literal's pound signs.
            if chars[i] == "\\", i + hashes < chars.count, (0..<hashes).allSatisfy({ chars[i + 1 + $0] == "#" }) {
                let after = i + 1 + hashes
                if after < chars.count, chars[after] == "(" {
                    i = skipInterpolation(chars, from: after)
                    continue
                }
                i = after + 1
                continue
            }
            if closesHere(i) { return i + (triple ? 3 : 1) + hashes }
            i += 1
        }
        return i
    }

    /// The index just past the `)` that closes the interpolation opened at `open`.
    private static func skipInterpolation(_ chars: [Character], from open: Int) -> Int {
        var depth = 0
        var i = open
        while i < chars.count {
            if let next = skipTrivia(chars, from: i) {
                i = next
                continue
            }
            if chars[i] == "(" { depth += 1 }
            if chars[i] == ")" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return i
    }

    /// A digest of the files at `path` (a file, or every file below a folder but hidden ones, in
    /// sorted order, each with its relative path), or "missing" if nothing is there. Folders are
    /// hashed whole so that data files (Pons' positions) are keyed like sources.
    public func digest(ofDependency path: String) -> String {
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return "missing" }
        var files = [String]()
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: url.path)
            while let name = enumerator?.nextObject() as? String {
                let last = (name as NSString).lastPathComponent
                if last.hasPrefix(".") {
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
