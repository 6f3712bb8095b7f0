"""The `pantau` command line: one typer app, with command groups registered from flows/commands/.

Why a registry of modules: each area (ingest, nlp, analyst surface, operations) keeps its
commands beside its own code; this file only assembles them and owns error reporting.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console
from rich.markup import escape

from flows import __version__
from flows.errors import PantauError

app = typer.Typer(
    name="pantau",
    help="Monitor Indonesian corrections (pemasyarakatan) news: fetch, extract, classify, store in DuckDB.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)
_state = {"debug": False}

# Each module defines register(app: typer.Typer). Add yours here.
COMMAND_MODULES = [
    "flows.commands.ingest_cmds",
    "flows.commands.nlp_cmds",
    "flows.commands.train_cmds",
    "flows.commands.topics_cmds",
    "flows.commands.pairs_cmds",
    "flows.commands.analyst_cmds",
    "flows.commands.ops_cmds",
]


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    _state["debug"] = debug
    if version:
        typer.echo(f"pantau {__version__}")
        raise typer.Exit()


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Entry point: PantauError and other failures become one line unless --debug."""
    debug = "--debug" in sys.argv
    try:
        rv = app(standalone_mode=False)
        # click returns (not raises) the code of typer.Exit(n) in this mode
        if isinstance(rv, int) and rv:
            sys.exit(rv)
    except PantauError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None)
        if code is None:
            code = getattr(exc, "code", 0)
        sys.exit(code or 0)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - last line of defence for users
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if debug:
            raise
        err.print(f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))} (run with --debug for the traceback)",
                  highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
