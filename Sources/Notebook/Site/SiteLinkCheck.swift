import Foundation

/// Checks the links of a written site: every `href` and `src` of every page that is not a web
/// address must name a file that exists (inside the output folder) and, with a `#fragment`, an
/// element with that id in it; every `url(…)` of the style sheet must name a file.
public enum SiteLinkCheck {
    /// One link that does not resolve.
    public struct BrokenLink: Hashable, Sendable, CustomStringConvertible {
        /// The page it is on, relative to the output folder.
        public let page: String
        /// The link as written.
        public let target: String
        /// Why it does not resolve.
        public let reason: String

        /// "page: target (reason)".
        public var description: String { "\(page): link to \(target) \(reason)" }
    }

    /// The broken links of the site in `folder` of the output folder `root`.
    public static func brokenLinks(root: URL, folder: String = SiteWriter.folder) -> [BrokenLink] {
        let store = OutputStore(root: root)
        let pages = store.allFiles().filter { $0.hasPrefix(folder + "/") && ($0.hasSuffix(".html") || $0.hasSuffix(".css")) }
        var knownIDs = [String: Set<String>]()
        func ids(of path: String) -> Set<String>? {
            if let known = knownIDs[path] { return known }
            guard let bytes = store.read(path) else { return nil }
            let found = Set(values(of: "id", in: String(decoding: bytes, as: UTF8.self)))
            knownIDs[path] = found
            return found
        }
        var broken = [BrokenLink]()
        for page in pages {
            let text = String(decoding: store.read(page) ?? [], as: UTF8.self)
            let targets = page.hasSuffix(".css") ? cssURLs(in: text) : values(of: "href", in: text) + values(of: "src", in: text)
            for target in targets where !isExternal(target) {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? page : resolve(parts[0], from: page)
                guard let file else {
                    broken.append(BrokenLink(page: page, target: target, reason: "leaves the output folder"))
                    continue
                }
                guard let known = ids(of: file) else {
                    broken.append(BrokenLink(page: page, target: target, reason: "names a file that does not exist"))
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, file.hasSuffix(".html"), !known.contains(parts[1]) {
                    broken.append(BrokenLink(page: page, target: target, reason: "names an anchor the page does not have"))
                }
            }
        }
        return broken
    }

    static func isExternal(_ target: String) -> Bool {
        ["http://", "https://", "mailto:", "data:"].contains { target.hasPrefix($0) }
    }

    /// `relative` resolved against the folder of `page`, `nil` if it climbs out of the root.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The values of attribute `name` in markup written by ``HTMLNode`` (double-quoted, escaped).
    static func values(of name: String, in markup: String) -> [String] {
        var values = [String]()
        var rest = markup[...]
        let opener = " \(name)=\""
        while let start = rest.range(of: opener) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(unescape(String(after[..<end])))
            rest = after[after.index(after: end)...]
        }
        return values
    }

    static func cssURLs(in css: String) -> [String] {
        var urls = [String]()
        var rest = css[...]
        while let start = rest.range(of: "url(\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            urls.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        return urls
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
