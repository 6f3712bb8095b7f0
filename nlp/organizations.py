"""Organisations named in an article, normalised to (kind, level, region) with a stable org_id.

Why patterns and not only NER: analysts count organisations by unit ("BNNK Banyuwangi",
"Polres Badung", "Kanwil Ditjenpas NTT"), so a mention must resolve to one id whatever its
spelling: "Badan Narkotika Nasional Kabupaten (BNNK) Banyuwangi" = "BNNK Banyuwangi" = "BNN
Kabupaten Banyuwangi", and "Kanwil Kemenkumham Jatim" (to 2024) = "Kanwil Ditjenpas Jawa Timur"
(2025 on) = one regional corrections office per province. The families and their spellings are a
small closed set; a table of patterns covers them and runs in microseconds per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.lexicon import TEASER_MARKER
from nlp.records import Mention, Organization
from nlp.regex_scan import engine_skips_ahead, fast_search
from nlp.registry import Registry, load_registry, norm_key

_W = r"[A-Z][\w'’-]*"  # a capitalised word
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)(?![\w])"
# the rest of a name written after its acronym: "Institut Agama Islam Negeri (IAIN) Kudus", "Yayasan Kasih (YK) Jember"
_AFTER_ACR = r"(?:(?<=\))\s+(?!" + _WEEKDAY + r")" + _W + r"(?:\s+(?!" + _WEEKDAY + r")" + _W + r"){0,2})?"
# the titles and initials inside a name held by a hospital or school: "RSUD dr. R. Soeprapto", "RSUD Dr H. Moch Ansari"
_HONOR = r"(?:(?:[Dd]r|DR|drg|Prof|Hj|H|Ir|[A-Z])\.\s*|dr\s+)*"


@lru_cache(maxsize=2)
def _region_re(reg_id: int = 0) -> str:
    """The old REGION: every region name as one alternation, longest first. Now only the fallback for a
    text that holds a sentinel character (see region_subject); REGION itself is a capture + lookup."""
    forms = sorted(_region_forms(reg_id)[0], key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![\w])"


@dataclass(slots=True)
class OrgHit:
    start: int
    end: int
    text: str
    kind: str
    level: str | None
    region: str | None  # as written
    key: str  # family key, e.g. "bnn:regency", "corrections_office", "ministry:kemenkumham"
    name: str | None = None  # canonical display name when the family fixes it
    acronym: str | None = None
    elsewhere: bool = False  # inside another story's headline (a related-stories list), see find_hits


_PAS_MIN = (r"(?:Kementerian\s+Hukum\s+dan\s+(?:HAM|[Hh]ak\s+A[sz]asi\s+Manusia)|Kemenkumham|Kemenkum\s*HAM|Kemkumham|"
            r"Kemenkumam|[Hh]ukum\s+dan\s+(?:HAM|Ham)|"
            r"Kumham|Direktorat\s+Jende?ral\s+Pemasyarakatan|Ditjen\s+Pemasyarakatan|"
            r"Kementrian\s+Hukum\s+(?i:dan)\s+(?i:HAM)|Direktorat\s+Jenderal\s+Pemasyarakatan|Ditjen\s*(?i:pas)|"
            r"Dirjen\s*(?i:pas)|Kemenkumham|Kemenumham|Kemenkum\s+(?i:dan)\s+HAM|"
            r"Ditjen\s+Pemasyarakatan|Dirjen\s*PAS|Dirjen\s+Pemasyarakatan|Kementerian\s+Imigrasi\s+dan\s+"
            r"Pemasyarakatan|Kemenimipas|Imipas|Pemasyarakatan|Departemen\s+Hukum\s+dan\s+(?:HAM|[Hh]ak\s+A[sz]asi\s+Manusia)|"
            r"Depkumham|Kemenkum-HAM|Kemenkum-Ham)")
_RI = r"(?:\s+(?:RI|Republik\s+Indonesia))?"
# a police rank after a unit's name: "Kapolres Malang Kota AKBP Budi" ("Kota" then a rank, not another place)
_RANK = r"(?:AKBP|AKP|Iptu|Ipda|Kompol|Kombes|Aiptu|Aipda|Bripka|Brigadir|Briptu|Bripda|Bharada|Brigjen)"
# a one-word acronym in brackets: "(Dirjenpas Kemenimipas)" after the ministry's name is two bodies' acronyms
_PAREN1 = r"(?:\s*\((?P<acr>[\w-]{2,20})\))?"
# "Fakultas Hukum X dan Pascasarjana X": two schools, not one name
_SCHOOL = r"(?:Universitas|Institut|Politeknik|Sekolah|Fakultas|Pascasarjana|Program|Akademi)\s"
_NO_HON = r"(?!(?:Prof|Dr|Drs|Dra|Ir|Hj|H|KH)\.)"
# "Pemasyarakatan" as the press misspells it; "Kemasyarakatan" after "Direktorat Jenderal" is the same slip
_PAS_WORD = r"(?:Pemasyara\w*|Permasyarakatan|Kemasyarakatan)"
_PAREN = r"(?:\s*\((?P<acr>[^()\n]{2,40})\))?"
# "UMKM Kabupaten X", "Koperasi Pegawai Lapas": a sector or the prison's own cooperative, no partner
_NOT_OWN = r"(?!\s+(?:Kabupaten|Kota|Provinsi|Lapas|Rutan|LPKA|Bapas|Pegawai|Karyawan|Binaan|Warga)(?![\w]))"
# the branch office of a bank, insurer or state firm: "Unit Genteng", "Kantor Cabang Jember", "KCP Rogojampi"
_BRANCH = (r"(?#notrig)(?:\s+(?:Kantor\s+)?(?:Cabang(?:\s+Pembantu|\s+Utama)?|Unit|KCP|KCU|KC|UP3|ULP|Area)\s+(?P<branch>" + _W +
           r"(?:\s+" + _W + r")?))?")
# the office of a state firm named by its town: "PLN Pasir Pengaraian", "Bank BRI Muara Bulian"
_AT_PLACE = r"(?#notrig)(?:\s+(?P<region>REGION))?"
_LVL = r"(?:\s+(?P<lvl>Provinsi|Prov\.|Kabupaten|Kab\.|Kota))?"
# a ministry's acronym -> the body its full name gives ("Kemensos" and "Kementerian Sosial" are one partner);
# Kemenag stays apart: "Kemenag X" is the regency office, whose family the full name also builds from "kemenag"
_MINISTRY_ACR_BODY = {
    "kemensos": "sosial", "kemenkes": "kesehatan", "kemenpora": "pemuda dan olahraga", "kemenkeu": "keuangan",
    "kemendagri": "dalam negeri", "kemenlu": "luar negeri", "kemnaker": "ketenagakerjaan",
    "kemenaker": "ketenagakerjaan", "kementan": "pertanian", "kemenpppa": "pemberdayaan perempuan dan perlindungan anak",
    "kemenppa": "pemberdayaan perempuan dan perlindungan anak", "kemenhub": "perhubungan", "kemenperin": "perindustrian",
    "kemendag": "perdagangan", "kemenhan": "pertahanan", "kemenpupr": "pekerjaan umum dan perumahan rakyat",
    "kemensetneg": "sekretariat negara", "kemendikdasmen": "pendidikan dasar dan menengah",
}
# Indonesian ministries whose names run past one word (cabinets 2014-2029), longest alternative first where
# one name begins another; "," and "dan" as the press writes them
_MINISTRY_NAMES = (
    r"Pemberdayaan\s+Perempuan\s+dan\s+Perlindungan\s+Anak|"
    r"Pendayagunaan\s+Aparatur\s+Negara\s+dan\s+Reformasi\s+Birokrasi|"
    r"Desa,?\s+Pembangunan\s+Daerah\s+Tertinggal,?\s+dan\s+Transmigrasi|Desa\s+dan\s+Pembangunan\s+Daerah\s+Tertinggal|"
    r"Pendidikan,?\s+Kebudayaan,?\s+Riset,?\s+dan\s+Teknologi|Pendidikan\s+dan\s+Kebudayaan|"
    r"Pendidikan\s+Dasar\s+dan\s+Menengah|Pendidikan\s+Tinggi,?\s+Sains,?\s+dan\s+Teknologi|"
    r"Pekerjaan\s+Umum\s+dan\s+Perumahan\s+Rakyat|Pekerjaan\s+Umum|Perumahan\s+dan\s+Kawasan\s+Permukiman|"
    r"Lingkungan\s+Hidup\s+dan\s+Kehutanan|Lingkungan\s+Hidup|"
    r"Energi\s+dan\s+Sumber\s+Daya\s+Mineral|Komunikasi\s+dan\s+(?:Informatika|Digital)|Kelautan\s+dan\s+Perikanan|"
    r"Koperasi\s+dan\s+(?:Usaha\s+Kecil\s+dan\s+Menengah|UKM)|Usaha\s+Mikro,?\s+Kecil,?\s+dan\s+Menengah|"
    r"Pemuda\s+dan\s+Olahraga|Pariwisata\s+dan\s+Ekonomi\s+Kreatif|Kebudayaan\s+dan\s+Pariwisata|Ekonomi\s+Kreatif|"
    r"Agraria\s+dan\s+Tata\s+Ruang|Dalam\s+Negeri|Luar\s+Negeri|Sekretariat\s+Negara|Sekretaris\s+Negara|"
    r"Badan\s+Usaha\s+Milik\s+Negara|Perencanaan\s+Pembangunan\s+Nasional|Kependudukan\s+dan\s+Pembangunan\s+Keluarga|"
    r"Perlindungan\s+Pekerja\s+Migran\s+Indonesia|Investasi\s+dan\s+Hilirisasi|Hak\s+Asasi\s+Manusia")
_MINISTRY_NAMED = re.compile(_MINISTRY_NAMES)
# the acronym itself in a "Kemen..." hit, spaced forms included ("Kemen PPPA Kota X" -> "Kemen PPPA")
_MINISTRY_ACR_WORD = re.compile(r"Kemen\s(?:PPPA|PUPR|BUMN|LHK|ATR)|\S+")
# prison-watch groups by acronym; the family key is the acronym (or the first word of the two named in full)
_NGO_ACRONYMS = r"Kontras|KontraS|ICJR|ICW|IPW|KPAI|LPAI|YLBHI|PBHI|PKBI|Imparsial"
_NGO_ACR = re.compile(_NGO_ACRONYMS + r"|Setara|Amnesty", re.IGNORECASE)
_ACRONYM_BEFORE = re.compile(r"(?<![\w])([A-Z][A-Z0-9]{1,7})\s*\($")

# (regex template, kind, level, family key, canonical name or None); REGION is substituted
_SPECS: list[tuple[str, str, str | None, str, str | None]] = [
    # corrections regional office (Kanwil Kemenkumham X to 2024, Kanwil Ditjenpas X from 2025)
    (r"(?:Kantor\s+Wilayah|[Kk]antor\s+[Ww]ilayah|Kanwil|Kakanwil)(?:\s*\((?:Kanwil|Kakanwil)\))?\s+" + _PAS_MIN + _RI + _PAREN +
     r"\s+(?:Provinsi\s+|Propinsi\s+)?(?P<region>REGION)",
     "corrections_office", "province", "corrections_office", None),
    (r"(?:Kanwilpas|Kakanwilpas|Kanwilkum\s*(?:HAM|[Hh]am)|(?:Ka)?[Kk]anwil\s+Pemasyarakatan|(?:Ka)?[Kk]anwil\s+[Kk][ae]menkumham|Kemenkumham|Kemkumham|"
     r"(?:Ka)?[Kk]anwil\s+Depkumham|Depkumham|"
     r"Ditjenpas(?=\s+(?:Provinsi\s+)?[A-Z])|(?:Ditjen|Dirjen|DITJEN)\s*(?:PAS|Pas)(?=\s+(?:Provinsi\s+)?[A-Z])|"
     r"Kemenkum\s*(?:dan\s+)?HAM(?:\s+RI)?)" + _PAREN +
     r"\s+(?:Provinsi\s+|Propinsi\s+)?(?P<region>REGION)", "corrections_office", "province", "corrections_office", None),
    (r"(?:[Kk]antor\s+)?(?:Kementerian|Kementrian)\s+Hukum\s+(?i:dan)\s+(?:HAM|Ham|[Hh]ak\s+A[sz]asi\s+Manusia)" + _RI + _PAREN +
     r"\s+(?:[Ww]ilayah\s+)?(?:Provinsi\s+|Propinsi\s+)?(?P<region>REGION)", "corrections_office", "province", "corrections_office", None),
    (r"(?:Kantor\s+Wilayah|Kanwil)\s+(?:Kementerian\s+Hukum|Kemenkum)(?!\s*(?:dan|HAM))" + _PAREN +
     r"\s+(?:Provinsi\s+)?(?P<region>REGION)", "ministry", "province", "law_office", None),
    (r"(?:Kantor\s+Wilayah|Kanwil)\s+(?:Direktorat\s+Jenderal\s+Imigrasi|Ditjen\s*Imigrasi|Ditjenim|Imigrasi)" + _PAREN +
     r"(?:\s+(?P<region>REGION))?", "ministry", "province", "immigration_office", None),
    (r"(?:Kantor\s+Wilayah|Kanwil|Kakanwil)\s+" + _PAS_MIN + _RI + _PAREN, "corrections_office", "province",
     "corrections_office", None),
    # the regional office by its province alone, as the corrections press shortens it: "Lapas Bengkalis (Kanwil
    # Riau)", "Kadivpas Kanwil Jawa Tengah", "petugas kanwil Sumatera Utara"; a province only (see find_hits)
    (r"(?:Kantor\s+Wilayah|[Kk]anwil)(?:\s*\((?:Kantor\s+Wilayah|Kanwil)\))?\s+(?:Provinsi\s+)?(?P<region>REGION)",
     "corrections_office", "province", "kanwil_province", None),
    # the ministry's inspectorate, which audits its units: "Inspektorat Jenderal Kemenkumham", "Inspektur Jenderal
    # (Irjen) Kementerian Hukum dan HAM"; without the ministry "Inspektur Jenderal" is a police or military rank
    (r"(?:Inspektorat|Inspektur)\s+Jenderal(?:\s*\((?:Irjen|Itjen)\))?\s+(?:Kementerian\s+Hukum\s+dan\s+(?:HAM|[Hh]ak\s+A[sz]asi\s+"
     r"Manusia)|Kemenkumham|Kemenkum\s*HAM|Kementerian\s+Imigrasi\s+dan\s+Pemasyarakatan|Kemenimipas)(?:\s+RI)?|"
     r"Inspektorat\s+Jenderal(?:\s*\(Itjen\))?(?!\s*[A-Z(])|(?:Irjen|Itjen)\s+(?:Kemenkumham|Kemenimipas)(?:\s+RI)?",
     "ministry", "national", "itjen", "Inspektorat Jenderal"),
    # the regional office's internal-compliance squad, which audits a facility after an incident; a corrections
    # body of its own (no partner of the facility)
    (r"Satuan\s+Operasional\s+Kepatuhan\s+Internal(?:\s+Pemasyarakatan)?(?:\s*\((?P<acr>Satops\s*Patnal)\))?|"
     r"Satops\s*Patnal(?![\w])", "corrections_office", "province", "satops_patnal", None),
    # national corrections / ministries
    (r"(?:Direktora[tl]\s+Jende?ral(?:\s*\((?:Dirjen|Ditjen)\))?\s+(?:(?:Lembaga\s+)?" + _PAS_WORD + r"|Lapas)"
     r"|Direktur\s+Jende?ral\s+(?:Lembaga\s+)?" + _PAS_WORD +
     r"|Ditjen\s*(?i:pas)|Dirjen\s*(?i:pas)|Ditjen\s+" + _PAS_WORD + r"|Dirjen\s+" + _PAS_WORD +
     r"|(?:Ditjen|Dirjen)\s+[Ll]apas|ditjen\s+pemasyarakatan)"
     r"(?:\s+(?:Kementerian\s+Hukum\s+dan\s+(?:HAM|[Hh]ak\s+A[sz]asi\s+Manusia)|Kemenkumham|Kemenkum\s*HAM|Kemkumham|"
     r"Kementerian\s+Imigrasi\s+dan\s+Pemasyarakatan|Kemenimipas)(?:\s+RI)?)?" + _PAREN,
     "corrections_office", "national", "ditjenpas", "Direktorat Jenderal Pemasyarakatan"),
    (r"(?:Kementerian\s+Koordinator\s+Bidang\s+Hukum,?\s+[Hh]ak\s+A[sz]asi\s+Manusia,?\s+Imigrasi,?\s+dan\s+"
     r"Pemasyarakatan|Kemenko\s+Kumham\s*Imipas|Menko\s+Kumham\s*Imipas|Menko\s+Hukum,?\s+HAM,?\s+Imigrasi,?\s+"
     r"dan\s+Pemasyarakatan)" + _PAREN, "ministry", "national", "kemenko_kumham_imipas",
     "Kemenko Kumham Imipas"),
    (r"(?:[Kk]ementerian|[Kk]ementrian|[Mm]enteri)\s+[Ii]mi\w?grasi\s+(?:dan\s+)?[Pp]er?masya\w*" + _RI + _PAREN1 +
     r"|Kemenimipas|[Kk]ementerian\s+(?:[Ii]mipas|IMIPAS)|[Mm]enteri\s+(?:[Ii]mipas|IMIPAS)|KemenImipas|Menimipas",
     "ministry", "national", "kemenimipas", "Kementerian Imigrasi dan Pemasyarakatan"),
    (r"(?:Kementerian|Kementrian|Menteri|Departemen|kementerian|kementrian)\s+[Hh]ukum\s+(?i:dan)\s+(?:HAM|Ham|[Hh]ak\s+A[sz]asi\s+"
     r"Manusia)" + _RI + _PAREN + r"|Keme?nk?umham" + _RI + r"|Kemenkum\s+H[Aa][Mm]" + _RI + r"|Menkumham|Wamenkumham|Depkumham|Kemenkum-H[Aa][Mm]|"
     r"KEMENKUMHAM",
     "ministry", "national", "kemenkumham", "Kementerian Hukum dan HAM"),
    # customs: "Kanwil Direktorat Jenderal Bea Cukai Aceh", "Bea Cukai Batam", "KPPBC TMP B Kualanamu"
    (r"(?:(?:Kantor\s+Wilayah|Kanwil)\s+(?:Direktorat\s+Jenderal\s+|Ditjen\s+|DJBC\s+)?|Kantor\s+|"
     r"Direktorat\s+Jenderal\s+|Ditjen\s+)?Bea\s+(?:dan\s+)?Cukai(?:\s+Tipe\s+(?:Madya|Pratama)"
     r"(?:\s+Pabean)?(?:\s+[A-C])?)?(?:\s*\((?P<acr>[A-Z]{2,8})\))?(?:\s+(?P<region>REGION))?",
     "ministry", None, "customs", None),
    (r"(?:Direktorat\s+Jenderal\s+Imigrasi|Direktur\s+Jende?ral\s+Imigrasi|Ditjen\s+Imigrasi|Ditjenim|Dirjen\s+Imigrasi)"
     + _PAREN,
     "ministry", "national", "ditjen_imigrasi", "Direktorat Jenderal Imigrasi"),
    # the local religious affairs office written in full: "Kantor Kementerian Agama (Kemenag) Kabupaten Jember" is the
    # "Kemenag Jember" of the next sentence, not the ministry
    (r"(?:Kantor\s+Kementerian|Kantor\s+Kementrian|Kementerian|Kementrian)\s+Agama(?#notrig)(?:\s*\((?:Kemenag|Kankemenag)\))?\s+(?:Kota\s+|Kabupaten\s+|Kab\.\s*)?"
     r"(?P<region>REGION)", "ministry", "regency", "kemenag_full", None),
    # the cabinet's ministries of more than one word, by their full names: the open pattern below stops at the
    # first word that could end a name, which cut "Kementerian Dalam Negeri" to "Kementerian Dalam"
    (r"(?:Kementerian|Kementrian|Menteri)\s+(?P<body>" + _MINISTRY_NAMES + r")" + _RI + _PAREN + r"(?![\w])",
     "ministry", "national", "ministry", None),
    # a ministry written out before its acronym takes all its words: "Kementerian Luar Negeri (Kemenlu)"
    (r"(?:Kementerian|Kementrian)\s+(?P<body>" + _W + r"(?:\s+(?:dan\s+)?" + _W + r"){1,5})\s*\((?P<acr>Kem[a-z]\w+)\)",
     "ministry", "national", "ministry", None),
    (r"(?:Kementerian|Kementrian|Menteri)\s+(?P<body>(?:" + _W + r")(?:\s+(?:dan|,)?\s*" + _W + r"){0,5}?)" + _RI +
     _PAREN + r"(?=[\s,.;:)]|$)", "ministry", "national", "ministry", None),
    # a title after the name starts the holder's name: "Dekan Fakultas Syariah dan Hukum Prof. Dr. Syafruddin"
    (r"(?:Universitas|Institut|Politeknik|Poltekkes|Poltekes|Sekolah\s+Tinggi|Fakultas|Pascasarjana|Program\s+Pascasarjana|"
     r"UIN|IAIN|STAIN|Akademi|Sanggar\s+Kegiatan\s+Belajar(?:\s*\(SKB\))?)\s+"
     r"(?P<body>(?:" + _NO_HON + _W + r"|\d{1,4})(?:\s+(?:dan\s+(?!" + _SCHOOL + r"))?(?:" + _NO_HON + _W +
     r"|\d{1,4}(?![\w/]))){0,6})" +
     _PAREN +
     # the rest of the name after its acronym: "Institut Agama Islam Negeri (IAIN) Kudus"
     _AFTER_ACR, "education", None, "education", None),
    (r"Direktorat\s+Jenderal\s+(?P<body>" + _W + r"(?:\s+(?:dan\s+)?" + _W + r"){0,8})" + _PAREN,
     "ministry", "national", "ditjen", None),
    (r"(?<![\w])(?:Kemenag|Kemensos|Kemenkes|Kemendikbud(?:ristek)?|Kemenpora|Kemenkeu|Kemendagri|Kemenlu|"
     r"Kemnaker|Kemenaker|Kemenpan\s*RB|Kemenkop\s*UKM|Kementan|Kemen\s?PPPA|KemenPPA|Kemendikdasmen|"
     r"Kemenhub|Kemenperin|Kemendag|Kemenhan|Kemenparekraf|Kemendes(?:\s*PDTT)?|Kemen\s?PUPR|Kemenkominfo|"
     r"Kemensetneg|Kemen\s?BUMN|Kemen\s?LHK|Kemen\s?ATR)(?![\w])(?:\s+(?:Kota|Kabupaten|Kab\.)?\s*"
     r"(?P<region>REGION))?", "ministry", None, "ministry_acr", None),
    # BNN
    # "Badan Narkotika Nasional Provinsi (BNNP) Provinsi Sumatera Barat": the level written twice; "Daerah" alone is
    # the start of a place cut off at a line end ("(BNNP) Daerah Istimewa\nPenulis: ...")
    (r"(?:Badan\s+Narkotika\s+Nasional|BNN)(?:\s*\(BNN\))?\s+(?P<lvl>[Pp]rovinsi|[Kk]abupaten|Kab\.|[Kk]ota)\s*"
     r"(?:\((?P<acr>BNN[PK]?)\)\s*)?(?:(?:Provinsi|Kabupaten|Kota)\s+)?"
     r"(?P<region>REGION|(?!(?:Daerah|Provinsi|Kabupaten|Kota)(?![\w]))" + _W + r")", "bnn", None, "bnn", None),
    (r"(?:Badan\s+Narkotika\s+Nasional\s*\((?P<acr>BNN[PK]?)\)|BNNP|BNNK)\s+(?:(?P<lvl>Provinsi|Kabupaten|Kab\.|"
     r"Kota)\s+)?(?P<region>REGION|" + _W + r")", "bnn", None, "bnn", None),
    (r"(?:Badan\s+Narkotika\s+Nasional(?:\s*\(BNN\))?|BNN)\s+(?!RI(?![\w]))(?P<region>REGION)", "bnn", None, "bnn_place", None),
    # "petugas Badan Narkotika Nasional Provinsi (BNNP), dan ...": the provincial unit, its place written elsewhere
    (r"Badan\s+Narkotika\s+Nasional\s+(?P<lvl>Provinsi|Kabupaten|Kota)(?:\s*\((?P<acr>BNN[PK]?)\))?", "bnn", None,
     "bnn_bare_level", None),
    (r"(?:Badan\s+Narkotika\s+Nasional" + _RI + r"(?:\s*\(BNN(?:\s+RI)?\))?|BNN\s+(?:RI|Pusat)(?![\w])|BNN(?![\w]))",
     "bnn", "national", "bnn_bare", "Badan Narkotika Nasional"),
    (r"BNNP(?![\w])|BNNK(?![\w])", "bnn", None, "bnn_bare_level", None),
    # police
    # "Sat Brimobda Sumbar": the provincial Brimob unit (Brimob Daerah)
    (r"(?:Sat(?:uan)?\s*)?Brimob(?:da(?:\s+(?P<region2>REGION))?(?![\w]))?(?:\s+Polda\s+(?P<region>REGION|" + _W + r"))?(?:\s+(?:Kompi|Batal[iy]on|Yon|Detasemen)\s+"
     r"[\dA-Z]\w*(?:\s+[Pp]elopor)?(?:\s+(?!AKP|AKBP|Kompol|Iptu|Ipda|Aiptu|Bripka|Kombes|Polda|Polres)" + _W + r")?)*"
     r"|Batal[iy]on\s+(?:[A-C]\s+)?Pelopor(?:\s+[A-C](?![\w]))?(?:\s+(?!AKP|AKBP|Kompol|Polda|Polres)" + _W + r")?",
     "police", None, "police:brimob", None),
    (r"Densus\s+88(?:\s+Antiteror)?(?:\s+Polri)?", "police", "national", "police:densus", "Densus 88"),
    (r"(?:Kepolisian\s+Daerah\s*(?:\(Polda\))?|Makopolda|Mapolda|Kapolda|(?:Mako\s+)?Polda)\s+(?P<region>Metro\s+Jaya|REGION|" + _W +
     r")|polda\s+(?P<region2>REGION)", "police", "province", "police:polda", None),
    (r"(?:Kepolisian\s+Resor(?:\s+Kota)?(?:\s+Besar)?\s*(?:\((?:Polres\w*)\))?|(?:Ma|Mako|Ka)?[Pp]olres(?:tabes|ta)?)\s+(?:Pelabuhan\s+)?"
     r"(?P<region>(?:REGION)(?:\s+Kota(?![\w])(?!\s+(?!" + _RANK + r"(?![\w]))[A-Z]))?|" + _W + r"(?:\s+(?:Kota|Barat|Timur|Utara|Selatan|Tengah))?)",
     "police", "regency", "police:polres", None),
    (r"(?:Kepolisian\s+Sektor(?:\s*\(Polsek\w*\))?|(?:Ma|Ka)?[Pp]olsek(?:ta)?)\s+(?P<region>" + _W + r"(?:\s+(?!Iptu|Ipda|AKP|Aiptu|Kompol)" + _W +
     r")?)",
     "police", "district", "police:polsek", None),
    # national police centres and divisions: "Puslabfor Polri", "Pusdokkes Polri", "Divpropam Polri"
    (r"(?P<body>Puslabfor|Pusdokkes|Divpropam|Divhumas|Korlantas|Baintelkam|Baharkam)(?:\s+Polri)?(?![\w])",
     "police", "national", "police_unit", None),
    # the national police is also written in capitals or lower case ("pihak POLRI dan TNI", "TNI, polri dan BNN")
    (r"(?:Mabes\s+Polri|Bareskrim\s+Polri|Bareskrim|Kepolisian\s+Negara\s+Republik\s+Indonesia|Kepolisian\s+(?:RI|Republik\s+Indonesia)|Polri|POLRI|polri)(?![\w])",
     "police", "national", "police:polri", None),
    # military
    (r"(?:(?:Komando\s+(?:Distrik|Resor|Daerah|Rayon)\s+Militer|Pangkalan\s+TNI\s+AL)\s*"
     r"\((?:Kodim|Korem|Kodam|Koramil|Lanal)\)\s*|Kodim|Korem|Kodam|Koramil|Lantamal|Lanal|Lanud|Yonif|Kodiklat|Danrem|Dandim|Pangdam|Danramil|Danlanal)"
     r"\s+(?P<region>[\dIVX]+(?:-\d+)?(?:/[\w-]+)?(?:\s+" + _W + r")?|" + _W + r")", "military", None, "military", None),
    (r"(?<![\w])TNI(?:\s+(?:AD|AL|AU|Angkatan\s+\w+))?(?![\w])|Tentara\s+Nasional\s+Indonesia", "military",
     "national", "military:tni", "TNI"),
    # prosecutors and courts
    (r"(?:Kejaksaan\s+Negeri\s*(?:\(Kejari\))?|Kejari|Kajari)\s+(?P<region>REGION|" + _W + r")", "prosecutor", "regency",
     "prosecutor:kejari", None),
    (r"(?:Kejaksaan\s+Tinggi\s*(?:\(Kejati\))?|Kejati|Kajati)\s+(?P<region>REGION|" + _W + r")", "prosecutor", "province",
     "prosecutor:kejati", None),
    (r"Kejaksaan\s+Agung(?:\s*\(Kejagung\))?|Kejagung", "prosecutor", "national", "prosecutor:kejagung",
     "Kejaksaan Agung"),
    (r"(?:Pengadilan\s+Negeri\s*(?:\(PN\))?|PN)(?:\s+Kelas\s+I{1,2}[AB]?(?:\s+Khusus)?)?\s+(?P<region>REGION|" + _W + r")", "court", "regency",
     "court:pn", None),
    (r"(?:Pengadilan\s+Tinggi\s*(?:\(PT\))?)\s+(?P<region>REGION|" + _W + r")", "court", "province", "court:pt", None),
    (r"(?:Pengadilan\s+Agama\s*(?:\(PA\))?)\s+(?P<region>REGION|" + _W + r")", "court", "regency", "court:pa", None),
    (r"Mahkamah\s+Agung(?:\s*\(MA\))?", "court", "national", "court:ma", "Mahkamah Agung"),
    (r"Mahkamah\s+Konstitusi(?:\s*\(MK\))?", "court", "national", "court:mk", "Mahkamah Konstitusi"),
    # election bodies
    (r"(?:Komisi\s+Pemilihan\s+Umum\s*(?:\(KPU\))?|KPU)(?:\s+(?:RI|Republik\s+Indonesia)|" + _LVL +
     r"\s+(?P<region>REGION))?(?![\w])", "election_body", None, "election:kpu", None),
    (r"(?:Badan\s+Pengawas\s+(?:Pemilihan\s+Umum|Pemilu)\s*(?:\(Bawaslu\))?|Bawaslu|bawaslu(?!\.[a-z]))(?:\s+(?:RI|Republik\s+Indonesia)|" + _LVL +
     r"\s+(?P<region>REGION))?(?![\w])", "election_body", None, "election:bawaslu", None),
    # the village polling committee: "PPS (Panitia Pemungutan Suara)"; "Kelompok ... (KPPS)" is the booth's own staff
    (r"(?:(?<!Kelompok\s)Panitia\s+Pemungutan\s+Suara(?:\s*\(PPS\))?|PPS(?:\s*\(Panitia\s+Pemungutan\s+Suara\))?)"
     r"(?![\w])", "election_body", None, "election:pps", None),
    (r"(?:Panitia\s+Pengawas\s+(?:Pemilihan\s+Umum|Pemilu)\s*(?:\(Panwaslu\))?|Panwaslu|Panwascam)"
     r"(?:\s+(?P<lvl>Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kecamatan))?"
     r"(?:\s+(?P<region>REGION))?(?![\w])", "election_body", None, "election:panwaslu", None),
    # the polling-station committee that runs the vote inside a prison, named as a party: its staff or head ("petugas
    # KPPS", "Ketua KPPS TPS Khusus"), or addressed ("kepada KPPS"); not the role prison staff take on ("Kelompok ...
    # (KPPS)", "menjadi bagian KPPS", "petugas di luar KPPS")
    (r"(?:(?<=[Pp]etugas\s)|(?<=[Aa]nggota\s)|(?<=Ketua\s)|(?<=kepada\s)|(?<=oleh\s)|(?<=dengan\s)|(?<=bersama\s))"
     r"KPPS(?![\w])(?!\s+sekaligus)", "election_body", "district", "election:kpps", None),
    # ombudsman
    (r"(?:Kantor\s+)?(?:Perwakilan\s+)?Ombudsman(?:\s+(?:RI|Republik\s+Indonesia))?(?:\s+[Pp]erwakilan)?"
     r"(?:\s+(?:Provinsi|Prov\.))?(?:\s+(?P<region>REGION))?", "ombudsman", None, "ombudsman", None),
    # legislature
    # "Komisi I DPRD X" is a regional council's. The house is often left out once named ("rombongan Komisi III
    # meninjau ..."), or put first ("anggota DPR Komisi XIII"); "Komisi Hukum DPR" is its law commission
    (r"Komisi\s+(?P<region>[IVX]+(?![\w])|\d{1,2}(?=\s+D))(?:\s+(?:Dewan\s+Perwakilan\s+Rakyat(?:\s+Republik\s+Indonesia)?"
     r"\s*(?:\(DPR(?:\s+RI)?\))?|DPR(?![\w]))(?:\s+RI)?)?(?!\s*(?:DPRD|Dewan\s+Perwakilan\s+Rakyat\s+Daerah|Pemilihan))|"
     r"DPR(?:\s+RI)?\s+Komisi\s+(?P<region2>[IVX]+)(?![\w])|Komisi\s+Hukum\s+DPR(?:\s+RI)?(?![\w])",
     "other", "national", "dpr_komisi", None),
    (r"(?:Dewan\s+Perwakilan\s+Rakyat\s+Daerah\s*(?:\(DPRD\))?|DPRD)" + _LVL + r"\s+(?P<region>REGION)",
     "local_government", None, "dprd", None),
    # the council of the story's place, its place left out ("perwakilan Ketua DPRD", "DPRD bersama Pemprov"); not a
    # ballot ("hak suara untuk DPRD kabupaten")
    (r"DPRD(?![\w])(?!\s+(?:[Kk]abupaten|[Pp]rovinsi|[Kk]ota|se-|RI)(?![\w]))", "local_government", None, "dprd", None),
    # the Papuan and Acehnese provincial houses: "DPR Provinsi (DPRP) Papua Tengah", "DPRP Papua Tengah", "DPRA"
    (r"(?:Dewan\s+Perwakilan\s+Rakyat(?:\s+Republik\s+Indonesia)?(?:\s*\(DPR(?:\s+RI)?\))?|DPR\s+RI|DPR(?![\w]))"
     r"(?:\s+(?:Provinsi\s*)?(?:\(DPR[PA]\)\s*)?(?P<region>Papua(?:\s+\w+)?|Aceh))?|"
     r"DPR[PA]\s+(?P<region2>Papua(?:\s+\w+)?|Aceh)", "other", "national", "dpr", None),
    (r"(?:Dewan\s+Perwakilan\s+Daerah(?:\s+Republik\s+Indonesia)?(?:\s*\(DPD(?:\s+RI)?\))?(?:\s+RI)?|DPD\s+RI)",
     "other", "national", "dpd", "DPD RI"),
    # local government
    # "Pemko Padang" (Pemerintah Kota, as the Sumatran press writes it)
    (r"(?:Pemerintah\s+(?P<lvl>Provinsi|Kabupaten|Kota|Daerah)|(?P<lvl2>Pemprov|Pemkab|Pemkot|Pemko|Pemda))"
     r"\s*(?:\((?P<acr>Pem\w+)\)\s*)?(?P<region>REGION|" + _W + r"(?:\s+" + _W + r")?)" +
     r"(?:\s*\((?P<acr2>[^()\n]{2,15})\)(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah))?)?",
     "local_government", None, "pemda", None),
    # the regional secretariat is the local government's own office ("Kepala Bagian Kerja Sama Setda Kabupaten X")
    (r"(?:Setda|Sekretariat\s+Daerah(?:\s*\(Setda\))?)\s+(?P<lvl>Provinsi|Kabupaten|Kota)\s+(?P<region>REGION)",
     "local_government", None, "pemda", None),
    # the same written in lower case ("kesepakatan dengan pemerintah kota Lubuklinggau"): a registered place only
    (r"pemerintah\s+(?P<lvl>provinsi|kabupaten|kota)\s+(?P<region>REGION)", "local_government", None, "pemda", None),
    (r"(?<!Peraturan\s)[Pp]emerintah\s+(?P<body>Indonesia|Republik\s+Indonesia|RI|Inggris|Australia|Malaysia|"
     r"Singapura|Filipina|Belanda|Prancis|Perancis|Amerika\s+Serikat|AS|Jepang|Tiongkok|China|Korea\s+Selatan|"
     r"Arab\s+Saudi|Thailand|Vietnam|India|Brasil|Nigeria|Iran|Taiwan|Timor\s+Leste|Papua\s+Nugini)(?![\w])",
     "other", "national", "government", None),
    (r"(?P<lvl2>Gubernur|Bupati|Wali\s*[Kk]ota|Walikota|gubernur|bupati|wali\s*kota|walikota)\s+(?P<region>REGION)", "local_government", None,
     "pemda_title", None),
    (r"(?:Dinas|Badan(?!\s+(?:Penyelenggara(?:an)?\s+Jaminan|Amil\s+Zakat|Pengawas\s+Pemilu))|Loka(?=\s+(?:Latihan|Pengawas|Penelitian)\s)|Balai(?!\s+(?:Pemasyarakatan|Besar\s+Pemasyarakatan|Kota|Desa|Kelurahan|Rakyat|Pertemuan|"
     r"Wartawan|Warga|Raya)))\s+(?P<body>" + _W + r"(?:,?\s+(?:dan\s+|serta\s+)?(?!Kota\s|Kabupaten\s|Provinsi\s)"
     r"(?!(?:Dinas|Badan|Balai|Kepala|Polres\w*|Polda|Polsek\w*|Kejaksaan|Kejari|Pengadilan|Kodim|Koramil|Lapas|Rutan|"
     r"Bapas|LPKA|Bank|PT|Kemenag|Pemkab|Pemkot|Pemprov|Puskesmas|RSUD|Universitas|Yayasan|BNN\w*)\s)" + _W +
     r"){0,9})" + _PAREN +
     r"(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+|Kab\.\s*)?(?P<region>REGION))?(?=[\s,.;:)]|$)",
     "local_government", None, "dinas", None),
    (r"(?<![\w])(?P<body>Dinkes|Dinsos|Disdukcapil|Dispendukcapil|Disnakertrans|Disnaker|Disdikpora|Disporapar|"
     r"Disparpora|Dispora|Disdikbud|Disdik|Diskominfo|Disperindagkop|Disperindag|Disparbud|Dispar|Disperkim|Distan|Disbun|"
     r"Dukcapil|Satpol\s+PP|BPBD|Kesbangpol|Bappeda|Bapperida|Bapperinda|Bappelitbangda|Bapenda|BPSDM|BKPSDM|BKD|BPKAD|DP3A\w*|Disbudpar|Dishub|DLH|BLH)(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?"
     r"(?P<region>REGION))?(?![\w])", "local_government", None, "dinas_acr", None),
    # health, education
    (r"(?:RSUD|RSJ|Rumah\s+Sakit(?:\s+Umum|\s+Jiwa)?(?:\s+Daerah)?(?:\s*\((?P<acr>RS\w{0,4})\))?|RS|Puskesmas|Klinik|"
     # "RS. Tingkat IV DKT X", but not a person's initials ("napi berinisial RS. Ia ...")
     r"RS\.(?=\s+[A-Z][\w.]*\s+[A-Z])(?<!inisial\sRS\.))\s+"
     r"(?P<body>" + _HONOR + _W + r"(?:\s+(?:" + _HONOR + _W + r"|[IVX]+|\d+)){0,3})", "health", None, "health", None),
    (r"(?<![\w])(?:SMAN|SMKN|SMPN|SDN|SLBN|MAN|MTsN|PKBM|MTs|(?:SMA|SMK|SMP|SD|SLB)(?=\s+(?:Negeri|Swasta|Muhammadiyah|"
     r"Islam|Katolik|Kristen|IT|PGRI|Terpadu|Plus|\d)))\s+"
     r"(?P<body>(?:\d+\s+)?" + _W +
     r"(?:\s+(?:" + _W + r"|\d+(?![\w/]))){0,3})", "education", None, "education", None),
    # other national bodies
    (r"Komisi\s+Pemberantasan\s+Korupsi(?:\s*\(KPK\))?|(?<![\w])KPK(?![\w])", "other", "national", "kpk", "KPK"),
    (r"Komnas\s+HAM|Komisi\s+Nasional\s+[Hh]ak\s+A[sz]asi\s+Manusia(?:\s*\(Komnas\s+HAM\))?", "ombudsman", "national",
     "komnas_ham", "Komnas HAM"),
    (r"Komnas\s+(?:Perempuan|Perlindungan\s+Anak|Anak)|Komisi\s+Nasional\s+Anti\s+Kekerasan\s+terhadap\s+Perempuan"
     r"(?:\s*\(Komnas\s+Perempuan\))?|Komisi\s+Yudisial(?:\s*\(KY\))?|Kompolnas", "ombudsman", "national",
     "commission", None),
    # military police: "Sub Denpom", "Denpom IV/4 Surakarta", "Pomdam Jaya"
    (r"(?:(?:Sub\s*)?Detasemen\s+Polisi\s+Militer\s*\((?:Sub\s*)?Denpom\)|(?:Sub\s*)?Denpom)(?:\s+[IVX]+/[\w-]+)?(?:\s+(?!Letda|Lettu|Kapten|Mayor|Serma|Serka|Sertu|Pelda|Peltu)" + _W + r")?|"
     r"Pomdam(?:\s+[IVX]+/" + _W + r"|\s+Jaya)?|Puspom\s+TNI(?:\s+AD)?", "military", None, "military:pom", None),
    (r"(?<![\w])LPSK(?![\w])|Lembaga\s+Perlindungan\s+Saksi\s+dan\s+Korban", "other", "national", "lpsk", "LPSK"),
    # national agencies the press names by acronym alone: counter-terrorism and intelligence in the deradicalisation
    # of terrorist inmates ("dengan bantuan BNPT, Densus 88, hingga BIN"), the civil-service commission in
    # election-neutrality stories ("BIN" inside a name in capitals, "ANDI BIN LATIF", is the patronymic)
    (r"(?<![\w])(?P<body>BNPT|KASN|BPKP|BPOM|Basarnas|PPATK|(?<![A-Z][A-Z]\s)BIN(?!\s+[A-Z]{2}))(?![\w])",
     "other", "national", "agency", None),
    # the civil-society bodies that watch prisons and speak in their stories (the press names most by acronym;
    # the full names go with their acronyms, a regional chapter with its place: "Kontras Sumut", "PKBI Bengkulu")
    (r"(?:Komisi\s+untuk\s+Orang\s+Hilang\s+dan\s+Korban\s+Tindak\s+Kekerasan\s*\((?P<acr>Kontras|KontraS)\)|"
     r"Institute\s+for\s+Criminal\s+Justice\s+Reform\s*\(ICJR\)|Indonesia\s+Corruption\s+Watch\s*\(ICW\)|"
     r"Indonesia\s+Police\s+Watch\s*\(IPW\)|Komisi\s+Perlindungan\s+Anak\s+Indonesia\s*\(KPAI\)|"
     r"Lembaga\s+Perlindungan\s+Anak\s+Indonesia\s*\(LPAI\)|"
     r"Perkumpulan\s+Keluarga\s+Berencana\s+Indonesia\s*\(PKBI\)|"
     r"(?<![\w(])(?P<body>" + _NGO_ACRONYMS + r"|Setara\s+Institute|Amnesty\s+International(?:\s+Indonesia)?)(?![\w]))"
     r"(?:\s+(?:Daerah\s+|Provinsi\s+|Kabupaten\s+|Kota\s+)?(?P<region>REGION))?", "other", None, "ngo", None),
    (r"BPJS\s+(?P<body>[Kk]esehatan|[Kk]etenagakerjaan)" + _BRANCH + r"|Badan\s+Penyelenggara(?:an)?\s+Jaminan\s+Sosial(?:\s*\(BPJS\))?\s+"
     r"(?P<body2>Kesehatan|Ketenagakerjaan)" + _BRANCH.replace("branch", "branch2") + r"|BPJS(?![\w])|BPJamsostek(?![\w])", "health",
     "national", "bpjs", None),
    # a party named as a politician's affiliation: "politikus PDI Perjuangan", "Politisi PAN"
    (r"(?<=[Pp]olitikus\s)(?:Partai\s+)?(?P<body>PDI\s+Perjuangan|PDI-?P|Golkar|Gerindra|PKB|PKS|Nas[Dd]em|"
     r"Demokrat|PAN|PPP|Hanura|Perindo|PSI)(?![\w])|"
     r"(?<=[Pp]olitisi\s)(?:Partai\s+)?(?P<body2>PDI\s+Perjuangan|PDI-?P|Golkar|Gerindra|PKB|PKS|Nas[Dd]em|"
     r"Demokrat|PAN|PPP|Hanura|Perindo|PSI)(?![\w])|"
     r"(?:Fraksi\s+(?:Partai\s+)?|F-)(?P<body3>PDI\s+Perjuangan|PDI-?P|Golkar|Gerindra|PKB|PKS|Nas[Dd]em|Demokrat|PAN|"
     r"PPP|Hanura|Perindo|PSI)(?![\w])", "other", "national", "party", None),
    (r"(?:Rumah\s+Detensi\s+Imigrasi\s*(?:\(Rudenim\))?|Rudenim)\s+(?P<region>REGION|" + _W + r")", "ministry", "regency",
     "rudenim", None),
    (r"(?:Kantor\s+Imigrasi|Kanim)(?:\s+Kelas\s+[I]+(?:\s+[A-Z]{1,3})?)?(?:\s+TPI)?\s+(?P<region>REGION|" + _W + r")",
     "ministry", "regency", "kanim", None),
    (r"(?:Kantor\s+Kementerian\s+Agama|Kantor\s+Kemenag|Kemenag)\s+(?:Kota\s+|Kabupaten\s+)?(?P<region>REGION|" + _W +
     r")", "ministry", "regency", "kemenag_office", None),
    (r"(?:Perum\s+LKBN\s+|LKBN\s+|Biro\s+|Kantor\s+Berita\s+|kantor\s+berita\s+)Antara(?:\s+News)?(?:\s+(?P<region>REGION))?(?![\w])"
     r"|Antara\s+News(?:\s+(?P<region2>REGION))?", "media",
     None, "antara", None),
    (r"(?:Majelis\s+Ulama\s+Indonesia\s*(?:\(MUI\))?|MUI)(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?"
     r"(?P<region>REGION))?(?![\w])", "other", None, "mui", None),
    # universities the press names by their acronym alone ("Unila teken MoU dengan Lapas")
    (r"(?<![\w])(?P<body>Unila|Unsri|Unhas|Unpad|Undip|Unair|UGM|Unej|Untan|Unand|Unri|Unsyiah|Unram|Unud|Unmul|"
     r"Unsrat|Unpatti|Uncen|Unib|Unja|Untad|Unima|Unnes|Unesa|Unimed|Unsoed|Untirta|Unhalu|Unsulbar|Unkhair|Unipa|"
     r"Unmus|Ubaya|Unpar|Unisba|Unimus|UMY|UMS|UMM|UII)(?![\w])", "education", None, "education", None),
    # the regional leaders' forum, named with its place: "Forkopimda Lamongan", "unsur Forkopimda Provinsi Sultra"
    (r"(?:Forum\s+Ko(?:munikasi|ordinasi)\s+Pimpinan\s+Daerah(?:\s*\((?P<acr>Forkopimda)\))?|[Ff]orkopimda|[Ff]orkompimda|[Ff]orkominda)"
     r"\s+(?:Provinsi\s+|Propinsi\s+|Kabupaten\s+|Kota\s+|Kab\.\s*)?(?P<region>REGION)", "local_government", None, "forkopimda",
     None),
    (r"(?<![\w])(?:BLK|BPVP)\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+|Kab\.\s*)?(?P<region>REGION)", "local_government", None,
     "blk", None),
    (r"(?:Tim\s+Penggerak\s+(?:PKK|Pemberdayaan\s+Kesejahteraan\s+Keluarga)|TP[\s-]*PKK|PKK(?![\w]))(?:\s*\((?P<acr>TP[\s-]*PKK)\))?"
     r"(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+|Kab\.\s*)?(?P<region>REGION))?", "other", None, "pkk", None),
    (r"(?:Badan\s+Amil\s+Zakat\s+Nasional(?:\s*\(Baznas\))?|Baznas)(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?(?P<region>REGION))?",
     "other", None, "baznas", None),
    (r"(?:Palang\s+Merah\s+Indonesia\s*(?:\(PMI\))?|PMI)(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?"
     r"(?P<region>REGION))?(?![\w])", "health", None, "pmi", None),
    # companies; banks and state firms by brand, with the branch a prison deals with ("BRI Unit Genteng")
    (r"(?:PT|CV|UD)\s+(?P<body>" + _W + r"(?:\s+" + _W + r"){0,4})", "company", None, "company", None),
    (r"Bank\s+(?P<body2>BRI|BNI|Mandiri|BTN|BSI|Syariah\s+Indonesia|Rakyat\s+Indonesia|Negara\s+Indonesia|"
     r"Tabungan\s+Negara|" + _W + r")(?:\s*\((?P<acr>[A-Z]{2,6})\))?" + _BRANCH + _AT_PLACE, "company", None, "company",
     None),
    (r"(?P<body3>BRI|BNI|BTN|BSI|Pertamina|PLN|Telkom|Telkomsel|Pegadaian|Bulog|Jasa\s+Raharja|Taspen|Asabri|"
     r"Pos\s+Indonesia|Angkasa\s+Pura|Pelindo)(?![\w])" + _BRANCH + _AT_PLACE, "company", None, "company", None),
    (r"(?:Yayasan|Lembaga\s+Bantuan\s+Hukum|LBH|Pondok\s+Pesantren|Ponpes|Pesantren|Perkumpulan|Gerakan\s+Nasional\s+Anti|"
     r"Granat|Panti\s+(?:Asuhan|Sosial|Jompo|Werdha|Rehabilitasi)|Lembaga\s+Pelatihan\s+Kerja|"
     r"Lembaga\s+Kursus(?:\s+dan\s+Pelatihan)?|LKP|LSM|Komunitas|Gereja|Jemaat|Paroki|Keuskupan(?:\s+Agung)?|"
     r"Majelis\s+Ta'?lim|Sanggar|Paguyuban|Kelompok\s+(?:Wanita\s+)?Tani|Gapoktan|Poktan|"
     r"UMKM" + _NOT_OWN + r"|UKM" + _NOT_OWN + r"|Koperasi" + _NOT_OWN + r"|"
     r"Dewan\s+Dakwah\s+Islamiyah\s+Indonesia(?:\s*\(DDII\))?)"
     r"(?#notrig)(?:\s*\((?:LBH|Ponpes|PP|LKP|LPK|LSM)\))?\s+"
     r"(?P<body>" + _W + r"(?:\s+" + _W + r"){0,4})" + _PAREN + _AFTER_ACR, "other", None, "civil", None),
    (r"Perpustakaan\s+Nasional(?:\s+(?:RI|Republik\s+Indonesia))?(?:\s*\(Perpusnas\))?|Perpusnas(?![\w])", "ministry",
     "national", "perpusnas", "Perpustakaan Nasional"),
    # mass, religious and professional bodies by their usual names, with the branch of the place
    (r"(?P<body>PCNU|PWNU|Nahdlatul\s+Ulama|Muhammadiyah|"
     r"GP\s+Ansor|Gerakan\s+Pemuda\s+Ansor|Fatayat\s+NU|Muslimat\s+NU|LDII|FKUB|Forum\s+Kerukunan\s+Umat\s+Beragama|"
     r"PHDI|Parisada\s+Hindu\s+Dharma\s+Indonesia|Walubi|HKBP|GPIB|GMIM|Dekranasda|Dewan\s+Kerajinan\s+Nasional\s+"
     r"Daerah|KONI|PWI|Persatuan\s+Wartawan\s+Indonesia|Kadin|HIPMI|PGRI|Kwarcab|Kwarda|Kwartir\s+(?:Cabang|Daerah)|"
     r"Karang\s+Taruna|Gerakan\s+Pramuka|Ikatan\s+Dokter\s+Indonesia|IDI|SMSI|JMSI|IWO|AJI|Peradi|Lazismu|Lazisnu|LAZISNU|Dompet\s+Dhuafa|Rumah\s+Zakat)"
     + _PAREN +
     r"(?#notrig)(?:\s+(?:Provinsi\s+|Kabupaten\s+|Kota\s+|Kab\.\s*|Cabang\s+|Wilayah\s+|Daerah\s+)?(?P<region>REGION))?"
     r"(?![\w])", "other", None, "mass_org", None),
    # the sub-district religious affairs office that weds inmates and teaches them: "KUA Kecamatan Genteng"
    (r"(?:Kantor\s+Urusan\s+Agama\s*(?:\(KUA\)\s*)?|KUA\s+)(?:Kecamatan\s+|Kec\.\s*)?(?P<body>" + _W +
     r"(?:\s+" + _W + r")?)", "ministry", "district", "kua", None),
    # media named by brand: "RRI Jember", "(LPP) TVRI Jawa Timur", "Radar Banyuwangi", "Tribun Timur"; a byline,
    # dateline or quote credit is not an actor (see _MEDIA_SOURCE). One family per brand shape, each opening with a
    # letter, so that the engine skips ahead to it (see _has_prefix)
    (r"RRI(?:\s+(?:Stasiun\s+)?(?P<region>REGION))?(?![\w])", "media", None, "media", None),
    (r"TVRI(?:\s+(?:Stasiun\s+)?(?P<region>REGION))?(?![\w])", "media", None, "media", None),
    (r"(?:Radio|Televisi)\s+Republik\s+Indonesia(?:\s*\((?P<acr>RRI|TVRI)\))?", "media", None, "media", None),
    (r"Jawa\s+Pos\s+Radar\s+(?:REGION|" + _W + r")(?![\w])|Radar\s+(?:REGION|" + _W + r")(?![\w])|"
     r"Tribun\s+(?:REGION|" + _W + r")(?![\w])|Jawa\s+Pos(?![\w])", "media", None, "media", None),
    # village and sub-district governments that host or receive inmates: "Pemerintah Desa Sumberrejo", "Pemdes X"
    (r"(?:Pemerintah\s+(?:Desa|Kecamatan|Kelurahan)|Pemdes|Pemkec|(?<=[Pp]ihak\s)(?:Desa|Kelurahan|Kecamatan))\s+"
     r"(?P<body>" + _W + r"(?:\s+" + _W + r")?)",
     "local_government", "district", "village", None),
]

_SPECS += [
    # a directorate of a directorate general, named as a body: "Direktorat Pengamanan dan Intelijen (Dir Pam
    # Intel)"; last, so that "Direktorat Reserse Narkoba Polda Aceh" stays with the Polda read before it
    (r"Direktorat\s+(?!Jende?ral)(?P<body>" + _W + r"(?:\s+(?:dan\s+)?(?!(?:Ditjen|Dirjen|Kemen|Kementerian|Kementrian)"
     r"\w*(?![\w]))" + _W + r"){0,6})" + _PAREN,
     "ministry", "national", "ditjen", None),
    # a bare "Polres" / "Kodim" in a list or at a sentence end: the unit of the place the story is about
    (r"(?:Polres(?:ta|tabes)?|Polsek)(?=\s*[,.;:)]|\s+[a-z])(?!\s+(?:se-|jajaran|dan\s+jajaran|setempat))", "police",
     None, "police:bare", None),
    (r"(?:Pemprov|Pemkab|Pemkot|Pemko|Pemda)(?=\s*[,.;:)]|\s+[a-z])(?!\s+(?:se-|setempat))", "local_government", None,
     "pemda:bare", None),
    (r"(?:Kodim|Korem)(?=\s*[,.;:)]|\s+[a-z])(?!\s+(?:se-|jajaran))", "military", None, "military:bare", None),
]

_UNIT_OF_POLICE = re.compile(r"\s+[A-Z]\w+\s+(?:Polres\w*|Polda|Polsek\w*|Kepolisian)(?![\w])")
_GENERIC_ACR = re.compile(
    r"(?P<long>(?:Dinas|Badan|Lembaga|Komisi|Dewan|Yayasan|Pusat|Balai|Kantor|Direktorat|Fakultas|Perkumpulan|"
    r"Ikatan|Persatuan|Himpunan|Majelis|Forum|Gerakan|Jamaah|Jemaah|Asosiasi|Koperasi|Universitas|Sekolah|Institut|"
    r"Perusahaan|Satuan|Organisasi|Serikat|Aliansi|Komite|Korps|Sekretariat|Kepolisian|Pengadilan)"
    r"(?:\s+(?:dan\s+|serta\s+|,\s*)?[A-Z][\w'’-]*){1,10})\s*\((?P<acr>[A-Z][A-Za-z0-9]{1,12})\)"
    r"(?:\s+(?P<region>[A-Z]\w+(?:\s+[A-Z]\w+)?))?")


_NOT_FIRST = {"REGION", "Kota", "Kabupaten", "Kab", "Provinsi", "Prov", "RI", "Republik", "HAM", "Hak", "Ham",
              "Barat", "Timur", "Utara", "Selatan", "Tengah", "Metro", "Negara", "Rakyat", "Syariah", "Kesehatan",
              "Ketenagakerjaan", "Pemasyarakatan", "Imipas", "AD", "AL", "AU", "Angkatan", "Aceh", "Papua", "Daerah",
              "Pem", "Ka", "Ma", "AKP", "Aiptu", "Ipda", "Kompol", "Perwakilan", "DP"}
_EXTRA_FIRST = {"ditjenpas": {"Ditjen", "Dirjen", "ditjen"}, "kemenkumham": {"kementerian", "kementrian"},"police:polda": {"Polda", "Kapolda", "polda"}, "police:polres": {"Polres", "polres"}, "police:polri": {"polri"},
                "prosecutor:kejari": {"Kajari"}, "prosecutor:kejati": {"Kajati"}, "police:polsek": {"Polsek", "polsek"},
                "military:tni": {"TNI"}, "kpk": {"KPK"}, "lpsk": {"LPSK"}, "ombudsman": {"Ombudsman"},
                "dinas_acr": {"DP3A"}, "pemda": {"Pemerintah", "emerintah", "Pemko"}, "corrections_office": {"Kanwil", "Kemenkumham"},
                "police:brimob": {"Brimob"}, "kemenimipas": {"grasi", "mipas"}, "party": {"oliti", "Fraksi", "F-"}, "customs": {"Bea"}, "government": {"emerintah"}, "police:bare": {"Polres", "Polsek"},
                "military:bare": {"Kodim", "Korem"}, "military:pom": {"Denpom", "Detasemen"}, "kanwil_province": {"anwil"}, "election:kpps": {"KPPS"}, "election:bawaslu": {"awaslu"}, "forkopimda": {"orkopimda", "orkompimda", "orkominda"}, "media": {"Radar"}}


def _group_end(pat: str, i: int) -> int:
    """The index after the group that opens at pat[i] == "(" (escapes and character classes skipped)."""
    depth, k = 0, i
    while k < len(pat):
        c = pat[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            k += 1
            if k < len(pat) and pat[k] == "]":
                k += 1
            while k < len(pat) and pat[k] != "]":
                k += 2 if pat[k] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return len(pat)


_NO_TRIGGER = re.compile(r"\(\?<?[=!]|\(\?#notrig\)")


def _trigger_source(pat: str) -> str:
    r"""The pattern without what never starts a match: lookarounds ("Balai(?!\s+Pemasyarakatan)", "(?!Senin)") and
    optional tails marked "(?#notrig)" (a bank's "Kantor Cabang X"); their words are no triggers."""
    out, i = [], 0
    for m in _NO_TRIGGER.finditer(pat):
        if m.start() < i:
            continue
        out.append(pat[i:m.start()])
        i = _group_end(pat, m.start()) if m.group().endswith(("=", "!")) else _group_end(pat, m.end())
    out.append(pat[i:])
    return "".join(out)


def _triggers(pat: str, key: str) -> tuple[str, ...]:
    """Words one of which must occur in a text for the pattern to match there (a superset, checked as
    substrings): skipping patterns whose words are absent makes organisation finding ~5x faster."""
    words = set(re.findall(r"(?:^|\||\(\?:|\(\?P<\w+>)\s*(?:\(\?<!\[\\w\]\))?\s*(?:\(\?:)*([A-Z][A-Za-z]+)",
                           _trigger_source(pat)))
    words = (words - _NOT_FIRST) | _EXTRA_FIRST.get(key, set())
    return tuple(sorted(words))


_WORD_CH = re.compile(r"\w")


def _has_prefix(body: str) -> bool:
    r"""Whether the regex engine can skip ahead to a pattern's first letters (a literal or charset prefix):
    then the pattern is searched without its leading "(?<![\w])", which hides that prefix, and the word
    boundary is checked by hand; other patterns keep the lookbehind (the same matches either way)."""
    return engine_skips_ahead(body.replace("REGION", "X"))


# REGION without the 4,000-name alternation. The old pattern spliced every region name (and its UPPER
# form) into each of ~29 family patterns as "(?:longest|...|shortest)(?![\w])": 65 kB per pattern, ~4 s to
# compile them all and slow to search. Now REGION is a cheap capture of the shapes region names have (1-5
# capitalised words, "Kab.", "D.I.", an inner "dan"), checked against the registry by the regex engine
# itself: the text is searched with a sentinel and the list of the region names it contains appended
# ("text\x00\x01Jawa Timur\x01Banyuwangi\x01"), and a lookahead requires the captured words to be one of
# them. The capture backtracks from its longest end to shorter ones exactly as the alternation tried its
# names longest first, so every match (and every group) is the one the alternation gave.
_REGION_CAND = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|dan)){0,4}"
_SENTINEL, _SEP = "\x00", "\x01"
_CAND_AT = re.compile(_REGION_CAND)
_HEADS = re.compile(r"[A-Z][\w'’.-]*")
_WS = re.compile(r"\s+")


def _region_sub(n: int) -> str:
    g = f"_rg{n}"
    return (rf"(?P<{g}>{_REGION_CAND})(?![\w])"
            rf"(?=[^{_SENTINEL}]*{_SENTINEL}[^{_SENTINEL}]*?{_SEP}(?P={g}){_SEP})")


@lru_cache(maxsize=2)
def _region_forms(reg_id: int = 0) -> tuple[frozenset[str], frozenset[str]]:
    """Every region name and alias as written and in UPPER case (what REGION matches), and their first words."""
    reg = load_registry()
    forms = set()
    for r in reg.regions:
        for f in [r.name, *r.aliases]:
            forms.add(f)
            forms.add(f.upper())
    return frozenset(forms), frozenset(f.split(" ")[0] for f in forms)


def _region_occurrences(text: str) -> set[str]:
    """Each substring of text that the old alternation would match as a region: a name whose spaces are
    any whitespace, not followed by a word character. A name starts at a capital letter (inside a word
    too) with its first word: the whole run of name characters there, or (one-word names) a part of it
    that ends before a non-word character ("Banyuwangi" in "Banyuwangi-nya"); those first words are
    looked up as sets, and the names are read only where one occurs."""
    forms, firsts = _region_forms()
    heads = set(_HEADS.findall(text))  # the runs of name characters from each word's first capital
    for h in list(heads):
        if not h[1:].islower():  # capitals inside ("BNNK", "KotaBatu"): a name may start at each
            heads.update(h[i:] for i in range(1, len(h)) if "A" <= h[i] <= "Z")
    starts = set(firsts.intersection(heads))
    for h in heads:
        if "-" in h or "." in h or "'" in h or "’" in h:
            starts.update(h[:i] for i in range(1, len(h)) if not _WORD_CH.match(h, i) and h[:i] in firsts)
    out: set[str] = set()
    n = len(text)
    for first in starts:
        p = text.find(first)
        while p >= 0:
            cand = _CAND_AT.match(text, p).group()
            for e in range(len(first), len(cand) + 1):
                if cand[e - 1].isspace() or (p + e < n and _WORD_CH.match(text, p + e)):
                    continue  # a name never ends in a space, and "(?![\w])"
                s = cand[:e]
                if _WS.sub(" ", s) in forms:
                    out.add(s)
            p = text.find(first, p + 1)
    return out


def region_subject(text: str) -> str | None:
    """The string the region patterns search: text, the sentinel, and the region names found in it
    (None when the text itself holds a sentinel character: then the full alternation is used)."""
    if _SENTINEL in text or _SEP in text:
        return None
    occ = _region_occurrences(text)
    return text + _SENTINEL + _SEP + _SEP.join(sorted(occ)) + _SEP


class _LazyPattern:
    """Compiled on first use: an article only needs the families whose trigger words it contains.
    Region patterns search `region_subject(text)`; for a text that holds a sentinel character they fall
    back to the old pattern with the full name alternation (`fallback`, compiled only then)."""

    __slots__ = ("source", "bare", "_rx", "fallback", "_fb")

    def __init__(self, source: str, bare: bool = False, fallback: str | None = None):
        self.source = source
        self.bare = bare  # source lacks the leading word-boundary lookbehind: checked in search()
        self._rx = None  # the search function (nlp/regex_scan.py: skips to the pattern's first letters)
        self.fallback = fallback  # set for region patterns only
        self._fb = None

    def compile(self) -> None:
        if self._rx is None:
            self._rx = fast_search(re.compile(self.source))

    def search(self, text: str, pos: int = 0, subject: str | None = None) -> re.Match | None:
        """The first match in text at or after pos; region patterns need subject = region_subject(text)."""
        if self.fallback is not None and subject is None:
            if self._fb is None:
                self._fb = fast_search(re.compile(self.fallback))
            search, s = self._fb, text
        else:
            if self._rx is None:
                self._rx = fast_search(re.compile(self.source))
            search, s = self._rx, (subject if self.fallback is not None else text)
        m = search(s, pos)
        if self.bare:
            # "(?<![\w])": a match that starts inside a word is skipped, the search goes on one letter later
            while m is not None and m.start() > 0 and _WORD_CH.match(s, m.start() - 1):
                m = search(s, m.start() + 1)
        if m is not None and m.start() >= len(text):
            return None  # in the appended list of names, not in the text
        return m


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[_LazyPattern, str, str | None, str, str | None, tuple[str, ...]]]:
    out = []
    for pat, kind, level, key, name in _SPECS:
        bare = _has_prefix(pat)
        head = "(?:" if bare else r"(?<![\w])(?:"
        if "REGION" in pat:
            parts = pat.split("REGION")
            body = parts[0] + "".join(_region_sub(i) + part for i, part in enumerate(parts[1:]))
            body = body.replace("|$)", "|" + _SENTINEL + ")")  # the end of the text is now the sentinel
            assert "$" not in body, key
            lp = _LazyPattern(head + body + ")", bare, fallback=head + pat.replace("REGION", _region_re()) + ")")
        else:
            lp = _LazyPattern(head + pat + ")", bare)
        out.append((lp, kind, level, key, name, _triggers(pat, key)))
    return out


@lru_cache(maxsize=1)
def _trigger_finder() -> tuple[re.Pattern, dict[str, frozenset[str]], tuple[str, ...]]:
    """One pass over the text finds which trigger words occur (as substrings): the capitalised ones by one
    alternation, longest first, tried at every start (so "Kanwil" inside "Kakanwil" is seen too), each match
    standing also for the shorter triggers it begins with; the few lower-case ones by plain substring tests."""
    words = {w for c in _compiled() for w in c[5]}
    upper = sorted((w for w in words if w[0].isupper()), key=len, reverse=True)
    alt = re.compile("|".join(re.escape(w) for w in upper))
    starts = {m: frozenset(t for t in upper if m.startswith(t)) for m in upper}
    return alt, starts, tuple(sorted(w for w in words if not w[0].isupper()))


def _present_triggers(text: str) -> set[str]:
    alt, starts, lower = _trigger_finder()
    found = {w for w in lower if w in text}
    m = alt.search(text)
    while m is not None:
        found |= starts[m.group()]
        m = alt.search(text, m.start() + 1)
    return found


_LEVEL_WORD = {"provinsi": "province", "prov": "province", "kabupaten": "regency", "kab": "regency",
               "kota": "city", "daerah": "regency", "pemprov": "province", "pemkab": "regency", "pemkot": "city", "pemko": "city",
               "pemda": "regency", "gubernur": "province", "bupati": "regency", "walikota": "city",
               "wali kota": "city", "bnnp": "province", "bnnk": "regency"}
_NOT_REGION = set("""dan di yang untuk dalam pada dengan ke dari ini itu serta beserta bersama juga sebagai""".split())


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


_USE_TRIGGERS = True
_NOT_ORG_LONG = re.compile(r"^(?:Lembaga\s+Pemasyarakatan|Rumah\s+Tahanan|Balai\s+Pemasyarakatan|Lembaga\s+Pembinaan|"
                          r"Rumah\s+Penyimpanan|Kantor\s+Wilayah\s*$|Lembaga\s+Permasyarakatan)", re.IGNORECASE)


_DINAS_ACR = {"dinsos": "sosial", "dinkes": "kesehatan", "disnaker": "tenaga kerja", "dispora": "pemuda dan olahraga",
              "disdik": "pendidikan", "disdikpora": "pendidikan pemuda dan olahraga",
              "disnakertrans": "tenaga kerja dan transmigrasi", "disdikbud": "pendidikan dan kebudayaan", "diskominfo": "komunikasi dan informatika",
              "disdukcapil": "kependudukan dan pencatatan sipil", "dishub": "perhubungan",
              "disperindag": "perindustrian dan perdagangan", "disbudpar": "kebudayaan dan pariwisata",
              "dlh": "lingkungan hidup", "blh": "lingkungan hidup",
              "disparpora": "pariwisata pemuda dan olahraga", "ketenagakerjaan": "tenaga kerja", "naker": "tenaga kerja",
              "dukcapil": "kependudukan dan pencatatan sipil", "dispendukcapil": "kependudukan dan pencatatan sipil",
              "kependudukan dan catatan sipil": "kependudukan dan pencatatan sipil", "kominfo": "komunikasi dan informatika",
              "komunikasi informatika dan statistik": "komunikasi dan informatika", "sosial": "sosial"}
# acronyms of kinds of institution, not of one body: "Lembaga Pelatihan Kerja (LPK)", "Sekolah Dasar (SD)"
_TYPE_ACR = {"sd", "smp", "sma", "smk", "mi", "mts", "lpk", "opd", "lsm", "lpks", "lks", "upt", "umkm", "ukm", "pns",
             "asn", "bumn", "bumd", "tps", "dirjen", "ormas", "paud", "tk", "slb", "pt", "cv", "rs"}
_BANK = {"rakyat indonesia": "BRI", "negara indonesia": "BNI", "tabungan negara": "BTN", "syariah indonesia": "BSI"}
_GENERIC_FAMILIES = {"ministry", "ditjen", "dinas", "health", "education", "civil", "company", "media"}


# ranks that end in the force's name: "Brigadir Jenderal TNI", "Mayjen TNI", "Laksamana Pertama TNI"
_RANK_BEFORE = re.compile(r"(?:Jenderal|Jendral|Letjen|Mayjen|Brigjen|Laksamana|Laksma|Laksda|Laksdya|Marsekal|Marsma|"
                          r"Marsda|Marsdya|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Letnan|Serma|Serka|Sertu|Serda|"
                          r"Kopda|Kopka|Koptu|Pratu|Praka|Prada|Peltu|Pelda|Kol|Pertama|Muda|Madya|Satu|Dua)\.?\s*$",
                          re.IGNORECASE)
# a post a person held before ("mantan Ketua DPR RI", "Eks Kapolres"), a street ("Jalan Puskesmas Labuhan Ruku")
_FORMER_OR_STREET = re.compile(r"(?:(?<![\w])(?:[Mm]antan|MANTAN|[Ee]ks|[Bb]ekas)[\s-]+(?:[A-Z][\w.]*\s+){0,3}|"
                               r"(?<![\w])(?:Jalan|Jln?\.?|JL\.?)\s+)$")
# a probation office's adult-client section ("Kepala Seksi Bimbingan Klien Dewasa (BKD)", "Kasi BKD Bapas X"),
# not the regency's civil-service agency
_BAPAS_SECTION_BEFORE = re.compile(r"(?:Klien\s+Dewasa\s*\(|(?<![\w])(?:Kasi|Kasie|Seksi|Kasubsi|Subseksi)\s+)$")
# firearms issued to a body ("senjata api organik Polri/TNI", "non-organik TNI"): a class of weapons, no actor
_WEAPON_OWNER = re.compile(r"(?<![\w])(?:non-?)?organik\s+(?:\w+\s*/\s*)?$", re.IGNORECASE)
_LAW_MINISTRY = re.compile(r"Kem\w*um\s*(?:dan\s+)?HAM|Kemekumham|Hukum\s+dan\s+(?:HAM|Ham|Hak)", re.IGNORECASE)
_NATIONAL_HOUSE = re.compile(r"DPR(?![\w])|DPR\s+RI|Dewan\s+Perwakilan\s+Rakyat(?!\s+Daerah)|Senayan")


def _regional_house_only(text: str) -> bool:
    """A story of a regional council only (no DPR RI, no Senayan)."""
    return "DPRD" in text and not _NATIONAL_HOUSE.search(text)


# the legislatures listed as the ballots of an election ("Pemilihan Presiden/Wakil Presiden, DPR RI, DPD dan DPRD")
# and the ballots a voter marks ("bisa memilih anggota DPR RI", "mencoblos calon DPR provinsi, DPR RI hingga
# presiden")
_BALLOT_AFTER = re.compile(r"\s*(?:,|dan|serta|hingga)\s*(?:DPD|DPRD|[Pp]residen)(?![\w])")
_BALLOT_BEFORE = re.compile(r"(?:(?:[Pp]residen|DPR\s+RI|DPR\s+(?:[Pp]rovinsi|[Kk]abupaten|[Kk]ota)|DPD(?:\s+RI)?|"
                            r"DPRD(?:\s+\w+){0,2})\s*(?:,|dan|serta|/)\s*|(?:memilih|mencoblos|pemilihan|calon|"
                            r"surat\s+suara)\s+(?:anggota\s+|calon\s+)?)$")
_PLURAL_BEFORE = re.compile(r"(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|para|seluruh|"
                            r"semua|setiap|tiap|jajaran|antar|sejumlah|masing-masing)\s+$", re.IGNORECASE)
# photo credits and captions: "(Foto: Polda Jateng)", "(Dok. Humas Lapas X)", "Foto/Dok: ..." lines
_CREDIT = re.compile(r"\((?:Foto|FOTO|Photo|Dok|DOK|Dokumentasi|Sumber\s+[Ff]oto|Ilustrasi)\b[^()\n]{0,80}\)|"
                     r"^[ \t]*(?:Foto|FOTO|Dok|DOK)\s*[:/.][^\n]{0,120}", re.MULTILINE)
_MINISTRY_TAIL = re.compile(r"\s+(?:Kementerian|Kementrian|Kemenkum|Kemenimipas)")
_MINISTRY_ACR = re.compile(r"Kemenkumham|Kemenkum\s*HAM|Kemkumham|Kemenimipas")
_PAREN_TAIL = re.compile(r"\s*\(.*$")
_COMMISSION = {"komisi nasional anti kekerasan terhadap perempuan": "komnas perempuan",
               "komnas anak": "komnas perlindungan anak"}
_COUNTRY = {"ri": "indonesia", "republik indonesia": "indonesia", "as": "amerika serikat", "perancis": "prancis",
            "china": "tiongkok"}


class _Fake:
    """A match-like view with changed groups (a name cut short at its place)."""

    __slots__ = ("_g",)

    def __init__(self, groups: dict):
        self._g = groups

    def group(self, name):
        if name not in self._g:
            raise IndexError(name)
        return self._g[name]


_LIST_ITEM = re.compile(r"(?:\s*,\s*(?:dan\s+|serta\s+)?|\s+dan\s+|\s+serta\s+)(?P<r>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})")


def _province_list(reg: Registry, text: str, pos: int) -> list[tuple[int, int, str]]:
    """The provinces listed right after a name ending at pos (", Aceh, Riau dan Jambi"), each one's span; the list
    ends at the first item that is no province."""
    out = []
    while True:
        m = _LIST_ITEM.match(text, pos)
        if m is None:
            return out
        words = [w.rstrip(".") for w in m.group("r").split()]
        for k in range(len(words), 0, -1):
            cand = " ".join(words[:k])
            place = reg.region_by_key.get(norm_key(cand))
            if place is not None and place.kind == "province":
                s0 = m.start("r")
                e0 = text.index(words[k - 1], s0) + len(words[k - 1])
                out.append((s0, e0, cand))
                pos = e0
                break
        else:
            return out


def _body_region(reg: Registry, body: str) -> tuple[str, int, int] | None:
    """(region, end offset, start offset) of the first known place inside an open-ended Dinas name, after
    at least one subject word: "Arpus Jateng" -> ("Jateng", 12, 6)."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(body)]
    for i in range(1, len(toks)):
        for k in (3, 2, 1):
            if i + k > len(toks):
                continue
            cand = body[toks[i][1]:toks[i + k - 1][2]]
            if "," in cand.rstrip(","):
                continue
            cand = cand.rstrip(",")
            if norm_key(cand) in reg.region_by_key:
                return cand, toks[i][1] + len(cand), toks[i][1]
    return None


_TOKEN = re.compile(r"[^\s]+")


def find_hits(text: str, reg: Registry | None = None, taken: list[tuple[int, int]] | None = None,
              body_start: int = 0, headlines: list[tuple[int, int]] | None = None) -> list[OrgHit]:
    """All organisation mentions, first pattern wins on overlapping spans. Open-ended families
    (Dinas X, PT X, Yayasan X) are not read in a Title Case headline (before body_start), where
    every word is capitalised and the name has no end; the body names them properly."""
    reg = reg or load_registry()
    occupied: list[tuple[int, int]] = list(taken or [])
    hits: list[OrgHit] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in occupied)

    def in_headline(a: int) -> bool:
        return any(s <= a < e for s, e in headlines or ())

    teasers = _teaser_spans(text)
    if "oto" in text or "Dok" in text or "OTO" in text:  # "(Foto / Kemenkumham Jatim)": a credit, not an actor
        teasers += [(m.start(), m.end()) for m in _CREDIT.finditer(text)]

    present = _present_triggers(text)  # the trigger words in the text, found once for all families
    subject: str | None = None  # what region patterns search (region_subject), built on first need
    for rx, kind, level, key, name, trig in _compiled():
        if _USE_TRIGGERS and present.isdisjoint(trig):
            continue
        if rx.fallback is not None and subject is None:
            subject = region_subject(text)
        pos = 0
        while True:
            m = rx.search(text, pos, subject)
            if m is None:
                break
            pos = max(m.end(), m.start() + 1)
            a, b = m.start(), m.end()
            span = text[a:b]
            while span and span[-1] in " ,.;:":
                b -= 1
                span = span[:-1]
            if key == "dinas":
                cut = _LIST_BREAK.search(span)
                if cut:  # "Dinas Kominfo, Dinkes, DLH, dan Dinsos": a list of bodies, not one name
                    hits += _list_items(text, a + cut.start(), m.end(), occupied)
                    b = a + cut.start()
                    span = text[a:b]
                    pos = b + 1  # the next items are read again ("Dinas A, Dinas B (DB)")
                    m = None
                cut_n = _holder_cut(text, a, b, span)
                if cut_n is not None:  # "Kepala Dinas Perhubungan, Markus Widodo, mengatakan": the holder's name
                    b = a + cut_n
                    span = text[a:b]
                    m = None
            if b <= a or not free(a, b) or "\n" in span:
                continue  # a name never runs across a line break ("DPRD\nKepala ...")
            if any(s <= a < e for s, e in teasers):
                continue
            if key in _GENERIC_FAMILIES and (a < body_start or in_headline(a)):
                continue
            if key == "ditjenpas" and span.startswith(("Dirjen", "Direktur")):
                cut_m = _MINISTRY_TAIL.search(span)
                if cut_m:  # "Dirjen Pemasyarakatan Kementerian Hukum dan HAM": a post, then its ministry
                    b = a + cut_m.start()
                    span = text[a:b]
                    m = None
            if key == "ditjenpas" and m is not None and _g(m, "acr") and _MINISTRY_ACR.fullmatch(m.group("acr").strip()):
                cut_m = _MINISTRY_TAIL.search(span)
                if cut_m:  # "Ditjen Pemasyarakatan Kementerian Hukum dan HAM (Kemenkumham)": the acronym is the
                    b = a + cut_m.start()  # ministry's, which is read as a body of its own
                    span = text[a:b]
                    m = None
            if key == "party" and text[a - 1:a] == "(":
                continue  # "Ria Atifa (Fraksi PDIP)": a member's affiliation tag, not a body in the story
            if key == "bnn_bare_level" and text[a - 1:a] == "(":
                continue  # "Badan Narkotika Provinsi (BNNP) Lampung": the acronym of a name already read
            if _FORMER_OR_STREET.search(text[max(0, a - 60):a]):
                continue  # "Mantan Menteri ESDM, Jero Wacik", "di Jalan Puskesmas": no actor of the story
            if kind in ("police", "military") and _WEAPON_OWNER.search(text[max(0, a - 30):a]):
                continue
            if key == "dinas_acr" and span.startswith("BKD") and _BAPAS_SECTION_BEFORE.search(text[max(0, a - 30):a]):
                continue
            if key == "education" and span.startswith("Fakultas") and m is not None and _g(m, "body") and \
                    _ministry_words(m.group("body")) and not any(w.isupper() for w in m.group("body").split()):
                continue  # "Wakil Dekan Fakultas Hukum": a faculty of a university the story names elsewhere
            if key in ("dpr", "dpd", "dprd") and (_BALLOT_AFTER.match(text, b) or _BALLOT_BEFORE.search(text[max(0, a - 30):a])):
                continue  # "surat suara Presiden, DPR RI, DPD, DPRD Provinsi": the ballots of an election, no body
            if key == "military:tni" and _RANK_BEFORE.search(text[max(0, a - 40):a]):
                continue  # "Mayjen TNI (Purn) Andi ...": the force is part of a rank, no actor
            if key in ("police:bare", "military:bare", "pemda:bare") and _PLURAL_BEFORE.search(text[max(0, a - 20):a]):
                continue  # "empat Polres", "jajaran Polsek": many units, none named
            if key == "pemda:bare" and text[a - 1:a] == "(":
                continue  # "setiap pemerintah daerah (Pemda)": the acronym of a common noun
            region = (_g(m, "region") or _g(m, "region2")) if m is not None else None
            if region and norm_key(region) in _NOT_REGION:
                continue
            if key == "police:polres" and region == "Pelabuhan":
                key = "police:bare"  # "Polres Pelabuhan" beside "Polres Pelabuhan Makassar": the port station
            if key == "kanwil_province":
                place = reg.region_by_key.get(norm_key(region or ""))
                if place is None or place.kind != "province":
                    continue  # "Kanwil Kemenag Sleman", "Kanwil Jakarta Selatan": no province, no corrections office
                key = "corrections_office"
                more = _province_list(reg, text, b)
                if more and free(a, more[-1][1]):
                    # "petugas kanwil Sumatera Utara, Aceh, Riau dan Jambi": one office per province listed
                    head_word = "Kantor Wilayah" if span.startswith("Kantor") else span.split()[0]
                    for s0, e0, r0 in more:  # the alias as the list means it: "kanwil Aceh"
                        hits.append(OrgHit(s0, e0, f"{head_word} {r0}", kind, level, r0, "corrections_office"))
                        occupied.append((s0, e0))
            if key == "dpr_komisi" and not span.endswith(("DPR", "RI", ")")) and "Dewan" not in span and \
                    _regional_house_only(text):
                continue  # "Ketua Komisi III" in a story of a regional council names its commission, not the DPR's
            if key == "dinas" and m is not None and not region and _g(m, "body"):
                # "Dinas Arpus Jateng", "Dinas Ketenagakerjaan Lamongan, Zamroni": the place ends the name
                cut_r = _body_region(reg, m.group("body"))
                if cut_r is not None:
                    b = m.start("body") + cut_r[1]
                    span = text[a:b]
                    region = cut_r[0]
                    m = _Fake({"body": m.group("body")[:cut_r[2]].rstrip(" ,"), "region": region})
            lvl_word = ((_g(m, "lvl") or _g(m, "lvl2") if m is not None else "") or "").lower().replace(".", "")
            lvl = level or _LEVEL_WORD.get(" ".join(lvl_word.split()))
            if key == "pemda" and region and region.split()[0].lower() in ("kota", "kabupaten", "provinsi"):
                lvl = _LEVEL_WORD[region.split()[0].lower()]  # "Pemda Kota Banjar" is the city's government
            acr = (_g(m, "acr") or _g(m, "acr2")) if m is not None else None
            body = _g(m, "body") if m is not None else span.split(None, 1)[1] if " " in span else None
            fam = key
            if key in ("company", "bpjs") and m is not None:
                body = body or _g(m, "body2") or _g(m, "body3") or _g(m, "acr")
            if key == "bpjs" and span.startswith("BPJamsostek"):
                body = "Ketenagakerjaan"
            if key == "media":
                # "Jawa Pos Radar Bali" = "Radar Bali", "Radio Republik Indonesia (RRI)" = "RRI", "RRI Jember" is RRI there
                body = acr or _JAWA_POS.sub("", span)
                body = body.split()[0] if body.startswith(("RRI", "TVRI")) else body
            if key == "company" and body:
                # "Bank Rakyat Indonesia (BRI)" = "BRI", "Bank Negara Indonesia" = "BNI"
                body = acr or _BANK.get(norm_key(body), body)
            if key in ("bnn",):
                a_ = (acr or "").upper()
                if not lvl and a_ == "BNN" and region:
                    # "Badan Narkotika Nasional (BNN) Kalteng" is the "BNN Kalteng" of the next sentence: the
                    # acronym gives no level, the place does (as for "BNN Jabar" below)
                    place = reg.region_by_key.get(norm_key(region))
                    lvl = "province" if place is not None and place.kind == "province" else "regency"
                if not lvl:
                    lvl = "province" if a_ == "BNNP" or span.startswith("BNNP") else "regency"
                    if lvl_word == "kota" or " Kota " in span:
                        lvl = "city"
            if key == "bnn" and region and span[:4] in ("BNNP", "BNNK") and not lvl_word and \
                    not _known_region(reg, region):
                # "Kabid Rehabilitasi BNNP Josrijal": the word after the acronym is a person, not a place
                key = fam = "bnn_bare_level"
                b = a + 4
                span = text[a:b]
                region = None
            if key == "bnn_place":
                # "BNN Jabar": the unit of that place, provincial when the place is a province
                place = reg.region_by_key.get(norm_key(region or ""))
                lvl = "province" if place is not None and place.kind == "province" else "regency"
                fam = "bnn"
            if key == "bnn_bare_level":
                lvl = "province" if span.startswith("BNNP") or lvl_word.startswith("prov") else "regency"
            if key == "ministry" and body and not _ministry_words(body) and not _MINISTRY_NAMED.fullmatch(body):
                continue  # "Menteri Agus", "Menteri Inggris": a person or a country, not a ministry
            if key == "media" and _media_source(text, a, b):
                continue
            if key == "education" and body and span.startswith(("Pascasarjana", "Program")):
                body = "pascasarjana " + body  # "Pascasarjana UINSU" is a school of UINSU, not UINSU
            if key in ("ministry", "ditjen", "dinas", "health", "education", "civil", "company", "mass_org", "kua", "village",
                       "agency") and body:
                fam = f"{key}:{norm_key(body)}"
                if key == "dinas":
                    fam = f"dinas:{_DINAS_ACR.get(norm_key(body), norm_key(body))}"
                if key == "dinas" and span.startswith("Badan"):
                    fam = f"badan:{norm_key(body)}"
                elif key == "dinas" and span.startswith("Balai"):
                    fam = f"balai:{norm_key(body)}"
            elif key in ("bpjs", "media"):
                fam = f"{key}:{norm_key(body or 'national')}"
            elif key == "kemenag_full":
                fam = "ministry:kemenag"
            elif key == "blk":
                # "BLK Jember" is the "Balai Latihan Kerja (BLK) Kabupaten Jember" of the sentence before
                fam = "balai:latihan kerja" if span.startswith("BLK") else "balai:pelatihan vokasi dan produktivitas"
            elif key == "ngo":
                short = _NGO_ACR.search(span)
                fam = "ngo:" + (short.group(0).lower() if short else norm_key(span))
            elif key == "ministry_acr":
                short = norm_key(_MINISTRY_ACR_WORD.match(span).group()).replace(" ", "")
                fam = f"ministry:{_MINISTRY_ACR_BODY.get(short, short)}"
            elif key == "dinas_acr" and body:
                fam = f"dinas:{_DINAS_ACR.get(norm_key(body), norm_key(body))}"
            elif key == "commission":
                fam = norm_key(_PAREN_TAIL.sub("", span))
                fam = "commission:" + _COMMISSION.get(fam, fam)
            elif key == "police_unit":
                fam = f"police:{norm_key(body or span)}"
            elif key == "party":
                fam = f"party:{norm_key(body or _g(m, 'body2') or _g(m, 'body3') or span)}" if m is not None else "party"
            elif key == "government" and body:
                fam = f"government:{_COUNTRY.get(norm_key(body), norm_key(body))}"
            elif key == "military":
                head = re.search(r"\((\w+)\)", span) if span.startswith(("Komando", "Pangkalan")) else None
                word = head.group(1) if head else span.split()[0]
                fam = f"military:{norm_key(word).replace('danrem', 'korem').replace('dandim', 'kodim')}"
            if key in ("pemda", "pemda_title") and lvl in (None, "regency") and region:
                prov = reg.region_by_key.get(norm_key(region))
                if prov and prov.kind == "province":
                    lvl = "province"
                elif prov and prov.kind == "kota" and lvl is None:
                    lvl = "city"
            hits.append(OrgHit(a, b, span, kind, lvl, region, fam, name, acr))
            occupied.append((a, b))
    for m in _GENERIC_ACR.finditer(text):
        a, b = m.start(), m.end("acr") + 1
        if "\n" in text[a:b]:
            continue
        if not free(a, b) or _NOT_ORG_LONG.match(m.group("long")) or a < body_start or in_headline(a):
            continue
        if m.group("acr").lower() in _TYPE_ACR:
            continue  # a kind of institution ("menjadi Lembaga Pelatihan Kerja (LPK)"), no one body
        if _UNIT_OF_POLICE.match(text, b):
            continue  # "Satuan Reserse (Satres) Narkoba Polres X": a squad of the Polres read on its own
        region = m.group("region")
        if region and (norm_key(region) not in reg.region_by_key):
            region = None
        else:
            b = m.end() if region else b
        hits.append(OrgHit(a, b, text[a:b], "other", None, region, f"acr:{m.group('acr').lower()}", None,
                           m.group("acr")))
        occupied.append((a, b))
    hits.sort(key=lambda h: h.start)
    if headlines:
        # the headlines of other stories that pages list below the story ("Pemkot Palu Gandeng Yayasan ..."):
        # short lines of capitalised words, past the page head (title, kicker, photo caption)
        other = [(s, e) for s, e in headlines if s > body_start + 300 and _other_headline(text[s:e])]
        for h in hits:
            h.elsewhere = any(s <= h.start < e for s, e in other)
    return hits


# "Dinas Kominfo, Dinkes, ...": a comma followed by another body's head word ends the first name
_LIST_BREAK = re.compile(r",\s*(?:serta\s+|dan\s+)?(?=(?:Dinas|Badan|Balai|Kantor|Din[a-z]+|Dis[a-z]+|[A-Z]{2,}[a-z]*)"
                         r"(?:[\s,]|$))")
# the post right before a Dinas name: "Kepala Dinas X, Nama, ..." puts its holder after a comma
_POST_BEFORE = re.compile(r"(?:Kepala|Kadis|Sekretaris|Sekdis|Kabid|Kasi|Plt\.?)\s+$")
_NAME_WORD = re.compile(r"[A-Z][a-z'’]+\.?|[A-Z]\.")


def _holder_cut(text: str, a: int, b: int, span: str) -> int | None:
    """Where a Dinas name ends when its open-ended comma list swallowed the post holder's name: the name is
    preceded by a post ("Kepala", "Kadis"), its last comma item is 2-4 name-like words with no "dan" / "serta"
    (subject lists end in "... dan Olahraga") and a comma closes the apposition after it."""
    k = span.rfind(",")
    if k < 0 or text[b:b + 1] != "," or not _POST_BEFORE.search(text, max(0, a - 16), a):
        return None
    words = span[k + 1:].split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    return k


# the next "Dinas X" of a list: plain items are read only before it ("Dinas A, Pertanian, DLH, dan Dinas B")
_NEXT_HEAD = re.compile(r",\s*(?:serta\s+|dan\s+)?(?:Dinas|Badan|Balai)\s")
# "Baca juga: ..." teaser lines and the line right after a bare "Baca Juga:" link other stories
_TEASER = re.compile(r"^[ \t]*" + TEASER_MARKER + r"\s*:?[ \t]*(?:\n[ \t]*)*[^\n]*", re.MULTILINE | re.IGNORECASE)


# a menu of other stories' headlines: three or more "- " lines of five or more words ("- Polsek X Gelar ...")
_MENU = re.compile(r"(?:^[ \t]*-[ \t]+[A-Z0-9]\S*(?:[ \t]+\S+){4,}[ \t]*(?:\n|$)){3,}", re.MULTILINE)


_PLAIN_ITEM = re.compile(r"(?:,\s*|\s+)(?:dan\s+|serta\s+)?(?P<i>[A-Z][a-z]{3,}(?:\s+[A-Z][\w]*){0,2})(?=\s*(?:,|\s+dan\s|$))")


def _list_items(text: str, a: int, b: int, occupied: list[tuple[int, int]]) -> list[OrgHit]:
    """Plain items of a list that began with "Dinas X" ("..., Pertanian, DLH, Koprasi UMKM, dan Dinsos") are
    agencies too; acronyms and "Dinas Y" items are left to their own patterns."""
    out = []
    nxt = _NEXT_HEAD.search(text, a, b)
    if nxt is not None:
        b = nxt.start()
    for m in _PLAIN_ITEM.finditer(text[a:b]):
        item = m.group("i")
        if re.match(r"(?:Dinas|Badan|Kantor|Din[a-z]+|Dis[a-z]+)\b", item) or item.split()[0].isupper():
            continue
        s0 = a + m.start("i")
        e0 = s0 + len(item)
        out.append(OrgHit(s0, e0, item, "local_government", None, None, f"dinas:{norm_key(item)}"))
        occupied.append((s0, e0))
    return out


def _other_headline(line: str) -> bool:
    words = _LINE_WORD.findall(line)
    return 3 <= len(words) <= 16 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


_LINE_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _teaser_spans(text: str) -> list[tuple[int, int]]:
    menu = [(m.start(), m.end()) for m in _MENU.finditer(text)] if "\n- " in text else []
    if "aca" in text or "ACA" in text or "imak" in text or "ihat" in text or "erkait" in text:
        menu += [(m.start(), m.end()) for m in _TEASER.finditer(text)]
    return menu


# where a news outlet is the source of the report, not an actor in it: "kata X kepada Tribun Bali", "dilansir
# dari RRI", "Laporan Wartawan Tribun Jabar", "(Tribun Bali/Nama)", "SIDOARJO, Jawa Pos - ...", "TVRI Jambi • Sosial"
_MEDIA_SOURCE = re.compile(r"(?:(?<![\w])(?:[Kk]epada|[Dd]ihubungi|[Dd]itemui|[Dd]ikonfirmasi|konfirmasi|[Dd]ikutip|[Mm]engutip|"
                           r"[Dd]ilansir|[Mm]elansir|diterima|diwawancarai|[Ww]awancara|[Ww]artawan|[Ss]umber|Penulis|"
                           r"Editor|Reporter|Pewarta|tayangan|laman|situs|akun|kanal|COPYRIGHT|Copyright|Simak|Baca|"
                           r"[Jj]urnalis|[Kk]ontributor|[Cc]etak)(?:\s+(?:dari|oleh|dengan))?\s*:?|[(©]|"
                           r"^[ \t]*[A-Z][A-Z .]+,)\s*$", re.MULTILINE)
_JAWA_POS = re.compile(r"^Jawa\s+Pos\s+(?=Radar)")
_MEDIA_AFTER = re.compile(r"[ \t]*(?:[/|•]|[-–—][ \t]|\.[a-z]|\n|$)")


def _media_source(text: str, a: int, b: int) -> bool:
    """Most brand mentions in a news text credit the outlet that wrote it; only the rest name a partner."""
    return bool(_MEDIA_SOURCE.search(text, max(0, a - 40), a) or _MEDIA_AFTER.match(text, b))


def _ministry_words(body: str) -> bool:
    from nlp.facilities import _common_words

    common = _common_words()
    toks = [t for t in re.split(r"[\s,]+", body) if t and t.lower() not in ("dan", "serta")]
    return bool(toks) and all(t.lower() in common or t.isupper() for t in toks)


def _known_region(reg: Registry, region: str) -> bool:
    """A registered place, also when a lost space glued the next word on ("Pekanbarukarena")."""
    key = norm_key(region)
    if key in reg.region_by_key:
        return True
    return any(key[:n] in reg.region_by_key for n in range(len(key) - 3, 3, -1))


def _canon_region(reg: Registry, region: str | None, local: bool = False) -> tuple[str | None, str | None]:
    """("Jatim") -> ("Jawa Timur", "Jawa Timur"); unknown places are kept as written."""
    if not region:
        return None, None
    key = norm_key(region)
    r = reg.region_by_key.get(key)
    if r is None and " " not in key and len(key) > 7:
        # "Pekanbarukarena": a lost space glued the next word on; keep the known region it starts with
        for n in range(len(key) - 3, 3, -1):
            r = reg.region_by_key.get(key[:n])
            if r is not None:
                break
    if r and local and r.kind == "province":
        r = _local_regions(reg).get(key, r)
    if r:
        return r.name, r.province
    return " ".join(region.split()), None


# units that serve a regency or city: a place name shared with the province is the town ("Polresta Yogya" and
# "Kepolisian Resor Kota Yogyakarta" are one station, not the province DI Yogyakarta's)
_LOCAL_FAMILIES = {"police:polres", "prosecutor:kejari", "court:pn", "court:pa", "kanim", "kemenag_office", "rudenim"}


_LOCAL_CACHE: dict[int, tuple[Registry, dict]] = {}


def _local_regions(reg: Registry) -> dict:
    """Regencies and cities by every name they go by (the registry's own index keeps the province)."""
    hit = _LOCAL_CACHE.get(id(reg))
    if hit is not None and hit[0] is reg:
        return hit[1]
    out: dict = {}
    for r in reg.regions:
        if r.kind != "province":
            for f in [r.name, *r.aliases]:
                out.setdefault(norm_key(f), r)
    _LOCAL_CACHE[id(reg)] = (reg, out)
    return out


_ROMAN = {str(i): r for i, r in enumerate(
    "0 I II III IV V VI VII VIII IX X XI XII XIII XIV XV".split()) if i}
_NATIONAL_FORM = re.compile(r"(?<![\w])(?:RI|Republik|[Pp]usat)(?![\w])")
_NATIONAL_AFTER = re.compile(r"\s+(?:RI|Republik|[Pp]usat)(?![\w])")
_UNIT_NUMBER = re.compile(r"(\d[\d-]*(?:/[\w-]+)?)\s+\S")
_BNN_NATIONAL = re.compile(r"Badan\s+Narkotika\s+Nasional|BNN\s+(?:RI|Pusat)")
_FAMILY_NAME = {"police:polda": "Polda", "police:polres": "Polres", "police:polsek": "Polsek",
                "prosecutor:kejari": "Kejari", "prosecutor:kejati": "Kejati", "court:pn": "Pengadilan Negeri",
                "court:pt": "Pengadilan Tinggi", "court:pa": "Pengadilan Agama", "kanim": "Kantor Imigrasi",
                "kemenag_office": "Kemenag", "rudenim": "Rudenim", "law_office": "Kanwil Kemenkum", "immigration_office": "Kanwil Ditjen Imigrasi",
                "dprd": "DPRD"}


def resolve(hits: list[OrgHit], text: str, reg: Registry | None = None, article_province: str | None = None,
            sentence_of=None) -> list[Organization]:
    """Merge hits into organisations by normalised id; bare acronyms join a unit of their family."""
    reg = reg or load_registry()
    orgs: dict[str, Organization] = {}
    acr_to_id: dict[str, str] = {}
    pending_bare: list[OrgHit] = []
    for h in hits:
        region, province = _canon_region(reg, h.region, h.key in _LOCAL_FAMILIES)
        key = h.key
        name = h.name
        level = h.level
        if key == "corrections_office":
            province = province or (article_province if not region else None)
            if not province and region is None:
                province = article_province
            if province:
                region = province
            oid = f"corrections_office:{norm_key(province or region or 'unknown').replace(' ', '-')}"
            name = f"Kanwil Ditjenpas {province or region}" if (province or region) else "Kanwil Ditjenpas"
        elif key in ("bnn_bare", "bnn_bare_level", "police:bare", "military:bare", "pemda:bare"):
            pending_bare.append(h)
            continue
        elif key == "police:brimob":
            oid = key  # "Brimob" and "Sat Brimob Polda Sumut" in one story are one unit
        elif key == "bnn":
            lvl_word = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}.get(level or "", "")
            # BNNK serves a kabupaten or a kota: "BNNK Prabumulih" = "BNN Kota Prabumulih"
            oid = f"bnn:{'province' if level == 'province' else 'local'}:{norm_key(region or '')}"
            short = {"province": "BNNP", "regency": "BNNK", "city": "BNN Kota"}.get(level or "", "BNN")
            name = f"{short} {region}" if region else short
            _ = lvl_word
        elif key == "pemda" or key == "pemda_title":
            lvl = level or "regency"
            oid = f"local_government:{lvl}:{norm_key(region or '')}"
            word = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}.get(lvl, "Daerah")
            name = f"Pemerintah {word} {region}"
            level = lvl
        elif key in _FAMILY_NAME:
            oid = f"{h.kind}:{key.split(':')[-1]}:{norm_key(region or '')}"
            name = f"{_FAMILY_NAME[key]} {region}" if region else _FAMILY_NAME[key]
        elif key in ("election:kpu", "election:bawaslu", "election:panwaslu", "election:kpps", "ombudsman", "antara",
                     "mui", "baznas", "pmi"):
            base = {"election:kpu": "KPU", "election:bawaslu": "Bawaslu", "election:panwaslu": "Panwaslu",
                    "election:kpps": "KPPS",
                    "ombudsman": "Ombudsman RI",
                    "antara": "Antara", "mui": "MUI", "baznas": "Baznas", "pmi": "PMI"}[key]
            level = level or ("province" if region and province == region else ("regency" if region else "national"))
            oid = f"{key}:{norm_key(region or 'national')}" if key != "antara" else "media:antara"
            name = f"{base} {region}" if region else base
        elif key == "dpr_komisi":
            num = _ROMAN.get(h.region or "", h.region or "III")  # "Komisi Hukum DPR" is Komisi III
            oid = f"dpr:komisi:{num.lower()}"
            name = f"Komisi {num} DPR RI"
        elif key == "dpr":
            oid = f"dpr:{norm_key(region or 'ri')}"
            name = f"DPR {region}" if region else "DPR RI"
        elif key.startswith("military:") and key != "military:tni":
            # the number is the unit: "Kodim 0406 MLM" = "Kodim 0406", "Dandim 0304 Agam" = "Kodim 0304"
            num = _UNIT_NUMBER.match(h.region or "")
            oid = f"{key}:{norm_key(num.group(1) if num else h.region or '')}"
            unit = key.split(":")[1].capitalize()
            name = f"{unit} {h.region}" if h.region else unit
        elif key.startswith("acr:"):
            oid = key
            name = " ".join(h.text.split(" (")[0].split())
            if h.region:
                name = f"{name} {h.region}"
        else:
            # one Dinas per article and subject: "Dinas Sosial Provinsi" = "Dinsos Sulsel"
            oid = key if not region else f"{key}@{norm_key(region)}"
            name = name or " ".join(re.sub(r"\s*\([^)]*\)", "", h.text).split())
        if h.acronym and h.acronym.upper() == h.acronym.replace(" ", "").upper():
            acr_to_id.setdefault(h.acronym.strip(), oid)
        o = orgs.get(oid)
        if o is None:
            o = Organization(name=name, kind=h.kind, level=level, region=region, province=province, org_id=oid)
            orgs[oid] = o
        surface = " ".join(h.text.split())
        if surface not in o.aliases:
            o.aliases.append(surface)
        o.mentions.append(Mention(h.text, h.start, h.end, "ORG", sentence_of(h.start) if sentence_of else ""))
    # bare "BNN" / "BNNK": join the one BNN unit of the article, else the national BNN. But where the story spells the
    # national agency out ("diamankan Badan Narkotika Nasional (BNN)", "tim BNN Pusat dan BNNP Sumsel"), it is named
    # beside the unit, and "BNN" alone is that agency
    national_named = any(h.key == "bnn_bare" and _BNN_NATIONAL.match(h.text) for h in pending_bare)
    for h in pending_bare:
        if h.key in ("police:bare", "military:bare", "pemda:bare"):
            # a bare "Polres" joins the article's named Polres, else stands for the local unit
            word = h.text.split()[0]
            fam = {"Polsek": "polsek", "Kodim": "kodim", "Korem": "korem", "Pemprov": "province", "Pemkab": "regency",
                   "Pemkot": "city", "Pemko": "city", "Pemda": "regency"}.get(word, "polres")
            units = [o for o in orgs.values() if (o.org_id or "").startswith((f"police:{fam}:", f"military:{fam}:",
                                                                              f"local_government:{fam}:"))]
            if units:
                target = units[0]
            else:
                oid = f"{h.kind}:{fam}:"
                target = orgs.get(oid)
                if target is None:
                    target = Organization(name=word, kind=h.kind, level=None, org_id=oid)
                    orgs[oid] = target
            surface = " ".join(h.text.split())
            if surface not in target.aliases:
                target.aliases.append(surface)
            target.mentions.append(Mention(h.text, h.start, h.end, "ORG", sentence_of(h.start) if sentence_of else ""))
            continue
        units = [o for o in orgs.values() if o.kind == "bnn" and o.level != "national"]
        if h.key == "bnn_bare" and national_named:
            units = []  # the national agency is named in the story: a bare "BNN" is that agency
        if h.key == "bnn_bare_level":
            want = "province" if h.level == "province" else None
            units = [o for o in units if (want is None or o.level == want)]
        if h.key == "bnn_bare" and len(units) == 1:
            target = units[0]
        elif h.key == "bnn_bare_level" and units:
            target = units[0]
        elif h.key == "bnn_bare_level":
            # "melibatkan polisi, TNI dan BNNP": the provincial unit of the story, its place unwritten
            oid = f"bnn:{'province' if h.level == 'province' else 'local'}:"
            target = orgs.get(oid)
            if target is None:
                target = Organization(name=h.text.strip(), kind="bnn", level=h.level, org_id=oid)
                orgs[oid] = target
        else:
            target = orgs.get("bnn:national")
            if target is None:
                target = Organization(name="BNN", kind="bnn", level="national", org_id="bnn:national")
                orgs["bnn:national"] = target
        surface = " ".join(h.text.split())
        if surface not in target.aliases:
            target.aliases.append(surface)
        target.mentions.append(Mention(h.text, h.start, h.end, "ORG", sentence_of(h.start) if sentence_of else ""))
    # the acronym written first and the name in brackets after it: "UM (Universitas Negeri Malang)"
    for o in orgs.values():
        for mm in list(o.mentions):
            m = _ACRONYM_BEFORE.search(text, max(0, mm.start - 14), mm.start)
            if m and text.startswith(")", mm.end) and m.group(1) not in o.aliases:
                o.aliases.append(m.group(1))
                acr_to_id.setdefault(m.group(1), o.org_id or "")
    # an acronym defined in the article ("(DP3AP2KB)") used alone later joins its expansion
    for acr, oid in acr_to_id.items():
        o = orgs.get(oid)
        if o is None:
            continue
        for m in re.finditer(r"(?<![\w])" + re.escape(acr) + r"(?![\w])", text):
            if not any(mm.start <= m.start() < mm.end for oo in orgs.values() for mm in oo.mentions):
                o.mentions.append(Mention(acr, m.start(), m.end(), "ORG", sentence_of(m.start()) if sentence_of else ""))
    bare_dprd = orgs.get("local_government:dprd:")
    placed_dprd = [k for k in orgs if k.startswith("local_government:dprd:") and k != "local_government:dprd:"]
    if bare_dprd is not None and len(placed_dprd) == 1:
        _absorb(orgs, orgs[placed_dprd[0]], "local_government:dprd:")  # "DPRD" beside "DPRD Kaltim": that council
    komisi = [o for o in orgs.values() if (o.org_id or "").startswith("dpr:komisi:")]
    dpr = orgs.get("dpr:ri")
    if dpr is not None and len(komisi) == 1:
        # "Komisi III DPR RI menyambangi ... dukungan DPR RI": the house stands for its commission here
        _absorb(orgs, komisi[0], "dpr:ri")
    law = orgs.get("ministry:hukum")
    if law is not None and "kemenkumham" in orgs:
        # "Kementerian Hukum" beside "Kemenkumham": the name cut short, one ministry
        _absorb(orgs, orgs["kemenkumham"], "ministry:hukum")
    for fam in ("election:kpu", "election:bawaslu"):
        # a bare "KPU" / "Bawaslu" beside the one local commission the story names ("KPU Depok menetapkan ...
        # kata Ketua KPU") is that commission; "KPU RI" and "KPU pusat" stay the national one
        bare_o = orgs.get(f"{fam}:national")
        placed = [k for k in orgs if k.startswith(fam + ":") and k != f"{fam}:national"]
        if bare_o is not None and len(placed) == 1 and not any(_NATIONAL_FORM.search(a) for a in bare_o.aliases) and \
                not any(_NATIONAL_AFTER.match(text, mm.end) for mm in bare_o.mentions):
            _absorb(orgs, orgs[placed[0]], f"{fam}:national")
    regional = [o for o in orgs.values() if o.kind == "corrections_office" and o.level == "province"
                and o.region and not o.org_id.endswith(":unknown")]
    bare = orgs.get("kemenkumham")
    if bare is not None and len(regional) == 1 and all(a == "Kemenkumham" for a in bare.aliases) and \
            any(_LAW_MINISTRY.search(a) for a in regional[0].aliases):
        # ... but only an office itself named after that ministry: beside "Kanwil Ditjenpas Kalbar" (2025 on)
        # a bare "Kemenkumham" is the ministry
        # a bare "Kemenkumham" beside "Kanwil Kemenkumham Sulsel" is shorthand for that office
        regional[0].aliases.append("Kemenkumham")
        regional[0].mentions += bare.mentions
        del orgs["kemenkumham"]
    loose = orgs.get("corrections_office:unknown")
    if loose is not None and len(regional) == 1:
        _absorb(orgs, regional[0], "corrections_office:unknown")
    # one Dinas per subject and place: "Dinas Sosial Provinsi" joins "Dinsos Sulsel" when that is the only one,
    # but "Disdikpora Gunungkidul" and "Disdikpora Kota Yogyakarta" are two offices
    for oid in [k for k in orgs if "@" not in k]:
        placed = [k for k in orgs if k.startswith(oid + "@")]
        if len(placed) == 1 and oid in orgs:
            _absorb(orgs, orgs[placed[0]], oid)
            acr_to_id.update({k: placed[0] for k, v in acr_to_id.items() if v == oid})
    # a place misspelt once ("BNN Kabupaten Jayapur" beside "BNN Kabupaten Jayapura") is the same unit
    for oid in sorted(orgs, key=len):
        head, _, place = oid.rpartition(":")
        if not head or len(place) < 5 or "@" in oid or oid not in orgs or place in reg.region_by_key:
            continue  # "Bangka" beside "Bangkalan": two real places
        longer = [k for k in orgs if k != oid and k.startswith(oid) and ":" not in k[len(head) + 1:]
                  and " " not in k[len(oid):]]
        if len(longer) == 1:
            _absorb(orgs, orgs[longer[0]], oid)
    # a place shortened the way the press shortens regencies ("Pemkab Tanjab Barat" beside "Pemerintah Kabupaten
    # Tanjung Jabung Barat", "Kukar", "Inhil") that the registry lacks: the unit of the one place it abbreviates
    for oid in list(orgs):
        head, _, place = oid.rpartition(":")
        if not head or oid not in orgs or len(place) < 4 or "@" in oid or place in reg.region_by_key:
            continue
        full = [k for k in orgs if k != oid and k.rpartition(":")[0] == head and k.rpartition(":")[2][:1] == place[:1]
                and k.rpartition(":")[2] in reg.region_by_key
                and _abbreviates(place.replace(" ", ""), k.rpartition(":")[2].split())]
        if len(full) == 1:
            _absorb(orgs, orgs[full[0]], oid)
    _merge_same_body(orgs, acr_to_id)
    elsewhere = {h.start for h in hits if h.elsewhere}
    if elsewhere:
        # a body named only in the headlines of other stories is no actor of this one
        for oid in [k for k, o in orgs.items() if o.mentions and all(mm.start in elsewhere for mm in o.mentions)]:
            del orgs[oid]
    for o in orgs.values():
        o.name = display_name(o)
    return list(orgs.values())


# A surface form that names a person's post, not the body: "Menteri Hukum dan HAM", "Direktur Jenderal
# Pemasyarakatan", "Kakanwil Kemenkumham Lampung", "Kapolres Badung", "Peraturan Menteri ...". The body's own
# name ("Kementerian Hukum dan HAM", "Kanwil Kemenkumham Lampung") is what annotators list, so it is
# preferred when the article also writes it.
_TITLE_FORM = re.compile(r"^(?:Menteri|Wakil\s+Menteri|Direktur|Dirjen\w*|Kakanwil\w*|Kepala|"
                         r"Kapolda|Kapolres\w*|Kapolsek\w*|Kajari|Kajati|Dandim|Danrem|Pangdam|Danlanal|Danramil|"
                         r"Peraturan|Keputusan|Gubernur|Bupati|Wali\s*[Kk]ota|Walikota|Ketua|Makopolda|Mapolda|Mapolres\w*|"
                         r"Mako)\b|\((?:Kakanwil|Kadiv\w*|Dirjen\w*|Menteri)\)")


_OPEN_FAMILIES = ("acr:", "dinas:", "badan:", "balai:", "education:", "health:", "civil:", "company:", "ministry:",
                  "agency:")


def _abbreviates(short: str, words: list[str]) -> bool:
    """"arpus" ~ [kearsipan, perpustakaan], "dukcapil" ~ [kependudukan, pencatatan, sipil]: the short form is
    pieces of >= 2 letters taken in order from at least two of the words (Indonesian syllable acronyms)."""
    short = short.lower()
    if len(short) < 4 or len(words) < 2:
        return False

    @cache
    def go(i: int, j: int, used: int) -> bool:
        if i == len(short):
            return used >= 2
        for k in range(j, len(words)):
            w = words[k]
            for n in range(len(short) - i, 1, -1):
                if short[i:i + n] in w and go(i + n, k + 1, used + 1):
                    return True
        return False

    return go(0, 0, 0)


# "SMAN 3 Kotabumi" beside "SMAN 4 Kotabumi": a number is the unit's identity, never a typing slip
_NUMBER = re.compile(r"\d+")


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substituted, inserted or dropped character."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def _is_common(word: str) -> bool:
    from nlp.facilities import _common_words

    return word in _common_words()


def _absorb(orgs: dict[str, Organization], dst: Organization, key: str) -> None:
    """One body written two ways: `dst` takes over the spellings and mentions of the entry filed under `key`."""
    src = orgs.pop(key)
    dst.aliases += [a for a in src.aliases if a not in dst.aliases]
    dst.mentions += src.mentions


def _merge_same_body(orgs: dict[str, Organization], acr_to_id: dict[str, str]) -> None:
    """One body written two ways in one story: "Dinas Arpus" = "Dinas Kearsipan dan Perpustakaan", "PKBM Anak
    Mandiri" = "PKBM Mandiri" = "Pusat Kegiatan Belajar Masyarakat (PKBM)", "Kemenag" = "Kantor Kemenag
    Lampura", "DP3AP2KB" = "Dinas ... (DP3AP2KB)". Only open-ended families (Dinas, schools, acronyms) merge."""
    defined = {a.lower(): oid for a, oid in acr_to_id.items() if len(a) >= 2}
    for oid in list(orgs):
        o = orgs.get(oid)
        if o is None or not oid.startswith(_OPEN_FAMILIES):
            continue
        first = (o.aliases[0].split() or [""])[0] if o.aliases else ""
        head = first if not first.startswith(("Dinas", "Badan")) or len(o.aliases[0].split()) < 2 \
            else o.aliases[0].split()[1]
        tgt = defined.get(head.lower())
        if tgt and tgt != oid and tgt in orgs and tgt.startswith(_OPEN_FAMILIES) and \
                not (o.region and orgs[tgt].region and o.region != orgs[tgt].region) and \
                all(a.split()[0] in (head, "Dinas", "Badan") for a in o.aliases):
            _absorb(orgs, orgs[tgt], o.org_id)
    # the same Dinas subject, once spelled out and once as a syllable acronym ("Arpus")
    dinas = [o for oid, o in orgs.items() if oid.startswith("dinas:")]
    for o in dinas:
        subj = o.org_id.split(":", 1)[1].split("@")[0]
        if " " in subj or o.org_id not in orgs or _is_common(subj):
            continue
        for t in dinas:
            if t is o or t.org_id not in orgs:
                continue
            words = [w for w in t.org_id.split(":", 1)[1].split("@")[0].split() if w not in ("dan", "serta")]
            if _abbreviates(subj, words):
                _absorb(orgs, t, o.org_id)
                break
    # "PKBM Mandiri" beside "PKBM Anak Mandiri", "Dinas Perpustakaan" beside "Dinas Perpustakaan dan Kearsipan Kota
    # X": a shorter name whose words all recur in a longer one
    for fam in ("education:", "civil:", "health:", "dinas:"):
        group = [o for oid, o in orgs.items() if oid.startswith(fam)]
        for o in group:
            words = set(o.org_id[len(fam):].split("@")[0].split())
            if not words or o.org_id not in orgs:
                continue
            for t in group:
                if t is not o and t.org_id in orgs and words < set(t.org_id[len(fam):].split("@")[0].split()) and \
                        o.aliases and t.aliases and (o.aliases[0].split()[0] == t.aliases[0].split()[0] or
                                                     (fam == "health:" and len(words) >= 2)):
                    _absorb(orgs, t, o.org_id)
                    break
    # one letter mistyped once: "Panti Asuhan Putra Muhamnadiyah X" beside "... Muhammadiyah X" three times
    for fam in ("civil:", "education:", "health:", "company:", "dinas:", "badan:", "mass_org:"):
        group = [o for oid, o in orgs.items() if oid.startswith(fam)]
        for o in group:
            for t in group:
                if t is not o and t.org_id in orgs and o.org_id in orgs and len(o.mentions) < len(t.mentions) and \
                        len(o.org_id) >= len(fam) + 10 and _one_edit(o.org_id, t.org_id) and \
                        _NUMBER.findall(o.org_id) == _NUMBER.findall(t.org_id):
                    _absorb(orgs, t, o.org_id)
                    break
    # a bare "Kemenag" beside its one local office "Kantor Kemenag Lampura"
    for oid in [k for k in orgs if k.startswith("ministry:") and k.count(":") == 1]:
        word = oid.split(":")[1]
        offices = [o for k, o in orgs.items() if k.startswith((f"ministry:{word}_office:", f"ministry:{word}:"))]
        if len(offices) == 1 and oid in orgs:
            _absorb(orgs, offices[0], orgs[oid].org_id)


_SQUEEZE = re.compile(r"[\s-]+")


def display_name(o: Organization) -> str:
    """The fullest surface form written in the article ("Kantor Wilayah Kementerian Hukum dan HAM Sulawesi
    Utara" over "Kanwil"): readers and annotators recognise the article's own words; the normalised
    identity for counting is `org_id`. A form naming the body beats one naming its head's post."""
    forms = [a for a in o.aliases if len(a.split()) <= 14] or [o.name]
    # "Kemenkum HAM" beside "Kemenkumham": one acronym spaced two ways; the closed-up form is its standard spelling
    solid = {_SQUEEZE.sub("", a).lower(): a for a in forms if not _SQUEEZE.search(a)}
    forms = [a for a in forms if solid.get(_SQUEEZE.sub("", a).lower(), a) == a] or forms
    best = max(forms, key=lambda a: (not _TITLE_FORM.search(a), len(a.split()), len(a)))
    if len(best.split()) == 1 and not _TITLE_FORM.search(best):
        # the body written only as a bare acronym ("Kemenkumham"), its unit only in its head's post ("Kakanwil
        # Kemenkumham Maluku"): the post names the unit, the acronym does not
        posts = [a for a in forms if (_POST_OF_UNIT.match(a) or "(Kakanwil)" in a) and len(a.split()) >= 2]
        if posts:
            return max(posts, key=lambda a: (len(a.split()), len(a)))
    return best


_POST_OF_UNIT = re.compile(r"(?:Kakanwil\w*|Kapolda|Kapolres\w*|Kapolsek\w*|Kajari|Kajati|Dandim|Danrem|Danramil)\s")


_TITLE_ONLY = re.compile(r"^(?:[Gg]ubernur|Wakil\s+Gubernur|[Bb]upati|Wakil\s+Bupati|[Ww]ali\s*[Kk]ota|[Ww]alikota|Kapolda|Kapolres\w*|"
                         r"Kapolsek\w*|Kajari|Kajati|Dandim|Danrem|Pangdam)\b")


# the office holder taking part in the story: "dihadiri Kapolres Tegal, Dandim ...", "didampingi Bupati X"
_TAKES_PART = re.compile(r"\b(?:dihadiri|menghadiri|hadir|turut|didampingi|mendampingi|disaksikan|menyaksikan|"
                         r"disambut|menyambut|diterima|menerima|mengundang|diundang|bersama|berkunjung|kunjungan|"
                         r"audiensi|silaturahmi|menandatangani|ditandatangani|meninjau|komunikasi|berkomunikasi|"
                         r"koordinasi|berkoordinasi|bertemu|menemui|mengunjungi|dikunjungi|meresmikan|diresmikan|"
                         r"kerja\s*sama|bekerja\s*sama|bekerja\s+dengan|menyerahkan|diserahkan)\b", re.IGNORECASE)


def drop_title_only(orgs: list[Organization], officials) -> list[Organization]:
    """An organisation seen only inside a person's title ("Gubernur Banten", "Kapolresta Barelang") is
    kept only when an official of it is named, or when the title holder takes part in what the sentence
    reports (attends, accompanies, receives, signs, visits): otherwise it is a passing reference to an office."""
    used = {p.organization_id for p in officials if p.organization_id}
    used |= {p.organization for p in officials if p.organization}
    out = []
    for o in orgs:
        title_only = o.mentions and all(_TITLE_ONLY.match(m.text) for m in o.mentions)
        if (title_only and o.org_id not in used and o.name not in used
                and not any(_TAKES_PART.search(m.sentence) for m in o.mentions)):
            continue
        out.append(o)
    return out


def compile_all() -> None:
    """Compile every family's pattern now (~0.3 s since REGION is no longer a 4,000-name alternation).
    Called before forking worker processes, so that the workers inherit compiled patterns."""
    for entry in _compiled():
        entry[0].compile()
