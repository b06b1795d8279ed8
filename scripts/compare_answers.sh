#!/usr/bin/env bash
# Every answer Parley gives to every question we have, compared byte for byte with a saved run
# (issue 12: moving the engine's code must change no answer).
#
#   scripts/compare_answers.sh DIR          # DIR missing or empty: save a baseline there
#   scripts/compare_answers.sh DIR          # DIR holds a baseline: answer again and diff
#
# What is answered (each with the knowledge it is about, built by this parley):
#   - tests/questions/seed.toml and /work/shared/eval/seed on knowledge/knowledge.json;
#   - tests/questions/fixtures.toml on tests/fixtures/articles;
#   - the fiction eval set ($EVAL/fiction) on its own articles;
#   - `parley::corpus::questions` on `parley gen-corpus` corpora (100 articles, seed 7; 1,000
#     articles, seed 1, where the ranking's shortlist and common-word skip start to act);
#   - slash commands made from each knowledge file's people, parties and topics;
#   - all of the above again as one conversation (each question with the previous answer's
#     context), with follow-ups, through `examples/answer_dump.rs`;
#   - `--explain` text output for every seed question.
# Exit status 1 when anything differs; the diff is printed (first 200 lines).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:?usage: scripts/compare_answers.sh DIR}
EVAL=${EVAL:-/work/shared/eval}
cargo build --release --quiet --bin parley --example answer_dump
BIN=$PWD/target/release/parley
DUMP=$PWD/target/release/examples/answer_dump
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT=$WORK/out
mkdir -p "$OUT" "$WORK/k"

# Knowledge, copied or built into $WORK so no snapshot lands in the repository.
cp knowledge/knowledge.json "$WORK/k/seed.json"
"$BIN" build --articles tests/fixtures/articles --out "$WORK/k/fixtures.json" 2>/dev/null
"$BIN" build --articles "$EVAL/fiction/articles" --out "$WORK/k/fiction.json" 2>/dev/null
"$BIN" gen-corpus --articles 100 --out "$WORK/c100" --seed 7 2>/dev/null
"$BIN" build --articles "$WORK/c100" --out "$WORK/k/c100.json" 2>/dev/null
"$BIN" gen-corpus --articles 1000 --out "$WORK/c1000" --seed 1 2>/dev/null
"$BIN" build --articles "$WORK/c1000" --out "$WORK/k/c1000.json" 2>/dev/null

# Question lists, one a line.
python3 - "$WORK" "$EVAL" <<'PY'
import json, sys, tomllib
work, ev = sys.argv[1], sys.argv[2]
def toml_q(path):
    with open(path, "rb") as f:
        return [c["ask"] for c in tomllib.load(f)["q"]]
def jsonl_q(path):
    return [json.loads(l)["q"] for l in open(path) if l.strip()]
def write(name, lines):
    with open(f"{work}/{name}.txt", "w") as f:
        f.write("".join(l.replace("\n", " ") + "\n" for l in lines))
def commands(kfile):
    k = json.load(open(kfile))
    people = [p["name"] for p in k["people"]][:12]
    parties = k["lexicon"]["parties"][:6]
    topics = [t["name"] for t in k["lexicon"]["topics"]][:8]
    out = ["/summary", "/timeline", "/sources", "/help", "/quotes", "/positions", "/who",
           "/ask", "/nonsense words", "/summary nothing-here"]
    for i, p in enumerate(people):
        t = topics[i % len(topics)] if topics else "talks"
        out += [f"/who {p}", f"/who {p.split()[-1].lower()}", f"/quotes {p}",
                f"/quotes {p.split()[-1]} about {t}", f"/quotes {p} on {t}",
                f"/summary {p}", f"/ask what did {p} say?"]
    for i, party in enumerate(parties):
        t = topics[i % len(topics)] if topics else "talks"
        names = [party["name"]] + party.get("aliases", [])[:2]
        for n in names:
            out += [f"/positions {n}", f"/positions {n} on {t}", f"/positions {n} {t}",
                    f"/quotes {n}", f"/summary {n}"]
    for t in topics:
        out += [f"/summary {t}", f"/quotes about {t}", f"/positions on {t}", f"/ask {t}?"]
    return out
def followups(kfile):
    k = json.load(open(kfile))
    people = [p["name"] for p in k["people"]][:6]
    topics = [t["name"] for t in k["lexicon"]["topics"]][:4]
    parties = [p["name"] for p in k["lexicon"]["parties"]][:3]
    out = []
    for i, p in enumerate(people):
        t = topics[i % len(topics)] if topics else "talks"
        out += [f"Who is {p}?", "what did he say?", f"and what did she say about {t}?",
                f"what about {t}?", "what else?", f"What is {parties[i % len(parties)]}'s position?" if parties else "positions",
                "and their position on " + t + "?", "same for " + (people[(i + 1) % len(people)]), "how about them?"]
    return out
seed_q = toml_q("tests/questions/seed.toml") + jsonl_q(f"{ev}/seed/questions.jsonl")
write("seed", seed_q)
write("fixtures", toml_q("tests/questions/fixtures.toml"))
write("fiction", jsonl_q(f"{ev}/fiction/questions.jsonl"))
for name in ["seed", "fixtures", "fiction", "c100", "c1000"]:
    write(f"{name}.commands", commands(f"{work}/k/{name}.json"))
    write(f"{name}.followups", followups(f"{work}/k/{name}.json"))
PY
"$DUMP" questions 7 >"$WORK/c100.txt"
"$DUMP" questions 1 >"$WORK/c1000.txt"

count=0
for name in seed fixtures fiction c100 c1000; do
    k=$WORK/k/$name.json
    for set in "$name" "$name.commands"; do
        "$BIN" ask --knowledge "$k" --json <"$WORK/$set.txt" >"$OUT/$set.ask.jsonl" 2>/dev/null
        count=$((count + $(wc -l <"$WORK/$set.txt")))
        cp "$WORK/$set.txt" "$OUT/$set.questions.txt"
    done
    cat "$WORK/$name.txt" "$WORK/$name.commands.txt" "$WORK/$name.followups.txt" >"$WORK/$name.all.txt"
    "$DUMP" chain "$k" <"$WORK/$name.all.txt" >"$OUT/$name.chain.jsonl" 2>/dev/null
    count=$((count + $(wc -l <"$WORK/$name.all.txt")))
    cp "$WORK/$name.all.txt" "$OUT/$name.all.questions.txt"
done
"$BIN" ask --knowledge "$WORK/k/seed.json" --explain <"$WORK/seed.txt" >"$OUT/seed.explain.txt" 2>/dev/null
"$BIN" ask --knowledge "$WORK/k/seed.json" --json --explain <"$WORK/seed.txt" >"$OUT/seed.explain.jsonl" 2>/dev/null

if [ ! -d "$DIR" ] || [ -z "$(ls -A "$DIR" 2>/dev/null)" ]; then
    mkdir -p "$DIR"
    cp "$OUT"/* "$DIR"/
    echo "saved a baseline of $count answers (plus --explain output) in $DIR"
    exit 0
fi
if diff -r "$DIR" "$OUT" >"$WORK/diff"; then
    echo "identical: $count answers (plus --explain output) match $DIR byte for byte"
else
    echo "DIFFERENT from $DIR:"
    head -200 "$WORK/diff"
    exit 1
fi
