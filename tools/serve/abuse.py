#!/usr/bin/env python3
"""Hostile clients against a running `baton serve`: malformed JSON, invalid UTF-8, huge bodies (declared and
chunked), wrong content types, slow headers, and 10,000 idle connections. Each must get a clear 4xx or a closed
connection; the server must keep answering, store nothing, and its memory must stay bounded. Prints JSON lines.

    abuse.py --port 8080 --token T --pid SERVER_PID --db baton.sqlite [--idle 10000] [--read-timeout 10]
"""
import argparse
import json
import resource
import socket
import sqlite3
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--token", required=True)
parser.add_argument("--pid", type=int, required=True)
parser.add_argument("--db", required=True)
parser.add_argument("--idle", type=int, default=10000)
parser.add_argument("--read-timeout", type=float, default=10)
args = parser.parse_args()
failures = 0


def rss_mb():
    for line in open(f"/proc/{args.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return -1


def raw(request, timeout=15):
    """Sends raw bytes; returns the status code, or 'closed' when the server closed without answering."""
    with socket.create_connection(("127.0.0.1", args.port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    if not data:
        return "closed"
    return int(data.split(b" ")[1])


def post(body, content_type=b"application/json", extra=b""):
    head = (b"POST /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + args.token.encode() +
            b"\r\nContent-Type: " + content_type + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n" + extra + b"\r\n")
    return raw(head + body)


def report(name, got, allowed):
    global failures
    ok = got in allowed
    failures += 0 if ok else 1
    print(json.dumps({"case": name, "got": got, "ok": ok}), flush=True)


def count():
    return sqlite3.connect(args.db).execute("SELECT COUNT(*) FROM conversations").fetchone()[0]


before = count()
rss_start = rss_mb()
report("malformed JSON", post(b'{"id": "x", "customer": '), {400})
report("invalid UTF-8", post(b'{"id":"u","customer":{"id":"c"},"messages":[{"role":"customer","text":"\xff\xfe"}]}'), {400})
report("wrong content type", post(b'{"id":"t"}', content_type=b"text/plain"), {415})
report("not an object", post(b'[1,2,3]'), {400})
report("huge body, declared", post(b"x" * (5 << 20)), {413, "closed"})
chunked = (b"POST /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + args.token.encode() +
           b"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
           b"".join(b"100000\r\n" + b"a" * 0x100000 + b"\r\n" for _ in range(3)) + b"0\r\n\r\n")
report("huge body, chunked", raw(chunked), {413, "closed"})
report("no token", raw(b"POST /v1/conversations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"), {401})
report("garbage request line", raw(b"\x00\x01\x02 nonsense\r\n\r\n"), {400, "closed"})

# Slow headers: one byte a second never completes a request; the server must hang up by its read timeout.
start = time.time()
s = socket.create_connection(("127.0.0.1", args.port))
closed_after = None
for byte in b"POST /v1/conversations HTTP/1.1\r\nHost: slowloris\r\nX-Slow: " + b"a" * 100:
    try:
        s.sendall(bytes([byte]))
        s.settimeout(1)
        if s.recv(1) == b"":
            closed_after = time.time() - start
            break
    except socket.timeout:
        continue
    except (BrokenPipeError, ConnectionResetError):
        closed_after = time.time() - start
        break
    if time.time() - start > args.read_timeout + 10:
        break
s.close()
report("slow headers closed (s)", closed_after is not None and closed_after <= args.read_timeout + 2, {True})

# Many idle connections: the server keeps answering others, memory stays bounded.
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
idle = []
for _ in range(args.idle):
    try:
        idle.append(socket.create_connection(("127.0.0.1", args.port), timeout=5))
    except OSError as error:
        print(json.dumps({"case": "idle connect", "error": str(error), "opened": len(idle)}))
        break
time.sleep(2)
rss_idle = rss_mb()
t = time.time()
health = raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
health_ms = (time.time() - t) * 1000
report(f"healthz with {len(idle)} idle connections", health, {200})
print(json.dumps({"idle_connections": len(idle), "health_ms": round(health_ms, 1), "rss_start_mb": round(rss_start, 1),
                  "rss_with_idle_mb": round(rss_idle, 1)}), flush=True)
for connection in idle:
    connection.close()
time.sleep(args.read_timeout + 2)
print(json.dumps({"rss_after_mb": round(rss_mb(), 1)}), flush=True)
report("nothing stored", count() - before, {0})
print(json.dumps({"failures": failures}))
raise SystemExit(1 if failures else 0)
