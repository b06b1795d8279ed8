#!/usr/bin/env python3
"""Verify own-multi8 questions against articles/*.md.

Each evidence phrase of an `answer` question must occur in exactly one sentence
of the set's articles (after normalisation); decline questions must have no
evidence. Also checks ids, kinds and article word counts.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")


def split_sentences(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"')\u201d\u2019]*\s+(?=[A-Z\"'\u201c\u2018])", par):
        head = par[start:m.end()].rstrip()
        last = head.split()[-1].lower() if head.split() else ""
        if last in ABBR:
            continue
        out.append(head)
        start = m.end()
    if par[start:].strip():
        out.append(par[start:].strip())
    return out


def load_sentences():
    sents = []
    for path in sorted(glob.glob(os.path.join(HERE, "articles", "*.md"))):
        text = open(path, encoding="utf-8").read()
        parts = text.split("+++")
        body = parts[2] if len(parts) >= 3 else text
        words = len(body.split())
        if not 500 <= words <= 900:
            print(f"WARN {os.path.basename(path)}: {words} words")
        for par in re.split(r"\n\s*\n", body):
            par = " ".join(par.split())
            if par:
                for s in split_sentences(par):
                    sents.append((os.path.basename(path), norm(s)))
    return sents


def main():
    sents = load_sentences()
    fails = 0
    ids = set()
    counts = {"answer": 0, "decline": 0}
    for n, line in enumerate(open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8"), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        qid = q.get("id")
        if qid in ids:
            print(f"FAIL {qid}: duplicate id"); fails += 1
        ids.add(qid)
        kind = q.get("kind")
        if kind not in counts:
            print(f"FAIL {qid}: bad kind {kind}"); fails += 1
            continue
        counts[kind] += 1
        ev = q.get("evidence", [])
        if kind == "decline":
            if ev:
                print(f"FAIL {qid}: decline with evidence"); fails += 1
            continue
        if not ev:
            print(f"FAIL {qid}: answer without evidence"); fails += 1
        for phrase in ev:
            p = norm(phrase)
            nw = len(p.split())
            if not 4 <= nw <= 12:
                print(f"WARN {qid}: phrase has {nw} words: {phrase!r}")
            hits = [(f, s) for f, s in sents if p in s]
            if len(hits) != 1:
                fails += 1
                print(f"FAIL {qid}: {phrase!r} found in {len(hits)} sentences")
                for f, s in hits[:4]:
                    print(f"      {f}: {s[:110]}")
    print(f"{counts['answer']} answer, {counts['decline']} decline, {fails} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
