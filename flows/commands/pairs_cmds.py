"""`pantau train partnerships`: the pair classifier that adds partnerships the rules missed (nlp/pair_model.py).

Why its own module: like `train topics`, the command hangs itself on the shared `train_app`, so
flows/commands/train_cmds.py needs no change; heavy imports (the Analyzer, scikit-learn) stay inside it.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from flows.commands.train_cmds import train_app

ROOT = Path(__file__).resolve().parents[2]


@train_app.command("partnerships")
def train_partnerships_cmd(
    models: Path = typer.Option(ROOT / "models", "--models", help="models/ directory to write into."),
    shared: Path = typer.Option(ROOT.parent / "shared", "--shared", help="The shared/ folder (data/corpus, eval)."),
) -> None:
    """Train the partnership pair classifier (about 30 s) on the dev gold; it is written only when grouped CV
    says rules + classifier beat the rules alone, on dev_m..o and on the rest (else the stage is switched off)."""
    from flows.train_pairs import train_pairs

    rep = train_pairs(models, shared)
    table = Table(title=f"pair classifier: {rep.n_articles} articles, {rep.n_candidates} candidates "
                        f"({rep.n_positive} positive), {rep.seconds} s")
    for col in ("articles", "system", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col)
    for group in ("fresh", "rest", "all"):
        row = rep.cv[group]
        for system in ("rules", "rules+classifier"):
            r = row[system]
            label = {"fresh": "dev_m..o", "rest": "dev_a..g,i..k", "all": "all"}[group]
            table.add_row(f"{label} ({row['articles']})", system, str(r["p"]), str(r["r"]), str(r["f1"]),
                          str(r["tp"]), str(r["fp"]), str(r["fn"]))
    Console().print(table)
    typer.echo(f"threshold {rep.threshold} (nested-CV fold thresholds {rep.cv['fold_thresholds']})")
    if rep.accepted:
        typer.echo(f"wrote {rep.model_path}")
    else:
        typer.echo("rules + classifier do not beat the rules alone on both groups: no model written, the stage is off")


def register(app: typer.Typer) -> None:
    """The command is registered on `train_app` at import; nothing else to add."""
