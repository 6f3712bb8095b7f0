"""`pantau extract`: one output line per input line, in order; bad lines reported by number; exit code."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from flows.commands import nlp_cmds


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:  # a group, so "extract" is a sub-command as in the real CLI
        pass

    nlp_cmds.register(app)
    return app


def test_extract_keeps_order_and_reports_bad_lines(tmp_path):
    inp = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "Razia", "text": "Petugas Lapas Kelas IIA Kupang menggelar razia pada "
                    "Senin (10/2/2025).", "published": "2025-02-11T08:00:00+07:00", "url": None}),
        "{not json",
        json.dumps({"id": "a3", "title": None, "text": "Rutan Kelas I Depok menerima kunjungan.", "published": None,
                    "extra": 1}),
        json.dumps({"title": "no id", "text": "x"}),
        json.dumps({"id": "a5", "text": "Bapas Makassar.", "published": "2025-02-11"}),
    ]
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(_app(), ["extract", str(inp), "-o", str(out)])
    assert res.exit_code == 1
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5
    assert [r.get("id") for r in rows] == ["a1", None, "a3", None, "a5"]
    assert rows[1]["line"] == 2 and "error" in rows[1]
    assert rows[3]["line"] == 4 and "id" in rows[3]["error"]
    assert rows[0]["event_date"] == "2025-02-10"
    assert rows[0]["facilities"][0]["kind"] == "lapas"
    for key in ("relevant", "topics", "topic_scores", "organizations", "officials", "dates", "partnerships"):
        assert key in rows[0]
    assert ":2:" in res.stderr and ":4:" in res.stderr


def test_extract_all_good_exits_zero(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "b1", "text": "Lapas Kelas IIB Jombang.", "published": None}) + "\n")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(_app(), ["extract", str(inp), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["id"] == "b1"


def test_parse_published_accepts_dates_and_datetimes():
    from datetime import date

    assert nlp_cmds.parse_published("2025-02-11") == date(2025, 2, 11)
    assert nlp_cmds.parse_published("2025-02-11T23:00:00Z") == date(2025, 2, 11)
    assert nlp_cmds.parse_published(None) is None


def test_worker_processes_give_the_same_lines_in_order(tmp_path):
    """--n-process 2 forks workers that share the loaded models; output must equal the 1-process run,
    line for line, including a bad line in the middle."""
    towns = ["Kupang", "Jombang", "Banyuwangi", "Tegal", "Padang", "Jember", "Samarinda"]
    lines = []
    for i in range(14):
        town = towns[i % len(towns)]
        lines.append(json.dumps({"id": f"w{i}", "title": f"Razia di Lapas {town}",
                                 "text": f"Petugas Lapas Kelas IIA {town} bersama BNNK {town} menggelar tes urine "
                                         f"pada Senin (10/2/2025). Kepala Lapas {town}, Budi Santoso, hadir.",
                                 "published": "2025-02-11"}))
    lines.insert(7, "{broken")
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert nlp_cmds.run_extract(inp, one, batch_size=4, n_process=1, progress=False) == (14, 1)
    assert nlp_cmds.run_extract(inp, two, batch_size=4, n_process=2, progress=False) == (14, 1)
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    rows = [json.loads(x) for x in two.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows][:9] == ["w0", "w1", "w2", "w3", "w4", "w5", "w6", None, "w7"]
    assert all(r["facilities"] for r in rows if r.get("id"))


def test_published_in_feed_formats_and_unreadable_dates(tmp_path):
    """Feeds write dates many ways; an unreadable one costs the date (with a warning), not the article."""
    from datetime import date

    assert nlp_cmds.parse_published("Tue, 11 Feb 2025 08:00:00 +0700") == date(2025, 2, 11)
    assert nlp_cmds.parse_published("11/02/2025") == date(2025, 2, 11)
    assert nlp_cmds.parse_published("Selasa, 11 Februari 2025") == date(2025, 2, 11)
    assert nlp_cmds.parse_published("2025/02/11") == date(2025, 2, 11)
    assert nlp_cmds.parse_published("Tuesday, February 11, 2025") == date(2025, 2, 11)
    # 2025-02-10 20:00 UTC is 11 February in Jakarta; seconds or milliseconds, number or string
    assert nlp_cmds.parse_published(1739217600) == date(2025, 2, 11)
    assert nlp_cmds.parse_published("1739217600000") == date(2025, 2, 11)
    with pytest.raises(ValueError):
        nlp_cmds.parse_published(2025)  # a bare year is no day
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "d1", "text": "Razia di Lapas Kelas IIA Kupang pada Senin (10/2).",
                               "published": "2025-13-45"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(_app(), ["extract", str(inp), "-o", str(out)])
    assert res.exit_code == 0, res.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == "d1" and row["facilities"]
    # without a publication date the weekday picks the year (nlp/dates.py): a Monday 10 February, not 2025-13-45
    assert date.fromisoformat(row["event_date"]).weekday() == 0 and row["event_date"][5:] == "02-10"
    assert ":1: published '2025-13-45' is not a date; treated as unknown" in res.stderr


def test_line_separators_inside_json_strings_do_not_split_records(tmp_path):
    """JSON strings may hold U+2028, U+0085 or a form feed raw; only "\\n" ends a JSONL record."""
    text = "Petugas Lapas Kelas IIA Kupang menggelar razia.\u2028Kegiatan\u0085berlangsung\x0caman."
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "s1", "text": text, "published": None}, ensure_ascii=False) + "\r\n"
                   + json.dumps({"id": "s2", "text": "Rutan Kelas I Depok.", "published": None}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert nlp_cmds.run_extract(inp, out, progress=False) == (2, 0)
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").split("\n") if x] == ["s1", "s2"]


def test_headline_only_line_is_extracted_from_its_title(tmp_path):
    """A null body with a title is an article (a feed entry); a line with neither is an error."""
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "h1", "title": "Kalapas Kelas IIA Kupang Pimpin Razia", "text": None}) + "\n"
                   + json.dumps({"id": "h2", "title": None, "text": None}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(_app(), ["extract", str(inp), "-o", str(out)])
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["id"] == "h1" and "error" not in rows[0]
    assert [f["kind"] for f in rows[0]["facilities"]] == ["lapas"]
    assert rows[1]["line"] == 2 and "text" in rows[1]["error"]
    assert res.exit_code == 1


def test_input_files_as_exports_write_them(tmp_path):
    """A byte-order mark, UTF-16, gzip or a line in Windows-1252 are read; they no longer stop the run or fail a line."""
    import gzip

    line = json.dumps({"id": "k1", "title": "Kafe", "text": "Kafe Lapas Kelas IIA Kupang dibuka.", "published": None})
    latin = json.dumps({"id": "k2", "title": "Caf\u00e9", "text": "Lapas Kelas IIA Kupang membuka caf\u00e9.",
                        "published": None}, ensure_ascii=False)
    files = {"bom.jsonl": b"\xef\xbb\xbf" + line.encode() + b"\n",
             "utf16.jsonl": (line + "\n").encode("utf-16"),
             "dump.jsonl.gz": gzip.compress(line.encode() + b"\n"),
             "mixed.jsonl": line.encode() + b"\n" + latin.encode("cp1252") + b"\n"}
    for name, data in files.items():
        inp = tmp_path / name
        inp.write_bytes(data)
        res = CliRunner().invoke(_app(), ["extract", str(inp), "-o", str(tmp_path / "out.jsonl")])
        assert res.exit_code == 0, (name, res.output)
        rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows[0]["id"] == "k1" and rows[0]["facilities"], name
    assert rows[1]["id"] == "k2" and "mixed.jsonl:2: not UTF-8; read as Windows-1252" in res.stderr
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b" + b"broken")
    res = CliRunner().invoke(_app(), ["extract", str(bad), "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code != 0 and "not a readable gzip file" in str(res.exception)  # the real CLI prints it
