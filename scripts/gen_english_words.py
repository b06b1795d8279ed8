#!/usr/bin/env python3
"""Writes the two English tables the engine reads for salience and for bridging wordings.

config/english_words.tsv, one line a word: the word (lowercase), its Zipf frequency (log10 of
uses per billion words: 7 is "the", 4 about once in 100,000 words, under 3 rare) and the part of
speech WordNet's sense-tagged counts give it most often (n noun, v verb, a adjective, r adverb,
- when WordNet does not know it), and for a noun the lexicographer class of its most used sense
(cognition, feeling, relation, artifact, substance, ...; - for other words). A common English word that is not mainly a noun ("considered",
"even", "allowed") says little about what the question is about; a noun or a rare word ("oil",
"casualties", "referendum") names its subject.

config/inflections.tsv, one line an irregular inflection and its lemma ("came" come): joined
before stemming, since a stemmer cannot see that "came" is "come".

config/phrases.tsv, one line a verb phrase of WordNet ("hand over", "call off", "turn up the
heat") and the words its senses mean (deliver, cancel, pressure).

config/relations.tsv, one line a word: the word, then the related words a reader would accept in
its place, each with its relation: `s` synonym (same WordNet sense, among the word's most used
senses), `d` derived form (cancel / cancellation, join / joiner, exchange / exchanger) or `h`
hypernym, the kind of thing a noun's most used sense is (detainee / prisoner). Only
words of the frequency list are kept on either side, so the table stays small and free of
jargon.

Sources (packaged, maintained):
- `wordfreq` (PyPI; code MIT, data CC BY-SA 4.0): `pip install wordfreq`.
- WordNet 3.0 from Debian's `wordnet-base` package (WordNet licence, Princeton):
  `apt-get install wordnet-base`, read from /usr/share/wordnet.
See config/english.LICENSE. Run: python3 scripts/gen_english_words.py
"""
import collections
import os
import re
import sys

from wordfreq import top_n_list, zipf_frequency

N = 40000
WN = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
# Senses kept per word and part of speech: WordNet lists a word's senses most used first.
SENSES = 2
MAX_RELATED = 12
# Senses of a noun whose hypernyms are kept (its most used only: "memo" is a note, not a
# document's every kind).
HYPERNYM_SENSES = 1
# A hypernym this common or more is too general to stand in for a word.
HYPERNYM_MAX_ZIPF = 5.0
# Senses read for a verb phrase ("pull out" withdraws only in its third).
PHRASE_SENSES = 3


def read_index():
    """lemma -> pos -> [synset offsets], most used sense first."""
    idx = collections.defaultdict(dict)
    for pos, name in POS.items():
        with open(os.path.join(WN, f"index.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split()
                lemma, n_syn, n_ptr = p[0], int(p[2]), int(p[3])
                offsets = p[4 + n_ptr + 2:]
                idx[lemma][pos] = offsets[:n_syn]
    return idx


def read_data():
    """(pos, offset) -> (words, [(pointer, pos, offset, source, target)])."""
    data = {}
    for pos, name in POS.items():
        with open(os.path.join(WN, f"data.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split(" | ")[0].split()
                off, n_w = p[0], int(p[3], 16)
                words = [re.sub(r"\(.*\)$", "", p[4 + 2 * i]).lower() for i in range(n_w)]
                k = 4 + 2 * n_w
                n_ptr = int(p[k])
                ptrs = []
                for j in range(n_ptr):
                    sym, o, ps, st = p[k + 1 + 4 * j: k + 5 + 4 * j]
                    ptrs.append((sym, "a" if ps == "s" else ps, o, int(st[:2], 16), int(st[2:], 16)))
                data[(pos, off)] = (words, ptrs)
    return data


def read_counts():
    """(lemma, pos) -> how often a sense-tagged corpus used it."""
    cnt = collections.Counter()
    with open(os.path.join(WN, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, n = line.split()
            lemma, rest = key.split("%")
            cnt[(lemma, SS_TYPE[rest[0]])] += int(n)
    return cnt


def read_exceptions():
    exc = {}
    for pos, name in POS.items():
        with open(os.path.join(WN, f"{name}.exc"), encoding="latin-1") as f:
            for line in f:
                p = line.split()
                exc.setdefault((p[0], pos), p[1])
    return exc


RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


def base_forms(word, idx, exc):
    """WordNet's own morphology: the lemmas a word form may be, by part of speech."""
    out = []
    for pos in POS:
        if (word, pos) in exc and pos in idx.get(exc[(word, pos)], {}):
            out.append((exc[(word, pos)], pos))
        if pos in idx.get(word, {}):
            out.append((word, pos))
            continue
        for suf, rep in RULES[pos]:
            if word.endswith(suf) and len(word) > len(suf) + 1:
                b = word[: len(word) - len(suf)] + rep
                if pos in idx.get(b, {}):
                    out.append((b, pos))
                    break
    return out


LEXNAMES = ("Tops act animal artifact attribute body cognition communication event feeling food "
            "group location motive object person phenomenon plant possession process quantity "
            "relation shape state substance time").split()


def noun_class(forms, idx, data_lex):
    """The lexicographer class (noun.cognition -> cognition) of a noun's most used sense."""
    for b, pos in forms:
        if pos == "n" and idx[b]["n"]:
            return LEXNAMES[data_lex[idx[b]["n"][0]] - 3]
    return "-"


def read_noun_lex():
    """noun synset offset -> its lexicographer file number."""
    lex = {}
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                p = line.split(None, 2)
                lex[p[0]] = int(p[1])
    return lex


def pos_of(forms, cnt):
    """The part of speech a word form is most used as, by WordNet's tagged counts."""
    by_pos = collections.Counter()
    for b, pos in forms:
        by_pos[pos] += cnt[(b, pos)] + 1
    return by_pos.most_common(1)[0][0] if by_pos else "-"


def pos_shares(forms, cnt):
    """Each part of speech's share of a word form's tagged uses."""
    by_pos = collections.Counter()
    for b, pos in forms:
        by_pos[pos] += cnt[(b, pos)] + 1
    total = sum(by_pos.values()) or 1
    return {p: n / total for p, n in by_pos.items()}


def main():
    idx, data, cnt, exc = read_index(), read_data(), read_counts(), read_exceptions()
    noun_lex = read_noun_lex()
    words = []
    seen = set()
    for w in top_n_list("en", N):
        w = w.replace("\u2019", "'")
        if WORD.match(w) and w not in seen:
            seen.add(w)
            words.append(w)
    known = set(words)
    with open(os.path.join(ROOT, "config", "english_words.tsv"), "w") as out:
        out.write("# word\tzipf\tpos\tnoun class  (generated by scripts/gen_english_words.py; see config/english.LICENSE)\n")
        for w in words:
            forms = base_forms(w, idx, exc)
            pos = pos_of(forms, cnt)
            cls = noun_class(forms, idx, noun_lex) if pos == "n" else "-"
            out.write(f"{w}\t{zipf_frequency(w, 'en'):.2f}\t{pos}\t{cls}\n")
    with open(os.path.join(ROOT, "config", "relations.tsv"), "w") as out:
        out.write("# word\trelated:kind ...  (s synonym, d derived form, h hypernym; generated by scripts/gen_english_words.py from WordNet 3.0)\n")
        lines = 0
        for w in words:
            if len(w) < 3:
                continue
            rel = {}
            forms = base_forms(w, idx, exc)
            used = pos_shares(forms, cnt)
            for b, pos in forms:
                for off in idx[b][pos][:SENSES]:
                    syn_words, ptrs = data[(pos, off)]
                    # Synonyms only in the parts of speech the word is used as at least a
                    # quarter of the time: "even" the adverb is not "level" the adjective.
                    for s in syn_words if used.get(pos, 0) >= 0.25 else []:
                        if s in known and s != w and s != b and "_" not in s:
                            rel.setdefault(s, "s")
                    my = syn_words.index(b) + 1 if b in syn_words else 0
                    for sym, ps, o, src, tgt in ptrs:
                        if sym != "+" or (src and src != my):
                            continue
                        tw = data[(ps, o)][0][tgt - 1] if tgt else None
                        if tw and tw in known and tw != w and "_" not in tw:
                            rel.setdefault(tw, "d")
            # The kind of thing a noun's most used sense is (its WordNet hypernym): a reader
            # accepts "prisoner" for "detainee", "farmer" for "grower", "leader" for
            # "politician". One level up, first sense only, single words of the list.
            for b, pos in forms if pos_of(forms, cnt) == "n" else []:
                if pos != "n":
                    continue
                for off in idx[b]["n"][:HYPERNYM_SENSES]:
                    for sym, ps, o, src, tgt in data[("n", off)][1]:
                        if sym not in ("@", "@i"):
                            continue
                        for hw in data[(ps, o)][0]:
                            # An everyday kind ("action", "group", "case") says too little.
                            if (hw in known and hw != w and hw != b and "_" not in hw
                                    and zipf_frequency(hw, "en") < HYPERNYM_MAX_ZIPF):
                                rel.setdefault(hw, "h")
            if rel:
                items = sorted(rel.items(), key=lambda x: ("dsh".index(x[1]), -zipf_frequency(x[0], "en")))[:MAX_RELATED]
                out.write(w + "\t" + " ".join(f"{r}:{k}" for r, k in items) + "\n")
                lines += 1
    print(f"{len(words)} words, {lines} with relations", file=sys.stderr)
    # Irregular inflections ("came" -> come, "went" -> go, "children" -> child), from WordNet's
    # exception lists: the stemmer cannot join them, this table does. A form that is itself a
    # WordNet noun or verb ("left", "saw", "ground", "spoke") is left out, so a word is never
    # read as another one; so are forms and lemmas outside the frequency list.
    with open(os.path.join(ROOT, "config", "inflections.tsv"), "w") as out:
        out.write("# form\tlemma  (irregular inflections from WordNet 3.0's exception lists; generated by scripts/gen_english_words.py)\n")
        pairs = {}
        for (form, pos), lemma in sorted(exc.items()):
            if pos not in ("n", "v") or form == lemma or "_" in form or "_" in lemma:
                continue
            # A participle WordNet also lists as an adjective ("held", "lost") is still the verb.
            own = idx.get(form, {})
            if form not in known or lemma not in known or len(form) < 3 or "n" in own or "v" in own:
                continue
            if pos not in idx.get(lemma, {}):
                continue
            pairs.setdefault(form, lemma)
        for form, lemma in sorted(pairs.items()):
            out.write(f"{form}\t{lemma}\n")
    print(f"{len(pairs)} irregular inflections", file=sys.stderr)
    # Phrasal verbs and verb idioms ("hand over", "call off", "turn up the heat"): their words
    # mean nothing apart, so a question using one is bridged through what the whole means
    # (its WordNet synonyms: deliver, cancel; and the last word of a multi-word synonym, when
    # not an everyday word: turn up the pressure -> pressure).
    with open(os.path.join(ROOT, "config", "phrases.tsv"), "w") as out:
        out.write("# phrase\trelated ...  (verb phrases and adjective and adverb idioms of WordNet 3.0 and their synonyms; generated by scripts/gen_english_words.py)\n")
        kept = 0
        for lemma in sorted(idx):
            parts = lemma.split("_")
            # Verb phrases, and the adjective and adverb idioms WordNet lists with a sense of
            # their own ("on the table", "at odds", "behind the scenes"); not noun compounds
            # ("prime minister", "buffer zone"), whose words keep their own meaning.
            kinds = [k for k in ("v", "a", "r") if k in idx[lemma]]
            if not 2 <= len(parts) <= 4 or not kinds:
                continue
            if not all(w in known for w in parts):
                continue
            rel = []
            for kind, off in [(k, o) for k in kinds for o in idx[lemma][k][:PHRASE_SENSES]]:
                for s in data[(kind, off)][0]:
                    words = s.split("_")
                    if s == lemma:
                        continue
                    if len(words) == 1:
                        cands = [s] if zipf_frequency(s, "en") < 6.0 else []
                    else:
                        # A multi-word synonym's head word, when it is not an everyday one.
                        head = words[-1]
                        cands = [head] if head not in parts and zipf_frequency(head, "en") < 5.3 else []
                    for w in cands:
                        if w in known and len(w) >= 3 and w not in parts and w not in rel:
                            rel.append(w)
            if rel:
                out.write(" ".join(parts) + "\t" + " ".join(rel[:MAX_RELATED]) + "\n")
                kept += 1
    print(f"{kept} phrases", file=sys.stderr)


if __name__ == "__main__":
    main()
