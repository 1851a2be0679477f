#!/usr/bin/env python3
"""Validate the hand-written examples and conversations, and print how many lines each holds.

    python3 tools/train/count_examples.py            # validate, print the Markdown tables
    python3 tools/train/count_examples.py --dev PATH # also refuse any line that repeats a dev-set text

Checks: every line of examples/*.jsonl is a JSON object with exactly the fields text, labels, lang,
domain, hard; labels come from the list below, without repeats; lang and domain match the file name;
hard negatives have no labels; no text appears twice, in one file or across files (compared without
case, with whitespace folded). Conversations: the shape of ../shared/eval/README.md, an `expect`
whose `at` points at a message and whose triggers are known kinds. Exits 1 on the first file with
errors, naming file, line and field.
"""
import collections, glob, json, os, sys, unicodedata

LABELS = ['explicit_request', 'frustration', 'refund', 'billing_dispute', 'legal', 'privacy', 'medical',
          'security', 'lockout', 'cancellation', 'buying_intent']
DOMAINS = ['telecom', 'shop', 'travel', 'software', 'health', 'delivery', 'banking', 'utility', 'general']
LANGS = ['en', 'es', 'pt']
KINDS = {'explicit_request', 'sentiment', 'policy_topic', 'customer_tag', 'tool_failure', 'low_confidence',
         'buying_intent', 'repeat_contact', 'bot_request'}
HERE = os.path.dirname(os.path.abspath(__file__))


def fold(text):
    return ' '.join(unicodedata.normalize('NFC', text).casefold().split())


def load_examples(errors):
    seen, rows = {}, []
    for path in sorted(glob.glob(os.path.join(HERE, 'examples', '*.jsonl'))):
        name = os.path.basename(path)[:-len('.jsonl')]
        lang, _, domain = name.partition('-')
        where0 = os.path.relpath(path, HERE)
        if lang not in LANGS or domain not in DOMAINS:
            errors.append(f'{where0}: file name is not <lang>-<domain>.jsonl')
        with open(path, encoding='utf-8') as fh:
            for n, line in enumerate(fh, 1):
                where = f'{where0}:{n}'
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    errors.append(f'{where}: not JSON ({e})'); continue
                if not isinstance(obj, dict) or set(obj) != {'text', 'labels', 'lang', 'domain', 'hard'}:
                    errors.append(f'{where}: fields must be exactly text, labels, lang, domain, hard'); continue
                text, labels = obj['text'], obj['labels']
                if not isinstance(text, str) or not text.strip():
                    errors.append(f'{where}: text: empty or not a string'); continue
                if not isinstance(labels, list) or any(l not in LABELS for l in labels) or len(set(labels)) != len(labels):
                    errors.append(f'{where}: labels: unknown or repeated label in {labels!r}')
                if obj['lang'] != lang or obj['domain'] != domain:
                    errors.append(f'{where}: lang/domain do not match the file name')
                if not isinstance(obj['hard'], bool):
                    errors.append(f'{where}: hard: not a boolean')
                key = fold(text)
                if key in seen:
                    errors.append(f'{where}: text: duplicate of {seen[key]}')
                seen[key] = where
                rows.append(obj)
    return rows, seen


def load_conversations(errors):
    convs = []
    for path in sorted(glob.glob(os.path.join(HERE, 'conversations', '*.jsonl'))):
        where0 = os.path.relpath(path, HERE)
        lang = os.path.basename(path)[:-len('.jsonl')]
        ids = set()
        with open(path, encoding='utf-8') as fh:
            for n, line in enumerate(fh, 1):
                where = f'{where0}:{n}'
                try:
                    c = json.loads(line)
                except ValueError as e:
                    errors.append(f'{where}: not JSON ({e})'); continue
                msgs, exp = c.get('messages'), c.get('expect')
                if not isinstance(msgs, list) or not msgs or any(m.get('role') not in ('customer', 'ai') or not m.get('text') for m in msgs):
                    errors.append(f'{where}: messages: each needs role customer|ai and text'); continue
                if c.get('id') in ids:
                    errors.append(f'{where}: id: duplicate {c.get("id")}')
                ids.add(c.get('id'))
                if c.get('customer', {}).get('language') != lang:
                    errors.append(f'{where}: customer.language is not {lang}')
                if not isinstance(exp, dict) or not isinstance(exp.get('handoff'), bool):
                    errors.append(f'{where}: expect.handoff missing'); continue
                if exp['handoff']:
                    at, trig = exp.get('at'), exp.get('triggers')
                    if not isinstance(at, int) or not 0 <= at < len(msgs):
                        errors.append(f'{where}: expect.at does not point at a message')
                    if not trig or any(t not in KINDS for t in trig):
                        errors.append(f'{where}: expect.triggers: unknown kind in {trig!r}')
                convs.append(c)
    return convs


def main():
    errors = []
    rows, seen = load_examples(errors)
    convs = load_conversations(errors)
    if '--dev' in sys.argv:
        dev = sys.argv[sys.argv.index('--dev') + 1]
        with open(dev, encoding='utf-8') as fh:
            for line in fh:
                for m in json.loads(line)['messages']:
                    if fold(m['text']) in seen:
                        errors.append(f'{seen[fold(m["text"])]}: text repeats a dev-set message')
        convtexts = {fold(m['text']) for c in convs for m in c['messages'] if m['role'] == 'customer'}
        with open(dev, encoding='utf-8') as fh:
            for line in fh:
                for m in json.loads(line)['messages']:
                    if m['role'] == 'customer' and fold(m['text']) in convtexts:
                        errors.append(f'conversations: a customer message repeats a dev-set message: {m["text"]!r}')
    if errors:
        print('\n'.join(errors[:50]), file=sys.stderr)
        print(f'{len(errors)} error(s)', file=sys.stderr)
        sys.exit(1)

    cols = LABELS + ['none', 'hard']
    short = {'explicit_request': 'explicit', 'billing_dispute': 'billing', 'buying_intent': 'buying',
             'cancellation': 'cancel', 'frustration': 'frustr'}
    count = collections.Counter()
    for r in rows:
        key = (r['lang'], r['domain'])
        count[key, 'lines'] += 1
        for l in r['labels']:
            count[key, l] += 1
        if not r['labels']:
            count[key, 'none'] += 1
        if r['hard']:
            count[key, 'hard'] += 1
    head = ['file', 'lines'] + [short.get(c, c) for c in cols]
    print('| ' + ' | '.join(head) + ' |')
    print('|' + '|'.join(['---'] + ['---:'] * (len(head) - 1)) + '|')
    for lang in LANGS:
        for domain in DOMAINS:
            if count[(lang, domain), 'lines']:
                print(f'| {lang}-{domain} | ' + ' | '.join(str(count[(lang, domain), c]) for c in ['lines'] + cols) + ' |')
        tot = [sum(count[(lang, d), c] for d in DOMAINS) for c in ['lines'] + cols]
        print(f'| **{lang} total** | ' + ' | '.join(f'**{t}**' for t in tot) + ' |')
    tot = [sum(count[(l, d), c] for l in LANGS for d in DOMAINS) for c in ['lines'] + cols]
    print('| **all** | ' + ' | '.join(f'**{t}**' for t in tot) + ' |')
    multi = sum(1 for r in rows if len(r['labels']) > 1)
    hardpos = sum(1 for r in rows if r['hard'] and r['labels'])
    print(f'\n{len(rows)} lines; {multi} with two labels; {hardpos} hard positives; '
          f'{sum(1 for r in rows if r["hard"] and not r["labels"])} hard negatives.')
    if convs:
        print('\n| conversations | total | handoff | no handoff | ' + ' | '.join(sorted(KINDS)) + ' |')
        print('|---|---:|---:|---:|' + '---:|' * len(KINDS))
        for lang in LANGS:
            cs = [c for c in convs if c['customer']['language'] == lang]
            if not cs:
                continue
            h = [c for c in cs if c['expect']['handoff']]
            k = collections.Counter(c['expect']['triggers'][0] for c in h)
            print(f'| {lang} | {len(cs)} | {len(h)} | {len(cs) - len(h)} | ' + ' | '.join(str(k[x]) for x in sorted(KINDS)) + ' |')
        print('\n(conversation columns per kind count the preferred primary trigger)')


if __name__ == '__main__':
    main()
