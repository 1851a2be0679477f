#!/usr/bin/env python3
"""Writes N one-message conversations (JSON lines) for timing `baton triggers`, to stdout.

Texts come from ../shared/train (BANKING77, CLINC150) and tools/train/examples, cycled in a fixed order; the
file is made at benchmark time and never committed.
"""
import csv
import glob
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(repo, "..", "shared", "train")


def load_texts():
    """Every text of BANKING77 and CLINC150 (../shared/train), then of the hand-written examples, in a fixed order."""
    texts = []
    with open(os.path.join(shared, "banking77-train.csv"), newline="", encoding="utf-8") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    with open(os.path.join(shared, "clinc150-train.jsonl"), encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f]
    for path in sorted(glob.glob(os.path.join(repo, "tools", "train", "examples", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 55_900
    texts = load_texts()
    out = sys.stdout
    for i in range(count):
        text = texts[(i * 7919) % len(texts)]
        out.write(json.dumps({"id": f"b{i}", "channel": "whatsapp",
                              "customer": {"id": f"c{i}", "name": "Customer", "language": "en", "tags": []},
                              "messages": [{"role": "customer", "text": text, "at": "2026-11-20T10:00:00Z"}]},
                             ensure_ascii=False) + "\n")
