"""Date expressions of Indonesian news, resolved against the publication date.

Why our own parser: the press writes "Senin (10/2/2025)", "Rabu (12/2)", "Selasa (03/06/2025)",
"Senin 2 Desember 2024", "2 Desember", "kemarin"; spaCy splits "17/8/2025" into tokens, and generic
parsers guess month-first or the wrong year. Here day/month order is always day first, a missing year
comes from the publication date, and a written weekday picks (or checks) the year. The event date is the
first weekday-dated expression of the text (the lead's "what happened when"), else the first full date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from nlp.lexicon import MONTHS, WEEKDAYS
from nlp.records import DateMention

_WD = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum'?at|Jumaat|Sabtu|Minggu|Ahad)"
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUMERIC = re.compile(
    r"(?<![\w/])(?:" + _WD + r"\s*,?\s*(?:\(\s*|tanggal\s+|tgl\.?\s*)?)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    r"(?:\s*[/.-]\s*(?P<y>\d{4}|\d{2}))?(?![\d/])\s*\)?", re.IGNORECASE)
_WORDY = re.compile(
    r"(?<![\w])(?:" + _WD + r"\s*,?\s*(?:\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?(?P<d>\d{1,2})\s+" + _MON +
    r"(?:\s+(?P<y>\d{4}))?(?![\w])\s*\)?", re.IGNORECASE)
_BARE_WD = re.compile(r"(?<![\w])(?:pada\s+(?:hari\s+)?|,\s*)" + _WD + r"(?=\s*[.,;)]|\s+(?:lalu|kemarin|pagi|siang|sore|"
                      r"malam|pukul|ini|\())", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<![\w])(?P<rel>kemarin|hari\s+ini|pekan\s+lalu|minggu\s+lalu)(?![\w])", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^[\s,|]*\d{1,2}:\d{2}")


def _wd_num(s: str | None) -> int | None:
    if not s:
        return None
    return WEEKDAYS.get(s.lower().replace("'", "'"), WEEKDAYS.get(s.lower().replace("'", "")))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_dm(d: int, m: int, y: int | None, wd: int | None, pub: date | None,
               text_years: list[int] | None = None) -> tuple[date | None, bool | None]:
    """Resolve day/month(/year) with optional weekday; returns (date, weekday_ok).
    Without a publication date, a missing year is taken from the years the text itself writes
    (the weekday choosing among them); with neither, the date stays unresolved."""
    if y is not None and 100 <= y < 1990:
        y = 2000 + y % 100  # "30/04/1025": a typo of 2025
    if y is not None and not (1990 <= (y + 2000 if y < 100 else y) <= 2100):
        y = None
    if y is not None:
        if y < 100:
            y += 2000
        dt = _safe(y, m, d)
        if dt is None:
            return None, None
        return dt, (None if wd is None else dt.weekday() == wd)
    if pub is None:
        years = sorted(set(text_years or []), reverse=True)
        cands = [c for c in (_safe(yy, m, d) for yy in years) if c is not None]
        if wd is not None:
            ok = [c for c in cands if c.weekday() == wd]
            return (ok[0], True) if ok else (None, None)
        return (cands[0], None) if len(cands) == 1 else (None, None)
    cands = [c for c in (_safe(pub.year + k, m, d) for k in (0, -1, 1)) if c is not None]
    if not cands:
        return None, None
    if wd is not None:
        ok = [c for c in cands if c.weekday() == wd]
        if ok:
            return min(ok, key=lambda c: abs((c - pub).days)), True
    # news reports the past: a date more than a week after publication belongs to the year before
    best = min(cands, key=lambda c: (c > pub + timedelta(days=7), abs((c - pub).days)))
    return best, (None if wd is None else best.weekday() == wd)


def find_dates(text: str, pub: date | None) -> list[DateMention]:
    """All date expressions, in text order, resolved where possible."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    text_years = [int(y) for y in re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d])", text)] if pub is None else None

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for rx, numeric in ((_WORDY, False), (_NUMERIC, True)):
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if not free(a, b):
                continue
            d = int(m.group("d"))
            if numeric:
                mo = int(m.group("m"))
                if not m.group("wd") and not m.group("y"):
                    continue  # "3/4" alone is a fraction or a score, not a date
            else:
                mo = MONTHS[m.group("mon").lower()]
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            y = int(m.group("y")) if m.group("y") else None
            wd = _wd_num(m.group("wd"))
            dt, ok = resolve_dm(d, mo, y, wd, pub, text_years)
            dm = DateMention(" ".join(text[a:b].split()), dt, a, b, ok)
            out.append(dm)
            taken.append((a, b))
    for m in _BARE_WD.finditer(text):
        a, b = m.start("wd"), m.end("wd")
        if not free(a, b + 3):
            continue
        wd = _wd_num(m.group("wd"))
        dt = None
        if pub is not None and wd is not None:
            back = (pub.weekday() - wd) % 7
            dt = pub - timedelta(days=back)
        out.append(DateMention(m.group("wd"), dt, a, b, True if dt else None))
        taken.append((a, b))
    for m in _RELATIVE.finditer(text):
        rel = " ".join(m.group("rel").lower().split())
        dt = None
        if pub is not None:
            dt = {"kemarin": pub - timedelta(days=1), "hari ini": pub}.get(rel)
        out.append(DateMention(m.group("rel"), dt, m.start(), m.end(), None))
    out.sort(key=lambda x: x.start)
    return out


def _has_year(s: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d|/\d\d\)?$", s))


def event_date(dates: list[DateMention], text: str) -> date | None:
    """The main event's date: first weekday-dated expression, else the first resolved full date.
    Time stamps of the page itself ("25 Feb 2017, 19:19 WIB") are skipped."""
    def stamp(dm: DateMention) -> bool:
        return bool(_CLOCK_AFTER.match(text[dm.end:dm.end + 12]))

    usable = [d for d in dates if d.date is not None and not stamp(d)]
    for d in usable:  # a written weekday marks the report's event ("Sabtu 14 Januari 2016")
        if d.weekday_ok is not None and re.search(r"\d", d.text) and (d.weekday_ok or _has_year(d.text)):
            return d.date
    for d in usable:
        if d.weekday_ok is not False and re.search(r"\d", d.text):
            return d.date
    for d in usable:
        return d.date
    return None
