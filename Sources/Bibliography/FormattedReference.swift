/// A reference-list entry as styled text: runs of plain or italic text and one optional link.
public struct FormattedReference: Hashable, Sendable {
    /// A run of text.
    public struct Run: Hashable, Sendable {
        /// The text.
        public var text: String
        /// Set in italics (titles of books and journals).
        public var italic: Bool
        /// A web address the run links to.
        public var link: String?
    }

    /// The runs, in order.
    public var runs: [Run]

    /// The text without styling.
    public var plain: String { runs.map(\.text).joined() }
}

extension Bibliography {
    /// The reference-list entry of `key` in an author–date style:
    /// "Sutton, R. S., and A. G. Barto. 2018. *Reinforcement Learning: An Introduction*. 2nd ed. MIT Press. https://…".
    public func formatted(_ key: String) -> FormattedReference? {
        guard let entry = self[key] else { return nil }
        var runs = [FormattedReference.Run]()
        func add(_ text: String, italic: Bool = false, link: String? = nil) {
            runs.append(.init(text: text, italic: italic, link: link))
        }
        add(Self.authorList(entry) + ". " + year(key) + ". ")
        let title = entry[text: "title"] ?? key
        let isBook = ["book", "phdthesis", "mastersthesis", "manual", "proceedings"].contains(entry.type)
        if isBook {
            add(title, italic: true)
            add(Self.endSentence(title))
        } else {
            add(title + Self.endSentence(title))
        }
        var details = [String]()
        var hasContainer = false
        switch entry.type {
        case "article":
            if let journal = entry[text: "journal"] ?? entry[text: "journaltitle"] {
                hasContainer = true
                add(" ")
                add(journal, italic: true)
                var volume = entry[text: "volume"] ?? ""
                if let number = entry[text: "number"] { volume += "(\(number))" }
                if !volume.isEmpty { details.append(volume) }
            }
        case "inproceedings", "incollection", "inbook":
            if let booktitle = entry[text: "booktitle"] {
                hasContainer = true
                add(" In ")
                add(booktitle, italic: true)
            }
        case "phdthesis": details.append("PhD thesis")
        case "mastersthesis": details.append("Master’s thesis")
        case "techreport": details.append(entry[text: "number"].map { "Technical report \($0)" } ?? "Technical report")
        default: break
        }
        if let edition = entry[text: "edition"] { details.append(Self.edition(edition)) }
        if let pages = entry[text: "pages"] { details.append((pages.contains("–") || pages.contains("-") ? "pp. " : "p. ") + pages) }
        for field in ["howpublished", "publisher", "school", "institution", "organization"] {
            if let value = entry[text: field], !(field == "organization" && Self.authorList(entry) == value) { details.append(value) }
        }
        if let note = entry[text: "note"] { details.append(note) }
        let trail = details.joined(separator: ", ")
        if hasContainer {
            add(trail.isEmpty ? "." : ", " + trail + ".")
        } else if !trail.isEmpty {
            add(" " + trail + ".")
        }
        if let doi = entry[text: "doi"] {
            let address = doi.hasPrefix("http") ? doi : "https://doi.org/" + doi
            add(" ")
            add(address, link: address)
        } else if let url = entry[text: "url"] {
            add(" ")
            add(url, link: url)
        }
        return FormattedReference(runs: runs.filter { !$0.text.isEmpty })
    }

    static func endSentence(_ text: String) -> String {
        guard let last = text.last else { return "" }
        return ".?!".contains(last) ? "" : "."
    }

    static func edition(_ text: String) -> String {
        guard let n = Int(text) else { return text.hasSuffix("edition") || text.hasSuffix("ed.") ? text : text + " ed." }
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(suffix) ed."
    }

    /// "Sutton, R. S., and A. G. Barto"; "Silver, D., A. Huang, C. J. Maddison, et al." past ten names.
    static func authorList(_ entry: BibEntry) -> String {
        let names = creators(entry)
        let real = names.filter { !$0.isOthers }
        guard !real.isEmpty else { return authorLabel(entry) }
        let shown = real.prefix(10)
        var parts = [String]()
        for (n, name) in shown.enumerated() {
            let initials = name.initials
            if n == 0 {
                parts.append(name.surname + (initials.isEmpty ? "" : ", " + initials) + (name.junior.isEmpty ? "" : ", " + name.junior))
            } else {
                parts.append((initials.isEmpty ? "" : initials + " ") + name.surname + (name.junior.isEmpty ? "" : ", " + name.junior))
            }
        }
        let truncated = real.count > shown.count || names.contains(where: \.isOthers)
        if truncated { return parts.joined(separator: ", ") + ", et al" }
        if parts.count == 1 { return parts[0].hasSuffix(".") ? String(parts[0].dropLast()) : parts[0] }
        let list = parts.dropLast().joined(separator: ", ") + ", and " + parts.last!
        return list.hasSuffix(".") ? String(list.dropLast()) : list
    }
}
