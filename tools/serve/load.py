#!/usr/bin/env python3
"""A small load generator for the fault scripts: posts message events from several threads until stopped (or for
--seconds), and appends the platform id of every message answered 2xx to --log. Every third conversation asks
for a human, so handoffs (and outbox events) happen.

    load.py --url http://127.0.0.1:8080 --token T --log acked.txt --seconds 3 --prefix r1
"""
import argparse
import json
import threading
import time
import urllib.error
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--url", required=True)
parser.add_argument("--token", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--seconds", type=float, default=3)
parser.add_argument("--threads", type=int, default=8)
parser.add_argument("--prefix", default="run")
args = parser.parse_args()
lock = threading.Lock()
log = open(args.log, "a", buffering=1)
deadline = time.time() + args.seconds


def worker(number):
    n = 0
    while time.time() < deadline:
        n += 1
        conversation = f"{args.prefix}-{number}-{n // 2}"
        text = "where is my parcel?" if n % 2 == 0 else ("I want to talk to a human agent" if n % 3 == 0 else "thanks, any news?")
        message_id = f"{args.prefix}-{number}-{n}"
        body = json.dumps({"customer": {"id": f"c-{conversation}"}, "message": {"id": message_id, "role": "customer", "text": text}})
        request = urllib.request.Request(f"{args.url}/v1/conversations/{conversation}/messages", data=body.encode(), method="POST",
                                         headers={"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if 200 <= response.status < 300:
                    with lock:
                        log.write(message_id + "\n")
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.01)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
