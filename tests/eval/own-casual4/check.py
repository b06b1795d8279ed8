#!/usr/bin/env python3
"""Validate own-casual4/questions.jsonl against the seed article.

Checks: every line parses as JSON with id/q/kind/evidence; ids unique and of the form
casual4-NNN; kind is answer|decline; answer items have 1-3 evidence phrases of 4-10 words,
each found verbatim (after the shared README's normalisation: lowercase, curly quotes ->
straight, en/em dashes -> hyphen, collapsed whitespace) inside ONE sentence of the article;
decline items have no evidence; counts (90 total, 63 answer, 27 decline) and that every
fact-bearing paragraph of the article is used by at least one answer.
Exit status 1 on any failure.
"""
import json, re, sys, os, glob

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = "/work/main/knowledge/articles"
EXPECT = {"total": 90, "answer": 63, "decline": 27}

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

def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", body(text)) if p.strip()]

SPLIT = re.compile(r'(?<=[.!?])\s+|(?<=[.!?]["\'])\s+')
ABBR = re.compile(r"\b(mr|ms|mrs|dr)\.$")

def sentences(par):
    parts = SPLIT.split(norm(par))
    out = []
    for p in parts:
        if out and ABBR.search(out[-1]):
            out[-1] += " " + p
        else:
            out.append(p)
    return out

def main():
    errors, warns = [], []
    sents = []  # (file, paragraph index, sentence)
    for path in sorted(glob.glob(os.path.join(ARTICLES, "*.md"))):
        for pi, par in enumerate(paragraphs(open(path, encoding="utf-8").read())):
            for s in sentences(par):
                sents.append((os.path.basename(path), pi, s))
    used_pars = set()
    ids, counts = set(), {"answer": 0, "decline": 0}
    lines = open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8").read().splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line"); continue
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: bad JSON: {e}"); continue
        if set(o) != {"id", "q", "kind", "evidence"}:
            errors.append(f"line {n}: keys {sorted(o)}")
        i = o.get("id")
        if not re.fullmatch(r"casual4-\d{3}", str(i)):
            errors.append(f"line {n}: bad id {i!r}")
        if i in ids:
            errors.append(f"line {n}: duplicate id {i}")
        ids.add(i)
        if not isinstance(o.get("q"), str) or not o["q"].strip():
            errors.append(f"{i}: empty q")
        k = o.get("kind")
        if k not in counts:
            errors.append(f"{i}: bad kind {k!r}"); continue
        counts[k] += 1
        ev = o.get("evidence")
        if not isinstance(ev, list):
            errors.append(f"{i}: evidence not a list"); continue
        if k == "decline":
            if ev:
                errors.append(f"{i}: decline with evidence")
            continue
        if not 1 <= len(ev) <= 3:
            errors.append(f"{i}: {len(ev)} evidence phrases (want 1-3)")
        for e in ev:
            ne = norm(e)
            w = len(ne.split())
            if not 4 <= w <= 10:
                errors.append(f"{i}: evidence {e!r} has {w} words (want 4-10)")
            hits = [(f, pi, s) for f, pi, s in sents if ne in s]
            if not hits:
                errors.append(f"{i}: evidence not inside one sentence: {e!r}")
            elif len(hits) > 1:
                warns.append(f"{i}: evidence {e!r} in {len(hits)} sentences")
            for f, pi, s in hits:
                used_pars.add((f, pi))
    total = counts["answer"] + counts["decline"]
    for key, val in (("total", total), ("answer", counts["answer"]), ("decline", counts["decline"])):
        if val != EXPECT[key]:
            errors.append(f"count {key} = {val}, expected {EXPECT[key]}")
    # every paragraph that holds a fact (not a heading, not the stray trailing word) is used
    for path in sorted(glob.glob(os.path.join(ARTICLES, "*.md"))):
        f = os.path.basename(path)
        for pi, par in enumerate(paragraphs(open(path, encoding="utf-8").read())):
            if par.startswith("#") or len(par.split()) < 4:
                continue
            if (f, pi) not in used_pars:
                errors.append(f"{f}: paragraph {pi} never used: {par[:60]!r}")
    for w in warns:
        print("note:", w)
    for e in errors:
        print("FAIL:", e)
    print(f"{total} questions: {counts['answer']} answer, {counts['decline']} decline; "
          f"{len(sents)} article sentences; {len(used_pars)} paragraphs used; "
          f"{len(errors)} failures")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
