#!/usr/bin/env python3
"""Checker for own-multi3: validates articles and questions.jsonl.

- article front matter has exactly title/source/published, file name date == published
- body word count 400-800
- questions: JSON parses, ids unique and well-formed (m3-aNN answer, m3-dNN decline),
  kinds valid, answers have 1-3 evidence phrases of 4-10 words, declines have none
- every evidence phrase occurs (after normalisation: lowercase, curly quotes -> straight,
  en/em dashes -> hyphen, whitespace collapsed) inside ONE sentence of ONE article, and in
  exactly one sentence over the whole set (so latest-figure evidence is unambiguous)
- prints counts
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
fails = []

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.")

def split_sentences(par):
    out, cur = [], ""
    toks = par.split(" ")
    for i, t in enumerate(toks):
        cur = (cur + " " + t) if cur else t
        end = re.search(r"[.!?][\"')\]\u201d\u2019]*$", t)
        if end and t.lower() not in ABBR and i + 1 < len(toks):
            out.append(cur); cur = ""
    if cur:
        out.append(cur)
    return out

sentences = []  # (file, sentence)
for fn in sorted(os.listdir(ART)):
    if not fn.endswith(".md"):
        continue
    text = open(os.path.join(ART, fn), encoding="utf-8").read()
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.S)
    if not m:
        fails.append(f"{fn}: no front matter"); continue
    keys = re.findall(r"^(\w+) = \"(.*)\"$", m.group(1), re.M)
    if [k for k, _ in keys] != ["title", "source", "published"]:
        fails.append(f"{fn}: front matter keys {keys}")
    pub = dict(keys).get("published", "")
    if not fn.endswith(pub + ".md"):
        fails.append(f"{fn}: date in name != published {pub}")
    body = m.group(2)
    wc = len(body.split())
    if not 400 <= wc <= 800:
        fails.append(f"{fn}: {wc} words")
    for par in re.split(r"\n\s*\n", body.strip()):
        for s in split_sentences(re.sub(r"\s+", " ", par.strip())):
            sentences.append((fn, norm(s)))

ids = set(); na = nd = 0
for ln, line in enumerate(open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        q = json.loads(line)
    except Exception as e:
        fails.append(f"line {ln}: bad json {e}"); continue
    qid = q.get("id")
    if qid in ids:
        fails.append(f"{qid}: duplicate id")
    ids.add(qid)
    if set(q) != {"id", "q", "kind", "evidence"}:
        fails.append(f"{qid}: keys {sorted(q)}")
    kind = q.get("kind")
    if kind == "answer":
        na += 1
        if not re.fullmatch(r"m3-a\d\d", qid or ""):
            fails.append(f"{qid}: bad answer id")
        ev = q.get("evidence") or []
        if not 1 <= len(ev) <= 3:
            fails.append(f"{qid}: {len(ev)} evidence phrases")
        for p in ev:
            n = len(p.split())
            if not 4 <= n <= 10:
                fails.append(f"{qid}: evidence has {n} words: {p!r}")
            hits = [f for f, s in sentences if norm(p) in s]
            if len(hits) != 1:
                fails.append(f"{qid}: evidence in {len(hits)} sentences {hits}: {p!r}")
    elif kind == "decline":
        nd += 1
        if not re.fullmatch(r"m3-d\d\d", qid or ""):
            fails.append(f"{qid}: bad decline id")
        if q.get("evidence"):
            fails.append(f"{qid}: decline with evidence")
    else:
        fails.append(f"{qid}: bad kind {kind!r}")

print(f"articles: {len(set(f for f, _ in sentences))}, sentences: {len(sentences)}")
print(f"questions: {na + nd} ({na} answer, {nd} decline)")
for f in fails:
    print("FAIL", f)
print("OK" if not fails else f"{len(fails)} failure(s)")
sys.exit(1 if fails else 0)
