#!/usr/bin/env python3
"""Fits the decline floors of `config/engine.toml` by leave-one-set-out cross-validation.

The floors are the share of a question's subject the best sentence must cover before search
answers (`[coverage] search_with_slots`, `search_words_only`), and the weight an absent common
noun carries (`absent_common_noun`). Each fold holds one of the four question sets of
`tests/eval/` out, picks the grid point with the most questions right on the other three, and
scores that point on the held-out set: the held-out scores say how well a fitted floor carries
to questions it was not fitted on. The last line fits on all four sets.

Ties among grid points are broken towards the middle of the plateau they share (the mean of
the tied points, rounded to the grid), so a fitted value does not sit on the edge of a cliff.

Usage: python3 scripts/fit_floors.py [--parley target/release/parley]
Needs a release build (`cargo build --release`); each grid point runs `parley eval` four
times (about 0.1 s each).
"""
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SETS = [
    ("external-seed", "knowledge/articles"),
    ("external-fiction", "tests/eval/external-fiction/articles"),
    ("own-casual", "knowledge/articles"),
    ("own-multi", "tests/eval/own-multi/articles"),
]
GRID = {
    "search_with_slots": [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
    "search_words_only": [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8],
    "absent_common_noun": [0.5, 0.75, 1.0, 1.25],
}
SCORE = re.compile(r"^score [0-9.]+ \((\d+) of (\d+)")


def parley():
    if "--parley" in sys.argv:
        return sys.argv[sys.argv.index("--parley") + 1]
    return os.path.join(ROOT, "target/release/parley")


def write_config(base, dir_, point):
    """Copies `base` (config/ as it was at the start) to dir_ with `point`'s values set in
    engine.toml's [coverage]."""
    if os.path.exists(dir_):
        shutil.rmtree(dir_)
    shutil.copytree(base, dir_)
    path = os.path.join(dir_, "engine.toml")
    text = open(path, encoding="utf-8").read()
    for key, value in point.items():
        text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
        if n != 1:
            sys.exit(f"engine.toml has {n} lines for {key}; expected one")
    open(path, "w", encoding="utf-8").write(text)


def right_per_set(exe, config):
    """Questions right, per set: {set: (right, total)}."""
    out = {}
    for name, articles in SETS:
        run = subprocess.run(
            [exe, "eval", "--questions", f"tests/eval/{name}/questions.jsonl",
             "--articles", articles, "--config", config],
            cwd=ROOT, capture_output=True, text=True, check=True)
        m = SCORE.match(run.stdout)
        if not m:
            sys.exit(f"no score line from parley eval on {name}: {run.stdout[:200]}")
        out[name] = (int(m.group(1)), int(m.group(2)))
    return out


def pick(points, results, sets):
    """The grid point with the most questions right on `sets`, tie broken to the plateau's middle."""
    right = [sum(results[i][s][0] for s in sets) for i in range(len(points))]
    best = max(right)
    tied = [points[i] for i in range(len(points)) if right[i] == best]
    centre = {k: sum(p[k] for p in tied) / len(tied) for k in GRID}
    return min(tied, key=lambda p: sum(abs(p[k] - centre[k]) for k in GRID)), best


def main():
    exe = parley()
    keys = list(GRID)
    points = [dict(zip(keys, vals)) for vals in itertools.product(*(GRID[k] for k in keys))]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        # One copy of config/ taken now: an edit made while the grid runs does not leak in.
        base = os.path.join(tmp, "base")
        shutil.copytree(os.path.join(ROOT, "config"), base)
        config = os.path.join(tmp, "config")
        for n, point in enumerate(points):
            write_config(base, config, point)
            results.append(right_per_set(exe, config))
            if n % 50 == 0:
                print(f"... {n} of {len(points)} grid points", file=sys.stderr)
    names = [s for s, _ in SETS]
    print("| held out | fitted on the other three | right there | held-out score |")
    print("|---|---|---:|---:|")
    for held in names:
        others = [s for s in names if s != held]
        point, best = pick(points, results, others)
        i = points.index(point)
        right, total = results[i][held]
        shown = ", ".join(f"{k} {v}" for k, v in point.items())
        print(f"| {held} | {shown} | {best} | {right / total:.3f} ({right}/{total}) |")
    point, best = pick(points, results, names)
    i = points.index(point)
    shown = ", ".join(f"{k} {v}" for k, v in point.items())
    per = ", ".join(f"{s} {results[i][s][0]}/{results[i][s][1]}" for s in names)
    print(f"\nfitted on all four: {shown} ({best} right: {per})")


if __name__ == "__main__":
    main()
