#!/usr/bin/env python3
"""Print a random sample of `extract` events with the source text around each trigger.

How the event rules of sessions 2 and 3 were found: extract the news corpus, draw events at
random (a new seed each round), read each one against its text, and write a general rule (with a
test sentence of our own) for each fault that recurs in Arabic news.

    target/release/examples/extract ../shared/corpus/news > /tmp/events.jsonl
    python3 tools/sample_events.py /tmp/events.jsonl --seed 312 [--n 12] [--corpus ../shared/corpus/news]

Prints to standard output only; nothing from ../shared is written anywhere (part of the news
corpus is licensed for research only).
"""
import argparse
import glob
import gzip
import json
import os
import random


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", help="extract output, JSON Lines")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=12, help="events to draw (default: %(default)s)")
    ap.add_argument("--corpus", default="../shared/corpus/news", help="folder of *.jsonl.gz articles")
    ap.add_argument("--context", type=int, default=300, help="bytes shown each side of the trigger")
    args = ap.parse_args()

    with open(args.events, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    random.seed(args.seed)
    picked = random.sample(events, min(args.n, len(events)))
    wanted = {e["doc_id"] for e in picked}
    texts = {}
    for path in sorted(glob.glob(os.path.join(args.corpus, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                if doc.get("id") in wanted:
                    texts[doc["id"]] = doc.get("text", "")
    for e in picked:
        print("=" * 100)
        summary = {
            "kind": e.get("kind"),
            "modality": e.get("modality"),
            "date": (e.get("date") or {}).get("value"),
            "place": (e.get("location") or {}).get("name"),
            "perpetrators": [a["id"] for a in e.get("perpetrators", [])],
            "targets": [a["id"] for a in e.get("targets", [])],
            "casualties": [(c.get("outcome"), c.get("min"), c.get("max")) for c in e.get("casualties", [])],
        }
        print(e["doc_id"], json.dumps(summary, ensure_ascii=False))
        raw = texts.get(e["doc_id"], "").encode("utf-8")
        start, end = e["trigger"]["span"]
        around = raw[max(0, start - args.context) : end + args.context]
        print(around.decode("utf-8", "ignore").replace("\n", " "))
        print("   TRIGGER:", raw[start:end].decode("utf-8", "ignore"))


if __name__ == "__main__":
    main()
