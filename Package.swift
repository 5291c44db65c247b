// swift-tools-version: 6.1
// StressPack: regulatory stress-testing report generator.
//
// Dependencies point inward: CLI → Inputs / Reports / StressRun → engines →
// StressCore / RiskMath → C shims. Engines are pure value code with no I/O.
import PackageDescription

let package = Package(
    name: "StressPack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stresspack", targets: ["stresspack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: - C shims (leaves; each imported by exactly one Swift target)
        /// OpenBLAS (CBLAS + LAPACK) and LAPACKE, which Debian ships separately.
        .systemLibrary(name: "CLapack", path: "Sources/CLapack", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        /// libxlsxwriter for the submission workbooks.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        /// glibc's mallopt, to fix the allocator's mmap threshold (`MemoryTuning`).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        /// Cairo with its PDF surface for the board pack.
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),

        // MARK: - Numerics and domain values (no I/O)
        /// Φ/Φ⁻¹, Philox4x32-10 streams, matrices over OpenBLAS/LAPACKE.
        .target(name: "RiskMath", dependencies: ["CLapack"]),
        /// Domain values: portfolio columns, scenarios, balance sheet, frameworks, errors.
        .target(name: "StressCore"),

        // MARK: - Engines (pure functions of values; engines do not import each other)
        /// PD/LGD/EAD stress projections per framework, satellites, reverse stress (METHODOLOGY §2).
        .target(name: "CreditEngine", dependencies: ["StressCore", "RiskMath"]),
        /// IRB and standardised RWA, capital trajectories, hurdles, buffers, MDA, waterfall (METHODOLOGY §3).
        .target(name: "CapitalEngine", dependencies: ["StressCore", "RiskMath"]),
        /// Credit VaR, expected shortfall, economic capital; Monte Carlo copulas; backtesting (METHODOLOGY §6).
        .target(name: "VaREngine", dependencies: ["StressCore", "RiskMath"]),
        /// Barra-style factor risk model: exposures, WLS factor returns, covariance, GARCH, risk decomposition (METHODOLOGY §5).
        .target(name: "FactorModel", dependencies: ["StressCore", "RiskMath"]),
        /// IFRS 9 stages, CECL and Ind AS 109 provisions under the scenarios (METHODOLOGY §9).
        .target(name: "ProvisionsEngine", dependencies: ["StressCore", "RiskMath"]),
        /// PD scorecards: coarse classing, WoE/IV, logistic regression, points, calibration to a
        /// master scale (METHODOLOGY §11).
        .target(name: "PDModel", dependencies: ["StressCore", "RiskMath"]),
        /// LCR, NSFR, stressed outflows and survival horizon (METHODOLOGY §4).
        .target(name: "LiquidityEngine", dependencies: ["StressCore"]),
        /// Net interest income under the scenarios' rate paths, non-interest lines, PPNR, the EBA income
        /// constraints; IRRBB: ΔEVE and ΔNII under the BCBS d368 shocks, outlier tests, duration gap (METHODOLOGY §8).
        .target(name: "IncomeEngine", dependencies: ["StressCore", "RiskMath"]),

        // MARK: - Inputs, sample data, orchestration, rendering
        /// Supervisory templates as data (COREP, Pillar 3, EBA, FR Y-14A, BoE, RBI) filled from results.json.
        .target(name: "RegulatoryTemplates"),
        /// CSV and YAML files → validated domain values; errors carry file, line, key.
        .target(name: "Inputs", dependencies: ["StressCore", "RegulatoryTemplates", "PDModel", .product(name: "Yams", package: "Yams")]),
        /// The deterministic sample bank (portfolio and matching balance sheet).
        .target(name: "SampleBank", dependencies: ["StressCore", "RiskMath", "PDModel"]),
        /// The one place that combines engines for a run, and its results document.
        .target(name: "StressRun", dependencies: ["StressCore", "RiskMath", "CreditEngine", "CapitalEngine",
                                                  "ProvisionsEngine", "IncomeEngine", "LiquidityEngine", "VaREngine", "FactorModel"]),
        /// The SQLite run store (GRDB): inputs by content hash, runs, outputs, key figures.
        .target(name: "RunStore", dependencies: ["StressCore", .product(name: "GRDB", package: "GRDB.swift")]),
        /// Owners of the libxlsxwriter and Cairo handles; renderers build on them.
        .target(name: "Reports", dependencies: ["CXlsxWriter", "CCairo", "StressCore", "RiskMath", "StressRun", "RegulatoryTemplates", "PDModel",
                                                "CreditEngine", "CapitalEngine", "ProvisionsEngine", "IncomeEngine",
                                                "LiquidityEngine", "VaREngine", "FactorModel"]),
        /// A run from files to files (input resolution and hashing, the store, atomic output,
        /// verification): what the CLI, cluster shards and a server call.
        .target(name: "StressPipeline", dependencies: [
            "StressCore", "RiskMath", "CreditEngine", "CapitalEngine", "ProvisionsEngine", "IncomeEngine", "LiquidityEngine",
            "VaREngine", "FactorModel", "Inputs", "SampleBank", "RegulatoryTemplates",
            "StressRun", "Reports", "RunStore", "PDModel", "CMalloc", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        /// `stresspack serve`: the REST API and dashboard over the run store (Hummingbird 2,
        /// swift-mustache), running jobs through StressPipeline like the CLI.
        .target(name: "StressServer", dependencies: [
            "StressCore", "Inputs", "StressRun", "Reports", "RunStore", "StressPipeline", "RegulatoryTemplates",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        /// The thin CLI: argument parsing and printing.
        .executableTarget(name: "stresspack", dependencies: [
            "StressCore", "RiskMath", "CreditEngine", "CapitalEngine", "ProvisionsEngine", "IncomeEngine", "LiquidityEngine",
            "VaREngine", "FactorModel", "Inputs", "SampleBank", "RegulatoryTemplates",
            "StressRun", "Reports", "RunStore", "StressPipeline", "StressServer", "PDModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        /// Benchmarks: `make bench`.
        .executableTarget(name: "stresspack-bench", dependencies: [
            "RiskMath", "CreditEngine", "ProvisionsEngine", "VaREngine", "FactorModel", "Inputs", "SampleBank", "StressRun",
            "Reports",
        ]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["StressCore"], path: "Tests/TestSupport"),
        .testTarget(name: "RiskMathTests", dependencies: ["RiskMath", "TestSupport"]),
        .testTarget(name: "StressCoreTests", dependencies: ["StressCore", "TestSupport"]),
        .testTarget(name: "CreditEngineTests", dependencies: ["CreditEngine", "Inputs", "StressCore", "RiskMath", "TestSupport"]),
        .testTarget(name: "CapitalEngineTests", dependencies: ["CapitalEngine", "Inputs", "StressCore", "RiskMath", "TestSupport"]),
        .testTarget(name: "VaREngineTests", dependencies: ["VaREngine", "Inputs", "StressCore", "RiskMath", "TestSupport"]),
        .testTarget(name: "FactorModelTests", dependencies: ["FactorModel", "Inputs", "StressCore", "RiskMath", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "ProvisionsEngineTests", dependencies: ["ProvisionsEngine", "Inputs", "SampleBank", "StressCore", "RiskMath",
                                                                 "TestSupport"]),
        .testTarget(name: "IncomeEngineTests", dependencies: ["IncomeEngine", "Inputs", "SampleBank", "StressCore",
                                                             "TestSupport"]),
        .testTarget(name: "PDModelTests", dependencies: ["PDModel", "Inputs", "RiskMath", "StressCore", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LiquidityEngineTests", dependencies: ["LiquidityEngine", "StressCore", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "StressPipelineTests", dependencies: ["StressPipeline", "RunStore", "TestSupport"]),
        .testTarget(name: "StressRunTests", dependencies: ["StressRun", "CreditEngine", "CapitalEngine", "IncomeEngine", "ProvisionsEngine", "StressCore", "TestSupport"]),
        .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "StressCore", "TestSupport"]),
        .testTarget(name: "InputsTests", dependencies: ["Inputs", "StressCore", "TestSupport"],
                    resources: [.copy("Corpus")]),
        .testTarget(name: "SampleBankTests", dependencies: ["SampleBank", "Inputs", "StressCore", "PDModel", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Inputs", "StressRun", "ProvisionsEngine", "StressCore",
                                                     "CapitalEngine", "RegulatoryTemplates",
                                                     "TestSupport",
                                                     "RiskMath", "VaREngine", "FactorModel"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
        /// `stresspack serve` started as a process: the API, the token rules, the dashboard in headless Chromium.
        .testTarget(name: "ServerTests", dependencies: ["TestSupport"]),
        /// Filled regulatory templates against creditriskengine.reporting (Tests/Golden/templates).
        .testTarget(name: "RegulatoryTemplatesTests", dependencies: ["RegulatoryTemplates", "StressRun", "Inputs",
                                                                    "CapitalEngine", "ProvisionsEngine", "StressCore",
                                                                    "RiskMath", "TestSupport"]),
    ]
)
