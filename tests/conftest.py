"""Shared fixtures: the bundled sample news site served on 127.0.0.1 for the whole session.

Why session scope: starting the server is cheap but its state (retry counters keyed by the
test, the request log) is what several tests assert on, so tests use unique fault keys and
`site.requests_for(path)` rather than assuming a fresh server. Tests that change content
(edit_article) start their own site with `start_sample_site()`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The package is not necessarily pip-installed (tests run from a checkout): make `flows`/`nlp` importable.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from flows.sample_site import SampleSite, start_sample_site  # noqa: E402


@pytest.fixture(scope="session")
def sample_site() -> SampleSite:
    site = start_sample_site()
    yield site
    site.stop()


@pytest.fixture
def fast_fetcher():
    """A fetcher tuned for tests: tiny backoff, no rate limit; a timeout that a loaded 2-core CI machine
    serving the first page of the sample site stays under (tests of timeouts build their own fetcher)."""
    from flows.fetch import Fetcher

    fetcher = Fetcher(timeout=5.0, retries=2, backoff=0.01, backoff_max=0.05, rate_limit=None,
                      per_host_concurrency=8, max_bytes=1_000_000)
    yield fetcher
    fetcher.close()


@pytest.fixture(scope="session")
def reg():
    """The facility/region registry, loaded once for the organisation tests that share it."""
    from nlp.registry import load_registry

    return load_registry()


@pytest.fixture(scope="session")
def analyzer():
    """The Analyzer over the committed models (loaded once; Analyzer.load caches it per process anyway)."""
    from nlp.analyze import Analyzer
    from nlp.pipeline import ROOT

    return Analyzer.load(ROOT / "models")
