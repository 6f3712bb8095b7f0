"""Scores for `pantau evaluate`: run the Analyzer on gold-annotated corpus articles and score the
output with the project's judge (shared/eval/score.py, or the vendored nlp/eval_score.py).

Why reuse the judge and not re-implement it: the numbers must agree with how unseen articles are
scored; a second implementation would drift.
"""

from __future__ import annotations

import json
from pathlib import Path

from flows.commands.nlp_cmds import ROOT, jsonl_lines, load_score_module, parse_published
from nlp.records import ArticleText


def gold_files(gold: Path | None, split: str) -> list[Path]:
    if gold is not None:
        return sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]
    d = ROOT / "models" / "annotations" / "gold"
    if split == "heldout":
        return [d / "heldout.jsonl"]
    return sorted(p for p in d.glob("dev_*.jsonl"))


def load_gold(paths: list[Path]) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for p in paths:
        for i, line in enumerate(jsonl_lines(p.read_text(encoding="utf-8")), start=1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{p}:{i}: {exc.msg}") from None
                rows[str(obj["id"])] = obj
    return rows


def load_corpus(corpus: Path, ids: set[str]) -> dict[str, ArticleText]:
    out: dict[str, ArticleText] = {}
    for name in ("articles.jsonl", "negatives.jsonl"):
        p = corpus / name
        if not p.exists():
            continue
        for line in p.open(encoding="utf-8"):
            r = json.loads(line)
            if r["id"] in ids:
                try:
                    pub = parse_published(r.get("published"))
                except ValueError:
                    pub = None
                out[r["id"]] = ArticleText(r["id"], r.get("text") or "", r.get("title"), pub, r.get("url"))
    return out


def evaluate_articles(gold_path: Path | None, split: str, corpus: Path, model_dir: Path) -> dict:
    from nlp.analyze import Analyzer

    gold = load_gold(gold_files(gold_path, split))
    arts = load_corpus(corpus, set(gold))
    analyzer = Analyzer.load(model_dir)
    pred = {a.id: a.to_json() for a in analyzer.pipe(arts.values())}
    return load_score_module().score({k: v for k, v in gold.items() if k in arts}, pred)


def ner_scores(model_dir: Path) -> dict:
    """NER F1 on the NER test splits, via the NER engineer's nlp.ner_data.evaluate_ner when available."""
    ner_dir = Path(model_dir) / "ner"
    if not (ner_dir / "config.cfg").exists():
        return {}
    try:
        from nlp.ner_data import evaluate_ner
    except ImportError:
        return {}
    import spacy

    nlp = spacy.load(ner_dir)
    out = {}
    data = ROOT.parent / "shared" / "data" / "ner"
    for name in ("nergrit", "nerp"):
        p = data / name
        if p.exists():
            try:
                out[name] = evaluate_ner(nlp, p)
            except Exception as exc:  # noqa: BLE001 - report, do not crash the extraction scores
                out[name] = {"error": str(exc)}
    return out
