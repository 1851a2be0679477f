#!/usr/bin/env python3
"""Where `baton serve` spends its CPU: `perf script` output of a `perf record -g` grouped into the server's layers.

    perf script -i perf.data -F comm,ip,sym | tools/serve/perf_breakdown.py

Each sample goes to the first layer below whose pattern matches any frame of its stack (so the store's
transaction wins over the thread pool that runs it), else to "unattributed" with its thread's name. SQLite and libc
are built without frame pointers: a sample inside them often has a cut stack, so "unattributed (TP-#n)" on the
store's threads is mostly SQLite working for the transaction. For each layer the share of its samples whose leaf
is in the trigger engine, SQLite, allocation/reference counting or the kernel is printed in brackets.
"""
import collections
import re
import sys

LAYERS = [
    ("store: the batch's write transaction (recordEvents)", r"recordEvents"),
    ("store: group commit outside the transaction (MessageBatcher)", r"MessageBatcher"),
    ("store: thread pool hand-off (NIOThreadPool)", r"NIOThreadPool"),
    ("http: request body (readJSONBody)", r"readJSONBody"),
    ("api: body parse (APIInput, ConversationParser)", r"APIInput|ConversationParser|JSONReader"),
    ("api: bearer token (TokenAuthMiddleware)", r"TokenAuth|TokenVerifier"),
    ("api: request log and metrics", r"RequestLogMiddleware|ServerMetrics"),
    ("api: rest of the message handler", r"ConversationsController|BatonAPI.*post"),
    ("http: Hummingbird router and responder", r"RouterResponder|RouterTrie|Hummingbird\d*Router"),
    ("http: NIO request decoding", r"HTTPDecoder|llhttp|ByteToMessage"),
    ("http: NIO response writing", r"flush|writev|PendingWrites|_doOutboundWrites|NIOAsyncWriter"),
    ("http: NIO socket reads", r"readFromSocket|readable|BaseStreamSocketChannel.*read"),
    ("http: Hummingbird connection handling, other", r"Hummingbird"),
    ("http: NIO event loop, other", r"SelectableEventLoop"),
    ("Swift concurrency runtime (task switches, jobs)", r"swift_job_run|swift_task|AsyncTask"),
]
LEAVES = [
    ("engine", r"TriggerEngine|EscalationModel|PhraseSet|TextNormalizer|FeatureHasher|Lexicon|SentimentScorer"),
    ("sqlite", r"^sqlite3"),
    ("alloc/refcount", r"swift_retain|swift_release|malloc|_int_free|cfree|swift_bridgeObject|dealloc|unlink_chunk"),
    ("kernel", r"^(do_|__x64|tcp_|ip_|sock_|vfs_|ext4|entry_SYSCALL|_raw_spin|__napi|net_rx|copy_)"),
]
layers = [(name, re.compile(pattern)) for name, pattern in LAYERS]
leaves = [(name, re.compile(pattern)) for name, pattern in LEAVES]


def samples(lines):
    comm, frames = None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if comm is not None:
                yield comm, frames
            comm, frames = None, []
        elif not line[0].isspace():
            if comm is not None:
                yield comm, frames
            comm, frames = line.split()[0] if line.split() else "?", []
        else:
            parts = line.split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else parts[0])
    if comm is not None:
        yield comm, frames


def main():
    total = 0
    by_layer = collections.Counter()
    by_leaf = collections.Counter()
    for comm, frames in samples(sys.stdin):
        total += 1
        layer = next((name for name, pattern in layers if any(pattern.search(f) for f in frames)), None)
        if layer is None:
            layer = "unattributed (%s)" % re.sub(r"\d+$", "n", comm)
        by_layer[layer] += 1
        leaf = frames[0] if frames else ""
        kind = next((name for name, pattern in leaves if pattern.search(leaf)), None)
        if kind is None and any(leaves[0][1].search(f) for f in frames):
            kind = "engine"
        if kind:
            by_leaf[(layer, kind)] += 1
    if total == 0:
        sys.exit("no samples on standard input (perf script -F comm,ip,sym of a perf record -g)")
    print("%d samples" % total)
    for layer, count in by_layer.most_common():
        detail = ", ".join("%s %d%%" % (kind, 100 * n // count)
                           for (name, kind), n in by_leaf.most_common() if name == layer and n * 10 >= count)
        print("%5.1f%%  %s%s" % (100.0 * count / total, layer, "  [%s]" % detail if detail else ""))


if __name__ == "__main__":
    main()
