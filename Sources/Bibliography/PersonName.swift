/// A person's name split as BibTeX splits it: first, von, last and junior parts, each plain text.
public struct PersonName: Hashable, Sendable {
    /// Given names, such as "Richard S.".
    public var first: String
    /// The lowercase particle, such as "von" or "van der".
    public var von: String
    /// The family name, such as "Sutton".
    public var last: String
    /// A suffix, such as "Jr.".
    public var junior: String

    /// Creates a name from its parts.
    public init(first: String = "", von: String = "", last: String, junior: String = "") {
        self.first = first
        self.von = von
        self.last = last
        self.junior = junior
    }

    /// "others" in an author list, which styles print as "et al.".
    public var isOthers: Bool { first.isEmpty && von.isEmpty && junior.isEmpty && last == "others" }

    /// The family name with its particle: "von Neumann", "Sutton".
    public var surname: String { von.isEmpty ? last : von + " " + last }

    /// Initials of the given names: "R. S." (hyphenated names keep the hyphen: "J.-P.").
    public var initials: String {
        first.split(separator: " ").map { word -> String in
            word.split(separator: "-").compactMap { part in part.first.map { $0.isLetter ? "\($0)." : String(part) } }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// Splits a BibTeX `author` or `editor` field (TeX source) into names: `and` at brace depth 0
    /// separates them; each is "First von Last", "von Last, First" or "von Last, Jr, First".
    public static func names(in field: String) -> [PersonName] {
        splitTopLevel(field, separator: .and).compactMap(parse)
    }

    /// One name.
    static func parse(_ source: String) -> PersonName? {
        let parts = splitTopLevel(source, separator: .comma).map { $0.trimmingSpaces }
        guard let head = parts.first, !head.isEmpty || parts.count > 1 else { return nil }
        switch parts.count {
        case 1:
            let words = splitTopLevel(head, separator: .space)
            guard !words.isEmpty else { return nil }
            // The last word is always part of the last name; von starts at the first lowercase word.
            let body = words.dropLast()
            if let vonStart = body.firstIndex(where: isLowercaseWord) {
                let vonEnd = body.lastIndex(where: isLowercaseWord)!
                return PersonName(
                    first: plain(words[..<vonStart]), von: plain(words[vonStart...vonEnd]), last: plain(words[(vonEnd + 1)...]))
            }
            return PersonName(first: plain(body), last: plain(words.suffix(1)))
        default:
            let (von, last) = vonAndLast(head)
            let first = parts.count == 2 ? parts[1] : parts[2...].joined(separator: ", ")
            let junior = parts.count >= 3 ? parts[1] : ""
            return PersonName(first: TeXText.plain(first).trimmingSpaces, von: von, last: last, junior: TeXText.plain(junior).trimmingSpaces)
        }
    }

    private static func vonAndLast(_ source: String) -> (String, String) {
        let words = splitTopLevel(source, separator: .space)
        guard words.count > 1 else { return ("", plain(words[...])) }
        if let vonEnd = words.dropLast().lastIndex(where: isLowercaseWord) {
            return (plain(words[...vonEnd]), plain(words[(vonEnd + 1)...]))
        }
        return ("", plain(words[...]))
    }

    private static func plain(_ words: ArraySlice<String>) -> String {
        TeXText.plain(words.joined(separator: " ")).trimmingSpaces
    }

    /// A word starting with a lowercase letter, after accent commands; a word that starts with a
    /// brace group holding no command counts as capitalised, as in BibTeX.
    static func isLowercaseWord(_ word: String) -> Bool {
        if word.hasPrefix("{"), !word.dropFirst().hasPrefix("\\") { return false }
        guard let letter = TeXText.plain(word).first(where: \.isLetter) else { return false }
        return letter.isLowercase
    }

    enum Separator { case and, comma, space }

    /// Splits at `separator` outside braces.
    static func splitTopLevel(_ text: String, separator: Separator) -> [String] {
        var parts = [String]()
        var current = ""
        var depth = 0
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" { depth += 1 }
            if c == "}" { depth = max(0, depth - 1) }
            if depth == 0 {
                switch separator {
                case .comma where c == ",":
                    parts.append(current)
                    current = ""
                    i += 1
                    continue
                case .space where c == " " || c == "\t" || c == "\n" || c == "~":
                    if !current.isEmpty { parts.append(current) }
                    current = ""
                    i += 1
                    continue
                case .and where c.isWhitespace && i + 4 < chars.count && String(chars[(i + 1)...(i + 3)]).lowercased() == "and" && chars[i + 4].isWhitespace:
                    parts.append(current)
                    current = ""
                    i += 5
                    continue
                default: break
                }
            }
            current.append(c)
            i += 1
        }
        if separator != .space || !current.isEmpty { parts.append(current) }
        return separator == .and ? parts.map(\.trimmingSpaces).filter { !$0.isEmpty } : parts
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
