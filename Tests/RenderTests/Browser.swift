import CCairo
import Foundation
import Testing

/// Headless Chromium, driven from the command line: a harness page opens each page of a site in
/// an iframe of a given width and reports, as JSON in its DOM, what did not load or render; the
/// browser's log gives every console message. Screenshots come from `--screenshot`.
enum Browser {
    /// What one page looked like at one width.
    struct PageReport: Decodable, CustomStringConvertible {
        let page: String
        let width: Int
        /// Images that did not load.
        let images: [String]
        /// SVG elements without a box.
        let emptySVGs: Int
        /// `math` elements, and those that did not lay out as math (no box, or not `display: … math`).
        let math: Int
        let unrenderedMath: Int
        /// How far the page scrolls sideways, CSS pixels.
        let overflow: Int
        /// Font faces that failed to load.
        let fontErrors: [String]

        var description: String {
            "\(page) at \(width) px: images not loaded \(images), empty SVGs \(emptySVGs), math not rendered \(unrenderedMath) of \(math), sideways scroll \(overflow) px, fonts failed \(fontErrors)"
        }
        var isClean: Bool { images.isEmpty && emptySVGs == 0 && unrenderedMath == 0 && overflow <= 0 && fontErrors.isEmpty }
    }

    /// The Chromium executable, if one is installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Whether the browser tests must run: under CI a missing Chromium is a failure, elsewhere
    /// the tests are skipped with the reason printed.
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let executable { return executable }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("Chromium is not installed; CI installs Debian's chromium (make deps-test)", sourceLocation: sourceLocation)
        } else {
            print("skipped: the browser tests need Chromium (apt-get install chromium, or make deps-test)")
        }
        return nil
    }

    static let baseArguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run", "--mute-audio"]

    /// Opens `pages` of `site` at 390 and 1280 px; returns the reports and the console lines.
    static func check(site: URL, pages: [String]) throws -> (reports: [PageReport], console: [String]) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let harness = scratch.appendingPathComponent("harness.html")
        let pageList = String(decoding: try JSONEncoder().encode(pages.map { site.appendingPathComponent($0).absoluteString }), as: UTF8.self)
        try Data(harnessPage(pages: pageList).utf8).write(to: harness)
        let (output, log) = try run(baseArguments + ["--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=60000", "--dump-dom", harness.absoluteString])
        guard let start = output.range(of: "<pre id=\"out\">"), let end = output.range(of: "</pre>", range: start.upperBound..<output.endIndex) else {
            throw BrowserError(message: "the harness wrote no report; Chromium said: \(log.suffix(2000))")
        }
        let json = String(output[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        guard json.hasPrefix("[") else { throw BrowserError(message: "the harness failed: \(json)") }
        let reports = try JSONDecoder().decode([PageReport].self, from: Data(json.utf8))
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") && !$0.contains("harness.html") }.map(String.init)
        return (reports, console)
    }

    /// A PNG of `page` in a window of `width` × `height`, in the dark scheme if `dark`.
    static func screenshot(_ page: URL, width: Int, height: Int, dark: Bool) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try run(baseArguments + (dark ? ["--force-dark-mode"] : []) + ["--window-size=\(width),\(height)", "--virtual-time-budget=10000", "--screenshot=\(file.path)", page.absoluteString])
        return try Data(contentsOf: file)
    }

    struct BrowserError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Runs Chromium with `arguments`, returning its standard output and error.
    static func run(_ arguments: [String]) throws -> (String, String) {
        guard let executable else { throw BrowserError(message: "Chromium is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // No user profile, no desktop bus: a fresh machine and a developer's give the same run.
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        // Standard error goes to a file, so neither stream can fill up and block the browser.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        try process.run()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return (String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    static func harnessPage(pages: String) -> String {
        """
        <!DOCTYPE html><html><body><pre id="out">running</pre><script>
        const pages = \(pages);
        async function check(url, width) {
          const frame = document.createElement("iframe");
          frame.style.width = width + "px"; frame.style.height = "900px"; frame.style.border = "0";
          document.body.appendChild(frame);
          await new Promise((done) => { frame.onload = done; frame.src = url; });
          const doc = frame.contentDocument;
          await doc.fonts.ready;
          const box = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
          const maths = [...doc.querySelectorAll("math")];
          const report = {
            page: url.split("/").pop(), width,
            images: [...doc.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src),
            emptySVGs: [...doc.querySelectorAll("svg")].filter((s) => !box(s)).length,
            math: maths.length,
            unrenderedMath: maths.filter((m) => !(box(m) && frame.contentWindow.getComputedStyle(m).display.includes("math"))).length,
            overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
            fontErrors: [...doc.fonts].filter((f) => f.status === "error").map((f) => f.family),
          };
          frame.remove();
          return report;
        }
        (async () => {
          const out = [];
          for (const page of pages) for (const width of [390, 1280]) out.push(await check(page, width));
          document.getElementById("out").textContent = JSON.stringify(out);
        })().catch((e) => { document.getElementById("out").textContent = "ERROR " + e; });
        </script></body></html>
        """
    }
}

/// Screenshots compared with their recorded images pixel by pixel: anti-aliasing may differ by a
/// shade between machines, so a pixel counts as changed when a channel moves by more than 48
/// levels, and at most 0.5% of the pixels may change. Debian ships Chromium security updates
/// often, and a new version may set text a pixel differently: when the running version is not
/// the one the images were recorded with (`chromium-version.txt` beside them), up to 5% may
/// change (a page without its style sheet or fonts changes far more) and the test says so.
enum Screenshots {
    /// The version the running Chromium reports.
    static let browserVersion: String = {
        (try? Browser.run(["--version"]).0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "unknown"
    }()

    static func verify(_ png: Data, reference: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let environment = ProcessInfo.processInfo.environment
        let fresh = reference.deletingPathExtension().appendingPathExtension("new.png")
        let versionFile = reference.deletingLastPathComponent().appendingPathComponent("chromium-version.txt")
        if environment["RECORD_SNAPSHOTS"] != nil || (!FileManager.default.fileExists(atPath: reference.path) && environment["CI"] == nil) {
            try png.write(to: reference)
            try Data((browserVersion + "\n").utf8).write(to: versionFile)
            return
        }
        let recordedWith = (try? String(contentsOf: versionFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        let tolerance = recordedWith == browserVersion ? 0.005 : 0.05
        if recordedWith != browserVersion {
            print("note: the screenshots were recorded with \(recordedWith) and this is \(browserVersion); comparing with a 5% tolerance (RECORD_SNAPSHOTS=1 re-records)")
        }
        guard FileManager.default.fileExists(atPath: reference.path) else {
            Issue.record("the screenshot \(reference.path) is missing; record it with RECORD_SNAPSHOTS=1 and commit it", sourceLocation: sourceLocation)
            return
        }
        try png.write(to: fresh)
        let changed = try changedShare(fresh, reference)
        if changed <= tolerance {
            try? FileManager.default.removeItem(at: fresh)
            return
        }
        Issue.record("\(reference.lastPathComponent): \(String(format: "%.2f", changed * 100))% of the pixels differ from the recorded screenshot; the fresh one is in \(fresh.path). Rerun with RECORD_SNAPSHOTS=1 if the change is intended.", sourceLocation: sourceLocation)
    }

    /// The share of pixels that differ noticeably between two PNG files (1 if the sizes differ).
    static func changedShare(_ a: URL, _ b: URL) throws -> Double {
        let first = cairo_image_surface_create_from_png(a.path)!
        let second = cairo_image_surface_create_from_png(b.path)!
        defer {
            cairo_surface_destroy(first)
            cairo_surface_destroy(second)
        }
        guard cairo_surface_status(first) == CAIRO_STATUS_SUCCESS, cairo_surface_status(second) == CAIRO_STATUS_SUCCESS else { return 1 }
        let width = Int(cairo_image_surface_get_width(first)), height = Int(cairo_image_surface_get_height(first))
        guard width == Int(cairo_image_surface_get_width(second)), height == Int(cairo_image_surface_get_height(second)) else { return 1 }
        cairo_surface_flush(first)
        cairo_surface_flush(second)
        let strideA = Int(cairo_image_surface_get_stride(first)), strideB = Int(cairo_image_surface_get_stride(second))
        let pixelsA = cairo_image_surface_get_data(first)!, pixelsB = cairo_image_surface_get_data(second)!
        var changed = 0
        for y in 0..<height {
            for x in 0..<width {
                for channel in 0..<4 where abs(Int(pixelsA[y * strideA + 4 * x + channel]) - Int(pixelsB[y * strideB + 4 * x + channel])) > 48 {
                    changed += 1
                    break
                }
            }
        }
        return Double(changed) / Double(max(1, width * height))
    }
}
