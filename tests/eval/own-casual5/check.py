#!/usr/bin/env python3
"""Validate own-casual5/questions.jsonl against the seed article.

Checks: every line parses as JSON with id/q/kind/evidence; ids unique and casual5-001..090;
kind is answer|decline; answers have 1-3 evidence phrases of 4-10 words, declines none;
every evidence phrase occurs (after the shared README's normalisation) inside ONE sentence of
the article; counts of answer and decline.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = "/work/main/knowledge/articles/london-talks-2025-04-23.md"
EXPECT = {"total": 90, "answer": 63, "decline": 27}


def norm(s):
    s = s.lower()
    for a, b in {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                 "\u2013": "-", "\u2014": "-"}.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def sentences(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("+++"):
        text = text.split("+++", 2)[2]
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para:
            continue
        if para.startswith("#"):  # headings count as their own sentence
            out.append(norm(para.lstrip("#")))
            continue
        p = norm(para)
        # split after . ! ? (optionally followed by a closing quote) and whitespace,
        # but not after mr./ms./mrs./dr.
        parts, start = [], 0
        for m in re.finditer(r"[.!?][\"']?\s+", p):
            before = p[start:m.start() + 1]
            if re.search(r"\b(mr|ms|mrs|dr)\.$", before):
                continue
            parts.append(p[start:m.end()].strip())
            start = m.end()
        parts.append(p[start:].strip())
        out.extend(x for x in parts if x)
    return out


def main():
    sents = sentences(ARTICLE)
    errors, ids, counts = [], set(), {"answer": 0, "decline": 0}
    lines = open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8").read().splitlines()
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: bad JSON: {e}")
            continue
        if set(obj) != {"id", "q", "kind", "evidence"}:
            errors.append(f"line {n}: keys {sorted(obj)}")
        qid = obj.get("id")
        if qid != f"casual5-{n:03d}":
            errors.append(f"line {n}: id {qid} out of sequence")
        if qid in ids:
            errors.append(f"line {n}: duplicate id {qid}")
        ids.add(qid)
        kind, ev = obj.get("kind"), obj.get("evidence")
        if kind not in counts:
            errors.append(f"{qid}: bad kind {kind}")
            continue
        counts[kind] += 1
        if not isinstance(obj.get("q"), str) or not obj["q"].strip():
            errors.append(f"{qid}: empty question")
        if kind == "decline":
            if ev:
                errors.append(f"{qid}: decline with evidence")
            continue
        if not isinstance(ev, list) or not 1 <= len(ev) <= 3:
            errors.append(f"{qid}: needs 1-3 evidence phrases")
            continue
        for e in ev:
            ne = norm(e)
            w = len(ne.split())
            if not 4 <= w <= 10:
                errors.append(f"{qid}: evidence {e!r} has {w} words (want 4-10)")
            hits = [s for s in sents if ne in s]
            if not hits:
                errors.append(f"{qid}: evidence not inside one sentence: {e!r}")
            elif len(hits) > 1:
                print(f"note {qid}: {e!r} occurs in {len(hits)} sentences")
    qs = [json.loads(l)["q"].lower() for l in lines if l.strip()]
    if len(set(qs)) != len(qs):
        errors.append("duplicate question text")
    total = counts["answer"] + counts["decline"]
    print(f"questions: {total}  answer: {counts['answer']}  decline: {counts['decline']}")
    for k, v in EXPECT.items():
        got = total if k == "total" else counts[k]
        if got != v:
            errors.append(f"count {k}: {got}, expected {v}")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
