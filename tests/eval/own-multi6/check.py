#!/usr/bin/env python3
"""Validate own-multi6: articles (front matter, 450-700 body words) and questions.jsonl."""
import json, re, sys, os, glob

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
QF = os.path.join(HERE, "questions.jsonl")
errors, notes = [], []

def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

ABBR = ("mr.", "ms.", "mrs.", "dr.")

def sentences(body):
    out = []
    for para in re.split(r"\n\s*\n|\n", body):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])", para):
            chunk = para[start:m.end()]
            last = chunk.rstrip().split()[-1].lower() if chunk.strip() else ""
            if last in ABBR:
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out

articles = {}
for path in sorted(glob.glob(os.path.join(ART, "*.md"))):
    name = os.path.basename(path)
    if not re.fullmatch(r"[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md", name):
        errors.append(f"{name}: bad file name")
    text = open(path, encoding="utf-8").read()
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.S)
    if not m:
        errors.append(f"{name}: no +++ front matter"); continue
    fm, body = m.group(1), m.group(2)
    for field in ("title", "source", "published"):
        if not re.search(rf'^{field} = ".+"$', fm, re.M):
            errors.append(f"{name}: front matter lacks {field}")
    pub = re.search(r'^published = "(\d{4}-\d{2}-\d{2})"$', fm, re.M)
    if pub and not name.endswith(pub.group(1) + ".md"):
        errors.append(f"{name}: published date does not match file name")
    wc = len(body.split())
    if not 450 <= wc <= 700:
        errors.append(f"{name}: body has {wc} words (want 450-700)")
    notes.append(f"{name}: {wc} body words")
    articles[name] = [norm(s) for s in sentences(body)]

if len(articles) != 7:
    errors.append(f"expected 7 articles, found {len(articles)}")

# Latest-figure questions: their evidence must come from the latest article stating the figure.
LATEST = {
    "m6-007": "drellport-waits-for-the-rest-2026-06-04.md",   # 42 -> 57 -> 37 -> 25 still held
    "m6-017": "fairbrass-interview-2026-06-12.md",           # monitors 80 -> 120 -> 140
    "m6-020": "fairbrass-interview-2026-06-12.md",           # royalties 70/30 -> 60/40 -> 55/45
    "m6-033": "drellport-waits-for-the-rest-2026-06-04.md",   # strip 15 vs 4 -> 8 floated -> 9 agreed
    "m6-036": "drellport-waits-for-the-rest-2026-06-04.md",   # deadline May 22 -> June 5 -> June 19
    "m6-050": "drellport-waits-for-the-rest-2026-06-04.md",   # fund 200 -> 350 million crowns
    "m6-068": "drellport-waits-for-the-rest-2026-06-04.md",   # ferry suspended -> 6 -> 14 a week
    "m6-091": "drellport-waits-for-the-rest-2026-06-04.md",   # chief negotiator Wendt -> Marrow
}

ids, kinds = set(), {"answer": 0, "decline": 0}
lines = open(QF, encoding="utf-8").read().splitlines()
for n, line in enumerate(lines, 1):
    try:
        q = json.loads(line)
    except Exception as e:
        errors.append(f"line {n}: bad JSON: {e}"); continue
    if set(q) != {"id", "q", "kind", "evidence"}:
        errors.append(f"line {n}: keys {sorted(q)}")
    qid = q.get("id")
    if qid in ids:
        errors.append(f"line {n}: duplicate id {qid}")
    ids.add(qid)
    if qid != f"m6-{n:03d}":
        errors.append(f"line {n}: id {qid} out of sequence")
    kind = q.get("kind")
    if kind not in kinds:
        errors.append(f"{qid}: bad kind {kind}"); continue
    kinds[kind] += 1
    ev = q.get("evidence")
    if kind == "decline":
        if ev:
            errors.append(f"{qid}: decline with evidence")
        continue
    if not isinstance(ev, list) or not 1 <= len(ev) <= 3:
        errors.append(f"{qid}: need 1-3 evidence phrases"); continue
    hit_sents = []
    for p in ev:
        words = len(p.split())
        if not 4 <= words <= 10:
            errors.append(f"{qid}: phrase has {words} words: {p!r}")
        np_ = norm(p)
        found = [(a, s) for a, ss in articles.items() for s in ss if np_ in s]
        if not found:
            errors.append(f"{qid}: phrase not inside one sentence: {p!r}")
        else:
            hit_sents.append({s for _, s in found})
            if qid in LATEST and LATEST[qid] not in {a for a, _ in found}:
                errors.append(f"{qid}: latest-figure evidence not in {LATEST[qid]}: {p!r}")
            if qid in LATEST and any(a != LATEST[qid] for a, _ in found):
                errors.append(f"{qid}: latest-figure evidence also found in an older article: {p!r}")
            arts = sorted({a for a, _ in found})
            if len(arts) > 1:
                notes.append(f"{qid}: {p!r} occurs in {len(arts)} articles: {', '.join(arts)}")
    if len(hit_sents) == len(ev) and len(ev) > 1 and not set.intersection(*hit_sents):
        errors.append(f"{qid}: evidence phrases are not all from ONE sentence")

if len(lines) != 110:
    errors.append(f"expected 110 questions, found {len(lines)}")
if kinds != {"answer": 80, "decline": 30}:
    errors.append(f"expected 80 answer / 30 decline, found {kinds}")

for s in notes:
    print("note:", s)
print(f"questions: {len(lines)} (answer {kinds['answer']}, decline {kinds['decline']})")
if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK: all checks passed")
