import Foundation
import Testing

/// Golden-file comparison for every snapshot test of the package. `RECORD_SNAPSHOTS=1` rewrites
/// references on purpose. A missing reference is written on a developer's machine, but under CI
/// (`CI` set) it is a failure: a deleted golden file must never let a test pass. A difference
/// writes the fresh bytes beside the reference (`name.new.ext`) for inspection.
public enum Snapshot {
    /// Compares `bytes` with the reference file at `reference` (`environment` decides recording
    /// and CI).
    public static func verify(_ bytes: Data, reference: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = reference.deletingPathExtension().appendingPathExtension("new").appendingPathExtension(reference.pathExtension)
        if environment["RECORD_SNAPSHOTS"] != nil {
            try bytes.write(to: reference)
            try? FileManager.default.removeItem(at: fresh)
            return
        }
        guard FileManager.default.fileExists(atPath: reference.path) else {
            if environment["CI"] != nil {
                Issue.record("the reference \(reference.path) is missing; record it with RECORD_SNAPSHOTS=1 and commit it", sourceLocation: sourceLocation)
            } else {
                try bytes.write(to: reference)
            }
            return
        }
        let recorded = try Data(contentsOf: reference)
        if recorded == bytes {
            try? FileManager.default.removeItem(at: fresh)
            return
        }
        try bytes.write(to: fresh)
        Issue.record("\(reference.lastPathComponent) differs from what the code produces now (\(firstDifference(recorded, bytes))); the fresh bytes are in \(fresh.path). Rerun with RECORD_SNAPSHOTS=1 if the change is intended.",
                     sourceLocation: sourceLocation)
    }

    /// Compares UTF-8 `text` with the reference file at `reference`.
    public static func verify(_ text: String, reference: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        try verify(Data(text.utf8), reference: reference, environment: environment, sourceLocation: sourceLocation)
    }

    static func firstDifference(_ old: Data, _ new: Data) -> String {
        guard let a = String(data: old, encoding: .utf8), let b = String(data: new, encoding: .utf8) else {
            return "binary, \(old.count) bytes recorded, \(new.count) now"
        }
        let (linesA, linesB) = (a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
        let line = Array(zip(linesA, linesB)).firstIndex { $0 != $1 } ?? min(linesA.count, linesB.count)
        return "first at line \(line + 1)"
    }
}
