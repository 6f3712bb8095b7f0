"""Error analysis of nlp.partnerships on a gold file: per-article false positives / negatives with evidence.

Why a separate script: `pantau extract` over the dev set takes a minute (model loading, every stage),
while the partnership rules take milliseconds. This script runs the Analyzer once, caches the analyses
(pickled, partnerships cleared), then re-runs only `extract_partnerships` and scores it with the shared
scorer (../shared/eval/score.py, same matching as the official numbers). A false negative is labelled
`[entity missing]` when the extractor found no entity matching one side of the gold pair: those are
misses of the entity stage, not of the partnership rules.

Usage (from the repo root):
  PYTHONPATH=. .venv/bin/python scripts/eval_partnerships.py --input /tmp/p_dev_in.jsonl \
      --gold /tmp/p_dev_gold.jsonl [--refresh] [--quiet] [--ids ID ...]
Never point it at models/annotations/gold/heldout.jsonl while developing rules.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.records import ArticleText  # noqa: E402


def load_scorer(path: Path):
    """Import a module from a file path (the shared scorer, or another extract_partnerships to compare)."""
    name = "pantau_eval_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.exists():
        raise SystemExit(f"module not found: {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while the file runs
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: str) -> dict[str, dict]:
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                rows[str(r["id"])] = r
    return rows


def build_input(gold_path: str, input_path: str) -> None:
    """Write the gold articles (id,title,text,published,url) from ../shared/data/corpus, never held-out ones."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from show_articles import load_all

    held = set(json.loads((ROOT / "models" / "annotations" / "splits.json").read_text()).get("entity_heldout", []))
    rows = load_all()
    with open(input_path, "w", encoding="utf-8") as fh:
        for gid in read_jsonl(gold_path):
            if gid in held:
                raise SystemExit(f"{gid} is a held-out article: not for error analysis")
            r = rows[gid]
            fh.write(json.dumps({k: r.get(k) for k in ("id", "title", "text", "published", "url")},
                                ensure_ascii=False) + "\n")
    print(f"wrote {input_path} from the corpus")


def analyses(input_path: str, cache: Path, refresh: bool) -> dict[str, tuple[str, object]]:
    """id -> (analysed text, Analysis without partnerships); cached because the Analyzer is slow to run."""
    if cache.exists() and not refresh:
        return pickle.loads(cache.read_bytes())
    from nlp.analyze import Analyzer

    az = Analyzer.load()
    az.partnership_fn = None
    rows = read_jsonl(input_path)
    arts = []
    for r in rows.values():
        pub = r.get("published")
        arts.append(ArticleText(id=r["id"], title=r.get("title") or "", text=r.get("text") or "",
                                published=date.fromisoformat(pub[:10]) if pub else None, url=r.get("url")))
    out = {}
    for art, a in zip(arts, az.pipe(arts), strict=True):
        out[art.id] = (Analyzer.full_text(art), a)
    cache.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True,
                    help="JSONL with id,title,text,published,url (built from the corpus when missing)")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--cache", default="/tmp/pantau_partnership_cache.pkl")
    ap.add_argument("--refresh", action="store_true", help="re-run the Analyzer (entities changed)")
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    ap.add_argument("--ids", nargs="*", help="only these articles")
    ap.add_argument("--impl", help="a .py file defining extract_partnerships to compare (e.g. an older draft)")
    ap.add_argument("--classifier-cv", action="store_true",
                    help="also run the candidate-pair classifier experiment (grouped 5-fold CV)")
    ap.add_argument("--classifier-train", metavar="GOLD",
                    help="train the pair classifier on this gold file's articles (they must be in --input) and "
                         "score it on --gold: an out-of-sample comparison with the rules")
    a = ap.parse_args()
    if "heldout" in Path(a.gold).name:
        raise SystemExit("refusing to do error analysis on the held-out gold")
    sc = load_scorer(Path(a.scorer))
    from nlp.partnerships import extract_partnerships

    if a.impl:
        extract_partnerships = load_scorer(Path(a.impl)).extract_partnerships

    if not Path(a.input).exists():
        build_input(a.gold, a.input)
    gold = read_jsonl(a.gold)
    data = analyses(a.input, Path(a.cache), a.refresh)
    tp = fp = fn = fn_missing = 0
    kind_ok = kind_n = 0
    t0 = time.process_time()
    preds = {}
    for gid, (text, an) in data.items():
        preds[gid] = extract_partnerships(text, an)
    ms = (time.process_time() - t0) * 1000 / max(1, len(data))
    for gid, g in gold.items():
        if not g.get("relevant") or gid not in data:
            continue
        if a.ids and gid not in a.ids:
            continue
        text, an = data[gid]
        ps = preds[gid]
        pp = [list(p.parties) for p in ps]
        ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]

        def pmatch(p, gg, ents=ents):
            e1, e2 = ents[gg["pair"][0]], ents[gg["pair"][1]]
            return ((sc.entity_match(p[0], e1) and sc.entity_match(p[1], e2))
                    or (sc.entity_match(p[0], e2) and sc.entity_match(p[1], e1)))

        pairs = sc.greedy(pp, gp, pmatch)
        tp += len(pairs)
        fp += len(pp) - len(pairs)
        fn += len(gp) - len(pairs)
        for i, j in pairs:
            kind_n += 1
            kind_ok += int(ps[i].kind == gp[j].get("kind"))
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        names = [f.name for f in an.facilities] + [o.name for o in an.organizations]
        lines = []
        for i, p in enumerate(ps):
            if i not in matched_p:
                lines.append(f"  FP {p.parties[0]} <-> {p.parties[1]} [{p.kind}] :: {p.evidence[:220]}")
        for j, gg in enumerate(gp):
            if j in matched_g:
                continue
            e1, e2 = (ents[k] for k in gg["pair"])
            missing = [e for e in (e1, e2) if not any(sc.entity_match(n, e) for n in names)]
            fn_missing += int(bool(missing))
            tag = " [entity missing: " + "; ".join(e["aliases"][0] for e in missing) + "]" if missing else ""
            lines.append(f"  FN {e1['aliases'][0]} <-> {e2['aliases'][0]} [{gg.get('kind')}]{tag}")
        if lines and not a.quiet:
            print(f"== {gid} | {text.splitlines()[0][:100]}")
            print("\n".join(lines))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"partnerships P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn}; "
          f"fn with an entity missing={fn_missing}) kind acc on tp={kind_ok}/{kind_n} "
          f"| {ms:.2f} CPU ms/article")
    if a.classifier_cv:
        classifier_cv(gold, data, preds, sc)
    if a.classifier_train:
        classifier_holdout(read_jsonl(a.classifier_train), gold, data, preds, sc)


def pair_features(text: str, an, predicted: dict) -> tuple[list[tuple[str, str]], list[dict]]:
    """Candidate (unit, partner) pairs of one article with features for the classifier experiment:
    every unit x every outside organisation the rules know of (after their name clean-up)."""
    from nlp import partnerships as P

    parties = P._parties(text, an)
    units = P._kanwil_spans(text, [p for p in parties if p.is_unit])
    partners = [p for p in parties if not p.is_unit]
    canon = P._canonical(text, partners) if partners else {}
    sents = P._sentences(text)
    hits = P._trigger_hits(text.lower())
    sent_of = {}
    for k, (s, e) in enumerate(sents):
        sent_of[k] = (s, e, P._sentence_kind(hits, s, e)[0])

    def sids(p):
        return {k for k, (s, e, _) in sent_of.items() if any(s <= a < e for a in p.starts)}

    title_end = text.find("\n")
    names, feats, seen = [], [], set()
    for u in units:
        us = sids(u)
        for p0 in partners:
            p = canon[id(p0)]
            if (u.name, p.name) in seen:
                continue
            seen.add((u.name, p.name))
            ps = sids(p0) | sids(p)
            both = us & ps
            f = {"rule": float((u.name, p.name) in predicted), f"rule_{predicted.get((u.name, p.name), 'none')}": 1.0,
                 f"pfam_{p.family}": 1.0, f"ufam_{u.family}": 1.0, "same_sent": float(bool(both)),
                 "n_units": float(len(units)), "n_partners": float(len(partners)),
                 "p_mentions": float(len(p0.spans)), "p_in_title": float(any(a < title_end for a in p0.starts)),
                 "u_in_title": float(any(a < title_end for a in u.starts)),
                 "min_dist": float(min((abs(a - b) for a in us for b in ps), default=99))}
            for k in both:
                if sent_of[k][2]:
                    f[f"trig_{sent_of[k][2]}"] = 1.0
            for k in ps:
                if sent_of[k][2]:
                    f[f"ptrig_{sent_of[k][2]}"] = 1.0
            names.append((u.name, p.name))
            feats.append(f)
    return names, feats


def _pair_rows(gold: dict, data: dict, preds: dict, sc) -> list[tuple[list[dict], list[int], int]]:
    """(features, labels, number of gold pairs) per relevant gold article that was analysed."""
    rows = []
    for gid, g in gold.items():
        if not g.get("relevant") or gid not in data:
            continue
        text, an = data[gid]
        ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]
        names, feats = pair_features(text, an, {p.parties: p.kind for p in preds[gid]})
        labels = _gold_labels(names, gp, ents, sc)
        rows.append((feats, labels, len(gp)))
    return rows


def _gold_labels(names: list, gp: list, ents: dict, sc) -> list[int]:
    """1 for each candidate pair that matches a not-yet-used gold pair (score.py's matching), else 0."""
    used, labels = set(), []
    for n in names:
        hit = 0
        for j, x in enumerate(gp):
            e1, e2 = ents[x["pair"][0]], ents[x["pair"][1]]
            if j not in used and ((sc.entity_match(n[0], e1) and sc.entity_match(n[1], e2))
                                  or (sc.entity_match(n[0], e2) and sc.entity_match(n[1], e1))):
                used.add(j)
                hit = 1
                break
        labels.append(hit)
    return labels


def classifier_holdout(train_gold: dict, gold: dict, data: dict, preds: dict, sc) -> None:
    """Train on one gold file's articles, score on another's: the classifier's unseen-article F1."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    overlap = set(train_gold) & set(gold)
    if overlap:
        raise SystemExit(f"{len(overlap)} articles are in both the training and the test gold")
    missing = [g for g in train_gold if g not in data]
    if missing:
        raise SystemExit(f"{len(missing)} training articles are not in --input (e.g. {missing[0]}); "
                         "concatenate both inputs and use --refresh")
    train, test = _pair_rows(train_gold, data, preds, sc), _pair_rows(gold, data, preds, sc)
    for use_rule in (False, True):
        def strip(f, use_rule=use_rule):
            return f if use_rule else {k: v for k, v in f.items() if not k.startswith("rule")}

        vec = DictVectorizer()
        clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(
            vec.fit_transform([strip(f) for r in train for f in r[0]]), [y for r in train for y in r[1]])
        tp = fp = fn = 0
        for feats, labels, n_gold in test:
            if not feats:
                fn += n_gold
                continue
            p = clf.predict_proba(vec.transform([strip(f) for f in feats]))[:, 1] >= 0.5
            t = sum(int(a and b) for a, b in zip(p, labels, strict=True))
            tp, fp, fn = tp + t, fp + int(p.sum()) - t, fn + n_gold - t
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        label = "classifier (+rule output as a feature)" if use_rule else "classifier (features only)"
        print(f"{label}: trained on {len(train)} articles, tested on {len(test)}: "
              f"P={pr:.3f} R={rc:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")


def classifier_cv(gold: dict, data: dict, preds: dict, sc, folds: int = 5) -> None:
    """Grouped k-fold logistic regression over candidate pairs vs the rules, same articles, same scorer."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = []  # (article index, names, feats, labels, n_gold)
    ids = [g for g in gold if gold[g].get("relevant") and g in data]
    for gi, gid in enumerate(ids):
        g = gold[gid]
        text, an = data[gid]
        ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]
        predicted = {p.parties: p.kind for p in preds[gid]}
        names, feats = pair_features(text, an, predicted)
        labels = _gold_labels(names, gp, ents, sc)
        rows.append((gi, names, feats, labels, len(gp)))
    for use_rule in (True, False):
        tp = fp = fn = 0
        for k in range(folds):
            train = [r for r in rows if r[0] % folds != k]
            test = [r for r in rows if r[0] % folds == k]

            def strip(f, use_rule=use_rule):
                return f if use_rule else {a: b for a, b in f.items() if not a.startswith("rule")}

            X = [strip(f) for r in train for f in r[2]]
            y = [lab for r in train for lab in r[3]]
            vec = DictVectorizer()
            clf = LogisticRegression(max_iter=2000, C=1.0, class_weight="balanced").fit(vec.fit_transform(X), y)
            for r in test:
                if not r[2]:
                    fn += r[4]
                    continue
                p = clf.predict_proba(vec.transform([strip(f) for f in r[2]]))[:, 1] >= 0.5
                t = sum(int(a and b) for a, b in zip(p, r[3], strict=True))
                tp += t
                fp += int(p.sum()) - t
                fn += r[4] - t
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        label = "classifier (+rule output as a feature)" if use_rule else "classifier (features only)"
        print(f"{label}: {folds}-fold grouped CV P={pr:.3f} R={rc:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")


if __name__ == "__main__":
    main()
