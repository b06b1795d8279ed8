#!/usr/bin/env python3
"""Validate the eighth attribution set: articles8/, labels8.toml and questions.jsonl.

Labels: every label's article exists; its quote occurs verbatim in the article; it picks out
exactly one quotation (an inner quotation inside a quote, or an outer quotation with its inner
quotations masked); every quotation in the articles has exactly one label; speakers are a name
found in the article, "unattributed" or "body: ...".

Questions: JSON lines parse, ids quotes8-001.. unique and in order, kind is answer/decline,
answer questions have 1-3 evidence phrases of 4-10 words, each found (after the shared README's
normalisation) inside ONE sentence of one article; declines carry no evidence; counts.
"""
import json
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).parent
ART_DIR = HERE / "articles8"
errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load_articles():
    arts = {}
    for p in sorted(ART_DIR.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        parts = text.split("+++\n")
        if len(parts) < 3 or parts[0] != "":
            err(f"{p.name}: bad front matter")
            continue
        fm = tomllib.loads(parts[1])
        for key in ("title", "source", "published"):
            if key not in fm:
                err(f"{p.name}: front matter lacks {key}")
        body = "+++\n".join(parts[2:])
        arts[p.stem] = body
    return arts


def quotations(body):
    """Return list of (kind, start, end, text, masked) for outer and inner quotations."""
    spans = []
    pos = 0
    for para in re.split(r"\n\s*\n", body):
        start_para = body.index(para, pos)
        pos = start_para + len(para)
        straight = '"' in para
        i = 0
        while i < len(para):
            ch = para[i]
            if ch == "\u201c" or (straight and ch == '"'):
                closer = "\u201d" if ch == "\u201c" else '"'
                j = para.find(closer, i + 1)
                if j == -1:
                    j = len(para)  # open at paragraph end: continues in the next paragraph
                spans.append(("outer", start_para + i + 1, start_para + j))
                i = j + 1
            else:
                i += 1
    out = []
    for kind, a, b in spans:
        text = body[a:b]
        inners = []
        k = 0
        while True:
            o = text.find("\u2018", k)
            if o == -1:
                break
            c = o + 1
            while True:
                c = text.find("\u2019", c)
                if c == -1 or c + 1 >= len(text) or not text[c + 1].isalpha():
                    break
                c += 1
            if c == -1:
                err(f"unclosed inner quote in: {text[:60]}")
                break
            inners.append((o + 1, c))
            k = c + 1
        masked = list(text)
        for o, c in inners:
            for x in range(o - 1, c + 1):
                masked[x] = "\0"
            out.append(("inner", a + o, a + c, text[o:c], text[o:c]))
        out.append(("outer", a, b, text, "".join(masked)))
    return out


def check_labels(arts):
    data = tomllib.loads((HERE / "labels8.toml").read_text(encoding="utf-8"))
    labels = data.get("label", [])
    spans = {name: quotations(body) for name, body in arts.items()}
    used = {}
    for n, lab in enumerate(labels, 1):
        for key in ("article", "quote", "speaker", "pattern"):
            if not isinstance(lab.get(key), str) or not lab[key].strip():
                err(f"label {n}: missing {key}")
        name = lab.get("article")
        if name not in arts:
            err(f"label {n}: unknown article {name}")
            continue
        q = lab["quote"]
        body = arts[name]
        if q not in body:
            err(f"label {n}: quote not verbatim in {name}: {q!r}")
            continue
        hits = [i for i, sp in enumerate(spans[name]) if q in sp[4]]
        if len(hits) != 1:
            err(f"label {n}: quote {q!r} matches {len(hits)} quotations in {name}")
            continue
        key = (name, hits[0])
        if key in used:
            err(f"label {n}: quotation already labelled by label {used[key]}: {q!r}")
        used[key] = n
        sp = lab["speaker"]
        if sp != "unattributed" and not sp.startswith("body: ") and sp not in body:
            err(f"label {n}: speaker {sp!r} not named in {name}")
    total = 0
    for name, sps in spans.items():
        for i, sp in enumerate(sps):
            total += 1
            if (name, i) not in used:
                err(f"{name}: quotation not labelled: {sp[3][:70]!r}")
    kinds = {"named": 0, "unattributed": 0, "body": 0}
    for lab in labels:
        s = lab.get("speaker", "")
        kinds["unattributed" if s == "unattributed" else "body" if s.startswith("body: ") else "named"] += 1
    per_art = {}
    for lab in labels:
        per_art[lab.get("article")] = per_art.get(lab.get("article"), 0) + 1
    print(f"labels: {len(labels)} ({kinds['named']} named, {kinds['body']} body, "
          f"{kinds['unattributed']} unattributed); quotations found in articles: {total}")
    for name in sorted(per_art):
        print(f"  {name}: {per_art[name]}")


def norm(s):
    s = s.lower()
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


ABBR = ("mr.", "ms.", "mrs.", "dr.", "prof.", "st.", "no.")


def sentences(body):
    out = []
    for para in body.split("\n"):  # one paragraph, bullet or heading a line
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        cur = 0
        for m in re.finditer(r"[.!?][\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018'(]?[A-Z0-9])", para):
            before = para[cur:m.start() + 1]
            last = before.split()[-1].lower() if before.split() else ""
            if last in ABBR:
                continue
            out.append(para[cur:m.end()].strip())
            cur = m.end()
        out.append(para[cur:].strip())
    return [s for s in out if s]


def check_questions(arts):
    sents = [(name, norm(s)) for name, body in arts.items() for s in sentences(body)]
    ids = set()
    counts = {"answer": 0, "decline": 0}
    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            err(f"questions line {n}: blank")
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"questions line {n}: bad JSON: {e}")
            continue
        if set(q) != {"id", "q", "kind", "evidence"}:
            err(f"questions line {n}: fields {sorted(q)}")
        want = f"quotes8-{n:03d}"
        if q.get("id") != want:
            err(f"questions line {n}: id {q.get('id')} (expected {want})")
        if q.get("id") in ids:
            err(f"questions line {n}: duplicate id")
        ids.add(q.get("id"))
        kind = q.get("kind")
        if kind not in counts:
            err(f"{q.get('id')}: kind {kind!r}")
            continue
        counts[kind] += 1
        ev = q.get("evidence")
        if not isinstance(ev, list):
            err(f"{q.get('id')}: evidence not a list")
            continue
        if kind == "decline":
            if ev:
                err(f"{q.get('id')}: decline with evidence")
            continue
        if not 1 <= len(ev) <= 3:
            err(f"{q.get('id')}: {len(ev)} evidence phrases")
        for e in ev:
            words = len(e.split())
            if not 4 <= words <= 10:
                err(f"{q.get('id')}: evidence of {words} words: {e!r}")
            hits = [(name, s) for name, s in sents if norm(e) in s]
            if not hits:
                err(f"{q.get('id')}: evidence not inside one sentence: {e!r}")
            elif len({name for name, _ in hits}) > 1:
                warnings.append(f"{q.get('id')}: evidence in {len(hits)} sentences of "
                                f"{len({n for n, _ in hits})} articles: {e!r}")
    total = sum(counts.values())
    print(f"questions: {total} ({counts['answer']} answer, {counts['decline']} decline)")


def main():
    arts = load_articles()
    print(f"articles: {len(arts)}")
    for name, body in arts.items():
        words = len(body.split())
        print(f"  {name}: {words} words")
        if not 400 <= words <= 700:
            err(f"{name}: {words} words (want 400-700)")
    check_labels(arts)
    if (HERE / "questions.jsonl").exists():
        check_questions(arts)
    else:
        err("questions.jsonl missing")
    for w in warnings:
        print("note:", w)
    for e in errors:
        print("FAIL:", e)
    print("OK" if not errors else f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
