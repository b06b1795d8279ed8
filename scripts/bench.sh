#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md (issue 5): peak memory (max RSS) of `parley build` and
# `parley ask --json` at 100 / 1,000 / 10,000 synthetic articles, and the throughput of
# `parley ask --json` answering 10,000 questions from standard input on one core, start-up
# included, on the seed knowledge and on each corpus.
#
#   scripts/bench.sh                 # all sizes
#   SIZES="100 1000" scripts/bench.sh
#
# Needs a release build (it runs `cargo build --release`), `/usr/bin/time` (GNU time; without it
# the script reads VmHWM from /proc itself) and `taskset` for the one-core runs (optional).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100 1000 10000"}
QUESTIONS=${QUESTIONS:-10000}
cargo build --release --quiet
BIN=$PWD/target/release/parley
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# peak_kb OUT CMD...: runs CMD with stdin from $STDIN (default /dev/null), stdout to /dev/null,
# prints "<max RSS KiB> <seconds>".
peak() {
    local stdin=${STDIN:-/dev/null}
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M %e' -o "$WORK/time" "$@" <"$stdin" >/dev/null 2>"$WORK/stderr" || {
            cat "$WORK/stderr" >&2
            return 1
        }
        cat "$WORK/time"
    else
        local start=$EPOCHREALTIME peak=0
        "$@" <"$stdin" >/dev/null 2>"$WORK/stderr" &
        local pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            local hwm
            hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
            sleep 0.01
        done
        wait "$pid"
        echo "$peak $(echo "$EPOCHREALTIME - $start" | bc)"
    fi
}

ONE_CORE=()
if command -v taskset >/dev/null; then ONE_CORE=(taskset -c 0); fi

# throughput KNOWLEDGE QUESTIONS_FILE [RUNS]: questions a second, one core, start-up included
# (best of RUNS, default 3).
throughput() {
    local best=0
    for _ in $(seq "${3:-3}"); do
        local start=$EPOCHREALTIME
        "${ONE_CORE[@]}" "$BIN" ask --json --knowledge "$1" <"$2" >"$WORK/answers"
        local end=$EPOCHREALTIME
        local qps
        qps=$(echo "$QUESTIONS / ($end - $start)" | bc)
        [ "$qps" -gt "$best" ] && best=$qps
    done
    local n
    n=$(wc -l <"$WORK/answers")
    [ "$n" -eq "$QUESTIONS" ] || { echo "expected $QUESTIONS answers, got $n" >&2; return 1; }
    echo "$best"
}

# cycle FILE: the lines of FILE repeated up to $QUESTIONS lines.
cycle() {
    awk -v n="$QUESTIONS" '{ q[c++] = $0 } END { for (i = 0; i < n; i++) print q[i % c] }' "$1"
}

echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM, $(rustc --version)"
echo

# The seed: the first question of every [[q]] in tests/questions/seed.toml.
sed -n 's/^ask = "\(.*\)"$/\1/p' tests/questions/seed.toml | sed 's/\\"/"/g' >"$WORK/seed-questions"
cycle "$WORK/seed-questions" >"$WORK/seed-10k"
read -r kb secs < <(STDIN="$WORK/seed-10k" peak "$BIN" ask --json --knowledge knowledge/knowledge.json)
echo "| seed | - | - | - | $((kb / 1024)) MB | $(throughput knowledge/knowledge.json "$WORK/seed-10k") q/s |"

printf '\n| articles | knowledge file | build time | build peak RSS | ask peak RSS (%s q) | ask throughput, 1 core |\n' "$QUESTIONS"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    dir=$WORK/articles-$n
    "$BIN" gen-corpus --articles "$n" --out "$dir" --seed 1 2>/dev/null
    read -r bkb bsecs < <(peak "$BIN" build --articles "$dir" --out "$WORK/k-$n.json")
    # Questions about this corpus: the people its articles name, with topics, plus the seed set
    # (which this corpus mostly declines).
    grep -ohE "(Minister|President|negotiator|envoy) [A-Z][a-z]+ [A-Z][^ ,.]+" -r "$dir" | awk 'NR <= 2000 { print $2 " " $3 }' |
        sort -u | awk 'NR <= 40' |
        awk '{ print "Who is " $0 "?"; print "What did " $2 " say about sanctions?"; print "What did " $0 " say?" }' \
            >"$WORK/q-$n"
    cat "$WORK/seed-questions" >>"$WORK/q-$n"
    cycle "$WORK/q-$n" >"$WORK/q-$n-10k"
    read -r akb asecs < <(STDIN="$WORK/q-$n-10k" peak "$BIN" ask --json --knowledge "$WORK/k-$n.json")
    size=$(du -m "$WORK/k-$n.json" | cut -f1)
    # At 10,000 articles one run takes minutes: run it once.
    runs=3
    [ "$n" -ge 10000 ] && runs=1
    qps=$(throughput "$WORK/k-$n.json" "$WORK/q-$n-10k" "$runs")
    echo "| $n | ${size} MB | ${bsecs} s | $((bkb / 1024)) MB | $((akb / 1024)) MB (${asecs} s) | $qps q/s |"
done
