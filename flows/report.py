"""The weekly HTML digest: one self-contained file an analyst can mail, archive or open offline.

Why self-contained: the digest is attached to e-mails and opened on office laptops without network,
so everything is inline: CSS in a <style> block, charts as inline SVG (matplotlib renders them to
SVG text; the partnership graph is hand-written SVG), no scripts, no fonts, no images to fetch.
The only URLs are the links to the source articles. It reads the views (flows/store/views), so
the digest and the SQL cookbook always agree on what a number means.

    PYTHONPATH=. .venv/bin/python -c "from flows.report import write_report; write_report('var/pantau.snapshot.duckdb', '2025-W23', 'digest.html')"
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

import duckdb
import pandas as pd
from jinja2 import Environment

from flows.errors import InputError
from flows.snapshot import open_reader
from flows.store.store import utcnow

WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
TREND_WEEKS = 12
NETWORK_WEEKS = 4
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#393b79"]


def parse_week(week: str) -> date:
    """'2025-W23' -> the Monday that starts ISO week 23 of 2025; a clear error otherwise."""
    m = WEEK_RE.match((week or "").strip())
    if not m:
        raise InputError(f"--week {week!r}: expected an ISO week like 2025-W23")
    year, wk = int(m.group(1)), int(m.group(2))
    try:
        return date.fromisocalendar(year, wk, 1)
    except ValueError:
        raise InputError(f"--week {week!r}: {year} has no ISO week {wk}") from None


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


@dataclass
class ReportData:
    """Everything the template shows, fetched from the views for one week."""

    week: str
    week_start: date
    week_end: date
    totals: dict
    prev_totals: dict
    topics: pd.DataFrame          # this week's topics with baseline
    trend: pd.DataFrame           # topic x week, last TREND_WEEKS weeks
    spikes: pd.DataFrame
    facilities: pd.DataFrame
    edges: pd.DataFrame
    incidents: pd.DataFrame
    stories: pd.DataFrame
    generated_at: str
    source: str


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def collect(con: duckdb.DuckDBPyConnection, week: str | None = None, source: str = "") -> ReportData:
    """Query the views for `week` (default: the latest week with relevant articles)."""
    if week is None:
        (latest,) = con.execute("SELECT max(week_start) FROM relevant_articles").fetchone()
        if latest is None:
            raise InputError(f"{source or 'database'}: no dated relevant articles yet; pass --week")
        week = iso_week(latest)
    start = parse_week(week)
    end = start + timedelta(days=7)
    prev = start - timedelta(days=7)
    totals_sql = ("SELECT count(*) AS n_articles, count(DISTINCT story_key) AS n_stories, "
                  "count(DISTINCT outlet) AS n_outlets FROM relevant_articles WHERE week_start = ?")
    totals = _df(con, totals_sql, [start]).iloc[0].to_dict()
    prev_totals = _df(con, totals_sql, [prev]).iloc[0].to_dict()
    topics = _df(con, """
        SELECT w.topic, w.n_articles, w.n_stories, s.baseline_mean, s.z, COALESCE(s.is_spike, false) AS is_spike
        FROM topic_weekly w
        LEFT JOIN topic_spikes s ON s.scope = 'topic' AND s.topic = w.topic AND s.week_start = w.week_start
        WHERE w.week_start = ? ORDER BY w.n_articles DESC, w.topic
    """, [start])
    trend = _df(con, """
        SELECT week_start, topic, n_articles FROM topic_weekly
        WHERE week_start > ? AND week_start <= ? ORDER BY week_start, topic
    """, [start - timedelta(weeks=TREND_WEEKS), start])
    spikes = _df(con, """
        SELECT s.scope, s.topic, s.facility_id, f.facility_name, s.n_articles, s.baseline_mean, s.z
        FROM topic_spikes s
        LEFT JOIN (SELECT facility_id, any_value(facility_name) AS facility_name FROM facility_weekly
                   WHERE week_start = ? GROUP BY facility_id) f ON f.facility_id = s.facility_id
        WHERE s.week_start = ? AND s.is_spike ORDER BY s.z DESC, s.topic LIMIT 20
    """, [start, start])
    facilities = _df(con, """
        SELECT facility_id, facility_name, facility_kind, province, n_articles, n_stories
        FROM facility_weekly WHERE week_start = ? ORDER BY n_articles DESC, n_stories DESC, facility_id LIMIT 10
    """, [start])
    edges = _df(con, """
        WITH p AS (
            SELECT COALESCE(p.unit_id, lower(p.unit)) AS unit_key, p.unit,
                   COALESCE(p.partner_id, lower(p.partner)) AS partner_key, p.partner, p.kind, p.article_id
            FROM partnerships p JOIN relevant_articles r ON r.article_id = p.article_id
            WHERE COALESCE(p.date, r.article_date) >= ? AND COALESCE(p.date, r.article_date) < ?
        )
        SELECT unit_key, mode(unit) AS unit, partner_key, mode(partner) AS partner,
               count(DISTINCT article_id) AS n_articles, string_agg(DISTINCT kind, ', ' ORDER BY kind) AS kinds
        FROM p GROUP BY unit_key, partner_key ORDER BY n_articles DESC, unit_key, partner_key LIMIT 24
    """, [end - timedelta(weeks=NETWORK_WEEKS), end])
    incidents = _df(con, """
        SELECT article_date, story_key, any_value(title) AS title, any_value(url) AS url, any_value(outlet) AS outlet,
               string_agg(DISTINCT facility_name, '; ' ORDER BY facility_name) AS facilities
        FROM incident_timeline WHERE week_start = ?
        GROUP BY article_date, story_key ORDER BY article_date, title LIMIT 50
    """, [start])
    stories = _df(con, """
        SELECT story_key, arg_min(title, published) AS title, count(*) AS n_articles,
               count(DISTINCT outlet) AS n_outlets, min(article_date) AS first_date,
               list({'url': url, 'outlet': outlet} ORDER BY published)[1:5] AS links
        FROM relevant_articles WHERE week_start = ?
        GROUP BY story_key ORDER BY n_articles DESC, first_date, story_key LIMIT 15
    """, [start])
    return ReportData(week=iso_week(start), week_start=start, week_end=end - timedelta(days=1), totals=totals,
                      prev_totals=prev_totals, topics=topics, trend=trend, spikes=spikes, facilities=facilities,
                      edges=edges, incidents=incidents, stories=stories,
                      generated_at=utcnow().strftime("%Y-%m-%d %H:%M UTC"), source=source)


# ---------------------------------------------------------------------------------------------- charts


def _svg_from_figure(fig) -> str:
    """matplotlib figure -> an inline <svg> element (XML prolog and DOCTYPE dropped, scalable)."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    svg = text[text.index("<svg"):]
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="chart"', svg, count=1)
    return svg


def _mpl():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False})
    return plt


def trend_chart(trend: pd.DataFrame, weeks: list[date]) -> str:
    """Lines of articles per topic per week (the top topics of the period), inline SVG."""
    if trend.empty:
        return ""
    plt = _mpl()
    from matplotlib.ticker import MaxNLocator

    pivot = trend.pivot_table(index="week_start", columns="topic", values="n_articles", aggfunc="sum")
    pivot.index = pd.to_datetime(pivot.index).date
    pivot = pivot.reindex(weeks).fillna(0)
    top = pivot.sum().sort_values(ascending=False).index[:8]
    fig, ax = plt.subplots(figsize=(8, 3.2))
    x = list(range(len(weeks)))
    for i, topic in enumerate(top):
        ax.plot(x, pivot[topic].values, marker="o", ms=3, lw=1.6, color=PALETTE[i % len(PALETTE)], label=topic)
    ax.set_xticks(x)
    ax.set_xticklabels([iso_week(w)[5:] for w in weeks], rotation=0)
    ax.set_ylabel("relevant articles")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.set_title(f"Articles per topic, {iso_week(weeks[0])} to {iso_week(weeks[-1])}", fontsize=10, loc="left")
    return _svg_from_figure(fig)


def facilities_chart(fac: pd.DataFrame) -> str:
    """Horizontal bars: the week's most covered facilities, inline SVG."""
    if fac.empty:
        return ""
    plt = _mpl()
    from matplotlib.ticker import MaxNLocator

    fac = fac.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(fac) + 0.8))
    labels = [str(n) if isinstance(n, str) and n else str(i) for n, i in zip(fac["facility_name"], fac["facility_id"], strict=True)]
    ax.barh(labels, fac["n_articles"], color="#1f77b4", label="articles")
    ax.barh(labels, fac["n_stories"], color="#ff7f0e", height=0.4, label="stories")
    ax.set_xlabel("relevant articles / stories this week")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(1.0, 0.0))
    ax.grid(axis="x", alpha=0.3)
    return _svg_from_figure(fig)


def network_svg(edges: pd.DataFrame, width: int = 760) -> str:
    """A bipartite node-link drawing: corrections units left, partners right, line width ~ articles.

    Hand-written SVG (no layout library): two columns keep labels readable, which a force layout of
    two dozen named nodes does not.
    """
    if edges.empty:
        return ""
    units = list(dict.fromkeys(edges["unit_key"]))
    partners = list(dict.fromkeys(edges["partner_key"]))
    ulabel = dict(zip(edges["unit_key"], edges["unit"], strict=True))
    plabel = dict(zip(edges["partner_key"], edges["partner"], strict=True))
    rows = max(len(units), len(partners))
    row_h, top = 26, 20
    height = top * 2 + row_h * rows
    ux, px = 250, width - 250

    def ys(n: int) -> list[float]:
        off = top + (rows - n) * row_h / 2
        return [off + row_h * (i + 0.5) for i in range(n)]

    uy, py = dict(zip(units, ys(len(units)), strict=True)), dict(zip(partners, ys(len(partners)), strict=True))
    wmax = max(1, int(edges["n_articles"].max()))
    parts = [f'<svg class="chart network" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
             f'role="img" aria-label="partnership network">']
    for e in edges.itertuples():
        w = 1 + 5 * math.sqrt(e.n_articles / wmax)
        parts.append(
            f'<line x1="{ux}" y1="{uy[e.unit_key]:.1f}" x2="{px}" y2="{py[e.partner_key]:.1f}" '
            f'stroke="#6b8fb5" stroke-opacity="0.6" stroke-width="{w:.1f}"><title>{escape(str(e.unit))} – '
            f'{escape(str(e.partner))}: {int(e.n_articles)} article(s); {escape(str(e.kinds))}</title></line>'
        )
    for k in units:
        parts.append(f'<circle cx="{ux}" cy="{uy[k]:.1f}" r="6" fill="#1f77b4"/>'
                     f'<text x="{ux - 10}" y="{uy[k] + 4:.1f}" text-anchor="end">{escape(_short(ulabel[k]))}</text>')
    for k in partners:
        parts.append(f'<circle cx="{px}" cy="{py[k]:.1f}" r="6" fill="#d62728"/>'
                     f'<text x="{px + 10}" y="{py[k] + 4:.1f}">{escape(_short(plabel[k]))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(s: object, n: int = 34) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------------------------------------- html

TEMPLATE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pantau digest {{ d.week }}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
       max-width: 1040px; margin: 0 auto; padding: 24px; background: #fafafa; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #1f77b4; }
.muted { color: #666; } section { background: #fff; padding: 4px 16px 12px; border-radius: 6px;
       box-shadow: 0 1px 2px rgba(0,0,0,.08); margin-bottom: 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; } .card { background: #fff; border-radius: 6px; padding: 10px 16px;
       box-shadow: 0 1px 2px rgba(0,0,0,.08); min-width: 150px; } .card b { font-size: 26px; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { text-align: left; padding: 4px 8px;
       border-bottom: 1px solid #eee; vertical-align: top; } th { background: #f0f4f8; } td.n { text-align: right; }
.spike { color: #b00; font-weight: 600; } svg.chart { width: 100%; height: auto; display: block; }
svg.network text { font-size: 12px; fill: #222; } a { color: #0b5cad; } .links a { margin-right: 8px; }
.empty { color: #888; font-style: italic; }
</style>
</head>
<body>
<header>
<h1>Pantau weekly digest · {{ d.week }}</h1>
<p class="muted">Corrections (pemasyarakatan) news, {{ d.week_start }} to {{ d.week_end }} ·
generated {{ d.generated_at }}{% if d.source %} from <code>{{ d.source }}</code>{% endif %}</p>
</header>
<div class="cards" id="summary">
<div class="card"><b>{{ d.totals.n_articles }}</b>relevant articles <span class="muted">(prev. {{ d.prev_totals.n_articles }})</span></div>
<div class="card"><b>{{ d.totals.n_stories }}</b>distinct stories <span class="muted">(prev. {{ d.prev_totals.n_stories }})</span></div>
<div class="card"><b>{{ d.totals.n_outlets }}</b>outlets</div>
<div class="card"><b>{{ d.incidents|length }}</b>security incidents</div>
</div>

<section id="topic-trends">
<h2>Topic trends</h2>
{% if trend_svg %}{{ trend_svg }}{% else %}<p class="empty">No topic-tagged articles in the last {{ trend_weeks }} weeks.</p>{% endif %}
{% if d.topics|length %}
<table><tr><th>Topic</th><th>Articles</th><th>Stories</th><th>8-week mean</th><th>z</th><th></th></tr>
{% for t in d.topics %}<tr><td>{{ t.topic }}</td><td class="n">{{ t.n_articles }}</td><td class="n">{{ t.n_stories }}</td>
<td class="n">{{ fmt(t.baseline_mean) }}</td><td class="n">{{ fmt(t.z) }}</td><td>{% if t.is_spike %}<span class="spike">spike</span>{% endif %}</td></tr>
{% endfor %}</table>{% endif %}
</section>

<section id="spikes">
<h2>Spikes this week</h2>
{% if d.spikes|length %}<table><tr><th>Topic</th><th>Where</th><th>Articles</th><th>8-week mean</th><th>z</th></tr>
{% for s in d.spikes %}<tr><td>{{ s.topic }}</td><td>{{ s.facility_name or s.facility_id or "all facilities" }}</td>
<td class="n">{{ s.n_articles }}</td><td class="n">{{ fmt(s.baseline_mean) }}</td><td class="n">{{ fmt(s.z) }}</td></tr>
{% endfor %}</table>{% else %}<p class="empty">Nothing above its trailing 8-week baseline.</p>{% endif %}
</section>

<section id="top-facilities">
<h2>Top facilities</h2>
{% if d.facilities|length %}{{ fac_svg }}
<table><tr><th>Facility</th><th>Kind</th><th>Province</th><th>Articles</th><th>Stories</th></tr>
{% for f in d.facilities %}<tr><td>{{ f.facility_name or f.facility_id }}</td><td>{{ f.facility_kind or "" }}</td>
<td>{{ f.province or "" }}</td><td class="n">{{ f.n_articles }}</td><td class="n">{{ f.n_stories }}</td></tr>
{% endfor %}</table>{% else %}<p class="empty">No facility named in this week's relevant articles.</p>{% endif %}
</section>

<section id="partnerships">
<h2>Partnership network</h2>
<p class="muted">Corrections units (blue, left) and partner organisations (red, right), {{ network_weeks }} weeks
to {{ d.week_end }}; line width grows with the number of articles.</p>
{% if net_svg %}{{ net_svg }}
<table><tr><th>Unit</th><th>Partner</th><th>Articles</th><th>Kinds</th></tr>
{% for e in d.edges %}<tr><td>{{ e.unit }}</td><td>{{ e.partner }}</td><td class="n">{{ e.n_articles }}</td><td>{{ e.kinds }}</td></tr>
{% endfor %}</table>{% else %}<p class="empty">No partnerships found in this period.</p>{% endif %}
</section>

<section id="incidents">
<h2>Security incidents</h2>
{% if d.incidents|length %}<table><tr><th>Date</th><th>Facility</th><th>Article</th><th>Outlet</th></tr>
{% for i in d.incidents %}<tr><td>{{ i.article_date }}</td><td>{{ i.facilities or "" }}</td>
<td><a href="{{ i.url|safe_url }}">{{ i.title or i.url }}</a></td><td>{{ i.outlet or "" }}</td></tr>
{% endfor %}</table>{% else %}<p class="empty">No security incident reported this week.</p>{% endif %}
</section>

<section id="stories">
<h2>Stories of the week</h2>
{% if d.stories|length %}<table><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Sources</th></tr>
{% for s in d.stories %}<tr><td>{{ s.title or "(untitled)" }}</td><td class="n">{{ s.n_articles }}</td><td class="n">{{ s.n_outlets }}</td>
<td class="links">{% for l in s.links %}<a href="{{ l.url|safe_url }}">{{ l.outlet or "source" }}</a>{% endfor %}</td></tr>
{% endfor %}</table>{% else %}<p class="empty">No relevant articles this week.</p>{% endif %}
</section>
<footer class="muted"><p>Counts are relevant articles by article date (event date, else publication date); stories group
reprints of one press release. Definitions: docs/sql_cookbook.md.</p></footer>
</body>
</html>
"""


def _fmt(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f"{v:.1f}" if isinstance(v, float) else str(v)


def _safe_url(url: object) -> str:
    """Only http(s) links reach the page (a stored URL is data from the web, not trusted markup)."""
    u = str(url or "")
    return u if re.match(r"^https?://", u, re.I) else "#"


def render(d: ReportData) -> str:
    env = Environment(autoescape=True)
    env.filters["safe_url"] = _safe_url
    from markupsafe import Markup

    weeks = [d.week_start - timedelta(weeks=TREND_WEEKS - 1 - i) for i in range(TREND_WEEKS)]
    tpl = env.from_string(TEMPLATE)
    return tpl.render(
        d=_Rows(d), fmt=_fmt, trend_weeks=TREND_WEEKS, network_weeks=NETWORK_WEEKS,
        trend_svg=Markup(trend_chart(d.trend, weeks)), fac_svg=Markup(facilities_chart(d.facilities)),
        net_svg=Markup(network_svg(d.edges)),
    )


class _Rows:
    """ReportData with DataFrames as lists of row dicts (what a template loops over)."""

    def __init__(self, d: ReportData) -> None:
        self.__dict__.update(d.__dict__)
        for name in ("topics", "trend", "spikes", "facilities", "edges", "incidents", "stories"):
            frame = getattr(d, name)
            setattr(self, name, [
                {k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")
            ])


def _clean(v: object) -> object:
    """NaN -> None; midnight timestamps (DATE columns through pandas) -> the date."""
    if _isna(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date() if v == v.normalize() else v.to_pydatetime().replace(microsecond=0)
    return v


def _isna(v: object) -> bool:
    try:
        return v is None or (not isinstance(v, (list, tuple, dict)) and bool(pd.isna(v)))
    except (TypeError, ValueError):
        return False


def build_report(db: str | Path | duckdb.DuckDBPyConnection, week: str | None = "2025-W23") -> str:
    """The digest for ISO `week` (None = the latest week with data) as one self-contained HTML string."""
    if isinstance(db, duckdb.DuckDBPyConnection):
        return render(collect(db, week))
    con = open_reader(db)
    try:
        return render(collect(con, week, source=str(db)))
    finally:
        con.close()


def write_report(db: str | Path, week: str | None, out: str | Path) -> Path:
    out = Path(out)
    html = build_report(db, week)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return out
