#!/usr/bin/env python3
"""Check own-casual9: every evidence phrase must occur in exactly one sentence of the article."""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = [HERE.parents[2] / "knowledge" / "articles" / "london-talks-2025-04-23.md"]
ABBREV = {"mr.", "ms.", "mrs.", "dr.", "st.", "no."}

def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

def sentences(text):
    if text.startswith("+++"):
        text = text.split("+++", 2)[2]
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        start = 0
        for m in re.finditer(r"[.?!][\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018A-Z])", para):
            before = para[start:m.start() + 1].split(" ")[-1].lower()
            if before in ABBREV:
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return [norm(s) for s in out]

def main():
    sents = []
    for a in ARTICLES:
        sents += sentences(a.read_text(encoding="utf-8"))
    fails = 0
    ids = set()
    counts = {"answer": 0, "decline": 0}
    for ln, line in enumerate((HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        if q["id"] in ids:
            print(f"line {ln}: duplicate id {q['id']}"); fails += 1
        ids.add(q["id"])
        counts[q["kind"]] += 1
        if q["kind"] == "decline":
            if q["evidence"]:
                print(f"{q['id']}: decline with evidence"); fails += 1
            continue
        if not q["evidence"]:
            print(f"{q['id']}: answer without evidence"); fails += 1
        for ph in q["evidence"]:
            n = norm(ph)
            words = len(n.split())
            hits = [s for s in sents if n in s]
            if len(hits) != 1 or not 4 <= words <= 12:
                print(f"{q['id']}: {len(hits)} sentence hits, {words} words: {ph!r}"); fails += 1
    print(f"{counts['answer']} answer, {counts['decline']} decline, {sum(counts.values())} total; "
          f"{len(sents)} sentences; {fails} failures")
    return 1 if fails else 0

if __name__ == "__main__":
    if "--sentences" in sys.argv:
        for a in ARTICLES:
            for i, s in enumerate(sentences(a.read_text(encoding="utf-8")), 1):
                print(i, s)
        sys.exit(0)
    sys.exit(main())
