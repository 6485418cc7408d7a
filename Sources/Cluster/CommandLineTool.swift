import Foundation
import Subprocess
import Synchronization

/// Runs a command-line tool (Slurm's sbatch, squeue, sinfo, scancel) through swift-subprocess and
/// collects what it printed, for callers that are not async themselves.
struct CommandLineTool: Sendable {
    /// What a finished command gave.
    struct Outcome: Sendable {
        /// The exit status (a signal counts as failure).
        let succeeded: Bool
        /// Standard output.
        let output: String
        /// Standard error.
        let error: String
        /// How it ended, for messages ("exited(1)").
        let status: String
    }

    /// The tool's name, looked up on PATH.
    let name: String
    /// The folders searched for it, as in PATH; `nil` for this process's PATH.
    var searchPath: String? = nil

    /// Whether the tool is on the search path.
    var isAvailable: Bool {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs the tool with `arguments` and waits for it; throws only when it cannot be started.
    func run(_ arguments: [String]) throws -> Outcome {
        let name = self.name
        return try Self.blocking {
            let result = try await Subprocess.run(
                .name(name), arguments: Arguments(arguments), output: .string(limit: 64 << 20), error: .string(limit: 1 << 20))
            return Outcome(
                succeeded: result.terminationStatus.isSuccess, output: result.standardOutput, error: result.standardError,
                status: "\(result.terminationStatus)")
        }
    }

    /// Runs the tool and returns its output, throwing `failure` with its error text when it fails.
    func output(_ arguments: [String], failure: (String) -> any Error) throws -> String {
        let outcome = try run(arguments)
        guard outcome.succeeded else {
            throw failure(outcome.error.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? outcome.status : outcome.error.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return outcome.output
    }

    /// Waits for an async body from synchronous code (the engine and the CLI are synchronous;
    /// swift-subprocess is async).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }
}
