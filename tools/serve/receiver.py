#!/usr/bin/env python3
"""A webhook receiver for the fault scripts: verifies Standard Webhooks signatures, fails a share of deliveries at
random (500), can be told to be down for a while, and logs every delivery it accepted as a JSON line:
{"id": webhook-id, "conversation": ..., "sequence": ..., "type": ...}.

    receiver.py --port 9090 --secret whsec_... --fail 0.3 --log accepted.jsonl [--down-after 20 --down-for 60]
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import random
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--secret", required=True)
parser.add_argument("--fail", type=float, default=0.0, help="share of deliveries answered 500")
parser.add_argument("--log", required=True)
parser.add_argument("--down-after", type=float, default=None, help="seconds after start to go down")
parser.add_argument("--down-for", type=float, default=60)
args = parser.parse_args()
key = base64.b64decode(args.secret[6:]) if args.secret.startswith("whsec_") else args.secret.encode()
lock = threading.Lock()
log = open(args.log, "a", buffering=1)
started = time.time()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, status):
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        signed = f"{self.headers['webhook-id']}.{self.headers['webhook-timestamp']}.".encode() + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        if not any(part == "v1," + expected for part in self.headers.get("webhook-signature", "").split(" ")):
            print("BAD SIGNATURE", self.headers["webhook-id"], file=sys.stderr, flush=True)
            return self.answer(401)
        if random.random() < args.fail:
            return self.answer(500)
        event = json.loads(body)["data"]
        with lock:
            log.write(json.dumps({"id": self.headers["webhook-id"], "conversation": event["conversation_id"],
                                  "sequence": event["sequence"], "type": event["type"]}) + "\n")
        self.answer(204)

    def log_message(self, *a):
        pass


def serve():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    if args.down_after is None:
        server.serve_forever()
        return
    threading.Thread(target=server.serve_forever, daemon=True).start()
    time.sleep(args.down_after)
    server.shutdown()
    server.server_close()
    print(f"receiver down for {args.down_for}s", file=sys.stderr, flush=True)
    time.sleep(args.down_for)
    print("receiver back", file=sys.stderr, flush=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.serve_forever()


serve()
