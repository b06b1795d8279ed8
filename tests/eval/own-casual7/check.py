#!/usr/bin/env python3
"""Check own-casual7: every evidence phrase must occur in exactly one sentence of the article."""
import json, re, sys, pathlib

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = [HERE.parents[2] / "knowledge/articles/london-talks-2025-04-23.md"]

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")

def sentences(text):
    body = text.split("+++", 2)[2] if text.startswith("+++") else text
    out = []
    for para in re.split(r"\n\s*\n", body):
        p = norm(para)
        if not p:
            continue
        # candidate split points: . ? ! (optionally followed by a closing quote) + space + capital or quote
        orig = re.sub(r"\s+", " ", para.strip())
        start = 0
        for m in re.finditer(r"[.?!][\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])", orig):
            before = orig[start:m.start() + 1].lower()
            if before.endswith(ABBR):
                continue
            out.append(norm(orig[start:m.end()]))
            start = m.end()
        out.append(norm(orig[start:]))
    return [s for s in out if s]

def main():
    sents = []
    for a in ARTICLES:
        sents += sentences(a.read_text(encoding="utf-8"))
    fails = 0
    ids = set()
    counts = {"answer": 0, "decline": 0}
    for n, line in enumerate((HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        if q["id"] in ids:
            print(f"dup id {q['id']}"); fails += 1
        ids.add(q["id"])
        counts[q["kind"]] += 1
        if q["kind"] == "decline":
            if q["evidence"]:
                print(f"{q['id']}: decline with evidence"); fails += 1
            continue
        if not 1 <= len(q["evidence"]) <= 3:
            print(f"{q['id']}: needs 1-3 evidence phrases"); fails += 1
        for ev in q["evidence"]:
            e = norm(ev)
            words = len(e.split())
            hits = [s for s in sents if e in s]
            if len(hits) != 1:
                print(f"{q['id']}: {ev!r} in {len(hits)} sentences"); fails += 1
            if not 4 <= words <= 12:
                print(f"{q['id']}: {ev!r} has {words} words"); fails += 1
    print(f"{counts['answer']} answer, {counts['decline']} decline, {len(ids)} ids, {fails} failures")
    sys.exit(1 if fails else 0)

if __name__ == "__main__":
    main()
