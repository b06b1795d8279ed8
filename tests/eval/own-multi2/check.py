#!/usr/bin/env python3
"""Validate questions.jsonl against articles/ (own-multi2 set).

Normalises text (lowercase, curly quotes to straight, en/em dashes to hyphens,
collapsed whitespace), splits each article body into paragraphs and sentences,
and checks that every evidence phrase of an "answer" question has 4-10 words
and stands inside exactly one sentence across all articles.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ABBREV = ("mr.", "ms.", "mrs.", "dr.", "gen.", "sen.", "rep.", "st.")


def normalise(text):
    text = text.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip()


def body(path):
    text = path.read_text(encoding="utf-8")
    parts = text.split("+++")
    if len(parts) < 3:
        raise ValueError(f"{path.name}: no +++ front matter")
    front = parts[1]
    for key in ("title", "source", "published"):
        if not re.search(rf"^{key}\s*=\s*\"", front, re.M):
            raise ValueError(f"{path.name}: front matter lacks {key}")
    return "+++".join(parts[2:])


# a sentence ends at . ! or ? (optionally followed by closing quotes/brackets)
# when whitespace follows; not after the listed abbreviations, and never inside
# a number like 3.5 (no whitespace there, so no split).
END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)")


def sentences(paragraph):
    out, start = [], 0
    for m in END.finditer(paragraph):
        cut = m.end()
        before = paragraph[start:cut]
        last = before.split()[-1].lower() if before.split() else ""
        if last in ABBREV:
            continue
        rest = paragraph[cut:].lstrip()
        # lowercase continuation (e.g. "10 a.m. on Tuesday") is not a new sentence
        if rest and rest[0].islower():
            continue
        out.append(paragraph[start:cut])
        start = cut
    if paragraph[start:].strip():
        out.append(paragraph[start:])
    return [normalise(s) for s in out if s.strip()]


def load_sentences():
    sents = []
    for path in sorted((HERE / "articles").glob("*.md")):
        for para in re.split(r"\n\s*\n", body(path)):
            if para.strip():
                for s in sentences(" ".join(para.split())):
                    sents.append((path.name, s))
    return sents


def main():
    sents = load_sentences()
    failures, ids = [], set()
    n_answer = n_decline = 0
    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        q = json.loads(line)
        qid = q.get("id")
        if set(q) != {"id", "q", "kind", "evidence"}:
            failures.append(f"{qid}: keys {sorted(q)}")
        if qid in ids:
            failures.append(f"{qid}: duplicate id")
        ids.add(qid)
        if not q.get("q", "").strip():
            failures.append(f"{qid}: empty question")
        kind, ev = q.get("kind"), q.get("evidence")
        if kind == "decline":
            n_decline += 1
            if ev != []:
                failures.append(f"{qid}: decline with evidence")
        elif kind == "answer":
            n_answer += 1
            if not isinstance(ev, list) or not 1 <= len(ev) <= 3:
                failures.append(f"{qid}: needs 1-3 evidence phrases")
                continue
            for phrase in ev:
                p = normalise(phrase)
                words = len(p.split())
                if not 4 <= words <= 10:
                    failures.append(f"{qid}: {words} words: {phrase!r}")
                hits = [(f, s) for f, s in sents if p in s]
                if len(hits) != 1:
                    failures.append(f"{qid}: {len(hits)} sentences hold {phrase!r} "
                                    + "; ".join(f for f, _ in hits))
        else:
            failures.append(f"{qid}: bad kind {kind!r}")
    print(f"articles: {len(list((HERE / 'articles').glob('*.md')))}, sentences: {len(sents)}")
    print(f"questions: {n_answer + n_decline} ({n_answer} answer, {n_decline} decline)")
    for f in failures:
        print("FAIL", f)
    print(f"failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
