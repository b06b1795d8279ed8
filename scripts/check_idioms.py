#!/usr/bin/env python3
"""Validate idioms.tsv (and files in the same format) for Parley.

Usage: python3 scripts/check_idioms.py config/idioms.tsv [--phrases config/phrases.tsv]

Default FILE is config/idioms.tsv.  Each non-comment line must be
`phrase<TAB>meanings`:
  * phrase: lowercase words separated by single spaces; a word is made of
    a-z, 0-9, ASCII apostrophes and inner hyphens;
  * meanings: 1-4 words separated by single spaces, each word letters and
    inner hyphens only, no word repeated, no word equal to a word of the phrase;
  * no phrase may appear twice (across all files given);
  * every entry must come after a `# section: NAME ...` comment.
Comment lines start with '#'; the first line must be a comment (the header).
Blank lines are not allowed.  With --phrases PATH, phrases that also occur in
that table (e.g. config/phrases.tsv) are listed as warnings.
Prints entry counts per section and exits 1 if there is any error.
"""
import os
import re
import sys
from collections import OrderedDict

PHRASE_WORD = re.compile(r"^[a-z0-9']+(?:-[a-z0-9']+)*$")
MEANING_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def check_file(path, seen, errors):
    counts = OrderedDict()
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"{path}: cannot read as UTF-8: {exc}")
        return counts
    if "\r" in text:
        errors.append(f"{path}: contains carriage returns")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        errors.append(f"{path}: missing final newline")
    if not lines or not lines[0].startswith("#"):
        errors.append(f"{path}:1: first line must be a header comment")
    section = None
    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        if line.startswith("#"):
            m = re.match(r"^# section:\s*(\S+)", line)
            if m:
                section = m.group(1)
                counts.setdefault(section, 0)
            continue
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            errors.append(f"{where}: expected 2 tab-separated fields, got {len(fields)}: {line!r}")
            continue
        phrase, meaning = fields
        if section is None:
            errors.append(f"{where}: entry before any '# section:' line")
        else:
            counts[section] += 1
        if phrase != phrase.lower():
            errors.append(f"{where}: phrase not lowercase: {phrase!r}")
        pwords = phrase.split(" ")
        if not phrase or phrase != phrase.strip() or "" in pwords:
            errors.append(f"{where}: phrase spacing (use single spaces, no edges): {phrase!r}")
        for w in pwords:
            if w and not PHRASE_WORD.match(w):
                errors.append(f"{where}: bad phrase word {w!r} in {phrase!r}")
        if phrase in seen:
            errors.append(f"{where}: duplicate phrase {phrase!r} (first at {seen[phrase]})")
        else:
            seen[phrase] = where
        mwords = meaning.split(" ")
        if not meaning or meaning != meaning.strip() or "" in mwords:
            errors.append(f"{where}: meaning spacing (use single spaces, no edges): {meaning!r}")
            continue
        if not 1 <= len(mwords) <= 4:
            errors.append(f"{where}: {len(mwords)} meaning words (need 1-4): {meaning!r}")
        if len(set(mwords)) != len(mwords):
            errors.append(f"{where}: repeated meaning word: {meaning!r}")
        # phrase words with hyphens/apostrophes also count in their parts
        pset = set(pwords)
        for w in pwords:
            pset.update(re.split(r"[-']", w))
        for w in mwords:
            if not MEANING_WORD.match(w):
                errors.append(f"{where}: meaning word not letters/hyphens: {w!r}")
            if w in pset:
                errors.append(f"{where}: meaning word {w!r} repeats a phrase word of {phrase!r}")
    return counts


def main(argv):
    files, phrases_path = [], None
    i = 0
    while i < len(argv):
        if argv[i] == "--phrases":
            phrases_path = argv[i + 1]
            i += 2
            continue
        files.append(argv[i])
        i += 1
    if not files:
        files = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "config", "idioms.tsv")]
    errors, seen = [], {}
    grand = 0
    for path in files:
        counts = check_file(path, seen, errors)
        total = sum(counts.values())
        grand += total
        print(f"{path}:")
        for name, c in counts.items():
            print(f"  section {name}: {c}")
        print(f"  total: {total}")
    if len(files) > 1:
        print(f"all files: {grand}")
    if phrases_path:
        existing = set()
        with open(phrases_path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                existing.add(line.split("\t", 1)[0])
        overlap = sorted(p for p in seen if p in existing)
        print(f"warnings: {len(overlap)} phrase(s) also in {phrases_path}: {', '.join(overlap)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
