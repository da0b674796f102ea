#!/usr/bin/env bash
# libFuzzer targets of Fuzz/ (Fuzz/README.md), built in release with -sanitize=fuzzer,address in
# their own scratch path. One fuzzer runs at a time.
#   scripts/fuzz.sh build             build every target (and FuzzSeeds)
#   scripts/fuzz.sh run SECONDS [T…]  fuzz each target SECONDS, new inputs kept in .testbed/fuzz/corpus/T
#   scripts/fuzz.sh regress SECONDS   CI: each target over its committed corpus, then SECONDS of fresh fuzzing
#   scripts/fuzz.sh corpus            regenerate Fuzz/Corpus (needs the test venv)
# A crash, leak, timeout or out-of-memory fails the command; the input is in .testbed/fuzz/artifacts/T/.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build-fuzz
# Swift's crash backtracer reads the stack in ways AddressSanitizer reports as errors of its own.
export SWIFT_BACKTRACE=enable=no
TARGETS=(FuzzStdioWire FuzzArrowEncoders FuzzSpec FuzzProfiles FuzzJSONLinesRead FuzzCSVRead FuzzParquetRead
         FuzzGoTime FuzzJSONCompaction FuzzAthenaSanitizer)
# libFuzzer options for every run: an input taking 10 s is a hang; 2 GiB RSS is out of memory.
OPTIONS=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)

build() {
    mkdir -p "$SCRATCH"
    # SwiftPM's default linker (gold) fails on libFuzzer + ASan objects; the toolchain's lld links them.
    local swift_bin
    swift_bin=$(dirname "$(readlink -f "$(command -v "${SWIFT:-swift}")")")
    printf '{"schemaVersion": "1.0", "linker": {"path": "%s/ld.lld"}}\n' "$swift_bin" > "$SCRATCH/toolset.json"
    for product in "${TARGETS[@]}" FuzzSeeds; do
        CQ_DEST_S3_FUZZ=1 "${SWIFT:-swift}" build -c release --scratch-path "$SCRATCH" --toolset "$SCRATCH/toolset.json" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing --product "$product"
    done
}

# fuzz TARGET SECONDS WORKDIR: fuzz from the committed seeds, new inputs into WORKDIR.
fuzz() {
    local target=$1 seconds=$2 work=$3
    mkdir -p "$work" ".testbed/fuzz/artifacts/$target"
    echo "=== $target: $seconds s"
    local status=0
    # FUZZ_RUNS=N stops after N executions instead (the ≥ 10^6-execution runs of the issue).
    "$SCRATCH/release/$target" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} "${OPTIONS[@]}" \
        -artifact_prefix=".testbed/fuzz/artifacts/$target/" > ".testbed/fuzz/$target.log" 2>&1 || status=$?
    grep -E "^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==[0-9]+==ERROR|SUMMARY|.*Test unit written)" ".testbed/fuzz/$target.log" || true
    return "$status"
}

case "${1:-}" in
build) build ;;
run)
    seconds=${2:?seconds}; shift 2
    targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
    failed=()
    for t in "${targets[@]}"; do fuzz "$t" "$seconds" ".testbed/fuzz/corpus/$t" || failed+=("$t"); done
    [ ${#failed[@]} -eq 0 ] || { echo "fuzzing found problems in: ${failed[*]} (see .testbed/fuzz/)"; exit 1; }
    ;;
regress)
    seconds=${2:?seconds}
    failed=()
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # Initialisation runs every committed seed once (a seed that crashes fails here), then a short fresh run.
    for t in "${TARGETS[@]}"; do fuzz "$t" "$seconds" "$work/$t" || failed+=("$t"); done
    [ ${#failed[@]} -eq 0 ] || { echo "fuzz regression failed: ${failed[*]} (see .testbed/fuzz/)"; exit 1; }
    ;;
corpus)
    "${SWIFT:-swift}" --version >/dev/null
    .venv/bin/python Fuzz/make_corpus.py "${CQ_SHARED_DIR:-../shared}" "$SCRATCH/release/FuzzSeeds"
    ;;
*) sed -n 2,9p "$0"; exit 2 ;;
esac
