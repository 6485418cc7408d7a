import Bibliography
import Foundation

/// A citation in prose, in Pandoc's syntax: `@key` or `@key [p. 5]` in the text ("Sutton and
/// Barto (2018, p. 5)"), `[@key, p. 5; see @other]` in parentheses ("(Sutton and Barto 2018, p. 5;
/// see Silver et al. 2018)").
public struct Citation: Hashable, Sendable {
    /// One cited work.
    public struct Item: Hashable, Sendable {
        /// The BibTeX key.
        public var key: String
        /// Text before the key inside brackets, such as "see".
        public var prefix: String
        /// Where in the work, such as "p. 165" or "ch. 8".
        public var locator: String
    }

    /// The works cited, in order.
    public var items: [Item]
    /// `@key` in the running text rather than `[@key]` in parentheses.
    public var inText: Bool

    /// The printed form as runs of text, each linked to the reference-list entry of `key` when it
    /// has one; `labels` gives each key's author and year.
    public func runs(labels: [String: CitationLabel]) -> [(text: String, key: String?)] {
        func label(_ key: String) -> CitationLabel { labels[key] ?? CitationLabel(authors: key, year: "?") }
        var runs = [(text: String, key: String?)]()
        if inText {
            for (n, item) in items.enumerated() {
                if n > 0 { runs.append(("; ", nil)) }
                let name = label(item.key)
                let inner = item.locator.isEmpty ? name.year : "\(name.year), \(item.locator)"
                runs.append(("\(name.authors) (\(inner))", item.key))
            }
            return runs
        }
        runs.append(("(", nil))
        for (n, item) in items.enumerated() {
            if n > 0 { runs.append(("; ", nil)) }
            if !item.prefix.isEmpty { runs.append((item.prefix + " ", nil)) }
            let name = label(item.key)
            runs.append(("\(name.authors) \(name.year)", item.key))
            if !item.locator.isEmpty { runs.append((", " + item.locator, nil)) }
        }
        runs.append((")", nil))
        return runs
    }

    /// The anchor of a reference-list entry: `ref-<key>`.
    public static func anchor(_ key: String) -> String {
        "ref-" + String(key.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// Characters a key may hold (Pandoc's: letters, digits, and `_:.#$%&-+?<>~/` inside).
    static func isKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "_:.#$%&-+?<>~/".contains(c))
    }

    /// The key starting at `start` (just after `@`) and the index after it; trailing punctuation
    /// that ends a sentence is not part of it.
    static func key(in chars: [Character], from start: Int) -> (key: String, end: Int)? {
        guard start < chars.count, chars[start].isASCII, chars[start].isLetter || chars[start] == "_" else { return nil }
        var j = start
        while j < chars.count, isKeyCharacter(chars[j]) { j += 1 }
        while j > start + 1, ".:-+?/".contains(chars[j - 1]) { j -= 1 }
        return (String(chars[start..<j]), j)
    }

    /// A bracketed citation's contents (`see @a, p. 5; @b`), or nil if it is not one.
    static func bracketed(_ text: String) -> Citation? {
        var items = [Item]()
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let chars = Array(part)
            guard let at = chars.firstIndex(of: "@"), at == 0 || chars[at - 1] == " ",
                let (key, end) = key(in: chars, from: at + 1)
            else { return nil }
            let prefix = String(chars[..<at]).trimmingCharacters(in: .whitespaces)
            var rest = String(chars[end...]).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix(",") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) } else if !rest.isEmpty { return nil }
            items.append(Item(key: key, prefix: prefix, locator: rest))
        }
        return items.isEmpty ? nil : Citation(items: items, inText: false)
    }
}

/// What a citation prints for one work: "Sutton and Barto", "2018".
public struct CitationLabel: Hashable, Sendable {
    /// The author names as cited.
    public var authors: String
    /// The year, with a letter when needed to tell works apart.
    public var year: String

    /// Creates a label.
    public init(authors: String, year: String) {
        self.authors = authors
        self.year = year
    }
}

/// One entry of the reference list, ready to write.
public struct ResolvedReference: Hashable, Sendable {
    /// The BibTeX key.
    public let key: String
    /// The entry as inline text: italics for titles, a link for the DOI or URL.
    public let text: [Inline]

    /// Creates an entry.
    public init(key: String, text: [Inline]) {
        self.key = key
        self.text = text
    }

    /// The entry of `key` in `bibliography`, formatted.
    static func make(key: String, bibliography: Bibliography) -> ResolvedReference? {
        guard let formatted = bibliography.formatted(key) else { return nil }
        let text = formatted.runs.map { run -> Inline in
            let inline: Inline = run.italic ? .emphasis([.text(run.text)]) : .text(run.text)
            return run.link.map { .link([inline], url: $0) } ?? inline
        }
        return ResolvedReference(key: key, text: text)
    }
}
