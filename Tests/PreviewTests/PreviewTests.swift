import Foundation
import Testing

@testable import Preview
import FlyingFox


/// What the preview answers to GET `path`: the status and the body. The handler is called
/// directly: other suites block the shared concurrency pool with processes they wait for, which
/// would stall a socket server inside the test process (scripts/preview-e2e.sh covers the real
/// server, in its own process, over HTTP).
func get(_ path: String, from server: PreviewServer) async throws -> (Int, String) {
    let request = HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [:], body: Data())
    let response = try await server.handler.handleRequest(request)
    return (response.statusCode.code, String(decoding: try await response.bodyData, as: UTF8.self))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url.appendingPathComponent("site"), withIntermediateDirectories: true)
    return url
}

@Suite("report preview: serving and reloading", .serialized)
struct PreviewTests {
    @Test("serves the site with the reload script added to pages only, figures beside it, nothing outside the folder")
    func serving() async throws {
        let output = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        try Data("<html><body><p>Hello</p></body></html>".utf8).write(to: output.appendingPathComponent("site/index.html"))
        try Data("p { color: red }".utf8).write(to: output.appendingPathComponent("site/style.css"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("dyna/figures"), withIntermediateDirectories: true)
        try Data("x,y\n".utf8).write(to: output.appendingPathComponent("dyna/figures/fig.csv"))
        let server = try PreviewServer(root: output, port: 0)
        let (status, page) = try await get("/site/index.html", from: server)
        #expect(status == 200 && page == "<html><body><p>Hello</p><script src=\"/__preview/reload.js\"></script></body></html>", "status \(status): \(page)")
        #expect(try await get("/", from: server).0 == 302, "/ leads to the site's index")
        #expect(try await get("/site/style.css", from: server).1 == "p { color: red }")
        #expect(try await get("/dyna/figures/fig.csv", from: server).1 == "x,y\n")
        #expect(try await get("/site/missing.html", from: server).0 == 404)
        #expect(try await get("/site/%2E%2E/%2E%2E/etc/passwd", from: server).0 == 404)
        #expect(try await get("/__preview/reload.js", from: server).1.contains("location.reload()"))
        #expect(try await get("/__preview/changes", from: server).1 == "0")
        server.bump()
        #expect(try await get("/__preview/changes", from: server).1 == "1")
        #expect(FolderHandler.file(for: "/../x", in: output) == nil && FolderHandler.file(for: "/site/.hidden", in: output) == nil)
    }

    @Test("a chapter file's change reruns that chapter, any other change every chapter")
    func chapterSelection() throws {
        let output = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let session = PreviewSession(server: try PreviewServer(root: output, port: 0), watching: [], chapterFiles: ["/p/chapters/Dyna.swift": "dyna", "/p/chapters/MCTS.swift": "mcts"], log: { _ in }) { _ in }
        #expect(session.chapters(for: ["/p/chapters/Dyna.swift"]) == ["dyna"])
        #expect(session.chapters(for: ["/p/chapters/MCTS.swift", "/p/chapters/Dyna.swift"]) == ["mcts", "dyna"])
        #expect(session.chapters(for: ["/p/chapters/Dyna.swift", "/p/Sources/Tabular/Maze.swift"]) == nil)
    }

    @Test("end to end: the prose of a chapter file changes, the rebuild runs for that chapter, the page served changes and its counter moves; a failed rebuild keeps the last page")
    func editReloads() async throws {
        let output = try temporaryFolder()
        let sources = output.deletingLastPathComponent().appendingPathComponent("preview-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: sources)
        }
        let chapterFile = sources.appendingPathComponent("Dyna.swift")
        try Data("Prose(\"Planning buys sample efficiency.\")".utf8).write(to: chapterFile)
        let page = output.appendingPathComponent("site/dyna.html")
        // The stand-in for `swift build` and `report --chapter`: the page gets the file's prose.
        let rebuilds = Rebuilds()
        let rebuild: @Sendable ([String]?) async throws -> Void = { chapters in
            rebuilds.record(chapters)
            let source = try String(contentsOf: chapterFile, encoding: .utf8)
            guard !source.contains("syntax error") else { throw CocoaError(.fileReadCorruptFile) }
            try Data("<html><body>\(source)</body></html>".utf8).write(to: page)
        }
        try await rebuild(["dyna"])
        let server = try PreviewServer(root: output, port: 0)
        var session = PreviewSession(server: server, watching: [sources], chapterFiles: [chapterFile.standardizedFileURL.path: "dyna"], log: { _ in }, rebuild: rebuild)
        #expect(try await get("/site/dyna.html", from: server).1.contains("Planning buys sample efficiency."))
        #expect(await session.pollOnce() == false)

        try Data("Prose(\"Planning buys sample efficiency, at a price.\")".utf8).write(to: chapterFile)
        #expect(await session.pollOnce())
        #expect(rebuilds.calls.last == ["dyna"])
        #expect(try await get("/site/dyna.html", from: server).1.contains("at a price."))
        #expect(try await get("/__preview/changes", from: server).1 == "1")

        try Data("Prose(\"syntax error".utf8).write(to: chapterFile)
        #expect(await session.pollOnce())
        #expect(try await get("/site/dyna.html", from: server).1.contains("at a price."))
        #expect(try await get("/__preview/changes", from: server).1 == "1", "a failed rebuild does not reload the pages")
    }
}

/// The chapters each rebuild was asked for.
final class Rebuilds: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded = [[String]?]()
    func record(_ chapters: [String]?) { lock.withLock { recorded.append(chapters) } }
    var calls: [[String]?] { lock.withLock { recorded } }
}
