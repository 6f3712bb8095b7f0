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
The candidate-pair classifier experiment lives in `pantau train partnerships` (flows/train_pairs.py).
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


if __name__ == "__main__":
    main()
