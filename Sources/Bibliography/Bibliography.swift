/// A parsed bibliography: entries by key, their author–year labels and their formatted references.
public struct Bibliography: Sendable {
    /// The entries in file order.
    public let entries: [BibEntry]
    private let byKey: [String: BibEntry]
    private let years: [String: String]

    /// Reads BibTeX text; errors name the line.
    public init(bibtex: String) throws(BibTeXError) {
        try self.init(entries: BibTeXParser.parse(bibtex))
    }

    /// A bibliography of `entries` (keys must be unique).
    public init(entries: [BibEntry]) {
        self.entries = entries
        byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Works by the same authors in the same year get a, b, … in the order of their titles.
        var groups = [String: [BibEntry]]()
        for entry in entries { groups[Self.authorLabel(entry) + "|" + Self.year(entry), default: []].append(entry) }
        var years = [String: String]()
        for (_, group) in groups {
            if group.count == 1 {
                years[group[0].key] = Self.year(group[0])
                continue
            }
            let ordered = group.sorted { ($0[text: "title"] ?? $0.key) < ($1[text: "title"] ?? $1.key) }
            for (n, entry) in ordered.enumerated() {
                years[entry.key] = Self.year(entry) + String(UnicodeScalar(UInt8(97 + min(n, 25))))
            }
        }
        self.years = years
    }

    /// The entry with `key`, if any.
    public subscript(key: String) -> BibEntry? { byKey[key] }

    /// The keys, in file order.
    public var keys: [String] { entries.map(\.key) }

    /// "Sutton and Barto", "Silver et al.": the names an author–year citation prints.
    public func authors(_ key: String) -> String {
        byKey[key].map(Self.authorLabel) ?? key
    }

    /// The year a citation prints, with a letter when the same authors have several works that year.
    public func year(_ key: String) -> String {
        years[key] ?? byKey[key].map(Self.year) ?? "n.d."
    }

    /// The entries sorted as a reference list: by first author's surname, then year, then title.
    public var sorted: [BibEntry] {
        entries.sorted { a, b in
            let x = (Self.sortName(a), year(a.key), a[text: "title"] ?? "")
            let y = (Self.sortName(b), year(b.key), b[text: "title"] ?? "")
            return x < y
        }
    }

    static func creators(_ entry: BibEntry) -> [PersonName] {
        for field in ["author", "editor"] {
            if let raw = entry.fields[field] {
                let names = PersonName.names(in: raw)
                if !names.isEmpty { return names }
            }
        }
        return []
    }

    static func authorLabel(_ entry: BibEntry) -> String {
        let names = creators(entry)
        let real = names.filter { !$0.isOthers }
        guard let first = real.first else { return entry[text: "organization"] ?? entry[text: "institution"] ?? entry[text: "title"] ?? entry.key }
        if real.count >= 3 || names.contains(where: \.isOthers) { return first.surname + " et al." }
        if real.count == 2 { return first.surname + " and " + real[1].surname }
        return first.surname
    }

    static func year(_ entry: BibEntry) -> String {
        if let year = entry[text: "year"] { return year }
        if let date = entry[text: "date"] { return String(date.prefix(4)) }
        return "n.d."
    }

    static func sortName(_ entry: BibEntry) -> String {
        let name = creators(entry).first.map { $0.last + " " + $0.first } ?? authorLabel(entry)
        return name.lowercased()
    }
}
