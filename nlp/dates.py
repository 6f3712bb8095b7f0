"""Date expressions of Indonesian news, resolved against the publication date.

Why our own parser: the press writes "Senin (10/2/2025)", "Rabu (12/2)", "Selasa (03/06/2025)",
"Senin 2 Desember 2024", "2 Desember", "kemarin"; spaCy splits "17/8/2025" into tokens, and generic
parsers guess month-first or the wrong year. Here day/month order is always day first, a missing year
comes from the publication date, and a written weekday picks (or checks) the year. The event date is the
first weekday-dated expression of the story (the lead's "what happened when"), else the first full date;
page stamps, other stories' teasers, captions, document dates, recalled reports, history years before the
report and the day a source was quoted (when the event's own day is written too) give way.
Second round (new articles dev_i..k): header stamps ("Hari ini : Rabu, 24 Januari 2018", clocks with seconds) and
release datelines ("Blitar, 17 Maret 2025 - ") are page stamps; "diperkirakan ... pada <later date>" is a forecast;
a quoted day yields to a weekday with an incident time ("Senin (10/3) dini hari"), a "Jumat pekan lalu" inside the
quote, or the lead sentence's event date; without a publication date, bare weekdays count back from the nearest
written full date, "HUT ke-77 Kemerdekaan" gives a year, and an undated holiday remission its holiday.
Fresh-gold round (r8): a weekday that fits no date is a digit typo when another date of the text, one digit group
apart, falls on it; an incident told under "Sebelumnya, ..." leads up to a statement and leaves the quoted day be.
Rounds 7/9: a year-less weekday date a month off a publication whose own month fits it slipped the month number
("Selasa (5/1)" on Tuesday 5 February); "Sebelumnya" also opens a hard-wrapped sentence and holds for "... lalu" too;
an arrest may lie two weeks before the quote; an undated look back at a year ("sepanjang tahun 2021") is written
in the January after it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from nlp.lexicon import MONTHS, TEASER_MARKER, WEEKDAYS
from nlp.records import DateMention

_WD = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum['’`]?at|Jumaat|Sabtu|Minggu|Ahad)\.?"
# "Senin - Selasa (9-10/6/2025)": a second weekday closes a range of days
_WD_TO = (r"(?:\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|dan)\s*"
          r"(?:Senin|Selasa|Rabu|Kamis|Jum['’`]?at|Jumaat|Sabtu|Minggu|Ahad))?")
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a time of day or a relative word may sit between the weekday and the date: "Selasa malam (19/4)",
# "Senin mendatang (25/3)", "Jumat pekan lalu, 28 September 2018", "Kamis kemarin (18/8)"
_TOD = (r"(?:(?:pagi|siang|sore|malam|dini\s+hari|(?:pekan|minggu)\s+(?:lalu|depan)|lalu|kemarin|mendatang|depan)"
        r"\s*,?\s*){0,2}")
# a range names its first day before the full date: "25 hingga 28 Maret 2019", "3-5 Juni"
_RANGE = r"(?:(?P<d0>\d{1,2})\s*(?:-|–|dan|&|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|s/d)\s*)?"
_NUMERIC = re.compile(
    r"(?<![\w/.-])(?:" + _WD + _WD_TO + r"\s*,?\s*" + _TOD + r"(?:\(\s*|tanggal\s+|tgl\.?\s*)?|"
    # "hingga kemarin (23/8)", "hari ini (10/2)": a relative word dates the bracket as a weekday does
    r"(?P<rel>kemarin|hari\s+ini|tadi\s+(?:pagi|siang|sore|malam))\s*\(\s*)?"
    # "(9-10/6/2025)": a range of days before one month
    r"(?:(?P<d0>\d{1,2})\s*(?:-|–)\s*(?=\d{1,2}\s*/))?"
    # "(1,4,2019)": commas for slashes, read only before a four-digit year ("Rabu, 2,5 ton" is no date)
    r"(?P<d>\d{1,2})\s*(?:[/.-]|,(?=\s*\d{1,2}\s*,\s*(?:19|20)\d\d(?!\d)))\s*(?P<m>\d{1,2})"
    # "(11/112025)": a dropped separator before a four-digit year is a common typo
    r"(?:\s*[/.-]\s*(?P<y>\d{4}|\d{2})|\s*,\s*(?P<y3>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d))?(?![\d/]|[.-]\d)"
    r"\s*\)?", re.IGNORECASE)
_WORDY = re.compile(
    r"(?<![\w])(?:" + _WD + _WD_TO + r"\s*,?\s*" + _TOD + r"(?:\(\s*)?(?:tanggal\s+|tgl\.?\s*)?)?" + _RANGE +
    r"(?P<d>\d{1,2})\s+" + _MON + r"(?:\s+(?:tahun\s+)?(?P<y>\d{4}))?(?![\w])\s*\)?", re.IGNORECASE)
_BARE_WD = re.compile(r"(?:(?<![\w])pada\s+(?:hari\s+)?|,\s*)" + _WD + r"(?=\s*[.,;)]|\s+(?:lalu|kemarin|pagi|siang|sore|"
                      r"malam|pukul|ini|(?:pekan|minggu)\s+lalu|\())", re.IGNORECASE)
# "Jumat pekan lalu": the weekday of the week before, never the day itself
_WEEK_AGO = re.compile(r"\s+(?:pekan|minggu)\s+lalu\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<![\w])(?P<rel>kemarin|hari\s+ini|pekan\s+lalu|minggu\s+lalu)(?![\w])", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|s/d)\s*$", re.IGNORECASE)
# a clock with seconds ("06 Maret 2024 JAM 06:00:00 WIB") is a machine stamp, never prose
_CLOCK_AFTER = re.compile(r"^[\s,|]*\d{1,2}:\d{2}|^\s*[|/]\s*\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b|"
                          r"^[\s,|-]*(?:jam|pukul)?\s*\d{1,2}:\d{2}:\d{2}", re.IGNORECASE)
# a four-digit year, or a two-digit one after day and month ("17/8/25)"; "(04/05)" is day and month only)
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d|\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d\d\)?$")
_DIGIT = re.compile(r"\d")
_LALU = re.compile(r"\s*(?:(?:pekan|minggu)\s+)?lalu\b", re.IGNORECASE)
# "pada 8 Maret 2021 lalu", "tanggal 02 September 2016 kemarin": a written full date the report looks back to
_AGO = re.compile(r"\s*(?:(?:pekan|minggu)\s+)?(?:lalu|kemarin)\b", re.IGNORECASE)
# a year not glued to a date's digits ("17/8/2025" is not a free year); the character before is checked in Python,
# a leading look-behind would keep the engine from skipping ahead to "19"/"20"
_TEXT_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_GLUE = frozenset("0123456789/.-")
# a year as a path segment or leading a compact date: "/2025/07/02/", "/18/01/2023/", "-20250702"
# names the offices carry only since the ministry was split in October 2024 (Kanwil Kemenkumham X became
# Kanwil Ditjenpas X; domain primer): a text without any year that uses them is from 2024-2026
_NEW_MINISTRY = re.compile(r"\b(?:Kanwil|Kantor\s+Wilayah|Kakanwil)\s+(?:Ditjen\s*pas|Direktorat\s+Jenderal\s+"
                           r"Pemasyarakatan)\b|\bKemenimipas\b|\bImipas\b|Kementerian\s+Imigrasi\s+dan\s+"
                           r"Pemasyarakatan", re.IGNORECASE)
_NEW_MINISTRY_YEARS = (2026, 2025, 2024)
# "/17/05/29/": a two-digit year, month and day as path segments (republika-style)
_URL_SHORT_DATE = re.compile(r"(?:^|/)([0-3]\d)/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])/")
_URL_YEAR = re.compile(r"(?:^|(?<=[/_-]))((?:19|20)\d\d)(?=/|$|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?(?:\D|$))")
_HUT_RI = re.compile(r"\b(?:HUT\)?|ulang\s+tahun)\s+(?:RI\s+)?(?:ke\s*-?\s*)?(\d{2,3})\s+(?:Kemerdekaan|RI\b)|"
                     r"\bHUT\s+(?:Kemerdekaan\s+)?(?:RI|Republik\s+Indonesia)\s+ke\s*-?\s*(\d{2,3})", re.IGNORECASE)


def _wd_num(s: str | None) -> int | None:
    if not s:
        return None
    s = s.lower().replace("’", "'").replace("`", "'").rstrip(".")
    return WEEKDAYS.get(s, WEEKDAYS.get(s.replace("'", "")))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_WD_YEAR_SPAN = 60  # days: a weekday may move a year-less date to another year only if none lies this near


def resolve_dm(d: int, m: int, y: int | None, wd: int | None, pub: date | None,
               text_years: list[int] | None = None) -> tuple[date | None, bool | None]:
    """Resolve day/month(/year) with optional weekday; returns (date, weekday_ok).
    Without a publication date, a missing year is taken from the years the text itself writes
    (the weekday choosing among them); with neither, the date stays unresolved. With one, the weekday picks
    the year around it, but moves the date more than two months from it only to a year the text writes."""
    if y is not None and 100 <= y < 1900:
        y = 2000 + y % 100  # "30/04/1025": a typo of 2025 (1900-1989 are real years: births, old decrees)
    if y is not None and not (1900 <= (y + 2000 if y < 100 else y) <= 2100):
        y = None
    if y is not None:
        if y < 100:
            y += 2000
        dt = _safe(y, m, d)
        if dt is None:
            return None, None
        if wd is not None and dt.weekday() != wd and pub is not None and dt > pub:
            # "Kamis malam (17/5/2025)" in a report of 18 April 2025: a date after the report whose weekday
            # fits the month before (or after) within weeks before the publication slipped a month number
            for mm in (m - 1, m + 1):
                alt = _safe(y, mm, d) if 1 <= mm <= 12 else None
                if alt is not None and alt.weekday() == wd and timedelta(0) <= pub - alt <= _NEAR:
                    return alt, True
        if (wd is not None and dt.weekday() != wd and pub is not None
                and dt - pub > timedelta(days=_WD_YEAR_SPAN)):
            # "Senin (6/10/2026)" in a report of November 2025: the year is the slip when the weekday
            # fits the same day and month near the publication
            alt, ok = resolve_dm(d, m, None, wd, pub, text_years)
            if ok and alt is not None and abs((alt - pub).days) <= _WD_YEAR_SPAN:
                return alt, True
        return dt, (None if wd is None else dt.weekday() == wd)
    if pub is None:
        years = sorted(set(text_years or []), reverse=True)
        cands = [c for c in (_safe(yy, m, d) for yy in years) if c is not None]
        if wd is not None:
            ok = [c for c in cands if c.weekday() == wd]
            if ok:
                return ok[0], True
            # "sepanjang tahun 2021 ... kata X, Sabtu (1/1)": a look back at the year the text names, written
            # in the days after it ended (never past the newest year the corpus holds)
            nxt = _safe(years[0] + 1, m, d) if years and m == 1 and years[0] < _NEW_MINISTRY_YEARS[0] else None
            if nxt is not None and nxt.weekday() == wd:
                return nxt, True
            return None, None
        return (cands[0], None) if len(cands) == 1 else (None, None)
    cands = [c for c in (_safe(pub.year + k, m, d) for k in (0, -1, 1)) if c is not None]
    if not cands:
        return None, None
    if wd is not None:
        slip = _month_slip(d, m, wd, pub, cands)
        if slip is not None:
            return slip, True
        ok = [c for c in cands if c.weekday() == wd]
        if ok:
            best = min(ok, key=lambda c: abs((c - pub).days))
            near = [c for c in cands if abs((c - pub).days) <= _WD_YEAR_SPAN]
            # "Selasa (28/3)" two days after a publication on Tuesday 26/3: a slip of the day number, not
            # an event a year back because 28/3 of the year before was a Tuesday (unless the text itself
            # writes that year: then the publication date may be the one that is off)
            if abs((best - pub).days) > _WD_YEAR_SPAN and near and best.year not in (text_years or ()):
                return near[0], False
            return best, True
    # news reports the past: a date more than a week after publication belongs to the year before
    best = min(cands, key=lambda c: (c > pub + timedelta(days=7), abs((c - pub).days)))
    return best, (None if wd is None else best.weekday() == wd)


_SLIP_FAR, _SLIP_NEAR = timedelta(days=14), timedelta(days=7)


def _month_slip(d: int, m: int, wd: int, pub: date, cands: list[date]) -> date | None:
    """"Selasa (5/1)" in a report of Tuesday 5 February: a year-less date weeks from the publication whose weekday
    fits no nearby year, while the same day of the month next to it falls on that weekday within the days just
    before the publication, has the previous (or next) month's number by mistake (the month rolled over
    in the writer's head but not on the page)."""
    nearest = min(cands, key=lambda c: abs(c - pub))
    if abs(nearest - pub) <= _SLIP_FAR or any(c.weekday() == wd and abs(c - pub) <= _SLIP_FAR for c in cands):
        return None
    for mm in (m - 1, m + 1):
        y, mm = (pub.year - 1, 12) if mm == 0 else (pub.year + 1, 1) if mm == 13 else (pub.year, mm)
        for yy in (y, y - 1, y + 1):
            alt = _safe(yy, mm, d)
            if alt is not None and alt.weekday() == wd and timedelta(0) <= pub - alt <= _SLIP_NEAR:
                return alt
    return None


class Mentions(list):
    """find_dates' answer: a list of DateMention that remembers the publication date it was resolved against."""

    published: date | None = None


def url_years(url: str | None) -> list[int]:
    """Years in a URL's path ("/2025/07/...", "/18/01/2023/", "-20250702"): what dates a page that carries no
    publication date when its text writes only "Rabu (2/7)"."""
    if not url:
        return []
    path = url.split("?", 1)[0].split("//", 1)[-1].partition("/")[2]
    years = [int(m.group(1)) for m in _URL_YEAR.finditer(path) if 1990 <= int(m.group(1)) <= 2100]
    return years or [2000 + int(m.group(1)) for m in _URL_SHORT_DATE.finditer(path)]


def find_dates(text: str, pub: date | None, url: str | None = None, latest: date | None = None) -> list[DateMention]:
    """All date expressions, in text order, resolved where possible (`url` lends its years when `pub` is None).
    `latest`: the newest day a weekday date with no year to go by may fall on (see _resolve_by_latest); None
    leaves such dates unresolved."""
    out: list[DateMention] = Mentions()
    out.published = pub
    taken: list[tuple[int, int]] = []
    pending: dict[int, tuple[int, int, int | None]] = {}  # unresolved day/month: (day, month, weekday)
    text_years = [int(m.group()) for m in _TEXT_YEAR.finditer(text) if not (m.start() and text[m.start() - 1] in _GLUE)]
    # "HUT ke-77 Kemerdekaan RI": the anniversary counts the years since 1945
    if "HUT" in text or "lang tahun" in text or "lang Tahun" in text:
        text_years += [1945 + int(n) for t in _HUT_RI.findall(text) for n in t if n and 50 <= int(n) <= 120]
    if pub is None:
        text_years += url_years(url)
        if not text_years and _NEW_MINISTRY.search(text):
            # no year anywhere, but the offices are named as they were only from late 2024 on ("Kanwil
            # Ditjenpas X", "Kementerian Imigrasi dan Pemasyarakatan"): the weekday picks one of these years
            text_years += list(_NEW_MINISTRY_YEARS)

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
                ytxt = ytxt or m.group("y2") or m.group("y3")
                if not m.group("wd") and not m.group("rel") and not ytxt:
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
    bare = []
    for m in _BARE_WD.finditer(text):
        a, b = m.start("wd"), m.end("wd")
        if not free(a, b + 3):
            continue
        wd = _wd_num(m.group("wd"))
        dt = None
        # without a publication date, the nearest written full date of the text is the "now" of a bare weekday
        anchor = pub if pub is not None else min(
            (d for d in out if d.date is not None and _has_year(d.text)), key=lambda d: abs(d.start - a),
            default=DateMention("", None, 0, 0, None)).date
        if anchor is not None and wd is not None:
            back = (anchor.weekday() - wd) % 7
            if back == 0 and _WEEK_AGO.match(text, b):
                back = 7
            dt = anchor - timedelta(days=back)
        bare.append(DateMention(m.group("wd"), dt, a, b, True if dt else None))
        taken.append((a, b))
    out.extend(bare)
    for m in _RELATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        rel = " ".join(m.group("rel").lower().split())
        dt = None
        if pub is not None:
            dt = {"kemarin": pub - timedelta(days=1), "hari ini": pub}.get(rel)
        out.append(DateMention(m.group("rel"), dt, m.start(), m.end(), None))
    out.sort(key=lambda x: x.start)
    _resolve_range_starts(out, pending, text)
    if pub is None and pending:
        _resolve_by_stamp(out, pending, text)
        if latest is not None:
            _resolve_by_latest(out, pending, latest)
    return out


def _unresolved_weekday_dates(out: list[DateMention], pending: dict[int, tuple[int, int, int | None]]):
    """(mention, day, month, weekday) of each year-less weekday date still without a date."""
    for dm in out:
        if dm.date is None and id(dm) in pending and pending[id(dm)][2] is not None:
            yield (dm, *pending[id(dm)])


_OLDEST_YEAR = 2000  # no Indonesian online news archive this tool reads goes further back


def _resolve_by_latest(out: list[DateMention], pending: dict[int, tuple[int, int, int | None]], latest: date) -> None:
    """Last resort without a publication date: "Selasa (17/8)" in a text whose years (if any) the weekday does not
    fit takes the latest year, up to `latest`, in which that day fell on that weekday (17 August 2021, not 2010).
    Why guess: an undated page still reports one event, and the weekday leaves a handful of years, of which the
    most recent is the likeliest for a monitor of current news. Measured on the 739 dated gold articles of the
    read development sets with the publication date and URL removed: event date 0.899 -> 0.932."""
    for dm, d, mo, wd in _unresolved_weekday_dates(out, pending):
        dt = next((c for c in (_safe(y, mo, d) for y in range(latest.year, _OLDEST_YEAR - 1, -1))
                   if c is not None and c <= latest and c.weekday() == wd), None)
        if dt is not None:
            dm.date, dm.weekday_ok = dt, True


def _resolve_by_stamp(out: list[DateMention], pending: dict[int, tuple[int, int, int | None]], text: str) -> None:
    """Without a publication date, a weekday date that fits no year the text writes takes the year next to the
    latest full date of the text (a page stamp "Hari ini : Rabu, 24 Januari 2018" above "Rabu malam (2/8)"),
    the year before first (news reports the past). Dates of other stories' teasers ("Baca Juga: ...") do not count."""
    latest = max((d.date for d in out if d.date is not None and _has_year(d.text) and not _foreign(text, d.start)),
                 default=None)
    if latest is None:
        return
    for dm, d, mo, wd in _unresolved_weekday_dates(out, pending):
        dt = next((c for c in (_safe(latest.year + k, mo, d) for k in (-1, 1)) if c is not None and c.weekday() == wd),
                  None)
        if dt is not None:
            dm.date, dm.weekday_ok = dt, True


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
    return bool(_YEAR_WRITTEN.search(s))


# lines that belong to other stories or to the page, not to this report ("Sumber: ..." is a credit line,
# "Sumber wartawan ... mengaku" a sentence of the story)
_FOREIGN_LINE = re.compile(r"^\s*(?:" + TEASER_MARKER + r"|(?:baca|simak|lihat|tonton)\s*:|"
                           r"(?:editor|penulis|reporter|pewarta|sumber)\s*[:|/]|"
                           r"(?:editor|penulis|reporter|pewarta)\b)", re.IGNORECASE)
# inline "Baca juga: <headline>" rarely ends with a full stop: a date within ~120 characters after it is
# taken to be the other story's
_INLINE_READ_MORE = re.compile(r"\b" + TEASER_MARKER + r"\s*:?[^.!?\n]{0,120}$", re.IGNORECASE)
# "kata Kusnali, Minggu (17/8)", "ungkap X di Medan, Senin (13/11)", "saat ditemui ..., Rabu (17/3)": the date
# the source spoke, often a day or more after the event the story reports
_SPEECH = re.compile(r"(?:\b(?:kata|ujar|ungkap|ucap|tutur|jelas|terang|papar|tegas|sebut|imbuh|tambah|pungkas|"
                     r"tandas)(?:nya)?|"
                     r"\b(?:mengatakan|menjelaskan|menuturkan|mengungkapkan|menyampaikan|menegaskan|menyatakan|"
                     r"menerangkan|memaparkan|menambahkan|menyebutkan|mengemukakan|disampaikan|dikatakan|diungkapkan)|"
                     r"\bkepada\s+(?:wartawan|awak\s+media|para\s+jurnalis|jurnalis|media)|"
                     r"\bketerangan\s+(?:tertulis|resmi|pers)(?:nya)?|"
                     r"\bangkat\s+bicara|"
                     r"\b(?:dalam\s+)?(?:tayangan|siaran\s+pers|dilansir|dikutip)\b|"
                     r"\b(?:saat|ketika|usai)\s+(?:ditemui|dihubungi|dikonfirmasi|diwawancarai|dimintai\s+keterangan))"
                     r"\b[^.\n\"“”]{0,70}$", re.IGNORECASE)
# a photo caption: a credit in brackets closing the line ("(ANTARA/HO-Humas)", "(Dok Humas Lapas X)",
# "(Foto: ...)") or opening it ("satumalukuID/Husen Toisuta Suasana ...", "Foto: ..."); its date is when
# the picture was taken
_CAPTION = re.compile(r"\((?:antara|foto|dok\b|dokumentasi|istimewa|ist\b|ho\b|[a-z][\w.]*(?:\s[\w.]+)?\s*/)[^()\n]{0,80}"
                      r"\)\s*$|^\s*(?:foto|ilustrasi)\s*:|^\s*[\w.]+/[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s",
                      re.IGNORECASE)
# ... or a bare agency credit closing the line: "... Rabu, 18 Maret 2020. ANTARA", "... Foto: Pixabay"
_CAPTION_CREDIT = re.compile(r"(?:\bANTARA(?:\s+FOTO)?(?:\s*/[^\n]{0,60})?|\bFOTO\s*/[^\n]{0,60}|"
                             r"\b(?:Foto|FOTO)\s*:[^\n]{0,80})\s*$")
# ... or a credit in capitals opening a caption's capitalised heading: "IST TEMU KEBAHAGIAAN. Suasana ..."
_CAPTION_LEAD = re.compile(r"\s*(?:IST|ISTIMEWA|DOK|FOTO)\b[./:]?\s+[A-Z]{2,}(?:\s+[A-Z]{2,})*[.:]\s")
# ... or a person placed in the picture: "Kakanwil X, Iwan Kurniawan (tengah), Senin (3/4) saat ..."
_CAPTION_PLACE = re.compile(r"\((?:tengah|kiri|kanan|(?:dua|tiga|kedua|ketiga)\s+dari\s+(?:kiri|kanan)|"
                            r"(?:paling\s+)?(?:kiri|kanan)|berdiri|duduk)\)", re.IGNORECASE)
_CAPTION_MAX = 400  # a caption is a sentence or two
# what may stand beside a posting stamp on its own line: "Selasa, 17 Agustus 2021 53", "Diposting: ..."
_STAMP_REST = re.compile(r"^[\W\d_]*(?:(?:wib|wita|wit|diposting|dipublikasikan|diperbarui|terbit|posted|"
                         r"updated|published|oleh\s+admin|hari\s+ini|tanggal)\b[\W\d_]*)*$", re.IGNORECASE)
# a dateline opening the body: "Blitar, 17 Maret 2025 - ...", "SEMARANG, 3 September 2025 – ..." (the day the release
# was sent out, like a posting stamp)
_DATELINE_BEFORE = re.compile(r"\W{0,3}[A-Z][A-Za-z.,'’ ]{1,40},\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:[-–—|]|\(\s*[A-Za-z])")
# "Surat Keputusan ... Nomor ... tanggal 15 Agustus 2025": the date of a document, not of an event ("sesuai surat
# edaran, razia dilaksanakan pada tanggal ..." dates the event)
_DOCUMENT = re.compile(r"(?:\b(?:surat|keputusan|sk|nomor|no|peraturan|permen\w*|perpres|pp|instruksi|edaran|"
                       r"undang-undang|uu|putusan)\b(?:[^.\n]|\.(?!\s)){0,90}(?<!pada\s)\b(?:tanggal|tgl\.?)|\btertanggal)\s*$",
                       re.IGNORECASE)
# a sentence that recalls an earlier report: "Seperti diberitakan sebelumnya, ...", "Sebagaimana diketahui, ..."
# ("Sebelumnya, ..." alone often brings the event itself after a quote, so it does not count)
# a forecast: "diperkirakan akan mencapai puncaknya pada Jumat 8 Maret 2024" is not an event that took place
_FORECAST = re.compile(r"\b(?:diperkirakan|diprediksi|diprediksikan|diproyeksikan)\b[^.\n\"“”]{0,60}$", re.IGNORECASE)
# the time of an incident right after its date: "Senin (10/3/2025) dini hari", "Minggu (19/10) sekitar pukul 01.50"
_INCIDENT_TIME = re.compile(r"\s*,?\s*(?:dini\s+hari|(?:sekitar\s+|sekira\s+)?(?:pukul|jam)\s+\d)", re.IGNORECASE)
_BACKGROUND = re.compile(r"^\W*(?:seperti\s+(?:yang\s+)?(?:telah\s+)?(?:diberitakan|dilansir|diketahui)|"
                         r"diberitakan\s+sebelumnya|sebagaimana\s+(?:yang\s+)?(?:telah\s+)?(?:diberitakan|diketahui))",
                         re.IGNORECASE)
# what happened, in the clause before a later date: "resmi keluar dari Lapas pada Sabtu (16/8)", "melarikan
# diri, Senin (10/3/2025)"; the place may stand between ("ditangkap di rumah kontrakannya di Kampung X, Kecamatan Y,
# Kota Z, Jumat (16/5/2025)")
_EVENT_VERB = re.compile(r"\b(?:kabur|melarikan\s+diri|keluar|bebas|dibebaskan|ditangkap|diamankan|digagalkan|"
                         r"menggagalkan|terjadi|berlangsung|digelar|menggelar|dilaksanakan|melaksanakan|"
                         r"diselenggarakan|menyelenggarakan|dilakukan|tewas|meninggal(?:\s+dunia)?|ditemukan|"
                         r"menemukan|ricuh|rusuh|terbakar|diserahkan|menyerahkan|ditandatangani|menandatangani|"
                         r"diresmikan|meresmikan|berkunjung|mengunjungi|dikunjungi|tiba|disita|menyita|diungkap|"
                         r"mengungkap|terungkap|digerebek|menggerebek|digeledah|menggeledah)\b[^.\n\"“”]{0,100}$",
                         re.IGNORECASE)
# "ujar X di Rutan Salemba, Jakarta Pusat pada Kamis, 14 November 2024": a source speaking inside a facility is
# there for a visit, an inspection or a ceremony, which is the event itself
_AT_FACILITY = re.compile(r"\b(?:di|dari)\s+(?:(?:aula|halaman|lingkungan|kantor)\s+)?(?:lapas|rutan|lpka|bapas|"
                          r"rupbasan|lembaga\s+pemasyarakatan|rumah\s+tahanan)\b[^.\n\"“”]{0,60}$", re.IGNORECASE)
# an event lies within weeks of its report: when the text writes a full date that near the publication,
# full dates more than half a year before it are history (years the writer typed, not ones inferred from a
# publication date that may itself be wrong)
_NEAR, _FAR = timedelta(days=45), timedelta(days=180)
# a police statement is often quoted a week or two after the arrest it reports: an event verb's date that far
# before the quoted day is still the story's event (a bare incident time, without the verb, keeps to a week)
_VERB_SPAN = timedelta(days=14)


def _foreign(text: str, pos: int) -> bool:
    line = _line_of(text, pos)
    return bool(_FOREIGN_LINE.match(line) or _INLINE_READ_MORE.search(line[-160:]))


def _line_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    return text[a:pos]


def _full_line(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)


def event_date(dates: list[DateMention], text: str, pub: date | None = None) -> date | None:
    """The main event's date: first weekday-dated expression, else the first resolved full date.
    Time stamps of the page itself ("25 Feb 2017, 19:19 WIB", a line holding only a date), "Baca juga" /
    byline lines, photo captions, document dates ("SK ... tanggal 15 Agustus 2025"), sentences recalling an
    earlier report ("Seperti diberitakan sebelumnya") and the dates at which a source was quoted (when the
    text dates the event too) are not the event; they are used only when nothing else is dated (stamps
    before document or recalled dates). With a
    publication date (passed, or kept by find_dates), full dates half a year before the text's own latest
    full date near it are history. A range ("Kamis (28/2) hingga Minggu (3/3)") is dated by its first day."""
    if pub is None:
        pub = getattr(dates, "published", None)

    def stamp(dm: DateMention) -> bool:
        if _CLOCK_AFTER.match(text[dm.end:dm.end + 14]):
            return True
        a, b = _full_line(text, dm.start)
        if (a <= 400 and "(" not in dm.text and _DATELINE_BEFORE.match(text, a, dm.start)
                and _DATELINE_AFTER.match(text, dm.end)):
            return True
        if text[:a].rstrip().endswith((",", ";")) or text[dm.end:b].strip().endswith("."):
            return False  # a sentence broken across lines ("..., di Rutan Wonosari,\nSelasa (2/5/2017).")
        return bool(_STAMP_REST.match(text[a:dm.start] + " " + text[dm.end:b]))

    def foreign(dm: DateMention) -> bool:
        return _foreign(text, dm.start)

    def caption(dm: DateMention) -> bool:
        a, b = _full_line(text, dm.start)
        return b - a <= _CAPTION_MAX and bool(_CAPTION.search(text[a:b]) or _CAPTION_CREDIT.search(text[a:b])
                                              or _CAPTION_LEAD.match(text, a, b)
                                              or _CAPTION_PLACE.search(text, a, dm.start))

    def aside(dm: DateMention) -> bool:
        a = text.rfind("\n", 0, dm.start) + 1
        if _DOCUMENT.search(text[max(a, dm.start - 120):dm.start]):
            return True
        if pub is not None and dm.date > pub and _FORECAST.search(text[max(a, dm.start - 80):dm.start]):
            return True
        return bool(_BACKGROUND.match(text[_sentence_start(text, dm.start):dm.start]))

    resolved = [d for d in dates if d.date is not None and not foreign(d)]
    story = [d for d in resolved if not stamp(d) and not aside(d)]
    # a caption's date yields only to a story that writes a weekday with its date
    uncaptioned = [d for d in story if not caption(d)]
    if any(d.weekday_ok is not None and _DIGIT.search(d.text) and (d.weekday_ok or _has_year(d.text))
           for d in uncaptioned):
        story = uncaptioned
    # then the page's own stamp (the publication, next to which the event usually lies), then the rest
    for usable in (story, [d for d in resolved if not aside(d)], resolved):
        if not usable:
            continue
        if pub is not None:
            # the report's "now": its latest written full date near the publication (a quote's date alone
            # does not set it); full dates half a year or more before it are history
            now = max((d.date for d in usable if _has_year(d.text) and abs(d.date - pub) <= _NEAR
                       and not _spoken(d, text)), default=None)
            if now is not None:
                usable = [d for d in usable if not (_has_year(d.text) and now - d.date > _FAR)]
        return _pick(usable, text)
    return _holiday(text)


# remission is handed out on the holiday itself: an undated report of "remisi khusus Natal 2021" is dated 25 December,
# one of remission on "HUT ke-77 Kemerdekaan RI" 17 August
_REMISI = re.compile(r"\bremisi\b", re.IGNORECASE)
_NATAL_YEAR = re.compile(r"\bNatal\s+(?:tahun\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


def _holiday(text: str) -> date | None:
    if not _REMISI.search(text):
        return None
    m = _NATAL_YEAR.search(text)
    if m:
        return date(int(m.group(1)), 12, 25)
    for t in _HUT_RI.findall(text):
        for n in t:
            if n and 50 <= int(n) <= 120:
                return date(1945 + int(n), 8, 17)
    return None


def _spoken(d: DateMention, text: str) -> bool:
    return bool(_SPEECH.search(text[max(0, d.start - 140):d.start]))


_LEAD_MIN = 150  # characters: the lead paragraph is the first long line that is not a photo caption
_LEAD_EVENT = re.compile(r"\b(?:digelar|menggelar|dilaksanakan|melaksanakan|diselenggarakan|menyelenggarakan|"
                         r"berlangsung|mengikuti|diikuti|dimulai)\b[^.\n\"“”]{0,60}$", re.IGNORECASE)


def _lead_sentence(text: str) -> tuple[int, int]:
    a = 0
    while a < len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        if b - a >= _LEAD_MIN and not (_CAPTION.search(text, a, b) or _CAPTION_CREDIT.search(text, a, b)):
            e = text.find(". ", a, b)
            return a, (b if e < 0 else e)
        a = b + 1
    return 0, 0


def _pick(usable: list[DateMention], text: str) -> date | None:
    def range_start(d: DateMention) -> DateMention:
        k = next(i for i, u in enumerate(usable) if u.start == d.start)
        if k > 0 and _RANGE_GAP.match(text[usable[k - 1].end:d.start]):
            return usable[k - 1]
        return d

    def speech(d: DateMention) -> bool:
        return _spoken(d, text)

    dated = [d for d in usable if d.weekday_ok is not None and _DIGIT.search(d.text)
             and (d.weekday_ok or _has_year(d.text))]
    if dated:  # a written weekday marks the report's event ("Sabtu 14 Januari 2016")
        first = dated[0]
        if first.weekday_ok is False:
            fixed = _weekday_typo(first, usable)
            if fixed is not None:
                first = DateMention(first.text, fixed, first.start, first.end, True)
        if speech(first) and not _AT_FACILITY.search(text[max(0, first.start - 70):first.start]):
            # the quoted day yields to an explicitly earlier event ("pada Jumat (10/11) lalu") or to a
            # day within the week before it on which something happened ("resmi keluar ... pada Sabtu (16/8)")
            # ... or to a weekday in the quote that precedes it ("Jumat pekan lalu anggota saya menangkap ...")
            later = [d for d in usable if d is not first and (
                (d.start > first.start and _DIGIT.search(d.text))
                or (d.start < first.start and (d.weekday_ok or (d.weekday_ok is None and _has_year(d.text)))
                    and _AGO.match(text, d.end)))]

            def earlier_event(d: DateMention) -> bool:
                if d.date >= first.date:
                    return False
                gap = first.date - d.date
                told_later = d.start > first.start and not _recalled(text, d.start)
                if told_later and gap <= timedelta(days=7) and d.weekday_ok and _INCIDENT_TIME.match(text, d.end):
                    return True  # an incident's hour marks the event even inside the source's account ("X
                    # menjelaskan, drone itu melintas Kamis malam (1/9) pukul 20.20")
                if speech(d):
                    return False
                return bool((d.weekday_ok is not None and _LALU.match(text, d.end) and not _recalled(text, d.start))
                            or (d.weekday_ok is None and _has_year(d.text) and _AGO.match(text, d.end) and gap <= _NEAR)
                            or (told_later and gap <= _VERB_SPAN
                                and _EVENT_VERB.search(text[_sentence_start(text, d.start):d.start])))

            other = next((d for d in later if earlier_event(d)), None)
            if other is None:
                # ... or to the date the lead sentence gives its event ("... pelatihan yang mulai digelar tanggal
                # 13 Maret ...", "siap mengikuti UNBK pada 25 hingga 28 Maret 2019"), the quote coming later
                la, lb = _lead_sentence(text)
                other = next((d for d in usable if la <= d.start < min(lb, first.start) and d.weekday_ok is None
                              and _DIGIT.search(d.text) and abs(d.date - first.date) <= _NEAR
                              and not speech(d) and _LEAD_EVENT.search(text, la, d.start)), None)
            if other is not None:
                first = other
        return range_start(first).date
    for d in usable:
        if d.weekday_ok is not False and _DIGIT.search(d.text):
            return range_start(d).date
    for d in usable:
        return d.date
    return None


_WD_LEAD = re.compile(_WD, re.IGNORECASE)


def _weekday_typo(first: DateMention, usable: list[DateMention]) -> date | None:
    """A weekday that does not fit its date, where the text writes elsewhere a date of the same year that differs in
    the day number only (within the week) or in the month only and falls on that weekday: "Selasa (24/06/2018)"
    beside "24 April 2018", "Selasa (24/11/2022)" beside "Selasa (29/11)". The typo is in the digits: the written
    weekday and the other mention agree on the day. The other mention must write its day number: a bare "Senin"
    is itself dated from its context and proves nothing about a typo."""
    m = _WD_LEAD.match(first.text)
    wd = _wd_num(m.group("wd")) if m else None
    if wd is None or first.date is None:
        return None
    f = first.date
    for d in usable:
        o = d.date
        if d is first or o is None or o == f or o.weekday() != wd or o.year != f.year or not _DIGIT.search(d.text):
            continue
        if (o.day == f.day) or (o.month == f.month and abs((o - f).days) <= 7):
            return o
    return None


_EARLIER = re.compile(r"^\W*sebelumnya\b", re.IGNORECASE)


def _recalled(text: str, pos: int) -> bool:
    """A paragraph opened by "Sebelumnya, ..." (or the one after it, a teaser line between them not counting) goes
    back to what led up to the story: its incident is background to the statement the source makes now."""
    lines, b = [], pos
    while len(lines) < 2 and b > 0:
        a = text.rfind("\n", 0, b) + 1
        line = text[a:b]
        if line.strip() and not _FOREIGN_LINE.match(line):
            lines.append(line)
        b = a - 1
    if any(_EARLIER.match(line) for line in lines):
        return True
    # a paragraph hard-wrapped at a fixed width ("Sebelumnya\npara warga binaan ...\nLapas X, Selasa (19/12)"): the
    # sentence, not the line, opens with the word
    ends = list(_SENTENCE_END.finditer(text, max(0, pos - 400), pos))
    a = ends[-1].end() if ends else max(0, pos - 400)
    return bool(_EARLIER.match(text[a:pos]))


_SENTENCE_END = re.compile(r"[.!?\"”](?=\s)|\n\s*\n")
