import Foundation
import Notebook
import Testing

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
