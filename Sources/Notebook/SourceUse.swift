/// Code or data an experiment's results depend on, named once where the experiment or its chapter
/// is declared: `uses: [.module("Tabular"), .file("chapters/Compute/DynaExperiments.swift")]`.
///
/// A module stands for its target's whole folder (sources, resources and data) and for every
/// target it depends on, read from the package manifest; a file may also be a folder. A path or
/// module that does not exist is an error. An experiment whose chapter and declaration name
/// nothing depends on the whole package.
public enum SourceUse: Hashable, Sendable, CustomStringConvertible {
    /// A target of the package, with everything it depends on.
    case module(String)
    /// A file or folder, relative to the package root.
    case file(String)

    /// `module X` or the path.
    public var description: String {
        switch self {
        case .module(let name): "module \(name)"
        case .file(let path): path
        }
    }
}
