import Foundation
import SnapshotSupport
import Testing

@Suite("The snapshot helper")
struct SnapshotHelperTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("under CI a missing reference fails instead of being recorded")
    func missingUnderCI() throws {
        let reference = try scratch().appendingPathComponent("golden.txt")
        withKnownIssue("a missing golden file must fail under CI") {
            try Snapshot.verify("text", reference: reference, environment: ["CI": "true"])
        }
        #expect(!FileManager.default.fileExists(atPath: reference.path))
    }

    @Test("locally a missing reference is recorded; a difference fails and leaves the fresh bytes beside it")
    func recordAndDiffer() throws {
        let folder = try scratch()
        let reference = folder.appendingPathComponent("golden.txt")
        try Snapshot.verify("one\ntwo\n", reference: reference, environment: [:])
        #expect(try String(contentsOf: reference, encoding: .utf8) == "one\ntwo\n")
        try Snapshot.verify("one\ntwo\n", reference: reference, environment: ["CI": "true"])
        withKnownIssue("a changed snapshot must fail") {
            try Snapshot.verify("one\nthree\n", reference: reference, environment: ["CI": "true"])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("golden.new.txt"), encoding: .utf8) == "one\nthree\n")
        try Snapshot.verify("one\nthree\n", reference: reference, environment: ["RECORD_SNAPSHOTS": "1"])
        #expect(try String(contentsOf: reference, encoding: .utf8) == "one\nthree\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("golden.new.txt").path))
    }
}
