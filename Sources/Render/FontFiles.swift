import CPangoCairo
import Foundation
import Notebook

/// The exact font files the report is drawn and typeset with, and a Pango font map that sees only
/// them. Text never falls back to whatever other fonts a machine has (DejaVu on one, Nimbus on
/// another), so the output is the same bytes on every machine; a missing file is an error naming
/// the package that provides it.
public enum FontFiles {
    /// One font file: its name and the Debian package that installs it.
    public struct File: Sendable {
        public let name: String
        public let package: String
    }

    /// Pagella for the text, Heros for the figures, Cursor for code, Pagella Math for formulas.
    public static let files: [File] = [
        "texgyrepagella-regular.otf", "texgyrepagella-bold.otf", "texgyrepagella-italic.otf", "texgyrepagella-bolditalic.otf",
        "texgyreheros-regular.otf", "texgyreheros-bold.otf", "texgyreheros-italic.otf", "texgyreheros-bolditalic.otf",
        "texgyrecursor-regular.otf", "texgyrecursor-bold.otf", "texgyrecursor-italic.otf", "texgyrecursor-bolditalic.otf",
    ].map { File(name: $0, package: "fonts-texgyre") } + [File(name: "texgyrepagella-math.otf", package: "fonts-texgyre-math")]

    /// The folders searched, in order: `$RLNOTES_FONT_DIR` if set, then where Debian, Homebrew and
    /// TeX Live put the TeX Gyre fonts.
    static var folders: [String] {
        let environment = ProcessInfo.processInfo.environment["RLNOTES_FONT_DIR"].map { [$0] } ?? []
        return environment + [
            "/usr/share/texmf/fonts/opentype/public/tex-gyre", "/usr/share/texmf/fonts/opentype/public/tex-gyre-math",
            "/usr/share/fonts/opentype/tex-gyre", "/usr/share/fonts/opentype/tex-gyre-math",
            "/opt/homebrew/share/fonts", "/usr/local/share/fonts", "/usr/local/texlive/texmf-dist/fonts/opentype/public/tex-gyre",
            "/usr/local/texlive/texmf-dist/fonts/opentype/public/tex-gyre-math",
        ]
    }

    /// The path of every font file, or the error naming what is missing; found once per process.
    public static let located: Result<[String], FontError> = {
        var paths = [String]()
        var missing = [File]()
        for file in files {
            if let folder = folders.first(where: { FileManager.default.fileExists(atPath: $0 + "/" + file.name) }) {
                paths.append(folder + "/" + file.name)
            } else {
                missing.append(file)
            }
        }
        return missing.isEmpty ? .success(paths) : .failure(FontError(missing: missing, searched: folders))
    }()

    /// A digest of the font files' contents: part of every figure's and document's key, so a
    /// font update redraws them.
    public static let digest: String = {
        guard case .success(let paths) = located else { return "fonts missing" }
        var bytes = [UInt8]()
        for path in paths { bytes += Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()) }
        return String(Digest.sha256(bytes).prefix(16))
    }()

    /// A new Pango font map over a fontconfig configuration that holds the project's font files
    /// and nothing else; the caller owns it.
    static func fontMap() throws -> OpaquePointer {
        let paths = try located.get()
        guard let config = FcConfigCreate() else { throw FontError(missing: [], searched: ["fontconfig could not create a configuration"]) }
        for path in paths {
            let added = path.withCString { FcConfigAppFontAddFile(config, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
            guard added != 0 else {
                FcConfigDestroy(config)
                throw FontError(missing: [], searched: ["fontconfig cannot read \(path)"])
            }
        }
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        // The font map holds its own reference now.
        FcConfigDestroy(config)
        return OpaquePointer(map)
    }
}

/// The report's fonts are not all installed.
public struct FontError: Error, CustomStringConvertible, Sendable {
    /// The files not found.
    public let missing: [FontFiles.File]
    /// Where they were looked for (or what else went wrong).
    public let searched: [String]

    public var description: String {
        guard !missing.isEmpty else { return searched.joined(separator: "; ") }
        let packages = Array(Set(missing.map(\.package))).sorted()
        return "the report's fonts \(missing.map(\.name).joined(separator: ", ")) are not installed; install Debian's \(packages.joined(separator: " and ")) (make deps does), or set RLNOTES_FONT_DIR to a folder holding them (searched: \(searched.joined(separator: ", ")))"
    }
}
