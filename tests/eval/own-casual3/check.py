#!/usr/bin/env python3
"""Validate own-casual3/questions.jsonl against the seed article."""
import json, re, sys, os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = "/work/main/knowledge/articles/london-talks-2025-04-23.md"

def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

def sentences(text):
    # drop +++ front matter
    text = re.sub(r"\A\+\+\+.*?\+\+\+", "", text, flags=re.S)
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = norm(para)
        if not para:
            continue
        para = re.sub(r"^#+\s*", "", para)
        # split after . ! ? (optionally followed by closing quotes) + space, not after titles
        parts = re.split(r'(?<!\bmr\.)(?<!\bms\.)(?<!\bmrs\.)(?<!\bdr\.)(?<=[.!?])("?)\s+', para)
        cur = ""
        i = 0
        while i < len(parts):
            cur += parts[i]
            if i + 1 < len(parts):
                cur += parts[i + 1]
                out.append(cur.strip()); cur = ""
                i += 2
            else:
                i += 1
        if cur.strip():
            out.append(cur.strip())
    return out

def main():
    sents = sentences(open(ARTICLE, encoding="utf-8").read())
    errors, warns = [], []
    ids = Counter(); kinds = Counter(); qs = Counter()
    path = os.path.join(HERE, "questions.jsonl")
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: bad json {e}"); continue
        if set(o) != {"id", "q", "kind", "evidence"}:
            errors.append(f"line {n}: keys {sorted(o)}")
        ids[o["id"]] += 1; kinds[o["kind"]] += 1; qs[norm(o["q"])] += 1
        pre = "c3-a" if o["kind"] == "answer" else "c3-d"
        if not re.fullmatch(re.escape(pre) + r"\d\d", o["id"]):
            errors.append(f"{o['id']}: id does not match kind")
        if o["kind"] == "answer":
            if not 1 <= len(o["evidence"]) <= 3:
                errors.append(f"{o['id']}: needs 1-3 evidence phrases")
            for ev in o["evidence"]:
                e = norm(ev)
                hits = [s for s in sents if e in s]
                wc = len(e.split())
                if not 4 <= wc <= 10:
                    errors.append(f"{o['id']}: evidence {ev!r} has {wc} words")
                if not hits:
                    errors.append(f"{o['id']}: evidence not found: {ev!r}")
                elif len(hits) > 1:
                    errors.append(f"{o['id']}: evidence in {len(hits)} sentences: {ev!r}")
        elif o["kind"] == "decline":
            if o["evidence"]:
                errors.append(f"{o['id']}: decline with evidence")
        else:
            errors.append(f"{o['id']}: bad kind {o['kind']}")
    for k, c in ids.items():
        if c > 1: errors.append(f"duplicate id {k}")
    for k, c in qs.items():
        if c > 1: errors.append(f"duplicate question {k!r}")
    print(f"sentences in article: {len(sents)}")
    print(f"questions: {sum(kinds.values())}  answer: {kinds['answer']}  decline: {kinds['decline']}")
    if kinds["answer"] != 56 or kinds["decline"] != 24:
        errors.append("expected 56 answer / 24 decline")
    for e in errors: print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    if "-v" in sys.argv:
        for i, s in enumerate(sents): print(i, s)
    sys.exit(1 if errors else 0)

main()
