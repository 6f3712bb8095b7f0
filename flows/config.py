"""Settings for pantau: where the database, sources file and models live.

Why one module: every command and flow reads the same three paths, and Prefect must be
configured through environment variables *before* it is first imported (its settings are
read at import time). Importing `flows.config` first and calling `prefect_env()` is the one
place that happens, so the CLI, the tests and the benchmark all get the same quiet,
offline-friendly Prefect.

Precedence: explicit argument (CLI option) > environment variable > default.
- `PANTAU_DB`       database file            (default `var/pantau.duckdb`)
- `PANTAU_SOURCES`  sources TOML file        (default `sources.toml`)
- `PANTAU_MODELS`   trained-artifact folder  (default `models/`)
- `PANTAU_VAR`      working folder for state (default `var/`)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("var/pantau.duckdb")
DEFAULT_SOURCES = Path("sources.toml")
DEFAULT_MODELS = Path("models")
DEFAULT_VAR = Path("var")

# Prefect defaults: no telemetry, a start-up timeout generous enough for a fresh PREFECT_HOME
# on a slow 2-core machine (22 s measured; Prefect's own default is 20 s), and logs that do not
# drown a CLI progress bar. Values already in the environment win.
PREFECT_DEFAULTS: dict[str, str] = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


@dataclass(frozen=True)
class Settings:
    """Resolved paths; build with `Settings.load()` so env and CLI options are applied once."""

    db_path: Path
    sources_file: Path
    model_dir: Path
    var_dir: Path

    @classmethod
    def load(
        cls,
        db: str | os.PathLike | None = None,
        sources: str | os.PathLike | None = None,
        models: str | os.PathLike | None = None,
    ) -> Settings:
        var_dir = Path(os.environ.get("PANTAU_VAR") or DEFAULT_VAR)
        return cls(
            db_path=Path(db or os.environ.get("PANTAU_DB") or DEFAULT_DB),
            sources_file=Path(sources or os.environ.get("PANTAU_SOURCES") or DEFAULT_SOURCES),
            model_dir=Path(models or os.environ.get("PANTAU_MODELS") or DEFAULT_MODELS),
            var_dir=var_dir,
        )


def prefect_env(var_dir: str | os.PathLike | None = None) -> None:
    """Set Prefect's environment defaults; a no-op for values the user already set.

    PREFECT_HOME defaults to `var/prefect` (absolute) so a checkout keeps its own Prefect
    database instead of sharing ~/.prefect with whatever else runs on the machine.
    """
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_HOME" not in os.environ:
        base = Path(var_dir or os.environ.get("PANTAU_VAR") or DEFAULT_VAR)
        home = (base / "prefect").resolve()
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)


def code_version() -> str:
    """Package version plus the git commit when run from a checkout ("0.1.0+g3db59d7").

    Read from .git directly (no subprocess): runs are recorded with the code that made them,
    and a missing git binary must not fail a run.
    """
    from flows import __version__

    sha = _git_sha(Path(__file__).resolve().parent.parent)
    return f"{__version__}+g{sha[:7]}" if sha else __version__


def _git_sha(root: Path) -> str | None:
    head = root / ".git" / "HEAD"
    try:
        ref = head.read_text().strip()
        if not ref.startswith("ref:"):
            return ref or None
        name = ref.split(None, 1)[1]
        ref_file = root / ".git" / name
        if ref_file.exists():
            return ref_file.read_text().strip() or None
        packed = root / ".git" / "packed-refs"
        if packed.exists():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + name):
                    return line.split()[0]
    except OSError:
        return None
    return None
