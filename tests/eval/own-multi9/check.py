#!/usr/bin/env python3
"""Verify every evidence phrase in questions.jsonl occurs in exactly one sentence of the articles."""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")

def sentences(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"'\u201d\u2019)]*\s+(?=[A-Z\"'\u201c\u2018])", par):
        end = m.start() + 1
        tail = par[start:end].split()
        if tail and tail[-1].lower() in ABBR:
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    if par[start:].strip():
        out.append(par[start:].strip())
    return out

def load():
    sents = []
    for p in sorted((HERE / "articles").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        body = text.split("+++", 2)[2] if text.startswith("+++") else text
        for par in re.split(r"\n\s*\n", body):
            par = " ".join(par.split())
            if par:
                for s in sentences(par):
                    sents.append((p.name, norm(s)))
    return sents

def main():
    sents = load()
    fails, n, kinds, ids = 0, 0, {"answer": 0, "decline": 0}, set()
    for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line); n += 1
        kinds[q["kind"]] += 1
        if q["id"] in ids:
            print("DUP ID", q["id"]); fails += 1
        ids.add(q["id"])
        if q["kind"] == "decline":
            if q["evidence"]:
                print("DECLINE WITH EVIDENCE", q["id"]); fails += 1
            continue
        if not q["evidence"]:
            print("NO EVIDENCE", q["id"]); fails += 1
        for ev in q["evidence"]:
            hits = [f for f, s in sents if norm(ev) in s]
            if len(hits) != 1:
                print(f"FAIL {q['id']}: {len(hits)} hits for {ev!r} {hits}"); fails += 1
    print(f"{n} questions ({kinds['answer']} answer, {kinds['decline']} decline), {fails} failures")
    sys.exit(1 if fails else 0)

if __name__ == "__main__":
    main()
