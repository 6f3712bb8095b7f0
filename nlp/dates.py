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
# a time of day may sit between the weekday and the bracket: "Selasa malam (19/4)"
_TOD = r"(?:(?:pagi|siang|sore|malam|dini\s+hari)\s*,?\s*)?"
# a range names its first day before the full date: "25 hingga 28 Maret 2019", "3-5 Juni"
_RANGE = r"(?:(?P<d0>\d{1,2})\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|s/d)\s*)?"
_NUMERIC = re.compile(
    r"(?<![\w/])(?:" + _WD + r"\s*,?\s*" + _TOD + r"(?:\(\s*|tanggal\s+|tgl\.?\s*)?)?"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    # "(11/112025)": a dropped separator before a four-digit year is a common typo
    r"(?:\s*[/.-]\s*(?P<y>\d{4}|\d{2})|(?P<y2>(?:19|20)\d\d))?(?![\d/])\s*\)?", re.IGNORECASE)
_WORDY = re.compile(
    r"(?<![\w])(?:" + _WD + r"\s*,?\s*" + _TOD + r"(?:\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?" + _RANGE +
    r"(?P<d>\d{1,2})\s+" + _MON + r"(?:\s+(?:tahun\s+)?(?P<y>\d{4}))?(?![\w])\s*\)?", re.IGNORECASE)
_BARE_WD = re.compile(r"(?<![\w])(?:pada\s+(?:hari\s+)?|,\s*)" + _WD + r"(?=\s*[.,;)]|\s+(?:lalu|kemarin|pagi|siang|sore|"
                      r"malam|pukul|ini|\())", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<![\w])(?P<rel>kemarin|hari\s+ini|pekan\s+lalu|minggu\s+lalu)(?![\w])", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|s/d)\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^[\s,|]*\d{1,2}:\d{2}|^\s*[|/]\s*\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b")


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
            if ok:
                return ok[0], True
            return None, None
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
    pending: dict[int, tuple[int, int, int | None]] = {}  # unresolved day/month: (day, month, weekday)
    text_years = [int(y) for y in re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d])", text)] if pub is None else None

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for rx, numeric in ((_WORDY, False), (_NUMERIC, True)):
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if not free(a, b):
                continue
            d = int(m.group("d"))
            ytxt = m.group("y")
            if numeric:
                mo = int(m.group("m"))
                ytxt = ytxt or m.group("y2")
                if not m.group("wd") and not ytxt:
                    continue  # "3/4" alone is a fraction or a score, not a date
            else:
                mo = MONTHS[m.group("mon").lower()]
                if m.group("d0") and 1 <= int(m.group("d0")) < d:
                    d = int(m.group("d0"))  # a multi-day event is dated by its first day
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            y = int(ytxt) if ytxt else None
            wd = _wd_num(m.group("wd"))
            dt, ok = resolve_dm(d, mo, y, wd, pub, text_years)
            dm = DateMention(" ".join(text[a:b].split()), dt, a, b, ok)
            if dt is None and y is None:
                pending[id(dm)] = (d, mo, wd)
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
    _resolve_range_starts(out, pending, text)
    return out


def _resolve_range_starts(out: list[DateMention], pending: dict[int, tuple[int, int, int | None]],
                          text: str) -> None:
    """A range like "Kamis (28/2) hingga Minggu (3/3)" without a publication date: the range's resolved end gives the
    start its year, even when the start's weekday is wrong (writers err on weekdays, not on dates)."""
    for cur, nxt in zip(out, out[1:], strict=False):
        if id(cur) not in pending or nxt.date is None or not _RANGE_GAP.match(text[cur.end:nxt.start]):
            continue
        d, mo, wd = pending[id(cur)]
        dt = _safe(nxt.date.year, mo, d)
        if dt is not None and dt > nxt.date:
            dt = _safe(nxt.date.year - 1, mo, d)
        if dt is not None:
            cur.date, cur.weekday_ok = dt, (None if wd is None else dt.weekday() == wd)


def _has_year(s: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d|/\d\d\)?$", s))


# lines that belong to other stories or to the page, not to this report
_FOREIGN_LINE = re.compile(r"^\s*(?:baca\s+(?:juga|pula|selengkapnya)|lihat\s+juga|simak\s+juga|berita\s+terkait|"
                           r"artikel\s+terkait|editor|penulis|reporter|pewarta|sumber)\b", re.IGNORECASE)
# inline "Baca juga: <headline>" rarely ends with a full stop: a date within ~120 characters after it is
# taken to be the other story's
_INLINE_READ_MORE = re.compile(r"\b(?:baca\s+juga|baca\s+pula|berita\s+terkait)\s*:?[^.!?\n]{0,120}$", re.IGNORECASE)
# "kata Kusnali, Minggu (17/8)", "ungkap X di Medan, Senin (13/11)", "saat ditemui ..., Rabu (17/3)": the date
# the source spoke, often a day or more after the event the story reports
_SPEECH = re.compile(r"(?:\b(?:kata|ujar|ungkap|ucap|tutur|jelas|terang|papar|tegas|sebut|imbuh|tambah)(?:nya)?|"
                     r"\b(?:mengatakan|menjelaskan|menuturkan|mengungkapkan|menyampaikan|menegaskan)|"
                     r"\b(?:saat|ketika|usai)\s+(?:ditemui|dihubungi|dikonfirmasi|diwawancarai))\b[^.\n\"“”]{0,70}$",
                     re.IGNORECASE)


def _line_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    return text[a:pos]


def event_date(dates: list[DateMention], text: str) -> date | None:
    """The main event's date: first weekday-dated expression, else the first resolved full date.
    Time stamps of the page itself ("25 Feb 2017, 19:19 WIB"), "Baca juga" / byline lines and the dates
    at which a source was quoted (when the text dates something else too) are not the event; a range
    ("Kamis (28/2) hingga Minggu (3/3)") is dated by its first day."""
    def stamp(dm: DateMention) -> bool:
        return bool(_CLOCK_AFTER.match(text[dm.end:dm.end + 14]))

    def foreign(dm: DateMention) -> bool:
        line = _line_of(text, dm.start)
        return bool(_FOREIGN_LINE.match(line) or _INLINE_READ_MORE.search(line[-160:]))

    usable = [d for d in dates if d.date is not None and not stamp(d) and not foreign(d)]

    def range_start(d: DateMention) -> DateMention:
        k = usable.index(d)
        if k > 0 and _RANGE_GAP.match(text[usable[k - 1].end:d.start]):
            return usable[k - 1]
        return d

    def speech(d: DateMention) -> bool:
        return bool(_SPEECH.search(text[max(0, d.start - 140):d.start]))

    dated = [d for d in usable if d.weekday_ok is not None and re.search(r"\d", d.text)
             and (d.weekday_ok or _has_year(d.text))]
    if dated:  # a written weekday marks the report's event ("Sabtu 14 Januari 2016")
        first = dated[0]
        if speech(first):
            # only an explicitly earlier event ("pada Jumat (10/11) lalu") outranks the quoted day
            other = next((d for d in dated[1:] if not speech(d) and d.date < first.date
                          and re.match(r"\s*lalu\b", text[d.end:d.end + 8], re.IGNORECASE)), None)
            if other is not None:
                first = other
        return range_start(first).date
    for d in usable:
        if d.weekday_ok is not False and re.search(r"\d", d.text):
            return range_start(d).date
    for d in usable:
        return d.date
    return None
