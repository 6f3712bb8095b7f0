"""`pantau train topics` and `pantau explain`: the topic/relevance classifiers and why they said what they said.

Why `explain` reads from the database by default: analysts meet an article in a trend view and ask why
it was filed under a topic; the article id there is the one they have. `--input` serves JSONL files
(e.g. the corpus, or a `pantau extract` input) for developers.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from flows.commands.train_cmds import train_app
from flows.errors import InputError, PantauError

ROOT = Path(__file__).resolve().parents[2]


@train_app.command("topics")
def train_topics_cmd(
    models: Path = typer.Option(ROOT / "models", "--models", help="models/ directory to write into."),
    shared: Path = typer.Option(ROOT.parent / "shared", "--shared", help="The shared/ folder with data/corpus."),
) -> None:
    """Train the topic and relevance classifiers (about 2-4 minutes on 2 cores) and write their model card."""
    from flows.train_topics import train_topics

    rep = train_topics(models, shared)
    table = Table(title=f"topics trained in {rep.seconds} s on {rep.n_topic_docs} articles "
                        f"(relevance on {rep.n_relevance_docs})")
    for col in ("label", "positives", "threshold", "cv P", "cv R", "cv F1"):
        table.add_column(col)
    rel = rep.relevance_cv
    table.add_row("relevant", "-", str(rel["threshold"]), str(rel["p"]), str(rel["r"]), str(rel["f1"]))
    for lab, row in rep.cv_f1.items():
        table.add_row(lab, str(rep.label_counts[lab]), str(row["threshold"]), str(row["p"]), str(row["r"]),
                      str(row["f1"]))
    Console().print(table)
    typer.echo(f"wrote {models / 'topics' / 'model.pkl.gz'} and {models / 'cards' / 'topics.md'}")


def _from_jsonl(path: Path, article_id: str) -> tuple[str | None, str]:
    if not path.exists():
        raise InputError(f"--input {path}: file not found")
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if article_id not in line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
            if str(row.get("id")) == article_id:
                return row.get("title"), row.get("text") or ""
    raise InputError(f"{path}: no article with id {article_id!r}")


def _from_db(db: Path, article_id: str) -> tuple[str | None, str]:
    import duckdb

    if not db.exists():
        raise InputError(f"--db {db}: database not found (run `pantau run` first, or pass --input FILE)")
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT title, text FROM articles WHERE article_id = ? OR url = ? OR canonical_url = ?",
                          [article_id, article_id, article_id]).fetchone()
    finally:
        con.close()
    if row is None:
        raise InputError(f"{db}: no article with id or URL {article_id!r}")
    return row[0], row[1] or ""


def register(app: typer.Typer) -> None:
    @app.command("explain")
    def explain_cmd(
        article_id: str = typer.Argument(..., help="Article id (or URL) in the database, or an id in --input."),
        db: Path = typer.Option(Path("var/pantau.duckdb"), "--db", envvar="PANTAU_DB", help="DuckDB file."),
        input: Path | None = typer.Option(None, "--input", help="Read the article from this JSONL instead."),
        top: int = typer.Option(8, "--top", min=1, max=50, help="Terms per label."),
        models: Path = typer.Option(ROOT / "models", "--models", help="models/ directory."),
        all_labels: bool = typer.Option(False, "--all", help="List every label, not only the likely ones."),
    ) -> None:
        """Show the terms that drove the relevance score and each topic label of one article."""
        from nlp.topics import load_topic_model

        model = load_topic_model(models)
        if model is None:
            raise PantauError(f"no topic model at {models / 'topics' / 'model.pkl.gz'} (run `pantau train topics`)")
        title, text = _from_jsonl(input, article_id) if input else _from_db(db, article_id)
        pred = model.predict([title], [text])[0]
        terms = model.explain(title, text, top=top)
        table = Table(title=f"{article_id}: relevant={pred.relevant} ({pred.relevance_score:.2f})")
        table.add_column("label")
        table.add_column("score")
        table.add_column("assigned")
        table.add_column("terms (weight)")
        table.add_row("relevant", f"{pred.relevance_score:.2f}", str(pred.relevant),
                      ", ".join(f"{t} ({w:.2f})" for t, w in terms["relevant"]))
        scores = model.predict_scores([title], [text])[0]
        for lab in model.topic_clfs:
            if not all_labels and lab not in pred.topics and scores[lab] < 0.2:
                continue
            table.add_row(lab, f"{scores[lab]:.2f}", "yes" if lab in pred.topics else "",
                          ", ".join(f"'{t}' ({w:.2f})" for t, w in terms[lab]))
        stage = _stage_row(models, article_id, title, text, pred.relevant, scores)
        if stage is not None:
            table.add_row(*stage)
        Console().print(table)


def _stage_row(models: Path, article_id: str, title: str | None, text: str, relevant: bool,
               scores: dict[str, float]) -> tuple | None:
    """official_visit is decided after extraction (nlp/topic_stack.py): show that decision and its evidence, so
    that `explain` agrees with `pantau extract`. `scores`: the text model's probabilities, already computed."""
    from nlp.topic_stack import FEATURES, features, load_stack

    stack = load_stack(models)
    if stack is None or not relevant:
        return None
    from nlp.analyze import Analyzer
    from nlp.records import ArticleText
    from nlp.topics import cued, prepare_text

    art = ArticleText(id=article_id, text=text, title=title)
    a = Analyzer.load(models).analyze(art)
    text_p = scores[stack.label]
    x = features(text_p, [p.kind for p in a.partnerships], cued(stack.label, prepare_text(title, text)),
                 Analyzer.full_text(art))
    evidence = [f"text model {text_p:.2f}"] + [name for name, v in zip(FEATURES[1:], x[1:], strict=True) if v]
    return (f"{stack.label} (stage)", f"{stack.prob(x):.2f}", "yes" if stack.label in a.topics else "",
            ", ".join(evidence))
