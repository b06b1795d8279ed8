#!/usr/bin/env python3
"""Verify every evidence phrase in questions.jsonl occurs in exactly one sentence of the articles."""
import json, re, sys, pathlib

HERE = pathlib.Path(__file__).resolve().parent

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")

def sentences(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"')]*\s+(?=[A-Z\"\u201c'])", par):
        head = par[start:m.start() + 1]
        if head.lower().split()[-1] in ABBR if head.split() else False:
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    out.append(par[start:].strip())
    return [s for s in out if s]

def load():
    sents = []
    for f in sorted((HERE / "articles").glob("*.md")):
        text = f.read_text(encoding="utf-8")
        body = text.split("+++", 2)[2]
        for par in re.split(r"\n\s*\n", body):
            par = par.strip()
            if par:
                for s in sentences(par):
                    sents.append((f.name, norm(s)))
    return sents

def main():
    sents = load()
    qs = [json.loads(l) for l in open(HERE / "questions.jsonl", encoding="utf-8") if l.strip()]
    fails, ids = 0, set()
    for q in qs:
        if q["id"] in ids:
            print("DUP ID", q["id"]); fails += 1
        ids.add(q["id"])
        if q["kind"] not in ("answer", "decline"):
            print("BAD KIND", q["id"]); fails += 1
        if q["kind"] == "decline":
            if q["evidence"]:
                print("DECLINE WITH EVIDENCE", q["id"]); fails += 1
            continue
        if not q["evidence"]:
            print("NO EVIDENCE", q["id"]); fails += 1
        for ev in q["evidence"]:
            e = norm(ev)
            hits = [s for s in sents if e in s[1]]
            if len(hits) != 1:
                fails += 1
                print(f"FAIL {q['id']}: {ev!r} in {len(hits)} sentences")
                for h in hits[:4]:
                    print("    ", h[0], "|", h[1][:120])
            n = len(ev.split())
            if not 4 <= n <= 12:
                print(f"WARN {q['id']}: {ev!r} has {n} words")
    na = sum(q["kind"] == "answer" for q in qs)
    print(f"{len(qs)} questions: {na} answer, {len(qs)-na} decline; {fails} failures")
    sys.exit(1 if fails else 0)

if __name__ == "__main__":
    main()
