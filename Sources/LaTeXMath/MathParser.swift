/// Parses the LaTeX math subset of the chapters into ``MathNode``s. Every input either parses or
/// throws a ``MathSyntaxError`` with a position; the parser never loops without consuming input
/// and nests at most ``maximumDepth`` groups deep.
public struct MathParser {
    /// The deepest nesting accepted, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 64

    private let chars: [Character]
    private let source: String
    private var index = 0
    private var depth = 0

    /// Parses `source`.
    public static func parse(_ source: String) throws -> [MathNode] {
        var parser = MathParser(source: source)
        let nodes = try parser.list(until: nil)
        return nodes
    }

    private init(source: String) {
        self.source = source
        chars = Array(source)
    }

    private func error(_ reason: String, at position: Int? = nil) -> MathSyntaxError {
        MathSyntaxError(source: source, position: position ?? index, reason: reason)
    }

    /// Nodes until `closer` ("}" or "\right") or the end.
    private mutating func list(until closer: String?) throws -> [MathNode] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("formula nested more than \(Self.maximumDepth) levels deep") }
        var nodes = [MathNode]()
        while true {
            skipSpaces()
            guard index < chars.count else {
                if let closer { throw error(closer == "}" ? "missing `}`" : "`\\left` without a matching `\\right`") }
                return nodes
            }
            let c = chars[index]
            if c == "}" {
                if closer == "}" {
                    index += 1
                    return nodes
                }
                throw error("unexpected `}`")
            }
            if closer == "\\right", lookingAt("\\right") { return nodes }
            if c == "^" || c == "_" {
                let start = index
                index += 1
                let script = try argument(for: c == "^" ? "superscript" : "subscript")
                let base = nodes.popLast() ?? .group([])
                nodes.append(try attach(script, superscript: c == "^", to: base, at: start))
                continue
            }
            nodes.append(try atom())
        }
    }

    private mutating func attach(_ script: MathNode, superscript: Bool, to base: MathNode, at position: Int) throws -> MathNode {
        if case .scripts(let inner, let sub, let sup) = base {
            if superscript {
                guard sup == nil else { throw error("double superscript", at: position) }
                return .scripts(base: inner, sub: sub, sup: script)
            }
            guard sub == nil else { throw error("double subscript", at: position) }
            return .scripts(base: inner, sub: script, sup: sup)
        }
        return superscript ? .scripts(base: base, sub: nil, sup: script) : .scripts(base: base, sub: script, sup: nil)
    }

    private mutating func skipSpaces() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    private func lookingAt(_ text: String) -> Bool {
        let t = Array(text)
        guard index + t.count <= chars.count, Array(chars[index..<(index + t.count)]) == t else { return false }
        let next = index + t.count
        return next >= chars.count || !chars[next].isLetter
    }

    /// One argument: a braced group or a single token.
    private mutating func argument(for what: String) throws -> MathNode {
        skipSpaces()
        guard index < chars.count else { throw error("missing \(what)") }
        if chars[index] == "}" || chars[index] == "^" || chars[index] == "_" { throw error("missing \(what)") }
        return try atom()
    }

    /// A braced argument's raw text (for `\text` and friends).
    private mutating func rawArgument(for command: String) throws -> String {
        skipSpaces()
        guard index < chars.count, chars[index] == "{" else { throw error("`\\\(command)` needs a braced argument") }
        let start = index
        index += 1
        var level = 1
        var text = ""
        while index < chars.count {
            let c = chars[index]
            index += 1
            if c == "{" { level += 1 }
            if c == "}" {
                level -= 1
                if level == 0 { return text }
            }
            text.append(c)
        }
        throw error("missing `}`", at: start)
    }

    private mutating func atom() throws -> MathNode {
        let c = chars[index]
        switch c {
        case "{":
            index += 1
            return .group(try list(until: "}"))
        case "\\":
            return try command()
        case "0"..."9", ".":
            var number = ""
            while index < chars.count, chars[index].isNumber || (chars[index] == "." && !number.contains(".")) {
                number.append(chars[index])
                index += 1
            }
            return .number(number)
        default:
            index += 1
            if c.isLetter && c.isASCII { return .letter(String(c)) }
            switch c {
            case "+", "-", "*": return .symbol(c == "-" ? "−" : c == "*" ? "∗" : String(c), .binary)
            case "/": return .symbol("/", .ordinary)
            case "=", "<", ">": return .symbol(String(c), .relation)
            case "(", "[": return .symbol(String(c), .opening)
            case ")", "]": return .symbol(String(c), .closing)
            case ",", ";": return .symbol(String(c), .punctuation)
            case "|": return .symbol("|", .ordinary)
            case "'": return .symbol("′", .ordinary)
            case "!", ":", "?": return .symbol(String(c), .ordinary)
            case "&", "#", "%", "$", "~":
                throw error("`\(c)` is not supported in a formula", at: index - 1)
            default:
                // Unicode symbols typed directly (α, ≤, …) are taken as they are.
                return .symbol(String(c), c.isLetter ? .ordinary : (MathSymbols.relations.contains(String(c)) ? .relation : .ordinary))
            }
        }
    }

    private mutating func command() throws -> MathNode {
        let start = index
        index += 1
        guard index < chars.count else { throw error("a lone `\\` at the end", at: start) }
        var name = ""
        if chars[index].isLetter {
            while index < chars.count, chars[index].isLetter {
                name.append(chars[index])
                index += 1
            }
        } else {
            name = String(chars[index])
            index += 1
        }
        if let space = MathSymbols.spaces[name] { return .space(space) }
        if let (symbol, kind) = MathSymbols.symbols[name] { return .symbol(symbol, kind) }
        if let op = MathSymbols.largeOperators[name] { return .largeOperator(op) }
        if MathSymbols.operatorNames.contains(name) {
            return .operatorName(name, limits: MathSymbols.limitOperators.contains(name))
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try argument(for: "numerator of `\\frac`")
            let denominator = try argument(for: "denominator of `\\frac`")
            return .fraction(numerator, denominator)
        case "sqrt":
            return .radical(try argument(for: "argument of `\\sqrt`"))
        case "hat", "widehat": return .accent(.hat, try argument(for: "argument of `\\hat`"))
        case "bar", "overline": return .accent(.bar, try argument(for: "argument of `\\bar`"))
        case "tilde", "widetilde": return .accent(.tilde, try argument(for: "argument of `\\tilde`"))
        case "underbrace":
            let body = try argument(for: "argument of `\\underbrace`")
            skipSpaces()
            if index < chars.count, chars[index] == "_" {
                index += 1
                return .underbrace(body, label: try argument(for: "label of `\\underbrace`"))
            }
            return .underbrace(body, label: nil)
        case "text", "textrm", "mathrm", "textit":
            return .text(try rawArgument(for: name))
        case "operatorname":
            return .operatorName(try rawArgument(for: name), limits: false)
        case "mathbb": return .styled(.blackboard, try argument(for: "argument of `\\mathbb`"))
        case "mathcal": return .styled(.calligraphic, try argument(for: "argument of `\\mathcal`"))
        case "mathbf", "boldsymbol": return .styled(.bold, try argument(for: "argument of `\\mathbf`"))
        case "left":
            let left = try delimiter(after: "\\left")
            let body = try list(until: "\\right")
            index += "\\right".count
            let right = try delimiter(after: "\\right")
            return .delimited(left: left, body: .group(body), right: right)
        case "right":
            throw error("`\\right` without a matching `\\left`", at: start)
        case "displaystyle", "limits", "nolimits":
            return .group([])
        default:
            throw error("unknown command `\\\(name)`", at: start)
        }
    }

    private mutating func delimiter(after command: String) throws -> String {
        skipSpaces()
        guard index < chars.count else { throw error("`\(command)` needs a delimiter") }
        let c = chars[index]
        if "()[]|.".contains(c) {
            index += 1
            return String(c)
        }
        if c == "\\" {
            let start = index
            index += 1
            var name = ""
            if index < chars.count, chars[index].isLetter {
                while index < chars.count, chars[index].isLetter {
                    name.append(chars[index])
                    index += 1
                }
            } else if index < chars.count {
                name = String(chars[index])
                index += 1
            }
            if let symbol = MathSymbols.delimiters[name] { return symbol }
            throw error("`\\\(name)` is not a delimiter", at: start)
        }
        throw error("`\(c)` is not a delimiter")
    }
}
