"""Train the partnership pair classifier (`pantau train partnerships`): nlp/pair_model.py's weights.

Inputs: the full gold files models/annotations/gold/dev_a..dev_g, dev_i..dev_k, dev_m..dev_o (texts read by id
from ../shared/data/corpus); the Analyzer runs over those articles (about 10 s), the partnership rules give
their pairs and the candidate pairs they left out; a candidate's label is whether the gold has that pair,
matched the way ../shared/eval/score.py matches (a gold pair the rules already found is no label).
dev_h, dev_l and heldout are never read (`GOLD_FILES` is an allow-list).

Evaluation: grouped 5-fold CV by article; the threshold of each outer fold is picked on an inner grouped CV of
its training articles for the best F1 of the whole partnership output (rules + added pairs), so the reported
numbers never saw their own threshold. They are reported for dev_m..dev_o (never used to tune the rules) and
for the rest (the rules' tuning set, where "the rules paired this unit" is optimistic) next to the rules alone.
The final threshold is picked the same way on the out-of-fold predictions of all articles. The model file is
written only when rules + classifier beat the rules alone on both groups; otherwise any old file is removed,
which switches the stage off. Outputs: models/partnerships/pair_model.pkl.gz (when accepted) and
models/partnerships/report.json.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flows.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = ("dev_a", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f", "dev_g", "dev_i", "dev_j", "dev_k",
              "dev_m", "dev_n", "dev_o")
FRESH = ("dev_m", "dev_n", "dev_o")  # never used to tune the rules
FOLDS = 5
C = 0.5
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(91)]


@dataclass
class Article:
    """One relevant gold article as the trainer sees it."""

    id: str
    group: str  # "fresh" (dev_m..o) or "rest"
    n_gold: int
    rule_tp: int
    n_rules: int
    feats: list[dict] = field(default_factory=list)
    matches: list[set[int]] = field(default_factory=list)  # gold pairs (not found by the rules) each candidate matches
    gold_kinds: list[list[str]] = field(default_factory=list)
    fams: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # the kind the model would give


@dataclass
class PairReport:
    seconds: float
    n_articles: int
    n_candidates: int
    n_positive: int
    threshold: float
    cv: dict
    accepted: bool
    model_path: str | None
    kind_acc: str = ""
    top_weights: list = field(default_factory=list)


def load_gold(models_dir: Path) -> dict[str, tuple[dict, str]]:
    """id -> (gold row, file name) of the allow-listed gold files (the name says the article's CV group)."""
    from nlp.evaluate import load_gold as read_gold

    out = {}
    for name in GOLD_FILES:
        path = models_dir / "annotations" / "gold" / f"{name}.jsonl"
        if not path.exists():
            raise InputError(f"gold file missing: {path}")
        try:
            out.update({gid: (r, name) for gid, r in read_gold([path]).items()})
        except ValueError as exc:
            raise InputError(f"not valid JSON: {exc}") from exc
    return out


def analyse(shared: Path, ids: set[str]) -> dict[str, tuple[str, object]]:
    """id -> (analysed text, Analysis without partnerships) of the corpus articles `ids`."""
    from nlp.analyze import Analyzer
    from nlp.evaluate import load_corpus

    corpus = shared / "data" / "corpus"
    if not (corpus / "articles.jsonl").exists():
        raise InputError(f"corpus file missing: {corpus / 'articles.jsonl'}")
    arts = list(load_corpus(corpus, ids).values())
    az = Analyzer.load()
    saved, az.partnership_fn = az.partnership_fn, None
    try:
        return {art.id: (Analyzer.full_text(art), a) for art, a in zip(arts, az.pipe(arts), strict=True)}
    finally:
        az.partnership_fn = saved


def build_articles(gold: dict, data: dict, sc) -> list[Article]:
    from nlp import pair_model
    from nlp.partnerships import partnership_candidates

    out = []
    for gid, (g, name) in gold.items():
        if not g.get("relevant") or gid not in data:
            continue
        text, an = data[gid]
        ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]

        def match(names, x, ents=ents):
            e1, e2 = ents[x["pair"][0]], ents[x["pair"][1]]
            return ((sc.entity_match(names[0], e1) and sc.entity_match(names[1], e2))
                    or (sc.entity_match(names[0], e2) and sc.entity_match(names[1], e1)))

        rules, ctx, cands = partnership_candidates(text, an)
        found = sc.greedy([list(p.parties) for p in rules], gp, match)
        left = [j for j in range(len(gp)) if j not in {j for _, j in found}]
        art = Article(gid, "fresh" if name in FRESH else "rest", len(gp), len(found), len(rules))
        model_stub = {"kind_by_family": {}, "default_kind": ""}  # "": no trigger near the pair
        for u, p, display in cands:
            art.feats.append(pair_model.features(ctx, u, p))
            hit = {j for j in left if match((u.name, display), gp[j])}
            art.matches.append(hit)
            art.gold_kinds.append([gp[j].get("kind") for j in sorted(hit)])
            art.fams.append(p.family)
            art.kinds.append(pair_model.pair_kind(ctx, u, p, model_stub)[0])
        out.append(art)
    return out


def _labels(arts: list[Article]) -> list[int]:
    y = []
    for a in arts:
        used: set[int] = set()
        for m in a.matches:
            free = m - used
            y.append(int(bool(free)))
            if free:
                used.add(min(free))
    return y


def _fit(arts: list[Article]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [f for a in arts for f in a.feats]
    y = _labels(arts)
    vec = DictVectorizer()
    Xm = vec.fit_transform(X)
    if len(set(y)) < 2:
        return None
    clf = LogisticRegression(C=C, max_iter=3000).fit(Xm, y)
    return vec, clf


def _predict(fitted, arts: list[Article]) -> list[list[float]]:
    if fitted is None:
        return [[0.0] * len(a.feats) for a in arts]
    vec, clf = fitted
    out = []
    for a in arts:
        out.append(list(clf.predict_proba(vec.transform(a.feats))[:, 1]) if a.feats else [])
    return out


def _counts(arts: list[Article], probs: list[list[float]], thr: float | list[float]) -> tuple[int, int, int]:
    """tp, fp, fn of the whole output (rules + candidates at or above the threshold), score.py's greedy matching."""
    tp = fp = fn = 0
    for k, (a, ps) in enumerate(zip(arts, probs, strict=True)):
        t = thr[k] if isinstance(thr, list) else thr
        used: set[int] = set()
        added = hit = 0
        for m, p in zip(a.matches, ps, strict=True):
            if p >= t:
                added += 1
                free = m - used
                if free:
                    used.add(min(free))
                    hit += 1
        tp += a.rule_tp + hit
        fp += a.n_rules - a.rule_tp + added - hit
        fn += a.n_gold - a.rule_tp - hit
    return tp, fp, fn


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _best_threshold(arts: list[Article], probs: list[list[float]]) -> float:
    """The threshold with the best F1 of rules + added pairs; 1.01 (add nothing) unless one beats the rules
    alone; among equals the highest (the fewest added pairs)."""
    best, best_t = _prf(*_counts(arts, probs, 2.0))["f1"], 1.01
    for t in reversed(THRESHOLDS):
        f = _prf(*_counts(arts, probs, t))["f1"]
        if f > best + 1e-9:
            best, best_t = f, t
    return best_t


def _folds(arts: list[Article], k: int, seed: int = 0) -> list[int]:
    """Fold of each article: GroupKFold by article id (one article, one group), balanced by candidates."""
    from sklearn.model_selection import GroupKFold

    groups = [i for i, a in enumerate(arts) for _ in range(max(1, len(a.feats)))]
    fold_of = [0] * len(arts)
    for f, (_, test) in enumerate(GroupKFold(n_splits=k).split(groups, groups=groups)):
        for i in {groups[t] for t in test}:
            fold_of[i] = f
    return fold_of


def _oof(arts: list[Article], k: int) -> list[list[float]]:
    fold_of = _folds(arts, k)
    probs: list[list[float]] = [[] for _ in arts]
    for f in range(k):
        train = [a for a, g in zip(arts, fold_of, strict=True) if g != f]
        test_idx = [i for i, g in enumerate(fold_of) if g == f]
        pred = _predict(_fit(train), [arts[i] for i in test_idx])
        for i, p in zip(test_idx, pred, strict=True):
            probs[i] = p
    return probs


def nested_cv(arts: list[Article], k: int = FOLDS) -> dict:
    """Outer grouped k-fold; each outer fold's threshold from an inner grouped CV of its training articles."""
    fold_of = _folds(arts, k)
    probs: list[list[float]] = [[] for _ in arts]
    thr = [0.0] * len(arts)
    fold_thr = []
    for f in range(k):
        train = [a for a, g in zip(arts, fold_of, strict=True) if g != f]
        t = _best_threshold(train, _oof(train, k))
        fold_thr.append(t)
        test_idx = [i for i, g in enumerate(fold_of) if g == f]
        pred = _predict(_fit(train), [arts[i] for i in test_idx])
        for i, p in zip(test_idx, pred, strict=True):
            probs[i], thr[i] = p, t
    out = {"fold_thresholds": fold_thr}
    for group in ("fresh", "rest", "all"):
        idx = [i for i, a in enumerate(arts) if group == "all" or a.group == group]
        sub = [arts[i] for i in idx]
        out[group] = {"articles": len(sub),
                      "rules": _prf(*_counts(sub, [[0.0] * len(a.feats) for a in sub], 2.0)),
                      "rules+classifier": _prf(*_counts(sub, [probs[i] for i in idx], [thr[i] for i in idx]))}
    return out


def train_pairs(models_dir: Path, shared: Path, write: bool = True, data: dict | None = None) -> PairReport:
    """Build the candidates, cross-validate, fit on all articles, write the model when it helps.
    `data` (id -> (text, Analysis)) skips the Analyzer run (tests, experiments)."""
    t0 = time.time()
    from flows.commands.nlp_cmds import load_score_module
    from nlp import pair_model

    sc = load_score_module()
    gold = load_gold(models_dir)
    if data is None:
        data = analyse(shared, {gid for gid, (g, _) in gold.items() if g.get("relevant")})
    arts = build_articles(gold, data, sc)
    cv = nested_cv(arts)
    oof = _oof(arts, FOLDS)
    threshold = _best_threshold(arts, oof)
    cv["oof_at_final_threshold"] = {g: _prf(*_counts([a for a in arts if g == "all" or a.group == g],
                                                     [p for a, p in zip(arts, oof, strict=True)
                                                      if g == "all" or a.group == g], threshold))
                                    for g in ("fresh", "rest", "all")}
    # kinds: the trigger kind of the shared sentences when there is one, else the family's most frequent gold kind
    fam_kinds: dict[str, Counter] = {}
    all_kinds: Counter = Counter()
    for a in arts:
        for fam, ks in zip(a.fams, a.gold_kinds, strict=True):
            for k in ks:
                fam_kinds.setdefault(fam, Counter())[k] += 1
                all_kinds[k] += 1
    kind_by_family = {f: c.most_common(1)[0][0] for f, c in fam_kinds.items()}
    default_kind = all_kinds.most_common(1)[0][0] if all_kinds else "meeting"
    ok = n = 0
    for a, ps in zip(arts, oof, strict=True):
        for p, ks, k0, fam in zip(ps, a.gold_kinds, a.kinds, a.fams, strict=True):
            if p >= threshold and ks:
                n += 1
                ok += int((k0 or kind_by_family.get(fam, default_kind)) == ks[0])
    fitted = _fit(arts)
    vec, clf = fitted
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)}
    model = {"weights": weights, "bias": float(clf.intercept_[0]), "threshold": threshold,
             "kind_by_family": kind_by_family, "default_kind": default_kind,
             "trained": {"files": list(GOLD_FILES), "articles": len(arts), "C": C}}
    accepted = all(cv[g]["rules+classifier"]["f1"] > cv[g]["rules"]["f1"] for g in ("fresh", "rest"))
    out_dir = models_dir / "partnerships"
    path = out_dir / pair_model.MODEL_FILE
    written = None
    if write:
        if accepted:
            pair_model.save_model(model, path)
            written = str(path)
        elif path.exists():
            path.unlink()  # the classifier does not help: the stage is off
        pair_model._CACHE.pop(str(path), None)
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    rep = PairReport(seconds=round(time.time() - t0, 1), n_articles=len(arts),
                     n_candidates=sum(len(a.feats) for a in arts), n_positive=sum(_labels(arts)),
                     threshold=threshold, cv=cv, accepted=accepted, model_path=written,
                     kind_acc=f"{ok}/{n}", top_weights=[(k, round(v, 3)) for k, v in top])
    if write:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "report.json").write_text(json.dumps(asdict(rep), indent=1) + "\n")
    return rep
