# StressPack. `make demo` and `make test` work on a fresh Debian 12 machine with Swift:
# each installs the missing Debian packages first (scripts/bootstrap).
SWIFT ?= swift
BIN := .build/release/stresspack

.PHONY: bootstrap build debug test demo bench bench-pack fuzz fuzz-api bench-serve serve clean

bootstrap:
	@scripts/bootstrap

## Release build of the stresspack CLI.
build: bootstrap
	$(SWIFT) build -c release --product stresspack

debug: bootstrap
	$(SWIFT) build

## Unit, golden, bad-input corpus and end-to-end tests (all XCTest; Swift Testing has none,
## so it is off and the run closes on XCTest's own summary line).
test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

## Runs the main job on the bundled sample bank and prints where the reports are.
demo: build
	$(BIN) demo

## Benchmarks (release build); figures go to BENCHMARKS.md.
bench: bootstrap
	$(SWIFT) build -c release --product stresspack-bench
	.build/release/stresspack-bench

## The full quarterly pack on the 1,000,000-exposure sample bank, timed, with `runs show`'s
## stages (EXPOSURES= another size; figures in BENCHMARKS.md).
EXPOSURES ?= 1000000
bench-pack: build
	scripts/bench/pack.sh --exposures $(EXPOSURES) $(BIN)

## Coverage-guided fuzzing of the input loaders (libFuzzer + AddressSanitizer):
## each target runs FUZZ_SECONDS from the seed corpus in Fuzz/Corpus/<target>/.
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run.sh

## Fuzzes the REST API from docs/openapi.json with schemathesis (installed from PyPI into
## .build/schemathesis-venv): no 5xx, every status, type and body as documented.
FUZZ_API_SECONDS ?= 120
fuzz-api: bootstrap
	$(SWIFT) build --product stresspack
	FUZZ_API_SECONDS=$(FUZZ_API_SECONDS) scripts/fuzz-api .build/debug/stresspack

## Requests per second and latency of the server under wrk (figures in BENCHMARKS.md).
bench-serve: build
	scripts/bench/serve.sh $(BIN)

## The dashboard and API over the demo's store (http://127.0.0.1:8080).
serve: build
	$(BIN) serve

clean:
	rm -rf .build .build-fuzz reports/*/
