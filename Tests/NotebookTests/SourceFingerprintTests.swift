import Foundation
import Notebook
import Testing

@Suite("Source fingerprints")
struct SourceFingerprintTests {
    @Test("a declaration's text runs through its balanced arguments and trailing closure")
    func declarationSpan() throws {
        let folder = temporaryFolder()
        let file = folder.appendingPathComponent("Chapter.swift")
        let source = """
            let a = Experiment("exp-a", parameters: [1, 2]) { n, g in
                "}" + String(n) // a brace in a string and a comment }
            }
            let b = 2
            """
        try Data(source.utf8).write(to: file)
        let text = try SourceFingerprint(root: folder).declarationText(file: file.path, line: 1, callee: "Experiment")
        #expect(text.hasPrefix("Experiment(\"exp-a\""))
        #expect(text.hasSuffix("}\n}"))
        #expect(!text.contains("let b"))
    }
}
