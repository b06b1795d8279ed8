#!/usr/bin/env python3
"""Check own-quotes11: questions.jsonl evidence and labels11.toml against articles11.

- every evidence phrase occurs in exactly one sentence of the set's articles (after
  normalisation: lowercase, curly quotes to straight, en/em dashes to hyphen, whitespace
  collapsed; sentences split on . ? ! followed by space and a capital or quote, not after
  Mr./Ms./Mrs./Dr./St./No./Gen./Sen.; each paragraph separately);
- ids q11-001..q11-100, kinds, decline evidence empty, answer evidence 1-3 phrases;
- every label's quote occurs exactly once in its article (verbatim and normalised), speaker and pattern present;
- every double-quoted span in the articles is covered by a label (label quote inside the span or
  the span inside the label quote).
"""
import json, os, re, sys, tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
ART = os.path.join(ROOT, "tests", "fixtures", "attribution", "articles11")
LABELS = os.path.join(ROOT, "tests", "fixtures", "attribution", "labels11.toml")
QS = os.path.join(HERE, "questions.jsonl")


def norm(s):
    s = s.lower()
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def body(text):
    parts = text.split("+++")
    return parts[2] if len(parts) >= 3 else text


ABBR = ("mr.", "ms.", "mrs.", "dr.", "st.", "no.", "gen.", "sen.")


def sentences(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"'\u201d\u2019)]*\s+(?=[A-Z\"'\u201c\u2018])", par):
        head = par[start:m.start() + 1]
        last = head.split()[-1].lower() if head.split() else ""
        if last in ABBR:
            continue
        out.append(par[start:m.end()])
        start = m.end()
    out.append(par[start:])
    return [s for s in (x.strip() for x in out) if s]


def main():
    errs = []
    arts = {}
    for fn in sorted(os.listdir(ART)):
        if fn.endswith(".md"):
            arts[fn[:-3]] = body(open(os.path.join(ART, fn), encoding="utf-8").read())
    sents = []
    for name, b in arts.items():
        for par in re.split(r"\n\s*\n", b):
            par = par.strip()
            if par:
                sents += [(name, norm(s)) for s in sentences(par)]

    # questions
    qs = [json.loads(l) for l in open(QS, encoding="utf-8") if l.strip()]
    ids = [q["id"] for q in qs]
    want = ["q11-%03d" % i for i in range(1, 101)]
    if ids != want:
        errs.append("ids are not q11-001..q11-100 in order")
    na = sum(q["kind"] == "answer" for q in qs)
    nd = sum(q["kind"] == "decline" for q in qs)
    for q in qs:
        if q["kind"] not in ("answer", "decline"):
            errs.append(f"{q['id']}: bad kind")
        if q["kind"] == "decline" and q["evidence"]:
            errs.append(f"{q['id']}: decline with evidence")
        if q["kind"] == "answer" and not (1 <= len(q["evidence"]) <= 3):
            errs.append(f"{q['id']}: answer needs 1-3 evidence phrases")
        for ev in q["evidence"]:
            e = norm(ev)
            n = len(e.split())
            if not 4 <= n <= 12:
                errs.append(f"{q['id']}: evidence has {n} words: {ev!r}")
            hits = [s for s in sents if e in s[1]]
            if len(hits) != 1:
                errs.append(f"{q['id']}: evidence in {len(hits)} sentences: {ev!r}")

    # labels
    labels = tomllib.load(open(LABELS, "rb"))["label"]
    per = {}
    for i, lab in enumerate(labels):
        a = lab.get("article")
        if a not in arts:
            errs.append(f"label {i}: unknown article {a!r}")
            continue
        for f in ("quote", "speaker", "pattern"):
            if not lab.get(f):
                errs.append(f"label {i}: missing {f}")
        sp = lab.get("speaker", "")
        c = norm(arts[a]).count(norm(lab["quote"]))
        if c != 1:
            errs.append(f"label {i} ({a}): quote occurs {c} times: {lab['quote']!r}")
        raw = arts[a].count(lab["quote"])
        if raw != 1:
            errs.append(f"label {i} ({a}): quote occurs {raw} times verbatim: {lab['quote']!r}")
        per.setdefault(a, []).append(norm(lab["quote"]))
    # coverage of quoted spans
    nspans = 0
    for name, b in arts.items():
        for par in re.split(r"\n\s*\n", b):
            p = norm(par)
            spans = re.findall(r'"([^"]*)(?:"|$)', p)
            for sp in spans:
                sp = sp.strip(" ,.")
                if not sp:
                    continue
                nspans += 1
                if not any(l.strip(" ,.") in sp or sp in l for l in per.get(name, [])):
                    errs.append(f"{name}: quoted span not labelled: {sp[:70]!r}")
    for e in errs:
        print("FAIL", e)
    print(f"{len(qs)} questions ({na} answer, {nd} decline); {len(labels)} labels over "
          f"{len(arts)} articles; {nspans} quoted spans; {len(errs)} failures")
    for name in arts:
        print(f"  {name}: {len(per.get(name, []))} labels, "
              f"{len(re.findall(r'[A-Za-z]+', arts[name]))} words")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
