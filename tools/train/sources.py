"""Training sources of the escalation model and how their labels map to Baton's.

Public data (read from ../shared/train at training time, never copied into the repository):
BANKING77 and CLINC150 intents mapped below; hand-written examples from tools/train/examples;
optional files written by `baton export-training`.
"""

import csv
import glob
import json
import os

LABELS = [
    "explicit_request", "frustration", "refund", "billing_dispute", "legal", "privacy", "medical",
    "security", "lockout", "cancellation", "buying_intent",
]

# BANKING77 intent → label; "" marks a negative (routine), None an intent left out of training because
# its messages go either way (a fee question can be a dispute; a forgotten passcode is routine but a
# blocked one is a lockout). Every intent not listed is a negative.
BANKING77 = {
    "request_refund": "refund",
    "Refund_not_showing_up": "refund",
    "card_payment_not_recognised": "billing_dispute",
    "direct_debit_payment_not_recognised": "billing_dispute",
    "cash_withdrawal_not_recognised": "billing_dispute",
    "transaction_charged_twice": "billing_dispute",
    "extra_charge_on_statement": "billing_dispute",
    "wrong_amount_of_cash_received": "billing_dispute",
    "compromised_card": "security",
    "lost_or_stolen_card": "security",
    "lost_or_stolen_phone": "security",
    "pin_blocked": "lockout",
    "card_swallowed": "lockout",
    "terminate_account": "cancellation",
    # Left out: can be read either way.
    "card_payment_fee_charged": None,
    "transfer_fee_charged": None,
    "cash_withdrawal_charge": None,
    "card_payment_wrong_exchange_rate": None,
    "wrong_exchange_rate_for_cash_withdrawal": None,
    "transfer_not_received_by_recipient": None,
    "cancel_transfer": None,
    "reverted_card_payment?": None,
}

# CLINC150 intent → label, same conventions. Out-of-scope queries (`oos`) and every other intent
# (assistant commands, small talk, routine banking, travel, ...) are negatives.
CLINC150 = {
    "report_fraud": "security",
    "report_lost_card": "security",
    "account_blocked": "lockout",
    # Left out: asking to freeze one's own account, and lost luggage, go either way.
    "freeze_account": None,
    "lost_luggage": None,
}

# CLINC150's "banking" and "credit_cards" domains, for measuring a model trained on BANKING77 alone.
CLINC150_BANKING = set("""
    transfer transactions balance freeze_account pay_bill bill_balance bill_due interest_rate routing
    min_payment order_checks pin_change report_fraud account_blocked spending_history credit_score
    report_lost_card credit_limit rewards_balance new_card application_status card_declined
    international_fees apr redeem_rewards credit_limit_change damaged_card replacement_card_duration
    improve_credit_score expiration_date""".split())


def example(text, labels, source, group, lang="en", domain="", hard=False, weight=1.0):
    return {"text": text, "labels": list(labels), "source": source, "group": group, "lang": lang,
            "domain": domain, "hard": hard, "weight": weight}


def load_banking77(root):
    path = os.path.join(root, "banking77-train.csv")
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            label = BANKING77.get(row["category"], "")
            if label is None:
                continue
            out.append(example(row["text"], [label] if label else [], "banking77", "banking77",
                               domain="banking"))
    return out


def load_clinc150(root):
    path = os.path.join(root, "clinc150-train.jsonl")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            label = CLINC150.get(row["intent"], "")
            if label is None:
                continue
            domain = "banking" if row["intent"] in CLINC150_BANKING else "assistant"
            out.append(example(row["text"], [label] if label else [], "clinc150", "clinc150", domain=domain))
    return out


def load_examples(paths, source, weight):
    """Hand-written or exported example files: one {"text", "labels", "lang", "domain", "hard"} a line."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    text = row["text"]
                    labels = row.get("labels", [])
                except (ValueError, KeyError) as error:
                    raise SystemExit(f"{path}:{number}: not an example line ({error})")
                unknown = [label for label in labels if label not in LABELS]
                if unknown:
                    raise SystemExit(f"{path}:{number}: unknown label {unknown[0]!r}")
                lang = row.get("lang", "en")
                domain = row.get("domain", "")
                out.append(example(text, labels, source, f"{source}:{lang}-{domain}", lang=lang, domain=domain,
                                   hard=bool(row.get("hard", False)), weight=weight))
    return out


def hand_written_files(repo):
    return sorted(glob.glob(os.path.join(repo, "tools", "train", "examples", "*.jsonl")))
