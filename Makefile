# StressPack. `make demo` and `make test` work on a fresh Debian 12 machine with Swift:
# each installs the missing Debian packages first (scripts/bootstrap).
SWIFT ?= swift
BIN := .build/release/stresspack

.PHONY: bootstrap build debug test demo bench fuzz clean

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

## Coverage-guided fuzzing of the input loaders (libFuzzer + AddressSanitizer):
## each target runs FUZZ_SECONDS from the seed corpus in Fuzz/Corpus/<target>/.
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run.sh

clean:
	rm -rf .build .build-fuzz reports/*/
