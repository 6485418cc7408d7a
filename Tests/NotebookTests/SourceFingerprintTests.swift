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
