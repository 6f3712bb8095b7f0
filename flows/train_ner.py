"""Train the statistical NER (PERSON, ORG, LOC) into models/ner/ with `spacy train` and a config file.

Why a module and not a notebook: training is a command with a config (models/configs/ner.cfg), so the
artifact in models/ner/ can be rebuilt by anyone with ../shared/data: NERGrit + NERP train splits,
plus the domain sentences in models/annotations/ner_domain.jsonl (offsets only; their text is rebuilt
from ../shared/data/corpus at train time and never stored), upsampled because they are few but are
the only ones that look like corrections press releases. Dev = the NERGrit + NERP valid splits.

Run: `.venv/bin/python -m flows.train_ner [--config ...] [--output models/ner]` or `pantau train ner`.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from nlp import ner_data

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = REPO_ROOT / "models" / "configs" / "ner.cfg"
DEFAULT_OUTPUT = REPO_ROOT / "models" / "ner"
DEFAULT_DOMAIN = REPO_ROOT / "models" / "annotations" / "ner_domain.jsonl"
CORPORA = ("nergrit", "nerp")


class TrainingDeadline(Exception):
    """Raised by the deadline callback; spaCy has already saved model-best at the last evaluation."""


def _register_callbacks() -> None:
    """Register `pantau.training_deadline.v1`: stop `spacy train` after a wall-clock budget.

    Why: the machine's 2 cores are shared, so steps/s varies several-fold; a step budget alone can
    run for an hour. The config names the callback in [training.before_update]; spaCy saves
    model-best at every evaluation, so stopping keeps the best model seen so far.
    """
    from spacy import registry

    @registry.callbacks("pantau.training_deadline.v1")
    def training_deadline(max_minutes: float = 0.0):
        started = time.monotonic()

        def before_update(nlp, info: dict) -> None:
            if max_minutes and time.monotonic() - started > max_minutes * 60:
                raise TrainingDeadline(f"stopped at step {info.get('step')} after {max_minutes} min")

        return before_update


_register_callbacks()


@dataclass
class TrainResult:
    output: Path
    seconds: float
    train_docs: int
    dev_docs: int
    domain_docs: int
    scores: dict[str, dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def build_docbins(
    workdir: Path,
    domain: Path | None = DEFAULT_DOMAIN,
    domain_upsample: int = 4,
    ner_root: Path | None = None,
    articles: Path | None = None,
    recase: dict[str, float] | None = None,
) -> tuple[Path, Path, dict[str, int], list[str]]:
    """Write train.spacy / dev.spacy into `workdir`; return their paths, counts and domain problems."""
    import spacy

    nlp = spacy.blank("id")
    train_docs, dev_docs = [], []
    for name in CORPORA:
        fraction = (recase or {}).get(name, 0.0)
        train = ner_data.read_corpus(name, "train", ner_root, recase_fraction=fraction)
        train_docs += [ner_data.sentence_to_doc(nlp.vocab, s) for s in train]
        dev_docs += [ner_data.sentence_to_doc(nlp.vocab, s) for s in ner_data.read_corpus(name, "valid", ner_root)]
    problems: list[str] = []
    n_domain = 0
    if domain is not None and Path(domain).exists():
        docs, problems = ner_data.domain_docs(nlp, domain, articles)
        n_domain = len(docs)
        train_docs += docs * max(1, domain_upsample)
    workdir.mkdir(parents=True, exist_ok=True)
    train_path, dev_path = workdir / "train.spacy", workdir / "dev.spacy"
    ner_data.to_docbin(train_docs).to_disk(train_path)
    ner_data.to_docbin(dev_docs).to_disk(dev_path)
    counts = {"train": len(train_docs), "dev": len(dev_docs), "domain": n_domain}
    return train_path, dev_path, counts, problems


def evaluate_all(nlp, domain: Path | None = DEFAULT_DOMAIN) -> dict[str, dict]:
    """Test-split scores per corpus, on both test splits together ("overall"), and on the held-out
    domain sentences (split "test" in the domain file, never trained on) when there are any."""
    scores = {name: ner_data.evaluate_ner(nlp, name) for name in CORPORA}
    both = [s for name in CORPORA for s in ner_data.read_corpus(name, "test")]
    overall = ner_data.evaluate_ner(nlp, both)
    overall["data"] = "+".join(f"{n}:test" for n in CORPORA)
    scores["overall"] = overall
    if domain is not None and Path(domain).exists():
        docs, _ = ner_data.domain_docs(nlp, domain, split="test")
        if docs:
            sents = [ner_data.Sentence([t.text for t in d], _bio(d)) for d in docs]
            scores["domain"] = ner_data.evaluate_ner(nlp, sents)
            scores["domain"]["data"] = "domain:test"
    return scores


def _bio(doc) -> list[str]:
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


def _slim(model_dir: Path) -> None:
    """Drop what the runtime does not need (spaCy keeps no optimizer, but be explicit about leftovers)
    and the temporary DocBin paths spaCy wrote into the saved config."""
    from spacy import util

    for leftover in ("training", "optimizer", "model-last"):
        path = model_dir / leftover
        if path.is_dir():
            shutil.rmtree(path)
    cfg_path = model_dir / "config.cfg"
    cfg = util.load_config(cfg_path, interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(cfg_path)


def train_ner(
    config: Path = DEFAULT_CONFIG,
    output: Path = DEFAULT_OUTPUT,
    domain: Path | None = DEFAULT_DOMAIN,
    domain_upsample: int = 4,
    overrides: dict | None = None,
    evaluate: bool = True,
    recase_nerp: float = 0.0,
) -> TrainResult:
    """Build the DocBins, run `spacy train` with `config`, keep model-best as `output`, score it."""
    import spacy
    from spacy.cli.train import train as spacy_train

    config, output = Path(config), Path(output)
    if not config.exists():
        raise FileNotFoundError(f"NER config not found: {config}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pantau-ner-") as tmp:
        tmpdir = Path(tmp)
        train_path, dev_path, counts, problems = build_docbins(
            tmpdir / "data", domain, domain_upsample, recase={"nerp": recase_nerp}
        )
        for problem in problems[:20]:
            log.warning("domain annotation: %s", problem)
        all_overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
        all_overrides.update(overrides or {})
        try:
            spacy_train(config, tmpdir / "out", overrides=all_overrides)
        except TrainingDeadline as exc:
            log.warning("training deadline reached: %s", exc)
        best = tmpdir / "out" / "model-best"
        if not best.exists():
            raise RuntimeError("spacy train produced no model-best (deadline before the first evaluation?)")
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
    _slim(output)
    seconds = time.perf_counter() - started
    result = TrainResult(output, seconds, counts["train"], counts["dev"], counts["domain"], problems=problems)
    if evaluate:
        nlp = spacy.load(output)
        result.scores = evaluate_all(nlp, domain)
        _write_meta(output, result, config)
    return result


def _write_meta(output: Path, result: TrainResult, config: Path) -> None:
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": "pantau_ner",
            "version": "0.1.0",
            "description": "Indonesian NER (PERSON, ORG, LOC) for corrections news; see models/cards/ner.md",
            "license": "Apache-2.0 (model); data: IndoNLU NERGrit + NERP, see card",
            "sources": [
                {"name": "IndoNLU NERGrit", "license": "see models/cards/ner.md"},
                {"name": "IndoNLU NERP", "license": "Apache-2.0 (IndoNLU)"},
            ],
        }
    )
    meta["pantau"] = {
        "label_map": ner_data.LABEL_MAPS,
        "labels": list(ner_data.LABELS),
        "config": str(config.relative_to(REPO_ROOT)) if config.is_relative_to(REPO_ROOT) else str(config),
        "train_docs": result.train_docs,
        "dev_docs": result.dev_docs,
        "domain_sentences": result.domain_docs,
        "train_seconds": round(result.seconds, 1),
        "test_scores": result.scores,
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--domain", type=Path, default=DEFAULT_DOMAIN)
    parser.add_argument("--domain-upsample", type=int, default=4)
    parser.add_argument("--recase-nerp", type=float, default=0.0,
                        help="fraction of (all-lowercase) NERP train sentences recased like news text")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                        help="config override, e.g. --set training.max_steps=2000")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    result = train_ner(args.config, args.output, args.domain, args.domain_upsample, overrides,
                       recase_nerp=args.recase_nerp)
    print(f"saved {result.output} in {result.seconds:.0f}s "
          f"({result.train_docs} train docs incl. {result.domain_docs} domain x{args.domain_upsample})")
    for scores in result.scores.values():
        print(ner_data.format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
