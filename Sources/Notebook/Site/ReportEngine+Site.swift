import Charts

extension ReportEngine {
    /// Writes the web edition into `site/` and removes the files of it this run did not produce.
    func writeSite(_ book: ResolvedBook, displayLists: [String: DisplayList], store: OutputStore) throws {
        let writer = SiteWriter(book: book, fonts: try renderer.fontFiles(named: SiteWriter.fontFiles))
        let files = try writer.files(displayLists: displayLists)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { try store.write(bytes, to: "\(SiteWriter.folder)/\(path)") }
        removeStaleFiles(in: SiteWriter.folder, keeping: Set(files.keys.map { "\(SiteWriter.folder)/\($0)" }), store: store)
    }
}
