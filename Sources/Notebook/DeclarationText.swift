import Foundation
import SwiftParser
import SwiftSyntax

/// The part of a chapter file an experiment's (or a claim's) cache key covers, found with the
/// Swift parser: the declaring call (`Experiment(…)` with its trailing closure) and every
/// top-level declaration of the same file that the call names, directly or through another such
/// declaration. Tokens are joined by single spaces, so comments, indentation and line breaks do
/// not count; prose, figures and other experiments of the file do not count either. A file that
/// does not parse, or a call the parser cannot find, is covered whole: a key may be too broad,
/// never too narrow. Parse a file once and ask it for every declaration in it.
public struct DeclarationText {
    private let source: String
    private let parsed: Bool
    private let calls: [(callee: String, line: Int, node: Syntax)]
    private let declarations: [String: [Syntax]]
    private let converter: SourceLocationConverter?
    private let lines: [Substring]

    /// Parses `source`.
    public init(source: String) {
        self.source = source
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let tree = Parser.parse(source: source)
        parsed = !tree.hasError
        guard parsed else {
            calls = []
            declarations = [:]
            converter = nil
            return
        }
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        self.converter = converter
        let collector = CallCollector(converter: converter)
        collector.walk(tree)
        calls = collector.calls
        var byName = [String: [Syntax]]()
        for item in tree.statements {
            for name in Self.boundNames(item.item) { byName[name, default: []].append(Syntax(item.item)) }
        }
        declarations = byName
    }

    /// The covered text of the outermost call to `callee` that starts on `line` (or the first one
    /// after it, where the compiler's `#line` points at the start of a wrapping expression).
    public func text(callee: String, line: Int) -> String {
        guard let nodes = coveredNodes(callee: callee, line: line) else { return source }
        return nodes.map(Self.tokenText).joined(separator: "\n")
    }

    /// The covered code as a reader sees it: the call and then each declaration it names, in
    /// source order, each with its comments and line breaks and without the indentation it has in
    /// the file; the whole file when the call cannot be found (as for the key).
    public func displayText(callee: String, line: Int) -> [String] {
        guard let nodes = coveredNodes(callee: callee, line: line) else { return [source] }
        return nodes.map { node in
            // Lines after the first lose the indentation of the line the code starts on.
            let line = converter?.location(for: node.positionAfterSkippingLeadingTrivia).line ?? 1
            let indentation = lines.indices.contains(line - 1) ? lines[line - 1].prefix { $0 == " " }.count : 0
            let text = node.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return Self.dedented(text, by: indentation)
        }
    }

    /// The call and the declarations it names, directly or through each other; `nil` when the
    /// file does not parse or has no such call.
    private func coveredNodes(callee: String, line: Int) -> [Syntax]? {
        guard parsed, let call = calls.filter({ $0.callee == callee && $0.line >= line }).min(by: { $0.line < $1.line })?.node else { return nil }
        var included = [Syntax]()
        var seen = Set<SyntaxIdentifier>()
        var pending = [call]
        while let node = pending.popLast() {
            for token in node.tokens(viewMode: .sourceAccurate) {
                guard case .identifier = token.tokenKind, let matches = declarations[token.text] else { continue }
                for declaration in matches where seen.insert(declaration.id).inserted && !Self.contains(declaration, call) {
                    included.append(declaration)
                    pending.append(declaration)
                }
            }
        }
        included.sort { $0.position < $1.position }
        return [call] + included
    }

    /// `text` with up to `columns` leading spaces taken from every line after the first.
    static func dedented(_ text: String, by columns: Int) -> String {
        guard columns > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            guard index > 0 else { return String(line) }
            let spaces = line.prefix { $0 == " " }.count
            return String(line.dropFirst(min(spaces, columns)))
        }.joined(separator: "\n")
    }

    /// The covered text of the call to `callee` on `line` of `source`, parsing it for this one question.
    public static func of(callee: String, line: Int, in source: String) -> String {
        DeclarationText(source: source).text(callee: callee, line: line)
    }

    /// Names a top-level item binds: variables, functions, types.
    private static func boundNames(_ item: CodeBlockItemSyntax.Item) -> [String] {
        guard case .decl(let decl) = item else { return [] }
        if let variable = decl.as(VariableDeclSyntax.self) {
            return variable.bindings.compactMap { $0.pattern.as(IdentifierPatternSyntax.self)?.identifier.text }
        }
        if let function = decl.as(FunctionDeclSyntax.self) { return [function.name.text] }
        if let type = decl.asProtocol(NamedDeclSyntax.self) { return [type.name.text] }
        return []
    }

    private static func contains(_ outer: Syntax, _ inner: Syntax) -> Bool {
        outer.position <= inner.position && inner.endPosition <= outer.endPosition
    }

    private static func tokenText(_ node: Syntax) -> String {
        node.tokens(viewMode: .sourceAccurate).map(\.text).joined(separator: " ")
    }
}

/// Collects every outermost call of a simple name (`Experiment(…)`, `Claim(…)`) with its line.
private final class CallCollector: SyntaxVisitor {
    let converter: SourceLocationConverter
    var calls = [(callee: String, line: Int, node: Syntax)]()

    init(converter: SourceLocationConverter) {
        self.converter = converter
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard let name = node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text, name.first?.isUppercase == true else { return .visitChildren }
        calls.append((name, converter.location(for: node.positionAfterSkippingLeadingTrivia).line, Syntax(node)))
        // A claim or experiment inside a chapter's builder closure is itself a call of this kind.
        return .visitChildren
    }
}
