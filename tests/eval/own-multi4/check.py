#!/usr/bin/env python3
"""Validate own-multi4: articles (front matter, length) and questions.jsonl
(JSON parses, ids unique and sequential, kinds, evidence 4-10 words and verbatim inside ONE
sentence of one article after the shared README's normalisation, counts, and latest-figure
questions whose evidence must come only from the latest article stating the figure)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")

# Latest-figure / current-holder questions: evidence must only be found in this article.
LATEST = {
    "multi4-001": "observer-analysis-framework-2026-11-16.md",  # water share
    "multi4-002": "observer-analysis-framework-2026-11-16.md",  # corridor width
    "multi4-003": "observer-analysis-framework-2026-11-16.md",  # monitors now
    "multi4-004": "observer-analysis-framework-2026-11-16.md",  # monitors planned
    "multi4-005": "observer-analysis-framework-2026-11-16.md",  # current foreign minister
    "multi4-006": "observer-analysis-framework-2026-11-16.md",  # treaty deadline
    "multi4-007": "observer-analysis-framework-2026-11-16.md",  # detainees on final lists
    "multi4-008": "observer-analysis-framework-2026-11-16.md",  # displaced, latest
    "multi4-009": "northlight-live-rusk-2026-11-06.md",         # violations, latest count
    "multi4-010": "observer-analysis-framework-2026-11-16.md",  # was the Nov 14 deadline met
}

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.")

def sentences(body):
    out = []
    for para in re.split(r"\n", body):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in re.finditer(r'[.!?]["\u201d\u2019\')*]*\s+', para):
            piece = para[start:m.end()]
            if piece.lower().rstrip().endswith(ABBR):
                continue
            out.append(piece.strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out

def load_articles():
    arts, errs = {}, []
    for fn in sorted(os.listdir(ART)):
        if not fn.endswith(".md"):
            continue
        text = open(os.path.join(ART, fn), encoding="utf-8").read()
        m = re.match(r'\+\+\+\n(.*?)\n\+\+\+\n', text, re.S)
        if not m:
            errs.append(f"{fn}: no +++ front matter"); continue
        fm = m.group(1)
        for key in ("title", "source", "published"):
            if not re.search(rf'^{key} = ".+"$', fm, re.M):
                errs.append(f"{fn}: front matter lacks {key}")
        body = text[m.end():]
        words = len(body.split())
        if not 450 <= words <= 750:
            errs.append(f"{fn}: body has {words} words (want 450-750)")
        pub = re.search(r'^published = "(.+)"$', fm, re.M).group(1)
        arts[fn] = {"sents": [norm(s) for s in sentences(body)], "words": words, "published": pub}
    return arts, errs

def main():
    arts, errs = load_articles()
    ids, n_ans, n_dec, multi = set(), 0, 0, []
    lines = open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except Exception as e:
            errs.append(f"line {i}: bad JSON ({e})"); continue
        if set(q) != {"id", "q", "kind", "evidence"}:
            errs.append(f"line {i}: keys {sorted(q)}")
        qid = q.get("id")
        if qid in ids:
            errs.append(f"line {i}: duplicate id {qid}")
        ids.add(qid)
        if qid != f"multi4-{i:03d}":
            errs.append(f"line {i}: id {qid} not sequential")
        if q.get("kind") == "decline":
            n_dec += 1
            if q.get("evidence"):
                errs.append(f"{qid}: decline with evidence")
            continue
        if q.get("kind") != "answer":
            errs.append(f"{qid}: bad kind {q.get('kind')}"); continue
        n_ans += 1
        ev = q.get("evidence") or []
        if not 1 <= len(ev) <= 3:
            errs.append(f"{qid}: {len(ev)} evidence phrases")
        for p in ev:
            nw = len(p.split())
            if not 4 <= nw <= 10:
                errs.append(f"{qid}: evidence '{p}' has {nw} words")
            np_ = norm(p)
            where = sorted({fn for fn, a in arts.items() for s in a["sents"] if np_ in s})
            if not where:
                errs.append(f"{qid}: evidence not in any one sentence: '{p}'")
            elif len(where) > 1:
                multi.append(f"{qid}: '{p}' in {len(where)} articles: {', '.join(where)}")
            if qid in LATEST and where and where != [LATEST[qid]]:
                errs.append(f"{qid}: latest-figure evidence '{p}' found in {where}, want only {LATEST[qid]}")
    for fn, a in arts.items():
        print(f"article {fn}: {a['words']} words, {len(a['sents'])} sentences, published {a['published']}")
    print(f"questions: {n_ans + n_dec} ({n_ans} answer, {n_dec} decline); latest-figure checked: {len(LATEST)}")
    for m in multi:
        print("note (phrase in several articles; each checked to answer):", m)
    if errs:
        print(f"{len(errs)} FAILURES:")
        for e in errs:
            print("  " + e)
        sys.exit(1)
    print("OK: all checks pass")

if __name__ == "__main__":
    main()
