"""DuckDB extensions shipped as pip packages (`duckdb-extension-<name>`), loaded by file path.

Why by path: `INSTALL <name>` downloads from DuckDB's servers, which pantau's machines cannot reach; the
pip packages carry the same binaries, built for a given DuckDB version.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb


def pip_extension_path(name: str) -> Path | None:
    """The `<name>.duckdb_extension` file of the installed pip package, matching this DuckDB if possible."""
    try:
        pkg = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError:
        return None
    base = Path(pkg.__file__).resolve().parent / "extensions"
    exact = base / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if exact.exists():
        return exact
    found = sorted(base.glob(f"*/{name}.duckdb_extension"))
    return found[-1] if found else None
