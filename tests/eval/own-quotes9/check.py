#!/usr/bin/env python3
"""Checker for the ninth attribution set (articles9/, labels9.toml, questions.jsonl).

Questions: JSON lines parse; ids quotes9-001.. unique and in order; kind is answer/decline;
answers carry 1-3 evidence phrases of 4-10 words, each found (after the shared README's
normalisation) inside ONE sentence of one article; declines carry none; counts.
Labels: every label's quote occurs in its article and picks out exactly one quotation; every
quotation in the articles (curly “…”, inner ‘…’, or straight "…" in the wire) has exactly one label.
"""
import json, re, sys, tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ART = HERE / "articles9"
fails = []

def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

def body(text):
    parts = text.split("+++")
    assert len(parts) >= 3, "no front matter"
    return "+++".join(parts[2:])

articles = {}
for p in sorted(ART.glob("*.md")):
    t = p.read_text()
    fm = t.split("+++")[1]
    for key in ("title", "source", "published"):
        if not re.search(r"^%s = \"" % key, fm, re.M):
            fails.append(f"{p.name}: front matter lacks {key}")
    date = re.search(r'published = "(\d{4}-\d\d-\d\d)"', fm).group(1)
    if not p.stem.endswith(date):
        fails.append(f"{p.name}: file name does not end with published date {date}")
    b = body(t)
    words = len(b.split())
    if not 450 <= words <= 700:
        fails.append(f"{p.name}: {words} words (want 450-700)")
    articles[p.stem] = b

# ---------- sentences ----------
ABBR = ("Mr.", "Ms.", "Mrs.", "Dr.")
def sentences(b):
    out = []
    for para in re.split(r"\n\s*\n", b):
        para = " ".join(para.split())
        if not para:
            continue
        start = 0
        for m in re.finditer(r"[.!?][\"\u201d\u2019')]*\s+", para):
            pre = para[start:m.start() + 1]
            if any(pre.endswith(a) for a in ABBR):
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out

SENTS = [(name, norm(s)) for name, b in articles.items() for s in sentences(b)]

# ---------- questions ----------
qs = []
for i, line in enumerate((HERE / "questions.jsonl").read_text().splitlines(), 1):
    if not line.strip():
        continue
    try:
        qs.append(json.loads(line))
    except Exception as e:
        fails.append(f"questions.jsonl line {i}: bad JSON ({e})")
ids = [q.get("id") for q in qs]
if len(set(ids)) != len(ids):
    fails.append("duplicate ids")
for n, q in enumerate(qs, 1):
    want = f"quotes9-{n:03d}"
    if q.get("id") != want:
        fails.append(f"id {q.get('id')} out of order (want {want})")
    if set(q) != {"id", "q", "kind", "evidence"}:
        fails.append(f"{q.get('id')}: keys {sorted(q)}")
    if q.get("kind") not in ("answer", "decline"):
        fails.append(f"{q['id']}: kind {q.get('kind')}")
    ev = q.get("evidence", [])
    if q.get("kind") == "decline":
        if ev:
            fails.append(f"{q['id']}: decline with evidence")
        continue
    if not 1 <= len(ev) <= 3:
        fails.append(f"{q['id']}: {len(ev)} evidence phrases")
    for e in ev:
        nw = len(e.split())
        if not 4 <= nw <= 10:
            fails.append(f"{q['id']}: evidence of {nw} words: {e!r}")
        hits = [(a, s) for a, s in SENTS if norm(e) in s]
        if not hits:
            fails.append(f"{q['id']}: evidence not inside one sentence: {e!r}")
        elif len(hits) > 1:
            print(f"note {q['id']}: {e!r} in {len(hits)} sentences: " + "; ".join(a for a, _ in hits))
na = sum(q.get("kind") == "answer" for q in qs)
nd = sum(q.get("kind") == "decline" for q in qs)

# ---------- quotations ----------
def quotations(b, straight):
    """Return list of quotation texts; inner ‘…’ quotes are cut out of the outer text."""
    spans = []
    for para in re.split(r"\n\s*\n", b):
        if straight:
            parts = para.split('"')
            for k in range(1, len(parts), 2):
                spans.append(parts[k])
            continue
        outer = None; inner = None
        i = 0
        while i < len(para):
            c = para[i]
            if c == "\u201c" and outer is None:
                outer = []
            elif c == "\u201d" and outer is not None:
                spans.append("".join(outer)); outer = None
            elif c == "\u2018":
                inner = []
                if outer is not None:
                    outer.append("\x00")
            elif c == "\u2019" and inner is not None and not (i + 1 < len(para) and para[i + 1].isalpha()):
                spans.append("".join(inner)); inner = None
            else:
                if inner is not None:
                    inner.append(c)
                elif outer is not None:
                    outer.append(c)
            i += 1
        if inner is not None:
            fails.append(f"unclosed inner quote in paragraph: {para[:60]!r}")
        if outer is not None:
            spans.append("".join(outer))  # continuation paragraph: runs to the end
    return [s for s in spans if s.strip()]

labels = tomllib.loads((HERE / "labels9.toml").read_text())["label"]
by_art = {}
for l in labels:
    for k in ("article", "quote", "speaker", "pattern"):
        if not l.get(k):
            fails.append(f"label lacks {k}: {l}")
    if l["article"] not in articles:
        fails.append(f"label for unknown article {l['article']}")
        continue
    by_art.setdefault(l["article"], []).append(l)
    if l["quote"] not in articles[l["article"]]:
        fails.append(f"{l['article']}: label quote not in article: {l['quote']!r}")
    sp = l["speaker"]
    if not (sp == "unattributed" or sp.startswith("body: ") or re.fullmatch(r"[A-Z][\w’'-]+( [A-Z][\w’'-]+)*", sp)):
        fails.append(f"odd speaker {sp!r}")

nquot = 0
for name, b in articles.items():
    straight = "\u201c" not in b
    spans = quotations(b, straight)
    nquot += len(spans)
    labs = by_art.get(name, [])
    for s in spans:
        m = [l for l in labs if l["quote"] in s]
        if len(m) != 1:
            fails.append(f"{name}: quotation has {len(m)} labels: {s[:70]!r}")
    for l in labs:
        m = [s for s in spans if l["quote"] in s]
        if len(m) != 1:
            fails.append(f"{name}: label matches {len(m)} quotations: {l['quote'][:60]!r}")
    if straight and ("\u201c" in b or "\u2018" in b):
        fails.append(f"{name}: mixed quote styles")

styles = {n: ("straight" if "\u201c" not in b else "curly") for n, b in articles.items()}
print(f"articles: {len(articles)} ({sum(v=='straight' for v in styles.values())} straight-quoted, "
      f"{sum(v=='curly' for v in styles.values())} curly)")
print(f"quotations found: {nquot}; labels: {len(labels)}; "
      f"speakers unattributed: {sum(l['speaker']=='unattributed' for l in labels)}, "
      f"bodies: {sum(l['speaker'].startswith('body: ') for l in labels)}")
print(f"questions: {len(qs)} ({na} answer, {nd} decline)")
if fails:
    print("FAIL"); print("\n".join(fails)); sys.exit(1)
print("OK")
