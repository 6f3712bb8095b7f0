"""Print corpus articles by id (or by a slice of a split in models/annotations/splits.json).

Why: annotators and developers read articles from ../shared/data without copying them into
the repo. Usage:
  python scripts/show_articles.py ID [ID ...]
  python scripts/show_articles.py --split entity_dev --start 0 --stop 10
  python scripts/show_articles.py --split entity_dev --batch /tmp/batch.jsonl   # for check_gold.py
"""
import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "data" / "corpus"


def load_all() -> dict[str, dict]:
    rows = {}
    for name in ("articles.jsonl", "negatives.jsonl"):
        for line in open(CORPUS / name, encoding="utf-8"):
            r = json.loads(line)
            rows[r["id"]] = r
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--split")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--stop", type=int, default=None)
    ap.add_argument("--batch", help="write the selected articles as JSONL here instead of printing")
    a = ap.parse_args()
    rows = load_all()
    ids = list(a.ids)
    if a.split:
        ids += json.loads((ROOT / "models" / "annotations" / "splits.json").read_text())[a.split][a.start:a.stop]
    if a.batch:
        with open(a.batch, "w", encoding="utf-8") as fh:
            for i in ids:
                fh.write(json.dumps(rows[i], ensure_ascii=False) + "\n")
        print(f"wrote {len(ids)} articles to {a.batch}")
        return
    for i in ids:
        r = rows[i]
        print(f"=== {i} | published={r.get('published')} ({r.get('published_source')}) | {r.get('url')}")
        print(f"TITLE: {r.get('title')}")
        print(r["text"])
        print()


if __name__ == "__main__":
    main()
