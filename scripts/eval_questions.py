#!/usr/bin/env python3
"""Scores `parley ask --json` on a question file: answer in the first three citations, or a decline.

Usage: scripts/eval_questions.py QUESTIONS.toml KNOWLEDGE.json [--show-fail]
"""
import json, subprocess, sys, tomllib

qfile, kfile = sys.argv[1], sys.argv[2]
show = "--show-fail" in sys.argv
qs = tomllib.load(open(qfile, "rb"))["q"]
inp = "\n".join(q["ask"].replace("\n", " ") for q in qs) + "\n"
out = subprocess.run(["target/debug/parley", "ask", "--json", "--knowledge", kfile], input=inp, capture_output=True, text=True, check=True).stdout.splitlines()
ok = 0
fails = []
for q, line in zip(qs, out):
    a = json.loads(line)
    if q["expect"] == "decline":
        good = not a["answered"]
    else:
        cites = a["citations"][:3]
        good = a["answered"] and any(c["article"] == q["article"] and c["paragraph"] in q["paragraphs"] for c in cites)
    ok += good
    if not good:
        fails.append((q, a))
print(f"{ok}/{len(qs)} = {100*ok/len(qs):.1f}%")
if show:
    for q, a in fails:
        print(f"- [{q['expect']} {q.get('paragraphs','')}] {q['ask']!r} -> intent={a['intent']} answered={a['answered']} paras={[c['paragraph'] for c in a['citations']]}")
