"""Keyword corrections-relevance scorer: is this article about pemasyarakatan (prisons and probation)?

A stop-gap until the trained relevance classifier (topics issue) replaces it behind the same
call: `keyword_relevance(title, text) -> float in [0, 1]`, compared with RELEVANCE_THRESHOLD.
Pure: no I/O.

Why weights and not a plain term list: broad feeds mention "Rutan" mostly in crime news
("tersangka ditahan di Rutan KPK / Rutan Polda"), which is about the police or KPK, not about
corrections. Those phrases count as *detention mentions* and are discounted; facility names of
the corrections system (Lapas, LPKA, Bapas, Rupbasan, "Rutan Kelas ..."), its people (Kalapas,
Karutan, warga binaan, narapidana) and its programmes (remisi, pembebasan bersyarat) count fully.
A title hit weighs more than a body hit: headlines say what the article is about.
"""

from __future__ import annotations

import math
import re

RELEVANCE_THRESHOLD = 0.5
SCORER_VERSION = "keywords-1"

# (pattern, weight). Strong: only the corrections system uses these words.
_STRONG = [
    (r"\blapas\b", 3.0),
    (r"\blembaga pemasyarakatan\b", 3.0),
    (r"\bpemasyarakatan\b", 2.5),
    (r"\bditjen ?pas\b|\bdirjen ?pas\b|\bdirektorat jenderal pemasyarakatan\b", 3.0),
    (r"\bkemenimipas\b|\bkementerian imigrasi dan pemasyarakatan\b", 2.5),
    (r"\blpka\b|\blembaga pembinaan khusus anak\b", 3.0),
    (r"\bbapas\b|\bbalai pemasyarakatan\b", 3.0),
    (r"\brupbasan\b|\brumah penyimpanan benda sitaan\b", 3.0),
    (r"\bkalapas\b|\bkarutan\b|\bkabapas\b|\bkadivpas\b|\bkplp\b", 3.0),
    (r"\bwarga binaan\b|\bwbp\b|\banak binaan\b", 3.0),
    (r"\brutan kelas\b|\bcabang rutan\b|\brumah tahanan negara\b", 3.0),
    (r"\bupt pemasyarakatan\b|\bdivisi pemasyarakatan\b", 3.0),
    (r"\bzero halinar\b|\bhalinar\b", 2.0),
    (r"\bkamar hunian\b|\bblok hunian\b", 2.0),
]
# Medium: common in corrections news, but also elsewhere.
_MEDIUM = [
    (r"\bnarapidana\b|\bnapi\b", 1.5),
    (r"\bremisi\b", 1.5),
    (r"\bpembebasan bersyarat\b|\bcuti bersyarat\b|\basimilasi\b", 1.5),
    (r"\bpetugas rutan\b|\bpetugas lapas\b|\bsipir\b", 1.5),
    (r"\bkanwil kemenkumham\b|\bkanwil ditjenpas\b", 1.0),
    (r"\bover ?kapasitas\b|\bkelebihan kapasitas\b", 1.0),
    (r"\btps khusus\b", 0.5),
]
# "Rutan" alone: counts a little, and nothing when it is a police/KPK/prosecutor detention cell.
_RUTAN = re.compile(r"\brutan\b")
_DETENTION = re.compile(
    r"\brutan\s+(?:cabang\s+)?(?:kpk|polda|polres\w*|polsek|bareskrim|mabes polri|kejaksaan|kejati|kejari"
    r"|salemba cabang kejagung|pomdam|militer)\b|\b(?:ditahan|penahanan|menahan|dijebloskan)\b[^.]{0,40}\brutan\b"
)

_COMPILED = [(re.compile(p), w) for p, w in _STRONG + _MEDIUM]
TITLE_WEIGHT = 2.0
SCALE = 6.0  # evidence at which the score reaches 1 - 1/e ~ 0.63


def _evidence(text: str) -> float:
    text = text.lower()
    total = 0.0
    for pattern, weight in _COMPILED:
        hits = len(pattern.findall(text))
        if hits:
            total += weight * (1.0 + math.log(hits))  # repetition helps, with diminishing returns
    rutan = len(_RUTAN.findall(text))
    detention = len(_DETENTION.findall(text))
    plain_rutan = max(0, rutan - detention)
    if plain_rutan:
        total += 1.0 * (1.0 + math.log(plain_rutan))
    return total


def keyword_relevance(title: str | None, text: str | None) -> float:
    """Corrections relevance in [0, 1]; >= RELEVANCE_THRESHOLD means "about pemasyarakatan".

    Saturating: score = 1 - exp(-evidence / SCALE), where evidence sums weighted hits in the body
    and TITLE_WEIGHT x weighted hits in the title.
    """
    evidence = _evidence(text or "") + TITLE_WEIGHT * _evidence(title or "")
    return round(1.0 - math.exp(-evidence / SCALE), 4)


def is_relevant(title: str | None, text: str | None) -> bool:
    return keyword_relevance(title, text) >= RELEVANCE_THRESHOLD
