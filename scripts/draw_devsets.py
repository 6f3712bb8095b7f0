"""Draw the development and held-out article sets once (the ids live in models/annotations/splits.json).

Why a script: the draw must be reproducible and blind to content, so nobody picks "easy" articles.
Run from the repository root with ../shared beside it: python scripts/draw_devsets.py
"""
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus"


def main() -> None:
    rows = [json.loads(line) for line in open(DATA / "articles.jsonl", encoding="utf-8")]
    neg = [json.loads(line) for line in open(DATA / "negatives.jsonl", encoding="utf-8")]
    # CLICK-ID lost link text (names missing), seeds are the guideline's worked examples.
    cand = [r for r in rows if r["source"] not in ("andikawilliam/CLICK-ID", "seed") and len(r["text"]) > 400]
    rng = random.Random(20261122)
    rng.shuffle(cand)
    ent = [r["id"] for r in cand[:150]]
    negc = [r for r in neg if r.get("tier") == "peripheral" or r["source"] == "web-excerpt"]
    rng.shuffle(negc)
    negs = [r["id"] for r in negc[:16]]
    rest = [r for r in rows if r["id"] not in set(ent) and r["source"] != "seed"]
    rng.shuffle(rest)
    top = [r["id"] for r in rest[:220]]
    split = {
        "about": "Development sets, drawn once with random.Random(20261122) by scripts/draw_devsets.py. "
        "Keyed by article id of ../shared/data/corpus.",
        "entity_dev": ent[:110],
        "entity_heldout": ent[110:150],
        "negatives_in_gold": negs,
        "topic_only": top,
    }
    out = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"
    out.write_text(json.dumps(split, indent=1))
    draw_second_topic_set()
    draw_second_entity_set()
    draw_third_entity_set()
    draw_fourth_entity_set()


def draw_third_entity_set() -> None:
    """A third, blind entity-gold draw (96 corrections articles + 12 negatives) made after the rules were
    frozen for the first report, to measure them on articles their authors never read."""
    path = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"
    s = json.loads(path.read_text())
    used = set(s["entity_dev"]) | set(s["entity_heldout"]) | set(s["negatives_in_gold"]) | set(s["entity_dev_2"])
    rows = [json.loads(line) for line in open(DATA / "articles.jsonl", encoding="utf-8")]
    neg = [json.loads(line) for line in open(DATA / "negatives.jsonl", encoding="utf-8")]
    cand = [r["id"] for r in rows if r["id"] not in used and r["source"] not in ("andikawilliam/CLICK-ID", "seed")
            and len(r["text"]) > 400]
    negc = [r["id"] for r in neg if r["id"] not in used and (r.get("tier") == "peripheral" or r["source"] == "web-excerpt")]
    rng = random.Random(20261125)
    rng.shuffle(cand)
    rng.shuffle(negc)
    mixed = cand[:96] + negc[:12]
    rng.shuffle(mixed)
    s["entity_dev_3"] = mixed
    path.write_text(json.dumps(s, indent=1))


def draw_fourth_entity_set() -> None:
    """A fourth blind entity-gold draw (104 corrections articles), for a second measure-then-fix round."""
    path = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"
    s = json.loads(path.read_text())
    used = (set(s["entity_dev"]) | set(s["entity_heldout"]) | set(s["negatives_in_gold"]) | set(s["entity_dev_2"])
            | set(s["entity_dev_3"]))
    rows = [json.loads(line) for line in open(DATA / "articles.jsonl", encoding="utf-8")]
    cand = [r["id"] for r in rows if r["id"] not in used and r["source"] not in ("andikawilliam/CLICK-ID", "seed")
            and len(r["text"]) > 400]
    rng = random.Random(20261126)
    rng.shuffle(cand)
    s["entity_dev_4"] = cand[:104]
    path.write_text(json.dumps(s, indent=1))


def draw_second_topic_set() -> None:
    """A second topic-label draw (320 ids) from the articles no earlier split holds."""
    path = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"
    s = json.loads(path.read_text())
    used = set(s["entity_dev"]) | set(s["entity_heldout"]) | set(s["topic_only"]) | set(s["negatives_in_gold"])
    rows = [json.loads(line) for line in open(DATA / "articles.jsonl", encoding="utf-8")]
    rest = [r["id"] for r in rows if r["id"] not in used and r["source"] != "seed"]
    rng = random.Random(20261123)
    rng.shuffle(rest)
    s["topic_only_2"] = rest[:320]
    path.write_text(json.dumps(s, indent=1))


def draw_second_entity_set() -> None:
    """100 more entity-gold ids (same filters as entity_dev), drawn after the first sets."""
    path = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"
    s = json.loads(path.read_text())
    used = set(s["entity_dev"]) | set(s["entity_heldout"]) | set(s["negatives_in_gold"])
    rows = [json.loads(line) for line in open(DATA / "articles.jsonl", encoding="utf-8")]
    cand = [r["id"] for r in rows if r["id"] not in used and r["source"] not in ("andikawilliam/CLICK-ID", "seed")
            and len(r["text"]) > 400]
    rng = random.Random(20261124)
    rng.shuffle(cand)
    s["entity_dev_2"] = cand[:100]
    path.write_text(json.dumps(s, indent=1))


if __name__ == "__main__":
    import sys

    if "--third" in sys.argv:
        draw_third_entity_set()
    elif "--fourth" in sys.argv:
        draw_fourth_entity_set()
    else:
        main()
