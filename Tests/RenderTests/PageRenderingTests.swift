import Foundation
import Notebook
import SnapshotSupport
import Testing

@testable import Render

/// Runs a command-line tool, returning its standard output, or nil if the tool is missing.
func runTool(_ tool: String, _ arguments: [String]) -> Data? {
    guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

@Suite("Typeset pages")
struct PageRenderingTests {
    static let pagesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Pages")

    @Test("every page renders (pdftoppm), is not blank and matches its recorded image; a mismatch writes page-N.new.png beside page-N.png")
    func pages() throws {
        let pdf = try CairoRenderer().typeset(SampleBook.book)
        #expect(try CairoRenderer().typeset(SampleBook.book) == pdf, "two typesettings differ")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let file = scratch.appendingPathComponent("sample.pdf")
        try Data(pdf).write(to: file)
        guard runTool("/usr/bin/pdftoppm", ["-r", "30", "-png", file.path, scratch.appendingPathComponent("page").path]) != nil else { return }
        let rendered = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("page-") }.sorted()
        #expect(rendered.count >= 3)
        for (n, name) in rendered.enumerated() {
            let image = try Data(contentsOf: scratch.appendingPathComponent(name))
            // Not blank: the grey rendering has dark pixels.
            let gray = runTool("/usr/bin/pdftoppm", ["-r", "30", "-gray", "-f", "\(n + 1)", "-l", "\(n + 1)", file.path]) ?? Data()
            let pixels = gray.suffix(max(0, gray.count - 20))
            #expect(pixels.contains { $0 < 128 }, "page \(n + 1) is blank")
            try Snapshot.verify(image, reference: Self.pagesFolder.appendingPathComponent("page-\(n + 1).png"))
        }
    }

    @Test("pdftotext finds every heading, caption and claim; pdffonts shows every font embedded")
    func textAndFonts() throws {
        let pdf = try CairoRenderer().typeset(SampleBook.book)
        // SAMPLE_PDF=FILE keeps the sample book for a look.
        let file = ProcessInfo.processInfo.environment["SAMPLE_PDF"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        guard let text = runTool("/usr/bin/pdftotext", [file.path, "-"]).map({ String(decoding: $0, as: UTF8.self) }) else { return }
        for expected in ["Sample", "Contents", "A sample chapter", "Formulas of the seed", "Figure 1.1.", "Table 1.1.", "A claim that holds.", "Claim FAILED.", "A warning", "(1.7)"] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
        let fonts = String(decoding: runTool("/usr/bin/pdffonts", [file.path]) ?? Data(), as: UTF8.self)
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" yes ") }, "\(fonts)")
        #expect(fonts.contains("TeXGyrePagellaMath"), "the math font is not used")
    }

    @Test("every formula of the seed lays out into a real box: positive size, no fallback text")
    func seedFormulas() throws {
        let engine = try TextEngine(cairo: scratchContext())
        let typesetter = MathTypesetter(engine: engine, size: 11)
        for formula in SampleBook.seedFormulas {
            let box = typesetter.box(latex: formula, display: true)
            #expect(box.width > 30 && box.ascent > 3 && box.descent > 0, "\(formula)")
            #expect(box.items.count > 5)
        }
        // A fraction is taller than a line; a script is raised.
        let fraction = typesetter.box(latex: "\\frac{a}{b}", display: true)
        let letter = typesetter.box(latex: "a", display: true)
        #expect(fraction.ascent > letter.ascent * 1.3 && fraction.descent > letter.descent + 2)
    }

    @Test("fuzz: every mutated seed formula that parses also lays out, with finite sizes")
    func layoutFuzz() throws {
        let typesetter = MathTypesetter(engine: try TextEngine(cairo: scratchContext()), size: 10)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        let alphabet = Array("\\{}^_()|,+-=abc12frac sqrt hat left right")
        var laidOut = 0
        for _ in 0..<600 {
            var chars = Array(SampleBook.seedFormulas[next() % SampleBook.seedFormulas.count])
            for _ in 0..<(1 + next() % 3) where !chars.isEmpty {
                let i = next() % chars.count
                if next() % 2 == 0 { chars.remove(at: i) } else { chars.insert(alphabet[next() % alphabet.count], at: i) }
            }
            let formula = String(chars)
            guard (try? MathParser.parse(formula)) != nil else { continue }
            let box = typesetter.box(latex: formula, display: next() % 2 == 0)
            #expect(box.width.isFinite && box.ascent.isFinite && box.descent.isFinite, "\(formula)")
            laidOut += 1
        }
        #expect(laidOut > 50)
    }

    @Test("payoff tables bold best responses and highlight the pure equilibria")
    func payoffTable() {
        let table = SampleBook.prisonersDilemma.table()
        #expect(SampleBook.prisonersDilemma.pureEquilibria == [[1, 1]])
        #expect(table.rows[1][2] == "(**\u{2212}2**, **\u{2212}2**)", "payoffs carry a true minus sign")
        #expect(table.rows[0][1] == "(\u{2212}1, \u{2212}1)")
        #expect(table.highlighted == [[1, 2]])
    }

    func scratchContext() -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10)!
        return cairo_create(surface)!
    }
}

import CCairo
import LaTeXMath
