"""Draw the development and held-out article sets once (the ids live in models/annotations/splits.json).

Why a script: the draw must be reproducible and blind to content, so nobody picks "easy" articles.
Run from the repository root with ../shared beside it: python scripts/draw_devsets.py
(`--third` ... `--seventh` redraw only those later rounds.)
"""
import json
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus"
SPLITS = Path(__file__).resolve().parents[1] / "models" / "annotations" / "splits.json"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in open(DATA / name, encoding="utf-8")]


def _entity_candidates(rows: list[dict], used: set[str]) -> list[str]:
    """Ids fit for entity gold: CLICK-ID lost link text (names missing), seeds are the guideline's worked
    examples, and very short texts hold too little to annotate."""
    return [r["id"] for r in rows if r["id"] not in used and r["source"] not in ("andikawilliam/CLICK-ID", "seed")
            and len(r["text"]) > 400]


def _hard_negative(r: dict) -> bool:
    return r.get("tier") == "peripheral" or r["source"] == "web-excerpt"


def _used(s: dict, *keys: str) -> set[str]:
    return set().union(*(s[k] for k in keys))


def _update(key: str, ids: list[str]) -> None:
    s = json.loads(SPLITS.read_text())
    s[key] = ids
    SPLITS.write_text(json.dumps(s, indent=1))


def main() -> None:
    rows, neg = _rows("articles.jsonl"), _rows("negatives.jsonl")
    rng = random.Random(20261122)
    ent = _entity_candidates(rows, set())
    rng.shuffle(ent)
    ent = ent[:150]
    negc = [r["id"] for r in neg if _hard_negative(r)]
    rng.shuffle(negc)
    rest = [r["id"] for r in rows if r["id"] not in set(ent) and r["source"] != "seed"]
    rng.shuffle(rest)
    split = {
        "about": "Development sets, drawn once with random.Random(20261122) by scripts/draw_devsets.py. "
        "Keyed by article id of ../shared/data/corpus. topic_only_2: a second draw of 320 ids with "
        "random.Random(20261123) from the rest (see scripts/draw_devsets.py). entity_dev_2: 100 more entity-gold "
        "ids, random.Random(20261124), same filters as entity_dev.",
        "entity_dev": ent[:110],
        "entity_heldout": ent[110:150],
        "negatives_in_gold": negc[:16],
        "topic_only": rest[:220],
    }
    SPLITS.write_text(json.dumps(split, indent=1))
    draw_second_topic_set()
    draw_second_entity_set()
    draw_third_entity_set()
    draw_fourth_entity_set()
    draw_fifth_entity_set()
    draw_sixth_entity_set()
    draw_third_topic_set()
    draw_seventh_entity_set()
    draw_fourth_topic_set()
    draw_eighth_entity_sets()
    draw_ninth_entity_set()
    draw_tenth_entity_set()
    draw_eleventh_entity_set()


def draw_second_topic_set() -> None:
    """A second topic-label draw (320 ids) from the articles no earlier split holds."""
    s = json.loads(SPLITS.read_text())
    used = _used(s, "entity_dev", "entity_heldout", "topic_only", "negatives_in_gold")
    rest = [r["id"] for r in _rows("articles.jsonl") if r["id"] not in used and r["source"] != "seed"]
    random.Random(20261123).shuffle(rest)
    _update("topic_only_2", rest[:320])


def draw_second_entity_set() -> None:
    """100 more entity-gold ids (same filters as entity_dev), drawn after the first sets."""
    s = json.loads(SPLITS.read_text())
    cand = _entity_candidates(_rows("articles.jsonl"), _used(s, "entity_dev", "entity_heldout", "negatives_in_gold"))
    random.Random(20261124).shuffle(cand)
    _update("entity_dev_2", cand[:100])


def _draw_mixed(key: str, used_keys: tuple[str, ...], seed: int, n_articles: int, n_negatives: int,
                within: set[str] | None = None) -> None:
    """A blind entity-gold round stored under `key` (see _mixed_ids)."""
    _update(key, _mixed_ids(used_keys, seed, n_articles, n_negatives, within))


def _mixed_ids(used_keys: tuple[str, ...], seed: int, n_articles: int, n_negatives: int,
               within: set[str] | None = None) -> list[str]:
    """Corrections articles (only those in `within`, when given) and hard negatives no set in `used_keys` holds,
    shuffled together so that an annotator cannot tell them apart by position."""
    used = _used(json.loads(SPLITS.read_text()), *used_keys)
    cand = [i for i in _entity_candidates(_rows("articles.jsonl"), used) if within is None or i in within]
    negc = [r["id"] for r in _rows("negatives.jsonl") if r["id"] not in used and _hard_negative(r)]
    rng = random.Random(seed)
    rng.shuffle(cand)
    rng.shuffle(negc)
    mixed = cand[:n_articles] + negc[:n_negatives]
    rng.shuffle(mixed)
    return mixed


def draw_third_entity_set() -> None:
    """A third, blind entity-gold draw (96 corrections articles + 12 negatives) made after the rules were
    frozen for the first report, to measure them on articles their authors never read."""
    _draw_mixed("entity_dev_3", ("entity_dev", "entity_heldout", "negatives_in_gold", "entity_dev_2"),
                20261125, 96, 12)


def draw_fourth_entity_set() -> None:
    """A fourth blind entity-gold draw (104 corrections articles), for a second measure-then-fix round."""
    s = json.loads(SPLITS.read_text())
    used = _used(s, "entity_dev", "entity_heldout", "negatives_in_gold", "entity_dev_2", "entity_dev_3")
    cand = _entity_candidates(_rows("articles.jsonl"), used)
    random.Random(20261126).shuffle(cand)
    _update("entity_dev_4", cand[:104])


def draw_fifth_entity_set() -> None:
    """A fifth blind draw (72 corrections articles + 6 hard negatives) from articles no earlier set labels, topic
    sets included, so that its topic scores are out of sample too."""
    _draw_mixed("entity_dev_5", ("entity_dev", "entity_heldout", "negatives_in_gold", "entity_dev_2", "entity_dev_3",
                                 "entity_dev_4", "topic_only", "topic_only_2"), 20261127, 72, 6)


def draw_sixth_entity_set() -> None:
    """A sixth blind draw (72 corrections articles + 6 hard negatives), labelled while the session's last fixes
    were made and scored only with the final code: the session's closing measurement."""
    _draw_mixed("entity_dev_6", ("entity_dev", "entity_heldout", "negatives_in_gold", "entity_dev_2", "entity_dev_3",
                                 "entity_dev_4", "entity_dev_5", "topic_only", "topic_only_2"), 20261128, 72, 6)


def draw_third_topic_set() -> None:
    """A third topic-label draw (180 ids) from the articles no earlier split holds, for more examples of the
    broad labels (official_visit above all)."""
    s = json.loads(SPLITS.read_text())
    used = _used(s, *(k for k in s if k != "about"))
    rest = [r["id"] for r in _rows("articles.jsonl") if r["id"] not in used and r["source"] != "seed"]
    random.Random(20261129).shuffle(rest)
    _update("topic_only_3", rest[:180])


def draw_seventh_entity_set() -> None:
    """A seventh blind draw (72 corrections articles + 6 hard negatives) from articles no earlier set labels:
    labelled while session 4's changes were made and scored once, with the final code, at the end."""
    s = json.loads(SPLITS.read_text())
    _draw_mixed("entity_dev_7", tuple(k for k in s if k not in ("about", "entity_dev_7")), 20261130, 72, 6)


def draw_fourth_topic_set() -> None:
    """Every corpus article no earlier split holds (113), for topic and relevance labels: session 4's agreement
    study showed annotators agree far better (macro-F1 ~0.96) than the model does, so more labels pay."""
    s = json.loads(SPLITS.read_text())
    used = _used(s, *(k for k in s if k not in ("about", "topic_only_4")))
    rest = [r["id"] for r in _rows("articles.jsonl") if r["id"] not in used and r["source"] != "seed"]
    random.Random(20261131).shuffle(rest)
    _update("topic_only_4", rest)


def draw_eighth_entity_sets() -> None:
    """Full entity gold for articles that so far had topic labels only: 100 drawn among those filed under the
    topics where partnerships live (visits, agreements, programs, narcotics), for finding partnership patterns,
    and 50 drawn from all relevant ones, for checking them (session 4)."""
    root = SPLITS.parent
    labels = {}
    for f in sorted(root.glob("topics_only*.jsonl")):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                labels[r["id"]] = r
    s = json.loads(SPLITS.read_text())
    topic_ids = _used(s, "topic_only", "topic_only_2", "topic_only_3", "topic_only_4")
    entity = _used(s, *(k for k in s if k.startswith("entity_") and not k.startswith("entity_dev_8")), "negatives_in_gold")
    cand = [i for i in _entity_candidates(_rows("articles.jsonl"), entity) if i in topic_ids and labels[i]["relevant"]]
    rng = random.Random(20261132)
    rng.shuffle(cand)
    rich = {"official_visit", "cooperation_agreement", "rehabilitation_programs", "anti_narcotics"}
    fit = [i for i in cand if rich & set(labels[i]["topics"])][:100]
    check = [i for i in cand if i not in set(fit)][:50]
    _update("entity_dev_8_fit", fit)
    _update("entity_dev_8_check", check)


def draw_ninth_entity_set() -> None:
    """A blind closing set for session 4 (112 articles that had topic labels only + 8 hard negatives), labelled
    while the session's last rules were written and scored once with the final code."""
    _draw_closing("entity_dev_9", 20261133)


def _draw_closing(key: str, seed: int) -> None:
    """A closing round: 112 topic-labelled articles that no entity set holds + 8 hard negatives."""
    s = json.loads(SPLITS.read_text())
    entity = tuple(k for k in s if k.startswith("entity_") and k != key) + ("negatives_in_gold",)
    topic_ids = _used(s, "topic_only", "topic_only_2", "topic_only_3", "topic_only_4")
    _draw_mixed(key, entity, seed, 112, 8, within=topic_ids)


def draw_tenth_entity_set() -> None:
    """A second blind closing set for session 4 (112 topic-labelled articles without entity gold + 8 hard
    negatives), drawn after round 9 was scored and used for fixes."""
    _draw_closing("entity_dev_10", 20261134)


def draw_eleventh_entity_set() -> None:
    """Session 5's blind closing set (112 topic-labelled articles without entity gold + 8 hard negatives),
    labelled while the session's changes were made and scored with the final code only."""
    _draw_closing("entity_dev_11", 20261135)


def draw_twelfth_entity_sets() -> None:
    """Session 7's blind round: every entity candidate still without entity gold (139 topic-labelled articles;
    no unused hard negative is left), shuffled and cut into `entity_dev_12_fit` (75), whose errors may be read for
    fixes after its blind score is taken, and `entity_dev_12_check` (64), scored blind before and after."""
    s = json.loads(SPLITS.read_text())
    # its own two sets are left out of `used`, so that a re-run draws the same ids again
    entity = tuple(k for k in s if k.startswith("entity_") and not k.startswith("entity_dev_12")) + ("negatives_in_gold",)
    ids = _mixed_ids(entity, 20261136, 139, 0)
    _update("entity_dev_12_fit", ids[:75])
    _update("entity_dev_12_check", ids[75:])


_DRAWS = {"--third": draw_third_entity_set, "--fourth": draw_fourth_entity_set, "--fifth": draw_fifth_entity_set,
          "--sixth": draw_sixth_entity_set, "--topics3": draw_third_topic_set, "--seventh": draw_seventh_entity_set,
          "--topics4": draw_fourth_topic_set, "--eighth": draw_eighth_entity_sets, "--ninth": draw_ninth_entity_set,
          "--tenth": draw_tenth_entity_set, "--eleventh": draw_eleventh_entity_set,
          "--twelfth": draw_twelfth_entity_sets}

if __name__ == "__main__":
    flags = [f for f in sys.argv[1:] if f in _DRAWS]
    for f in flags:
        _DRAWS[f]()
    if not flags:
        main()
