"""`pantau train ...`: rebuild the trained models under models/ from ../shared/data.

Why a sub-app exposed as `train_app`: each model family (NER here, topics / relevance elsewhere) adds
its own `@train_app.command(...)` in its own module, so `pantau train --help` lists them all without
this file knowing about them. Heavy imports (spaCy, the training code) stay inside the commands.
"""

from __future__ import annotations

from pathlib import Path

import typer

from flows.errors import ConfigError, InputError

train_app = typer.Typer(help="Train models into models/ (NER, topics, ...).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")


@train_app.command("ner")
def train_ner_cmd(
    config: Path = typer.Option(Path("models/configs/ner.cfg"), "--config", help="spaCy training config."),
    output: Path = typer.Option(Path("models/ner"), "--output", "-o", help="Model directory to (re)write."),
    domain: Path = typer.Option(Path("models/annotations/ner_domain.jsonl"), "--domain",
                                help="Domain sentence offsets (text rebuilt from ../shared/data/corpus)."),
    domain_upsample: int = typer.Option(4, "--domain-upsample", min=1, help="Copies of each domain sentence."),
    recase_nerp: float = typer.Option(0.0, "--recase-nerp", min=0.0, max=1.0,
                                      help="Fraction of the all-lowercase NERP sentences recased like news."),
    max_steps: int = typer.Option(None, "--max-steps", min=1, help="Override training.max_steps."),
    max_minutes: float = typer.Option(None, "--max-minutes", min=1, help="Wall-clock training budget "
                                      "(default: the config's, 30)."),
) -> None:
    """Train the statistical NER (PERSON, ORG, LOC) on NERGrit + NERP + domain sentences."""
    from flows import train_ner
    from nlp import ner_data

    if not config.exists():
        raise ConfigError(f"--config {config}: file not found")
    if not ner_data.ner_data_root().exists():
        raise InputError(f"NER corpora not found at {ner_data.ner_data_root()} (set PANTAU_SHARED_DATA)")
    overrides: dict = {}
    if max_steps:
        overrides.update({"training.max_steps": max_steps, "training.optimizer.learn_rate.total_steps": max_steps})
    if max_minutes:
        overrides["training.before_update.max_minutes"] = max_minutes
    try:
        result = train_ner.train_ner(config, output, domain if domain.exists() else None, domain_upsample,
                                     overrides, recase_nerp=recase_nerp)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from exc
    typer.echo(f"saved {result.output} in {result.seconds:.0f}s ({result.train_docs} train docs, "
               f"{result.domain_docs} domain sentences x{domain_upsample})")
    for scores in result.scores.values():
        typer.echo(ner_data.format_scores(scores))
