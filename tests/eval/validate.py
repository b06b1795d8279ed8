#!/usr/bin/env python3
"""Check the helper-written question sets: every evidence phrase must occur in exactly one
sentence of the set's articles (after the scoring rule's normalisation)."""
import json, re, sys, pathlib, collections

HERE = pathlib.Path(__file__).resolve().parent
SETS = {
    "own-casual": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi": sorted((HERE / "own-multi/articles").glob("*.md")),
    "own-quotes": sorted((HERE.parent / "fixtures/attribution/articles2").glob("*.md")),
    "own-quotes3": sorted((HERE.parent / "fixtures/attribution/articles3").glob("*.md")),
    "own-casual2": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi2": sorted((HERE / "own-multi2/articles").glob("*.md")),
    "own-casual3": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-quotes5": sorted((HERE.parent / "fixtures/attribution/articles5").glob("*.md")),
    "own-quotes6": sorted((HERE.parent / "fixtures/attribution/articles6").glob("*.md")),
    "own-multi3": sorted((HERE / "own-multi3/articles").glob("*.md")),
    "own-casual4": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi4": sorted((HERE / "own-multi4/articles").glob("*.md")),
    "own-quotes8": sorted((HERE.parent / "fixtures/attribution/articles8").glob("*.md")),
    "own-casual5": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi5": sorted((HERE / "own-multi5/articles").glob("*.md")),
    "own-quotes9": sorted((HERE.parent / "fixtures/attribution/articles9").glob("*.md")),
    "own-casual6": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi6": sorted((HERE / "own-multi6/articles").glob("*.md")),
    "own-quotes10": sorted((HERE.parent / "fixtures/attribution/articles10").glob("*.md")),
    "own-casual7": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi7": sorted((HERE / "own-multi7/articles").glob("*.md")),
    "own-quotes11": sorted((HERE.parent / "fixtures/attribution/articles11").glob("*.md")),
    "own-casual8": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi8": sorted((HERE / "own-multi8/articles").glob("*.md")),
    "own-quotes12": sorted((HERE.parent / "fixtures/attribution/articles12").glob("*.md")),
    "own-casual9": [HERE.parent.parent / "knowledge/articles/london-talks-2025-04-23.md"],
    "own-multi9": sorted((HERE / "own-multi9/articles").glob("*.md")),
    "own-quotes13": sorted((HERE.parent / "fixtures/attribution/articles13").glob("*.md")),
}

def norm(s):
    s = s.lower()
    s = re.sub("[\u2018\u2019\u201a\u201b\u2032]", "'", s)
    s = re.sub("[\u201c\u201d\u201e\u201f\u2033]", '"', s)
    s = re.sub("[\u2013\u2014\u2012\u2015\u2212]", "-", s)
    return re.sub(r"\s+", " ", s).strip()

ABBR = re.compile(r"\b(mr|ms|mrs|dr|st|no)\.$", re.I)

def sentences(path):
    text = path.read_text()
    if text.startswith("+++"):
        text = text.split("+++", 2)[2]
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para:
            continue
        if para.startswith("#"):
            out.append(norm(para.lstrip("#")))
            continue
        parts = re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"'\u201d\u2019])\s+", para)
        buf = ""
        for p in parts:
            buf = (buf + " " + p).strip() if buf else p
            if ABBR.search(buf):
                continue
            out.append(norm(buf)); buf = ""
        if buf:
            out.append(norm(buf))
    return out

def main():
    bad = 0
    for name, arts in SETS.items():
        sents = [(a.name, s) for a in arts for s in sentences(a)]
        qs = [json.loads(l) for l in (HERE / name / "questions.jsonl").read_text().splitlines() if l.strip()]
        kinds = collections.Counter(q["kind"] for q in qs)
        ids = collections.Counter(q["id"] for q in qs)
        for i, c in ids.items():
            if c > 1:
                print(f"{name}: duplicate id {i}"); bad += 1
        nphr = 0
        for q in qs:
            assert set(q) == {"id", "q", "kind", "evidence"}, q
            if q["kind"] == "decline":
                if q["evidence"]:
                    print(f"{name}/{q['id']}: decline with evidence"); bad += 1
                continue
            if not q["evidence"]:
                print(f"{name}/{q['id']}: answer without evidence"); bad += 1
            seen = set()
            for ph in q["evidence"]:
                nphr += 1
                hits = [(a, s) for a, s in sents if norm(ph) in s]
                if not hits:
                    bad += 1
                    print(f"{name}/{q['id']}: {ph!r} in no sentence")
                elif len(hits) > 1:
                    # Any one of them passes the scoring rule: a note, so the writer can check
                    # each answers the question.
                    print(f"{name}/{q['id']}: note: {ph!r} in {len(hits)} sentences")
                    for h in hits: print("    ", h)
                elif hits[0] in seen:
                    print(f"{name}/{q['id']}: note: {ph!r} same sentence as another phrase")
                else:
                    seen.add(hits[0])
        print(f"{name}: {len(qs)} questions ({kinds['answer']} answer, {kinds['decline']} decline), "
              f"{nphr} evidence phrases, {len(arts)} article(s), {len(sents)} sentences")
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
