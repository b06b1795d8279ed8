#!/usr/bin/env python3
"""Verify own-quotes12/questions.jsonl against tests/fixtures/attribution/articles12/*.md.

Every answer question's evidence phrase must occur in exactly one sentence of the articles after
normalisation (lowercase; curly quotes/apostrophes to straight; en/em dashes to hyphen; whitespace
collapsed). Sentences: each paragraph separately, split on . ? ! followed by a space and a capital
or a quote, but not after Mr./Ms./Mrs./Dr./St./No. Decline questions must have no evidence.
Also checks ids, kinds, counts and 4-12 words per phrase.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures", "attribution", "articles12"))
ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")


def norm(s):
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def sentences(path):
    text = open(path, encoding="utf-8").read()
    end = text.index("+++", 3) + 3
    out = []
    for para in re.split(r"\n\s*\n", text[end:]):
        p = re.sub(r"\s+", " ", para).strip()
        if not p:
            continue
        start = 0
        for m in re.finditer(r"[.?!]['\"\u201d\u2019]*\s+(?=[A-Z\"'\u201c\u2018])", p):
            piece = p[start:m.end()]
            last = piece.rstrip().split(" ")[-1].lower()
            if last in ABBR:
                continue
            out.append((os.path.basename(path), norm(piece)))
            start = m.end()
        out.append((os.path.basename(path), norm(p[start:])))
    return out


def main():
    sents = []
    for p in sorted(glob.glob(os.path.join(ART, "*.md"))):
        sents += sentences(p)
    qs = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") if l.strip()]
    fails = 0
    seen = set()
    for i, q in enumerate(qs, 1):
        if q["id"] != "q12-%03d" % i or q["id"] in seen:
            print("bad id", q["id"]); fails += 1
        seen.add(q["id"])
        if q["kind"] not in ("answer", "decline"):
            print(q["id"], "bad kind"); fails += 1
        if q["kind"] == "decline":
            if q["evidence"]:
                print(q["id"], "decline with evidence"); fails += 1
            continue
        if not 1 <= len(q["evidence"]) <= 3:
            print(q["id"], "needs 1-3 evidence phrases"); fails += 1
        for ev in q["evidence"]:
            e = norm(ev)
            n = len(e.split())
            if not 4 <= n <= 12:
                print(q["id"], f"{n} words: {ev!r}"); fails += 1
            hits = [s for s in sents if e in s[1]]
            if len(hits) != 1:
                print(q["id"], f"{len(hits)} sentences: {ev!r}", [h[0] for h in hits]); fails += 1
    na = sum(q["kind"] == "answer" for q in qs)
    print(f"{len(qs)} questions: {na} answer, {len(qs) - na} decline; {len(sents)} sentences")
    print("FAILURES:", fails)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
