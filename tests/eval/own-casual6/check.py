#!/usr/bin/env python3
"""Validate own-casual6/questions.jsonl against the seed article.

Checks: every line is a JSON object with id/q/kind/evidence; ids are c6-001..c6-090 and unique;
kind is answer/decline; declines have no evidence; answers have 1-3 phrases of 4-10 words, each
found (after the shared eval README's normalisation: lowercase, curly quotes -> straight, en/em
dash -> hyphen, collapsed whitespace) inside ONE sentence of the article, and all phrases of a
question inside the same sentence; counts are 65 answer / 25 decline.
"""
import json, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = "/work/main/knowledge/articles/london-talks-2025-04-23.md"
QFILE = os.path.join(HERE, "questions.jsonl")
WANT = {"answer": 65, "decline": 25}

def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u2018", "'"),
                 ("\u2019", "'"), ("\u201a", "'"), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

def sentences(text):
    # drop +++ front matter
    if text.startswith("+++"):
        text = text.split("+++", 2)[2]
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = norm(para.lstrip("#").strip())
        if not para:
            continue
        start = 0
        for m in re.finditer(r"[.!?][\"')\]]*\s+", para):
            before = para[start:m.start() + 1]
            if re.search(r"\b(mr|ms|mrs|dr)\.$", before):
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out

def main():
    sents = sentences(open(ARTICLE, encoding="utf-8").read())
    errs, ids, counts, qtexts = [], set(), {"answer": 0, "decline": 0}, set()
    lines = open(QFILE, encoding="utf-8").read().splitlines()
    for n, line in enumerate(lines, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errs.append(f"line {n}: bad JSON: {e}"); continue
        if set(o) != {"id", "q", "kind", "evidence"}:
            errs.append(f"line {n}: keys {sorted(o)}")
        i = o.get("id")
        if i != "c6-%03d" % n:
            errs.append(f"line {n}: id {i!r} not c6-{n:03d}")
        if i in ids:
            errs.append(f"line {n}: duplicate id {i}")
        ids.add(i)
        q = o.get("q", "")
        if not isinstance(q, str) or not q.strip():
            errs.append(f"{i}: empty q")
        if norm(q) in qtexts:
            errs.append(f"{i}: duplicate question text")
        qtexts.add(norm(q))
        k, ev = o.get("kind"), o.get("evidence")
        if k not in counts:
            errs.append(f"{i}: kind {k!r}"); continue
        counts[k] += 1
        if not isinstance(ev, list):
            errs.append(f"{i}: evidence not a list"); continue
        if k == "decline":
            if ev:
                errs.append(f"{i}: decline with evidence")
            continue
        if not 1 <= len(ev) <= 3:
            errs.append(f"{i}: {len(ev)} evidence phrases")
        common = None
        for p in ev:
            w = len(norm(p).split())
            if not 4 <= w <= 10:
                errs.append(f"{i}: phrase has {w} words: {p!r}")
            hits = {j for j, s in enumerate(sents) if norm(p) in s}
            if not hits:
                errs.append(f"{i}: phrase not in any sentence: {p!r}")
            elif len(hits) > 1:
                print(f"note {i}: phrase in {len(hits)} sentences: {p!r}")
            common = hits if common is None else common & hits
        if ev and common is not None and not common:
            errs.append(f"{i}: evidence phrases not all in one sentence")
    for k, v in WANT.items():
        if counts[k] != v:
            errs.append(f"count {k}: {counts[k]} (want {v})")
    print(f"{len(sents)} article sentences; {len(lines)} questions; "
          f"answer={counts['answer']} decline={counts['decline']}")
    for e in errs:
        print("FAIL", e)
    print("OK" if not errs else f"{len(errs)} failure(s)")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
