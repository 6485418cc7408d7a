import Foundation

/// One entry of a `.bib` file, with its fields as TeX source (macros expanded, `#` joined, outer
/// delimiters removed). ``TeXText`` turns a field into readable text.
public struct BibEntry: Hashable, Sendable {
    /// The entry type in lowercase: `article`, `book`, `inproceedings`, …
    public let type: String
    /// The citation key, as written.
    public let key: String
    /// Fields by lowercase name, as TeX source.
    public let fields: [String: String]
    /// The line of the file where the entry starts.
    public let line: Int

    /// Creates an entry.
    public init(type: String, key: String, fields: [String: String], line: Int) {
        self.type = type
        self.key = key
        self.fields = fields
        self.line = line
    }

    /// The field `name` as readable Unicode text, or nil if absent or empty.
    public subscript(text name: String) -> String? {
        guard let raw = fields[name] else { return nil }
        let text = TeXText.plain(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// Why a `.bib` file could not be read, with the line where the problem starts.
public struct BibTeXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// "line 12: …".
    public var description: String { "line \(line): \(message)" }
}

/// Reads BibTeX as found in the wild: `@type{key, field = value}` or with parentheses, values in
/// braces, quotes or bare numbers, `@string` macros and the month macros, `#` concatenation,
/// `@comment` and `@preamble`, text between entries ignored. Linear in the input: every step
/// consumes at least one character, so no input makes it hang.
public struct BibTeXParser {
    private let chars: [UInt8]
    /// Offsets of the newlines, for line numbers in messages.
    private let newlines: [Int]
    private var i = 0
    private var macros: [String: String]

    /// The month macros every BibTeX style defines.
    public static let monthMacros = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    private init(_ text: String) {
        let bytes = Array(text.utf8)
        chars = bytes
        newlines = bytes.indices.filter { bytes[$0] == 10 }
        macros = Self.monthMacros
    }

    /// The entries of `text`, in order. Throws on the first malformed entry, naming its line.
    public static func parse(_ text: String) throws(BibTeXError) -> [BibEntry] {
        var parser = BibTeXParser(text)
        return try parser.entries()
    }

    private func lineNumber(at index: Int) -> Int {
        // The number of newlines before `index`, by binary search.
        var low = 0
        var high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }

    private func error(_ message: String, at index: Int? = nil) -> BibTeXError {
        BibTeXError(line: lineNumber(at: index ?? i), message: message)
    }

    private mutating func skipSpace() {
        while i < chars.count, chars[i] == 32 || chars[i] == 9 || chars[i] == 10 || chars[i] == 13 { i += 1 }
    }

    private static func isIdentifier(_ c: UInt8) -> Bool {
        // BibTeX allows most printing characters in names and keys.
        c > 32 && c < 127 && !"{}(),=#\"%'".utf8.contains(c)
    }

    private mutating func identifier() -> String {
        let start = i
        while i < chars.count, Self.isIdentifier(chars[i]) { i += 1 }
        return String(decoding: chars[start..<i], as: UTF8.self)
    }

    private mutating func entries() throws(BibTeXError) -> [BibEntry] {
        var result = [BibEntry]()
        var seen = [String: Int]()
        while true {
            while i < chars.count, chars[i] != UInt8(ascii: "@") { i += 1 }
            guard i < chars.count else { return result }
            let start = i
            i += 1
            skipSpace()
            let type = identifier().lowercased()
            guard !type.isEmpty else { throw error("'@' must be followed by an entry type such as article or book", at: start) }
            if type == "comment" {
                skipComment()
                continue
            }
            skipSpace()
            guard i < chars.count, chars[i] == UInt8(ascii: "{") || chars[i] == UInt8(ascii: "(") else {
                throw error("@\(type) must be followed by '{' or '('", at: start)
            }
            let closer = chars[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            i += 1
            skipSpace()
            switch type {
            case "preamble":
                _ = try value(entryStart: start)
                try close(closer, entryStart: start)
            case "string":
                let name = identifier().lowercased()
                guard !name.isEmpty else { throw error("@string needs a name before '='", at: start) }
                skipSpace()
                try expect(UInt8(ascii: "="), "expected '=' after the @string name '\(name)'")
                macros[name] = try value(entryStart: start)
                skipSpace()
                if i < chars.count, chars[i] == UInt8(ascii: ",") { i += 1 }
                try close(closer, entryStart: start)
            default:
                let key = citationKey()
                guard !key.isEmpty else { throw error("@\(type) entry without a citation key", at: start) }
                if let first = seen[key.lowercased()] {
                    throw error("the key '\(key)' is used twice (first at line \(first))", at: start)
                }
                seen[key.lowercased()] = lineNumber(at: start)
                var fields = [String: String]()
                skipSpace()
                while i < chars.count, chars[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                    if i < chars.count, chars[i] == closer { break }
                    let fieldStart = i
                    let name = identifier().lowercased()
                    guard !name.isEmpty else { throw error("expected a field name in entry '\(key)'") }
                    skipSpace()
                    try expect(UInt8(ascii: "="), "expected '=' after the field '\(name)' in entry '\(key)'")
                    let text = try value(entryStart: start)
                    if fields[name] != nil { throw error("the field '\(name)' appears twice in entry '\(key)'", at: fieldStart) }
                    fields[name] = text
                    skipSpace()
                }
                try close(closer, entryStart: start)
                result.append(BibEntry(type: type, key: key, fields: fields, line: lineNumber(at: start)))
            }
        }
    }

    private mutating func citationKey() -> String {
        let start = i
        while i < chars.count, chars[i] != UInt8(ascii: ","), chars[i] != UInt8(ascii: "}"), chars[i] != UInt8(ascii: ")"),
            chars[i] > 32 {
            i += 1
        }
        return String(decoding: chars[start..<i], as: UTF8.self)
    }

    private mutating func skipComment() {
        skipSpace()
        if i < chars.count, chars[i] == UInt8(ascii: "{") {
            var depth = 0
            while i < chars.count {
                if chars[i] == UInt8(ascii: "{") { depth += 1 }
                if chars[i] == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return
                    }
                }
                i += 1
            }
        } else {
            while i < chars.count, chars[i] != 10 { i += 1 }
        }
    }

    private mutating func expect(_ c: UInt8, _ message: String) throws(BibTeXError) {
        guard i < chars.count, chars[i] == c else { throw error(message) }
        i += 1
        skipSpace()
    }

    private mutating func close(_ closer: UInt8, entryStart: Int) throws(BibTeXError) {
        skipSpace()
        guard i < chars.count, chars[i] == closer else {
            let found = i < chars.count ? "'\(String(decoding: [chars[i]], as: UTF8.self))'" : "the end of the file"
            throw error("expected '\(String(decoding: [closer], as: UTF8.self))' or ',' to end the entry that starts at line \(lineNumber(at: entryStart)), found \(found)")
        }
        i += 1
    }

    /// A field value: parts joined by `#`.
    private mutating func value(entryStart: Int) throws(BibTeXError) -> String {
        var text = ""
        while true {
            skipSpace()
            guard i < chars.count else { throw error("the entry that starts at line \(lineNumber(at: entryStart)) ends inside a field value") }
            let c = chars[i]
            if c == UInt8(ascii: "{") {
                text += try delimited(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
            } else if c == UInt8(ascii: "\"") {
                text += try delimited(open: UInt8(ascii: "\""), close: UInt8(ascii: "\""))
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                let start = i
                while i < chars.count, chars[i] >= UInt8(ascii: "0") && chars[i] <= UInt8(ascii: "9") { i += 1 }
                text += String(decoding: chars[start..<i], as: UTF8.self)
            } else if Self.isIdentifier(c) {
                let start = i
                let name = identifier().lowercased()
                guard let expansion = macros[name] else { throw error("undefined @string macro '\(name)' (define it with @string before use)", at: start) }
                text += expansion
            } else {
                throw error("expected a value in braces, quotes, a number or a @string name")
            }
            skipSpace()
            guard i < chars.count, chars[i] == UInt8(ascii: "#") else { return text }
            i += 1
        }
    }

    /// The text between `open` and its matching `close`, braces balanced inside.
    private mutating func delimited(open: UInt8, close: UInt8) throws(BibTeXError) -> String {
        let start = i
        i += 1
        var depth = 0
        let contentStart = i
        while i < chars.count {
            let c = chars[i]
            if c == UInt8(ascii: "\\"), i + 1 < chars.count {
                i += 2
                continue
            }
            if c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "}") {
                if depth == 0 {
                    if close == UInt8(ascii: "}") {
                        i += 1
                        return String(decoding: chars[contentStart..<(i - 1)], as: UTF8.self)
                    }
                    throw error("a '}' closes nothing inside this quoted value")
                }
                depth -= 1
            } else if c == close, depth == 0 {
                i += 1
                return String(decoding: chars[contentStart..<(i - 1)], as: UTF8.self)
            }
            i += 1
        }
        throw error(open == UInt8(ascii: "{") ? "unbalanced braces: this '{' is never closed" : "this quoted value is never closed", at: start)
    }
}
