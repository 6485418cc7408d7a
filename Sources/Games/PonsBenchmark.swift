import Foundation

/// Pascal Pons' Connect Four benchmark positions: lines of `<moves> <score>`.
public struct PonsBenchmark: Sendable {
    /// One test position.
    public struct Entry: Sendable {
        /// The moves played, as digits 1-7.
        public let moves: String
        /// The exact score for the side to move.
        public let score: Int
        /// The position.
        public let position: ConnectFour
    }

    /// The file's name, such as Test_L3_R1.
    public let name: String
    /// Its positions.
    public let entries: [Entry]

    /// The six files, easiest first.
    public static let files = ["Test_L3_R1", "Test_L2_R1", "Test_L2_R2", "Test_L1_R1", "Test_L1_R2", "Test_L1_R3"]

    /// The repository's own copy of the files, relative to the package root.
    public static let bundledPath = "data/connect-four"

    /// The repository's own copy under `projectRoot`, whatever the environment says.
    public static func bundledFolder(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(bundledPath)
    }

    /// The folder holding the files: `$CONNECT_FOUR_DATA` when set, else the repository's own
    /// copy under `projectRoot`.
    public static func folder(projectRoot: URL) -> URL {
        if let path = ProcessInfo.processInfo.environment["CONNECT_FOUR_DATA"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return bundledFolder(projectRoot: projectRoot)
    }

    /// Reads `name` from `folder`, with an error naming the file and line on any problem.
    public init(name: String, folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw PonsBenchmarkError.missing(path: url.path)
        }
        var entries = [Entry]()
        for (number, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let score = Int(parts[1]) else {
                throw PonsBenchmarkError.malformed(path: url.path, line: number + 1, reason: "expected '<moves> <score>'")
            }
            do {
                entries.append(Entry(moves: String(parts[0]), score: score, position: try ConnectFour(moves: String(parts[0]))))
            } catch {
                throw PonsBenchmarkError.malformed(path: url.path, line: number + 1, reason: "\(error)")
            }
        }
        self.name = name
        self.entries = entries
    }
}

/// Why the benchmark positions could not be read.
public enum PonsBenchmarkError: Error, CustomStringConvertible {
    /// The file is not there.
    case missing(path: String)
    /// A line does not parse.
    case malformed(path: String, line: Int, reason: String)

    /// The message.
    public var description: String {
        switch self {
        case .missing(let path): "Pons' Connect Four positions are missing: \(path) (the repository keeps them in data/connect-four; CONNECT_FOUR_DATA, when set, must name a folder holding Test_L1_R1 … Test_L3_R1)"
        case .malformed(let path, let line, let reason): "\(path), line \(line): \(reason)"
        }
    }
}
