#!/usr/bin/env python3
"""Writes N lines of mixed input for `baton triggers` (JSON lines), to stdout: conversations of one to seven
messages (customer and AI turns, AI confidence from 0.2 to 1, now and then a failed tool call, a VIP tag, a
lifetime value, Spanish and Portuguese customers), then message events that continue some of them, a CSAT
line and a line that is refused. For checking that two builds decide the same (tools/bench/same-verdicts.sh);
the file is made when needed and never committed.

Texts come from ../shared/train (BANKING77, CLINC150) and tools/train/examples, as in make_corpus.py.
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_corpus import load_texts  # noqa: E402  (the same texts in the same order)

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
texts = load_texts()
answers = ["Your order is on its way.", "I'm not sure about that.", "Could you tell me your order number?",
           "Tu pedido llega mañana.", "Sim, abrimos às 10h.", "Let me check that for you."]
rng = random.Random(20261201)


def message(role):
    if role == "customer":
        text = rng.choice(texts)
        if rng.random() < 0.05:
            text = text.upper()
        if rng.random() < 0.03:
            text = text + " " + " ".join(rng.choice(texts) for _ in range(40))
        return {"role": "customer", "text": text, "at": "2026-11-20T10:00:00Z"}
    m = {"role": "ai", "text": rng.choice(answers), "confidence": round(rng.uniform(0.2, 1.0), 2), "intent": "general"}
    if rng.random() < 0.05:
        m["tools"] = [{"name": "orders_api", "ok": False, "error": "timeout"}]
    return m


out = sys.stdout
ids = []
for i in range(count):
    kind = rng.random()
    if kind < 0.15 and ids:
        cid = rng.choice(ids)
        out.write(json.dumps({"conversation_id": cid, "message": message(rng.choice(["customer", "customer", "ai"]))},
                             ensure_ascii=False) + "\n")
        continue
    if kind < 0.16 and ids:
        out.write(json.dumps({"conversation_id": rng.choice(ids), "csat": rng.randint(1, 5)}) + "\n")
        continue
    if kind < 0.165:
        out.write('{"id": "broken-%d", "messages": [\n' % i)
        continue
    turns = rng.randint(1, 7)
    messages = [message("customer" if t % 2 == 0 else "ai") for t in range(turns)]
    customer = {"id": f"c{i}", "name": "Customer", "language": rng.choice(["en", "en", "es", "pt"]),
                "tags": ["vip"] if rng.random() < 0.03 else []}
    if rng.random() < 0.1:
        customer["ltv"] = rng.randint(0, 20_000)
    cid = f"m{i}"
    ids.append(cid)
    out.write(json.dumps({"id": cid, "channel": rng.choice(["whatsapp", "webchat"]), "customer": customer,
                          "messages": messages}, ensure_ascii=False) + "\n")
