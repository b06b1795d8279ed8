#!/usr/bin/env python3
"""Validate questions.jsonl against the seed article (london-talks-2025-04-23.md)."""
import json, re, sys, os

ARTICLE = "/work/main/knowledge/articles/london-talks-2025-04-23.md"
HERE = os.path.dirname(os.path.abspath(__file__))
QFILE = os.path.join(HERE, "questions.jsonl")
WANT = {"total": 80, "answer": 56, "decline": 24}
ABBREV = {"mr.", "ms.", "mrs.", "dr.", "st.", "gen."}


def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def body_of(text):
    lines = text.split("\n")
    marks = [i for i, l in enumerate(lines) if l.strip() == "+++"]
    if len(marks) < 2:
        sys.exit("front matter not found")
    return "\n".join(lines[marks[1] + 1:])


def paragraphs(body):
    out = []
    for p in re.split(r"\n\s*\n", body):
        p = p.strip()
        if not p:
            continue
        p = re.sub(r"^#+\s*", "", p)  # headings count as their own paragraph
        out.append(norm(p))
    return out


def sentences(par):
    # candidate break: . ! ? optionally followed by closing quotes/brackets, then whitespace
    sents, start = [], 0
    for m in re.finditer(r"[.!?][\"')\]]*(?=\s)", par):
        end = m.end()
        last_word = par[start:m.start() + 1].split()[-1] if par[start:m.start() + 1].split() else ""
        if last_word in ABBREV:
            continue
        sents.append(par[start:end].strip())
        start = end
    rest = par[start:].strip()
    if rest:
        sents.append(rest)
    return sents


def main():
    with open(ARTICLE, encoding="utf-8") as f:
        body = body_of(f.read())
    sents = [s for p in paragraphs(body) for s in sentences(p)]
    if "-v" in sys.argv:
        for i, s in enumerate(sents):
            print(f"S{i:02d}: {s}")
    fails, ids, counts = [], set(), {"answer": 0, "decline": 0}
    with open(QFILE, encoding="utf-8") as f:
        rows = [l for l in f.read().split("\n") if l.strip()]
    for n, line in enumerate(rows, 1):
        try:
            q = json.loads(line)
        except Exception as e:
            fails.append(f"line {n}: bad json {e}")
            continue
        qid = q.get("id", "")
        if set(q) != {"id", "q", "kind", "evidence"}:
            fails.append(f"{qid}: keys {sorted(q)}")
        if not qid.startswith("c2-"):
            fails.append(f"{qid}: id must start with c2-")
        if qid in ids:
            fails.append(f"{qid}: duplicate id")
        ids.add(qid)
        if not q.get("q", "").strip():
            fails.append(f"{qid}: empty question")
        kind, ev = q.get("kind"), q.get("evidence")
        if kind not in counts:
            fails.append(f"{qid}: bad kind {kind!r}")
            continue
        counts[kind] += 1
        if not isinstance(ev, list):
            fails.append(f"{qid}: evidence not a list")
            continue
        if kind == "decline":
            if ev:
                fails.append(f"{qid}: decline with evidence")
            continue
        if not 1 <= len(ev) <= 3:
            fails.append(f"{qid}: {len(ev)} evidence phrases")
        for e in ev:
            ne = norm(e)
            nw = len(ne.split())
            if not 4 <= nw <= 10:
                fails.append(f"{qid}: phrase has {nw} words: {e!r}")
            hits = [i for i, s in enumerate(sents) if ne in s]
            if len(hits) != 1:
                fails.append(f"{qid}: phrase in {len(hits)} sentences: {e!r}")
    tot = counts["answer"] + counts["decline"]
    if tot != WANT["total"]:
        fails.append(f"total {tot} != {WANT['total']}")
    for k in ("answer", "decline"):
        if counts[k] != WANT[k]:
            fails.append(f"{k} {counts[k]} != {WANT[k]}")
    for x in fails:
        print("FAIL", x)
    print(f"sentences: {len(sents)}  questions: {tot} (answer {counts['answer']}, decline {counts['decline']})")
    print(f"{len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
