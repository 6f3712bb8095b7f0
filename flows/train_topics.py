"""Train the topic and relevance classifiers from the project's labels (`pantau train topics`).

Inputs (all keyed by article id, texts read from ../shared/data/corpus at train time):
- models/annotations/gold/dev_*.jsonl   full gold (topics + relevance) by the guidelines
- models/annotations/topics_only*.jsonl topic + relevance labels
- ../shared/eval/examples_gold.jsonl    the guideline's worked examples
- models/annotations/synthetic_topics.jsonl  short articles we wrote for rare labels (text in the repo: ours)
- every other corpus article as a weak relevance label (articles.jsonl: relevant, negatives.jsonl: not)
The held-out ids of models/annotations/splits.json are never read here.
Outputs: models/topics/model.pkl.gz, models/topics/arrays.npz (the same model as plain arrays, for
prediction without scikit-learn: nlp/topic_arrays.py), models/topics/report.json, models/cards/topics.md.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from flows.errors import InputError
from nlp.topic_training import LabelledDoc, TrainReport, fit_topic_model
from nlp.topics import TOPICS

ROOT = Path(__file__).resolve().parents[1]


def _jsonl(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def heldout_ids(models_dir: Path) -> set[str]:
    splits = json.loads((models_dir / "annotations" / "splits.json").read_text())
    return set(splits.get("entity_heldout", [])) | set(splits.get("negatives_in_gold", []))


def collect_labels(models_dir: Path, shared: Path) -> dict[str, dict]:
    """id -> {"relevant", "topics"} from every label file; later files never override full gold."""
    labels: dict[str, dict] = {}
    files = [shared / "eval" / "examples_gold.jsonl", *sorted((models_dir / "annotations").glob("topics_only*.jsonl")),
             *sorted((models_dir / "annotations" / "gold").glob("dev_*.jsonl"))]
    for f in files:
        for r in _jsonl(f):
            labels[str(r["id"])] = {"relevant": bool(r["relevant"]), "topics": list(r.get("topics") or [])}
    return labels


def build_training_set(models_dir: Path, shared: Path) -> list[LabelledDoc]:
    corpus = shared / "data" / "corpus"
    if not (corpus / "articles.jsonl").exists():
        raise InputError(f"{corpus}: corpus not found (expected ../shared/data/corpus beside the repo)")
    hold = heldout_ids(models_dir)
    labels = collect_labels(models_dir, shared)
    docs: list[LabelledDoc] = []
    for fname, default_rel in (("articles.jsonl", True), ("negatives.jsonl", False)):
        for r in _jsonl(corpus / fname):
            rid = str(r["id"])
            if rid in hold:
                continue
            lab = labels.get(rid)
            weight = 2.0 if r.get("tier") == "peripheral" else 1.0
            if lab is None:
                docs.append(LabelledDoc(rid, r.get("title"), r.get("text") or "", default_rel, None, weight))
            else:
                docs.append(LabelledDoc(rid, r.get("title"), r.get("text") or "", lab["relevant"],
                                        lab["topics"], weight))
    for r in _jsonl(models_dir / "annotations" / "synthetic_topics.jsonl"):
        docs.append(LabelledDoc(str(r["id"]), r.get("title"), r["text"], bool(r.get("relevant", True)),
                                list(r.get("topics") or []), 1.0, "synthetic"))
    return docs


def write_card(path: Path, report: TrainReport, command: str) -> None:
    lines = [
        "# Model card: topic and relevance classifiers",
        "",
        f"Trained {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {report.seconds} s by `{command}`.",
        "",
        "## What it does",
        "Multi-label topics (taxonomy in `nlp/taxonomy.toml`) and corrections relevance for Indonesian news.",
        "Word 1-2-gram tf-idf over the text + character 3-5-gram tf-idf over its lead. Relevance: one logistic",
        "regression. Topics: one logistic regression per label over the features scaled by the label's naive-Bayes",
        "log-count ratio (NBSVM-style, Wang & Manning 2012; the ratio is folded into the coefficients, so the saved",
        "model is an ordinary linear model). Probabilities from a Platt sigmoid fitted on 5-fold out-of-fold",
        "decision scores (vectoriser refitted per fold), per-label thresholds chosen on the same out-of-fold",
        "probabilities.",
        "`pantau explain` lists the n-grams behind each label.",
        "",
        "## Data",
        f"- relevance: {report.n_relevance_docs} articles (labelled ones by the guidelines; the rest of",
        "  ../shared/data/corpus as weak labels: articles.jsonl relevant, negatives.jsonl not; hard negatives",
        "  (`tier = peripheral`) weighted x2). Held-out ids never used.",
        f"- topics: {report.n_topic_docs} relevant articles with topic labels (annotations keyed by id under",
        "  models/annotations/ plus our synthetic articles for rare labels; synthetic ones are trained on but",
        "  excluded from the cross-validated scores).",
        "",
        "## Cross-validated scores (out-of-fold, corpus articles only)",
        f"Relevance: P={report.relevance_cv.get('p')} R={report.relevance_cv.get('r')} "
        f"F1={report.relevance_cv.get('f1')} at threshold {report.relevance_cv.get('threshold')}",
        "",
        "| label | positives | threshold | P | R | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for lab in TOPICS:
        row = report.cv_f1.get(lab)
        if row:
            t = f"{row['threshold']}" + (f" ({row['cue_threshold']} with cue words)" if "cue_threshold" in row else "")
            lines.append(f"| {lab} | {report.label_counts[lab]} | {t} | {row['p']} | {row['r']} | {row['f1']} |")
        else:
            lines.append(f"| {lab} | {report.label_counts.get(lab, 0)} | - | not trained (too few positives) | | |")
    lines += [
        "",
        "Thresholds are chosen on the same out-of-fold predictions they are scored on, so these F1 are",
        "slightly optimistic; the held-out numbers (`pantau evaluate --split heldout`) are the honest ones.",
        "Taxonomy preconditions (`requires` in nlp/taxonomy.toml: illegal_phones needs a phone word) and cue",
        "words (`cue`: visit words in the title or lead lower official_visit's threshold to the one in brackets)",
        "are applied to the out-of-fold scores exactly as at prediction time.",
    ]
    if report.stack_cv:
        sc = report.stack_cv
        lines += [
            "",
            "official_visit is then decided by a second stage (`nlp/topic_stack.py`, `models/topics/stack.json`):",
            "a logistic regression over the text model's out-of-fold probability, the partnership kinds the",
            "extraction finds (visit, meeting, agreement), the title/lead cue words and a hierarchy-visit sentence.",
            f"Its 5-fold out-of-fold score: P={sc.get('p')} R={sc.get('r')} F1={sc.get('f1')} at threshold "
            f"{sc.get('threshold')} (the row above is the text model alone).",
        ]
    lines += [
        "",
        "## Limitations",
        "- Trained on press-release style coverage 2015-2026; web excerpts are cut at ~2,000 characters.",
        "- Labels with few positives (see table) are unreliable; add labelled articles and retrain.",
    ]
    # Measurements on articles outside the training data are written by hand after training; keep them.
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if KEPT_SECTION in old:
            lines += ["", old[old.index(KEPT_SECTION):].rstrip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


KEPT_SECTION = "## Checks on articles outside training"


def train_topics(models_dir: Path = ROOT / "models", shared: Path = ROOT.parent / "shared",
                 command: str = "pantau train topics") -> TrainReport:
    from nlp.topics import save_topic_model

    docs = build_training_set(models_dir, shared)
    model, report = fit_topic_model(docs)
    out = models_dir / "topics"
    out.mkdir(parents=True, exist_ok=True)
    from flows.train_stack import train_stack

    report.stack_cv = train_stack(models_dir, docs, model) or {}  # also drops the transient out-of-fold data
    save_topic_model(model, models_dir)  # also writes arrays.npz, or removes a stale one
    (out / "model.joblib").unlink(missing_ok=True)  # the older format, superseded
    (out / "report.json").write_text(json.dumps(asdict(report), indent=1))
    (models_dir / "cards").mkdir(exist_ok=True)
    write_card(models_dir / "cards" / "topics.md", report, command)
    return report


if __name__ == "__main__":
    rep = train_topics(command="python -m flows.train_topics")
    print(json.dumps(asdict(rep), indent=1))
