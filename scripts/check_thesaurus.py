#!/usr/bin/env python3
"""Check config/news_thesaurus.tsv (python3 scripts/check_thesaurus.py): format, duplicates, sections; also flag overlap with
config/idioms.tsv heads and entries that merely repeat a language.toml synonym group."""
import re, sys, collections, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PATH = os.path.join(ROOT, "config", "news_thesaurus.tsv")
IDIOMS = os.path.join(ROOT, "config", "idioms.tsv")
LANG = os.path.join(ROOT, "config", "language.toml")
HEAD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

errors = []
counts = collections.OrderedDict()
heads = {}
section = None
first_nonblank = True

idiom_heads = set()
if os.path.exists(IDIOMS):
    for line in open(IDIOMS, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        idiom_heads.add(line.split("\t", 1)[0].strip())

groups = []
if os.path.exists(LANG):
    lines = open(LANG, encoding="utf-8").read().splitlines()[218:262]
    text = "\n".join(lines)
    for g in re.findall(r"\[([^\[\]]*)\]", text):
        groups.append(set(re.findall(r'"([^"]*)"', g)))

with open(PATH, encoding="utf-8") as f:
    for n, raw in enumerate(f, 1):
        line = raw.rstrip("\n")
        if line.endswith("\r"):
            errors.append(f"{n}: CR line ending")
            line = line.rstrip("\r")
        if not line.strip():
            continue
        if first_nonblank:
            first_nonblank = False
            if not line.startswith("#") or line.startswith("# section:"):
                errors.append(f"{n}: file must start with a header comment")
        if line.startswith("#"):
            m = re.match(r"^# section: (\S.*)$", line)
            if m:
                section = m.group(1).strip()
                if section in counts:
                    errors.append(f"{n}: section {section!r} repeated")
                counts.setdefault(section, 0)
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            errors.append(f"{n}: expected 2 tab-separated fields, got {len(parts)}: {line!r}")
            continue
        head, rel = parts
        if not HEAD_RE.match(head):
            errors.append(f"{n}: bad head {head!r}")
        if section is None:
            errors.append(f"{n}: entry before any section marker")
        if head in heads:
            errors.append(f"{n}: duplicate head {head!r} (first on line {heads[head]})")
        else:
            heads[head] = n
        if rel != rel.strip() or "  " in rel:
            errors.append(f"{n}: related words must be separated by single spaces")
        words = rel.split(" ")
        if not 2 <= len(words) <= 6:
            errors.append(f"{n}: {head!r} has {len(words)} related words (need 2-6)")
        if len(set(words)) != len(words):
            errors.append(f"{n}: {head!r} repeats a related word")
        for w in words:
            if not WORD_RE.match(w):
                errors.append(f"{n}: bad related word {w!r}")
            if w == head:
                errors.append(f"{n}: related word equals head {head!r}")
        if head in idiom_heads:
            errors.append(f"{n}: head {head!r} already in idioms.tsv")
        for g in groups:
            if head in g and all(w in g for w in words):
                errors.append(f"{n}: {head!r} only repeats a language.toml synonym group")
                break
        if section is not None:
            counts[section] += 1

for s, c in counts.items():
    print(f"{s}\t{c}")
print(f"TOTAL\t{sum(counts.values())}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
