/// A JSON document as a tree, read by a strict RFC 8259 parser that keeps every number as the
/// text it was written in, so a payoff such as `0.3000000000000000001` is read exactly rather
/// than through a `Double`.
enum JSONValue: Equatable, CustomStringConvertible {
    case null, bool(Bool), number(String), string(String), array([JSONValue]), object([String: JSONValue])

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let text): text
        case .string(let s): "\"\(s)\""
        case .array(let a): "a list of \(a.count)"
        case .object: "an object"
        }
    }

    /// Parses `bytes` (UTF-8); errors name the line and column.
    static func parse(_ bytes: [UInt8]) throws(GameFileError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the document") }
        return value
    }
}

/// The parser behind `JSONValue.parse`.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    /// Deeper nesting than any game file needs is refused rather than risking the stack.
    let maximumDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ problem: String) -> GameFileError {
        let before = bytes[..<min(position, bytes.count)]
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = position - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return GameFileError("", "not valid JSON at line \(line), column \(column): \(problem)")
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
    }

    mutating func expect(_ literal: String, _ value: JSONValue) throws(GameFileError) -> JSONValue {
        let utf8 = Array(literal.utf8)
        guard bytes.count - position >= utf8.count, Array(bytes[position..<(position + utf8.count)]) == utf8 else {
            throw error("expected a value (a number, a string, a list, an object, true, false or null)")
        }
        position += utf8.count
        return value
    }

    mutating func value(depth: Int) throws(GameFileError) -> JSONValue {
        guard depth < maximumDepth else { throw error("nested more than \(maximumDepth) levels deep") }
        guard let byte = current else { throw error("the document ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a value (a number, a string, a list, an object, true, false or null)")
        }
    }

    mutating func object(depth: Int) throws(GameFileError) -> JSONValue {
        position += 1
        var fields = [String: JSONValue]()
        skipSpace()
        if current == UInt8(ascii: "}") { position += 1; return .object(fields) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
            let start = position
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the field name \"\(key)\"") }
            position += 1
            skipSpace()
            let item = try value(depth: depth + 1)
            if fields[key] != nil {
                position = start
                throw error("the field \"\(key)\" appears twice")
            }
            fields[key] = item
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1; continue }
            if current == UInt8(ascii: "}") { position += 1; return .object(fields) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func array(depth: Int) throws(GameFileError) -> JSONValue {
        position += 1
        var items = [JSONValue]()
        skipSpace()
        if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1; continue }
            if current == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected ',' or ']' in a list")
        }
    }

    /// A number's text, checked against JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    mutating func number() throws(GameFileError) -> String {
        let start = position
        func digits() -> Int {
            let from = position
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            return position - from
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
            if let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { throw error("a number may not start with 0 followed by digits") }
        } else if digits() == 0 { throw error("expected digits after '-'") }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected digits after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func string() throws(GameFileError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run = [UInt8]()
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while true {
            guard let byte = current else { throw error("a string is not closed") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                position += 1
                guard let escape = current else { throw error("a string is not closed") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex()
                    if (0xD800..<0xDC00).contains(code) {
                        guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape holds half of a surrogate pair")
                        }
                        position += 2
                        let low = try hex()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape holds half of a surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("a \\u escape holds half of a surrogate pair") }
                    scalars.append(scalar)
                default: throw error("unknown escape in a string")
                }
            case 0..<0x20:
                throw error("a control character inside a string must be escaped")
            default:
                run.append(byte)
                position += 1
            }
        }
    }

    mutating func hex() throws(GameFileError) -> UInt32 {
        guard bytes.count - position >= 4, let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
            throw error("expected four hexadecimal digits after \\u")
        }
        position += 4
        return code
    }
}
