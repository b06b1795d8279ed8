#!/usr/bin/env python3
"""Validate own-quotes6/questions.jsonl against the articles6 fixture.

Checks: every line parses as JSON with id/q/kind/evidence; ids unique and named
q6-aNN / q6-dNN; kinds are answer/decline; answers have 1-3 evidence phrases of
4-10 words; declines have none; each evidence phrase, after the shared
normalisation (lowercase, curly quotes -> straight, en/em dash -> hyphen,
whitespace collapsed), occurs inside exactly ONE sentence of the articles and
in no other sentence; counts 56 answer / 24 decline.
Sentences are split conservatively: at newlines and after . ! ? (plus any
closing quote or '*') followed by whitespace. Front matter is excluded.
"""
import json, re, sys, glob, os
from collections import Counter

ART = "/work/main/tests/fixtures/attribution/articles6"
QF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "questions.jsonl")

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

sentences = []  # (file, sentence)
for path in sorted(glob.glob(os.path.join(ART, "*.md"))):
    text = open(path, encoding="utf-8").read()
    body = text.split("+++", 2)[2] if text.startswith("+++") else text
    for line in body.split("\n"):
        for s in re.split(r"(?<=[.!?])[\"'\u201d\u2019*]*\s+", line):
            s = norm(s)
            if s:
                sentences.append((os.path.basename(path), s))

fail = []
ids = set()
kinds = Counter()
for n, line in enumerate(open(QF, encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except Exception as e:
        fail.append(f"line {n}: bad JSON {e}"); continue
    if set(o) != {"id", "q", "kind", "evidence"}:
        fail.append(f"line {n}: keys {sorted(o)}")
    i = o.get("id")
    if i in ids: fail.append(f"{i}: duplicate id")
    ids.add(i)
    k = o.get("kind"); kinds[k] += 1
    if k == "answer":
        if not re.fullmatch(r"q6-a\d\d", i or ""): fail.append(f"{i}: bad answer id")
        ev = o.get("evidence") or []
        if not 1 <= len(ev) <= 3: fail.append(f"{i}: {len(ev)} evidence phrases")
        for e in ev:
            ne = norm(e)
            w = len(ne.split())
            if not 4 <= w <= 10: fail.append(f"{i}: '{e}' has {w} words")
            if re.search(r"[.!?][\"']*\s", ne): fail.append(f"{i}: '{e}' crosses a sentence end")
            hits = [(f, s) for f, s in sentences if ne in s]
            if len(hits) != 1:
                fail.append(f"{i}: '{e}' found in {len(hits)} sentences {[h[0] for h in hits]}")
    elif k == "decline":
        if not re.fullmatch(r"q6-d\d\d", i or ""): fail.append(f"{i}: bad decline id")
        if o.get("evidence"): fail.append(f"{i}: decline with evidence")
    else:
        fail.append(f"{i}: bad kind {k}")

print(f"questions: {sum(kinds.values())}  answer: {kinds['answer']}  decline: {kinds['decline']}")
if kinds["answer"] != 56 or kinds["decline"] != 24:
    fail.append("expected 56 answer / 24 decline")
for f in fail: print("FAIL", f)
print("OK" if not fail else f"{len(fail)} failure(s)")
sys.exit(1 if fail else 0)
