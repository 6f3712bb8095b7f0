"""Partnerships: a corrections unit (facility or corrections office) and an outside organisation that the
article reports working together: visits, meetings, agreements, joint operations, programs, attendance.

Why sentence-level rules over the extracted entities: the press writes these interactions in a handful
of formulas ("penandatanganan MoU antara Lapas X dengan Pemkab Y", "tes urine bersama BNNK",
"kunjungan kerja Kapolres ke Rutan", "turut hadir Dandim ..."), the entities are already resolved by the
analyzer, and a rule can say which words made the pair (the evidence sentence). A pair needs both
parties in the same sentence, or one party plus a generic reference to the article's main unit
("lapas", "warga binaan"), and a trigger in that sentence. Pairs inside the corrections hierarchy
(facility <-> Kanwil, Ditjenpas, the ministry) are never partnerships.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.records import Analysis, Partnership

# kind -> trigger pattern; KIND_ORDER is "most specific first" for choosing one kind per pair.
_TRIGGERS = {
    "agreement": r"mou|nota\s+kesepahaman|memorandum|perjanjian\s+kerja\s*sama|\bpks\b|penandatanganan|"
                 r"menandatangani|ditandatangani|kesepakatan\s+bersama|naskah\s+kerja\s*sama|"
                 r"(?:jalin|menjalin|perpanjang\w*|teken|meneken|diteken)\s+(?:\w+\s+){0,2}kerja\s*sama",
    "joint_operation": r"razia|penggeledahan|geledah|sidak\s+(?:gabungan|bersama)|tes\s+urine|tes\s+urin|"
                       r"uji\s+urine|operasi\s+(?:gabungan|bersama)|pemeriksaan\s+urine|penyisiran|"
                       r"diserahkan\s+(?:ke|kepada)|menyerahkan\s+(?:\w+\s+){0,4}(?:ke|kepada)|"
                       r"pengamanan|patroli\s+bersama|pemusnahan",
    "visit": r"kunjungan|kunjungi|mengunjungi|dikunjungi|berkunjung|audiensi|silaturahmi|silaturahim|"
             r"sowan|bertandang|menyambangi|disambangi|sambang|meninjau|tinjau|peninjauan|monitoring|"
             r"\bsidak\b|inspeksi|kunker|lawatan|courtesy",
    "meeting": r"rapat|koordinasi|berkoordinasi|pertemuan|bertemu|diskusi|\bfgd\b|rakor|sinergi|"
               r"bersinergi|kolaborasi|berkolaborasi|dialog|konsultasi",
    "program": r"pelatihan|penyuluhan|sosialisasi|pembinaan|bimbingan|program|pemeriksaan\s+kesehatan|"
               r"vaksinasi|donor\s+darah|bakti\s+sosial|baksos|pendampingan|edukasi|pengajian|"
               r"perekaman|pemberian|bantuan|layanan|pelayanan|rehabilitasi|asesmen|assessment|"
               r"kerja\s*sama|bekerja\s*sama|bersama",
    "attendance": r"turut\s+hadir|dihadiri|menghadiri|hadir\s+(?:pula|juga|dalam|pada)|tampak\s+hadir|"
                  r"disaksikan|menyaksikan|undangan",
}
KIND_ORDER = ["agreement", "joint_operation", "visit", "meeting", "program", "attendance"]
_TRIGGER_RE = {k: re.compile(v, re.IGNORECASE) for k, v in _TRIGGERS.items()}
# Words that stand for the article's main unit when no unit is named in the sentence.
_GENERIC_UNIT = re.compile(
    r"\b(?:lapas|rutan|lpka|bapas|rupbasan|kalapas|karutan|kabapas|kanwil|lembaga\s+pemasyarakatan|"
    r"rumah\s+tahanan|warga\s+binaan|wbp|narapidana|napi|tahanan|petugas\s+pemasyarakatan|pemasyarakatan)\b",
    re.IGNORECASE,
)
# Organisations that belong to the corrections hierarchy (never a partner of a corrections unit).
_HIERARCHY = re.compile(
    r"ditjen\s*pas|direktorat\s+jenderal\s+pemasyarakatan|dirjen\s*pas|pemasyarakatan|kemenkumham|"
    r"kementerian\s+hukum\s+dan\s+(?:ham|hak)|kemenimipas|kementerian\s+imigrasi|kemenkum\b|"
    r"kementerian\s+hukum\b|kanwil|kantor\s+wilayah|imigrasi",
    re.IGNORECASE,
)
_SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|$)|\n", re.MULTILINE)
_VISITOR_TO = re.compile(r"\b(?:ke|di|menyambangi|mengunjungi|kunjungi|meninjau)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class _Party:
    name: str
    pid: str | None
    is_unit: bool
    spans: list[tuple[int, int]]


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENT_RE.finditer(text):
        s, e = m.span()
        if text[s:e].strip():
            out.append((s, e))
    return out


def _is_hierarchy(name: str, kind: str | None) -> bool:
    return kind == "corrections_office" or bool(_HIERARCHY.search(name or ""))


def _alias_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    spans = []
    for n in {n for n in names if n and len(n) >= 3}:
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
            spans.append(m.span())
    return spans


def _parties(text: str, analysis: Analysis) -> list[_Party]:
    parties: list[_Party] = []
    for f in analysis.facilities:
        spans = [(m.start, m.end) for m in f.mentions] or _alias_spans(text, [f.name, *f.aliases])
        parties.append(_Party(f.name, f.facility_id, True, spans))
    for o in analysis.organizations:
        spans = [(m.start, m.end) for m in o.mentions] or _alias_spans(text, [o.name, *o.aliases])
        unit = o.kind == "corrections_office"
        if not unit and _is_hierarchy(o.name, o.kind):
            continue  # the ministry or Ditjenpas: neither a unit here nor a partner
        if not unit and o.kind == "media" and not spans:
            continue
        parties.append(_Party(o.name, o.org_id, unit, spans))
    return parties


def _kind_in(sentence: str) -> str | None:
    for kind in KIND_ORDER:
        if _TRIGGER_RE[kind].search(sentence):
            return kind
    return None


def _direction(text: str, kind: str, unit: _Party, partner: _Party, s: int, e: int) -> str | None:
    if kind != "visit":
        return None
    for us, _ in unit.spans:
        if s <= us < e and _VISITOR_TO.search(text[max(s, us - 25):us]):
            return "partner->unit"
    for ps, _ in partner.spans:
        if s <= ps < e and _VISITOR_TO.search(text[max(s, ps - 25):ps]):
            return "unit->partner"
    return None


def extract_partnerships(doc, analysis: Analysis) -> list[Partnership]:
    """Pairs (unit, partner) for one analysed article. `doc` is the spaCy Doc or the analysed text."""
    text = doc if isinstance(doc, str) else doc.text
    parties = _parties(text, analysis)
    units = [p for p in parties if p.is_unit]
    partners = [p for p in parties if not p.is_unit]
    if not units or not partners:
        return []
    # the main unit: the facility named first, else the first corrections office
    facilities = [p for p in units if p.pid is None or not str(p.pid).startswith("corrections_office")]
    main = min(facilities or units, key=lambda p: min((s for s, _ in p.spans), default=10**9))
    best: dict[tuple[str, str], tuple[int, Partnership]] = {}
    for s, e in _sentences(text):
        sent = text[s:e]
        kind = _kind_in(sent)
        if kind is None:
            continue
        here_units = [u for u in units if any(s <= a < e for a, _ in u.spans)]
        here_partners = [p for p in partners if any(s <= a < e for a, _ in p.spans)]
        if not here_partners:
            continue
        if not here_units:
            if not _GENERIC_UNIT.search(sent):
                continue
            here_units = [main]
        for u in here_units:
            for p in here_partners:
                key = (u.name, p.name)
                rank = KIND_ORDER.index(kind)
                if key in best and best[key][0] <= rank:
                    continue
                best[key] = (rank, Partnership(
                    parties=(u.name, p.name), kind=kind, date=analysis.event_date,
                    evidence=" ".join(sent.split())[:500], direction=_direction(text, kind, u, p, s, e),
                    party_ids=(u.pid, p.pid)))
    return [p for _, p in best.values()]
