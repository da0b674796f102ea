#!/usr/bin/env bash
# The Swift unit tests under AddressSanitizer (every suite but those needing an S3 server) and the
# concurrency-heavy suites under ThreadSanitizer, each build in its own scratch path.
#   scripts/sanitize.sh [address] [thread]     (both when no argument)
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's crash backtracer reads the stack in ways the sanitizers report as errors of their own.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Suites that need Ceph RGW (`make test` starts it and runs them) carry RGW in their names: skipped here.
RGW_SUITES='RGW'
# Concurrency-heavy suites: the write engine and its sessions, upload and memory accounting, the
# stdio transport, credential and signing-key caches, retries, the request limiter, and the libcurl
# event loop with the tasks that submit to and cancel on it.
TSAN_SUITES='WriteSession|Engine|WritePath|MemoryBudget|TableRead|Stdio|CredentialsCache|SigningKeyCache|Retry|RequestLimiter|HTTPClient|Transport|Parallel|PayloadPool|WriteInsertScan'

for sanitizer in "${@:-address thread}"; do
    for s in $sanitizer; do
        case "$s" in
        address)
            echo "=== AddressSanitizer: every unit test except /$RGW_SUITES/"
            "${SWIFT:-swift}" test --sanitize=address --scratch-path .build-asan --skip "$RGW_SUITES" ;;
        thread)
            echo "=== ThreadSanitizer: /$TSAN_SUITES/"
            "${SWIFT:-swift}" test --sanitize=thread --scratch-path .build-tsan --filter "$TSAN_SUITES" --skip "$RGW_SUITES" ;;
        *) echo "unknown sanitizer $s (address, thread)"; exit 2 ;;
        esac
    done
done
