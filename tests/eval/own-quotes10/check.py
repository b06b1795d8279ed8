#!/usr/bin/env python3
"""Checks questions.jsonl and labels10.toml against ./articles10 (see NOTES.md)."""
import glob, json, os, re, sys, tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles10")
errors = []

def norm(s):
    s = s.lower()
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()

def body(path):
    t = open(path, encoding="utf-8").read()
    parts = t.split("+++")
    if len(parts) < 3 or not t.startswith("+++"):
        errors.append(f"{path}: no +++ front matter")
        return t
    fm = tomllib.loads(parts[1])
    for k in ("title", "source", "published"):
        if k not in fm:
            errors.append(f"{path}: front matter lacks {k}")
    stem = os.path.basename(path)[:-3]
    if not stem.endswith(str(fm.get("published", ""))):
        errors.append(f"{path}: file name date != published")
    return "+++".join(parts[2:])

ABBR = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec)\.)$")

def sentences(text):
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if not para:
            continue
        buf = ""
        pieces = re.split(r"(?<=[.!?])([\"'\u201d\u2019]?)\s+", para)
        # re-join pieces: split keeps the closing quote group
        i = 0
        cur = ""
        while i < len(pieces):
            cur += pieces[i]
            if i + 1 < len(pieces):
                cur += pieces[i + 1]
                if ABBR.search(cur):
                    cur += " "
                else:
                    out.append(cur)
                    cur = ""
            i += 2
        if cur:
            out.append(cur)
    return out

articles = {}
for p in sorted(glob.glob(os.path.join(ART, "*.md"))):
    b = body(p)
    articles[os.path.basename(p)[:-3]] = b
    words = len(b.split())
    if not 450 <= words <= 750:
        errors.append(f"{p}: body has {words} words (want 450-750)")
if len(articles) != 8:
    errors.append(f"{len(articles)} articles (want 8)")
sents = [(stem, norm(s)) for stem, b in articles.items() for s in sentences(b)]

# questions
ids, kinds = set(), {"answer": 0, "decline": 0}
with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"questions line {n}: bad JSON ({e})")
            continue
        if set(o) != {"id", "q", "kind", "evidence"}:
            errors.append(f"line {n}: keys {sorted(o)}")
        if o["id"] in ids:
            errors.append(f"duplicate id {o['id']}")
        ids.add(o["id"])
        if o["id"] != f"q10-{n:03d}":
            errors.append(f"line {n}: id {o['id']} out of order")
        if o["kind"] not in kinds:
            errors.append(f"{o['id']}: kind {o['kind']}")
            continue
        kinds[o["kind"]] += 1
        ev = o["evidence"]
        if o["kind"] == "decline":
            if ev:
                errors.append(f"{o['id']}: decline with evidence")
            continue
        if not 1 <= len(ev) <= 3:
            errors.append(f"{o['id']}: {len(ev)} evidence phrases")
        homes = []
        for e in ev:
            w = len(e.split())
            if not 4 <= w <= 10:
                errors.append(f"{o['id']}: evidence of {w} words: {e!r}")
            hits = [(st, s) for st, s in sents if norm(e) in s]
            if not hits:
                errors.append(f"{o['id']}: evidence not inside one sentence: {e!r}")
            elif len(hits) > 1:
                print(f"note {o['id']}: {e!r} found in {len(hits)} sentences")
            homes.append({s for st, s in hits})
        if homes and not set.intersection(*homes):
            errors.append(f"{o['id']}: evidence phrases do not share one sentence")
if kinds != {"answer": 72, "decline": 28}:
    errors.append(f"counts {kinds} (want 72/28)")

# labels
with open(os.path.join(HERE, "labels10.toml"), "rb") as f:
    labels = tomllib.load(f)["label"]
per = {}
for i, l in enumerate(labels, 1):
    if set(l) != {"article", "quote", "speaker", "pattern"}:
        errors.append(f"label {i}: keys {sorted(l)}")
        continue
    if l["article"] not in articles:
        errors.append(f"label {i}: unknown article {l['article']}")
        continue
    if l["quote"] not in articles[l["article"]]:
        errors.append(f"label {i}: quote not in article: {l['quote']!r}")
    sp = l["speaker"]
    if not (sp == "unattributed" or sp.startswith("body: ") or sp):
        errors.append(f"label {i}: bad speaker")
    per[l["article"]] = per.get(l["article"], 0) + 1
dups = {}
for l in labels:
    k = (l["article"], l["quote"])
    dups[k] = dups.get(k, 0) + 1
for k, v in dups.items():
    if v > 1:
        errors.append(f"duplicate label {k}")

spk = {"named": 0, "unattributed": 0, "body": 0}
for l in labels:
    spk["unattributed" if l["speaker"] == "unattributed" else "body" if l["speaker"].startswith("body: ") else "named"] += 1
print(f"articles: {len(articles)}; questions: {sum(kinds.values())} ({kinds['answer']} answer, {kinds['decline']} decline)")
print(f"labels: {len(labels)} ({spk}); per article: {per}")
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
