"""Partnerships: a corrections unit (facility or corrections office) and an outside organisation that the
article reports working together: visits, meetings, agreements, joint operations, programs, attendance.

Why sentence-level rules over the extracted entities: the press writes these interactions in a handful
of formulas ("penandatanganan MoU antara Lapas X dengan Pemkab Y", "tes urine bersama BNNK",
"kunjungan kerja Komisi III ke Rutan", "turut hadir Dandim ..."), the entities are already resolved by
the analyzer, and a rule can say which words made the pair (the evidence sentence). Measured on the dev
gold (see models/cards/partnerships.md), rules beat a trained pair classifier at this data size.

How a sentence with a trigger word becomes pairs:
- units and partners named in the sentence are paired;
- a sentence that names a partner but no unit is attached to the unit of an official it names ("ujar
  Maizar"), else to the unit mentioned most recently before it when it refers to one ("lapas",
  "pihaknya", "...,” ujarnya"; press releases move from "Kalapas X" to "Kakanwil" and back: recency
  beats "the first facility"), else to the event of the sentence before ("Dalam kunjungan tersebut");
- items of one list of agencies ("Kanwil X, TNI, Polri dan BNNP menggeledah Lapas Y") are not
  partners of each other;
- a sentence that names a unit but no partner, in a visit/meeting context ("rombongan ... menyambangi
  Kanwil"), is attached to the outside visitor introduced earlier;
- enumerations that follow an agreement sentence ("Mitra kerja ... adalah A, B, C") inherit it.
- an article about one facility: a joint team, raid, escort or inspection sentence that names no unit is
  at that facility, unless it is the police's own case elsewhere ("menggagalkan ... di sebuah rumah");
- an order ("Saya perintahkan seluruh Kalapas berkoordinasi dengan TNI") pairs the office that gives it,
  never the units it addresses; a quote closed by "katanya" belongs to the speaker introduced before;
- a partner's official ("Hadir menyaksikan, Sekda Kukar Sunggono") stands for the body beside a unit's name
  or an attendance word;
- a facility is named as the sentence writes it when the registry name differs ("Lapas Narkotika Jakarta"
  for "Lapas Narkotika Kelas IIA Cipinang"): pairs are matched by name.
- the police's case against an inmate ("... mengarah ke warga binaan di Lapas X"), an outside official speaking of
  his body's own team, readiness ("siap berkoordinasi") and cooperation "antara" two other bodies are no pairs;
- guests named after an attendance word are no hosts; an opening ("Peresmian dilakukan oleh Kakanwil bersama
  Bupati") is at the facility; the units listed as visited ("UPT yang dikunjungi meliputi ...") are each visited.
- joint work told without a classic trigger word (session 4): a list after "antara" names every side; an outside
  body speaking "di Lapas X" or at an event held there came to the unit; an event at the facility named by its kind
  ("apel di halaman Lapas") pairs the bodies taking part with the article's facility; in a one-facility article
  "koordinasi dengan TNI" / "sosialisasi bersama KPU" without a subject is the facility's; the head of a Kanwil
  listed among the guests of an event at the facility is a guest, the facility hosts.
- round 2: the ministry is no actor where it hands the act on ("Kementerian ... melalui Lapas X") or gave the order
  ("perintah dari pusat, baik Kemenkumham maupun BNN"); units named inside a quote are the matter of the speaker, whose
  office is the party ('"... Lapas X ...," kata Menteri dalam rapat bersama Komisi III'); a unit named only in an
  opening "Usai mengunjungi Lapas X," clause is the visitor's stop before, not the host of what follows.
- session 5: the units a visitor "diterima / disambut oleh" host its visit; an outside body named beside "program ini
  / kegiatan tersebut" right after the unit's event attends it; advice ("menekankan pentingnya sinergi") covers only
  the words after it; the word right before "antara" says that a list names the sides.
Pairs inside the corrections hierarchy (facility <-> Kanwil, Ditjenpas, Kemenkumham/Kemenimipas) are
never partnerships; those offices are units themselves when an outside body deals with them.
A trained pair classifier (nlp/pair_model.py) may append candidate pairs the rules left out; it runs only
when models/partnerships/pair_model.pkl.gz exists (not shipped: see models/cards/pair_model.md).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from nlp import pair_model
from nlp.lexicon import TEASER_MARKER
from nlp.records import Analysis, Partnership

KIND_ORDER = ["agreement", "joint_operation", "visit", "meeting", "program", "attendance"]

# kind -> trigger pattern. Words that also occur in everyday corrections prose without any partner
# ("bersama", "pembinaan", "pengamanan") are left out on purpose: they paired every TNI/Polri mention.
_TRIGGERS = {
    "agreement": r"\bmou\b|nota\s+kesepahaman|memorandum|perjanjian\s+kerja\s*sama|\bpks\b|penandatanganan|"
                 r"menandatangani|ditandatangani|kesepakatan\s+bersama|naskah\s+kerja\s*sama|"
                 r"jalin\s+(?:\w+\s+){0,2}kerja\s*sama|perpanjang\w*\s+(?:\w+\s+){0,2}kerja\s*sama|"
                 r"teken\s+(?:\w+\s+){0,2}kerja\s*sama|meneken|diteken|nota\s+kesepakatan|kesepahaman",
    "joint_operation": r"razia|penggeledahan|menggeledah|geledah|sidak\s+(?:gabungan|bersama)|tes\s+urine?|"
                       r"uji\s+urine?|operasi\s+(?:gabungan|bersama)|pemeriksaan\s+urine?|sampel\s+urine?|"
                       r"penyisiran|diserahkan\b[^.]{0,60}\b(?:ke|kepada)\b|serahkan\s+(?:\w+\s+){0,4}(?:ke|kepada)\b|"
                       r"patroli\s+bersama|pemusnahan|aparat\s+gabungan|tim\s+gabungan|gabungan|penyelundupan|"
                       r"menggagalkan|digagalkan|penggagalan|pengungkapan|patroli|pengejaran|memburu|diburu|"
                       r"dilaporkan\s+(?:\w+\s+){0,2}(?:ke|kepada)\b|melaporkan\s+(?:\w+\s+){0,3}(?:ke|kepada)\b|"
                       # "kasus yang melibatkan warga binaan": inmates involved in a crime, no joint work
                       r"menghubungi|melibatkan(?!\s+(?:\w+\s+)?(?:warga|napi|narapidana|tahanan|oknum|wbp|anak\s+binaan)\b)|"
                       r"penggerebekan|menggerebek|gerebek|digerebek|dikerahkan|mengerahkan|"
                       r"diback\s*up|back\s*up|dijaga\s+ketat|berjaga|penjagaan|dikawal|mengawal|pengawalan|sweeping|"
                       r"penyelidikan|menyelidiki|olah\s+tkp|disiagakan|menyiagakan|diterjunkan|menerjunkan|mengiringi|"
                       r"memusnahkan|dimusnahkan|diawasi\s+(?:\w+\s+)?oleh|"
                       # "dalam pengawasan ketat aparat keamanan, baik polisi maupun TNI", not "pengawasan Lapas" (oversight)
                       r"pengawasan\s+(?:ketat\s+)?(?:aparat|personel|pihak|anggota|dari|oleh)\b",
    "visit": r"kunjungan|kunjungi|mengunjungi|berkunjung|audiensi|silaturahmi|silaturahim|menyambangi|"
             r"ditinjau|studi\s+banding|monitoring|monev\b|"
             r"sowan|bertandang|sambangi|meninjau|tinjau\b|peninjauan(?!\s+kembali)|"
             r"\bsidak\b|inspeksi|kunker|lawatan|courtesy|\breses\b|kedatangan|datangi|pemantauan|memantau|dipantau|"
             r"melihat\s+(?:lebih\s+dekat|langsung)|cek\s+ke\b",
    "meeting": r"\brapat\b(?!\s+paripurna)|koordinasi|pertemuan|bertemu|diskusi|\bfgd\b|rakor|sinergi|"
               r"kolaborasi|dialog|konsultasi|dengar\s+pendapat|\brdp\b|komunikasi\s+dengan|"
               # "kami sudah mengajukan data ke KPU dan Dispendukcapil": the unit turns to the body
               r"mengajukan\s+(?!(?:uji|gugatan|banding|kasasi|pk|peninjauan|praperadilan)\b)(?:\w+\s+){0,3}(?:ke|kepada)\b|diajukan\s+(?:\w+\s+){0,2}(?:ke|kepada)\b|"
               r"mengirimkan?\s+(?:\w+\s+){0,3}(?:ke|kepada)\b|dikirimkan?\s+(?:\w+\s+){0,2}(?:ke|kepada)\b|berkirim\s+surat|"
               # "Di hadapan rombongan Komisi III, Kakanwil memaparkan ...", not a suspect "di hadapan penyidik"
               r"(?<!ber)hadapan\b(?!\s+(?:\w+\s+)?(?:penyidik|hakim|majelis|jaksa|polisi|aparat|sidang|pengadilan|tuhan|allah))",
    "program": r"pelatihan|penyuluhan|sosialisasi|bimbingan|pemeriksaan\s+kesehatan|vaksinasi|donor\s+darah|"
               r"bakti\s+sosial|baksos|pendampingan|edukasi|pengajian|perekaman|rehabilitasi|asesmen|"
               r"assessment|kerja\s*sama|menggandeng|digandeng|ujian|kejar\s+paket|"
               r"\bprogram\b[^.]{0,40}\b(?:dari|oleh|bersama|dengan)\b|dilaksanakan\s+oleh|diikuti|"
               r"penyerahan|diserahkan|menyerahkan(?!\s+diri)|"  # "napi yang ditangkap dan menyerahkan diri": no gift
               r"memberikan(?!\s+(?:apresiasi|penghargaan|ucapan|pujian|arahan|sambutan|keterangan|tanggapan|komentar)\b)|"
               # "penghargaan kepada mitra kerja Lapas X, di antaranya Polres Y, Kejari Z": the unit's partners named
               r"mitra\s+(?:kerja\s+)?(?:strategis\s+)?(?:lapas|rutan|lpka|bapas|rupbasan|kanwil|kantor\s+wilayah|"
               r"lembaga\s+pemasyarakatan|rumah\s+tahanan|pemasyarakatan)\b|"
               r"deradikalisasi|dibantu|membantu|dilibatkan|bantuan|hibah|mendukung|"
               r"tidak\s+(?:ter)?lepas\s+dari\s+(?:\w+\s+)?(?:peran|dukungan|bantuan|informasi|kerja\s*sama|sinergi|kolaborasi)|skrining|screening|memeriksa|"
               r"narasumber|nara\s+sumber|pemateri|penceramah|khatib|instruktur|pembicara|penyuluh\b|"
               # an outside body's event, service or gift for the unit's inmates ("mengikuti pameran yang diselenggarakan
               # oleh Dinas Koperasi", "tausiah dari Kemenag", "pengobatan gratis dari Puskesmas", "santunan dari Baznas")
               r"mengandeng|diselenggarakan\s+oleh|digelar\s+oleh|difasilitasi|memfasilitasi|didukung\s+oleh|"
               r"seminar|workshop|lokakarya|webinar|ceramah|tausiy?ah|tausyiah|pembekalan|pengobatan|"
               r"cek\s+kesehatan|imunisasi|donasi|sumbangan|menyumbang|santunan|dukungan\s+(?:\w+\s+)?dari|"
               # "Gubernur ... menggelar buka puasa bersama dengan warga binaan Lapas X": an outside body's event with inmates
               r"bersama\s+(?:dengan\s+)?(?:para\s+|ratusan\s+|puluhan\s+)?(?:warga\s+binaan|narapidana|napi|wbp|anak\s+binaan)\b",
    "attendance": r"turut\s+hadir|dihadiri|di\s+hadiri|menghadiri|tampak\s+hadir|disaksikan|menyaksikan|undangan|\bhadir\b|"
                  r"memimpin\s+(?:\w+\s+){0,2}(?:upacara|apel)|inspektur\s+upacara|pembina\s+upacara|bertindak\s+sebagai\s+"
                  r"(?:inspektur|pembina)",
    # a head of an outside body opening something ("Peresmian dilakukan oleh Kakanwil bersama Bupati Jombang"): an
    # attendance; ranked after the words of presence, which alone say who hosts (`_attendance_pos`)
    "opening": r"peresmian|meresmikan|diresmikan",
}
# trigger rank -> the kind it gives
_RANK_KIND = [*KIND_ORDER, "attendance"]


_OPENED_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:resmi\s+)?diresmikan\b", re.IGNORECASE)
_OPENED_BEFORE = re.compile(r"\b(?:meresmikan|peresmian)\s+(?:(?!oleh\b|bersama\b|dengan\b|dari\b)\w+\s+)?$",
                            re.IGNORECASE)
_OPENING = re.compile(r"peresmian|meresmikan|diresmikan", re.IGNORECASE)


def _split_alternatives(pattern: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in pattern:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [*out, cur]


def _trigger_table() -> list[tuple[int, str, re.Pattern, bool]]:
    """(kind rank, literal, pattern, needs a word start) per alternative. Why not one big regex: Python's
    re scans 80 alternatives slowly (4 ms an article); str.find on each literal, then an anchored match
    where it occurs, is ten times faster and keeps the article rate far above 100/s."""
    table = []
    for kind, pattern in _TRIGGERS.items():
        for alt in _split_alternatives(pattern):
            bounded = alt.startswith(r"\b")
            body = alt[2:] if bounded else alt
            literal = re.match(r"(?:\(\?<!\w+\))?([a-z]+)", body)  # a leading look-behind is no literal
            if literal is None:
                raise ValueError(f"trigger {alt!r} of {kind} must start with a literal word")
            table.append((_RANK_KIND.index(kind) if kind in _RANK_KIND else len(KIND_ORDER), literal.group(1),
                          re.compile(body), bounded))
    return table


_TRIGGER_TABLE = _trigger_table()
# "Deputi Bidang Koordinasi ...", "Wakil Dekan Bidang Akademik dan Kerjasama", "Kemenko": a trigger word inside a
# title or office name says nothing of an event
_IN_TITLE = re.compile(r"\b(?:bidang|deputi|direktur|direktorat|subdit|seksi|kasi|kabid|kasubsi|biro|bagian)\s+"
                       r"(?:\w+\s+(?:dan|&)\s+)?$")


# "KemenkumHAM meniadakan kunjungan di Lapas", "layanan kunjungan tatap muka": the inmates' family visits (a service
# opened or closed), not an outside body's visit
_FAMILY_VISIT_BEFORE = re.compile(r"\b(?:meniadakan|ditiadakan|peniadaan|menutup|ditutup|penutupan|membuka|dibuka|"
                                  r"pembukaan|layanan|pelayanan|membatasi|pembatasan|larangan|melarang|menghentikan|"
                                  r"penghentian|jam|jadwal|ruang)\s+(?:sementara\s+)?$")
_FAMILY_VISIT_AFTER = re.compile(r"kunjungan\s+(?:(?:bagi|untuk|dari|secara|dengan)\s+)?(?:para\s+)?"
                                 r"(?:keluarga|tatap\s+muka|online|daring|pengunjung)\b")
_VISIT_RANK = _RANK_KIND.index("visit")


def _family_visit(low: str, i: int) -> bool:
    return low.startswith("kunjungan", i) and bool(
        _FAMILY_VISIT_BEFORE.search(low, max(0, i - 30), i) or _FAMILY_VISIT_AFTER.match(low, i))


def _trigger_hits(low: str) -> list[tuple[int, int]]:
    """Sorted (position, kind rank) of every trigger in the lower-cased text."""
    hits = []
    for rank, literal, pattern, bounded in _TRIGGER_TABLE:
        i = low.find(literal)
        while i != -1:
            if (not bounded or i == 0 or not low[i - 1].isalnum()) and pattern.match(low, i) and \
                    not _IN_TITLE.search(low, max(0, i - 40), i) and not (rank == _VISIT_RANK and _family_visit(low, i)):
                hits.append((i, rank))
            i = low.find(literal, i + 1)
    hits.sort()
    return hits
# Words that stand for a corrections unit when none is named in the sentence.
_GENERIC_UNIT = re.compile(
    r"\b(?:lapas|rutan|lpka|bapas|rupbasan|kalapas|karutan|kabapas|lembaga\s+pemasyarakatan|"
    r"(?:ka)?kanwil(?!\s+(?:direktorat\s+jenderal\s+(?!pemasyarakatan)|ditjen\s+(?!pas)|dj\w*\b|bea|pajak|"
    r"bpn|atr|kementerian\s+(?!hukum|imigrasi)|kemenag|bank))|"
    r"rumah\s+tahanan|warga\s+binaan|wbp|narapidana|napi|tahanan|petugas|pemasyarakatan|"
    r"pegawai|anak\s+binaan|klien)\b",
    re.IGNORECASE,
)
# Words that stand for the outside visitor of the article ("rombongan menyambangi Kanwil").
_GENERIC_VISITOR = re.compile(r"\b(?:rombongan|tim\s+kunjungan|kunjungan\s+kerja|reses|para\s+anggota|"
                              r"(?:kegiatan|kunjungan|pertemuan)\s+(?:ini|tersebut))\b", re.IGNORECASE)
# "Adapun UPT yang dikunjungi meliputi Lapas X, LPKA Y, serta Bapas Z": the stops of the visitor's visit
_VISITED_LIST = re.compile(r"\b(?:dikunjungi|dikunjunginya|disambangi|ditinjau|didatangi)\s+(?:\w+\s+){0,3}?"
                           r"(?:meliputi|yakni|yaitu|adalah|antara\s+lain|di\s*antaranya)\b", re.IGNORECASE)
# "Kakanwil, dalam paparannya, ...", "Dalam kesempatan tersebut, Kalapas ...": a unit speaking at the visitor's event
_BEFORE_VISITOR = re.compile(r"\b(?:dalam\s+paparan\w*|memaparkan|sambutan\w*|(?:dalam|pada)\s+kesempatan\s+(?:ini|itu|tersebut))\b",
                             re.IGNORECASE)
# Lines that introduce another article: never evidence of this one.
_SKIP_SENT = re.compile(r"^\W*" + TEASER_MARKER + r"\b", re.IGNORECASE)
# Enumeration markers: a list of partners continuing the previous agreement sentence.
_ENUM = re.compile(r"\b(?:adalah|yakni|yaitu|di\s*antaranya|antara\s+lain|meliputi|melibatkan|terdiri|mitra|"
                   r"juga\s+(?:turut\s+)?(?:bekerja\s*sama|menggandeng)|serta)\b", re.IGNORECASE)
# Organisation ids / names of the corrections hierarchy: units when they deal with outsiders, never partners.
_UNIT_IDS = ("corrections_office", "ditjenpas", "kemenkumham", "kemenimipas")
_HIERARCHY = re.compile(
    r"ditjen\s*pas\b|dirjen\s*pas\b|direktorat\s+jend[e]?ral\s+per?masyarakatan|direktur\s+jend[e]?ral\s+per?masyarakatan|"
    r"(?:ditjen|dirjen)\s+per?masyarakatan|"
    r"direktorat\s+pengamanan\s+(?:dan\s+)?intelijen|dir\s*pam\s*intel|"  # a directorate of Ditjenpas
    r"kemenkumham|kementerian\s+hukum\s+dan\s+(?:ham|hak)|kemenkum\s+ham|kemenimipas|"
    r"kementerian\s+imigrasi\s+dan\s+pemasyarakatan|kanwil\s*pas|kanwil\s+(?:ditjen|kemenkumham|pemasyarakatan)|"
    r"kantor\s+wilayah\s+(?:ditjen|direktorat\s+jenderal\s+pemasyarakatan|kementerian\s+hukum\s+dan)",
    re.IGNORECASE,
)
# "Tim Satuan Operasional (Satops) Patnal" cut short by the entity stage is still that team; the ministry staff's own
# cooperative and hospital ("Koperasi Pengayoman", "RS Pengayoman") are no outside bodies either, nor the service's
# own schools and training agency (Politeknik Ilmu Pemasyarakatan, the former AKIP, BPSDM Hukum dan HAM)
_INTERNAL = re.compile(r"kepatuhan\s+internal|satops\b|satuan\s+operasional\b|"
                       r"(?:koperasi|rumah\s+sakit|rs|rsu|rsud)\s+(?:\w+\s+)?pengayoman|"
                       r"(?:politeknik|akademi)\s+ilmu\s+pemasyarakatan|poltekip\b|\bakip\b|"
                       r"bpsdm\s+(?:hukum|kumham|imipas)", re.IGNORECASE)
_HIERARCHY_AFTER = re.compile(r"^\W{0,3}(?:\(\w+\)\s*)?per?masyarakatan", re.IGNORECASE)  # "Permasyarakatan": a misspelling
# "ke Lapas", "di Rutan", "menyambangi Kanwil": the unit after these words is the host of a visit.
_VISITOR_TO = re.compile(r"\b(?:ke|di|tiba\s+di|menyambangi|mengunjungi|kunjungi|meninjau|sambangi|mendatangi|bertandang\s+ke)\s*$",
                         re.IGNORECASE)
_ABBREV = {"dr", "drs", "dra", "pol", "h", "hj", "kh", "prof", "ir", "akbp", "akp", "kompol", "kombes", "iptu",
           "ipda", "aiptu", "brigjen", "irjen", "st", "no", "kol", "letkol", "jl", "bc", "tbk", "sos", "kom",
           "pd", "ag", "kes", "ak", "mr", "dkk", "yth", "inf", "cpl", "sik", "mh", "sh", "se", "mm", "ip",
           "plt", "plh", "pj", "pjs",  # acting posts: "Plt. Kepala Dinas Kesehatan Kalsel"
           # seats and company forms: "Tim Teknis Dinas PUPR Daerah Prov. Sulut, Direktur PT. ..."
           "prov", "kab", "kec", "kel", "pt", "cv"}
_ORG_HEAD = re.compile(r"(?:dinas|badan|kantor|pemerintah|pemkab|pemkot|pemprov|polres|polda|polsek|kodim|korem|"
                       r"koramil|pengadilan|kejaksaan|kejari|kejati|bnn\w*|universitas|fakultas|bank|pt|cv|"
                       r"yayasan|rsud|rumah\s+sakit|puskesmas|sma\w*|smk\w*|smp\w*|man|lembaga|dewan|"
                       r"komisi)\b|(?-i:[A-Z]{2,}\b)", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s)|\n")


@dataclass(slots=True)
class _Party:
    name: str
    pid: str | None
    is_unit: bool
    spans: list[tuple[int, int]]
    family: str = ""
    tokens: frozenset[str] = field(default_factory=frozenset)
    official_starts: list[int] = field(default_factory=list)  # where an official of the body is named
    fkind: str = ""  # a facility's kind (lapas, rutan, lpka, ...)

    @property
    def starts(self) -> list[int]:
        return [a for a, _ in self.spans]


def _last_token(text: str, start: int, end: int) -> str:
    """The word (dots inside kept: "S.H", "Pol") that ends text[start:end] before its closing ".!?" marks; a
    backward scan: a regex anchored at the end but searched from the sentence start cost O(sentence) per period."""
    j = end
    while j > start and text[j - 1] in ".!?":
        j -= 1
    i = j
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:j].strip(".")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a period after a title or rank abbreviation ("Kombes Pol.", "S.H.", "KH.") ends
    nothing, so a partner named with its chief's rank stays in its sentence."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            token = _last_token(text, start, m.start() + 1)
            if token.lower().replace(".", "") in _ABBREV or len(token) == 1 or ("." in token and len(token) <= 6):
                continue
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


_PUNCT = re.compile(r"[^\w\s]")


def _norm_tokens(name: str) -> frozenset[str]:
    return frozenset(_PUNCT.sub(" ", name.lower()).split())


def _alias_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    spans = []
    for n in {n for n in names if n and len(n) >= 3}:
        i = text.find(n)
        while i != -1:
            j = i + len(n)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                spans.append((i, j))
            i = text.find(n, i + 1)
    return sorted(spans)


def _all_spans(text: str, mentions, names: list[str]) -> list[tuple[int, int]]:
    """The extractor's mentions plus every other place an alias is written (it keeps only some)."""
    spans = {(m.start, m.end) for m in mentions}
    taken = {a for a, _ in spans}
    for a, b in _alias_spans(text, names):
        if a not in taken:
            spans.add((a, b))
            taken.add(a)
    return sorted(spans)


def _is_unit_org(o) -> bool:
    oid = str(o.org_id or "")
    return o.kind == "corrections_office" or oid.split(":")[0] in _UNIT_IDS or bool(_HIERARCHY.search(o.name or ""))


_BODY_WORD = r"(?:Dinas|Badan|Kantor|Pemerintah|Pemkab|Pemkot|Pemprov|Polres\w*|Polda|Polsek|Kodim|Korem|Koramil|" \
    r"Kejaksaan|Kejari|Kejati|Pengadilan|BNN\w*|Universitas|Yayasan|Puskesmas|RSUD|Balai|Lembaga|Dewan|Komisi)"
_TWO_BODIES = re.compile(r"(" + _BODY_WORD + r"\s.+?)\s+(?:dan|serta)\s+(" + _BODY_WORD + r"\s.+)")


_IMMIGRATION = re.compile(r"(?:Plt\.?\s+)?(?:Direktorat\s+Jenderal|Direktur\s+Jenderal|Ditjen|Dirjen)\s+Imigrasi\b", re.IGNORECASE)
_MINISTRY_NAME = re.compile(r"(?:Kementerian|Kementrian|Kemenko|Menteri|Menko)\b")


def _split_enumeration(name: str) -> list[str]:
    """'Dinas Kominfo, Dinkes, dan Dinsos' (one entity from the extractor) -> its members; but
    'Dinas Pendidikan, Pemuda dan Olahraga' is one office (a two-part name whose tail is no org head)."""
    if _MINISTRY_NAME.match(name):
        return [name]  # "Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan"
    if "," not in name:
        pair = _TWO_BODIES.fullmatch(name)  # "Dinas Sosial serta Dinas Tenaga Kerja ...": two offices
        return [pair.group(1), pair.group(2)] if pair else [name]
    parts = [re.sub(r"^(?:dan|serta)\s+", "", p.strip(), flags=re.IGNORECASE) for p in name.split(",")]
    parts = [p for p in parts if len(p) >= 2]
    if len(parts) < 2 or not all(p[0].isupper() for p in parts):
        return [name]
    if len(parts) == 2 and not all(_ORG_HEAD.match(p) for p in parts):
        return [name]
    merged: list[str] = []
    for p in parts:  # "Dinas Tanaman Pangan, Hortikultura dan Perkebunan, BLK Kobar": two offices
        # "Dinas Pemberdayaan Perempuan, Perlindungan Anak, ...", "Dinas Perumahan, Permukiman, ...": a field of the
        # office's remit (a pe-/ke-...-an noun), not another office
        if merged and not _ORG_HEAD.match(p) and (re.search(r"\s(?:dan|&)\s", p, re.IGNORECASE) or _REMIT.match(p)):
            merged[-1] += ", " + p
        else:
            merged.append(p)
    return merged if len(merged) >= 2 else [name]


_REMIT = re.compile(r"(?!Kepolisian|Kecamatan|Kelurahan|Kementr?ian|Kedutaan|Kejaksaan|Kesatuan|Pengadilan|Perusahaan|"
                    r"Perpustakaan|Persatuan|Perhimpunan|Perkumpulan|Pemerintahan)(?:Pe|Ke)[a-z]+an\b")
_FACTION = re.compile(r"fraksi\b", re.IGNORECASE)
_GENERIC_INSTITUTION = re.compile(
    r"(?:sekolah|lembaga|balai|pusat|madrasah)(?:\s+(?:menengah|pertama|atas|dasar|kejuruan|pelatihan|kerja|"
    r"bantuan|hukum|kegiatan|belajar|masyarakat|pendidikan|latihan|swasta|negeri))+|"
    r"organisasi\s+perangkat\s+daerah|perangkat\s+daerah|instansi\s+terkait", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"\b(?:jenderal|jendral|kolonel|letnan|mayor|laksamana|marsekal|brigjen|mayjen|letjen|"
                          r"kapten|serka|sertu|praka|pratu|kopda|ajun)\s+$", re.IGNORECASE)


# Security and anti-drug agencies written bare or with a place ("Tim gabungan dari Rutan, Polres, dan Kodim",
# "dikawal personel Brimob", "dibantu Densus 88"): the press names them so in joint operations; the entity
# stage keeps only some of these mentions, so the rules look for them too (after its entities).
_BARE_AGENCY = re.compile(r"\b(?:(Polres(?:ta)?|Polsek|Polda|Kodim|Koramil|Korem|Lanal|Lanud)(?:\s+(?:[A-Z][a-z]+|\d{2,4}))"
                          r"{0,2}|"
                          r"(Brimob|Densus\s*88|BNNP|BNNK|Satpol\s*PP|Basarnas|BPBD|(?:Sub\s*)?Denpom(?:\s+[IVX]+/\d+)?))\b")
_AGENCY_FAMILY = {"pol": "police", "bri": "police", "den": "police", "kod": "military", "kor": "military",
                  "lan": "military", "bnn": "bnn", "sat": "satpol", "bas": "sar", "bpb": "bpbd"}
_PLACE_STOP = frozenset({"Dan", "Serta", "Yang", "Dengan", "Untuk", "Bersama", "Di", "Ke", "Dari", "Pada"})


def _bare_agencies(text: str, parties: list[_Party]) -> list[_Party]:
    """Mentions of `_BARE_AGENCY` outside every extracted entity, one party per name as written."""
    taken = [sp for p in parties for sp in p.spans]
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _BARE_AGENCY.finditer(text):
        a, b = m.span()
        words = m.group().split()
        while len(words) > 1 and words[-1] in _PLACE_STOP:
            words.pop()
        name = " ".join(words)
        b = a + len(name)
        if any(c <= a < d or a <= c < b for c, d in taken):
            continue
        found.setdefault(name, []).append((a, b))
    return [_Party(n, None, False, sp, "military" if "denpom" in n.lower() else _AGENCY_FAMILY.get(n[:3].lower(), "agency"),
                   _norm_tokens(n))
            for n, sp in found.items()]


# "Tim Komisi III meninjau Lapas ...": a parliamentary commission named by its number only; the entity stage keeps
# the full name ("Komisi III DPR RI") and misses these mentions
_BARE_COMMISSION = re.compile(r"\bKomisi\s+([IVX]{1,5})\b(?!\s*(?:DPR|Dewan))")


def _bare_commissions(text: str, parties: list[_Party]) -> list[_Party]:
    """Mentions of "Komisi <number>" outside every entity: spans of the article's commission of that number, else of
    its only regional parliament (DPRD), else a party of their own (named with the article's DPR when it names one)."""
    if "Komisi" not in text:
        return []
    taken = [sp for p in parties for sp in p.spans]
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _BARE_COMMISSION.finditer(text):
        a, b = m.span()
        if not any(c <= a < d or a <= c < b for c, d in taken):
            found.setdefault(m.group(1), []).append((a, b))
    out = []
    for num, spans in found.items():
        pid = "dpr:komisi:" + num.lower()
        same = next((p for p in parties if p.pid == pid), None)
        dprd = [p for p in parties if str(p.pid or "").startswith("local_government:dprd")]
        dpr = next((p for p in parties if str(p.pid or "") in ("dpr:ri", "acr:dpr")), None)
        if same is None and len(dprd) == 1 and dpr is None:
            same = dprd[0]
        if same is not None:
            same.spans = sorted(same.spans + spans)
            continue
        name = f"Komisi {num}" + (f" {dpr.name}" if dpr is not None and len(dpr.name.split()) <= 2 else "")
        out.append(_Party(name, pid, False, spans, "dpr", _norm_tokens(name)))
    return out


def _parties(text: str, analysis: Analysis) -> list[_Party]:
    parties: list[_Party] = []
    for f in analysis.facilities:
        spans = _all_spans(text, f.mentions, [f.name, *f.aliases])
        parties.append(_Party(f.name, f.facility_id, True, spans, "facility", _norm_tokens(f.name),
                              fkind=str(getattr(f, "kind", "") or "")))
    for o in analysis.organizations:
        spans = _all_spans(text, o.mentions, [o.name, *o.aliases])
        starts = [a for a, _ in spans]
        if _INTERNAL.search(o.name or ""):
            continue  # the hierarchy's own compliance team: neither a unit of its own nor a partner
        if _is_unit_org(o):
            parties.append(_Party(o.name, o.org_id, True, spans, "corrections", _norm_tokens(o.name)))
            continue
        # "Direktorat Jenderal (Dirjen) Pemasyarakatan" cut short by the extractor is still the hierarchy
        if any(_HIERARCHY_AFTER.search(text[s + len(o.name.split("(")[0]):s + len(o.name) + 30]) for s in starts
               if text.startswith(o.name, s)):
            continue
        if _FACTION.match(o.name or ""):
            continue  # "anggota DPR dari Fraksi Partai Demokrat": the member's faction; the body is the DPR
        if _GENERIC_INSTITUTION.fullmatch(re.sub(r"\s*\([^)]*\)", "", o.name).strip()):
            continue  # "Sekolah Menengah Pertama (SMP)": a kind of institution, not a named partner
        family = str(o.org_id or o.kind).split(":")[0]
        for part in _split_enumeration(o.name):
            pid = o.org_id if part == o.name else f"{o.org_id}#{part}"
            parties.append(_Party(part, pid, False, spans, family, _norm_tokens(part)))
    if any(p.is_unit for p in parties):  # no unit, no pair: the text scans for bare names are skipped
        parties.extend(_bare_agencies(text, parties))
        parties.extend(_bare_commissions(text, parties))
    # "Brigadir Jenderal TNI Frits ...", "Kolonel Inf ...": TNI/Polri as part of a rank is no mention
    for p in parties:
        if not p.is_unit:
            p.spans = [(a, b) for a, b in p.spans if not _RANK_BEFORE.search(text, max(0, a - 30), a)]
    # a span inside a longer span of another party ("BNN" inside "BNN Kota Prabumulih") is not its own mention
    every = sorted({sp for p in parties for sp in p.spans}, key=lambda x: (x[0], -x[1]))
    for p in parties:
        p.spans = [(a, b) for a, b in p.spans
                   if not any(c <= a and b <= d and (d - c) > (b - a) for c, d in every if c <= a)]
    return parties


_SHORT_BRACKET = re.compile(r"\([^)]{0,20}\)")
_LIST_GAP = re.compile(r"(?:\s|,|\bdan\b|\bserta\b)*", re.IGNORECASE)
_KANWIL_BEFORE = re.compile(r"(?:\bka)?(?:kanwil|kantor\s+wilayah)\s+$", re.IGNORECASE)
_PROVINCE_AFTER = re.compile(r"(?:\s+\((?:[^)]{1,20})\))?(?:\s+(?:[A-Z][\w-]*|DKI|NTT|NTB|DIY))+")


_LAW_ONLY = re.compile(r"kementerian\s+hukum\b(?!\s+(?:dan|&))", re.IGNORECASE)


def _kanwil_spans(text: str, units: list[_Party]) -> list[_Party]:
    """'Kanwil Ditjenpas Sumut' resolved as Ditjenpas (or 'kantor wilayah Kementerian Hukum dan HAM Gorontalo'
    as the ministry) by the entity stage is the regional office: move
    such mentions to the article's corrections office (or a new unit named as written) so the pairs
    name the office that acted, not the directorate general."""
    offices = [u for u in units if str(u.pid or "").startswith("corrections_office")]
    out = []
    for u in units:
        if not _is_national(u):
            out.append(u)
            continue
        keep = []
        for a, b in u.spans:
            pre = _KANWIL_BEFORE.search(text[max(0, a - 20):a])
            if not pre or _LAW_ONLY.match(text, a):  # "Kanwil Kementerian Hukum" (2025): not corrections
                keep.append((a, b))
                continue
            if len(offices) == 1:
                offices[0].spans.append((a, b))
                continue
            tail = _PROVINCE_AFTER.match(text, b)
            prefix = pre.group().strip()
            prefix = prefix[2:] if prefix[:2].lower() == "ka" and prefix[2:3].lower() == "k" else prefix
            name = prefix + " " + text[a:tail.end() if tail else b].strip()
            twin = next((o for o in offices if o.name == name), None)
            if twin is None:
                twin = _Party(name, "corrections_office:" + name.lower(), True, [], "corrections", _norm_tokens(name))
                offices.append(twin)
                out.append(twin)
            twin.spans.append((a, b))
        if keep:
            u.spans = keep
            out.append(u)
    for o in offices:
        o.spans.sort()
    return out


# "Kementerian Hukum dan HAM melalui Lapas Kelas IIA X", "Kemenimipas melalui Ditjenpas": the ministry acts through the
# corrections body named next
_THROUGH = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?,?\s*melalui\s+(?:direktorat|ditjen|lapas|lembaga|rutan|rumah\s+tahanan|"
                      r"lpka|bapas|kanwil|kantor\s+wilayah|upt)\b", re.IGNORECASE)


def _not_through(text: str, units: list[_Party]) -> list[_Party]:
    """The ministry's mentions that hand the act on ("Kementrian Hukum dan Ham melalui Lembaga Pemasyarakatan Kelas IIA
    ... melakukan penandatanganan") are no mentions of an actor: dropped, and a ministry left with none is no unit."""
    out = []
    for u in units:
        if _is_national(u):
            u.spans = [(a, b) for a, b in u.spans if not _THROUGH.match(text, b)]
            if not u.spans:
                continue
        out.append(u)
    return out


# "Lembaga Pemasyarakatan Kelas 1 Kanwil Kemenkumham Jawa Timur", "Lapas Kelas IIA Kanwil X": a facility named by its
# class and its regional office only
_BARE_FACILITY_BEFORE = re.compile(r"\b(?:lapas|lembaga\s+pemasyarakatan|rutan|rumah\s+tahanan(?:\s+negara)?|lpka|bapas)"
                                   r"(?:\s+(?:\([a-z]+\)\s+)?(?:kelas|klas)\s+(?:[i1-3]{1,3}\s?[ab]?))?\s*,?\s*$",
                                   re.IGNORECASE)


def _facility_of_office(text: str, units: list[_Party]) -> None:
    """A regional office's mention right after a bare facility word ("Lembaga Pemasyarakatan Kelas 1 Kanwil
    Kemenkumham Jawa Timur") names the article's one facility: the mention moves to that facility."""
    facs = [u for u in units if u.family == "facility"]
    if len(facs) != 1:
        return
    for u in units:
        if u.family != "corrections":
            continue
        keep = []
        for a, b in u.spans:
            m = _BARE_FACILITY_BEFORE.search(text, max(0, a - 45), a)
            if m is None:
                keep.append((a, b))
            else:
                facs[0].spans.append((m.start(), m.start() + len(m.group().rstrip(" ,"))))
        u.spans = keep
    facs[0].spans.sort()


# an order to the staff ("Saya perintahkan seluruh Kalapas untuk segera berkoordinasi dengan TNI") is no event
_ORDER = re.compile(r"\b(?:(?:mem)?perintahkan|(?:meng)?instruksikan|menginstruksikan|meminta\s+(?:seluruh|semua|para|"
                    r"jajaran|agar|supaya)|mengajak\s+(?:seluruh|semua|para|jajaran))\b", re.IGNORECASE)
_EXHORTATION = re.compile(r"\b(?:tingkatkan|menekankan|mengimbau|imbau|berharap|diharapkan|harus|perlu|siap|"
                          r"hendaknya|supaya)\b", re.IGNORECASE)
_FACILITY_HEAD = re.compile(r"\b(?:kepala\s+(?:lapas|rutan|lpka|bapas)|kalapas|karutan|kabapas)\b", re.IGNORECASE)
# kinds whose sentence is about the article's unit even when it names no unit ("Rencananya dihadiri
# Gubernur Kepri", "Penandatanganan PKS melibatkan Dinas ...")
_NO_NAME_NEEDED = {"attendance", "agreement"}
# generic words that stand for a facility (its staff, its inmates), not for a regional office
_FACILITY_WORD = re.compile(r"lapas|rutan|lpka|bapas|rupbasan|kalapas|karutan|kabapas|lembaga|rumah|warga|wbp|"
                            r"narapidana|napi|tahanan|petugas|anak", re.IGNORECASE)
# "Temuan tersebut dilaporkan ke Satresnarkoba", "melibatkan TNI dan BNNP": the unit of the article is the
# one that reports, hands over or involves, even when the sentence does not name it.
_HANDOVER = re.compile(r"\b(?:dilaporkan|melaporkan|diserahkan|serahkan|menyerahkan|dilimpahkan|melibatkan)\b",
                       re.IGNORECASE)
_ANTARA = re.compile(r"\bantara\b", re.IGNORECASE)
_COOPERATION = re.compile(r"kerja\s*sama|menggandeng|digandeng", re.IGNORECASE)
# "pihaknya"/"kami" said by the unit's head, or a quote closed by "ujarnya"/"katanya" in a press release
_WE = re.compile(r"\b(?:pihaknya|kami|kita)\b", re.IGNORECASE)
_SAID_NYA = re.compile(r"[\"”’],?\s*(?:ujar|kata|ungkap|jelas|tegas|tutur|imbuh|pungkas|ucap|terang|sebut|lanjut)nya\b",
                       re.IGNORECASE)


_SAID_BY = re.compile(r"[\"”’],?\s*(?:kata|ujar|ungkap|jelas|tegas|tutur|imbuh|pungkas|ucap|terang|sebut|lanjut)\s+",
                      re.IGNORECASE)


def _unit_speaks(sent: str, s: int, partners: list[_Party]) -> bool:
    """True when the sentence is the unit speaking about the partner ("pihaknya langsung menghubungi
    Satnarkoba", "... koordinasi dengan Dukcapil,” tuturnya"); "Kepala DP3AP2KB menyampaikan komitmen
    pihaknya" is the partner speaking."""
    if _SAID_NYA.search(sent):
        return True
    m = _WE.search(sent)
    if m is None:
        return False
    said = _SAID_BY.search(sent)
    if said is not None and any(0 <= a - s - said.end() <= 40 for p in partners for a in [*p.starts, *p.official_starts]):
        return False  # '"... kita anggap sistematik," kata Ketua KPK': the partner speaks
    first_partner = min((a - s for p in partners for a in p.starts if a >= s), default=10**9)
    return m.start() < first_partner


# "Usai mengunjungi Lapas X, ...", "Setelah melihat kondisi Lapas X, ...": a clause that opens the sentence on the
# visitor's stop before ("Usai penandatanganan MoU dengan Lapas X, Bupati meninjau ...": the clause is the event)
_AFTER_CLAUSE = re.compile(r"\W*(?:usai|seusai|setelah|sesudah|selepas)\s+(?:\w+\s+)?(?:mengunjungi|meninjau|melihat|"
                           r"menyambangi|mendatangi|berkunjung|bertandang|dari)\b[^,.;]{0,150},", re.IGNORECASE)


def _left_behind(text: str, s: int, e: int, units: list[_Party], partners: list[_Party]) -> bool:
    """'Usai mengunjungi Lapas Kupang, Kakanwil bertolak menuju Kantor Imigrasi': the units named only in the opening
    clause were the visitor's stop before; the bodies after it are the next stop or the visitor's own plans."""
    m = _AFTER_CLAUSE.match(text, s)
    if m is None or m.end() >= e:
        return False
    return all(a < m.end() for u in units for a in u.starts if s <= a < e) and all(
        a >= m.end() for p in partners for a in p.starts if s <= a < e)


def _quoted_units(text: str, sent: str, s: int, e: int, units: list[_Party], partners: list[_Party],
                  actors: list[tuple[int, _Party]]) -> list[_Party]:
    """'"... yang paling berat Lapas X, over populasi 845 persen," kata Yasonna dalam rapat bersama Komisi III': the
    units named inside a quote are what the speaker talks about; the speaker's office, named after the quote, meets
    the partner named after it."""
    said = _SAID_BY.search(sent)
    if not units or said is None:
        return units
    close, after = s + said.start(), s + said.end()
    speaker = [u for pos, u in actors if after <= pos <= after + 40]
    if speaker and all(a < close for u in units for a in u.starts if s <= a < e) and any(
            close < a < e for p in partners for a in p.starts):
        return speaker[:1]
    return units


# "Mereka didampingi oleh ...", "disambut oleh ...": a sentence that lists the companions or hosts of the event before
_COMPANION = re.compile(r"\b(?:didampingi|mendampingi|disambut|menyambut|beserta|bersama)\b", re.IGNORECASE)
_COMPANY_KINDS = ("visit", "meeting", "attendance")
# "Rombongan diterima langsung oleh Kalapas ...": the unit named after it hosts the visitor of the sentence before
_RECEIVED = re.compile(r"\b(?:diterima|disambut)\s+(?:dengan\s+\w+\s+)?(?:langsung\s+)?(?:oleh\s+)?", re.IGNORECASE)
# "Dalam kunjungan tersebut", "Razia ini": the sentence continues the event of the sentence before.
_EVENT_ANAPHOR = re.compile(r"\b(?:kunjungan|kegiatan|acara|peninjauan|pertemuan|rapat|razia|operasi|"
                            r"penggeledahan|tes\s+urine?|penandatanganan|kerja\s*sama)\s+(?:\w+\s+)?(?:ini|itu|tersebut)\b",
                            re.IGNORECASE)


def _attendance_pos(hits: list[tuple[int, int]], s: int, e: int) -> int:
    """Position of the first attendance word ("dihadiri", "turut hadir") in [s, e), -1 when none."""
    rank = KIND_ORDER.index("attendance")
    i = bisect.bisect_left(hits, (s, -1))
    while i < len(hits) and hits[i][0] < e:
        if hits[i][1] == rank:
            return hits[i][0]
        i += 1
    return -1


# "program ini", "kegiatan tersebut": the unit's programme or ceremony of the sentences before
_PROGRAM_ANAPHOR = re.compile(r"\b(?:kegiatan|acara|program|pelatihan|upacara)\s+(?:ini|tersebut)\b", re.IGNORECASE)
# "Kegiatan tersebut ...", "Peninjauan lahan itu ...": a sentence that opens on the event of the sentence before
_LEAD_ANAPHOR = re.compile(r"\W*(?:(?:dalam|pada|di\s+sela|usai|selama)\s+)?\w+(?:\s+\w+)?\s+(?:ini|itu|tersebut)\b",
                           re.IGNORECASE)


def _hosts(units: list[_Party], s: int, e: int, kpos: int) -> list[_Party]:
    """'Program diresmikan di Lapas Padang dan dihadiri oleh Kadiv Kanwil ... dan Kabid BNNP': a unit named
    only after the attendance word is a guest beside the partner, not its host; the unit named before
    the word hosts (all units are kept when none is named before it)."""
    before = [u for u in units if any(s <= a < kpos for a in u.starts)]
    return before or units


# the state itself ("program Pemerintah Indonesia"), never a partner
_STATE = re.compile(r"Pemerintah\s+(?:Indonesia|RI|Republik\s+Indonesia|Pusat)(?![\w])")
# "tim gabungan dari / terdiri dari / antara ...": the members of a joint team
_TEAM_BEFORE = re.compile(r"\bgabungan\s+(?:yang\s+)?(?:dari|terdiri\s+(?:dari|atas)|antara)\s+(?:pihak\s+|unsur\s+)?$",
                          re.IGNORECASE)
_AMONG_BEFORE = re.compile(r"\bantara\s+(?:pihak\s+)?$", re.IGNORECASE)
# "RDP dengan (perwakilan dari) A dan B": the list that follows is the object of the event, not a team
_OBJECT_BEFORE = re.compile(r"\b(?:dengan|bersama|kepada|oleh|antara)\b[^,.]{0,25}$", re.IGNORECASE)


def _blank(sent: str, s: int, parties: list[_Party]) -> str:
    """The sentence with the parties' mentions blanked: a generic word inside an outside body's name
    ("Petugas" in "Satuan Tugas", "Lapas" in a Polsek's "Bhabinkamtibmas Lapas") says nothing of the unit."""
    chars = list(sent)
    for p in parties:
        for a, b in p.spans:
            if s <= a < s + len(sent):
                chars[a - s:b - s] = " " * (min(b, s + len(sent)) - a)
    return "".join(chars)


# the police's own case work ("Polda menggagalkan penyelundupan ... di sebuah rumah"): not at the facility
_OWN_CASE = re.compile(r"\b(?:menggagal\w*|digagalkan|penyelundupan|pengungkapan|mengungkap\w*|menangkap|ditangkap|"
                       r"penangkapan|meringkus|diringkus|membekuk|dibekuk|pembuatan|peredaran|mengamankan|tersangka|"
                       r"pelaku|kurir|pengedar|bandar|"
                       # "Sebelum operasi tangkap tangan (OTT), KPK melakukan penyelidikan kasus suap": a case against
                       # the unit's staff, not joint work
                       r"suap|penyuapan|gratifikasi|korupsi|tangkap\s+tangan|ott)\b", re.IGNORECASE)
# "warga binaan di Lapas X", "napi Lapas X", "dikendalikan dari dalam Lapas X": the unit as the home of a suspect
_INMATE_OF = re.compile(r"\b(?:warga\s+binaan|napi|narapidana|tahanan|penghuni|wbp|dari\s+dalam|oknum\s+(?:petugas|pegawai)|"
                        r"pegawai|sipir)\s+(?:(?:yang\s+)?(?:ada\s+|berada\s+)?(?:di|dari)\s+)?$", re.IGNORECASE)
_INMATE_WORD = re.compile(r"warga\s+binaan|wbp|narapidana|napi|tahanan|anak\s+binaan|klien", re.IGNORECASE)
# the hunt for escaped inmates ("napi yang kabur masih diburu Polres X"): the forces' own work after the escape; the
# gold of most rounds gives no pair for it
_HUNT = re.compile(r"\b(?:pengejaran|mengejar|dikejar|memburu|diburu|perburuan|mencari|pencarian|menangkap|ditangkap|"
                   r"penangkapan|tertangkap)\b", re.IGNORECASE)
_JOINT_TEAM = re.compile(r"\bgabungan\b", re.IGNORECASE)
_ESCAPE = re.compile(r"\b(?:kabur|melarikan\s+diri|buron|buronan|dpo)\b", re.IGNORECASE)
_SIGNED_BY = re.compile(r"(?:penandatanganan|ditandatangani)\s+(?:\w+\s+){0,3}?(?:dilakukan\s+)?oleh\s+$|"
                        r"penandatanganan\s+(?:\w+\s+){0,3}?dilakukan\s+(?:oleh\s+)?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"\s*(?:,|\bdan\b|\bserta\b|\bbersama\b|\bdengan\b)\s*", re.IGNORECASE)


def _outsiders_sign(text: str, partners: list[_Party], s: int, kpos: int) -> bool:
    """The signatories named in a sentence that names no unit are outside bodies: 'Pemerintah Indonesia dan
    Pemerintah Inggris menandatangani ...' (a subject list before the word), 'Penandatanganan dilakukan oleh
    Menko ...' (the signer after it)."""
    spans = sorted(sp for p in partners for sp in p.spans if s <= sp[0])
    before = [sp for sp in spans if sp[0] < kpos]
    if len(before) >= 2 and before[0][0] - s <= 30 and all(
            _LIST_GLUE.fullmatch(text[a[1]:b[0]]) for a, b in zip(before, before[1:], strict=False)):
        return True
    return any(_SIGNED_BY.search(text, max(s, a - 60), a) for a, _ in spans)


_ORDERED_KINDS = ("meeting", "program", "joint_operation")


# "mendatangi rumah tersangka", "kunjungan ke kantor Bupati": a visit to a place that is no facility
_ELSEWHERE = re.compile(r"\w+\s+(?:\w+\s+)?(?:ke\s+)?(?:rumah|kediaman|kantor|gedung|markas|mako|desa|kampung|"
                        r"sekolah|pondok|kampus|pabrik)\b", re.IGNORECASE)


# "kunjungan kerja ke Provinsi Bali", "sidak di Polda": a visit whose place is named and is no facility
_TO_PLACE = re.compile(r"\b(?:ke|di)\s+(?!(?:lapas|rutan|lpka|bapas|rupbasan|lembaga|rumah\s+tahanan|sana|sini|dalam|"
                       r"lokasi|tempat|blok|kamar|ruang|area|lingkungan)\b)[A-Za-z]", re.IGNORECASE)


# "Kabid Humas Polda X, Kombes Y mengatakan tim saber pungli yang melibatkan lintas instansi ...": the outside body
# speaks of its own work
_SPEECH_AFTER = re.compile(r"[^.;\"“”]{0,60}?\b(?:mengatakan|menyebut(?:kan)?|menjelaskan|menuturkan|mengungkapkan|"
                           r"menerangkan|menyampaikan|menegaskan)\b", re.IGNORECASE)


_VENUE = r"aula|halaman|lapangan|masjid|gedung|lingkungan|area|kompleks"  # a place inside a unit
_AT_UNIT = re.compile(r"\bdi\s+(?:(?:" + _VENUE + r")\s+)?$", re.IGNORECASE)
_SAID_AT = re.compile(r"\b(?:kata|ujar|ucap|ungkap|tutur|mengatakan|menyampaikan|menjelaskan|menegaskan|mengungkapkan|"
                      r"menuturkan|disampaikan|dikatakan|diungkapkan)\b", re.IGNORECASE)
_EVENT_AT = re.compile(r"\b(?:kegiatan|acara|upacara|apel|peringatan|perayaan|pemberian\s+remisi|penyerahan\s+remisi|"
                       r"buka\s+puasa|halal\s*bihalal|pembukaan|penutupan|wisuda|pentas|lomba)\b", re.IGNORECASE)


_LISTED_HEAD = re.compile(r"(?:,|\bdan|\bserta)\s+(?:kepala|ka)\s+$", re.IGNORECASE)
_FACILITY_PLACE = re.compile(r"\b(?:di|ke)\s+(?:(?:" + _VENUE + r"|dalam)\s+)?"
                             r"(?:lapas|rutan|lpka|bapas|lembaga\s+pemasyarakatan|rumah\s+tahanan)\b", re.IGNORECASE)


def _partner_says(text: str, partners: list[_Party], s: int) -> bool:
    """True when the sentence opens with an outside body's official who speaks (no unit named)."""
    first = min(((a, b) for p in partners for a, b in p.spans if a >= s), default=None)
    return first is not None and first[0] - s <= 60 and bool(_SPEECH_AFTER.match(text, first[1]))


# "Langkah cepat ditempuh melalui koordinasi dengan TNI dan Polres X", "sosialisasi surat suara bersama KPU": the
# partner is the other side of an action whose subject, left unsaid, is the article's unit
_WITH_PARTNER = re.compile(r"\b(?:bersama|dengan|dari|oleh)\s+(?:(?:pihak|petugas|jajaran|personel|anggota|tim|wakil|"
                           r"kepala|ketua|perwakilan(?:\s+dari)?|pj\.?|plt\.?)\s+)?$",
                           re.IGNORECASE)


def _co_actor(text: str, partners: list[_Party], s: int, e: int) -> bool:
    first = min((a for p in partners for a in p.starts if s <= a < e), default=None)
    return first is not None and bool(_WITH_PARTNER.search(text, max(s, first - 30), first))


def _partner_hosts(text: str, partners: list[_Party], s: int, e: int) -> bool:
    """'Komisi III berkunjung ke Polda Kalteng': the outside body is the host of the visit."""
    return any(s <= a < e and _VISITOR_TO.search(text[max(s, a - 25):a]) for p in partners for a in p.starts)


# "diawasi oleh petugas lapas" in a story about a Lapas and an LPKA of one town: the word names the facility's kind
# ("inspeksi dilakukan Kanwil dengan melibatkan kepolisian" after the Lapas was named: the regional office acts)
_KIND_WORDS = {"lapas": "lapas", "kalapas": "lapas", "rutan": "rutan", "karutan": "rutan", "lpka": "lpka",
               "bapas": "bapas", "kabapas": "bapas", "kanwil": "kanwil", "kakanwil": "kanwil"}
_KANWIL_NAME = re.compile(r"\bkanwil|kantor\s+wilayah", re.IGNORECASE)


def _unit_kind(u: _Party) -> str:
    if u.family == "facility":
        return u.fkind
    return "kanwil" if u.family == "corrections" and _KANWIL_NAME.search(u.name) and not _is_national(u) else ""


def _of_kind_named(text: str, sent: str, s: int, partners: list[_Party], units: list[_Party], fallback: _Party) -> _Party:
    """The unit a generic word stands for: the last one named of the kind the word says ('petugas lapas' -> the
    Lapas, not the LPKA named last; 'dilakukan Kanwil' -> the regional office), else `fallback`."""
    kinds = {_KIND_WORDS.get(m.group().lower(), "") for m in _GENERIC_UNIT.finditer(_blank(sent, s, partners))} - {""}
    if len(kinds) != 1 or _unit_kind(fallback) in kinds:
        return fallback
    kind = kinds.pop()
    named = [(max(a for a in u.starts if a < s), i) for i, u in enumerate(units)
             if _unit_kind(u) == kind and any(a < s for a in u.starts)]
    return units[max(named)[1]] if named else fallback


_PARTNERS_OF = re.compile(r"\bmitra(?:\s+kerja)?(?:\s+strategis)?\s+(?:dari\s+)?$", re.IGNORECASE)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """`pos` lies strictly inside one of the sorted spans (not at its start)."""
    i = bisect.bisect_left(spans, (pos, pos))
    return any(a < pos < b for a, b in spans[max(0, i - 8):i])


def _hits_in(hits: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """The (position, rank) trigger hits inside [s, e): `hits` is sorted by position."""
    return hits[bisect.bisect_left(hits, (s, -1)):bisect.bisect_left(hits, (e, -1))]


def _first_hit(hits: list[tuple[int, int]], s: int, e: int) -> int:
    i = bisect.bisect_left(hits, (s, -1))
    return hits[i][0] if i < len(hits) and hits[i][0] < e else e


# "Koordinasikan dengan KPU ...": an order in the imperative; "mendorong seluruh Kalapas agar menjalin sinergi dengan
# BPJS": urging others to cooperate, not a reported event
_IMPERATIVE = re.compile(r"(?:koordinasi|sinergi|kolaborasi)kan\b", re.IGNORECASE)
_URGED = re.compile(r"\b(?:mendorong|meminta|mengajak|menginstruksikan|menugaskan)\s+(?:\S+\s+){1,8}?agar\s+(?:\w+\s+){0,3}$",
                    re.IGNORECASE)


def _exhorted(text: str, pos: int) -> bool:
    """'tingkatkan koordinasi dengan TNI', 'menekankan sinergi dengan Polri': the trigger is advice."""
    return bool(_EXHORTATION.search(text[max(0, pos - 40):pos])) or (
        (pos == 0 or not text[pos - 1].isalpha()) and bool(_IMPERATIVE.match(text, pos))) or bool(
        _URGED.search(text, max(0, pos - 120), pos))


# "instansi vertikal di bawah Kementerian Hukum dan HAM", "sesuai Keputusan Menteri Hukum dan HAM": the
# ministry is named as a parent, a legal basis or the giver of an award ("penghargaan dari Kementerian Hukum dan
# HAM"), not as a party that acts.
_UNDER = re.compile(r"\b(?:di\s+bawah|naungan|jajaran|keputusan|peraturan|surat\s+edaran|instruksi|mitra(?:\s+kerja)?|"
                    r"penghargaan|piagam|anugerah|"
                    # "razia ini perintah dari pusat, baik Kemenkumham maupun BNN": the ministry ordered, the unit acted
                    r"perintah\s+(?:atasan\s+)?(?:dari\s+)?(?:pusat\W+(?:baik|yakni|yaitu)?)?)\s+"
                    r"(?:\w+\s+){0,1}$", re.IGNORECASE)


_SOURCE_OF = re.compile(r"\b(?:surat|nota\s+dinas|arahan|instruksi|petunjuk|disposisi)\s+(?:\w+\s+){0,2}dari\s+$",
                        re.IGNORECASE)


def _drop_qualifiers(text: str, here: list[_Party], s: int, e: int, spans) -> list[_Party]:
    """'Lapas Jember, Kanwil Kemenkumham Jawa Timur': the office after a facility qualifies it; so does
    the ministry written right after another body ('Kanwil Ditjen Imigrasi Kementerian Hukum dan HAM')."""
    here = [u for u in here if not (_is_national(u) and all(
        any(0 <= a - d <= 1 for _, d in spans) or _UNDER.search(text, max(0, a - 40), a)
        for a, _ in u.spans if s <= a < e))]
    if len(here) > 1:  # "menyerahkan surat resmi dari Kanwil X kepada Bupati": the office wrote the letter
        here = [u for u in here if not all(_SOURCE_OF.search(text, max(0, a - 40), a) for a in u.starts if s <= a < e)] \
            or here
    facs = [u for u in here if u.family == "facility"]
    if not facs or len(here) == len(facs):
        return here
    keep = []
    for u in here:
        if u.family != "facility" and any(
                _co_listed(text, a, b, spans) and b[0] > a[0]
                for f in facs for a in f.spans if s <= a[0] < e for b in u.spans if s <= b[0] < e):
            continue
        keep.append(u)
    return keep


def _between_parties(sent: str, s: int, here: list[_Party]) -> list[_Party]:
    """'Kakanwil mengapresiasi sinergi antara Lapas Wonreli dan Polsek Kisar': the pair is the one after
    'antara'; the office that comments is no party."""
    m = _ANTARA.search(sent)
    if m is None or len(here) < 2:
        return here
    after = [u for u in here if any(a >= s + m.end() for a in u.starts)]
    return after or here


_BETWEEN_TWO = re.compile(r"\bantara\s+([^,.]{2,60}?)\s+(?:dan|dengan)\s+$", re.IGNORECASE)


def _not_between_others(text: str, s: int, e: int, partners: list[_Party], units: list[_Party]) -> list[_Party]:
    """'Program ini kerja sama antara Kemenkum-Ham dan Kementerian PUPR': the partner after 'antara' is paired with
    a body the sentence names before it, not with the unit; such partners are dropped (none when a unit, or a word
    for one, stands between them; the ministry there is a peer in government, not the unit)."""
    out = []
    for p in partners:
        # a partner may be in the sentence only through its official ("disaksikan Budi Santoso"): the first of either
        a = min((x for x in (*p.starts, *p.official_starts) if s <= x < e), default=None)
        if a is None:
            out.append(p)
            continue
        m = _BETWEEN_TWO.search(text, max(s, a - 80), a)
        if m is None or _GENERIC_UNIT.search(m.group(1)) or any(
                m.start() <= x < a for u in units if not _is_national(u) for x in u.starts) or any(
                m.start(1) <= x < a for q in partners for x in q.starts):
            out.append(p)
    return out


def _is_national(u: _Party) -> bool:
    return str(u.pid or "").split(":")[0] in ("ditjenpas", "kemenkumham", "kemenimipas")


def _kind_in(sentence: str) -> str | None:
    """The most specific partnership kind whose trigger occurs in one sentence (None: no trigger)."""
    hits = _trigger_hits(sentence.lower())
    return _RANK_KIND[min(r for _, r in hits)] if hits else None


def _sentence_kind(hits: list[tuple[int, int]], s: int, e: int) -> tuple[str | None, int]:
    """(kind, position of its first trigger) among the article's trigger hits inside [s, e)."""
    i = bisect.bisect_left(hits, (s, -1))
    best, pos = None, -1
    while i < len(hits) and hits[i][0] < e:
        if best is None or hits[i][1] < best:
            best, pos = hits[i][1], hits[i][0]
        i += 1
    return (_RANK_KIND[best], pos) if best is not None else (None, -1)


def _direction(text: str, kind: str, unit: _Party, partner: _Party, s: int, e: int) -> str | None:
    if kind not in ("visit", "meeting"):
        return None
    for us in unit.starts:
        if s <= us < e and _VISITOR_TO.search(text[max(s, us - 25):us]):
            return "partner->unit"
    for ps in partner.starts:
        if s <= ps < e and _VISITOR_TO.search(text[max(s, ps - 25):ps]):
            return "unit->partner"
    return None


_PARENT_FAMILIES = {"police", "military", "bnn"}


_CORPS = {"tni", "polri"}
_CORPS_WORDS = frozenset({"tni", "polri", "kepolisian", "negara", "republik", "indonesia", "ri", "tentara", "nasional",
                          "pihak", "personel", "anggota", "aparat", "jajaran"})


def _region(p: _Party) -> str:
    return str(p.pid or "").split("#")[0].split(":")[-1] if ":" in str(p.pid or "") else ""


def _tier(p: _Party) -> str:
    """The kind of body inside a family's id ("local_government:dprd:muaro jambi" -> "dprd"): a DPRD and
    the regency of one place are two bodies; "" when the id has no such part."""
    parts = str(p.pid or "").split("#")[0].split(":")
    return parts[1] if len(parts) >= 3 else ""


def _place(p: _Party) -> str:
    """The seat of a regional body's id ("dinas:pendidikan@palembang" -> "palembang"); "" when none."""
    pid = str(p.pid or "").split("#")[0]
    return pid.rsplit("@", 1)[1] if "@" in pid else ""


_BRACKET_GAP = re.compile(r"[^().,;]{0,20}\(\s*")


def _canonical(text: str, partners: list[_Party]) -> dict[int, _Party]:
    """Partner -> the entity it stands for, so that one real organisation gives one pair: 'DPR' in an
    article about 'Komisi III DPR RI' is that commission; 'BNNK Prabumulih' and 'BNN Kota Prabumulih' are
    one office; 'Satresnarkoba' written right before 'Polres Tarakan' is the unit of that Polres."""
    canon: dict[int, _Party] = {}
    for p in partners:
        best = p
        for q in partners:
            if q is p or q.family != p.family:
                continue
            if _place(p) and _place(q) and _place(p) != _place(q):
                continue  # "Dinas Pendidikan Provinsi Sumsel" and "Dinas Pendidikan Kota Palembang": two offices
            same_region = bool(_region(p)) and _region(p) == _region(q) and p.pid != q.pid and \
                not (_tier(p) and _tier(q) and _tier(p) != _tier(q))
            # "Bawaslu RI" / "Bawaslu Jawa Timur", "SMAN 3 Kotabumi" / "SMAN 4 Kotabumi": names alike, seats (or
            # numbers) differ in the ids: two bodies
            same_region = same_region or (_same_name(p.name, q.name) and not _other_seat(p, q))
            if (p.tokens and p.tokens < q.tokens and len(q.tokens) > len(best.tokens)) or (
                    same_region and best is p and q.spans and p.spans and q.spans[0] < p.spans[0]):
                best = q
        canon[id(p)] = best
    for p in partners:
        seen = {id(p)}
        while id(canon[id(p)]) not in seen and canon[id(p)] is not p:
            seen.add(id(canon[id(p)]))
            canon[id(p)] = canon.get(id(canon[id(p)]), canon[id(p)])
        if _place(p) and _place(canon[id(p)]) and _place(p) != _place(canon[id(p)]):
            canon[id(p)] = p  # a chain through a body without a seat ("Dinas Pendidikkan") joins no two seats
    # "TNI" / "Polri" in an article whose only named military / police body is "Kodim 1306" / "Polresta
    # Palu": the press names the local body by its corps; one organisation, one pair
    for p in partners:
        if _region(p) not in _CORPS or not p.tokens <= _CORPS_WORDS:
            continue  # "Bareskrim Mabes Polri" is a national body of its own, not the corps of a local one
        local = {id(canon[id(q)]): canon[id(q)] for q in partners
                 if q.family == p.family and _region(q) not in _CORPS and canon[id(q)] is not p}
        if len(local) == 1:
            canon[id(p)] = next(iter(local.values()))
    # "Badan Narkotika Provinsi (BNNP) Lampung" cut into two entities: the acronym in brackets is the body before
    for p in partners:
        for q in partners:
            if q is p or canon[id(q)] is not q:
                continue
            if any(0 <= c - b <= 25 and _BRACKET_GAP.fullmatch(text, b, c) and text[d:d + 1] == ")"
                   for a, b in p.spans for c, d in q.spans):
                canon[id(q)] = canon[id(p)]
    # a bare "Polres" / "Kodim" in an article that names the body in full ("Polresta Pulau Ambon"): that body
    for p in partners:
        if p.pid is not None or len(p.tokens) != 1:
            continue
        word = next(iter(p.tokens))
        named = {id(canon[id(q)]): canon[id(q)] for q in partners if q.pid is not None and q.family == p.family
                 and q.spans and (any(t.startswith(word) for t in q.tokens) or word in str(q.pid).split(":"))}
        if named:
            canon[id(p)] = min(named.values(), key=lambda q: q.spans[0])
    # a sub-unit followed by its parent: "Satuan Reserse Narkoba (Satresnarkoba) Polres Tarakan"
    for p in partners:
        for q in partners:
            if q is p or q.family not in _PARENT_FAMILIES:
                continue
            if p.family in _PARENT_FAMILIES and p.family != q.family:
                continue  # "TNI Polri", "diikuti dari TNI Polri dan BNNK": two forces side by side, no sub-unit
            for a, b in p.spans:
                for c, d in q.spans:
                    if 0 <= c - b <= 1 and not text[b:c].strip():
                        merged = _Party(text[a:d], p.pid, False, p.spans, p.family, _norm_tokens(text[a:d]))
                        canon[id(p)] = merged
                        if canon.get(id(q)) is q or canon.get(id(q)) is None:
                            canon[id(q)] = merged
    return canon


_NUMBER_TOKEN = re.compile(r"^(?:\d+[a-z]?|[ivx]+)$")


def _other_seat(p: _Party, q: _Party) -> bool:
    """Two bodies of one kind whose names look alike: "Bawaslu RI" / "Bawaslu Jawa Timur" (ids of one tier,
    seats differ), "SMAN 3 Kotabumi" / "SMAN 4 Kotabumi", "Komisi III" / "Komisi I" (numbers differ)."""
    if _tier(p) and _tier(p) == _tier(q) and _region(p) != _region(q):
        return True
    np_ = {t for t in p.tokens if _NUMBER_TOKEN.match(t)}
    nq = {t for t in q.tokens if _NUMBER_TOKEN.match(t)}
    return bool(np_) and bool(nq) and np_ != nq


def _unit_canonical(units: list[_Party]) -> dict[int, _Party]:
    """'LPKA Lampung' and 'LPKA Bandar Lampung' as two facilities of one article: one unit, one pair. A
    facility whose distinctive words are a subset of another's with the same head word is that one."""
    out: dict[int, _Party] = {}
    facs = [u for u in units if u.family == "facility"]
    for u in facs:
        core = u.tokens - _GENERIC_TOKENS
        head = u.name.split()[0].lower() if u.name else ""
        for v in facs:
            if v is u or not v.name or v.name.split()[0].lower() != head:
                continue
            vcore = v.tokens - _GENERIC_TOKENS
            if len(core) >= 2 and core < vcore:
                out[id(u)] = v
                break
    return out


def _compact(name: str) -> str:
    return re.sub(r"\([^)]*\)|[^a-z]", "", name.lower())


def _same_name(a: str, b: str) -> bool:
    """'Dinas Tenaga Kerja' / 'Dinas Ketenagakerjaan Jember': one office spelled two ways; bodies of one place
    with different heads ('DPRD Muaro Jambi' / 'Bupati Muaro Jambi') are not."""
    if a.split()[:1] != b.split()[:1]:
        return False
    ca, cb = _compact(a), _compact(b)
    if min(len(ca), len(cb)) < 8 or ca == cb:
        return ca == cb and bool(ca)
    if a.split()[0].lower() == "dinas":
        # the words the two names do not share decide: "Dinas Pertanian (Kabupaten X)" / "Dinas Perikanan
        # (Kabupaten X)" share 86 % of their letters, "Dinas" and the seat counted: two offices; a typo
        # ("Pendidikkan"), a longer form ("Ketenagakerjaan") or a name with its seat added stays one office
        wa, wb = a.lower().split(), b.lower().split()
        ra, rb = _compact(" ".join(w for w in wa if w not in wb)), _compact(" ".join(w for w in wb if w not in wa))
        return not ra or not rb or fuzz.partial_ratio(ra, rb) >= 88
    return fuzz.partial_ratio(ca, cb) >= 85


_CORRECTIONS_ORG = re.compile(r"lapas|rutan|lpka|bapas|rupbasan|pemasyarakatan|rumah\s+tahanan|kanwil|"
                              r"kantor\s+wilayah|kemenkumham|hukum\s+dan\s+(?:ham|hak)|imipas", re.IGNORECASE)
_GENERIC_TOKENS = frozenset({"republik", "indonesia", "ri", "kantor", "wilayah", "kementerian", "dan", "kelas",
                             "klas", "negara", "provinsi", "kabupaten", "kota", "i", "ii", "iia", "iib", "iii"})


def _official_units(text: str, analysis: Analysis, units: list[_Party]) -> list[tuple[int, _Party]]:
    """(position, unit) for every mention of an official of a corrections unit: "ujar Maizar" in a
    sentence without a unit name means Maizar's office is the actor."""
    out = []
    for off in analysis.officials:
        unit = None
        oid = getattr(off, "organization_id", None)
        if not _CORRECTIONS_ORG.search(off.organization or "") and str(oid or "").split(":")[0] not in _UNIT_IDS:
            continue  # an official of an outside body (a DPR member, a Kapolres)
        otoks = _norm_tokens(off.organization or "") - _GENERIC_TOKENS
        best = 1
        for u in units:
            if oid and u.pid == oid:
                unit = u
                break
            overlap = len((u.tokens - _GENERIC_TOKENS) & otoks)
            if overlap > best:
                best, unit = overlap, u
        if unit is None and not str(oid or "").startswith("ditjenpas"):
            continue
        if str(oid or unit.pid or "").startswith("ditjenpas") and off.mentions:
            # "Kepala Kanwil Ditjenpas Riau, Maizar": the official heads the regional office
            m0 = off.mentions[0].start
            if re.search(r"kanwil|kantor\s+wilayah", text[max(0, m0 - 60):m0], re.IGNORECASE):
                office = next((u for u in units if str(u.pid or "").startswith("corrections_office")), None)
                unit = office or unit
        if unit is None:
            continue
        names = {n for n in [off.name, *off.aliases] if n and len(n) >= 4}
        for n in names:  # str.find, not a regex compiled per name (the stage's main cost on long articles)
            i = text.find(n)
            while i != -1:
                j = i + len(n)
                if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
                    out.append((i, unit))
                i = text.find(n, i + 1)
    return sorted(out, key=lambda x: x[0])


# "DPR Provinsi Papua Tengah", "KPU Kota Serang": the seat written after a one-word name the entity stage kept short
_SEAT_AFTER = re.compile(r"\s+(?:Provinsi|Kabupaten|Kab\.|Kota)\s+[A-Z][\w-]+(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah|Raya|Daya))?")


def _partner_name(text: str, p: _Party) -> str:
    """The partner's name; a one-word name ("DPR") written with a seat after it gets the seat: the pair is
    matched by name, and "DPR" names another body than "DPR Provinsi Papua Tengah"."""
    if len(p.name.split()) != 1:
        return p.name
    for a, b in p.spans:
        if text[a:b] == p.name:
            m = _SEAT_AFTER.match(text, b)
            if m is not None:
                return text[a:m.end()]
    return p.name


def _has_start(starts: list[int], s: int, e: int) -> bool:
    """Some position of the sorted `starts` lies in [s, e)."""
    i = bisect.bisect_left(starts, s)
    return i < len(starts) and starts[i] < e


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _list_head(text: str, pos: int, spans: list[tuple[int, int]], s: int) -> int:
    """Start of the list whose item starts at `pos`: earlier spans of the sentence are taken while each is
    co-listed with the next."""
    head = next(((a, b) for a, b in spans if a == pos), None)
    if head is None:
        return pos
    for sp in sorted({sp for sp in spans if s <= sp[0] < pos}, reverse=True):
        if sp[1] <= head[0] and _co_listed(text, sp, head, []):
            head = sp
        elif sp[1] <= head[0]:
            break
    return head[0]


def _co_listed(text: str, a: tuple[int, int], b: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    """Number of items of the list that holds both parties ("Kanwil X, TNI, Polri dan BNNP melakukan
    ...": 4), 0 when they are not items of one list."""
    (s1, e1), (s2, e2) = sorted([a, b])
    if s2 < e1:
        return 2
    between = text[e1:s2]
    if len(between) > 150:
        return 0
    items = 2
    for c, d in sorted(set(spans), reverse=True):
        if e1 <= c and d <= s2:
            between = between[:c - e1] + " " + between[d - e1:]
            items += 1
    between = _SHORT_BRACKET.sub(" ", between)
    return items if _LIST_GAP.fullmatch(between) else 0


def _add_official_mentions(text: str, analysis: Analysis, partners: list[_Party], parties: list[_Party]) -> None:
    """'Hadir menyaksikan penandatanganan itu, Sekda Kukar Sunggono': a partner's official named without the
    body's name stands for it where the sentence names a unit; their positions go to `official_starts`."""
    taken = [sp for p in parties for sp in p.spans]
    for off in analysis.officials:
        if not off.organization:
            continue
        target = next((p for p in partners if off.organization_id and p.pid == off.organization_id), None) or \
            next((p for p in partners if p.name == off.organization), None)
        if target is None:
            continue
        names = [n for n in [off.name, *off.aliases] if n and len(n) >= 4 and n[0].isupper()]
        for a, b in _alias_spans(text, names):
            if not any(c < b and a < d for c, d in taken):
                target.official_starts.append(a)
                taken.append((a, b))


_FACILITY_NAME = re.compile(r"(?:lapas|rutan|lpka|bapas|rupbasan|lembaga|rumah|balai|cabang)\b", re.IGNORECASE)


_FACILITY_WORDS = frozenset({"lapas", "rutan", "lpka", "bapas", "rupbasan", "lembaga", "pemasyarakatan", "rumah",
                             "tahanan", "negara", "balai", "cabang", "kelas", "klas", "i", "ii", "iii", "iia", "iib",
                             "1", "2", "3", "2a", "2b", "a", "b"})


def _written_name(text: str, spans: list[tuple[int, int]]) -> str:
    """The longest full name of a facility as the sentence writes it ("Lapas Narkotika Jakarta"): the registry
    name ("Lapas Narkotika Kelas IIA Cipinang") may be one the article never uses, and the pair is matched by
    name; used where it says more than the registry name ("Lapas Banyuwangi" does not); "" when none."""
    names = [text[a:b] for a, b in spans if _FACILITY_NAME.match(text, a)]
    return max(names, key=len) if names else ""


_WITH_BEFORE = re.compile(r"\b(?:bersama|dengan)\s+(?:(?:ka|kepala|pihak|petugas|jajaran)\s+)?$", re.IGNORECASE)
_WITH_GENERIC = re.compile(r"\b(?:bersama|dengan)\s+(?:pihak|petugas|jajaran)\s+(?:lapas|rutan|lpka|bapas)\b",
                           re.IGNORECASE)


def _host_of_guests(pairs: list[Partnership], analysis: Analysis) -> list[Partnership]:
    """"Hadir pula Kakanwil X, Kalapas Y, Ketua DPRD Z, hingga perwakilan BRI": when a guest list names corrections
    units beside the outside guests, the guests attend the event of its host, the article's main facility (the one
    named most), not of each unit sitting with them. Pairs of a unit with a guest found in another sentence stay."""
    if not analysis.facilities:
        return pairs
    main = max(analysis.facilities, key=lambda f: len(f.mentions))
    if sum(len(f.mentions) == len(main.mentions) for f in analysis.facilities) > 1:
        return pairs  # no single main facility
    by_sentence: dict[str, set] = {}
    for p in pairs:
        if p.kind == "attendance":
            by_sentence.setdefault(p.evidence, set()).add(p.party_ids[0])
    mixed = {ev for ev, units in by_sentence.items() if len(units) >= 2 and main.facility_id in units}
    return [p for p in pairs if not (p.kind == "attendance" and p.evidence in mixed
                                     and p.party_ids[0] != main.facility_id)]


def extract_partnerships(doc, analysis: Analysis) -> list[Partnership]:
    """Pairs (unit, partner) for one analysed article. `doc` is the spaCy Doc or the analysed text.
    The rules' pairs, then those the trained pair model (nlp/pair_model.py) adds among the candidate pairs
    the rules left out; without a model file only the rules run."""
    model = pair_model.load_model()
    rules, ctx, cands = partnership_candidates(doc, analysis, model is not None)
    if model is None or not cands:
        return rules
    text = doc if isinstance(doc, str) else doc.text
    added = []
    for i, _prob, kind, k in pair_model.predict(model, ctx, [(u, p) for u, p, _ in cands]):
        u, p, display = cands[i]
        s, e = ctx.sentences[k]
        added.append(Partnership(parties=(u.name, display), kind=kind, date=analysis.event_date,
                                 evidence=" ".join(text[s:e].split())[:500], direction=None,
                                 party_ids=(u.pid, p.pid)))
    return rules + added


# the pair model's cheap stand-in for _GENERIC_UNIT: a sentence that speaks of a unit, its staff or inmates
_UNIT_WORD = re.compile(r"lapas|rutan|lpka|bapas|binaan|wbp|napi|narapidana|tahanan|petugas|pegawai|pemasyarakatan")


def _pair_context(text: str, sents: list[tuple[int, int]], units: list[_Party], partners: list[_Party], canon: dict,
                  ucanon: dict, hits: list[tuple[int, int]], best: dict) -> tuple[pair_model.Context, list]:
    """The pair model's view of the article: its sentences with their trigger kinds, and every (unit, partner)
    pair (after the rules' merging of names) that the rules did not output, as (Side, Side, partner name)."""
    starts = [s for s, _ in sents]
    unit_word = [False] * len(sents)
    for m in _UNIT_WORD.finditer(text.lower()):  # one pass: _GENERIC_UNIT per sentence cost 0.1 ms an article
        unit_word[max(0, bisect.bisect_right(starts, m.start()) - 1)] = True
    kinds: list[frozenset[str]] = []
    teaser = set()
    for k, (s, e) in enumerate(sents):
        if _SKIP_SENT.search(text[s:e]):
            teaser.add(k)
        i = bisect.bisect_left(hits, (s, -1))
        found = set()
        while i < len(hits) and hits[i][0] < e:
            found.add(_RANK_KIND[hits[i][1]])
            i += 1
        kinds.append(frozenset(found) if k not in teaser else frozenset())

    def kept(pos: int) -> bool:
        return not teaser or (bisect.bisect_right(starts, pos) - 1) not in teaser

    uside: dict[int, tuple[_Party, set[int]]] = {}
    for u in units:
        cu = ucanon.get(id(u), u)
        uside.setdefault(id(cu), (cu, set()))[1].update(a for a in u.starts if kept(a))
    pside: dict[int, tuple[_Party, set[int], set[int]]] = {}
    for p in partners:
        cp = canon.get(id(p), p)
        slot = pside.setdefault(id(cp), (cp, set(), set()))
        slot[1].update(a for a in p.starts if kept(a))
        slot[2].update(p.official_starts)
    ctx = pair_model.Context(sentences=sents, sentence_kinds=kinds, title_end=max(0, text.find("\n")),
                             n_units=len(uside), n_partners=len(pside), rule_units={k[0] for k in best},
                             rule_partners={k[1] for k in best}, n_rule_pairs=len(best), text=text,
                             unit_word=unit_word,
                             total_partner_mentions=sum(len(v[1]) for v in pside.values()),
                             total_unit_mentions=sum(len(v[1]) for v in uside.values())).prepare()
    cands = []
    for cu, ustarts in uside.values():
        if not ustarts:
            continue
        us = pair_model.Side(cu.name, cu.pid, cu.family, sorted(ustarts))
        for cp, pstarts, offs in pside.values():
            if not pstarts or (cu.pid or cu.name, cp.pid or cp.name) in best:
                continue
            if _is_national(cu) and cp.family == "kemenko_kumham_imipas":
                continue
            cands.append((us, pair_model.Side(cp.name, cp.pid, cp.family, sorted(pstarts), len(offs)),
                          _partner_name(text, cp)))
    return ctx, cands


def partnership_candidates(doc, analysis: Analysis, with_candidates: bool = True) -> tuple[list[Partnership], object, list]:
    """(the rules' pairs, the pair model's Context, its candidates) for one article; the trainer
    (flows/train_pairs.py) and `extract_partnerships` share it. Context is None and candidates empty when
    the article has no unit or no partner, or `with_candidates` is false."""
    text = doc if isinstance(doc, str) else doc.text
    parties = _parties(text, analysis)
    units = _kanwil_spans(text, [p for p in parties if p.is_unit])
    _facility_of_office(text, units)
    units = _not_through(text, units)
    partners = [p for p in parties if not p.is_unit]
    if not units or not partners:
        return [], None, []
    _add_official_mentions(text, analysis, partners, parties)
    canon = _canonical(text, partners)
    ucanon = _unit_canonical(units)
    hits = _trigger_hits(text.lower())
    has_agreement = any(rank == 0 for _, rank in hits)
    all_spans = [sp for p in parties for sp in p.spans]
    actors = _official_units(text, analysis, units)
    first_unit = min(units, key=lambda p: p.starts[0] if p.starts else 10**9)
    first_facility = min((u for u in units if u.family == "facility" and u.starts), key=lambda p: p.starts[0],
                         default=None)
    # one facility in the article: the joint raid / team / patrol it reports is at that facility
    one_facility = len({id(ucanon.get(id(u), u)) for u in units if u.family == "facility"}) == 1
    best: dict[tuple[str, str], tuple[int, Partnership]] = {}
    # the outside body named before any unit ("Polda Sumut membongkar jaringan ... dari dalam Lapas X"): the story
    # is told from its side
    p0 = min(partners, key=lambda p: p.starts[0] if p.starts else 10**9)
    protagonist = canon[id(p0)] if p0.starts and p0.starts[0] < min(
        (u.starts[0] for u in units if u.starts), default=10**9) else None
    p1 = max(partners, key=lambda p: len(p.spans))
    if protagonist is None and len(p1.spans) >= 3 and len(p1.spans) > max(len(u.spans) for u in units):
        protagonist = canon[id(p1)]  # the outside body named more often than any unit

    def add(u: _Party, p: _Party, kind: str, s: int, e: int) -> None:
        us = [sp for sp in u.spans if s <= sp[0] < e]
        ps = [sp for sp in p.spans if s <= sp[0] < e]
        if kind == "joint_operation" and us and all(_INMATE_OF.search(text, max(s, a - 40), a) for a, _ in us) and \
                _OWN_CASE.search(text, s, e):
            return  # "penangkapan tersangka oleh Polres X mengarah ke warga binaan di Lapas Y": the police's case
        if kind in ("joint_operation", "program") and not us and _HUNT.search(text, s, e) and \
                _ESCAPE.search(text, s, e) and not _JOINT_TEAM.search(text, s, e):
            # "napi yang kabur masih dalam pengejaran aparat TNI/Polri": the forces' own hunt for escapees; the
            # facility's staff in the team ("Tim gabungan dari Lapas, Polres ... memburu") still hunt with them
            return
        if kind == "attendance" and ps and all(_OPENED_AFTER.match(text, b) or _OPENED_BEFORE.search(text, max(s, a - 30), a)
                                               for a, b in ps):
            return  # "Pesantren Al Muhajirin diresmikan ...": the thing opened, not a guest
        if us and ps:
            # items of one list act together ("Kanwil X, TNI, Polri dan BNNP menggeledah Lapas Y"); but
            # "Lapas X dan BNNK Y menandatangani MoU" is the pair itself
            listed = [_co_listed(text, x, y, all_spans) for x in us for y in ps]
            first = min(min(x[0], y[0]) for x in us for y in ps)
            if any(listed) and not _OBJECT_BEFORE.search(text, max(s, first - 40), first):
                # neighbours in a longer subject list ("Tim gabungan dari Lapas X, Polres Y, dan Kodim Z
                # memburu"): the list's full length; a list after the trigger is its object ("RDP dengan A dan B")
                size = max(_co_listed(text, x, y, all_spans) for x in us for y in all_spans if s <= y[0] < e)
                listed = [max(n, size) if n else 0 for n in listed]
            others = [w for w in acting if w is not u and any(s <= a < e for a in w.starts)]
            # "perjanjian kerja sama antara Lapas X, Polres Y, dan Kodim Z": a list after "antara" names the
            # sides themselves, each one a partner of the unit
            # ("program ini hasil kolaborasi antara A dan B, yang pelaksanaannya melibatkan C"): the word right before
            # "antara" decides, not the sentence's most specific trigger
            among = _AMONG_BEFORE.search(text, max(s, first - 30), first) and (
                kind in ("agreement", "meeting", "program") or any(
                    _RANK_KIND[rank] in ("agreement", "meeting", "program") for _, rank in _hits_in(hits, first - 40, first)))
            # "Tim gabungan dari Kanwil X, TNI dan Polri menggelar razia": a corrections office in a joint team works
            # with each outside member (the guideline's joint raid); the raided facility is paired as before
            among = among or (kind == "joint_operation" and u.family != "facility" and
                              bool(_TEAM_BEFORE.search(text, max(s, first - 40), first)))
            if not among and kind == "joint_operation" and any(listed):
                # "Petugas gabungan terdiri dari Kanwil X, BNNP X, Polres Y dan Lapas Z": every member of the team's
                # list, a facility too, works with each outside member; the list may open long before the pair
                head = _list_head(text, first, all_spans, s)
                among = bool(_TEAM_BEFORE.search(text, max(s, head - 40), head))
            if not among and all((n >= 3 and others) or (n == 2 and (others or third[0])) for n in listed):
                return
        if _is_national(u) and any(0 <= c - b <= 1 for _, b in p.spans for c, _ in u.spans):
            return  # "Dirjen Imigrasi Kementerian Hukum dan HAM": the ministry named as the partner's parent
        p = canon.get(id(p), p)
        # a sentence that names no facility ("Hadir pula Kasi BNNP ...") gets the article's own name for it: the
        # registry's name may be one the article never writes ("... Cipinang" for "Lapas Narkotika Jakarta")
        written = _written_name(text, us) or (_written_name(text, u.spans) if u.family == "facility" else "")
        u = ucanon.get(id(u), u)
        if _is_national(u) and (p.family == "kemenko_kumham_imipas" or _IMMIGRATION.match(p.name)):
            return  # the ministry's peers in government, and Ditjen Imigrasi under the same ministry: no partners
        if _STATE.match(p.name):
            return  # "program Pemerintah Indonesia", "Pemerintah Pusat": the state itself, not an outside partner
        if p.family == "media" and kind != "agreement":
            return  # reporters at work ("Tribun Medan memberikan uang kepada petugas"): an outlet partners by agreement
        key = (u.pid or u.name, p.pid or p.name)
        rank = KIND_ORDER.index(kind)
        if key in best and best[key][0] <= rank:
            return
        uname = u.name if u.family != "facility" or not written or _norm_tokens(written) <= u.tokens | _FACILITY_WORDS \
            else written
        best[key] = (rank, Partnership(
            parties=(uname, _partner_name(text, p)), kind=kind, date=analysis.event_date,
            evidence=" ".join(text[s:e].split())[:500], direction=_direction(text, kind, u, p, s, e),
            party_ids=(u.pid, p.pid)))

    acting: list[_Party] = list(units)  # the units that may act in the current sentence
    third = [False]  # the sentence holds a party beyond a unit and one partner (a third side)
    last_unit: _Party | None = None
    last_facility: _Party | None = None
    visitor: _Party | None = None
    visitor_age = 99  # sentences since the visitor's event
    prev_kind: str | None = None
    prev_units: list[_Party] = []
    gap = 99
    starts_of = {id(p): sorted(p.starts) for p in [*units, *partners]}  # spans are final from here on
    # "Meliputi Yayasan Rehabilitasi Narkotika X, UPTD Puskesmas Y, ...": a trigger word inside an outside body's
    # name says nothing of an event
    inside = sorted({sp for p in partners for sp in p.spans})
    if inside:
        hits = [h for h in hits if not _inside(inside, h[0])]
    sentences = _sentences(text)
    for s, e in sentences:
        sent = text[s:e]
        named_units = here_units = [u for u in units if _has_start(starts_of[id(u)], s, e)]
        here_partners = [p for p in partners if _has_start(starts_of[id(p)], s, e)]
        here_actors = [u for pos, u in actors if s <= pos < e]
        if _SKIP_SENT.search(sent):
            continue
        kind, kpos = _sentence_kind(hits, s, e)
        gap += 1
        visitor_age += 1
        if visitor is not None and (any(canon[id(p)] is visitor for p in here_partners) or _GENERIC_VISITOR.search(sent)):
            visitor_age = 0  # "... kunjungan rombongan KSP ini ...": the visit goes on while the visitor is named
        if kind is None and here_partners and prev_kind == "agreement" and gap <= 2 and (
                _ENUM.search(sent) or len(here_partners) >= 2):
            kind = "agreement"  # "Mitra kerja yang ... adalah A, B, C": the list of the agreement above
            here_units = here_units or here_actors or prev_units
        elif kind is None and here_partners and prev_kind in _COMPANY_KINDS and prev_units and gap <= 2 and \
                _COMPANION.search(sent):
            # "Para rombongan tiba ke rumah tahanan ... Mereka didampingi oleh Ketua Bawaslu X, Ketua Panwaslu Y dan
            # Kakanwil Z": the companions of the visit before are its partners; units in the list are companions too
            kind, here_units, here_actors = prev_kind, prev_units, []
        elif kind is None and here_partners and not named_units and prev_kind in ("program", "attendance", "visit") and \
                prev_units and gap <= 2 and _PROGRAM_ANAPHOR.search(sent):
            # "Kepala BNNK X berharap warga binaan yang mengikuti program ini ...", "Ketua Yayasan Y, mitra pelaksana
            # dalam program ini": an outside body named at the unit's event of the sentences just before attends it
            kind, here_units, here_actors = "attendance", prev_units, []
        elif kind is None and here_partners and named_units:
            # '..., kata Ketua KPU RI kepada wartawan di Lapas X', 'disampaikan Pj Gubernur pada kegiatan Pemberian
            # Remisi yang digelar di Aula Lapas X': the outside body speaks at the unit's place, so it came there
            at = [u for u in named_units if any(s <= a < e and _AT_UNIT.search(text, max(s, a - 40), a) for a in u.starts)]
            said = _SAID_AT.search(sent) if at else None
            event = _EVENT_AT.search(sent) if at else None
            first_at = min(a for u in at for a in u.starts if s <= a < e) if at else -1
            # the speaker (the outside body) is named between the verb and the place, with no clause between
            # ("mengatakan bahwa penitipan Dhani di Rutan X": the place of the matter, not of the speaker)
            said_ok = said is not None and any(s + said.start() < a < first_at for p in here_partners for a in p.starts) \
                and first_at - s - said.end() <= 150 and "bahwa" not in text[s + said.end():first_at].lower()
            event_ok = event is not None and s + event.start() < first_at and any(
                a < s + event.start() for p in here_partners for a in p.starts if a >= s)
            if said_ok or event_ok:
                kind, kpos = ("attendance" if event_ok else "visit"), first_at
                here_units = at
        elif kind is None and here_partners and not named_units and last_facility is not None and one_facility:
            # "Nampak petugas dari Polres X, Kodim Y dan BNNK Z melaksanakan apel di halaman Lapas": outside bodies
            # taking part in an event at the article's facility, named by its kind only
            place = _FACILITY_PLACE.search(sent)
            event = _EVENT_AT.search(sent, 0, place.start()) if place else None
            if event is not None and any(s <= a < s + event.start() for p in here_partners for a in p.starts):
                kind, kpos = "attendance", s + place.start()
                here_units = [last_facility]
        if kind == "program" and has_agreement and _COOPERATION.search(sent):
            kind = "agreement"  # "juga bekerja sama dengan ..." in an MoU article: a party of the agreement
        if kind is not None and here_partners and named_units and _left_behind(text, s, e, named_units, here_partners):
            kind = None  # "Usai mengunjungi Lapas X, Kakanwil bertolak menuju Kantor Y": the stop before, not a host
        if kind in ("meeting", "program") and _exhorted(text, kpos):
            kind = None  # "tingkatkan koordinasi dengan TNI dan Polri": advice, not an event
            # "... terima kasih kepada pihak yang mendukung, termasuk X, menekankan pentingnya sinergi": the advice
            # reaches the words after it only; a trigger well before it still reports the event
            for pos, rank in _hits_in(hits, s, e):
                if _RANK_KIND[rank] in ("meeting", "program") and pos < kpos - 40 and not _exhorted(text, pos):
                    kind, kpos = _RANK_KIND[rank], pos
                    break
        first_hit = _first_hit(hits, s, e)
        order = _ORDER.search(text, max(s, first_hit - 80), first_hit) if kind in _ORDERED_KINDS else None
        if order is not None:
            # "Saya perintahkan seluruh Kalapas berkoordinasi dengan TNI": the units told to act are no party;
            # the office that gives the order is ("Maizar menginstruksikan koordinasi dengan Polres")
            here_units = [u for u in here_units if any(s <= a < order.start() for a in u.starts)]
            here_actors = [u for pos, u in actors if s <= pos < order.start()]
            if not here_units and not here_actors:
                kind = None
        if kind is not None and (named_units or _attendance_pos(hits, s, e) >= 0):
            # "Hadir menyaksikan penandatanganan itu, Sekda Kukar Sunggono": the official stands for the body
            here_partners = here_partners + [p for p in partners if p not in here_partners and any(
                s <= a < e for a in p.official_starts)]
        if kind is not None and here_partners and _ANTARA.search(sent):
            here_partners = _not_between_others(text, s, e, here_partners, named_units)
        if kind is not None and here_partners:
            use_units = _between_parties(sent, s, _drop_qualifiers(text, here_units, s, e, all_spans))
            if len(use_units) > 1:
                # "Kanwil X memberikan penghargaan kepada mitra kerja Lapas Y, di antaranya Polres Z, ...": the partners
                # listed are the facility's; the office that honours them is no party
                owners = [u for u in use_units if any(s <= a < e and _PARTNERS_OF.search(text, max(s, a - 25), a)
                                                      for a in u.starts)]
                use_units = owners or use_units
            if use_units and last_facility is not None and all(u.family != "facility" for u in use_units) and all(
                    _LISTED_HEAD.search(text, max(s, a - 20), a) for u in use_units for a in u.starts if s <= a < e) and \
                    _FACILITY_PLACE.search(_blank(sent, s, [*here_partners, *use_units])):
                # "Pada perayaan HUT di halaman Lapas tersebut, Bupati, Ketua TP PKK, Kakanwil dan Kajari bernyanyi
                # bersama warga binaan": the event is at the facility; the office's head is one more guest
                use_units = [last_facility]
            head = _FACILITY_HEAD.search(sent)
            if use_units and head and last_unit is not None and last_unit.family == "facility" and all(
                    _is_national(u) or (u.family == "corrections" and min((a for a in u.starts if s <= a < e), default=-1) > s + head.start())
                    for u in use_units):
                use_units = [last_unit]  # "Kepala Rutan ... melapor ke kantor wilayah Kementerian": the Rutan acts
            use_units = _quoted_units(text, sent, s, e, use_units, here_partners, actors)
            apos = _attendance_pos(hits, s, e)
            if len(use_units) > 1 and apos >= 0:
                use_units = _hosts(use_units, s, e, apos)
            if use_units and apos >= 0 and gap <= 2 and prev_units and all(
                    a > apos for u in use_units for a in u.starts if s <= a < e):
                use_units = prev_units  # "Peninjauan tersebut turut dihadiri Kabag X serta pejabat Lapas Y"
            if use_units and last_facility is not None and kind == "attendance" and _OPENING.search(sent) and all(
                    u.family != "facility" for u in use_units):
                use_units = [last_facility]  # "Peresmian dilakukan oleh Kakanwil X bersama Bupati Y": at the facility
            if not use_units and here_actors:
                use_units = here_actors[:1]
            blanked = _blank(sent, s, here_partners)
            generic = _GENERIC_UNIT.search(blanked)
            if generic and kind == "joint_operation" and _OWN_CASE.search(sent) and all(
                    _INMATE_WORD.fullmatch(g.group()) for g in _GENERIC_UNIT.finditer(blanked)):
                generic = None  # "penyelidikan Polresta X yang membongkar peran seorang napi": the police's case
            # "Penandatanganan perjanjian ini juga dilakukan oleh A, B, ...": more signers of the unit's agreement
            more_signers = prev_kind in _NO_NAME_NEEDED and bool(prev_units) and gap <= 3 and bool(_EVENT_ANAPHOR.search(sent))
            if not use_units and kind == "agreement" and not more_signers and _outsiders_sign(text, here_partners, s, kpos):
                use_units = [None]  # "Pemerintah Indonesia dan Pemerintah Inggris menandatangani ...": not the unit's
            # "kementerian telah menandatangani kerja sama dengan Kementerian X": an agreement whose signer is
            # written by a common noun; the outside side follows "dengan / bersama"
            if not use_units and (generic or kind == "attendance" or (kind == "agreement" and _co_actor(
                    text, here_partners, s, e)) or (kind == "joint_operation" and one_facility
                                                                      and not _OWN_CASE.search(sent)
                                                                      and not _TO_PLACE.search(text, kpos, e)
                                                                      and not _partner_says(text, here_partners, s))
                                  or (kind == "visit" and one_facility and not _partner_hosts(text, here_partners, s, e)
                                      and not _ELSEWHERE.match(text, kpos) and not _TO_PLACE.search(text, kpos, e))
                                  or _unit_speaks(sent, s, here_partners)
                                  or (kind in ("meeting", "program") and _co_actor(text, here_partners, s, e)
                                      and one_facility
                                      and not _OWN_CASE.search(sent) and not _partner_says(text, here_partners, s))
                                  or (_HANDOVER.search(sent) and not _partner_says(text, here_partners, s))):
                fallback = last_unit or first_unit
                if _SAID_NYA.search(sent) and not here_actors:
                    # '... dihadiri Gubernur Kepri," katanya': the speaker introduced before is the actor
                    speaker = [(pos, u) for pos, u in actors if pos < s]
                    outside = max((a for p in partners for a in p.official_starts if a < s), default=-1)
                    if speaker and speaker[-1][0] > outside:  # not when an outside official spoke last
                        fallback = speaker[-1][1]
                if last_facility is not None and fallback.family != "facility" and (_is_national(fallback) or (
                        not _EVENT_ANAPHOR.search(sent) and generic and _FACILITY_WORD.match(generic.group()))):
                    fallback = last_facility  # "petugas berkoordinasi dengan Polda": the facility's staff
                if _is_national(fallback) and first_facility is not None and last_facility is None:
                    fallback = first_facility  # the article's facility, named later, over the ministry
                if fallback.family == "facility" and generic:
                    fallback = _of_kind_named(text, sent, s, here_partners, units, fallback)
                use_units = [fallback]
            if not use_units and gap <= 3 and prev_units and (
                    (prev_kind == kind and kind in _NO_NAME_NEEDED) or _EVENT_ANAPHOR.search(sent)):
                use_units = prev_units  # "Dalam kunjungan tersebut, ...", "Razia ini melibatkan TNI"
            joins = (kind in ("visit", "meeting") and visitor is not None and bool(here_units)
                     and not any(canon[id(p)] is visitor for p in here_partners) and bool(_GENERIC_VISITOR.search(sent)))
            use_units = [u for u in use_units if u is not None]
            if kind == "joint_operation" and use_units:
                # "..., kata Kakanwil Adnan, didampingi Kalapas X dan Kanit Brimob": both units took part in the raid
                use_units += [u for pos, u in actors if s <= pos < e and u not in use_units]
            acting[:] = use_units
            third[0] = joins or len({id(canon[id(p)]) for p in here_partners}) > 1
            for u in use_units:
                for p in here_partners:
                    add(u, p, kind, s, e)
            acting[:], third[0] = units, False
            if joins:
                for u in use_units or here_units:  # "rombongan ... menggelar RDP dengan Kanwil X dan ..."
                    add(u, visitor, kind, s, e)
            if use_units:
                prev_kind, prev_units, gap = kind, use_units, 0
                if kind in ("visit", "meeting"):
                    visitor, visitor_age = canon[id(here_partners[0])], 0
        elif kind is not None and (here_units or here_actors):
            prev_kind, prev_units, gap = kind, here_units or here_actors[:1], 0
            if visitor is not None and ((kind in ("visit", "meeting") and _GENERIC_VISITOR.search(sent))
                                        or (_BEFORE_VISITOR.search(sent) and visitor_age <= 8)
                                        or (kind == "visit" and visitor_age <= 2 and _VISITED_LIST.search(sent))):
                for u in _drop_qualifiers(text, here_units, s, e, all_spans):
                    add(u, visitor, kind if kind in ("visit", "meeting") else "meeting", s, e)
        elif kind is None and here_units and visitor is not None and visitor_age <= 8 and _BEFORE_VISITOR.search(sent):
            # "Acara diawali dengan sambutan Kakanwil X, yang sekaligus memaparkan ...": the unit speaks at the
            # visitor's event
            for u in _drop_qualifiers(text, here_units, s, e, all_spans):
                add(u, visitor, "meeting", s, e)
        elif kind is None and here_units and visitor is not None and visitor_age <= 2 and \
                (received := _RECEIVED.search(sent)):
            # "Mereka diterima Kakanwil X dan Kepala Lapas Y": the hosts who received the visitor just introduced
            start = s + received.end()
            for u in _drop_qualifiers(text, here_units, s, e, all_spans):
                if any(start <= a < e for a in u.starts):
                    add(u, visitor, "visit", s, e)
        elif kind is None and here_units and visitor is not None and _GENERIC_VISITOR.search(sent):
            # "Rombongan tamu lebih dulu menuju ke Lapas Batu": the visitor's next stop
            for u in here_units:
                if any(s <= a < e and _VISITOR_TO.search(text[max(s, a - 25):a]) for a in u.starts):
                    add(u, visitor, "visit", s, e)
        if kind in ("joint_operation", "meeting") and not here_partners and protagonist is not None:
            # "Dalam penggerebekan bersama pihak lapas, petugas menemukan ...", "Petugas berkoordinasi dengan Ka
            # Kanwil dan Ka Lapas" in a story told from the outside body's side: the body acts with the unit
            with_units = [u for u in here_units if any(
                s <= a < e and _WITH_BEFORE.search(text, max(s, a - 30), a) for a in u.starts)]
            if not here_units and _WITH_GENERIC.search(sent):
                with_units = [last_facility or first_facility or first_unit]
            for u in with_units:
                add(u, protagonist, kind, s, e)
        if named_units:
            main_units = _drop_qualifiers(text, named_units, s, e, all_spans) or named_units
            last_unit = max(main_units, key=lambda u: max(a for a in u.starts if s <= a < e))
            if last_unit.family == "facility":
                last_facility = last_unit
        elif here_actors:
            last_unit = here_actors[-1]
        elif kind is not None and kind == prev_kind and not here_partners:
            gap = 0  # "Razia berlangsung lima jam.": the event of the sentences before goes on
    rules = _host_of_guests([p for _, p in best.values()], analysis)
    if not with_candidates:
        return rules, None, []
    ctx, cands = _pair_context(text, sentences, units, partners, canon, ucanon, hits, best)
    return rules, ctx, cands
