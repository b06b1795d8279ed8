#!/usr/bin/env python3
"""Validate own-multi5: JSON lines, ids, kinds, counts, and that every evidence phrase occurs
verbatim (after the eval README's normalisation) inside ONE sentence of one article."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
QFILE = os.path.join(HERE, "questions.jsonl")
ABBREV = ("Mr.", "Ms.", "Mrs.", "Dr.")

def norm(s):
    s = s.lower()
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()

def sentences(body):
    out = []
    for para in re.split(r"\n\s*\n", body):
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        cur = ""
        # split on whitespace after . ! ? (optionally followed by closing quotes/brackets)
        for tok in re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]])\s+", para):
            cur = (cur + " " + tok).strip()
            if cur.split()[-1] in ABBREV:
                continue
            out.append(cur)
            cur = ""
        if cur:
            out.append(cur)
    # move leading closing quotes onto previous sentence is unnecessary for containment checks
    return [norm(s) for s in out]

errors, warnings = [], []
arts = {}
for fn in sorted(os.listdir(ART)):
    if not fn.endswith(".md"):
        continue
    text = open(os.path.join(ART, fn), encoding="utf-8").read()
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)$", text, re.S)
    if not m:
        errors.append(f"{fn}: no TOML front matter"); continue
    fm, body = m.groups()
    for key in ("title", "source", "published"):
        if not re.search(rf'^{key} = ".+"$', fm, re.M):
            errors.append(f"{fn}: front matter lacks {key}")
    pub = re.search(r'^published = "(\d{4}-\d{2}-\d{2})"$', fm, re.M)
    if not pub or not fn.endswith(pub.group(1) + ".md"):
        errors.append(f"{fn}: file name does not end with the published date")
    wc = len(body.split())
    if not 450 <= wc <= 700:
        errors.append(f"{fn}: body has {wc} words (want 450-700)")
    arts[fn] = sentences(body)
if len(arts) != 7:
    errors.append(f"expected 7 articles, found {len(arts)}")

ids, n_ans, n_dec = set(), 0, 0
lines = open(QFILE, encoding="utf-8").read().splitlines()
for ln, line in enumerate(lines, 1):
    try:
        q = json.loads(line)
    except Exception as e:
        errors.append(f"line {ln}: bad JSON: {e}"); continue
    if set(q) != {"id", "q", "kind", "evidence"}:
        errors.append(f"line {ln}: keys {sorted(q)}")
    qid = q.get("id")
    if qid != f"multi5-{ln:03d}":
        errors.append(f"line {ln}: id {qid} (expected multi5-{ln:03d})")
    if qid in ids:
        errors.append(f"line {ln}: duplicate id {qid}")
    ids.add(qid)
    if not q.get("q", "").strip():
        errors.append(f"{qid}: empty question")
    ev = q.get("evidence", [])
    if q.get("kind") == "answer":
        n_ans += 1
        if not 1 <= len(ev) <= 3:
            errors.append(f"{qid}: {len(ev)} evidence phrases (want 1-3)")
        for p in ev:
            nw = len(p.split())
            if not 4 <= nw <= 10:
                warnings.append(f"{qid}: evidence of {nw} words: {p!r}")
            np_ = norm(p)
            hits = [(fn, s) for fn, ss in arts.items() for s in ss if np_ in s]
            if not hits:
                errors.append(f"{qid}: evidence not inside one sentence: {p!r}")
            elif len({fn for fn, _ in hits}) > 1:
                warnings.append(f"{qid}: evidence in several articles {sorted({fn for fn,_ in hits})}: {p!r}")
    elif q.get("kind") == "decline":
        n_dec += 1
        if ev:
            errors.append(f"{qid}: decline with evidence")
    else:
        errors.append(f"{qid}: bad kind {q.get('kind')!r}")

total = n_ans + n_dec
print(f"articles: {len(arts)}; questions: {total} ({n_ans} answer, {n_dec} decline)")
if total != 110:
    errors.append(f"expected 110 questions, found {total}")
for w in warnings:
    print("WARN", w)
for e in errors:
    print("FAIL", e)
print("OK" if not errors else f"{len(errors)} failure(s)")
sys.exit(1 if errors else 0)
