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

from nlp.records import Facility, Mention
from nlp.registry import Registry, load_registry, norm_key

_ACR = r"(?:\s*\(\s*(?:Lapas|LP|Rutan|LPKA|Bapas|Rupbasan|Cabrutan|Lapas\s+\w+|LPP|LPN)\s*\))?"
# head alternatives -> kind (group names carry the kind)
_HEADS = [
    (r"Lembaga\s+(?:Pembinaan|Pemasyarakatan)\s+Khusus\s+Anak" + _ACR + r"|LPKA|LPK\s+Anak", "lpka", None),
    (r"Cabang\s+(?:Rumah\s+Tahanan(?:\s+Negara)?|Rutan)" + _ACR + r"|Cabrutan", "cabang_rutan", None),
    (r"Lembaga\s+Pemasyarakatan\s+Perempuan" + _ACR + r"|LPP", "lapas", "perempuan"),
    (r"Lembaga\s+Pemasyarakatan\s+Narkotika" + _ACR + r"|LPN", "lapas", "narkotika"),
    (r"Lembaga\s+Pemasyarakatan" + _ACR + r"|Lapas|LP(?=\s+[A-Z])|Kalapas|Kepala\s+LP(?=\s)", "lapas", None),
    (r"Rumah\s+Tahanan(?:\s+Negara)?" + _ACR + r"|Rutan|Karutan", "rutan", None),
    (r"Balai\s+Pemasyarakatan" + _ACR + r"|Bapas|Kabapas", "bapas", None),
    (r"Rumah\s+Penyimpanan\s+(?:Benda|Barang)\s+Sitaan\s+Negara" + _ACR + r"|Rupbasan|Karupbasan", "rupbasan", None),
]
_HEAD_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _, _) in enumerate(_HEADS)) + r")(?![\w-])",
    re.IGNORECASE,
)
_SPEC = {"narkotika": "narkotika", "narkoba": "narkotika", "perempuan": "perempuan", "wanita": "perempuan",
         "khusus": "khusus", "pemuda": "pemuda", "terbuka": "terbuka", "industri": "industri",
         "anak": "anak", "dewasa": None, "umum": None}
_CLASS_RE = re.compile(
    r"\s*(?:Kelas|Klas|Kls\.?)\s*(?P<num>III|II|I|Il|lI|ll|1|2|3)(?:\s*[- ]?\s*(?P<ab>[ABab])(?![a-z]))?(?![\w])",
    re.IGNORECASE,
)
_BARE_CLASS_RE = re.compile(r"\s+(?P<num>III|II|I)\s?(?P<ab>[AB])?(?=\s+[A-Z][a-z])")
_MOD_RE = re.compile(r"\s+(?P<w>Narkotika|Narkoba|Perempuan|Wanita|Khusus|Pemuda|Terbuka|Industri|Anak|Dewasa|Umum)"
                     r"(?![\w])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[ \t]+(?:(?:Kota|Kabupaten|Kab\.)\s+)?([A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?|[A-Z]{2,})")
_GAP_TOKEN_RE = re.compile(r"[ \t]+([A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?|[A-Z]{2,})")
# Detention units of other agencies: never UPTs
_EXCLUDE = set("""kpk polda polres polresta polrestabes polsek polri bareskrim mabes mako brimob kejaksaan
kejagung kejari kejati kejaksaan bnn bnnp militer pomdam polisi kepolisian oditurat denpom cabang
imigrasi kodim""".split())
_NOT_CITY = set("""kelas klas negara dan di se dari yang kami indonesia ri provinsi kota kabupaten baru lama
umum senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus september
oktober november desember kanwil kepala kalapas karutan tersebut itu ini setempat terbesar maximum super
high minimum medium nasional pusat wilayah petugas pejabat jajaran warga lapas rutan bapas lpka bersinar
komisi dprd dpr iia iib ii iii i ka plt wbp napi""".split())
# First words of two-word town names ("Teluk Kuantan", "Muara Sabak", "Pondok Bambu")
_TWO_WORD_PREFIX = set("""teluk muara tanjung pangkalan bandar kuala lubuk pulau gunung bukit pematang padang
sungai tebing karang labuhan rantau air tanah pasir way pondok kembang sialang merah mata kota batu
palangka pagar siak tanjung pangkal arga muaro kayu""".split())


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


def _class_str(num: str, ab: str | None) -> str:
    n = num.replace("l", "I").replace("1", "I").replace("2", "II").replace("3", "III").upper()
    return n + (ab.upper() if ab else "")


def _titlecase(tok: str) -> str:
    return tok.capitalize() if tok.isupper() and len(tok) > 3 else tok


def _take_city(text: str, pos: int, reg: Registry, after_class: bool = False) -> tuple[str | None, int, bool]:
    """Read the town after the head at `pos`: (city as written, end offset, excluded-agency flag)."""
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
    if first in _NOT_CITY or toks[0][0].lower().startswith("se-"):
        return None, pos, False
    keys = [norm_key(t[0]) for t in toks]
    for n in (3, 2, 1):  # longest known place
        if len(toks) >= n and " ".join(keys[:n]) in reg.place_keys:
            return " ".join(_titlecase(t[0]) for t in toks[:n]), toks[n - 1][2], False
    if len(toks) >= 2 and keys[0] in _TWO_WORD_PREFIX and keys[1] not in _NOT_CITY:
        return " ".join(_titlecase(t[0]) for t in toks[:2]), toks[1][2], False
    if first in _common_words():
        return None, pos, False
    glued = re.match(r"([A-Z][a-z]{3,})[A-Z][a-z]", toks[0][0])
    if glued and norm_key(glued.group(1)) in reg.place_keys:  # "PematangsiantarPertemuan": lost newline
        return glued.group(1), toks[0][1] + len(glued.group(1)), False
    return _titlecase(toks[0][0]), toks[0][2], False


def _known_town(reg: Registry, kind: str, city: str) -> bool:
    k = norm_key(city)
    return k in reg.region_by_key or (kind, k) in reg.by_kind_city or k in reg.place_keys


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
    for m in _HEAD_RE.finditer(text):
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
        for _ in range(3):
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
            if mm:
                w = mm.group("w").lower()
                spec = spec or _SPEC.get(w)
                p = mm.end()
                continue
            am = re.match(r"\s*\((?:Lapas|Rutan|LP|LPKA|Bapas)[^)]{0,20}\)", text[p:p + 40])
            if am:
                p += am.end()
                continue
            break
        # "Lapas Kelas Batu Nusakambangan": a bare "Kelas" before the town
        km = re.match(r"\s+(?:Kelas|Klas)(?=\s+[A-Z])", text[p:p + 12])
        if km and fclass is None:
            p += km.end()
        city, end, excluded = _take_city(text, p, reg, fclass is not None)
        if excluded:
            continue
        title_head = head.lower().startswith(("kalapas", "karutan", "kabapas", "karupbasan", "kepala")) or bool(
            re.search(r"(?:Kepala|Ka\.?|Plt\.?|Pj\.?)\s*$", text[max(0, m.start() - 8):m.start()]))
        if title_head and city and not _known_town(reg, kind, city) and not re.match(r"\s*,\s*[A-Z]", text[end:end + 4]):
            city = None  # "Kalapas Jamin ...", "Kepala Lapas Kusnan": a name follows the title
        # "Lapas Narkotika" in titles etc: the specialty word may have been the only thing after the head
        out.append(FacilityMention(m.start(), end if city else p, text[m.start():end if city else p], kind, spec,
                                   fclass, city, title_head))
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
    return out


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
    prev: tuple[FacilityMention, Facility] | None = None
    for fm in mentions:
        if fm.city is None:
            links.append((fm, last_by_kind.get(fm.kind)))
            continue
        ckey = norm_key(fm.city)
        spec = fm.specialty if fm.specialty in _DISTINCT_SPECIALTIES else None
        entry = reg.lookup_facility(fm.kind, fm.city, spec)
        if entry is not None and spec and entry.specialty != spec:
            entry = None  # "Lapas Perempuan Palu" is not the registered "Lapas Palu"
        key = (fm.kind, entry.facility_id if entry else f"{spec or ''}:{ckey}")
        f = facs.get(key) or alias_of.get((fm.kind, spec or "", ckey))
        if f is None and spec is None:
            # "Lapas Samarinda" after "Lapas Narkotika Samarinda": the one facility of that town
            same = [x for x in facs.values() if x.kind == fm.kind and norm_key(x.city or "") == ckey]
            if len(same) == 1:
                f = same[0]
        if f is None and prev is not None and text[prev[0].end:fm.start].strip() == "(" and prev[1].kind == fm.kind:
            f = prev[1]  # "Lapas Kelas I Palembang (Lapas Merah Mata)": one facility, two names
        if f is None and not entry:
            f = _similar_existing(facs.values(), fm)
        if (f is None and not entry and fm.title_head and ckey in reg.region_by_key
                and last_by_kind.get(fm.kind) is not None):
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
        surface = " ".join(fm.text.split())
        if surface not in f.aliases:
            f.aliases.append(surface)
        f.mentions.append(Mention(fm.text, fm.start, fm.end, "FACILITY", sentence_of(fm.start) if sentence_of else ""))
        last_by_kind[fm.kind] = f
        links.append((fm, f))
        prev = (fm, f)
    first_by_kind: dict[str, Facility] = {}
    for f in facs.values():
        first_by_kind.setdefault(f.kind, f)
    links = [(fm, f if f is not None else first_by_kind.get(fm.kind)) for fm, f in links]
    return list(facs.values()), links


def _similar_existing(facs, fm: FacilityMention) -> Facility | None:
    """Spelling variants and truncations of a town already seen ("Taluk"/"Teluk Kuantan", "Jakart")."""
    a = norm_key(fm.city or "")
    for f in facs:
        if f.kind != fm.kind or not f.city:
            continue
        b = norm_key(f.city)
        if (len(a) >= 4 and b.startswith(a)) or SequenceMatcher(None, a, b).ratio() >= 0.85:
            return f
    return None
