"""Validate the facility registry and the region gazetteer, print coverage counts, and (optionally)
measure how many facility mentions of a corpus resolve to a registry row.

Why a script and not only the loader's checks: the loader (`nlp.registry.load_registry`) fails fast on
a line it cannot read, but it cannot see cross-file problems: a facility whose province is not one of
the 38, a town that no region explains, two facilities answering to the same surface form, an id that
breaks the `kind[-specialty]-town` convention. Those are what this script reports, file and line first.

Files checked (all in --dir, default nlp/registry):
  regions.csv, regions_extra.csv       region,kind,province,aliases
  facilities.csv, facilities_extra.csv facility_id,kind,class,specialty,name,city,province,aliases

Problems in the *_extra files are errors (exit code 1); problems in the seed files are printed as
warnings (their owner fixes them), unless --strict.

Usage:
  .venv/bin/python scripts/check_registry.py
  PYTHONPATH=. .venv/bin/python scripts/check_registry.py --corpus /work/shared/data/corpus/articles.jsonl
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nlp.registry import norm_key, town_forms  # noqa: E402 - the loader's own rules

ROOT = Path(__file__).resolve().parents[1]
REGION_COLS = ["region", "kind", "province", "aliases"]
FACILITY_COLS = ["facility_id", "kind", "class", "specialty", "name", "city", "province", "aliases"]
REGION_KINDS = {"province", "kabupaten", "kota"}
FACILITY_KINDS = ["lapas", "rutan", "cabang_rutan", "lpka", "bapas", "rupbasan"]
CLASSES = {"", "I", "II", "IIA", "IIB", "III"}
SPECIALTIES = {"", "narkotika", "perempuan", "khusus", "pemuda", "terbuka", "industri", "anak"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXPECTED_PROVINCES = 38


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def split_aliases(s: str | None) -> list[str]:
    return [a.strip() for a in (s or "").split(";") if a.strip()]


@dataclass
class Report:
    """Errors and warnings, each prefixed with file:line so a reader can jump to it."""

    strict: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problem(self, seed: bool, msg: str) -> None:
        (self.warnings if seed and not self.strict else self.errors).append(msg)


@dataclass
class Row:
    file: str
    line: int
    seed: bool  # True for the seed files (regions.csv / facilities.csv)
    data: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def read_csv(path: Path, cols: list[str], seed: bool, rep: Report) -> list[Row]:
    if not path.exists():
        rep.problem(seed, f"{path.name}: missing")
        return []
    rows: list[Row] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != cols:
            rep.problem(seed, f"{path.name}:1: header {header} != expected {cols}")
            return []
        for i, rec in enumerate(reader, start=2):
            if not rec or all(not c.strip() for c in rec):
                continue
            if len(rec) != len(cols):
                rep.problem(seed, f"{path.name}:{i}: {len(rec)} fields, expected {len(cols)}")
                continue
            if any(c != c.strip() for c in rec):
                rep.problem(seed, f"{path.name}:{i}: leading/trailing spaces in a field")
            rows.append(Row(path.name, i, seed, {k: v.strip() for k, v in zip(cols, rec, strict=True)}))
    return rows


@dataclass
class Gazetteer:
    provinces: set[str]
    # norm key -> set of (province, region name, kind)
    by_key: dict[str, set[tuple[str, str, str]]]

    def resolve(self, place: str) -> set[str]:
        """Provinces a place name may belong to; drops leading words until something matches
        ("Batu Nusakambangan" -> "Nusakambangan")."""
        words = norm_key(place).split()
        for i in range(len(words)):
            hit = self.by_key.get(" ".join(words[i:]))
            if hit:
                return {p for p, _, _ in hit}
        return set()


def check_regions(rows: list[Row], rep: Report) -> Gazetteer:
    provinces = {r.data["region"] for r in rows if r.data["kind"] == "province"}
    by_key: dict[str, set[tuple[str, str, str]]] = collections.defaultdict(set)
    seen: dict[tuple[str, str, str], Row] = {}
    for r in rows:
        d = r.data
        if not d["region"]:
            rep.problem(r.seed, f"{r.where}: empty region")
            continue
        if d["kind"] not in REGION_KINDS:
            rep.problem(r.seed, f"{r.where}: kind {d['kind']!r} not in {sorted(REGION_KINDS)}")
        if d["province"] not in provinces:
            rep.problem(r.seed, f"{r.where}: province {d['province']!r} is not a province row")
        if d["kind"] == "province" and d["province"] != d["region"]:
            rep.problem(r.seed, f"{r.where}: a province row must name itself as province")
        key = (r.file, d["region"], d["kind"])
        if key in seen:
            rep.problem(r.seed, f"{r.where}: duplicate of {seen[key].where} ({d['region']} {d['kind']})")
        seen[key] = r
        for form in [d["region"], *split_aliases(d["aliases"])]:
            by_key[norm_key(form)].add((d["province"], d["region"], d["kind"]))
    if len(provinces) != EXPECTED_PROVINCES:
        rep.errors.append(f"regions: {len(provinces)} provinces, expected {EXPECTED_PROVINCES}")
    # the same name in two provinces is ambiguous for province_of(); same-province pairs
    # (Kota/Kabupaten Bogor) are expected
    for k, hits in sorted(by_key.items()):
        provs = {p for p, _, _ in hits}
        if len(provs) > 1 and not any(kind == "province" for _, _, kind in hits):
            rep.warnings.append(f"regions: {k!r} names places in {sorted(provs)}")
    # same region in both files with different provinces
    by_name: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for r in rows:
        by_name[(r.data["region"], r.data["kind"])].add(r.data["province"])
    for (name, kind), provs in sorted(by_name.items()):
        if len(provs) > 1:
            rep.errors.append(f"regions: {name} ({kind}) is in {sorted(provs)} across files")
    return Gazetteer(provinces, by_key)


def lookup_forms(d: dict[str, str]) -> list[str]:
    """The town forms the loader indexes a facility under (the loader's own function)."""
    return town_forms(d["city"], split_aliases(d["aliases"]))


def check_facilities(rows: list[Row], gaz: Gazetteer, rep: Report) -> None:
    ids: dict[str, Row] = {}
    names: dict[str, Row] = {}
    index: dict[tuple[str, str, str], list[Row]] = collections.defaultdict(list)
    for r in rows:
        d = r.data
        fid = d["facility_id"]
        if not ID_RE.match(fid):
            rep.problem(r.seed, f"{r.where}: facility_id {fid!r} is not lower-case-dashed")
        if fid in ids:
            rep.problem(r.seed, f"{r.where}: facility_id {fid} already at {ids[fid].where}")
        ids[fid] = r
        if d["kind"] not in FACILITY_KINDS:
            rep.problem(r.seed, f"{r.where}: kind {d['kind']!r} not in {FACILITY_KINDS}")
            continue
        if d["class"] not in CLASSES:
            rep.problem(r.seed, f"{r.where}: class {d['class']!r} not in {sorted(CLASSES)}")
        if d["specialty"] not in SPECIALTIES:
            rep.problem(r.seed, f"{r.where}: specialty {d['specialty']!r} not in {sorted(SPECIALTIES)}")
        if not d["name"] or not d["city"]:
            rep.problem(r.seed, f"{r.where}: name and city are required")
            continue
        expected = "-".join(x for x in [d["kind"].replace("_", "-"), d["specialty"], slug(d["city"])] if x)
        if fid != expected:
            rep.problem(r.seed, f"{r.where}: id {fid} does not follow kind[-specialty]-town ({expected})")
        if d["specialty"] and d["specialty"] not in d["name"].lower():
            rep.problem(r.seed, f"{r.where}: specialty {d['specialty']} not in name {d['name']!r}")
        if d["class"] and f"Kelas {d['class']} " not in d["name"] + " ":
            rep.problem(r.seed, f"{r.where}: class {d['class']} not in name {d['name']!r}")
        if d["name"] in names:
            rep.problem(r.seed, f"{r.where}: name {d['name']!r} already at {names[d['name']].where}")
        names[d["name"]] = r
        if d["province"] not in gaz.provinces:
            rep.problem(r.seed, f"{r.where}: province {d['province']!r} is not one of the {EXPECTED_PROVINCES}")
        forms = lookup_forms(d)
        provs = set().union(*(gaz.resolve(f) for f in forms))
        if d["province"] not in provs:
            what = f"resolves to {sorted(provs)}" if provs else "resolves to no region"
            rep.problem(r.seed, f"{r.where}: town {d['city']!r} (forms {forms}) {what}, not {d['province']}")
        for f in forms:
            index[(d["kind"], d["specialty"], norm_key(f))].append(r)
    # a town whose rows all carry a specialty: the loader's lookup sends a plain mention to the first
    # of them. Right for "Lapas Bangli" (the one lapas there is the narkotika one), wrong where the
    # town names several facilities ("Lapas Nusakambangan": a site with eight lapas, whose other rows
    # are indexed as "Batu Nusakambangan" ...). Only those ambiguous cases are listed.
    by_town: dict[tuple[str, str], dict[str, str]] = collections.defaultdict(dict)
    for (kind, spec, key), rs in index.items():
        by_town[(kind, key)].setdefault(spec, rs[0].data["facility_id"])
    for (kind, key), specs in sorted(by_town.items()):
        if "" in specs:
            continue
        site_of = sorted({fid for (k, t), sp in by_town.items() if k == kind and t.endswith(" " + key)
                          for fid in sp.values()})
        if len(specs) > 1 or site_of:
            rep.warnings.append(f"fallback: a plain '{kind} {key}' mention resolves to "
                                f"{next(iter(specs.values()))} although the town names "
                                f"{sorted(set(specs.values()) | set(site_of))}")
    # two facilities under one (kind, specialty, town) key: the loader returns the first one only
    for (kind, spec, key), rs in sorted(index.items()):
        uniq = {r.data["facility_id"]: r for r in rs}
        if len(uniq) > 1:
            # a clash that involves a seed row is the seed owner's call (which row keeps the alias)
            seed = any(r.seed for r in uniq.values())
            where = ", ".join(f"{fid} ({r.where})" for fid, r in uniq.items())
            rep.problem(seed, f"duplicate alias: {kind}{'/' + spec if spec else ''} {key!r} -> {where}")


def print_counts(fac: list[Row], regions: list[Row], gaz: Gazetteer) -> None:
    kinds = collections.Counter(r.data["kind"] for r in fac)
    print(f"facilities: {len(fac)} rows ({sum(1 for r in fac if r.seed)} seed, "
          f"{sum(1 for r in fac if not r.seed)} extra)")
    print("  per kind: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in FACILITY_KINDS))
    spec = collections.Counter(r.data["specialty"] for r in fac if r.data["specialty"])
    print("  lapas specialties: " + ", ".join(f"{k} {v}" for k, v in sorted(spec.items())))
    unique_regions = {(r.data["region"], r.data["kind"]) for r in regions}
    rk = collections.Counter(k for _, k in unique_regions)
    print(f"regions: {len(unique_regions)} distinct (name, kind) over both files: "
          + ", ".join(f"{k} {rk.get(k, 0)}" for k in ("province", "kabupaten", "kota")))
    for r_file in sorted({r.file for r in regions}):
        c = collections.Counter(r.data["kind"] for r in regions if r.file == r_file)
        print(f"  {r_file}: " + ", ".join(f"{k} {c.get(k, 0)}" for k in ("province", "kabupaten", "kota")))
    by_prov: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in fac:
        by_prov[r.data["province"]][r.data["kind"]] += 1
    covered = [p for p in sorted(gaz.provinces) if by_prov.get(p)]
    print(f"provinces with at least one facility: {len(covered)}/{len(gaz.provinces)}")
    head = "  " + "province".ljust(28) + "".join(k[:8].rjust(9) for k in FACILITY_KINDS) + "    total"
    print(head)
    for p in sorted(gaz.provinces):
        c = by_prov.get(p, collections.Counter())
        print("  " + p.ljust(28) + "".join(str(c.get(k, 0)).rjust(9) for k in FACILITY_KINDS)
              + str(sum(c.values())).rjust(9))
    lacking = [p for p in sorted(gaz.provinces) if not all(by_prov[p].get(k) for k in ("lapas", "bapas"))]
    if lacking:
        print("  provinces without a lapas or a bapas row: " + ", ".join(lacking))


def merged_dir(directory: Path, tmp: Path) -> Path:
    """Seed + extra files concatenated (seed rows first, as a loader merging both would read them)."""
    for base in ("regions", "facilities"):
        with open(tmp / f"{base}.csv", "w", encoding="utf-8", newline="") as out:
            for i, name in enumerate((f"{base}.csv", f"{base}_extra.csv")):
                p = directory / name
                if not p.exists():
                    continue
                lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
                out.writelines(lines if i == 0 else lines[1:])
                if lines and not lines[-1].endswith("\n"):
                    out.write("\n")
    return tmp


def corpus_coverage(path: Path, directory: Path, show: int) -> None:
    """Distinct facility mentions (kind, specialty, town) found by nlp.facilities.find_mentions in
    every article, and the share that resolves to a registry row, with the seed registry alone and
    with seed + extra. 'exact' also requires the specialty to agree (Lapas Narkotika X -> the
    narkotika row, a plain mention -> a plain row)."""
    sys.path.insert(0, str(ROOT))
    from nlp.facilities import find_mentions  # noqa: PLC0415 (optional dependency of the check)
    from nlp.registry import load_registry  # noqa: PLC0415

    texts = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            try:
                a = json.loads(line)
                texts.append((a.get("title") or "") + "\n" + (a.get("text") or ""))
            except (json.JSONDecodeError, AttributeError) as e:
                print(f"  {path}:{i}: skipped ({e})", file=sys.stderr)
    with tempfile.TemporaryDirectory() as td:
        seed_only = Path(td) / "seed"
        seed_only.mkdir()
        for base in ("regions", "facilities"):
            (seed_only / f"{base}.csv").write_bytes((directory / f"{base}.csv").read_bytes())
        both = Path(td) / "both"
        both.mkdir()
        merged_dir(directory, both)
        seed_ids: list[str] = []
        for label, d in (("seed only", seed_only), ("seed + extra", both)):
            reg = load_registry(str(d))
            mentions: collections.Counter = collections.Counter()
            for t in texts:
                seen = set()
                for m in find_mentions(t, reg):
                    if m.city is None:
                        continue
                    seen.add((m.kind, m.specialty or "", norm_key(m.city), m.city))
                mentions.update({k[:3]: 1 for k in seen})
            placeish = {k for k in mentions if k[2] in reg.place_keys}
            res = exact = res_place = 0
            res_n = tot_n = 0
            unresolved: collections.Counter = collections.Counter()
            for (kind, spec, town), n in mentions.items():
                e = reg.lookup_facility(kind, town, spec or None)
                tot_n += n
                if e:
                    res += 1
                    res_n += n
                    exact += (e.specialty or "") == spec
                    res_place += (kind, spec, town) in placeish
                else:
                    unresolved[(kind, spec, town)] = n
            total = len(mentions)
            print(f"corpus coverage ({label}): {res}/{total} distinct mentions resolve "
                  f"({100 * res / max(total, 1):.1f}%), {exact} with the same specialty "
                  f"({100 * exact / max(total, 1):.1f}%); article-weighted {res_n}/{tot_n} "
                  f"({100 * res_n / max(tot_n, 1):.1f}%); mentions whose town is a known place: "
                  f"{res_place}/{len(placeish)} ({100 * res_place / max(len(placeish), 1):.1f}%)")
            if label == "seed + extra":
                attested = collections.Counter()
                for t in texts:
                    ids = set()
                    for m in find_mentions(t, reg):
                        e = reg.lookup_facility(m.kind, m.city, m.specialty) if m.city else None
                        if e:
                            ids.add(e.facility_id)
                    attested.update(ids)
                extra_ids = [f.facility_id for f in reg.facilities[len(seed_ids):]]
                print(f"  registry rows named in the corpus: seed {sum(1 for i in seed_ids if attested[i])}"
                      f"/{len(seed_ids)}, extra {sum(1 for i in extra_ids if attested[i])}/{len(extra_ids)}")
            else:
                seed_ids = [f.facility_id for f in reg.facilities]
            load_registry.cache_clear()
        if show:
            print(f"  most frequent unresolved (kind/specialty town: articles), top {show}:")
            print("  " + "; ".join(f"{k}{'/' + s if s else ''} {t}: {n}"
                                   for (k, s, t), n in unresolved.most_common(show)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=ROOT / "nlp" / "registry", help="registry directory")
    ap.add_argument("--corpus", type=Path, help="articles.jsonl to measure mention coverage on")
    ap.add_argument("--strict", action="store_true", help="problems in the seed files are errors too")
    ap.add_argument("--show-unresolved", type=int, default=25, help="unresolved corpus mentions to list")
    ap.add_argument("--quiet", action="store_true", help="do not list warnings, only count them")
    args = ap.parse_args(argv)
    rep = Report(strict=args.strict)
    d = args.dir
    regions = (read_csv(d / "regions.csv", REGION_COLS, True, rep)
               + read_csv(d / "regions_extra.csv", REGION_COLS, False, rep))
    fac = (read_csv(d / "facilities.csv", FACILITY_COLS, True, rep)
           + read_csv(d / "facilities_extra.csv", FACILITY_COLS, False, rep))
    gaz = check_regions(regions, rep)
    check_facilities(fac, gaz, rep)
    print_counts(fac, regions, gaz)
    if args.corpus:
        corpus_coverage(args.corpus, d, args.show_unresolved)
    if rep.warnings:
        print(f"\n{len(rep.warnings)} warning(s) (seed files or ambiguous names):")
        if not args.quiet:
            for w in rep.warnings:
                print("  WARN " + w)
    if rep.errors:
        print(f"\n{len(rep.errors)} error(s):")
        for e in rep.errors:
            print("  ERROR " + e)
        return 1
    print("\nOK: no errors in the extra files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
