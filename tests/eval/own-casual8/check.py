#!/usr/bin/env python3
"""Verify own-casual8 questions: each answer evidence phrase must occur in exactly one
sentence of the articles (after normalisation); decline questions must have no evidence."""
import glob, json, re, sys, os

ART_GLOB = "/work/main/knowledge/articles/*.md"
HERE = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = s.lower()
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")

def split_sentences(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])", par):
        head = par[start:m.start() + 1]
        last = head.split()[-1].lower() if head.split() else ""
        if last in ABBR:
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    if par[start:].strip():
        out.append(par[start:].strip())
    return out

def sentences():
    sents = []
    for path in sorted(glob.glob(ART_GLOB)):
        text = open(path, encoding="utf-8").read()
        if text.startswith("+++"):
            text = text.split("+++", 2)[2]
        for par in re.split(r"\n\s*\n", text):
            par = par.strip()
            if not par:
                continue
            for s in split_sentences(par):
                sents.append((os.path.basename(path), norm(s)))
    return sents

def main():
    sents = sentences()
    if "--dump" in sys.argv:
        for i, (f, s) in enumerate(sents):
            print(i, s)
        return 0
    fails, ids = 0, set()
    counts = {"answer": 0, "decline": 0}
    for ln, line in enumerate(open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8"), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        qid = q.get("id")
        if qid in ids:
            print(f"FAIL {qid}: duplicate id"); fails += 1
        ids.add(qid)
        kind = q.get("kind")
        if kind not in counts:
            print(f"FAIL {qid}: bad kind {kind}"); fails += 1; continue
        counts[kind] += 1
        ev = q.get("evidence", [])
        if kind == "decline":
            if ev:
                print(f"FAIL {qid}: decline with evidence"); fails += 1
            continue
        if not ev:
            print(f"FAIL {qid}: answer without evidence"); fails += 1
        for p in ev:
            np_ = norm(p)
            nw = len(np_.split())
            hits = [s for _, s in sents if np_ in s]
            if len(hits) != 1:
                print(f"FAIL {qid}: '{p}' found in {len(hits)} sentences"); fails += 1
            if not (4 <= nw <= 12):
                print(f"WARN {qid}: '{p}' has {nw} words")
    print(f"{sum(counts.values())} questions: {counts['answer']} answer, {counts['decline']} decline; {fails} failures")
    return 1 if fails else 0

if __name__ == "__main__":
    sys.exit(main())
