import Cluster
import Dispatch
import Foundation
import Notebook

/// On Ctrl-C or SIGTERM, removes this process's temporary files in the output folder and its
/// `report check` scratch folder, cancels the Slurm jobs it submitted (a rerun resumes them),
/// then exits with 128 + the signal (the next run would also clean
/// them, but a stopped run should not leave the disk fuller than it found it).
final class TerminationCleanup {
    private var sources: [DispatchSourceSignal] = []

    /// Starts watching for SIGINT and SIGTERM on behalf of a run writing into `output`.
    init(output: URL) {
        let process = getpid()
        let suffix = ".tmp-\(process)"
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                for path in OutputStore(root: output).temporaryFiles() where path.hasSuffix(suffix) {
                    OutputStore(root: output).remove(path)
                }
                CheckScratch.removeAbandoned(of: process)
                let cancelled = ActiveArrays.cancelAll()
                if !cancelled.isEmpty {
                    FileHandle.standardError.write(Data("report: cancelled Slurm job\(cancelled.count == 1 ? "" : "s") \(cancelled.joined(separator: ", ")); rerun the same command to resume\n".utf8))
                }
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
