#!/usr/bin/env python3
"""A Python keyword-plus-VADER escalation baseline: what `baton triggers` is measured against.

Reads conversations (JSON lines) on stdin and prints one JSON line each: handoff, the message it fires on,
the trigger and the per-message VADER compound score. Keywords for requests for a person, policy topics and
buying intent; VADER compound ≤ -0.6 for sentiment.
"""
import json
import re
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

KEYWORDS = {
    "explicit_request": r"\b(human|agent|person|representative|supervisor|manager|someone real|real person|persona|humano|atendente|pessoa)\b",
    "policy_topic": r"\b(refund|chargeback|dispute|lawyer|sue|court|gdpr|delete my data|hacked|fraud|stolen|scam|locked out|cancel my|reembolso|estorno|robaron|roubaram)\b",
    "buying_intent": r"\b(quote|bulk|wholesale|enterprise|seats|licenses|licences|cotizaci[oó]n|or[cç]amento)\b",
}
PATTERNS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in KEYWORDS.items()}
analyzer = SentimentIntensityAnalyzer()

out = sys.stdout
for line in sys.stdin:
    if not line.strip():
        continue
    conversation = json.loads(line)
    verdict = {"id": conversation["id"], "handoff": False, "at": None, "trigger": None, "sentiment": []}
    for index, message in enumerate(conversation["messages"]):
        if message.get("role") != "customer":
            continue
        score = analyzer.polarity_scores(message["text"])["compound"]
        verdict["sentiment"].append(round(score, 3))
        if verdict["handoff"]:
            continue
        for kind, pattern in PATTERNS.items():
            if pattern.search(message["text"]):
                verdict.update(handoff=True, at=index, trigger=kind)
                break
        else:
            if score <= -0.6:
                verdict.update(handoff=True, at=index, trigger="sentiment")
    out.write(json.dumps(verdict) + "\n")
