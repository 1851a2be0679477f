#!/usr/bin/env python3
"""A small reference bot that plays the bot platform against `baton serve` (Python standard library only).

It reads customer messages from standard input, one per line as `CONVERSATION: text`, and for each one:
  * posts it to Baton (`POST /v1/conversations/{id}/messages`, with the platform's own message id, so a retry
    is stored once, and an Idempotency-Key);
  * answers as the AI only while the AI holds the conversation; while it is queued, held by a human or waiting
    after hours it stays silent (Baton would refuse an AI message with 409 anyway);
and it receives Baton's webhooks on --listen: it verifies each Standard Webhooks signature (rejecting bad or
stale ones with 401), drops duplicates by webhook-id, tracks who holds each conversation from the `holder` on
every event, "sends" customer-facing texts to the customer, and resumes with the agent's note on release.

Everything it does is printed as one JSON line on standard output, for people and for the end-to-end test.

    python3 examples/bot.py --baton http://127.0.0.1:8080 --token "$TOKEN" \
        --listen 127.0.0.1:9090 --secret whsec_...
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

LOCK = threading.Lock()
HOLDER = {}          # conversation id -> who holds it, from Baton's answers and events
SEEN_WEBHOOKS = set()
LAST_SEQUENCE = {}   # conversation id -> the newest event sequence applied


def say(**event):
    with LOCK:
        print(json.dumps(event, ensure_ascii=False), flush=True)


def secret_key(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode()


def verify(secrets, headers, body, tolerance=300):
    """Standard Webhooks: HMAC-SHA256 over "id.timestamp.body", any of the space-separated v1 signatures."""
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    try:
        if abs(time.time() - int(timestamp)) > tolerance:
            return False
    except ValueError:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    for secret in secrets:
        expected = base64.b64encode(hmac.new(secret_key(secret), signed, hashlib.sha256).digest()).decode()
        for candidate in signatures.split(" "):
            version, _, signature = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(signature, expected):
                return True
    return False


class Baton:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def post(self, path, body):
        data = json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method="POST", headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4())})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def ai_answer(text):
    """Stands in for the LLM: a short, honest answer."""
    return f"Thanks for your message. Let me look into \"{text[:40]}\" for you."


def handle_customer(baton, conversation, text):
    customer = {"id": f"cust-{conversation}", "name": "Sam Rivera", "language": "en"}
    status, answer = baton.post(f"/v1/conversations/{conversation}/messages", {
        "customer": customer, "channel": "webchat",
        "message": {"id": f"msg-{uuid.uuid4()}", "role": "customer", "text": text}})
    if status != 200:
        say(event="error", conversation=conversation, status=status, problem=answer)
        return
    holder = answer.get("holder")
    with LOCK:
        HOLDER[conversation] = holder
    say(event="customer_said", conversation=conversation, text=text, holder=holder, outcome=answer.get("outcome"),
        trigger=(answer.get("trigger") or {}).get("kind"), queue=answer.get("queue"))
    if holder not in ("ai", "resolved"):
        say(event="bot_silent", conversation=conversation, holder=holder, owner=answer.get("owner"))
        return
    reply = ai_answer(text)
    status, answer = baton.post(f"/v1/conversations/{conversation}/messages", {
        "message": {"id": f"msg-{uuid.uuid4()}", "role": "ai", "text": reply, "confidence": 0.9}})
    if status == 409:
        # A human took over between the two calls: Baton refused the AI message, nothing was stored.
        with LOCK:
            HOLDER[conversation] = answer.get("holder")
        say(event="bot_refused", conversation=conversation, holder=answer.get("holder"))
    elif status == 200:
        say(event="bot_replied", conversation=conversation, text=reply)
    else:
        say(event="error", conversation=conversation, status=status, problem=answer)


def make_handler(secrets):
    class Webhooks(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            if not verify(secrets, headers, body):
                say(event="webhook_rejected", id=headers.get("webhook-id"))
                self.send_response(401)
                self.end_headers()
                return
            # Applied before the 204: Baton sends a conversation's next event only once this one is answered, so
            # answering first would let the next event's thread apply it before this one (and this one would then
            # look stale and be dropped).
            webhook_id = headers["webhook-id"]
            with LOCK:
                duplicate = webhook_id in SEEN_WEBHOOKS
                SEEN_WEBHOOKS.add(webhook_id)
            if not duplicate:
                apply_event(json.loads(body)["data"])
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    return Webhooks


def apply_event(event):
    conversation = event["conversation_id"]
    with LOCK:
        if event["sequence"] <= LAST_SEQUENCE.get(conversation, 0):
            return
        LAST_SEQUENCE[conversation] = event["sequence"]
        HOLDER[conversation] = event["holder"]
    say(event="webhook", type=event["type"], conversation=conversation, sequence=event["sequence"], holder=event["holder"],
        verified=True)
    if event["customer_facing"] and event.get("text"):
        say(event="to_customer", conversation=conversation, text=event["text"])
    if event["type"] == "released_to_ai":
        say(event="resumed", conversation=conversation, note=event.get("text"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baton", default="http://127.0.0.1:8080")
    parser.add_argument("--token", required=True)
    parser.add_argument("--listen", default="127.0.0.1:9090", help="where Baton's webhooks arrive (HOST:PORT)")
    parser.add_argument("--secret", action="append", required=True, help="webhook secret (twice while rotating)")
    args = parser.parse_args()

    host, _, port = args.listen.rpartition(":")
    server = http.server.ThreadingHTTPServer((host, int(port)), make_handler(args.secret))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(event="ready", listen=args.listen)

    baton = Baton(args.baton, args.token)
    for line in sys.stdin:
        line = line.strip()
        if not line or ":" not in line:
            continue
        conversation, _, text = line.partition(":")
        handle_customer(baton, conversation.strip(), text.strip())
    server.shutdown()


if __name__ == "__main__":
    main()
