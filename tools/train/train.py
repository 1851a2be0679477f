#!/usr/bin/env python3
"""Trains Baton's escalation model and writes its weights file and validation report.

    python3 tools/train/train.py                      # the shipped model (writes the weights, report, test vectors)
    python3 tools/train/train.py --extra export.jsonl # also learn from `baton export-training` files
    python3 tools/train/train.py --sample 3000 --out /tmp/m.bin --no-heldout   # a quick run (the CI test)

Reads ../shared/train (BANKING77, CLINC150; mapped in sources.py), the hand-written examples in
tools/train/examples, and --extra files. Never reads ../shared/eval. Deterministic: same inputs, same bytes.

The model: one-vs-rest logistic regression (liblinear, dual, L2) per label over hashed word 1–2 grams
and character 3–5 grams (FEATURES.md), weights quantised to int8 per label. Thresholds per label are
picked on out-of-fold predictions (5 folds) so that at most --budget of the benign messages (no label)
fire that label. Validation by source retrains without one source (a domain, a language, a public
data set) and measures on it with those thresholds.
"""

import argparse
import base64
import hashlib
import json
import math
import os
import random
import struct
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import features  # noqa: E402
import sources  # noqa: E402

MODEL_NAME = "baton-escalation"
MODEL_VERSION = 1
FORMAT_MAGIC = b"BATONMDL"
FORMAT_VERSION = 1
SEED = 20261130
# Hyper-parameters, chosen by the held-out figures (see README "Escalation model").
BITS = 18
C = 2.0
HAND_WEIGHT = 3.0
POSITIVE_WEIGHT = 2.0
NEGATIVE_RATIO = 2.0
BUDGET = 0.001
HAND_BUDGET = 0.004
MIN_THRESHOLD = 0.5
MAX_THRESHOLD = 0.98

DEFAULT_WEIGHTS = os.path.join(REPO, "Sources", "BatonCore", "Model", "EscalationWeights.swift")
DEFAULT_REPORT = os.path.join(HERE, "report.md")
DEFAULT_VECTORS = os.path.join(HERE, "testvectors.json")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- model

def label_matrix(data):
    Y = np.zeros((len(data), len(sources.LABELS)), dtype=np.int8)
    for i, d in enumerate(data):
        for label in d["labels"]:
            Y[i, sources.LABELS.index(label)] = 1
    return Y


def balanced_weights(data, Y):
    """Sample weights: hand-written and exported examples weigh HAND_WEIGHT; within each of their languages,
    messages with no label weigh more, so that they carry NEGATIVE_RATIO times the weight of the labelled ones.

    Spanish and Portuguese come only from hand-written files, where most lines carry a label; without this,
    merely writing in Spanish would look like a reason to hand off ('que', 'el', 'mi' weighing towards every label).
    """
    w = np.array([d["weight"] for d in data])
    benign = Y.sum(axis=1) == 0
    for lang in sorted({d["lang"] for d in data if d["source"] != "public"}):
        rows = np.array([d["source"] in ("hand", "export") and d["lang"] == lang for d in data])
        positive, negative = w[rows & ~benign].sum(), w[rows & benign].sum()
        if positive and negative:
            w[rows & benign] *= max(1.0, NEGATIVE_RATIO * positive / negative)
    return w


def fit(X, Y, w, c=C):
    """Float weights [labels, features] and biases [labels]."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((Y.shape[1], X.shape[1]))
    bias = np.zeros(Y.shape[1])
    for k in range(Y.shape[1]):
        y = Y[:, k]
        if y.sum() == 0:
            bias[k] = -10.0
            continue
        model = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=2000, random_state=SEED,
                                   class_weight={0: 1.0, 1: POSITIVE_WEIGHT})
        model.fit(X, y, sample_weight=w)
        coef[k] = model.coef_[0]
        bias[k] = model.intercept_[0]
    return coef, bias


def quantize(coef):
    """int8 weights [features, labels] and a scale per label."""
    scales = np.abs(coef).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    q = np.clip(np.rint(coef / scales[:, None]), -127, 127).astype(np.int8)
    return q.T.copy(), scales


def probabilities_float(coef, bias, X):
    z = X @ coef.T + bias
    return 1.0 / (1.0 + np.exp(-z))


def probabilities_quantized(q, scales, bias, texts, bits):
    """What the Swift side computes: integer sums of int8 weights, then scale / √N and the bias."""
    out = np.zeros((len(texts), q.shape[1]))
    for i, text in enumerate(texts):
        idx = sorted(set(features.indices(text, bits)))
        sums = q[idx].astype(np.int64).sum(axis=0)
        z = bias + scales * sums / math.sqrt(len(idx))
        out[i] = 1.0 / (1.0 + np.exp(-z))
    return out


# ---------------------------------------------------------------- figures

def lowest_threshold(scores, budget):
    """The lowest threshold (in thousandths) with at most `budget` of `scores` at or above it."""
    scores = np.sort(scores)[::-1]
    allowed = int(math.floor(budget * len(scores)))
    return math.floor(scores[allowed] * 1000) / 1000 + 0.001 if allowed < len(scores) else 0.0


def choose_thresholds(P, Y, budget, hand=None, hand_budget=HAND_BUDGET):
    """Per label: the lowest threshold that keeps false escalations within `budget` on all benign messages
    and within `hand_budget` on the hand-written benign ones (mostly hard negatives in chat language)."""
    benign = Y.sum(axis=1) == 0
    thresholds = []
    for k in range(Y.shape[1]):
        t = lowest_threshold(P[benign, k], budget)
        if hand is not None and (benign & hand).any():
            t = max(t, lowest_threshold(P[benign & hand, k], hand_budget))
        thresholds.append(round(float(min(MAX_THRESHOLD, max(MIN_THRESHOLD, t))), 3))
    return thresholds


def figures(P, Y, thresholds):
    """Per label and overall: positives, recall, benign messages, false-escalation rate."""
    T = np.array(thresholds)
    fired = P >= T
    benign = Y.sum(axis=1) == 0
    positive = ~benign
    result = {"labels": {}}
    for k, label in enumerate(sources.LABELS):
        pos = Y[:, k] == 1
        result["labels"][label] = {
            "positives": int(pos.sum()),
            "recalled": int((fired[:, k] & pos).sum()),
            "false": int((fired[:, k] & benign).sum()),
        }
    any_fired = fired.any(axis=1)
    right = (fired & (Y == 1)).any(axis=1)
    result["positives"] = int(positive.sum())
    result["benign"] = int(benign.sum())
    result["handoff_recalled"] = int((any_fired & positive).sum())
    result["label_recalled"] = int((right & positive).sum())
    result["false_escalations"] = int((any_fired & benign).sum())
    return result


def rate(part, whole):
    return part / whole if whole else 0.0


def summary_row(name, f):
    return (f"| {name} | {f['positives']} | {rate(f['handoff_recalled'], f['positives']):.3f} | "
            f"{rate(f['label_recalled'], f['positives']):.3f} | {f['benign']} | "
            f"{rate(f['false_escalations'], f['benign']) * 100:.2f} % |")


# ---------------------------------------------------------------- output

def weights_bytes(header, q):
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    return FORMAT_MAGIC + struct.pack("<II", FORMAT_VERSION, len(head)) + head + q.tobytes()


def write_swift(path, blob):
    encoded = base64.b64encode(blob).decode()
    lines = [encoded[i:i + 120] for i in range(0, len(encoded), 120)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by tools/train/train.py: the escalation model's weights file, base64. Do not edit.\n")
        f.write(f"// {len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}.\n\n")
        f.write("extension EscalationModel {\n")
        f.write("    /// The shipped weights file (FEATURES.md, EscalationModel.swift), base64 in lines of 120 characters.\n")
        f.write("    static let shippedBase64 = \"\"\"\n")
        for line in lines:
            f.write(line + "\n")
        f.write("\"\"\"\n}\n")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=os.path.join(REPO, "..", "shared", "train"),
                        help="folder with banking77-train.csv and clinc150-train.jsonl")
    parser.add_argument("--examples", nargs="*", default=None, help="hand-written example files (default: tools/train/examples/*.jsonl)")
    parser.add_argument("--extra", nargs="*", default=[], help="files from `baton export-training`")
    parser.add_argument("--out", default=DEFAULT_WEIGHTS, help="weights: a .swift file (base64) or any other name (raw bytes)")
    parser.add_argument("--report", default=DEFAULT_REPORT)
    parser.add_argument("--vectors", default=DEFAULT_VECTORS)
    parser.add_argument("--sample", type=int, default=0, help="train on a random sample of this many public messages")
    parser.add_argument("--no-heldout", action="store_true", help="skip validation by source")
    parser.add_argument("--bits", type=int, default=BITS)
    args = parser.parse_args()

    started = time.time()
    shared = os.path.normpath(args.shared)
    if "eval" in os.path.normpath(shared).split(os.sep):
        raise SystemExit("refusing to train on the evaluation folder")
    public = sources.load_banking77(shared) + sources.load_clinc150(shared)
    if args.sample:
        rng = random.Random(SEED)
        public = rng.sample(public, min(args.sample, len(public)))
    hand_files = args.examples if args.examples is not None else sources.hand_written_files(REPO)
    hand = sources.load_examples(hand_files, "hand", HAND_WEIGHT)
    extra = sources.load_examples(args.extra, "export", HAND_WEIGHT) if args.extra else []
    data = public + hand + extra
    log(f"{len(public)} public, {len(hand)} hand-written, {len(extra)} exported examples")

    texts = [d["text"] for d in data]
    X = features.vectorize(texts, args.bits)
    Y = label_matrix(data)
    w = balanced_weights(data, Y)
    log(f"features in {time.time() - started:.0f}s")

    # Out-of-fold predictions for the thresholds.
    rng = np.random.RandomState(SEED)
    fold = rng.randint(0, 5, size=len(data))
    P_oof = np.zeros(Y.shape, dtype=np.float64)
    for f in range(5):
        train, test = fold != f, fold == f
        coef, bias = fit(X[train], Y[train], w[train])
        P_oof[test] = probabilities_float(coef, bias, X[test])
    hand_rows = np.array([d["source"] in ("hand", "export") for d in data])
    thresholds = choose_thresholds(P_oof, Y, BUDGET, hand_rows)
    oof = figures(P_oof, Y, thresholds)
    log(f"thresholds {dict(zip(sources.LABELS, thresholds))} in {time.time() - started:.0f}s")

    # Validation by source: train without one source, measure on it.
    heldout = []
    if not args.no_heldout:
        groups = np.array([d["source"] for d in data])
        domains = np.array([d["domain"] if d["source"] == "hand" else "" for d in data])
        langs = np.array([d["lang"] if d["source"] == "hand" else "" for d in data])
        experiments = [("BANKING77 (trained without it)", groups == "banking77"),
                       ("CLINC150 (trained without it)", groups == "clinc150")]
        clinc_banking = np.array([d["source"] == "clinc150" and d["domain"] == "banking" for d in data])
        experiments.append(("CLINC150 banking and credit-card intents (trained without CLINC150)", clinc_banking))
        for lang in ("es", "pt"):
            experiments.append((f"hand-written {lang} (trained without {lang})", langs == lang))
        for domain in sorted(set(domains) - {""}):
            experiments.append((f"hand-written {domain}, all languages (trained without it)", domains == domain))
        for name, test in experiments:
            if test.sum() == 0:
                continue
            train = ~test
            if "without CLINC150" in name:
                train = groups != "clinc150"
            coef, bias = fit(X[train], Y[train], w[train])
            P = probabilities_float(coef, bias, X[test])
            heldout.append((name, figures(P, Y[test], thresholds)))
            log(f"held out {name}: {summary_row(name, heldout[-1][1])}")

    # The shipped model: everything.
    coef, bias = fit(X, Y, w)
    q, scales = quantize(coef)
    P_float = probabilities_float(coef, bias, X)
    P_q = probabilities_quantized(q, scales, bias, texts, args.bits)
    drift = float(np.abs(P_float - P_q).max())
    log(f"quantisation: largest probability change {drift:.4f}")
    shipped = {}
    for source in ("banking77", "clinc150", "hand", "export"):
        rows = np.array([d["source"] == source for d in data])
        if rows.sum():
            shipped[source] = figures(P_q[rows], Y[rows], thresholds)

    header = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "feature_version": features.FEATURE_VERSION,
        "bits": args.bits,
        "labels": sources.LABELS,
        "thresholds": thresholds,
        "scales": [float(s) for s in scales],
        "biases": [float(b) for b in bias],
        # How public intents map to labels ("" negative, null left out), so a test can recompute "shipped".
        "sources": {"banking77": sources.BANKING77, "clinc150": sources.CLINC150},
        "training": {
            "public": len(public), "hand_written": len(hand), "exported": len(extra), "sample": args.sample,
            "c": C, "hand_weight": HAND_WEIGHT, "positive_weight": POSITIVE_WEIGHT, "budget": BUDGET, "hand_budget": HAND_BUDGET,
        },
        # The shipped (quantised) weights on their training sources: a test recomputes these from the weights.
        "validation": {"shipped": shipped, "out_of_fold": oof,
                       "held_out": [{"name": n, **f} for n, f in heldout]},
    }
    blob = weights_bytes(header, q)
    if args.out.endswith(".swift"):
        write_swift(args.out, blob)
    else:
        with open(args.out, "wb") as f:
            f.write(blob)
    log(f"wrote {args.out}: {len(blob)} bytes")

    def predict(text):
        return [float(p) for p in probabilities_quantized(q, scales, bias, [text], args.bits)[0]]

    if args.vectors:
        features.write_vectors(args.vectors, {"bits": args.bits, "labels": sources.LABELS, "predict": predict})
    if args.report:
        write_report(args.report, header, oof, heldout, shipped, thresholds, drift)
    log(f"done in {time.time() - started:.0f}s")


def write_report(path, header, oof, heldout, shipped, thresholds, drift):
    lines = [f"# {MODEL_NAME} v{MODEL_VERSION}: validation report",
             "",
             "Written by `tools/train/train.py`. A message counts as recalled when any label fires (handoff) and as",
             "labelled right when one of its own labels fires; a false escalation is a message with no label on which",
             "any label fires. Thresholds were picked on out-of-fold predictions (5 folds) for at most "
             f"{BUDGET * 100:.1f} % false escalations per label on all benign messages and {HAND_BUDGET * 100:.1f} % on",
             "the hand-written benign ones (mostly hard negatives).",
             "",
             "## Validation by source (trained without the source, measured on it)",
             "",
             "| held-out source | must hand off | recall | right label | must not | false escalations |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, f in heldout:
        lines.append(summary_row(name, f))
    lines += ["", "## Out-of-fold (5 folds over all sources)", "",
              "| label | threshold | positives | recall | false escalations on benign |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for k, label in enumerate(sources.LABELS):
        f = oof["labels"][label]
        lines.append(f"| {label} | {thresholds[k]:.3f} | {f['positives']} | {rate(f['recalled'], f['positives']):.3f} | "
                     f"{f['false']} of {oof['benign']} |")
    lines += ["", "| all labels | | " + summary_row("", oof).split("|", 2)[2].strip(), ""]
    lines += ["## The shipped weights on their training sources", "",
              "| source | must hand off | recall | right label | must not | false escalations |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for source, f in shipped.items():
        lines.append(summary_row(source, f))
    lines += ["", f"int8 quantisation changes no probability by more than {drift:.4f}.", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
