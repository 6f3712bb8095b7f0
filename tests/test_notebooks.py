"""The notebooks run top to bottom (nbclient, a real Jupyter kernel) and draw real plots.

Two databases: the demo database built from the bundled sample site by the real ingest flow (+ the
enrich flow), which is what the notebooks open by default; and a small synthetic database with
every NLP table filled, where each notebook must produce its figures (PNG outputs), so a plotting
cell that silently draws nothing fails here. Notebooks are committed without outputs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MIN_FIGURES = {"01_topic_trends": 4, "02_partnership_network": 4, "03_facility_profile": 3}


def ensure_kernel() -> str:
    """A kernelspec named python3 that runs THIS interpreter (the venv's), installed if missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
        if spec.argv and spec.argv[0] in ("python", "python3", sys.executable):
            return "python3"
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name="python3", prefix=sys.prefix)
    return "python3"


def run_notebook(path: Path, db: Path, monkeypatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("PANTAU_DB", str(db))
    monkeypatch.delenv("PANTAU_SNAPSHOT", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name=ensure_kernel(),
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def figures(nb) -> int:
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if "image/png" in o.get("data", {}))


def test_notebooks_are_committed_without_outputs():
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: has outputs"


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_demo_db import build_synthetic_demo_db

    path = tmp_path_factory.mktemp("nb") / "synthetic.duckdb"
    build_synthetic_demo_db(path, n_articles=3000)
    return path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo DB from the sample site, through the real flows (Prefect test server shared per process).

    CI that already built one (`scripts/make_demo_db.py`) can pass it in PANTAU_TEST_DEMO_DB (copied, so
    the test never writes to it) and skip the minute or so of Prefect start-up + ingest + enrich.
    """
    prebuilt = os.environ.get("PANTAU_TEST_DEMO_DB")
    if prebuilt and Path(prebuilt).exists():
        import shutil

        path = tmp_path_factory.mktemp("nb") / "demo.duckdb"
        shutil.copyfile(prebuilt, path)
        return path
    from prefect_support import ensure_prefect

    ensure_prefect()
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_demo_db import build_demo_db

    path = tmp_path_factory.mktemp("nb") / "demo.duckdb"
    result = build_demo_db(path, enrich=os.environ.get("PANTAU_TEST_DEMO_ENRICH", "1") != "0", verbose=True)
    assert result["counts"]["articles"] >= 20, result
    return path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_draws_its_plots_on_synthetic_data(path, synthetic_db, monkeypatch):
    nb = run_notebook(path, synthetic_db, monkeypatch)
    assert figures(nb) >= MIN_FIGURES.get(path.stem, 1)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_the_sample_site_demo_db(path, demo_db, monkeypatch):
    nb = run_notebook(path, demo_db, monkeypatch)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
