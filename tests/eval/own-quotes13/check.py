#!/usr/bin/env python3
"""Check questions.jsonl for the own-quotes13 set.

Usage: python3 check.py ../../fixtures/attribution/articles13

- every line is JSON with id, q, kind ("answer"/"decline") and evidence; ids are unique;
- decline questions have no evidence; answer questions have 1-3 phrases of 4-12 words;
- every evidence phrase, normalised (lowercase, curly quotes/apostrophes to straight, en/em
  dashes to hyphen, whitespace collapsed), occurs in exactly one sentence of the articles, and
  only once in the whole corpus. Sentences are split per paragraph on . ? ! (optionally followed
  by a closing quote) then whitespace and a capital or quote, except after Mr. Ms. Mrs. Dr. St. No.
"""
import json
import os
import re
import sys

ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.")


def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def sentences(paragraph):
    raw = re.sub(r"\s+", " ", paragraph).strip()
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])", raw):
        before = raw[start:m.start() + 1].split(" ")[-1].lower()
        if before in ABBR:
            continue
        out.append(raw[start:m.end()].strip())
        start = m.end()
    out.append(raw[start:].strip())
    return [norm(s) for s in out if s]


def load_articles(folder):
    sents, corpus = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        body = "+++".join(text.split("+++")[2:])
        for para in re.split(r"\n\s*\n", body):
            if para.strip():
                corpus.append(norm(para))
                sents.extend((name, s) for s in sentences(para))
    return sents, "\n".join(corpus)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "../../fixtures/attribution/articles13"
    here = os.path.dirname(os.path.abspath(__file__))
    sents, corpus = load_articles(folder)
    errors, ids = [], set()
    na = nd = 0
    for ln, line in enumerate(open(os.path.join(here, "questions.jsonl"), encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError as e:
            errors.append(f"line {ln}: bad JSON {e}")
            continue
        qid = q.get("id")
        if qid in ids:
            errors.append(f"{qid}: duplicate id")
        ids.add(qid)
        if not q.get("q", "").strip():
            errors.append(f"{qid}: empty question")
        kind, ev = q.get("kind"), q.get("evidence")
        if not isinstance(ev, list):
            errors.append(f"{qid}: evidence is not a list")
            continue
        if kind == "decline":
            nd += 1
            if ev:
                errors.append(f"{qid}: decline with evidence")
        elif kind == "answer":
            na += 1
            if not 1 <= len(ev) <= 3:
                errors.append(f"{qid}: {len(ev)} evidence phrases")
            for p in ev:
                n = norm(p)
                words = len(n.split())
                if not 4 <= words <= 12:
                    errors.append(f"{qid}: {words} words in {p!r}")
                hits = [(a, s) for a, s in sents if n in s]
                if len(hits) != 1:
                    errors.append(f"{qid}: phrase in {len(hits)} sentences: {p!r}")
                if corpus.count(n) != 1:
                    errors.append(f"{qid}: phrase occurs {corpus.count(n)} times in corpus: {p!r}")
        else:
            errors.append(f"{qid}: bad kind {kind!r}")
    for e in errors:
        print("FAIL", e)
    print(f"{na + nd} questions: {na} answer, {nd} decline; {len(sents)} sentences; "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
