import Foundation
import Notebook
import Testing

/// A small package on disk: a manifest with a library `Core`, a library `Lib` that depends on
/// it and on an external product, and a chapters folder.
private func samplePackage() throws -> URL {
    let root = temporaryFolder()
    let files = [
        "Package.swift": """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "Sample",
                dependencies: [.package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0")],
                targets: [
                    .target(name: "Core"),
                    .target(name: "Lib", dependencies: ["Core", .product(name: "Numerics", package: "swift-numerics")]),
                    .target(name: "Chapters", dependencies: ["Lib"], path: "chapters"),
                    .testTarget(name: "LibTests", dependencies: [.target(name: "Lib")]),
                ]
            )
            """,
        "Sources/Core/Core.swift": "public let core = 1\n",
        "Sources/Core/table.csv": "a,b\n1,2\n",
        "Sources/Lib/Lib.swift": "public let lib = 2\n",
        "chapters/Compute/Lab.swift": "func lab() -> Int { 3 }\n",
        "chapters/Analysis.swift": "func label() -> String { \"steps\" }\n",
        "Tests/LibTests/LibTests.swift": "\n",
    ]
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}

@Suite("The package manifest's target graph")
struct PackageManifestTests {
    @Test("a module expands to itself and every target it depends on, with default and explicit folders")
    func closure() throws {
        let manifest = try PackageManifest(root: try samplePackage())
        #expect(try manifest.closure(of: "Chapters").map(\.path) == ["chapters", "Sources/Core", "Sources/Lib"])
        #expect(try manifest.closure(of: "LibTests").map(\.name) == ["Core", "Lib", "LibTests"])
        #expect(manifest.targets["LibTests"]?.path == "Tests/LibTests")
        #expect(manifest.targets["Lib"]?.externalPackages == ["swift-numerics"])
        #expect(manifest.packageRequirements["swift-numerics"]?.contains("1.0.0") == true)
    }

    @Test("an unknown module is an error listing the targets")
    func unknownModule() throws {
        let manifest = try PackageManifest(root: try samplePackage())
        #expect(throws: NotebookError.self) { try manifest.closure(of: "Tabulr") }
        do {
            _ = try manifest.closure(of: "Tabulr")
        } catch {
            #expect("\(error)".contains("Core, Lib"))
        }
    }

    @Test("this package's own manifest: AlphaZero brings Games, Search and Randomness")
    func ownManifest() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifest = try PackageManifest(root: root)
        #expect(try manifest.closure(of: "AlphaZero").map(\.name) == ["AlphaZero", "Games", "Randomness", "Search"])
        #expect(manifest.targets["Chapters"]?.path == "chapters")
        #expect(manifest.targets["GameTheory"]?.externalPackages == ["bigint"])
    }

    @Test("a manifest that does not parse is an error, not an empty graph")
    func brokenManifest() {
        #expect(throws: NotebookError.self) { try PackageManifest(source: "let package = Package(name: \"x\", targets: [.target(name: ") }
        #expect(throws: NotebookError.self) { try PackageManifest(source: "let package = Package(name: \"x\")") }
    }
}

@Suite("What a declaration's key covers")
struct DeclarationTextTests {
    private static let chapter = #"""
        import Notebook

        private let sizes = [3, 4]
        private let scale = 2.0

        /// The experiment.
        let sweep = Experiment("exp-sweep", parameters: sizes) { n, g in
            lab() * Int(scale) // the body
        }

        let chapter = Chapter("c", title: "C") {
            Prose("Planning pays.")
            sweep
            Figure("fig-sweep", caption: "Steps.") { _ in label() }
        }
        """#

    private func text(_ source: String, line: Int = 7) -> String { DeclarationText.of(callee: "Experiment", line: line, in: source) }

    @Test("the call, its trailing closure and the top-level values it names; not prose, figures or comments")
    func covers() {
        let original = text(Self.chapter)
        #expect(original.contains("lab ( )") && original.contains("scale = 2.0") && original.contains("sizes = [ 3 , 4 ]"))
        #expect(!original.contains("Planning") && !original.contains("fig-sweep"))
        // Prose, figure labels, comments and layout do not move the key.
        for edit in [("Planning pays.", "Planning pays off."), ("Steps.", "Steps per episode."), ("// the body", "// the loop body"),
                     ("    lab() * Int(scale)", "        lab()  *  Int(scale)")] {
            #expect(text(Self.chapter.replacingOccurrences(of: edit.0, with: edit.1)) == original, "\(edit.0)")
        }
        // The body and the constants it uses do.
        for edit in [("lab() * Int(scale)", "lab() + Int(scale)"), ("scale = 2.0", "scale = 3.0")] {
            #expect(text(Self.chapter.replacingOccurrences(of: edit.0, with: edit.1)) != original, "\(edit.0)")
        }
    }

    @Test("braces in block comments, interpolations, raw and multi-line strings cannot cut the declaration short")
    func trickyText() {
        let source = #"""
            let a = Experiment("exp-a", parameters: [1]) { n, g in
                /* a closing brace } in a block comment /* nested } */ still } inside */
                let label = "value: \(n > 0 ? "}" : "{")"
                let raw = #"a "quoted" } brace and \(n) not interpolated"#
                let long = """
                    } a brace in a multi-line string "
                    """
                return label + raw + long + "EDIT-MARK"
            }
            let b = 2
            """#
        let original = text(source, line: 1)
        #expect(original.contains("EDIT-MARK") && !original.contains("let b"))
        #expect(text(source.replacingOccurrences(of: "EDIT-MARK", with: "edited"), line: 1) != original)
    }

    @Test("a file that does not parse is covered whole")
    func unparsable() {
        let broken = Self.chapter + "\nlet = = ("
        #expect(text(broken) == broken)
    }
}

@Suite("Keys from `uses:`")
struct SourceUseKeyTests {
    /// A one-chapter book declared in this file, keyed against the package at `root`.
    private func keys(root: URL, chapterUses: [SourceUse], experimentUses: [SourceUse] = []) throws -> KeyParts {
        let experiment = Experiment("exp-keyed", parameters: [1], uses: experimentUses) { n, _ in n }
        let book = Book(title: "T", subtitle: "", author: "", seed: 1, chapters: [
            Chapter("c", title: "C", uses: chapterUses) { experiment },
        ])
        return try ReportEngine(book: book, renderer: TextRenderer(), packageRoot: root).keyParts(of: "exp-keyed")
    }

    @Test("a module's key covers the targets it depends on, their data files and the external packages they link")
    func moduleClosure() throws {
        let root = try samplePackage()
        let before = try keys(root: root, chapterUses: [.module("Lib")])
        #expect(Set(before.dependencies.keys) == ["Sources/Lib", "Sources/Core", "Package.swift: swift-numerics"])
        try Data("public let core = 10\n".utf8).write(to: root.appendingPathComponent("Sources/Core/Core.swift"))
        let afterSource = try keys(root: root, chapterUses: [.module("Lib")])
        #expect(afterSource.key != before.key)
        try Data("a,b\n1,3\n".utf8).write(to: root.appendingPathComponent("Sources/Core/table.csv"))
        #expect(try keys(root: root, chapterUses: [.module("Lib")]).key != afterSource.key)
    }

    @Test("analysis code outside the compute files does not move the key; compute code does")
    func computeApartFromAnalysis() throws {
        let root = try samplePackage()
        let uses: [SourceUse] = [.module("Lib"), .file("chapters/Compute")]
        let before = try keys(root: root, chapterUses: uses)
        try Data("func label() -> String { \"steps per episode\" }\n".utf8).write(to: root.appendingPathComponent("chapters/Analysis.swift"))
        #expect(try keys(root: root, chapterUses: uses).key == before.key)
        try Data("func lab() -> Int { 4 }\n".utf8).write(to: root.appendingPathComponent("chapters/Compute/Lab.swift"))
        #expect(try keys(root: root, chapterUses: uses).key != before.key)
    }

    @Test("chapter and experiment uses add up; nothing declared means the whole package, output aside")
    func defaults() throws {
        let root = try samplePackage()
        let both = try keys(root: root, chapterUses: [.module("Core")], experimentUses: [.file("chapters/Compute/Lab.swift")])
        #expect(Set(both.dependencies.keys) == ["Sources/Core", "chapters/Compute/Lab.swift"])
        let whole = try keys(root: root, chapterUses: [])
        #expect(Array(whole.dependencies.keys) == ["."])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("output"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("output/report.md"))
        #expect(try keys(root: root, chapterUses: []).key == whole.key)
        try Data("func label() -> String { \"x\" }\n".utf8).write(to: root.appendingPathComponent("chapters/Analysis.swift"))
        #expect(try keys(root: root, chapterUses: []).key != whole.key)
    }

    @Test("a module the manifest lacks, or a file that is not there, is an error")
    func errors() throws {
        let root = try samplePackage()
        #expect(throws: NotebookError.self) { try keys(root: root, chapterUses: [.module("Tabulr")]) }
        #expect(throws: NotebookError.self) { try keys(root: root, chapterUses: [.file("chapters/Compute/Lb.swift")]) }
    }

    @Test("declarations are read from the working copy at the package root, not from where the binary was built")
    func workingCopy() throws {
        let root = try samplePackage()
        let declaration = "let e = Experiment(\"exp-moved\", parameters: [1]) { n, _ in n }\n"
        try Data(declaration.utf8).write(to: root.appendingPathComponent("chapters/Decl.swift"))
        // As compiled in a checkout that no longer exists.
        let experiment = Experiment("exp-moved", parameters: [1], file: "/gone/checkout/chapters/Decl.swift", line: 1) { n, _ in n }
        let engine = ReportEngine(
            book: Book(title: "T", subtitle: "", author: "", seed: 1, chapters: [Chapter("c", title: "C", uses: [.module("Core")]) { experiment }]),
            renderer: TextRenderer(), packageRoot: root)
        let before = try engine.keyParts(of: "exp-moved")
        try Data(declaration.replacingOccurrences(of: "n }", with: "n + 1 }").utf8).write(to: root.appendingPathComponent("chapters/Decl.swift"))
        #expect(try engine.keyParts(of: "exp-moved").code != before.code)
        try FileManager.default.removeItem(at: root.appendingPathComponent("chapters/Decl.swift"))
        #expect(throws: NotebookError.self) { try engine.keyParts(of: "exp-moved") }
    }
}
