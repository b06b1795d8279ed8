#!/usr/bin/env python3
"""Validate own-quotes5/questions.jsonl against the articles5 fixture.

Checks: every line parses as JSON with id/q/kind/evidence; ids unique and
prefixed q5-a / q5-d by kind; kind is answer|decline; answer questions have
1-3 evidence phrases of 4-10 words; declines have no evidence; every evidence
phrase (after the shared README's normalisation) occurs inside ONE sentence of
one article body, using a deliberately aggressive splitter (break after every
. ! ? followed by space, optionally after a closing quote, and at every line
break), so the phrase stays inside one sentence under any gentler splitter;
reports the answer/decline counts against the target (56/24).
"""
import json, os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = "/work/main/tests/fixtures/attribution/articles5"
TARGET = {"answer": 56, "decline": 24}


def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def body(text):
    if text.startswith("+++"):
        end = text.find("+++", 3)
        text = text[end + 3:]
    return text


def sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(ARTICLES, "*.md"))):
        name = os.path.basename(path)
        for para in body(open(path, encoding="utf-8").read()).split("\n"):
            para = para.strip()
            if not para:
                continue
            # aggressive split: after . ! ? (plus optional closing quote) and whitespace
            for piece in re.split(r'(?<=[.!?])["\u201d\u2019]?\s+', para):
                piece = norm(piece)
                if piece:
                    out.append((name, piece))
    return out


def main():
    sents = sentences()
    errors = []
    ids = set()
    counts = {"answer": 0, "decline": 0}
    per_article = {}
    lines = open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8").read().splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line")
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad JSON: {e}")
            continue
        if set(q) != {"id", "q", "kind", "evidence"}:
            errors.append(f"line {n}: keys {sorted(q)}")
        qid, kind, ev = q.get("id"), q.get("kind"), q.get("evidence")
        if qid in ids:
            errors.append(f"line {n}: duplicate id {qid}")
        ids.add(qid)
        if kind not in counts:
            errors.append(f"{qid}: bad kind {kind}")
            continue
        counts[kind] += 1
        want = "q5-a" if kind == "answer" else "q5-d"
        if not str(qid).startswith(want):
            errors.append(f"{qid}: id prefix does not match kind {kind}")
        if not isinstance(q.get("q"), str) or not q["q"].strip():
            errors.append(f"{qid}: empty question")
        if kind == "decline":
            if ev:
                errors.append(f"{qid}: decline with evidence")
            continue
        if not isinstance(ev, list) or not 1 <= len(ev) <= 3:
            errors.append(f"{qid}: needs 1-3 evidence phrases")
            continue
        for p in ev:
            np_ = norm(p)
            wc = len(np_.split())
            if not 4 <= wc <= 10:
                errors.append(f"{qid}: phrase has {wc} words: {p!r}")
            hits = [a for a, s in sents if np_ in s]
            if not hits:
                errors.append(f"{qid}: phrase not inside one sentence: {p!r}")
            else:
                for a in set(hits):
                    per_article[a] = per_article.get(a, 0) + 1
    print(f"questions: {len(lines)}  answer: {counts['answer']}  decline: {counts['decline']}"
          f"  (target {TARGET['answer']}/{TARGET['decline']})")
    for a in sorted(per_article):
        print(f"  evidence phrases in {a}: {per_article[a]}")
    if counts != TARGET:
        errors.append(f"counts {counts} differ from target {TARGET}")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
