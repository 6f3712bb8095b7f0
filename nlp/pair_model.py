"""Trained pair classifier: (corrections unit, outside organisation) pairs the partnership rules missed.

Why a second, trained stage after the rules: on articles nobody tuned the rules on, about half of the
missed partnerships have both entities extracted but no sentence the rules read as an event of the two
("Kalapas X didampingi Dandim Y ...", a visit told across two sentences). A logistic regression over
cheap co-occurrence features (same / adjacent sentence, trigger kinds there, mention counts, title / lead,
entity families, whether the rules already paired the unit or the partner) scores every candidate pair the
rules did not output; pairs above a threshold (picked on grouped out-of-fold predictions for the F1 of the
whole partnership output) are added. See models/cards/pair_model.md.

This module is pure: it computes features from a light view of the article (`Side`, `Context`), scores them
with weights read from `models/partnerships/pair_model.pkl.gz` (a plain dict: no scikit-learn at run time;
the weights are a few hundred floats), and loads that file once per process. No model file, no pairs.
The trainer is flows/train_pairs.py (`pantau train partnerships`).
"""

from __future__ import annotations

import bisect
import gzip
import math
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

MODEL_FILE = "pair_model.pkl.gz"
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "partnerships" / MODEL_FILE
KINDS = ("agreement", "joint_operation", "visit", "meeting", "program", "attendance")
FORMAT = 1


@dataclass(slots=True)
class Side:
    """One party of a candidate pair: its display name, id, family ("facility", "corrections", "police",
    "bnn", ...), the sorted start offsets of its mentions and how often one of its officials is named."""

    name: str
    pid: str | None
    family: str
    starts: list[int]
    n_official: int = 0


@dataclass(slots=True)
class Context:
    """What the features need of the article: sentence spans, the trigger kinds of each sentence (the
    vocabulary of nlp/partnerships.py), where the title ends, how many parties there are and which units /
    partners the rules already paired (by key: pid or name)."""

    sentences: list[tuple[int, int]]
    sentence_kinds: list[frozenset[str]]
    title_end: int
    n_units: int
    n_partners: int
    rule_units: set[str] = field(default_factory=set)
    rule_partners: set[str] = field(default_factory=set)
    n_rule_pairs: int = 0
    text: str = ""
    unit_word: list[bool] = field(default_factory=list)  # the sentence names a unit generically ("lapas", "petugas")
    total_partner_mentions: int = 0
    total_unit_mentions: int = 0
    starts: list[int] = field(default_factory=list)  # sentence starts, filled by `prepare`

    def prepare(self) -> Context:
        self.starts = [s for s, _ in self.sentences]
        return self

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


def key_of(side: Side) -> str:
    return side.pid or side.name


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return bisect.bisect_right(edges, x)


# words joining two parties of one sentence ("Kalapas X didampingi Kapolres Y", "bersama BNNK")
_JOINT = re.compile(r"\b(?:bersama|dengan|didampingi|mendampingi|disambut|menyambut|kepada|oleh|dari|beserta|antara)\b",
                    re.IGNORECASE)


def features(ctx: Context, unit: Side, partner: Side) -> dict[str, float]:
    """Sparse features of one candidate pair (names -> values); the same function serves training and use."""
    n_sent = max(1, len(ctx.sentences))
    us = {ctx.sentence_of(a) for a in unit.starts}
    ps = {ctx.sentence_of(a) for a in partner.starts}
    both = us & ps
    adj = {i for i in ps for d in (-1, 1) if i + d in us} - both
    near = any(abs(i - j) <= 3 for i in ps for j in us)
    f: dict[str, float] = {
        f"pfam={partner.family}": 1.0,
        f"ufam={unit.family}": 1.0,
        "same_sent": float(bool(both)),
        "n_same": math.log1p(len(both)),
        "adj_sent": float(bool(adj)),
        "near3": float(near),
        "p_ment": math.log1p(len(partner.starts)),
        "u_ment": math.log1p(len(unit.starts)),
        "p_official": float(partner.n_official > 0),
        "n_units": math.log1p(ctx.n_units),
        "n_partners": math.log1p(ctx.n_partners),
        "rule_u": float(key_of(unit) in ctx.rule_units),
        "rule_p": float(key_of(partner) in ctx.rule_partners),
        "no_rules": float(ctx.n_rule_pairs == 0),
        "p_bare": float(partner.pid is None),
    }
    pf = min(ps) if ps else n_sent
    uf = min(us) if us else n_sent
    f[f"p_first={_bucket(pf / n_sent, (0.1, 0.3, 0.6))}"] = 1.0
    f[f"u_first={_bucket(uf / n_sent, (0.1, 0.3, 0.6))}"] = 1.0
    lead = ctx.sentence_of(ctx.title_end) + 3  # the title and the first sentences of the body
    f["p_title"] = float(any(a < ctx.title_end for a in partner.starts))
    f["u_title"] = float(any(a < ctx.title_end for a in unit.starts))
    f["p_lead"] = float(pf < lead)
    f["u_lead"] = float(uf < lead)
    if unit.starts and partner.starts:
        d = min(abs(a - b) for a in unit.starts for b in partner.starts)
        f[f"dist={_bucket(d, (40, 120, 300, 800))}"] = 1.0
    kinds_both: set[str] = set()
    for i in both:
        kinds_both |= ctx.sentence_kinds[i]
    for k in kinds_both:
        f[f"both_k={k}"] = 1.0
    if both and not kinds_both:
        f["both_no_trigger"] = 1.0
    for i in adj:
        for k in ctx.sentence_kinds[i]:
            f[f"adj_k={k}"] = 1.0
    for i in ps:
        for k in ctx.sentence_kinds[i]:
            f[f"p_k={k}"] = 1.0
    if both and kinds_both:
        f[f"trig_pfam={partner.family}"] = 1.0
    if f["rule_p"] and both:
        f["rule_p&same"] = 1.0
    gap = min((abs(i - j) for i in ps for j in us), default=99)
    f[f"sgap={_bucket(gap, (1, 2, 3, 6))}"] = 1.0
    if ctx.total_partner_mentions:
        f["p_share"] = len(partner.starts) / ctx.total_partner_mentions
    if ctx.total_unit_mentions:
        f["u_share"] = len(unit.starts) / ctx.total_unit_mentions
    f["both_title"] = f["p_title"] * f["u_title"]
    if ctx.unit_word:
        gen = [i for i in ps if ctx.unit_word[i]]
        f["p_with_unit_word"] = float(bool(gen))
        if any(ctx.sentence_kinds[i] for i in gen):
            f["p_unit_word_trigger"] = 1.0
    if ctx.text and both:
        joined = False
        for i in both:
            s, e = ctx.sentences[i]
            ua = [a for a in unit.starts if s <= a < e]
            pa = [a for a in partner.starts if s <= a < e]
            lo, hi = min(min(ua), min(pa)), max(min(ua), min(pa))
            if hi - lo < 200 and _JOINT.search(ctx.text, lo, hi):
                joined = True
                break
        f["joined"] = float(joined)
    return f


def pair_kind(ctx: Context, unit: Side, partner: Side, model: dict) -> tuple[str, int]:
    """(kind, evidence sentence index) of an added pair: the most specific trigger kind of the sentences
    holding both, else of adjacent ones, else the most frequent gold kind of the partner's family."""
    us = {ctx.sentence_of(a) for a in unit.starts}
    ps = sorted({ctx.sentence_of(a) for a in partner.starts})
    both = sorted(us.intersection(ps))
    for group in (both, [i for i in ps if i - 1 in us or i + 1 in us]):
        best = None
        for i in group:
            for k in ctx.sentence_kinds[i]:
                if best is None or KINDS.index(k) < KINDS.index(best[0]):
                    best = (k, i)
        if best is not None:
            return best
    sent = both[0] if both else (ps[0] if ps else 0)
    return model.get("kind_by_family", {}).get(partner.family, model.get("default_kind", "meeting")), sent


def score(model: dict, feats: dict[str, float]) -> float:
    """Calibrated probability that the pair is a gold partnership (a logistic model's dot product)."""
    w = model["weights"]
    z = model["bias"]
    for k, v in feats.items():
        z += w.get(k, 0.0) * v
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


_CACHE: dict[str, dict | None] = {}


def load_model(path: str | Path | None = None) -> dict | None:
    """The pair model (a dict: weights, bias, threshold, kind_by_family, default_kind), loaded once per
    process; None when the file is absent or of another format (the stage is then off)."""
    p = str(path or MODEL_PATH)
    if p not in _CACHE:
        model = None
        if Path(p).exists():
            with gzip.open(p, "rb") as fh:
                model = pickle.load(fh)
            if not isinstance(model, dict) or model.get("format") != FORMAT:
                model = None
        _CACHE[p] = model
    return _CACHE[p]


def save_model(model: dict, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as fh:
        pickle.dump({**model, "format": FORMAT}, fh, protocol=4)
    _CACHE.pop(str(path), None)


def predict(model: dict, ctx: Context, candidates: list[tuple[Side, Side]]) -> list[tuple[int, float, str, int]]:
    """(candidate index, probability, kind, evidence sentence index) of the candidates at or above the
    model's threshold."""
    out = []
    thr = model["threshold"]
    for i, (u, p) in enumerate(candidates):
        prob = score(model, features(ctx, u, p))
        if prob >= thr:
            kind, sent = pair_kind(ctx, u, p, model)
            out.append((i, prob, kind, sent))
    return out
