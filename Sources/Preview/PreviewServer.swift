import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Serves an output folder on 127.0.0.1 for `report preview`: the site at `/site/…` (so its links
/// to `../<chapter>/figures/…` resolve as on disk), `/` redirected to the site's index, and into
/// every HTML page a small script that reloads it when ``bump()`` says the output changed. The
/// files on disk are never changed; nothing outside the folder is served.
public final class PreviewServer: Sendable {
    /// The folder served (the report's output folder).
    public let root: URL
    private let server: HTTPServer
    private let counter = ChangeCounter()
    /// What answers the requests (the tests call it without a socket).
    let handler: FolderHandler

    /// A server for `root` on 127.0.0.1 at `port` (0 picks a free port; ``start()`` returns it).
    public init(root: URL, port: UInt16) throws {
        self.root = root.standardizedFileURL
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        handler = FolderHandler(root: self.root, counter: counter)
        server = HTTPServer(address: address, logger: .disabled, handler: handler)
    }

    /// Starts listening in the background and returns the port. (Its tasks run on the shared
    /// concurrency pool: code that waits for something slow must not block that pool.)
    public func start() async throws -> UInt16 {
        let server = self.server
        Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else { throw PreviewError.notListening }
        return port
    }

    /// Stops serving.
    public func stop() async {
        await server.stop(timeout: 1)
    }

    /// Tells the open pages that the output changed, so they reload.
    public func bump() {
        counter.value.withLock { $0 += 1 }
    }

    /// How many times the output changed since the server started.
    public var changes: Int { counter.value.withLock { $0 } }
}

/// The number of output changes, shared by the server and its handler.
final class ChangeCounter: Sendable {
    let value = Mutex(0)
}

/// What can go wrong starting a preview.
public enum PreviewError: Error, CustomStringConvertible {
    /// The server did not report a port.
    case notListening

    public var description: String {
        switch self {
        case .notListening: "the preview server did not start listening on 127.0.0.1"
        }
    }
}

/// Answers requests from the files under `root`, and the reload script's two paths.
struct FolderHandler: HTTPHandler {
    let root: URL
    let counter: ChangeCounter

    static let reloadScriptPath = "/__preview/reload.js"
    static let changesPath = "/__preview/changes"

    /// Polls the change counter and reloads the page when it moves.
    static let reloadScript = """
        (() => {
          let seen = null;
          const poll = async () => {
            try {
              const now = await (await fetch("\(changesPath)", { cache: "no-store" })).text();
              if (seen !== null && now !== seen) location.reload();
              seen = now;
            } catch (e) {}
            setTimeout(poll, 500);
          };
          poll();
        })();

        """

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "json": "application/json", "otf": "font/otf", "md": "text/markdown; charset=utf-8",
    ]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try response(to: request)
        } catch {
            // Say what went wrong rather than drop the connection.
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/plain"], body: Data("\(request.path): \(error)".utf8))
        }
    }

    func response(to request: HTTPRequest) throws -> HTTPResponse {
        let noCache: HTTPHeaders = [.cacheControl: "no-store"]
        switch request.path {
        case "/", "":
            return HTTPResponse(statusCode: .found, headers: [.location: "/site/index.html"])
        case Self.changesPath:
            return HTTPResponse(statusCode: .ok, headers: noCache.merging([.contentType: "text/plain"]), body: Data("\(counter.value.withLock { $0 })".utf8))
        case Self.reloadScriptPath:
            return HTTPResponse(statusCode: .ok, headers: noCache.merging([.contentType: Self.contentTypes["js"]!]), body: Data(Self.reloadScript.utf8))
        default:
            break
        }
        guard let file = Self.file(for: request.path, in: root) else { return HTTPResponse(statusCode: .notFound) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return HTTPResponse(statusCode: .notFound) }
        if isFolder.boolValue {
            return HTTPResponse(statusCode: .found, headers: [.location: request.path.hasSuffix("/") ? request.path + "index.html" : request.path + "/index.html"])
        }
        var body = try Data(contentsOf: file)
        let type = Self.contentTypes[file.pathExtension] ?? "application/octet-stream"
        if file.pathExtension == "html" { body = Self.withReloadScript(body) }
        return HTTPResponse(statusCode: .ok, headers: noCache.merging([.contentType: type]), body: body)
    }

    /// The file `path` names under `root`, `nil` if it would leave the folder or names a hidden file.
    static func file(for path: String, in root: URL) -> URL? {
        var parts = [String]()
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil }
            parts.append(String(part))
        }
        let file = parts.reduce(root) { $0.appendingPathComponent($1) }.standardizedFileURL
        return file.path.hasPrefix(root.path) ? file : nil
    }

    /// `page` with the reload script before its closing body tag (the file on disk is not touched).
    static func withReloadScript(_ page: Data) -> Data {
        let text = String(decoding: page, as: UTF8.self)
        let tag = "<script src=\"\(reloadScriptPath)\"></script>"
        guard let end = text.range(of: "</body>", options: .backwards) else { return Data((text + tag).utf8) }
        return Data(text.replacingCharacters(in: end, with: tag + "</body>").utf8)
    }
}

extension HTTPHeaders {
    /// These headers with `other`'s added.
    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var merged = self
        for (key, value) in other { merged[key] = value }
        return merged
    }
}
