"""Find UPT Pemasyarakatan mentions (lapas, rutan, cabang_rutan, lpka, bapas, rupbasan) in raw text
and resolve them to the facility registry.

Why regexes over the raw text and not NER: the surface forms are a small closed grammar
(head [specialty] [class] town) with many spellings ("Lembaga Pemasyarakatan (Lapas) Kelas IIA
Banyuwangi", "Lapas Narkotika Klas II A Samarinda", OCR-ish "Kelas IlA", "Kalapas Kelas IIB Tegal"),
which a grammar covers exactly and fast; the town boundary is decided with the region registry.
Police/KPK/prosecutor detention units ("Rutan KPK", "Rutan Polda Metro Jaya") are not UPTs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from nlp.lexicon import TEASER_MARKER
from nlp.records import Facility, Mention
from nlp.registry import Registry, load_registry, norm_key, pick_facility

_ACR = r"(?:\s*\(+\s*(?:Lapas|LP|Rutan|LPKA|Bapas|Rupbasan|Cabrutan|Lapas\s+\w+|LPP|LLP|LPN|Lapastik)\s*\))?"
# "Pemasyarakatan" and its common misspellings ("Lembaga Permasyarakatan (LP) Idi", "Lembaga Pemasyarakat")
_PAS = r"Per?masyarakat(?:an)?"
# head alternatives -> kind (group names carry the kind)
_HEADS = [
    (r"Lembaga\s+(?:Pembinaan|" + _PAS + r")\s+Khusus\s+Anak" + _ACR + r"|LPKA|LPK\s+Anak", "lpka", None),
    (r"Cabang\s+(?:Rumah\s+Tahanan(?:\s+Negara)?|Rutan)" + _ACR + r"|Cabrutan", "cabang_rutan", None),
    (r"Lembaga\s+" + _PAS + r"\s+Perempuan" + _ACR + r"|LPP|LLP", "lapas", "perempuan"),
    (r"Lembaga\s+" + _PAS + r"\s+Narkotika" + _ACR + r"|LPN|Lapastik|Lapassustik", "lapas", "narkotika"),
    (r"Lembaga\s+" + _PAS + _ACR + r"|Lapas|LP(?=\s+[A-Z])|Kalapas|Kepala\s+LP(?=\s)", "lapas", None),
    (r"Rumah\s+Ta(?:na)?hanan(?:\s+Negara)?" + _ACR + r"|Rutan|Karutan", "rutan", None),  # "Tanahanan": a typo
    (r"Balai\s+" + _PAS + _ACR + r"|Bapas|Kabapas", "bapas", None),
    (r"Rumah\s+Penyimpanan\s+(?:Benda|Barang)\s+Sitaan\s+Negara" + _ACR + r"|Rupbasan|Karupbasan", "rupbasan", None),
]
_HEAD_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _, _) in enumerate(_HEADS)) + r")"
    r"(?:(?![\w-])|(?=(?:Perempuan|Narkotika|Pemuda|Wanita|Terbuka|Khusus|Anak)\s))",
    re.IGNORECASE,
)
_SPEC = {"narkotika": "narkotika", "narkoba": "narkotika", "perempuan": "perempuan", "wanita": "perempuan",
         "khusus": "khusus", "pemuda": "pemuda", "terbuka": "terbuka", "industri": "industri",
         "anak": "anak", "dewasa": None, "umum": None}
_CLASS_RE = re.compile(
    r"\s*(?:Kelas|Klass?|Kls\.?)\s*(?P<num>III|II|I|[Il]{1,3}|1|2|3|Satu|Dua|Tiga)"
    r"(?:\s*[-./ ]?\s*(?P<ab>[ABCabc])(?![a-z]))?(?![\w])",  # "Kelas II/A": the class as a fraction
    re.IGNORECASE,
)
# a class numeral without "Kelas": "Lapas IIA Metro", "Lapas II-A Metro"
_BARE_CLASS_RE = re.compile(r"\s+(?P<num>III|II|I)(?:\s|-)?(?P<ab>[AB])?(?=\s+[A-Z][a-z])")
_MOD_RE = re.compile(r"\s*(?P<w>Narkotika|Narkoba|Perempuan|Wanita|Khusus|Pemuda|Terbuka|Industri|Anak|Dewasa|Umum)"
                     r"(?:nya)?(?![\w])"
                     # "Lapas Maximum Security Narkotika Gladakan", "Lapas Super Maximum Security di Nusakambangan"
                     r"|\s+(?P<sec>(?:Super\s+)?(?:Maximum|Maksimum|Minimum|Medium)(?:\s+(?:Security|Sekuriti))?|High\s+Risk"
                     r"|Teroris(?:me)?|Pria)(?![\w])", re.IGNORECASE)
_KOTA_TOWN_RE = re.compile(r"[ \t]+Kota[ \t]+([A-Z][A-Za-z]+)")
# "Kalapas Kelas II A kota Lubuklinggau": the town word is often written in lower case
_TOKEN_RE = re.compile(r"[ \t]+(?:(?:Kota|Kabupaten|Kab\.)\s+|(?:kota|kabupaten)[ \t]+)?([A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?|[A-Z]{2,})")
_GAP_TOKEN_RE = re.compile(r"[ \t]+([A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?|[A-Z]{2,})")
# Detention units of other agencies: never UPTs
_EXCLUDE = set("""kpk polda polres polresta polrestabes polsek polri bareskrim mabes mako brimob kejaksaan
kejagung kejari kejati kejaksaan bnn bnnp militer pomdam polisi kepolisian oditurat denpom cabang
imigrasi kodim""".split())
_NOT_CITY = set("""kelas klas negara dan di se dari yang kami indonesia ri provinsi kota kabupaten baru lama
umum senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus september
oktober november desember kanwil kepala kalapas karutan tersebut itu ini setempat terbesar maximum super
high minimum medium nasional pusat wilayah petugas pejabat jajaran warga lapas rutan bapas lpka bersinar
komisi dprd dpr iia iib ii iii i ka plt wbp napi kantor kecamatan klass upt kemenkumham kemkumham kemenimipas
departemen permasyarakatan pemasyarakatan tipikor ditjenpas kementerian""".split())
_ROMAN_RE = re.compile(r"(?:[IVXl]{1,4}|[IVX]{1,4}[- ]?[A-C]|I+[AB][A-Z][a-z]*)$")
# First words of two-word town names ("Teluk Kuantan", "Muara Sabak", "Pondok Bambu")
_TWO_WORD_PREFIX = set("""teluk muara tanjung pangkalan bandar kuala lubuk pulau gunung bukit pematang padang
sungai tebing karang labuhan rantau air tanah pasir way pondok kembang sialang merah mata kota batu
palangka pagar siak tanjung pangkal arga muaro kayu pamatang kebon""".split())


# Teasers of other stories ("Baca juga: Dua napi Lapas X kabur"): their facilities are not the article's
# "Baca juga: <headline>" on one line, or the marker alone and the headline on the next line
_TEASER_RE = re.compile(
    r"^[ \t]*(?:" + TEASER_MARKER + r"|(?:baca|simak)(?=[ \t]*:))[ \t]*:?(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE)
_LINE_RE = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]*)")
_PUNCT_RE = re.compile(r"[.,;:!?\"“”()]")
# a bare kind word beside a mention: a list of kinds of facility, not one facility
_LIST_BEFORE_RE = re.compile(r"(?<![\w-])(?:lapas|rutan|bapas|lpka|rupbasan|lpp)(?:\s*(?:,|/|dan|serta|maupun|atau))+"
                             r"\s*$", re.IGNORECASE)
_LIST_AFTER_RE = re.compile(r"(?:\s*(?:,|/|dan|serta|maupun|atau))+\s*(?:lapas|rutan|bapas|lpka|rupbasan|lpp)"
                            r"\s*(?:,|/|dan|serta|maupun|atau|di|se|yang|\.|$)", re.IGNORECASE)
_RUTAN_CABANG_RE = re.compile(r"\s+[Cc]abang\s+([A-Z][A-Za-z]+)")
# officers' titles that put a person's name right after the facility word ("Kepala Pengamanan Lapas Suhaini")
_OFFICER_RE = re.compile(r"(?:Pengamanan|Kamtib|Kasubsi|Kasi|Kasie|Kabid|Kasubag|Kasubbag|Kaur|KPLP|KP|Seksi|Staf|"
                         r"Humas|Dokter|Klinik|Kasubsie)\s*$")
_NEXT_CAP_RE = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_COMMA_CITY_RE = re.compile(r"\s*,(?=\s+[A-Z])")
_LOWER_RE = re.compile(r"[ \t]+([a-z][a-z'-]+(?: [a-z][a-z'-]+){0,2})")
_DI_RE = re.compile(r",?\s+di\s+(?:Pulau\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")
_QUANT_RE = re.compile(r"\b(?:sejumlah|seluruh|semua|beberapa|para|setiap|tiap|banyak|berbagai|dan|atau|antar|"
                       r"ke|menjadi|sebuah|satu|seperti|pendirian|pembangunan|tambahan|calon|rencana)\s*$",
                       re.IGNORECASE)
_PLURAL_RE = re.compile(r"\b(?:sejumlah|seluruh|semua|beberapa|para|setiap|tiap|banyak|berbagai|antar)\s*$",
                        re.IGNORECASE)
# "Lapas Kelas 2A Cirebon atau Lapas Gintung", "... yang dikenal dengan nama Lapas X": a second name of one facility
_ALIAS_GAP_RE = re.compile(r"\s*,?\s*(?:atau|alias|(?:atau\s+)?(?:yang\s+)?(?:lebih\s+|juga\s+)?(?:dikenal|disebut|dijuluki)"
                           r"(?:\s+(?:juga|dengan|sebagai|oleh\s+warga))*(?:\s+(?:nama|sebutan|julukan))?)\s+")
# "Lapas Bentiring, begitulah masyarakat Bengkulu menyebut lapas ...": a local name of the facility just named
_LOCAL_NAME_RE = re.compile(r",?\s+begitu(?:lah)?\b[^.\n]{0,60}?\b(?:menyebut|menyebutnya|disebut|dikenal|menamai|"
                            r"dijuluki)\b")
# related-story links in a bulleted list ("• Tokoh Masyarakat Harap Inovasi Lapas X Dapat Diikuti")
_BULLET_LINE_RE = re.compile(r"(?m)^[ \t]*[•►▶»■◆●▪][ \t]*(?P<rest>[^\n]+)")
# the same written with dashes, three lines or more in a row ("- 50 Napi Kabur dari Lapas X, 13 Sudah Ditangkap"):
# a dash also starts the items of the article's own lists, so a run of Title Case headlines is needed
_DASH_RUN_RE = re.compile(r"(?m)(?:^[ \t]*-[ \t]+[^\n]+(?:\n|$)){3,}")
_DASH_LINE_RE = re.compile(r"(?m)^[ \t]*-[ \t]+(?P<rest>[^\n]+)")
_CAP_RE = re.compile(r"[A-Z]")
_DIRECTORATE_ANY_RE = re.compile(r"(?i)jenderal|dirjen|ditjen")
_DIRECTORATE_RE = re.compile(r"(?:Direktur(?:at)?\s+Jenderal|Dirjen|Ditjen)\s+$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")

# Frequent given names that follow "Lapas" when a person is named ("Dokter Klinik Lapas Sri Y."): never towns
_GIVEN_NAMES = frozenset("""sri siti muhammad muhamad mohammad mochamad moh ahmad achmad agus budi dwi eko tri
yudi hendra dedi dedy rudi joko bambang heru nur nurul dewi ratna rina wahyu wahyudi andri andre putu made
nyoman ketut kadek gede ayu yohanes fransiskus maria""".split())

# specialties that make a different facility in the same town ("Lapas Perempuan Tangerang" vs "Lapas Tangerang")
_DISTINCT_SPECIALTIES = {"perempuan", "pemuda", "narkotika", "terbuka", "khusus", "industri"}


@dataclass(slots=True)
class FacilityMention:
    start: int
    end: int
    text: str
    kind: str
    specialty: str | None
    facility_class: str | None
    city: str | None  # as written; None for "lapas tersebut", "Kalapas"
    title_head: bool = False  # "Kalapas X", "Karutan X": a head's title, never a new facility when one exists
    alt_city: str | None = None  # "Lapas Lubuklinggau di Muara Beliti": a second place naming the same facility


_CLASS_WORDS = {"satu": "I", "dua": "II", "tiga": "III"}


def _class_str(num: str, ab: str | None) -> str:
    n = _CLASS_WORDS.get(num.lower()) or num.replace("l", "I").replace("1", "I").replace("2", "II").replace(
        "3", "III").upper()
    return n + (ab.upper() if ab else "")


def _titlecase(tok: str) -> str:
    return tok.capitalize() if tok.isupper() and len(tok) > 3 else tok


def _take_city(text: str, pos: int, reg: Registry, after_class: bool = False) -> tuple[str | None, int, bool]:
    """Read the town after the head at `pos`: (city as written, end offset, excluded-agency flag)."""
    km = _KOTA_TOWN_RE.match(text, pos)
    if km and norm_key(km.group(1)) not in reg.place_keys and (
            norm_key(km.group(0)) in reg.place_keys or norm_key(km.group(0)).replace(" ", "") in reg.place_keys):
        return f"Kota {_titlecase(km.group(1))}", km.end(), False  # "Rutan Kota Agung": "Kota" is the name
    toks: list[tuple[str, int, int]] = []
    p = pos
    for k in range(4):
        m = (_TOKEN_RE if k == 0 else _GAP_TOKEN_RE).match(text, p)
        if not m:
            break
        toks.append((m.group(1), m.start(1), m.end(1)))
        p = m.end()
    if not toks:
        return None, pos, False
    first = norm_key(toks[0][0])
    if first == "negara" and after_class:
        return "Negara", toks[0][2], False  # "Rutan Kelas IIB Negara" (Jembrana, Bali)
    if first in _EXCLUDE:
        return None, toks[0][2], True
    if first in _NOT_CITY or toks[0][0].lower().startswith("se-") or _ROMAN_RE.match(toks[0][0]):
        return None, pos, False
    keys = [norm_key(t[0]) for t in toks]
    for n in (3, 2, 1):  # longest known place
        if len(toks) >= n and (" ".join(keys[:n]) in reg.place_keys or " ".join(keys[:n]) in _indexes(reg)[3]):
            return " ".join(_titlecase(t[0]) for t in toks[:n]), toks[n - 1][2], False
    if len(toks) >= 2 and (keys[0] + keys[1] in reg.place_keys or keys[0] + keys[1] in _indexes(reg)[3]):
        return " ".join(_titlecase(t[0]) for t in toks[:2]), toks[1][2], False  # "Tulung Agung" = Tulungagung
    if len(toks) >= 2 and keys[0] in _TWO_WORD_PREFIX and keys[1] not in _NOT_CITY and len(keys[1]) > 1:
        return " ".join(_titlecase(t[0]) for t in toks[:2]), toks[1][2], False
    if first in _common_words():
        return None, pos, False
    glued = re.match(r"([A-Z][a-z]{3,})[A-Z][a-z]", toks[0][0])
    if glued and norm_key(glued.group(1)) in reg.place_keys:  # "PematangsiantarPertemuan": lost newline
        return glued.group(1), toks[0][1] + len(glued.group(1)), False
    return _titlecase(toks[0][0]), toks[0][2], False


def _known_town(reg: Registry, kind: str, city: str) -> bool:
    k = norm_key(city)
    return k in reg.region_by_key or k in reg.place_keys or _has_unit(reg, kind, city)


def _has_unit(reg: Registry, kind: str, city: str) -> bool:
    """The registry lists a facility of this kind under this town or alias."""
    k = norm_key(city)
    return (kind, k) in reg.by_kind_city or (kind, k.replace(" ", "")) in _indexes(reg)[0]


_INDEX_CACHE: dict[int, tuple] = {}


def _indexes(reg: Registry) -> tuple[dict, dict, set, set, dict]:
    """Per registry (built once): (kind, town key without spaces) -> entries, for "Lubuk Linggau" /
    "Lubuklinggau", "Pangkal Pinang" / "Pangkalpinang"; (kind, specialty, province) -> entries; and the
    keys of kota / kabupaten names and aliases (a province named like its capital is also a town); and
    every town form a facility is indexed under; and town key -> its kota / kabupaten."""
    got = _INDEX_CACHE.get(id(reg))
    if got is None or got[0] is not reg:
        squash: dict[tuple[str, str], list] = {}
        for (kind, k), entries in reg.by_kind_city.items():
            squash.setdefault((kind, k.replace(" ", "")), []).extend(entries)
        by_prov: dict[tuple[str, str | None, str], list] = {}
        for f in reg.facilities:
            by_prov.setdefault((f.kind, f.specialty, f.province or ""), []).append(f)
        towns = {norm_key(form) for r in reg.regions if r.kind != "province" for form in [r.name, *r.aliases]}
        fac_towns = {k for _, k in reg.by_kind_city}  # "Batu Nusakambangan" from "Lapas Batu Nusakambangan"
        town_region: dict[str, object] = {}
        for r in reg.regions:
            if r.kind != "province":
                for form in [r.name, *r.aliases]:
                    town_region.setdefault(norm_key(form), r)
        got = (reg, squash, by_prov, towns, fac_towns, town_region)
        _INDEX_CACHE[id(reg)] = got
    return got[1], got[2], got[3], got[4], got[5]


def _lookup(reg: Registry, kind: str, city: str, specialty: str | None = None):
    """Registry entry of a facility named by kind + town as written: exact town form, then the town with
    its spaces dropped, then, for "Lapas Narkotika Bali" / "LPKA Bali", the province's one facility of
    that kind and specialty."""
    entry = reg.lookup_facility(kind, city, specialty)
    if entry is not None and (not specialty or entry.specialty == specialty):
        return entry
    squash, by_prov = _indexes(reg)[:2]
    cands = squash.get((kind, norm_key(city).replace(" ", "")))
    if cands:
        return pick_facility(cands, specialty)
    r = reg.region_by_key.get(norm_key(city))
    if r is not None and r.kind == "province" and (specialty or kind == "lpka"):
        cands = by_prov.get((kind, specialty, r.province), [])
        if len(cands) == 1:
            return cands[0]
    return None


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "registry" / "common_words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def find_mentions(text: str, reg: Registry | None = None) -> list[FacilityMention]:
    """All facility mentions in order; mentions with city None are short references."""
    reg = reg or load_registry()
    out: list[FacilityMention] = []
    teasers = _teaser_spans(text)
    directorate = _DIRECTORATE_ANY_RE.search(text) is not None
    for m in _HEAD_RE.finditer(text):
        if teasers and any(a <= m.start() < b for a, b in teasers):
            continue
        if directorate and _DIRECTORATE_RE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "Direktur Jenderal Lembaga Pemasyarakatan (Dirjen Lapas)": the directorate's old name
        kind = spec = None
        for i, (_, k, s) in enumerate(_HEADS):
            if m.group(f"h{i}"):
                kind, spec = k, s
                break
        head = m.group(0)
        if head.isupper() and head in ("LP",) and not text[m.end():m.end() + 2].strip():
            pass
        p = m.end()
        fclass = None
        # "Lapas Kelas IIA", "Lapas Narkotika Kelas II A", "Lapas Perempuan Kelas IIA", order free
        for _ in range(4):
            cm = _CLASS_RE.match(text, p)
            if cm and fclass is None:
                fclass = _class_str(cm.group("num"), cm.group("ab"))
                p = cm.end()
                continue
            bm = _BARE_CLASS_RE.match(text, p)
            if bm and fclass is None:
                fclass = _class_str(bm.group("num"), bm.group("ab"))
                p = bm.end()
                continue
            mm = _MOD_RE.match(text, p)
            if mm and (mm.group("w") is None or mm.start("w") > p or text[p - 1:p].isalpha()):
                if mm.group("w"):
                    w = _SPEC.get(mm.group("w").lower())
                    # "Lapas Khusus Narkotika", "Lapas Khusus Anak": the specific word names the facility
                    spec = w if spec in (None, "khusus") and w is not None else spec
                p = mm.end()
                continue
            am = re.match(r"\s*\((?:Lapas|Rutan|LP|LPKA|Bapas)[^)]{0,20}\)", text[p:p + 40])
            if am:
                p += am.end()
                continue
            break
        # "Rutan Cabang Lhoksukon": a branch remand centre, unless another agency's ("Rutan Cabang KPK")
        rc = _RUTAN_CABANG_RE.match(text, p) if kind == "rutan" else None
        if rc and norm_key(rc.group(1)) not in _EXCLUDE and norm_key(rc.group(1)) != "komisi":
            kind, p = "cabang_rutan", rc.end() - len(rc.group(1)) - 1
        # "Lapas Kelas Batu Nusakambangan": a bare "Kelas" before the town
        km = re.match(r"\s+(?:Kelas|Klas)(?=\s+[A-Z])", text[p:p + 12])
        if km and fclass is None:
            p += km.end()
        city, end, excluded = _take_city(text, p, reg, fclass is not None)
        if excluded:
            continue
        if city:
            cb = _RUTAN_CABANG_RE.match(text, end)
            if cb and (norm_key(cb.group(1)) in _EXCLUDE or norm_key(cb.group(1)) == "komisi"):
                continue  # "Rutan Kelas I Jakarta Timur Cabang KPK": the KPK's detention unit
        if city is None:
            city, end = _city_fallback(text, p, reg, kind, fclass is not None, m.start(), m.end())
        elif end >= len(text.rstrip()) and not _known_town(reg, kind, city):
            continue  # "Rutan Kelas II B Klun": the scraped text was cut inside the town name
        title_head = head.lower().startswith(("kalapas", "karutan", "kabapas", "karupbasan", "kepala")) or bool(
            re.search(r"(?:Kepala|Ka\.?|Plt\.?|Pj\.?)\s*$", text[max(0, m.start() - 8):m.start()]))
        if city and not _known_town(reg, kind, city) and (
                (title_head and not re.match(r"\s*,\s*[A-Z]", text[end:end + 4]))
                or norm_key(city.split()[0]) in _GIVEN_NAMES or _name_follows(text, end, reg)
                or _OFFICER_RE.search(text, max(0, m.start() - 30), m.start())
                or len(city) < 3 or (city.isupper() and head.isupper())):
            # "Kalapas Jamin ...", "Kepala Lapas Kusnan", "Kasubsi Kamtib Lapas Rosmita": a person's name;
            # "Rutan C" (a block), "LAPAS TANGKAL NARKOBA" (a caption in capitals)
            city = None
        if kind == "lapas" and spec == "anak":
            kind, spec = "lpka", None  # "Lapas Anak Blitar": the former name of an LPKA
        if city and out and out[-1].city is None and out[-1].end == m.start() - 1 and text[m.start() - 1] == "/":
            # "Rutan/LP Sialang Bungkuk": two kinds written for one unit; the kind the registry has there
            prev = out[-1]
            if not _has_unit(reg, kind, city) and _has_unit(reg, prev.kind, city):
                kind, spec = prev.kind, prev.specialty
        alt = None
        if city:
            # "Lapas Kelas IIA Lubuklinggau di Muara Beliti": the place also names the facility
            alt = _di_town(text, end, reg, kind, False)[0]
        # "Lapas Narkotika" in titles etc: the specialty word may have been the only thing after the head
        out.append(FacilityMention(m.start(), end if city else p, text[m.start():end if city else p], kind, spec,
                                   fclass, city, title_head, alt))
        # "Lapas Karang Intan dan Cempaka": a second town of the same kind
        while city:
            cm2 = re.match(r"\s+(?:dan|serta)\s+(?=[A-Z])", text[end:end + 10])
            if not cm2:
                break
            c2, e2, ex2 = _take_city(text, end + cm2.end() - 1, reg)
            r2 = reg.region_by_key.get(norm_key(c2 or ""))
            if not c2 or ex2 or not _known_town(reg, kind, c2) or (r2 is not None and r2.kind == "province"):
                break
            out.append(FacilityMention(end + cm2.end(), e2, text[end + cm2.end():e2], kind, None, None, c2, False))
            end = e2
    # "Lapas dan Rutan Kelas II Palangka Raya": two heads sharing the town written after the second
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (a.city is None and b.city and a.kind != b.kind and not a.title_head and a.text[:1].isupper()
                and _known_town(reg, a.kind, b.city) and re.fullmatch(r"\s+(?:dan|serta|&)\s+", text[a.end:b.start])):
            out[i] = FacilityMention(a.start, a.end, f"{a.text} {b.city}", a.kind, a.specialty, None, b.city)
    return out


def _name_follows(text: str, end: int, reg: Registry) -> bool:
    """An unknown one-word "town" followed by another capitalised word that is no place ("Lapas Suhaini
    Harahap"): a person's name, not a town ("Lapas Malabero Bengkulu", "Lapas Bentiring ini")."""
    nm = _NEXT_CAP_RE.match(text, end)
    if not nm:
        return False
    k = norm_key(nm.group(1))
    return not (k in reg.place_keys or k in reg.region_by_key or k in _NOT_CITY or k in _EXCLUDE
                or k in _common_words() or k in _SPEC or k in {"kelas", "klas", "nusakambangan", "ri"})


_COUNT_ITEM_RE = re.compile(r":\s*\d")


def _headline(line: str) -> bool:
    """Title Case, four words or more, no closing punctuation: how a link to another story reads. A "name: count"
    item ("- Lapas Kelas IIB Solok: 3 klien") is a line of the article's own table, not a link."""
    line = line.rstrip()
    words = _WORD_RE.findall(line)
    return len(words) >= 4 and line[-1:] not in '.!?"”:;,)' and not _COUNT_ITEM_RE.search(line) and \
        sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _teaser_spans(text: str) -> list[tuple[int, int]]:
    """Spans of teasers for other stories. A marker alone on its line takes the next line only when that
    reads as a headline (short, no closing punctuation): some pages keep the marker and drop the link,
    and the next line is then the article's own text."""
    out = []
    if "•" in text or "►" in text or "▶" in text or "»" in text or "■" in text or "●" in text:
        for m in _BULLET_LINE_RE.finditer(text):
            if _headline(m.group("rest")):
                out.append((m.start(), m.end()))  # a Title Case headline in a bulleted list: another story
    if "- " in text:
        for run in _DASH_RUN_RE.finditer(text):
            lines = [m for m in _DASH_LINE_RE.finditer(text, run.start(), run.end()) if _headline(m.group("rest"))]
            if len(lines) >= 3:
                out += [(m.start(), m.end()) for m in lines]
    for m in _TEASER_RE.finditer(text):
        if m.group("rest").strip():
            out.append((m.start(), m.end()))
            continue
        nl = _LINE_RE.match(text, m.end())
        if nl:
            line = nl.group(1).rstrip()
            if line and len(line) <= 150 and line[-1] not in '.!?"”:;,)':
                out.append((m.start(), nl.end()))
    return out


def _city_fallback(text: str, p: int, reg: Registry, kind: str, after_class: bool,
                   head_start: int, head_end: int) -> tuple[str | None, int]:
    """Towns the capitalised-token reader misses, accepted only when a registered facility of this kind
    answers to them: "Lapas Kelas IIA, Samarinda", "lapas muara beliti" (lower case), "Lembaga Pembinaan
    Khusus Anak di Palu", "Lapas Super Maximum Security di Pulau Nusakambangan"."""
    if after_class:
        cm = _COMMA_CITY_RE.match(text, p)
        if cm:
            c, e, ex = _take_city(text, cm.end(), reg)
            if c and not ex and _known_town(reg, kind, c):
                return c, e
    lm = _LOWER_RE.match(text, p)
    if lm and not _tag_line(text, p):
        words = lm.group(1).split()
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            cand = " ".join(words[:n])
            if n == 1 and (len(cand) < 4 or cand in _NOT_CITY or cand in _common_words()):
                continue
            if _lookup(reg, kind, cand) is not None:
                e = lm.start(1) + len(" ".join(lm.group(1).split()[:n]))
                # offsets: the words are single-space separated in the text when the join matches
                if text[lm.start(1):e].lower() == cand:
                    return " ".join(w.capitalize() for w in words[:n]), e
    # a name, not "Lapas di Balikpapan" (the town's prisons): a long form or words after the head
    named = p > head_end or text[head_start:head_start + 1] in "LBR" and text[head_start:head_end].count(" ") > 0
    # "dipindahkan ke Lapas Super Maksimum Security di Nusakambangan": words after the head make it one facility;
    # only a plural ("sejumlah Lapas ... di X") stays the town's prisons
    quant = _PLURAL_RE if p > head_end and _CAP_RE.search(text, head_end, p) else _QUANT_RE
    if named and not quant.search(text, max(0, head_start - 25), head_start):
        c, e = _di_town(text, p, reg, kind, True)
        if c:
            return c, e
    return None, p


def _tag_line(text: str, p: int) -> bool:
    """A line of page tags ("kanwil kemenkumham babel bapas pangkalpinang"): no punctuation, many words."""
    a, b = text.rfind("\n", 0, p) + 1, text.find("\n", p)
    line = text[a:b if b >= 0 else len(text)]
    return not _PUNCT_RE.search(line) and line.count(" ") >= 4


def _di_town(text: str, p: int, reg: Registry, kind: str, registered: bool) -> tuple[str | None, int]:
    """The place in ", di <Town>" / " di Pulau <Town>" at `p` (two words, else one): a registered facility
    town of this kind when `registered`, else any known place."""
    dm = _DI_RE.match(text, p)
    if not dm:
        return None, p
    words = dm.group(1).split()
    for n in (2, 1):
        if len(words) >= n:
            c = " ".join(words[:n])
            r = reg.region_by_key.get(norm_key(c))
            if r is not None and r.kind == "province":
                continue  # "Lapas di Bengkulu": the province's prisons
            if (_lookup(reg, kind, c) is not None) if registered else _known_town(reg, kind, c):
                return c, dm.start(1) + len(c)
    return None, p


def _display_name(kind: str, spec: str | None, fclass: str | None, city: str) -> str:
    head = {"lapas": "Lapas", "rutan": "Rutan", "cabang_rutan": "Cabang Rutan", "lpka": "LPKA",
            "bapas": "Bapas", "rupbasan": "Rupbasan"}[kind]
    parts = [head]
    if spec and spec != "anak":
        parts.append(spec.capitalize())
    if fclass:
        parts.append(f"Kelas {fclass}")
    parts.append(city)
    return " ".join(parts)


def resolve(mentions: list[FacilityMention], text: str, reg: Registry | None = None,
            sentence_of=None) -> tuple[list[Facility], list[tuple[FacilityMention, Facility | None]]]:
    """Cluster mentions into facilities: one per (kind, town). Short mentions ("lapas tersebut",
    "Kalapas") join the latest facility of the same kind; they never create a facility."""
    reg = reg or load_registry()
    facs: dict[tuple[str, str], Facility] = {}
    alias_of: dict[tuple[str, str], Facility] = {}  # (kind, city key) -> facility, for variant names
    links: list[tuple[FacilityMention, Facility | None]] = []
    last_by_kind: dict[str, Facility] = {}
    city_keys: dict[int, set[str]] = {}  # id(facility) -> keys of the towns its mentions were written with
    written: dict[int, set[str]] = {}  # id(facility) -> distinct specialties its mentions were written with
    classes: dict[int, set[str]] = {}  # id(facility) -> classes its mentions were written with (not the registry's)
    prev: tuple[FacilityMention, Facility] | None = None
    for fm in mentions:
        if fm.city is None:
            links.append((fm, last_by_kind.get(fm.kind)))
            continue
        ckey = norm_key(fm.city)
        spec = fm.specialty if fm.specialty in _DISTINCT_SPECIALTIES else None
        entry = _lookup(reg, fm.kind, fm.city, spec)
        if entry is not None and spec and entry.specialty != spec:
            entry = None  # "Lapas Perempuan Palu" is not the registered "Lapas Palu"
        key = (fm.kind, entry.facility_id if entry else f"{spec or ''}:{ckey}")
        f = facs.get(key) or alias_of.get((fm.kind, spec or "", ckey))
        if f is None and spec is not None:
            # "Lapas Narkotika Gintung" after "Lapas Narkotika Kelas 2A Cirebon atau Lapas Gintung"
            # (a second name it was written with: its own town keeps "Lapas Perempuan X" apart from "Lapas X")
            same = [x for x in facs.values() if x.kind == fm.kind and ckey in city_keys.get(id(x), ())
                    and (spec in written.get(id(x), ()) or not written.get(id(x)) and norm_key(x.city or "") != ckey)]
            if len(same) == 1:
                f = same[0]
        if f is None and spec is None:
            # "Lapas Samarinda" after "Lapas Narkotika Samarinda": the one facility of that town
            # unless the mention's own class contradicts a facility written with a specialty: "Lapas
            # Perempuan Palembang, Lapas Kelas I Palembang" names two prisons of one town
            same = [x for x in facs.values() if x.kind == fm.kind and norm_key(x.city or "") == ckey
                    and not (written.get(id(x)) and _class_clash(fm, x, entry, classes))]
            if len(same) == 1:
                f = same[0]
        if f is None and prev is not None and text[prev[0].end:fm.start].strip() == "(" and prev[1].kind == fm.kind:
            f = prev[1]  # "Lapas Kelas I Palembang (Lapas Merah Mata)": one facility, two names
        if f is None and prev is not None and prev[1].kind == fm.kind and not fm.facility_class and (
                prev[0].facility_class or prev[0].text[:1] in "LR" and " " in prev[0].text.split("(")[0].strip()
        ) and _ALIAS_GAP_RE.fullmatch(text, prev[0].end, fm.start):
            f = prev[1]  # "Lapas Kelas 2A Cirebon atau Lapas Gintung": the local name of the facility just named
        if f is None and last_by_kind.get(fm.kind) is not None and \
                _LOCAL_NAME_RE.match(text, fm.end, fm.end + 80) and \
                last_by_kind[fm.kind].mentions[-1].start >= fm.start - 300:
            f = last_by_kind[fm.kind]  # "Lapas Bentiring, begitulah masyarakat Bengkulu menyebut lapas itu"
        if f is None and not entry:
            f = _similar_existing(facs.values(), fm, written, classes)
        if (f is None and not entry and fm.title_head and last_by_kind.get(fm.kind) is not None
                and _region_holds(reg, ckey, last_by_kind[fm.kind])):
            f = last_by_kind[fm.kind]  # "Kalapas Kelas IIB Kabupaten Batanghari" after "Lapas Muara Bulian"
        if f is None:
            if entry:
                f = Facility(name=entry.name, kind=fm.kind, city=fm.city, province=entry.province,
                             facility_id=entry.facility_id, registered=True,
                             facility_class=entry.facility_class or fm.facility_class,
                             specialty=entry.specialty or fm.specialty)
            else:
                f = Facility(name=_display_name(fm.kind, fm.specialty, fm.facility_class, fm.city), kind=fm.kind,
                             city=fm.city, province=reg.province_of(fm.city),
                             facility_id=None, registered=False, facility_class=fm.facility_class,
                             specialty=fm.specialty)
            facs[key] = f
        elif not f.registered and fm.facility_class and not f.facility_class:
            f.facility_class = fm.facility_class
            f.name = _display_name(f.kind, f.specialty, f.facility_class, f.city or fm.city)
        alias_of[(fm.kind, spec or "", ckey)] = f
        if fm.alt_city:
            alias_of.setdefault((fm.kind, spec or "", norm_key(fm.alt_city)), f)
            alias_of.setdefault((fm.kind, "", norm_key(fm.alt_city)), f)
        city_keys.setdefault(id(f), set()).add(ckey)
        if spec:
            written.setdefault(id(f), set()).add(spec)
        if fm.facility_class:
            classes.setdefault(id(f), set()).add(fm.facility_class)
        surface = " ".join(fm.text.split())
        if surface not in f.aliases:
            f.aliases.append(surface)
        f.mentions.append(Mention(fm.text, fm.start, fm.end, "FACILITY", sentence_of(fm.start) if sentence_of else ""))
        last_by_kind[fm.kind] = f
        links.append((fm, f))
        prev = (fm, f)
    merged = _merge_variants(list(facs.values()), city_keys, written, reg)
    _fold_short_forms(facs, links, written, merged, text.find("\n"))
    towns = _indexes(reg)[2]
    for f in facs.values():
        k = norm_key(f.city or "")
        if not f.registered and id(f) not in merged and k in reg.province_abbrev and k not in towns and k != "jakarta":
            merged[id(f)] = None  # "lapas Jawa Barat", "Rutan DKI": the province's facilities, not one of them
    if merged:
        facs = {k: f for k, f in facs.items() if id(f) not in merged}
        links = [(fm, merged.get(id(f), f) if f is not None else None) for fm, f in links]
    links = _infer_unnamed(facs, links, written, text, reg, sentence_of)
    first_by_kind: dict[str, Facility] = {}
    for f in facs.values():
        first_by_kind.setdefault(f.kind, f)
    links = [(fm, f if f is not None else first_by_kind.get(fm.kind)) for fm, f in links]
    return list(facs.values()), links


def _fold_short_forms(facs: dict, links: list, written: dict[int, set[str]], merged: dict, head_end: int) -> None:
    """Two readings of one facility that the town key keeps apart:
    - "Lapas Tangerang" (the headline's short form, no class, no specialty) beside the one "Lapas Pemuda Kelas IIA
      Tangerang" of the text: the short form "<Kind> <Town>" of that facility, not the town's other prison (in
      the body a short form may be the town's other prison: "1. Lapas Palu ... 4. Lapas Perempuan Palu");
    - "lapas Lhoksukon" in lower case (the common noun "prison") in a story about "Rutan Lhoksukon": the
      facility of the town that the text names properly, when no "Lapas Lhoksukon" is written."""
    by_fac: dict[int, list] = {}
    for fm, f in links:
        if f is not None:
            by_fac.setdefault(id(f), []).append(fm)
    alive = [f for f in facs.values() if id(f) not in merged]
    for u in alive:
        fms = by_fac.get(id(u), [])
        if not fms or id(u) in merged or not u.city:
            continue
        ck = norm_key(u.city)
        target = None
        if fms[0].start < head_end and not written.get(id(u)) and not any(fm.facility_class or fm.specialty
                                                                             for fm in fms):
            same = [g for g in alive if g is not u and id(g) not in merged and g.kind == u.kind
                    and norm_key(g.city or "") == ck and written.get(id(g))]
            if len(same) == 1:
                target = same[0]
        if target is None and u.kind == "lapas" and all(fm.text[:1] == "l" for fm in fms):
            other = [g for g in alive if g is not u and id(g) not in merged and g.kind != u.kind
                     and norm_key(g.city or "") == ck]
            if len(other) == 1:
                target = other[0]
        if target is None:
            continue
        _absorb(target, u)
        merged[id(u)] = target


def _absorb(target: Facility, u: Facility) -> None:
    """Fold facility `u` (a variant or short form) into `target`: its aliases and mentions move over."""
    for al in u.aliases:
        if al not in target.aliases:
            target.aliases.append(al)
    target.mentions.extend(u.mentions)
    target.mentions.sort(key=lambda x: x.start)


def _infer_unnamed(facs: dict, links: list, written: dict[int, set[str]], text: str, reg: Registry,
                   sentence_of) -> list:
    """A facility written without its town ("Lembaga Pembinaan Khusus Anak (LPKA)", "Lapas Perempuan",
    "Lapas Anak") in an article whose named facilities all lie in one kota / kabupaten: the registered
    facility of that kind and specialty there, when no facility of that kind and specialty was named."""
    if not facs:
        return links
    town_region = _indexes(reg)[4]
    regions = [town_region.get(norm_key(f.city or "")) for f in facs.values()]
    region = regions[0]
    if region is None or any(r is None or (r.name, r.kind) != (region.name, region.kind) for r in regions):
        return links
    made: dict[tuple[str, str | None], Facility] = {}
    out = []
    for fm, f in links:
        spec = _distinct(fm.specialty)
        if (fm.city is not None or not (spec or fm.kind == "lpka") or fm.title_head
                or "/" in text[max(0, fm.start - 1):fm.end + 1]  # "di Lapas/LPKA/Rutan": any facility
                or _LIST_BEFORE_RE.search(text, max(0, fm.start - 20), fm.start)
                or _LIST_AFTER_RE.match(text, fm.end)):  # "di lapas, rutan, dan LPKA se-Indonesia"
            out.append((fm, f))
            continue
        key = (fm.kind, spec)
        g = made.get(key)
        if g is None and not any(x.kind == fm.kind and (spec is None and not written.get(id(x)) or
                                                        spec in written.get(id(x), ()) or spec == x.specialty)
                                 for x in facs.values()):
            entry = _lookup(reg, fm.kind, region.name, spec)
            if entry is not None and entry.specialty == spec:
                g = Facility(name=entry.name, kind=fm.kind, city=region.name, province=entry.province,
                             facility_id=entry.facility_id, registered=True, facility_class=entry.facility_class,
                             specialty=entry.specialty)
                made[key] = g
                facs[(fm.kind, entry.facility_id)] = g
        if g is None:
            out.append((fm, f))
            continue
        surface = " ".join(fm.text.split())
        if surface not in g.aliases:
            g.aliases.append(surface)
        g.mentions.append(Mention(fm.text, fm.start, fm.end, "FACILITY", sentence_of(fm.start) if sentence_of else ""))
        out.append((fm, g))
    return out


def _region_holds(reg: Registry, ckey: str, f: Facility) -> bool:
    """ "Kalapas Kabupaten Batanghari" names the region (by its own name, not a district alias such as
    "Malabero") in which facility `f` lies."""
    r = reg.region_by_key.get(ckey)
    if r is None or norm_key(r.name) != ckey:
        return False
    return f.province is None or f.province == r.province


def _distinct(spec: str | None) -> str | None:
    return spec if spec in _DISTINCT_SPECIALTIES else None


def _similar_towns(a: str, b: str) -> bool:
    return (len(a) >= 4 and b.startswith(a)) or SequenceMatcher(None, a, b).ratio() >= 0.85


def _merge_variants(facs: list[Facility], city_keys: dict[int, set[str]], written: dict[int, set[str]],
                    reg: Registry) -> dict[int, Facility | None]:
    """Fold an unregistered facility into another of the same kind (and no conflicting written specialty)
    when its town is a misspelling of a town the other was written with, even later in the text ("Lapas
    Pemuda Tengerang" ... "Lapas Pemuda Tangerang", "Lapas Muara Padang" ... "Lapas Muaro Padang"), or is
    the province of the article's one facility of that kind there ("Lapas Lampung" beside "Lapas Narkotika
    Way Hui"). Returns id(folded) -> kept facility."""
    out: dict[int, Facility | None] = {}
    for u in facs:
        if u.registered or not u.city:
            continue
        a = norm_key(u.city)
        ws = written.get(id(u), set())
        cands = [f for f in facs if f is not u and id(f) not in out and f.kind == u.kind
                 and not (ws and written.get(id(f)) and not ws & written[id(f)])]
        target = next((f for f in cands if any(_similar_towns(a, b) or _similar_towns(b, a)
                                               for b in city_keys.get(id(f), ()) if b != a)), None)
        if target is None and not ws and a in reg.province_abbrev and a not in _indexes(reg)[2]:
            inside = [f for f in cands if f.province == reg.province_abbrev[a]]
            target = inside[0] if len(inside) == 1 else None
        if target is not None:
            _absorb(target, u)
            out[id(u)] = target
    return out


def _class_clash(fm: FacilityMention, x: Facility, entry, classes: dict[int, set[str]]) -> bool:
    """The mention's written class fits none that facility `x` was written with (or, written with none, the
    class of the registered `x` when the class fits the mention's own, other registered facility)."""
    c = fm.facility_class
    if not c:
        return False
    if classes.get(id(x)):
        return c not in classes[id(x)]
    return bool(x.registered and entry is not None and entry.facility_id != x.facility_id
                and x.facility_class and x.facility_class != c and entry.facility_class == c)


def _similar_existing(facs, fm: FacilityMention, written: dict[int, set[str]],
                      classes: dict[int, set[str]]) -> Facility | None:
    """Spelling variants and truncations of a town already seen ("Taluk"/"Teluk Kuantan", "Jakart")."""
    a = norm_key(fm.city or "")
    spec = _distinct(fm.specialty)
    for f in facs:
        if f.kind != fm.kind or not f.city:
            continue
        if spec and written.get(id(f)) and spec not in written[id(f)]:
            continue  # "Lapas Perempuan Jakarta" is not the "Lapas Narkotika Jakarta" written before
        if (spec and f.specialty != spec and not written.get(id(f)) and norm_key(f.city) == a
                and classes.get(id(f)) and _class_clash(fm, f, None, classes)):
            continue  # "Rutan Perempuan Kelas IIB Medan" after "Rutan Kelas I Medan": the town's other rutan
        b = norm_key(f.city)
        if (len(a) >= 4 and b.startswith(a)) or SequenceMatcher(None, a, b).ratio() >= 0.85:
            return f
    return None
