// swift-tools-version:6.0
import PackageDescription

/// On x86-64 the code may use AVX2 (Haswell, 2013, and later): the network's eight-float vectors
/// then fill one register instead of two. Swift does not fuse multiplies and adds, so the
/// arithmetic, and every result, is the same as with the baseline's SSE2. Code specialised across
/// modules is compiled in the module that uses it, so the targets that run the learning code
/// take the setting too.
#if arch(x86_64)
let vectorUnits: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let vectorUnits: [SwiftSetting] = []
#endif

/// The learning code runs in the debug-built tests and in `report check` of the CLI tests too, so it
/// is optimised in every configuration (IEEE arithmetic is unchanged, so results are identical), and
/// its generic loops are specialised across modules for the caller's random number generator.
let optimisedEverywhere: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-cross-module-optimization"]),
] + vectorUnits

let package = Package(
    name: "RLNotes",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Randomness", targets: ["Randomness"]),
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "Games", targets: ["Games"]),
        .library(name: "Search", targets: ["Search"]),
        .library(name: "AlphaZero", targets: ["AlphaZero"]),
        .library(name: "MuZero", targets: ["MuZero"]),
        .library(name: "GameTheory", targets: ["GameTheory"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "LaTeXMath", targets: ["LaTeXMath"]),
        .library(name: "Notebook", targets: ["Notebook"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Bibliography", targets: ["Bibliography"]),
        .executable(name: "report", targets: ["report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The generic learning loops are specialised for the caller's generator across modules.
        .target(name: "Tabular", dependencies: ["Randomness"], swiftSettings: optimisedEverywhere),
        .target(name: "Randomness", swiftSettings: optimisedEverywhere),
        .target(name: "Games", dependencies: ["Randomness"], swiftSettings: optimisedEverywhere),
        .target(name: "Search", dependencies: ["Games", "Randomness"], swiftSettings: optimisedEverywhere),
        .target(name: "AlphaZero", dependencies: ["Games", "Search", "Randomness"], swiftSettings: optimisedEverywhere),
        .target(name: "MuZero", dependencies: ["AlphaZero", "Games", "Search", "Randomness"], swiftSettings: optimisedEverywhere),
        .target(name: "GameTheory", dependencies: ["Randomness", .product(name: "BigInt", package: "BigInt")], swiftSettings: optimisedEverywhere),
        .target(name: "Charts"),
        .target(name: "LaTeXMath"),
        .target(name: "Bibliography"),
        .target(
            name: "Notebook",
            dependencies: [
                "Bibliography", "Charts", "LaTeXMath", "Randomness", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftSyntax", package: "swift-syntax"), .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ]
        ),
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .target(name: "Render", dependencies: ["CCairo", "CPangoCairo", "Charts", "LaTeXMath", "Notebook"]),
        // `report preview`: serving the output on 127.0.0.1 and reloading it when the sources change.
        .target(name: "Preview", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        // Running experiment units on a Slurm cluster: job arrays over a shared run folder.
        .target(name: "Cluster", dependencies: ["Notebook", .product(name: "Subprocess", package: "swift-subprocess")]),
        .target(name: "Chapters", dependencies: ["Notebook", "Charts", "Tabular", "Games", "Search", "AlphaZero", "MuZero", "GameTheory", "Randomness"], path: "chapters", swiftSettings: vectorUnits),
        .executableTarget(
            name: "report",
            dependencies: [
                "Chapters", "Cluster", "Notebook", "Render", "GameTheory", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: vectorUnits
        ),
        .executableTarget(
            name: "benchmarks",
            dependencies: ["Tabular", "Games", "Search", "Randomness", "AlphaZero", "MuZero", "GameTheory", "Cluster", "Notebook", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: vectorUnits
        ),
        .testTarget(name: "GamesTests", dependencies: ["Games", "SnapshotSupport", .product(name: "Crypto", package: "swift-crypto")], exclude: ["Playthroughs"]),
        .testTarget(name: "AlphaZeroTests", dependencies: ["AlphaZero", "Games", "Search", "Randomness"]),
        .testTarget(name: "MuZeroTests", dependencies: ["MuZero", "AlphaZero", "Games", "Search", "Randomness"]),
        .testTarget(name: "GameTheoryTests", dependencies: ["GameTheory", "Randomness", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Games", "Randomness"]),
        .testTarget(name: "TabularTests", dependencies: ["Tabular", "Randomness"]),
        .target(name: "FigureGallery", dependencies: ["Charts"], path: "Tests/FigureGallery"),
        .target(name: "SnapshotSupport", path: "Tests/SnapshotSupport"),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "FigureGallery", "SnapshotSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "BibliographyTests", dependencies: ["Bibliography", "Randomness"], exclude: ["Fixtures"]),
        .testTarget(name: "LaTeXMathTests", dependencies: ["LaTeXMath", "FigureGallery"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Charts", "Randomness"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Bibliography", "Charts", "FigureGallery", "LaTeXMath", "Notebook", "SnapshotSupport"], exclude: ["Pages", "SitePages"]),
        .testTarget(name: "ReportTests", dependencies: ["report", "GameTheory", "Randomness", "Notebook", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "Notebook"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", .product(name: "FlyingFox", package: "FlyingFox")]),
    ],
    swiftLanguageModes: [.v6]
)
