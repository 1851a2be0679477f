"""Text features of the escalation model, version 1: the Python side of tools/train/FEATURES.md.

Sources/BatonCore/Model/FeatureHasher.swift is the Swift side. `python3 features.py --vectors OUT`
writes the test vectors a Swift test checks both against (see FEATURES.md).
"""

import math

FEATURE_VERSION = 2
MAX_WORD_BYTES = 32
MAX_TOKENS = 128
FNV_OFFSET = 2166136261
FNV_PRIME = 16777619

# U+00C0 … U+017F folded to lower-case ASCII; "" separates (× ÷).
LATIN_FOLD = (
    # U+00C0 … U+00FF
    "a a a a a a ae c e e e e i i i i "
    "d n o o o o o _ o u u u u y th ss "
    "a a a a a a ae c e e e e i i i i "
    "d n o o o o o _ o u u u u y th y "
    # U+0100 … U+017F
    "a a a a a a c c c c c c c c d d "
    "d d e e e e e e e e e e g g g g "
    "g g g g h h h h i i i i i i i i "
    "i i ij ij j j k k k l l l l l l l "
    "l l l n n n n n n n n n o o o o "
    "o o oe oe r r r r r r s s s s s s "
    "s s t t t t t t u u u u u u u u "
    "u u u u w w y y y z z z z z z s"
).split()
assert len(LATIN_FOLD) == 0x180 - 0xC0
LATIN_FOLD = ["" if f == "_" else f for f in LATIN_FOLD]

OTHER_SCRIPTS = [
    (0x0180, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x0530, 0x06FF), (0x0900, 0x0DFF),
    (0x0E00, 0x0E7F), (0x1100, 0x11FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
]
EMOJI = [(0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF)]
IGNORED = {0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0xFE0E, 0xFE0F, 0x200D}

WORD, EMOJI_TOKEN, MARK = 0, 1, 2
ASCII_LETTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _in(ranges, v):
    for lo, hi in ranges:
        if lo <= v <= hi:
            return True
    return False


def tokenize(text):
    """The tokens of `text` as (bytes, kind) pairs, kind WORD, EMOJI_TOKEN or MARK (? and !)."""
    tokens = []
    word = bytearray()
    kept = 0  # bytes kept in the word so far (≤ MAX_WORD_BYTES)

    def add_byte(b):
        nonlocal kept
        # A byte equal to the two before it is dropped (runs of three or more become two).
        if len(word) >= 2 and word[-1] == b and word[-2] == b:
            return
        if len(word) < MAX_WORD_BYTES:
            word.append(b)

    def flush():
        if word:
            tokens.append((bytes(word), WORD))
            word.clear()

    def mark(m):
        flush()
        if not tokens or tokens[-1] != (m, MARK):
            tokens.append((m, MARK))

    for position, ch in enumerate(text):
        v = ord(ch)
        if v == 0x2D and word and position + 1 < len(text) and text[position + 1] in ASCII_LETTERS:
            continue  # a hyphen inside a word joins: e-mail, log-in, human-readable
        if 0x41 <= v <= 0x5A:
            add_byte(v + 32)
        elif 0x61 <= v <= 0x7A:
            add_byte(v)
        elif 0x30 <= v <= 0x39:
            add_byte(0x30)
        elif 0xC0 <= v <= 0x17F:
            folded = LATIN_FOLD[v - 0xC0]
            if folded:
                for b in folded.encode():
                    add_byte(b)
            else:
                flush()
        elif 0x300 <= v <= 0x36F or v in IGNORED or 0x1F3FB <= v <= 0x1F3FF:
            continue
        elif _in(EMOJI, v):
            flush()
            tokens.append((ch.encode(), EMOJI_TOKEN))
        elif v == 0x3F:
            mark(b"?")
        elif v == 0x21:
            mark(b"!")
        elif _in(OTHER_SCRIPTS, v):
            for b in ch.encode():
                add_byte(b)
        else:
            flush()
    flush()
    return tokens[:MAX_TOKENS]


def feature_strings(tokens):
    """Every feature occurrence of a token list, as byte strings, in the order FEATURES.md gives."""
    out = []
    for t, _ in tokens:
        out.append(b"u:" + t)
    seq = [b"^"] + [t for t, _ in tokens] + [b"$"]
    for a, b in zip(seq, seq[1:]):
        out.append(b"b:" + a + b" " + b)
    for t, kind in tokens:
        if kind != WORD:
            continue
        padded = b"<" + t + b">"
        for n in (3, 4, 5):
            for i in range(0, len(padded) - n + 1):
                out.append(b"c:" + padded[i:i + n])
    return out


def fnv1a(data):
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def indices(text, bits):
    """Feature indices of `text` (with repeats), for a table of 2^bits rows."""
    mask = (1 << bits) - 1
    return [fnv1a(f) & mask for f in feature_strings(tokenize(text))]


def vectorize(texts, bits):
    """A scipy CSR matrix of the texts' feature values (1 / √N for each distinct row, N the distinct rows)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    indptr = [0]
    cols = []
    vals = []
    for text in texts:
        rows = sorted(set(indices(text, bits)))
        scale = 1.0 / math.sqrt(len(rows))
        for i in rows:
            cols.append(i)
            vals.append(scale)
        indptr.append(len(cols))
    return csr_matrix((np.array(vals, dtype=np.float64), np.array(cols, dtype=np.int64), np.array(indptr)),
                      shape=(len(texts), 1 << bits))


# Texts for the test vectors: casing, accents (composed and decomposed), apostrophes, elongation, digits,
# emoji with skin tones and joiners, punctuation runs, other scripts, long words, empty text.
VECTOR_TEXTS = [
    "I want to talk to a person",
    "HEEEELP!!! pleaseeee???",
    "Quiero hablar con un ejecutivo, ¿me pasás?",
    "não consigo acessar minha conta",
    "Cafe\u0301 déjà vu – œuvre, Straße, Łódź",
    "don't ‘quote’ me ʼplsʼ",
    "80 laptops for 1,000 employees (2.5x)",
    "😡😡 this is useless 👎🏽 👨‍👩‍👧",
    "",
    "   ...   ",
    "Привет мир ΑΒΓ 日本語 한국어",
    "supercalifragilisticexpialidociousandthensomemore letters",
    "a b c ? ! ?? !! ?!",
    "my card was stolen, I need to block it NOW",
    "×÷ 3×4",
    "tem alguma pessoa de verdade ai?",
    "a human-readable e-mail - log-in -x x- 3-d",
]


def write_vectors(path, model):
    """Test vectors: each text's tokens (hex), feature rows (sorted, with repeats) and the model's probabilities."""
    import json

    cases = []
    for text in VECTOR_TEXTS:
        cases.append({
            "text": text,
            "tokens": [t.hex() for t, _ in tokenize(text)],
            "indices": sorted(indices(text, model["bits"])),
            "probabilities": model["predict"](text),
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"feature_version": FEATURE_VERSION, "bits": model["bits"], "labels": model["labels"],
                   "cases": cases}, f, ensure_ascii=False)
        f.write("\n")
