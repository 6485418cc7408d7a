import Foundation

/// One way the committed output differs from what the code produces now.
public struct OutputDifference: Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the output folder (or a claim id).
    public let path: String
    /// What differs, readable.
    public let detail: String

    /// "path: detail".
    public var description: String { "\(path): \(detail)" }
}

extension ReportEngine {
    /// Regenerates the report into a temporary folder and compares it with `committed`: every
    /// file present on both sides, documents byte-identical, results within each experiment's
    /// tolerance, the lock equal but for wall times, and every claim holding. The experiments of
    /// `chapters` (all when `nil`) are recomputed, except `.expensive` and `.timing` ones; the
    /// others' committed results are reused after their digests and keys are checked.
    /// Costly experiments are verified as `verification` says (`verifyCostly`).
    public func check(
        committed: URL, chapters: [String]? = nil, jobs: Int, verification: CostlyVerification = CostlyVerification(), executor: (any UnitExecutor)? = nil
    ) throws -> [OutputDifference] {
        CheckScratch.removeAbandoned()
        // Nobody may rewrite the committed folder while it is compared.
        let committedLock = try OutputLock(folder: committed)
        defer { withExtendedLifetime(committedLock) {} }
        let scratch = CheckScratch.make()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let strays = OutputStore(root: committed).temporaryFiles()
        let summary = try run(RunOptions(output: scratch, chapters: chapters, force: true, jobs: jobs, cache: committed, verifyCostlyWithoutRunning: true, executor: executor))
        var differences = strays.map { OutputDifference(path: $0, detail: "a temporary file a killed run left behind; delete it (the next `report` run does)") }
        for (chapter, reason) in summary.failedChapters.sorted(by: { $0.key < $1.key }) {
            differences.append(OutputDifference(path: chapter, detail: "chapter failed: \(reason)"))
        }
        for claim in summary.failedClaims { differences.append(OutputDifference(path: claim, detail: "claim does not hold")) }
        for problem in summary.lint { differences.append(OutputDifference(path: "lint", detail: problem)) }
        differences += try verifyCostly(committed: committed, chapters: chapters, verification: verification, jobs: jobs)
        for (id, changes) in summary.stale.sorted(by: { $0.key < $1.key }) {
            differences.append(OutputDifference(path: id, detail: "committed results are stale: " + changes.joined(separator: "; ")))
        }

        if summary.failedChapters.isEmpty {
            differences += SiteLinkCheck.brokenLinks(root: scratch).map { OutputDifference(path: $0.page, detail: "broken link: \($0)") }
        }
        let old = OutputStore(root: committed)
        let new = OutputStore(root: scratch)
        let oldFiles = Set(old.allFiles())
        let newFiles = Set(new.allFiles())
        for path in oldFiles.subtracting(newFiles).sorted() {
            differences.append(OutputDifference(path: path, detail: "committed but no longer produced; delete it or rerun `report`"))
        }
        for path in newFiles.subtracting(oldFiles).sorted() {
            differences.append(OutputDifference(path: path, detail: "produced but not committed; run `report` and commit output/"))
        }
        let tolerances = Dictionary(uniqueKeysWithValues: book.chapters.flatMap { chapter in
            chapter.experiments.map { (Self.dataPath(chapter: chapter.id, experiment: $0.id), $0.tolerance) }
        })
        for path in oldFiles.intersection(newFiles).sorted() {
            let a = old.read(path) ?? []
            let b = new.read(path) ?? []
            if a == b || path == SiteWriter.runDependentFile { continue }
            if path == Self.lockFile {
                if let lockA = try? CanonicalJSON.decode(Lock.self, from: a), let lockB = try? CanonicalJSON.decode(Lock.self, from: b),
                    lockA.withoutTimes == lockB.withoutTimes {
                    continue
                }
                if let lockA = try? CanonicalJSON.decode(Lock.self, from: a), let lockB = try? CanonicalJSON.decode(Lock.self, from: b) {
                    differences.append(OutputDifference(path: path, detail: "keys or digests differ:\n" + lockB.differences(from: lockA).map { "    " + $0 }.joined(separator: "\n")))
                } else {
                    differences.append(OutputDifference(path: path, detail: "keys or digests differ (unreadable lock):\n" + TextDiff.describe(old: a, new: b)))
                }
            } else if let tolerance = tolerances[path], tolerance > 0, JSONNumbers.equal(a, b, relativeTolerance: tolerance) {
                continue
            } else {
                differences.append(OutputDifference(path: path, detail: TextDiff.describe(old: a, new: b)))
            }
        }
        return differences
    }
}

/// Compares two JSON documents, numbers within a relative tolerance.
enum JSONNumbers {
    static func equal(_ a: [UInt8], _ b: [UInt8], relativeTolerance: Double) -> Bool {
        guard let x = try? JSONSerialization.jsonObject(with: Data(a), options: [.fragmentsAllowed]),
            let y = try? JSONSerialization.jsonObject(with: Data(b), options: [.fragmentsAllowed])
        else { return false }
        return equal(x, y, relativeTolerance)
    }

    private static func equal(_ x: Any, _ y: Any, _ tolerance: Double) -> Bool {
        switch (x, y) {
        case let (p as [String: Any], q as [String: Any]):
            return p.keys.sorted() == q.keys.sorted() && p.keys.allSatisfy { equal(p[$0]!, q[$0]!, tolerance) }
        case let (p as [Any], q as [Any]):
            return p.count == q.count && zip(p, q).allSatisfy { equal($0, $1, tolerance) }
        case let (p as NSNumber, q as NSNumber):
            let u = p.doubleValue
            let v = q.doubleValue
            return u == v || abs(u - v) <= tolerance * max(abs(u), abs(v))
        case let (p as String, q as String):
            return p == q
        default:
            return x is NSNull && y is NSNull
        }
    }
}

/// A short readable description of how two files differ.
enum TextDiff {
    static func describe(old: [UInt8], new: [UInt8]) -> String {
        guard let a = String(validating: old, as: UTF8.self), let b = String(validating: new, as: UTF8.self),
            !old.contains(0), !new.contains(0)
        else {
            return "binary contents differ (committed \(Digest.sha256(old).prefix(12)), now \(Digest.sha256(new).prefix(12)))"
        }
        let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
        let linesB = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out = [String]()
        var shown = 0
        for i in 0..<max(linesA.count, linesB.count) where shown < 6 {
            let x = i < linesA.count ? String(linesA[i]) : nil
            let y = i < linesB.count ? String(linesB[i]) : nil
            if x != y {
                out.append("    line \(i + 1):")
                if let x { out.append("      - " + String(x.prefix(160))) }
                if let y { out.append("      + " + String(y.prefix(160))) }
                shown += 1
            }
        }
        return "contents differ\n" + out.joined(separator: "\n")
    }
}
