#!/usr/bin/env bash
# Soak of the Discord adapter (issue 5): `/ask` interactions at SOAK_RATE a second (default 50)
# for SOAK_SECONDS (default 600) through the loopback Discord of tests/support/, against the real
# `parley run` binary (release build). Every interaction must be answered exactly once; the
# end-to-end p50/p99 and the bot's RSS (VmRSS, sampled every SOAK_SAMPLE_SECONDS, default 5) are
# printed, and the run fails if RSS grows 10% or more after warm-up (SOAK_WARMUP_SECONDS,
# default 120, at most half the run). All traffic stays on 127.0.0.1 and the run stops by itself.
#
#   scripts/soak.sh                       # 10 minutes at 50/s
#   SOAK_SECONDS=120 scripts/soak.sh      # 2 minutes
#
# The full output is kept in target/soak/soak-<date>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

export SOAK_SECONDS=${SOAK_SECONDS:-600}
export SOAK_RATE=${SOAK_RATE:-50}
mkdir -p target/soak
LOG=target/soak/soak-$(date -u +%Y%m%dT%H%M%SZ)-${SOAK_SECONDS}s-${SOAK_RATE}rps.log
echo "soak: ${SOAK_SECONDS} s at ${SOAK_RATE}/s; log in $LOG" >&2
# Build first, so the soak's clock does not include compiling.
cargo test --release --test discord_soak --no-run
set +e
cargo test --release --test discord_soak -- --ignored --nocapture 2>&1 | tee "$LOG" |
    grep -v '^\[err\]\|^\[out\]'
status=${PIPESTATUS[0]}
set -e
sed -n '/^SOAK RESULT/,/^RSS samples/p' "$LOG" >&2
exit "$status"
