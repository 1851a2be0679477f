#!/usr/bin/env python3
"""Compares the receiver's log with the outbox: every event delivered, in order per conversation, duplicates
only with the same webhook-id. Prints a JSON verdict; exits 1 on any violation.

    check_deliveries.py DB accepted.jsonl
"""
import json
import sqlite3
import sys

db, path = sys.argv[1], sys.argv[2]
events = {row[0]: (row[1], row[2]) for row in sqlite3.connect(db).execute("SELECT id, thread_id, seq FROM outbox")}
accepted = [json.loads(line) for line in open(path) if line.strip()]
seen_ids = {}
order_violations = 0
last = {}
for entry in accepted:
    event_id = int(entry["id"].removeprefix("evt_"))
    conversation, sequence = events.get(event_id, (None, None))
    if (conversation, sequence) != (entry["conversation"], entry["sequence"]):
        print("delivery does not match its event:", entry, file=sys.stderr)
        order_violations += 1
    if entry["sequence"] < last.get(entry["conversation"], 0):
        order_violations += 1
    last[entry["conversation"]] = max(last.get(entry["conversation"], 0), entry["sequence"])
    seen_ids[event_id] = seen_ids.get(event_id, 0) + 1
missing = sorted(set(events) - set(seen_ids))
verdict = {"events": len(events), "deliveries": len(accepted), "missing": len(missing),
           "duplicates": sum(count - 1 for count in seen_ids.values()), "out_of_order": order_violations}
print(json.dumps(verdict))
sys.exit(1 if missing or order_violations else 0)
