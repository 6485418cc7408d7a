import Foundation
import SwiftParser
import SwiftSyntax

/// The package's targets as its manifest (`Package.swift`) declares them, read with the Swift
/// parser: each target's name, folder and the targets and external products it depends on. The
/// cache expands a module an experiment uses into the module and everything it imports this way,
/// so the list can never drift from what the compiler links.
public struct PackageManifest: Sendable {
    /// One target of the manifest.
    public struct Target: Hashable, Sendable {
        /// The target's name (its module name).
        public let name: String
        /// Its folder relative to the package root: `path:` when given, else SwiftPM's default.
        public let path: String
        /// The package's own targets it depends on.
        public let targetDependencies: [String]
        /// The external packages (their identities, e.g. `swift-crypto`) whose products it uses.
        public let externalPackages: [String]
    }

    /// Targets by name.
    public let targets: [String: Target]
    /// The source text of each external `.package(…)` requirement, by package identity.
    public let packageRequirements: [String: String]

    /// Reads `Package.swift` under `root`; an unreadable or unparsable manifest is an error.
    public init(root: URL) throws {
        let url = root.appendingPathComponent("Package.swift")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw NotebookError.unreadableManifest(path: url.path, reason: "it cannot be read")
        }
        try self.init(source: text, path: url.path)
    }

    /// Parses manifest `source` (read from `path`, named in errors).
    public init(source: String, path: String = "Package.swift") throws {
        let tree = Parser.parse(source: source)
        if tree.hasError { throw NotebookError.unreadableManifest(path: path, reason: "it does not parse as Swift") }
        let visitor = ManifestVisitor(viewMode: .sourceAccurate)
        visitor.walk(tree)
        guard !visitor.targets.isEmpty else { throw NotebookError.unreadableManifest(path: path, reason: "it declares no targets") }
        var byName = [String: Target]()
        for target in visitor.targets {
            if byName[target.name] != nil { throw NotebookError.unreadableManifest(path: path, reason: "target \(target.name) is declared twice") }
            byName[target.name] = target
        }
        targets = byName
        packageRequirements = visitor.requirements
    }

    /// `module` and every target it depends on, directly or not, sorted by name; an unknown
    /// module is an error listing the package's targets.
    public func closure(of module: String) throws -> [Target] {
        guard targets[module] != nil else {
            throw NotebookError.unknownModule(module, known: targets.keys.sorted())
        }
        var seen = Set<String>()
        var stack = [module]
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let target = targets[name] else { continue }
            stack += target.targetDependencies
        }
        return seen.sorted().compactMap { targets[$0] }
    }
}

/// Collects the `.target(…)`-style calls and `.package(…)` requirements of a manifest.
private final class ManifestVisitor: SyntaxVisitor {
    var targets = [PackageManifest.Target]()
    var requirements = [String: String]()

    /// SwiftPM's target kinds and the folder each kind defaults to.
    private static let defaultFolders = [
        "target": "Sources", "executableTarget": "Sources", "systemLibrary": "Sources", "macro": "Sources",
        "testTarget": "Tests", "plugin": "Plugins",
    ]

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard let member = node.calledExpression.as(MemberAccessExprSyntax.self) else { return .visitChildren }
        let kind = member.declName.baseName.text
        if kind == "package", let url = Self.stringArgument("url", of: node) {
            requirements[Self.identity(ofURL: url)] = node.tokens(viewMode: .sourceAccurate).map(\.text).joined(separator: " ")
            return .skipChildren
        }
        guard let folder = Self.defaultFolders[kind], let name = Self.stringArgument("name", of: node) else { return .visitChildren }
        var local = [String]()
        var external = [String]()
        if let list = node.arguments.first(where: { $0.label?.text == "dependencies" })?.expression.as(ArrayExprSyntax.self) {
            for element in list.elements {
                if let literal = Self.stringLiteral(element.expression) {
                    local.append(literal)
                } else if let call = element.expression.as(FunctionCallExprSyntax.self),
                    let callee = call.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text {
                    if callee == "product", let package = Self.stringArgument("package", of: call) {
                        external.append(package.lowercased())
                    } else if callee == "target" || callee == "byName", let target = Self.stringArgument("name", of: call) {
                        local.append(target)
                    }
                }
            }
        }
        let path = Self.stringArgument("path", of: node) ?? "\(folder)/\(name)"
        targets.append(.init(name: name, path: path, targetDependencies: local, externalPackages: external))
        return .skipChildren
    }

    /// The text of a plain string literal.
    private static func stringLiteral(_ expression: ExprSyntax) -> String? {
        guard let literal = expression.as(StringLiteralExprSyntax.self), literal.segments.count == 1,
            let segment = literal.segments.first?.as(StringSegmentSyntax.self)
        else { return nil }
        return segment.content.text
    }

    /// The string literal passed as `label:` to `call`.
    private static func stringArgument(_ label: String, of call: FunctionCallExprSyntax) -> String? {
        call.arguments.first { $0.label?.text == label }.flatMap { stringLiteral($0.expression) }
    }

    /// SwiftPM's identity of a package URL: its last path component without `.git`, lowercased.
    static func identity(ofURL url: String) -> String {
        var last = url.split(separator: "/").last.map(String.init) ?? url
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }
}
