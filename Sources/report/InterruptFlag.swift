import Dispatch
import GameTheory
import Foundation
import Synchronization

/// Turns Ctrl-C into a flag a long computation polls, so it can stop and report what it has;
/// a second Ctrl-C exits at once.
// The signal source is created and cancelled on the calling thread only; the flag is atomic.
final class InterruptFlag: @unchecked Sendable {
    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }
    private let flag = Flag()
    private let source: DispatchSourceSignal

    /// Starts catching SIGINT.
    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let flag = flag
        source.setEventHandler {
            if flag.value.exchange(true, ordering: .relaxed) { exit(130) }
        }
        source.resume()
    }

    /// Whether Ctrl-C was pressed.
    var isSet: Bool { flag.value.load(ordering: .relaxed) }

    /// Gives SIGINT back its default action.
    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// Progress of a long solve on standard error: one line rewritten in place on a terminal, a line
/// every ten seconds otherwise, nothing for the first second.
final class ProgressLine: Sendable {
    private let shown = Mutex((seconds: 0.0, any: false))
    private let terminal = isatty(STDERR_FILENO) == 1

    /// Shows `progress`.
    func show(_ progress: EnumerationProgress) {
        let text = String(format: "solving: %.0f s, %@ bases, %d extreme equilibria so far (Ctrl-C stops and prints them)",
                          progress.seconds, progress.bases.map { $0.formatted() }.joined(separator: " + "), progress.equilibria)
        let due = shown.withLock { state -> Bool in
            guard progress.seconds >= 1, terminal || progress.seconds - state.seconds >= 10 else { return false }
            state = (progress.seconds, true)
            return true
        }
        if due { FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + text : text + "\n").utf8)) }
    }

    /// Clears the line on a terminal.
    func finish() {
        if terminal, shown.withLock({ $0.any }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
