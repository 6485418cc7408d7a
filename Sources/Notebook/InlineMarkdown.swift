/// A piece of inline Markdown, as the writers see it.
public indirect enum Inline: Hashable, Sendable {
    /// Plain text.
    case text(String)
    /// `*emphasis*`.
    case emphasis([Inline])
    /// `**strong**`.
    case strong([Inline])
    /// `` `code` ``.
    case code(String)
    /// `$math$` (LaTeX subset source).
    case math(String)
    /// `[text](url)`.
    case link([Inline], url: String)
    /// `@fig-…` and friends: a reference to a numbered element.
    case reference(String)
    /// `@key` or `[@key, p. 5]`: a citation of a bibliography entry.
    case citation(Citation)
}

/// Parses the inline Markdown subset of ``Prose``. Anything unclosed is kept as literal text, so
/// parsing never fails; references are resolved later by ``BookIndex``.
public enum InlineMarkdown {
    static let referencePrefixes = ["sec-", "fig-", "tbl-", "eq-"]

    /// The inline pieces of `source`, their text refined by ``Typography`` (curly quotes, minus
    /// signs, multiplication signs).
    public static func parse(_ source: String) -> [Inline] {
        Typography.refined(parse(Array(source), from: 0, until: nil).inlines)
    }

    /// The ids of all references in `source`.
    public static func references(in source: String) -> [String] {
        references(in: parse(source))
    }

    /// The ids of all references in `inlines`.
    public static func references(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .reference(let id): [id]
            case .emphasis(let c), .strong(let c), .link(let c, _): references(in: c)
            default: []
            }
        }
    }

    /// The keys of every citation in `source`, in order.
    public static func citationKeys(in source: String) -> [String] {
        citationKeys(in: parse(source))
    }

    /// The keys of every citation in `inlines`, in order.
    public static func citationKeys(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .citation(let citation): citation.items.map(\.key)
            case .emphasis(let c), .strong(let c), .link(let c, _): citationKeys(in: c)
            default: []
            }
        }
    }

    /// The LaTeX of every `$…$` formula in `source`.
    public static func formulas(in source: String) -> [String] {
        func collect(_ inlines: [Inline]) -> [String] {
            inlines.flatMap { inline -> [String] in
                switch inline {
                case .math(let latex): [latex]
                case .emphasis(let c), .strong(let c), .link(let c, _): collect(c)
                default: []
                }
            }
        }
        return collect(parse(source))
    }

    private static func parse(_ chars: [Character], from start: Int, until closer: String?) -> (inlines: [Inline], end: Int, closed: Bool) {
        var result = [Inline]()
        var text = ""
        var i = start
        func flush() {
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
        }
        func matches(_ token: String, at index: Int) -> Bool {
            let t = Array(token)
            return index + t.count <= chars.count && Array(chars[index..<(index + t.count)]) == t
        }
        func find(_ token: String, from index: Int) -> Int? {
            var j = index
            while j < chars.count {
                if chars[j] == "\\" { j += 2; continue }
                if matches(token, at: j) { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            if let closer, matches(closer, at: i) {
                flush()
                return (result, i + closer.count, true)
            }
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                text.append(chars[i + 1])
                i += 2
            } else if c == "`", let end = find("`", from: i + 1) {
                flush()
                result.append(.code(String(chars[(i + 1)..<end])))
                i = end + 1
            } else if c == "$", !matches("$$", at: i), let end = find("$", from: i + 1), end > i + 1 {
                flush()
                result.append(.math(String(chars[(i + 1)..<end])))
                i = end + 1
            } else if matches("**", at: i) {
                let inner = parse(chars, from: i + 2, until: "**")
                if inner.closed {
                    flush()
                    result.append(.strong(inner.inlines))
                    i = inner.end
                } else {
                    text += "**"
                    i += 2
                }
            } else if c == "*", closer != "*" || !matches("*", at: i) {
                let inner = parse(chars, from: i + 1, until: "*")
                if inner.closed, !inner.inlines.isEmpty {
                    flush()
                    result.append(.emphasis(inner.inlines))
                    i = inner.end
                } else {
                    text.append("*")
                    i += 1
                }
            } else if c == "[", let close = find("]", from: i + 1), !matches("](", at: close),
                let citation = Citation.bracketed(String(chars[(i + 1)..<close])) {
                flush()
                result.append(.citation(citation))
                i = close + 1
            } else if c == "[", let middle = find("](", from: i + 1), let end = find(")", from: middle + 2) {
                flush()
                let label = parse(Array(chars[(i + 1)..<middle]), from: 0, until: nil).inlines
                result.append(.link(label, url: String(chars[(middle + 2)..<end])))
                i = end + 1
            } else if c == "@", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
                referencePrefixes.contains(where: { matches($0, at: i + 1) }) {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" { j += 1 }
                while j > i + 1, chars[j - 1] == "-" { j -= 1 }
                flush()
                result.append(.reference(String(chars[(i + 1)..<j])))
                i = j
            } else if c == "@", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber), let (key, end) = Citation.key(in: chars, from: i + 1) {
                // Pandoc's `@key [p. 5]`: a locator in brackets right after an in-text citation.
                var locator = ""
                var next = end
                if matches(" [", at: end), let close = find("]", from: end + 2), !matches("](", at: close),
                    !chars[(end + 2)..<close].contains("@") {
                    locator = String(chars[(end + 2)..<close])
                    next = close + 1
                }
                flush()
                result.append(.citation(Citation(items: [.init(key: key, prefix: "", locator: locator)], inText: true)))
                i = next
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        return (result, i, closer == nil)
    }
}
