"""`pantau extract` and `pantau evaluate`: batch extraction without a database, and its scores.

Output contract of `extract`: one line per input line, in input order. A malformed input line
(bad JSON, not an object, no id, no text, bad published date) is reported on stderr with its line
number and gets an output line `{"id": <id or null>, "line": N, "error": "..."}` so that line
numbers of input and output stay aligned; the exit code is 1 when any line failed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated

import typer

from flows.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")  # "2025/02/11" (ISO's "-" is read above)
_ENGLISH = re.compile(r"^(?:[A-Z][a-z]+,?\s+)?([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")  # "Feb 11, 2025"
_WIB = timezone(timedelta(hours=7))


def _timestamp(value) -> date | None:
    """Seconds (9-10 digits) or milliseconds (12-13 digits) since 1970, as a number or a string of digits."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    digits = str(value).strip().split(".")[0]
    if not digits.isdigit() or len(digits) not in (9, 10, 12, 13):
        return None
    seconds = float(value) / (1000 if len(digits) > 10 else 1)
    return datetime.fromtimestamp(seconds, tz=_WIB).date()


def parse_published(value) -> date | None:
    """The publication date from what feeds and scrapers write: ISO dates and datetimes (with or without
    zone), RFC 2822 ("Tue, 11 Feb 2025 08:00:00 +0700"), day-first numeric ("11/02/2025") and Indonesian
    or English month names ("Selasa, 11 Februari 2025"), year-first with slashes ("2025/02/11"), English
    month-first ("February 11, 2025") and Unix timestamps (seconds, read in Western Indonesian Time, as some
    JSON APIs give them). None stays None; anything else raises ValueError."""
    if value in (None, ""):
        return None
    stamp = _timestamp(value)
    if stamp is not None:
        return stamp
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, got {type(value).__name__}")
    v = value.strip()
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        pass
    for rx, order in ((_NUMERIC_DATE, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
        m = rx.match(v)
        if m:
            try:
                return date(*(int(m.group(i)) for i in order))
            except ValueError:
                pass
    m = _ENGLISH.match(v)
    if m:
        for fmt in ("%B %d %Y", "%b %d %Y"):
            try:
                return datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", fmt).date()
            except ValueError:
                pass
    from nlp.dates import find_dates

    full = [d.date for d in find_dates(v, None) if d.date is not None]
    if full:
        return full[0]
    raise ValueError(f"published {value!r} is not a date")


def jsonl_lines(text: str) -> list[str]:
    """A JSONL file's lines, split on "\n" only: `str.splitlines` also breaks at U+2028, U+0085 and form
    feeds, which JSON strings may hold raw (article text often does), and would cut records in two."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def parse_line(raw: str, lineno: int, source: str = "input"):
    """One input line -> ArticleText; raises ValueError naming what is wrong."""
    from nlp.records import ArticleText

    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    if obj.get("id") in (None, ""):
        raise ValueError("missing 'id'")
    text = obj.get("text")
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise ValueError("'title' must be a string or null")
    if text is None and title and title.strip():
        text = ""  # a headline-only item (a feed entry, a page whose body failed): extracted from its title
    if not isinstance(text, str):
        raise ValueError("missing or non-string 'text' (and no title to read instead)")
    url = obj.get("url")
    try:
        published = parse_published(obj.get("published"))
    except ValueError as exc:
        # an unreadable date costs the date, not the article: relative dates then stay unresolved
        print(f"{source}:{lineno}: {exc}; treated as unknown", file=sys.stderr)
        published = None
    return ArticleText(id=str(obj["id"]), text=text, title=title, published=published,
                       url=url if isinstance(url, str) else None)


def read_input_text(path: Path) -> str:
    """The input file as text, whatever exports hand us: gzip-compressed (by its magic bytes), a UTF-8 or UTF-16
    byte-order mark, or lines that are not UTF-8 (read as Windows-1252, the usual culprit, with a warning naming
    each line) instead of one decoding error that stops the whole run."""
    import gzip

    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    if raw[:3] == b"\xef\xbb\xbf":
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: UTF-16 byte-order mark, but not UTF-16 ({exc.reason})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out = []
    for i, line in enumerate(raw.split(b"\n"), start=1):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            print(f"{path}:{i}: not UTF-8; read as Windows-1252", file=sys.stderr)
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def run_extract(input_path: Path, output_path: Path, batch_size: int = 64, n_process: int = 1,
                model_dir: Path | None = None, progress: bool = True) -> tuple[int, int]:
    """Extract every line; returns (lines ok, lines failed)."""
    from rich.progress import Progress

    from nlp.analyze import Analyzer

    if not input_path.exists():
        raise InputError(f"{input_path}: no such file")
    lines = jsonl_lines(read_input_text(input_path))
    parsed: list = []
    failed = 0
    for i, raw in enumerate(lines, start=1):
        if not raw.strip():
            parsed.append((i, None, "empty line"))
            continue
        try:
            parsed.append((i, parse_line(raw, i, str(input_path)), None))
        except ValueError as exc:
            parsed.append((i, None, str(exc)))
    good = [p[1] for p in parsed if p[1] is not None]
    # Loaded once here, before any worker starts: forked workers inherit it (copy-on-write), so
    # --n-process 2 costs one model load, not three.
    analyzer = Analyzer.load(model_dir or ROOT / "models")
    if n_process > 1 and len(good) > batch_size:
        analyzer.warm()
    results = _analyze_all(analyzer, good, batch_size, n_process, model_dir)
    ok = 0
    with open(output_path, "w", encoding="utf-8") as out, Progress(transient=True, disable=not progress,
                                                                    console=_stderr_console()) as bar:
        task = bar.add_task("extract", total=len(parsed))
        for lineno, art, err in parsed:
            if art is None:
                failed += 1
                print(f"{input_path}:{lineno}: {err}", file=sys.stderr)
                rid = None
                try:
                    obj = json.loads(lines[lineno - 1])
                    rid = obj.get("id") if isinstance(obj, dict) else None
                except (json.JSONDecodeError, IndexError):
                    pass
                out.write(json.dumps({"id": rid, "line": lineno, "error": err}, ensure_ascii=False) + "\n")
            else:
                res = next(results)
                if isinstance(res, Exception):
                    failed += 1
                    print(f"{input_path}:{lineno}: analysis failed: {res}", file=sys.stderr)
                    out.write(json.dumps({"id": art.id, "line": lineno, "error": str(res)}, ensure_ascii=False) + "\n")
                else:
                    ok += 1
                    out.write((res if isinstance(res, str) else _json_line(res)) + "\n")
            bar.advance(task)
    return ok, failed


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _analyze_all(analyzer, arts: list, batch_size: int, n_process: int, model_dir):
    """Yield one Analysis (or the Exception) per article, in order; a failing batch is retried one by one."""
    if n_process > 1 and len(arts) > batch_size:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # fork where the platform has it: the workers start with the parent's loaded Analyzer
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        chunks = [arts[i:i + batch_size] for i in range(0, len(arts), batch_size)]
        with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_init_worker,
                                 initargs=(str(model_dir or ROOT / "models"),)) as ex:
            for chunk_res in ex.map(_worker_batch, chunks):
                yield from chunk_res
        return
    for i in range(0, len(arts), batch_size):
        chunk = arts[i:i + batch_size]
        try:
            yield from list(analyzer.pipe(chunk, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - isolate the bad article, keep the rest
            for a in chunk:
                try:
                    yield analyzer.analyze(a)
                except Exception as exc:  # noqa: BLE001
                    yield exc


_WORKER: dict = {}


def _init_worker(model_dir: str) -> None:
    from nlp.analyze import Analyzer

    _WORKER["a"] = Analyzer.load(model_dir)


def _json_line(res) -> str:
    return json.dumps(res.to_json(), ensure_ascii=False)


def _worker_batch(chunk: list) -> list:
    """Results come back as finished JSON lines: serialising in the workers keeps the parent (which
    shares the 2 cores with them) down to reading input and writing lines."""
    a = _WORKER["a"]
    try:
        return [_json_line(r) for r in a.pipe(chunk, batch_size=len(chunk))]
    except Exception:  # noqa: BLE001
        out = []
        for art in chunk:
            try:
                out.append(_json_line(a.analyze(art)))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def load_score_module():
    """The project's judge (../shared/eval/score.py) when present, else the vendored copy."""
    shared = ROOT.parent / "shared" / "eval" / "score.py"
    if shared.exists():
        spec = importlib.util.spec_from_file_location("pantau_shared_score", shared)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    from nlp import eval_score

    return eval_score


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        input: Annotated[Path, typer.Argument(help="JSONL with id, title, text, published, url per line.")],
        output: Annotated[Path, typer.Option("-o", "--output", help="Where to write one JSON line per input line.")],
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")] = 64,
        n_process: Annotated[int, typer.Option("--n-process", min=0, help="Worker processes (0: one per core, "
                                               "at most 4; inputs of one batch or less run in-process).")] = 0,
        model_dir: Annotated[Path, typer.Option("--model-dir", help="Directory with configs/, ner/, topics/.")]
        = ROOT / "models",
    ) -> None:
        """Extract facilities, organisations, officials, dates (and topics when trained) from articles."""
        ok, failed = run_extract(input, output, batch_size, n_process or min(os.cpu_count() or 1, 4), model_dir)
        typer.echo(f"extracted {ok} articles, {failed} failed lines -> {output}", err=True)
        if failed:
            raise SystemExit(1)  # not typer.Exit: the app runs with standalone_mode=False, which swallows it

    @app.command("evaluate")
    def evaluate(
        gold: Annotated[Path | None, typer.Option("--gold", help="Gold JSONL file or directory.")] = None,
        split: Annotated[str, typer.Option("--split", help="dev (models/annotations/gold/dev_*.jsonl) or heldout.")]
        = "dev",
        corpus: Annotated[Path, typer.Option("--corpus", help="Directory with articles.jsonl / negatives.jsonl.")]
        = ROOT.parent / "shared" / "data" / "corpus",
        model_dir: Annotated[Path, typer.Option("--model-dir")] = ROOT / "models",
        json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON here.")] = None,
    ) -> None:
        """Per-field precision / recall / F1 on annotated articles (scored by shared/eval/score.py)."""
        from nlp.evaluate import evaluate_articles, ner_scores

        if split not in ("dev", "heldout"):
            raise InputError(f"--split must be dev or heldout, got {split!r}")
        res = evaluate_articles(gold, split, corpus, model_dir)
        for k in ["relevant", "facilities", "organizations", "officials", "partnerships"]:
            r = res[k]
            typer.echo(f"{k:14s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  "
                       f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
        typer.echo(f"topic_macro_f1={res['topic_macro_f1']} event_date_acc={res['event_date_acc']} "
                   f"official_role_acc={res['official_role_acc']} missing={res['missing_predictions']} "
                   f"n={res['n_gold']}")
        ner = ner_scores(model_dir)
        for name, r in ner.items():
            typer.echo(f"NER {name}: {r}")
        if json_out:
            json_out.write_text(json.dumps({"extraction": res, "ner": ner}, indent=1, default=str))
