import Foundation
import Notebook
import Testing

@Suite("Source fingerprints")
struct SourceFingerprintTests {
    @Test("a declaration's text runs through its balanced arguments and trailing closure")
    func declarationSpan() throws {
        let folder = temporaryFolder()
        let file = folder.appendingPathComponent("Chapter.swift")
        let source = """
            let a = Experiment("exp-a", parameters: [1, 2]) { n, g in
                "}" + String(n) // a brace in a string and a comment }
            }
            let b = 2
            """
        try Data(source.utf8).write(to: file)
        let text = try SourceFingerprint(root: folder).declarationText(file: file.path, line: 1, callee: "Experiment")
        #expect(text.hasPrefix("Experiment(\"exp-a\""))
        #expect(text.hasSuffix("}\n}"))
        #expect(!text.contains("let b"))
    }

    @Test("braces inside block comments, interpolated strings, raw and multi-line strings do not end the declaration early")
    func trickyText() throws {
        let folder = temporaryFolder()
        let file = folder.appendingPathComponent("Chapter.swift")
        let source = #"""
            let a = Experiment("exp-a", parameters: [1]) { n, g in
                /* a closing brace } in a block comment /* nested } */ still } inside */
                let label = "value: \(n > 0 ? "}" : "{")"
                let raw = #"a "quoted" } brace and \(n) not interpolated"#
                let long = """
                    } a brace in a multi-line string "
                    """
                return label + raw + long // EDIT-MARK
            }
            let b = 2
            """#
        try Data(source.utf8).write(to: file)
        let fingerprint = SourceFingerprint(root: folder)
        let text = try fingerprint.declarationText(file: file.path, line: 1, callee: "Experiment")
        #expect(text.contains("EDIT-MARK") && text.hasSuffix("}") && !text.contains("let b"))
        // An edit after the tricky text changes the declaration's text, so the key moves.
        try Data(source.replacingOccurrences(of: "EDIT-MARK", with: "edited").utf8).write(to: file)
        #expect(try fingerprint.declarationText(file: file.path, line: 1, callee: "Experiment") != text)
    }
}

@Suite("Dependency digests")
struct DependencyDigestTests {
    @Test("a folder's digest covers its data files, not only its Swift sources")
    func dataFilesAreKeyed() throws {
        let folder = temporaryFolder()
        let data = folder.appendingPathComponent("data/positions")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("4455 18\n".utf8).write(to: data.appendingPathComponent("Test_A"))
        let fingerprint = SourceFingerprint(root: folder)
        let before = fingerprint.digest(ofDependency: "data/positions")
        try Data("4455 17\n".utf8).write(to: data.appendingPathComponent("Test_A"))
        #expect(fingerprint.digest(ofDependency: "data/positions") != before)
    }

    @Test("hidden files do not change a folder's digest; a new visible file does")
    func hiddenFilesAreIgnored() throws {
        let folder = temporaryFolder()
        let sources = folder.appendingPathComponent("Sources/Lib")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data("let x = 1\n".utf8).write(to: sources.appendingPathComponent("Lib.swift"))
        let fingerprint = SourceFingerprint(root: folder)
        let before = fingerprint.digest(ofDependency: "Sources/Lib")
        try Data("junk".utf8).write(to: sources.appendingPathComponent(".DS_Store"))
        #expect(fingerprint.digest(ofDependency: "Sources/Lib") == before)
        try Data("x".utf8).write(to: sources.appendingPathComponent("notes.txt"))
        #expect(fingerprint.digest(ofDependency: "Sources/Lib") != before)
    }
}
