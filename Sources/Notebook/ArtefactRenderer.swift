import Charts

/// The drawing back end the engine writes figures and the PDF with (the Cairo layer implements it;
/// `Notebook` itself draws nothing).
public protocol ArtefactRenderer: Sendable {
    /// Part of every figure's and document's key: bump when drawing changes.
    var version: String { get }
    /// The figure as PNG (twice the point size, for Markdown), SVG and PDF bytes.
    func renderFigure(_ spec: FigureSpec) throws -> RenderedFigure
    /// The whole book as a PDF, figures drawn from `figures` (by figure id).
    func typeset(_ book: ResolvedBook) throws -> [UInt8]
    /// The bytes of the font files named (the files the figures and the PDF are set in), for the
    /// web edition to ship; a back end without fonts returns none and the site falls back to
    /// the reader's own.
    func fontFiles(named names: [String]) throws -> [String: [UInt8]]
}

extension ArtefactRenderer {
    /// No fonts.
    public func fontFiles(named names: [String]) throws -> [String: [UInt8]] { [:] }
}

/// One figure's files.
public struct RenderedFigure: Sendable {
    /// PNG bytes.
    public var png: [UInt8]
    /// SVG bytes.
    public var svg: [UInt8]
    /// PDF bytes.
    public var pdf: [UInt8]

    /// Creates the figure's files.
    public init(png: [UInt8], svg: [UInt8], pdf: [UInt8]) {
        self.png = png
        self.svg = svg
        self.pdf = pdf
    }
}
