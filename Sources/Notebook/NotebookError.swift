/// What can go wrong while validating, running or writing a book; each message says what to do.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
    /// A reference to an id that no element declares.
    case danglingReference(id: String, chapter: String)
    /// Two elements declare the same id.
    case duplicateID(id: String, chapters: [String])
    /// An id without its kind's prefix or with characters outside a-z, 0-9 and '-'.
    case malformedID(id: String, expectedPrefix: String, chapter: String)
    /// A chapter id that the book does not contain.
    case unknownChapter(id: String, valid: [String])
    /// An experiment's results are not available.
    case missingResults(String)
    /// An experiment's results file cannot be decoded.
    case corruptResults(String, String)
    /// The output folder cannot be written.
    case unwritableOutput(path: String, reason: String)
    /// A figure, table or claim failed to evaluate.
    case elementFailed(id: String, chapter: String, reason: String)
    /// An id `report explain` does not know.
    case unknownElement(String)
    /// A formula that does not parse.
    case malformedFormula(chapter: String, formula: String, position: Int, reason: String)
    /// A citation of a key the bibliography does not hold.
    case unknownCitation(key: String, chapter: String)
    /// The bibliography file cannot be read or parsed.
    case unreadableBibliography(path: String, reason: String)
    /// `report reseed` needs the committed results of an experiment it does not rerun.
    case reseedNeedsResults(experiment: String, chapter: String)
    /// An experiment's declaration or a dependency it names cannot be read.
    case unreadableSource(path: String, experiment: String)
    /// `report verify` was asked for an experiment that records no iteration states.
    case notReplayable(String)
    /// `report verify` found a run that does not reproduce.
    case verificationFailed(String, details: [String])
    /// A chapter asked for a parameter point an experiment does not have.
    case missingPoint(experiment: String, parameter: String, known: [String])
    /// A results file lacks a unit its experiment declares.
    case missingUnit(experiment: String, point: Int, replicate: Int)
    /// The package manifest cannot be read or parsed.
    case unreadableManifest(path: String, reason: String)
    /// A `.module` use names no target of the package.
    case unknownModule(String, known: [String])
    /// Another run holds the output folder's lock.
    case outputBusy(path: String, holder: Int32?)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .danglingReference(let id, let chapter):
            "chapter '\(chapter)' refers to '@\(id)', but no figure, table, equation or section has that id"
        case .duplicateID(let id, let chapters):
            "the id '\(id)' is declared more than once (chapters: \(chapters.joined(separator: ", "))); ids must be unique in the book"
        case .malformedID(let id, let prefix, let chapter):
            "chapter '\(chapter)' declares '\(id)': ids of this kind start with '\(prefix)' and use only a-z, 0-9 and '-'"
        case .unknownChapter(let id, let valid):
            "unknown chapter '\(id)'; valid chapter ids: \(valid.joined(separator: ", "))"
        case .missingResults(let id):
            "no results for experiment '\(id)'; run the report to compute them"
        case .corruptResults(let id, let reason):
            "the results of experiment '\(id)' cannot be read (\(reason)); rerun with --force"
        case .unwritableOutput(let path, let reason):
            "cannot write to '\(path)': \(reason); check that the folder exists and is writable, or choose another with --output"
        case .elementFailed(let id, let chapter, let reason):
            "'\(id)' in chapter '\(chapter)' failed: \(reason)"
        case .malformedFormula(let chapter, let formula, let position, let reason):
            "chapter '\(chapter)' has a formula that does not parse: \(reason) at character \(position + 1) of `\(formula)`"
        case .unknownCitation(let key, let chapter):
            "chapter '\(chapter)' cites '@\(key)', but the bibliography has no entry with that key; add it to the .bib file or fix the key"
        case .unreadableBibliography(let path, let reason):
            "the bibliography \(path) cannot be read: \(reason)"
        case .unreadableSource(let path, let experiment):
            "cannot read \(path), which \(experiment)'s cache key depends on; check the path in its `uses:` (or its chapter's), or run report from a checkout of the package"
        case .notReplayable(let id):
            "\(id) is not declared with an IterativeRun, so it records no states to replay; `report check` recomputes or samples it instead"
        case .verificationFailed(let id, let details):
            "\(id) does not reproduce:\n" + details.map { "  " + $0 }.joined(separator: "\n")
        case .missingPoint(let experiment, let parameter, let known):
            "\(experiment) has no point \(parameter)" + (known.isEmpty ? "" : " (its points: \(known.joined(separator: ", ")))")
        case .missingUnit(let experiment, let point, let replicate):
            "the results of \(experiment) have no replicate \(replicate) of point \(point); run `report` to recompute them"
        case .unreadableManifest(let path, let reason):
            "the package manifest \(path) cannot be used to expand modules: \(reason)"
        case .unknownModule(let name, let known):
            "no target named '\(name)' in Package.swift (targets: \(known.joined(separator: ", ")))"
        case .outputBusy(let path, let holder):
            "another report run\(holder.map { " (process \($0))" } ?? "") is using \(path); wait for it to finish or stop it, or give this run another --output"
        case .reseedNeedsResults(let experiment, let chapter):
            "reseeding chapter '\(chapter)' needs the results of '\(experiment)', which is expensive and not rerun, but the output folder has no intact copy; run `report --chapter \(chapter)` first"
        case .unknownElement(let id):
            "no experiment or figure has the id '\(id)'; `report list --all` shows them"
        }
    }
}
