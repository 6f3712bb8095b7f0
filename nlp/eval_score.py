# ruff: noqa
# Vendored copy of ../shared/eval/score.py (the project's judge), used by `pantau evaluate` only when the
# shared copy is absent. Keep it byte-identical below this header: compare with diff before editing.
#!/usr/bin/env python3
"""Score `pantau extract` output against the hidden gold set. Stdlib only.

usage: score.py GOLD.jsonl PRED.jsonl [--json OUT.json]
"""
import json
import re
import sys
from difflib import SequenceMatcher

HONORIFICS = set("""dr drs dra h hj ir prof kh ust ustadz s sh mh msi ssos sip mm mkn mpd spd se st sst
kombes pol akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu bripda brigjen irjen komjen jenderal
letkol kolonel mayor kapten lettu letda sertu serka serma kopda pratu laksma marsma mayjen kol inf cpl
bapak ibu pak bu sdr saudara""".split())

TOPICS = ["anti_narcotics", "illegal_phones", "extortion_integrity", "election_neutrality", "official_visit",
          "cooperation_agreement", "security_incident", "rehabilitation_programs", "remission_release",
          "overcrowding", "inmate_services"]
CARD_TOPICS = ["anti_narcotics", "election_neutrality", "official_visit"]


def norm(s):
    s = (s or "").lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def name_tokens(s):
    return [t for t in norm(s).split() if t not in HONORIFICS]


def similar(a, b, ratio=0.9, min_subset=2):
    """Fuzzy equality of two names: equal, token subset (>= min_subset tokens), or close spelling."""
    ta, tb = norm(a).split(), norm(b).split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    sa, sb = set(ta), set(tb)
    short = sa if len(sa) <= len(sb) else sb
    long_ = sb if short is sa else sa
    if len(short) >= min_subset and short <= long_:
        return True
    return SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= ratio


def person_similar(a, b):
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    sa, sb = set(ta), set(tb)
    if sa <= sb or sb <= sa:
        return True
    return SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= 0.88


def fac_strings(p):
    out = [p.get("name") or ""]
    if p.get("kind") and p.get("city"):
        out.append(f"{p['kind'].replace('_', ' ')} {p['city']}")
    return [s for s in out if s]


def fac_match(p, g):
    if p.get("kind") and g.get("kind") and p.get("city") and g.get("city"):
        if norm(p["kind"]) == norm(g["kind"]) and (norm(p["city"]) == norm(g["city"]) or
                                                    SequenceMatcher(None, norm(p["city"]), norm(g["city"])).ratio() >= 0.85):
            return True
    return any(similar(s, a) for s in fac_strings(p) for a in g["aliases"])


def org_match(pname, g):
    return any(similar(pname, a) for a in g["aliases"])


def entity_match(pname, g):
    """pname: a plain string naming a facility or organisation; g: gold facility or org."""
    if "kind" in g:
        return any(similar(pname, a) for a in g["aliases"]) or similar(pname, f"{g['kind']} {g.get('city', '')}")
    return org_match(pname, g)


def greedy(preds, golds, match):
    used, pairs = set(), []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if j not in used and match(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


class PRF:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, npred, ngold):
        self.tp += tp
        self.fp += npred - tp
        self.fn += ngold - tp

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f(self):
        p, r = self.p(), self.r()
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self):
        return {"p": round(self.p(), 3), "r": round(self.r(), 3), "f1": round(self.f(), 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def as_names(items):
    out = []
    for it in items or []:
        if isinstance(it, str):
            out.append({"name": it})
        elif isinstance(it, dict):
            out.append(it)
    return out


def score(gold, pred):
    m = {k: PRF() for k in ["relevant", "facilities", "organizations", "officials", "partnerships"]}
    topics = {t: PRF() for t in TOPICS}
    date_ok = date_n = 0
    role_ok = role_n = 0
    missing = 0
    for gid, g in gold.items():
        p = pred.get(gid)
        if p is None:
            missing += 1
            p = {}
        prel = bool(p.get("relevant"))
        m["relevant"].add(int(prel and g["relevant"]), int(prel), int(g["relevant"]))
        if not g["relevant"]:
            continue
        ptopics = set(p.get("topics") or [])
        for t in TOPICS:
            topics[t].add(int(t in ptopics and t in g["topics"]), int(t in ptopics), int(t in g["topics"]))
        if g.get("event_date"):
            date_n += 1
            date_ok += int(p.get("event_date") == g["event_date"])
        pf = as_names(p.get("facilities"))
        m["facilities"].add(len(greedy(pf, g["facilities"], fac_match)), len(pf), len(g["facilities"]))
        po = as_names(p.get("organizations"))
        m["organizations"].add(len(greedy(po, g["organizations"], lambda a, b: org_match(a.get("name", ""), b))),
                               len(po), len(g["organizations"]))
        poff = as_names(p.get("officials"))
        pairs = greedy(poff, g["officials"],
                       lambda a, b: any(person_similar(a.get("name", ""), n) for n in [b["name"]] + b.get("aliases", [])))
        m["officials"].add(len(pairs), len(poff), len(g["officials"]))
        ents = {e["key"]: e for e in g["facilities"] + g["organizations"]}
        for i, j in pairs:
            gorg = g["officials"][j].get("org")
            if gorg and gorg in ents:
                role_n += 1
                porg = poff[i].get("organization") or ""
                role_ok += int(bool(porg) and entity_match(porg, ents[gorg]))
        pp = []
        for it in p.get("partnerships") or []:
            parties = it.get("parties") if isinstance(it, dict) else None
            if parties and len(parties) == 2:
                pp.append([str(x) for x in parties])
        gp = [x for x in g.get("partnerships", []) if all(k in ents for k in x["pair"])]

        def pmatch(a, b):
            e1, e2 = ents[b["pair"][0]], ents[b["pair"][1]]
            return (entity_match(a[0], e1) and entity_match(a[1], e2)) or (entity_match(a[0], e2) and entity_match(a[1], e1))
        m["partnerships"].add(len(greedy(pp, gp, pmatch)), len(pp), len(gp))
    out = {k: v.row() for k, v in m.items()}
    out["topics"] = {t: v.row() for t, v in topics.items()}
    supported = [t for t in TOPICS if topics[t].tp + topics[t].fn >= 3]
    out["topic_macro_f1"] = round(sum(topics[t].f() for t in supported) / max(1, len(supported)), 3)
    out["topic_card_f1"] = round(sum(topics[t].f() for t in CARD_TOPICS) / len(CARD_TOPICS), 3)
    out["event_date_acc"] = round(date_ok / date_n, 3) if date_n else None
    out["official_role_acc"] = round(role_ok / role_n, 3) if role_n else None
    out["missing_predictions"] = missing
    out["n_gold"] = len(gold)
    return out


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                obj = json.loads(line)
                rows[str(obj["id"])] = obj
    return rows


def main():
    args = sys.argv[1:]
    jpath = None
    if "--json" in args:
        k = args.index("--json")
        jpath = args[k + 1]
        del args[k:k + 2]
    gold, pred = load(args[0]), load(args[1])
    res = score(gold, pred)
    if jpath:
        with open(jpath, "w") as fh:
            json.dump(res, fh, indent=1)
    for k in ["relevant", "facilities", "organizations", "officials", "partnerships"]:
        r = res[k]
        print(f"{k:14s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    for t, r in res["topics"].items():
        print(f"  topic {t:24s} F1={r['f1']:.3f} (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    print(f"topic_macro_f1={res['topic_macro_f1']} topic_card_f1={res['topic_card_f1']} "
          f"event_date_acc={res['event_date_acc']} official_role_acc={res['official_role_acc']} "
          f"missing={res['missing_predictions']} n={res['n_gold']}")


if __name__ == "__main__":
    main()
