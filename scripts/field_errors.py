"""Per-article errors of one field, matched exactly as ../shared/eval/score.py matches them.

Why: the scorer prints totals; fixing rules needs the misses and false hits article by article.
Usage (repository root, ../shared beside it):
  python scripts/field_errors.py --gold models/annotations/gold/dev_e.jsonl --field organizations
  python scripts/field_errors.py --gold 'models/annotations/gold/dev_[a-g].jsonl' --field event_date --pred out.jsonl
Without --pred the articles are extracted first (corpus text by id, nothing written to the repo).
Fields: facilities organizations officials role event_date partnerships topics relevant
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from flows.commands.nlp_cmds import load_score_module  # noqa: E402
from nlp.evaluate import load_gold  # noqa: E402


def _predict(ids: set[str]) -> dict[str, dict]:
    from nlp.analyze import Analyzer
    from nlp.evaluate import load_corpus

    arts = load_corpus(SHARED / "data" / "corpus", ids)
    return {a.id: a.to_json() for a in Analyzer.load().pipe(arts.values())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", nargs="+", required=True, help="gold JSONL files (globs allowed)")
    ap.add_argument("--field", required=True)
    ap.add_argument("--pred", help="pantau extract output; extracted afresh when absent")
    a = ap.parse_args()
    gold = load_gold([Path(f) for f in sorted({f for g in a.gold for f in glob.glob(g)})])
    pred = ({(p := json.loads(x))["id"]: p for x in open(a.pred, encoding="utf-8") if x.strip()} if a.pred
            else _predict(set(gold)))
    sc = load_score_module()
    n_err = 0
    for gid, g in gold.items():
        p = pred.get(gid, {})
        lines = _errors(sc, a.field, g, p)
        if lines:
            n_err += 1
            print(f"== {gid}  published={p.get('published', '')}")
            for x in lines:
                print("   " + x)
    print(f"{n_err} of {len(gold)} articles with {a.field} errors")
    res = sc.score(gold, pred)
    print("totals: " + "  ".join(f"{k} F1={res[k]['f1']}" for k in
                                 ("relevant", "facilities", "organizations", "officials", "partnerships")) +
          f"  role={res['official_role_acc']} event_date={res['event_date_acc']} topic_macro={res['topic_macro_f1']}")


def _errors(sc, field: str, g: dict, p: dict) -> list[str]:
    if field == "relevant":
        return [] if bool(p.get("relevant")) == g["relevant"] else [f"gold {g['relevant']} pred {p.get('relevant')}"]
    if not g["relevant"]:
        return []
    if field == "event_date":
        if g.get("event_date") and p.get("event_date") != g["event_date"]:
            ds = ", ".join(f"{d['text']!r}={d['date']}" for d in (p.get("dates") or [])[:8])
            return [f"gold {g['event_date']} pred {p.get('event_date')}  | dates: {ds}"]
        return []
    if field == "topics":
        gt, pt = set(g["topics"]), set(p.get("topics") or [])
        return [f"missed {sorted(gt - pt)} extra {sorted(pt - gt)}"] if gt != pt else []
    ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
    if field in ("facilities", "organizations"):
        preds = sc.as_names(p.get(field))
        golds = g[field]
        match = sc.fac_match if field == "facilities" else (lambda x, y: sc.org_match(x.get("name", ""), y))
        pairs = sc.greedy(preds, golds, match)
        pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
        out = [f"FN {golds[j]['aliases'][:3]}" for j in range(len(golds)) if j not in gj]
        out += [f"FP {preds[i].get('name')!r} ({preds[i].get('kind')})" for i in range(len(preds)) if i not in pi]
        return out
    if field in ("officials", "role"):
        preds, golds = sc.as_names(p.get("officials")), g["officials"]
        pairs = sc.greedy(preds, golds, lambda x, y: any(sc.person_similar(x.get("name", ""), n)
                                                          for n in [y["name"]] + y.get("aliases", [])))
        if field == "role":
            out = []
            for i, j in pairs:
                go = golds[j].get("org")
                if go and go in ents and not sc.entity_match(preds[i].get("organization") or "", ents[go]):
                    out.append(f"{golds[j]['name']}: gold {ents[go]['aliases'][:2]} pred {preds[i].get('organization')!r}")
            return out
        pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
        out = [f"FN {golds[j]['name']!r} org={golds[j].get('org')}" for j in range(len(golds)) if j not in gj]
        out += [f"FP {preds[i].get('name')!r} title={preds[i].get('title')!r}" for i in range(len(preds)) if i not in pi]
        return out
    if field == "partnerships":
        pp = [it["parties"] for it in p.get("partnerships") or [] if len(it.get("parties") or []) == 2]
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]

        def pm(x, y):
            e1, e2 = ents[y["pair"][0]], ents[y["pair"][1]]
            return ((sc.entity_match(x[0], e1) and sc.entity_match(x[1], e2))
                    or (sc.entity_match(x[0], e2) and sc.entity_match(x[1], e1)))
        pairs = sc.greedy(pp, gp, pm)
        pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
        out = [f"FN {ents[gp[j]['pair'][0]]['aliases'][0]!r} <-> {ents[gp[j]['pair'][1]]['aliases'][0]!r} "
               f"({gp[j]['kind']})" for j in range(len(gp)) if j not in gj]
        out += [f"FP {pp[i]}" for i in range(len(pp)) if i not in pi]
        return out
    raise SystemExit(f"unknown field {field!r}")


if __name__ == "__main__":
    main()
