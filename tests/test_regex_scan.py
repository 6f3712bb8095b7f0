"""nlp/regex_scan.py: searching only where a match can begin must give exactly `re.search`'s match."""

import random
import re

from nlp import organizations
from nlp.regex_scan import ScanSearch, fast_search, first_chars


def test_first_chars_follow_alternation_groups_options_and_case():
    assert first_chars(r"(?<![\w])(?:Kantor\s+Wilayah|[Kk]anwil)") == frozenset("Kk")
    assert first_chars(r"(?:Sub\s*)?Detasemen") == frozenset("SD")
    assert first_chars(r"(?i:dan)\s") is None  # case folding reaches beyond a-z: left to the engine
    assert first_chars(r"[Kk]anwil|(?i:lapas)") is None
    assert first_chars(r"\w+") is None  # a category: unbounded
    assert first_chars(r"(?:abc)?") is None  # can match the empty string


def test_fast_search_leaves_patterns_the_engine_can_skip_in():
    rx = re.compile(r"Lapas\s+\w+")
    assert fast_search(rx) == rx.search


def _texts(seed=3, n=300):
    rng = random.Random(seed)
    words = ["Kanwil", "kanwil", "Kantor", "Wilayah", "Jawa", "Timur", "Lapas", "dan", "Polres", "Mapolres",
             "Kapolres", "Kota", "Besar", "(", ")", ",", ".", "\n", "Sub", "Detasemen", "Kakanwil", "xKanwil",
             "Kemenkumham", "Kementerian", "Hukum", "HAM", "Ham", "DI", "Yogyakarta", "Kepolisian", "Resor"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))).replace(" (", "(") for _ in range(n)]


def test_scan_search_equals_re_search_on_every_start_position():
    patterns = [r"(?<![\w])(?:(?:Kantor\s+Wilayah|[Kk]anwil)\s+(?P<r>[A-Z]\w+(?:\s+[A-Z]\w+)?))",
                r"(?<![\w])(?:(?:Ma|Ka)?[Pp]olres(?:ta)?\s+(?:Kota\s+)?[A-Z]\w+)",
                r"(?:(?:Sub\s*)?Detasemen|Kepolisian\s+Resor)\s*\(?"]
    for pat in patterns:
        rx = re.compile(pat)
        chars = first_chars(pat)
        scan = ScanSearch(rx, chars, pat.startswith(r"(?<![\w])")).search
        for text in _texts():
            for pos in range(0, len(text) + 1, 7):
                a, b = rx.search(text, pos), scan(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pat, text, pos)


def test_organisation_patterns_find_what_plain_search_finds():
    """Every family pattern of the organisation stage, both ways, on synthetic sentences."""
    text = ("Kakanwil Kemenkumham Jawa Timur, Heru Santoso, bersama Kapolres Kota Besar Banyuwangi dan "
            "Sub Detasemen Polisi Militer meninjau Lapas Kelas IIA Banyuwangi. Kantor Wilayah (Kanwil) Ditjenpas "
            "Jawa Timur juga hadir bersama Ombudsman RI, KPK, BNNK Banyuwangi, Pemerintah Kota Banyuwangi, "
            "Kodim 0825 dan Forkopimda. xKanwil Jatim bukan nama.")
    subject = organizations.region_subject(text)
    for lp, *_ in organizations._compiled():
        plain = re.compile(lp.source)
        s = subject if lp.fallback is not None else text
        for pos in range(0, len(s), 11):
            a, b = plain.search(s, pos), fast_search(plain)(s, pos)
            assert (a and a.span()) == (b and b.span()), (lp.source[:60], pos)
