import Crypto
import Foundation
import Notebook
import Testing

/// Rewrites results file `path` (relative to `folder`) with `edit` applied to its JSON, and fixes
/// its digest in the lock and in its key record, as a careful forger would: only a recomputation
/// can then tell.
private func forge(_ folder: URL, _ path: String, experiment: String, _ edit: (inout [String: Any]) throws -> Void) throws {
    let url = folder.appendingPathComponent(path)
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    try edit(&json)
    let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
    try bytes.write(to: url)
    let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    for record in ["report.lock.json", path.replacingOccurrences(of: ".json", with: ".key.json")] {
        let recordURL = folder.appendingPathComponent(record)
        var text = try String(contentsOf: recordURL, encoding: .utf8)
        let lock = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let entry = record == "report.lock.json" ? (lock["experiments"] as! [String: Any])[experiment] as! [String: Any] : lock
        text = text.replacingOccurrences(of: entry["digest"] as! String, with: digest)
        try text.write(to: recordURL, atomically: true, encoding: .utf8)
    }
}

@Suite("Tampered expensive results", .serialized)
struct TamperTests {
    @Test("one weight of the committed AlphaZero network changed (digests fixed up): check fails naming the network")
    func tamperedWeight() throws {
        let copy = try copyOfCommittedOutput()
        defer { try? FileManager.default.removeItem(at: copy) }
        try forge(copy, "alphazero/data/exp-az-c4.json", experiment: "exp-az-c4") { json in
            var points = json["points"] as! [[String: Any]]
            var replicates = points[0]["replicates"] as! [[String: Any]]
            var output = replicates[0]["output"] as! [String: Any]
            var weights = [UInt8](Data(base64Encoded: output["weights"] as! String)!)
            // The first parameter after the header line: one float's lowest byte.
            let body = weights.firstIndex(of: UInt8(ascii: "\n"))! + 1
            weights[body] ^= 1
            output["weights"] = Data(weights).base64EncodedString()
            replicates[0]["output"] = output
            points[0]["replicates"] = replicates
            json["points"] = points
        }
        let result = try ReportProcess.run(["check", "--chapter", "alphazero", "--replay-seconds", "0", "--sampled-units", "0", "--output", copy.path])
        #expect(result.status == 1)
        #expect(result.output.contains("exp-az-c4.json: unit 0/0: the committed output's network do not match the state the recorded run ended with"), "\(result.output)\n\(result.error)")
    }

    @Test("one unit of an expensive MCTS experiment forged (digests fixed up): check recomputes it and names it")
    func tamperedUnit() throws {
        let copy = try copyOfCommittedOutput()
        defer { try? FileManager.default.removeItem(at: copy) }
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: copy.appendingPathComponent("report.lock.json"))) as! [String: Any]
        let key = ((lock["experiments"] as! [String: Any])["exp-c4-perfect"] as! [String: Any])["key"] as! String
        var forged = ""
        try forge(copy, "mcts/data/exp-c4-perfect.json", experiment: "exp-c4-perfect") { json in
            var points = json["points"] as! [[String: Any]]
            let replicates = (points[0]["replicates"] as! [Any]).count
            // The first unit check will recompute: a forged result there cannot hide.
            let unit = ReportEngine.sampledUnits(1, of: points.count * replicates, key: key)[0]
            var outputs = points[unit / replicates]["replicates"] as! [[String: Any]]
            let result = outputs[unit % replicates]["result"] as! Int
            outputs[unit % replicates]["result"] = result == 1 ? 0 : 1
            points[unit / replicates]["replicates"] = outputs
            json["points"] = points
            forged = "unit \(unit / replicates)/\(unit % replicates) recomputed differs from the committed one"
        }
        let result = try ReportProcess.run(["check", "--chapter", "mcts", "--sampled-units", "1", "--output", copy.path])
        #expect(result.status == 1)
        #expect(result.output.contains("exp-c4-perfect.json: \(forged)"), "\(result.output)\n\(result.error)")
    }
}
