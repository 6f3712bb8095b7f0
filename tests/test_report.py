"""The weekly HTML digest: sections, inline charts, links to the sources, self-contained; and a real
headless Chromium renders it (screenshot taken, no console messages)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.errors import InputError
from flows.report import build_report, parse_week, write_report

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ["summary", "topic-trends", "spikes", "top-facilities", "partnerships", "incidents", "stories"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_synthetic_db import generate

    path = tmp_path_factory.mktemp("report") / "synthetic.duckdb"
    generate(path, n_articles=4000, seed=11, start="2025-01-06", days=200, verbose=False)
    return path


@pytest.fixture(scope="module")
def html(db):
    return build_report(db, "2025-W23")


def test_week_parsing():
    assert str(parse_week("2025-W23")) == "2025-06-02"
    with pytest.raises(InputError, match="ISO week"):
        parse_week("2025-23")
    with pytest.raises(InputError, match="no ISO week 53"):
        parse_week("2025-W53")


def test_digest_has_every_section_chart_and_source_links(db, html):
    for section in SECTIONS:
        assert f'id="{section}"' in html
    assert "2025-W23" in html and "2025-06-02" in html
    assert html.count("<svg") >= 3                        # topic trend, facilities, partnership graph
    assert 'class="chart network"' in html and "<line " in html and "<circle " in html
    con = duckdb.connect(str(db), read_only=True)
    week_urls = {u for (u,) in con.execute(
        "SELECT url FROM relevant_articles WHERE iso_week = '2025-W23'").fetchall()}
    incidents = con.execute("SELECT count(DISTINCT story_key) FROM incident_timeline WHERE iso_week = '2025-W23'"
                            ).fetchone()[0]
    n_week = con.execute("SELECT count(*) FROM relevant_articles WHERE iso_week = '2025-W23'").fetchone()[0]
    con.close()
    links = set(re.findall(r'<a href="([^"]+)"', html))
    assert links and links <= week_urls                  # every link is a source article of that week
    assert len(links) >= 10
    assert incidents > 0 and f"<b>{incidents}</b>security incidents" in html
    assert f"<b>{n_week}</b>relevant articles" in html


def test_digest_is_self_contained(html):
    assert "<script" not in html.lower()
    assert not re.search(r'\ssrc\s*=', html, re.I)            # no images / iframes to fetch
    assert not re.search(r'<link\b', html, re.I) and "@import" not in html
    assert not re.search(r'url\(\s*["\']?https?:', html)
    assert "<style>" in html


def test_empty_week_renders_with_notes(db):
    html = build_report(db, "2024-W10")
    assert "No relevant articles this week." in html and "No security incident reported" in html
    assert 'id="partnerships"' in html


def test_write_report_and_latest_week_default(db, tmp_path):
    out = write_report(db, None, tmp_path / "d" / "digest.html")
    con = duckdb.connect(str(db), read_only=True)
    (latest,) = con.execute("SELECT max(iso_week) FROM relevant_articles").fetchone()
    con.close()
    assert out.exists() and f"Pantau weekly digest · {latest}" in out.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ browser


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def render_in_chromium(page: Path, png: Path, profile: Path) -> tuple[int, list[str]]:
    """Headless screenshot of a file:// page; returns (exit code, console lines Chromium logged)."""
    cmd = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
           f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1200,2400",
           "--enable-logging=stderr", "--v=0", page.resolve().as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return proc.returncode, console


browser = pytest.mark.skipif(chromium_binary() is None,
                             reason="Debian chromium not installed (apt-get install -y chromium)")


@pytest.mark.browser
@browser
def test_console_check_catches_errors(tmp_path):
    """The detector itself: a page that logs an error must be caught, or the real check proves nothing."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><p>x</p><script>console.error('boom'); missingFn();</script></body></html>")
    code, console = render_in_chromium(bad, tmp_path / "bad.png", tmp_path / "profile")
    assert code == 0 and any("boom" in line for line in console) and any("missingFn" in line for line in console)


@pytest.mark.browser
@browser
def test_digest_renders_in_headless_chromium(db, tmp_path):
    page = write_report(db, "2025-W23", tmp_path / "digest.html")
    png = tmp_path / "digest.png"
    code, console = render_in_chromium(page, png, tmp_path / "profile")
    assert code == 0
    assert console == [], f"console messages: {console}"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    import matplotlib.image as mpimg
    import numpy as np

    pixels = mpimg.imread(png)
    assert pixels.shape[0] >= 2000 and pixels.shape[1] >= 1000
    colours = np.unique((pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 100                                  # text, lines and bars, not a blank page
    keep = os.environ.get("PANTAU_KEEP_SCREENSHOT")         # e.g. to look at it: =var/digest.png
    if keep:
        shutil.copy(png, keep)


def test_cli_report_command(db, tmp_path):
    import typer
    from typer.testing import CliRunner

    from flows.commands import analyst_cmds

    app = typer.Typer()
    analyst_cmds.register(app)
    out = tmp_path / "w23.html"
    res = CliRunner().invoke(app, ["report", "--week", "2025-W23", "-o", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert out.exists() and 'id="incidents"' in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["report", "--week", "W23", "-o", str(out), "--db", str(db)])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)


def test_untrusted_strings_are_escaped_and_only_http_links_pass():
    import pandas as pd

    from flows.report import _safe_url, network_svg

    assert _safe_url("javascript:alert(1)") == "#" and _safe_url("https://a.id/x") == "https://a.id/x"
    svg = network_svg(pd.DataFrame([{"unit_key": "u", "unit": "Lapas <b>X</b>", "partner_key": "p",
                                     "partner": "BNNK & Co", "n_articles": 2, "kinds": "visit"}]))
    assert "<b>" not in svg and "Lapas &lt;b&gt;X&lt;/b&gt;" in svg and "BNNK &amp; Co" in svg
