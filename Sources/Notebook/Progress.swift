import Foundation
import Synchronization

/// Receives the runner's progress. Implementations must be safe to call from worker threads.
public protocol ProgressReporter: Sendable {
    /// An experiment with `units` replicate runs starts.
    func started(_ id: String, units: Int)
    /// One more unit of `id` finished.
    func unitFinished(_ id: String)
    /// `id` finished (or was taken from the cache) after `seconds`.
    func finished(_ id: String, seconds: Double, cached: Bool, failed: Bool)
    /// A free-form message (rendering, writing, warnings).
    func note(_ message: String)
}

/// Progress for a terminal: one live line per running experiment with done/total and an ETA,
/// redrawn in place on standard error.
public final class TerminalProgress: ProgressReporter, Sendable {
    private struct Running {
        var total: Int
        var done = 0
        var start = Date()
    }

    private struct State {
        var running: [(id: String, status: Running)] = []
        var drawnLines = 0
        var lastDraw = Date.distantPast
    }

    private let state = Mutex(State())

    /// Creates a reporter.
    public init() {}

    public func started(_ id: String, units: Int) {
        state.withLock { s in
            s.running.append((id, Running(total: units)))
            redraw(&s, force: true)
        }
    }

    public func unitFinished(_ id: String) {
        state.withLock { s in
            if let i = s.running.firstIndex(where: { $0.id == id }) { s.running[i].status.done += 1 }
            redraw(&s, force: false)
        }
    }

    public func finished(_ id: String, seconds: Double, cached: Bool, failed: Bool) {
        state.withLock { s in
            s.running.removeAll { $0.id == id }
            clear(&s)
            Self.write(Self.finishLine(id, seconds: seconds, cached: cached, failed: failed) + "\n")
            redraw(&s, force: true)
        }
    }

    public func note(_ message: String) {
        state.withLock { s in
            clear(&s)
            Self.write(message + "\n")
            redraw(&s, force: true)
        }
    }

    private func clear(_ s: inout State) {
        guard s.drawnLines > 0 else { return }
        Self.write(String(repeating: "\u{1B}[1A\u{1B}[2K", count: s.drawnLines) + "\r")
        s.drawnLines = 0
    }

    private func redraw(_ s: inout State, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(s.lastDraw) > 0.1 else { return }
        clear(&s)
        var text = ""
        for (id, status) in s.running {
            let elapsed = now.timeIntervalSince(status.start)
            let eta = status.done > 0 ? elapsed / Double(status.done) * Double(status.total - status.done) : .nan
            let etaText = eta.isNaN ? "ETA …" : String(format: "ETA %.1fs", eta)
            text += "  running \(id)  \(status.done)/\(status.total)  \(etaText)\n"
        }
        Self.write(text)
        s.drawnLines = s.running.count
        s.lastDraw = now
    }

    static func finishLine(_ id: String, seconds: Double, cached: Bool, failed: Bool) -> String {
        if failed { return "  FAILED \(id)" }
        return cached ? "  cached \(id)" : String(format: "  ran    %@  %.2fs", id, seconds)
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Progress for logs and CI, where lines cannot be redrawn: a line when an experiment is
/// queued (so a long one is never silent), one the moment its last unit finishes, and one when
/// its results are assembled, each with the time since the run began.
public final class LineProgress: ProgressReporter, Sendable {
    private let start = Date()
    private let units = Mutex([String: (done: Int, total: Int)]())

    /// Creates a reporter.
    public init() {}
    public func started(_ id: String, units count: Int) {
        units.withLock { $0[id] = (0, count) }
        TerminalProgress.write(String(format: "  queued %@  %d unit%@  [%.0fs]\n", id, count, count == 1 ? "" : "s", elapsed))
    }
    public func unitFinished(_ id: String) {
        let complete = units.withLock { state -> Bool in
            guard let entry = state[id] else { return false }
            state[id] = (entry.done + 1, entry.total)
            return entry.done + 1 == entry.total
        }
        if complete { TerminalProgress.write(String(format: "  done   %@  [%.0fs]\n", id, elapsed)) }
    }
    public func finished(_ id: String, seconds: Double, cached: Bool, failed: Bool) {
        let line = TerminalProgress.finishLine(id, seconds: seconds, cached: cached, failed: failed)
        TerminalProgress.write(cached ? line + "\n" : line + String(format: "  [%.0fs]\n", elapsed))
    }
    public func note(_ message: String) { TerminalProgress.write(message + "\n") }

    private var elapsed: Double { Date().timeIntervalSince(start) }
}

/// A reporter that says nothing (tests).
public final class SilentProgress: ProgressReporter, Sendable {
    /// Creates a reporter.
    public init() {}
    public func started(_ id: String, units: Int) {}
    public func unitFinished(_ id: String) {}
    public func finished(_ id: String, seconds: Double, cached: Bool, failed: Bool) {}
    public func note(_ message: String) {}
}
