"""Facility and region registries: data files beside this module, loaded once per process.

Why data files: a registry engineer (or an analyst) adds a facility or a regency by adding one
CSV line; no code changes. Formats:
- facilities.csv: facility_id,kind,class,specialty,name,city,province,aliases (";"-separated;
  an alias that starts with a kind word ("Lapas Tuminting") is a full-name alias, otherwise it
  is another spelling of the city ("Krobokan")).
- regions.csv: region,kind(province|kabupaten|kota),province,aliases (";"-separated).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIND_WORDS = {"lapas": "lapas", "lp": "lapas", "rutan": "rutan", "lpka": "lpka", "bapas": "bapas",
              "rupbasan": "rupbasan", "cabang": "cabang_rutan"}
SPECIALTY_WORDS = {"narkotika", "perempuan", "wanita", "khusus", "pemuda", "terbuka", "industri", "anak"}


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=200_000)
def norm_key(s: str) -> str:
    """Lower-case, alphanumerics only, single spaces: the key every lookup uses (memoised: the same
    tokens recur in every article)."""
    return " ".join(_NON_ALNUM.sub(" ", s.lower()).split())


@dataclass(slots=True)
class FacilityEntry:
    facility_id: str
    kind: str
    facility_class: str | None
    specialty: str | None
    name: str
    city: str
    province: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Region:
    name: str
    kind: str
    province: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Registry:
    facilities: list[FacilityEntry]
    regions: list[Region]
    # (kind, city key) -> entries (several when specialties differ: Lapas / Lapas Narkotika Samarinda)
    by_kind_city: dict[tuple[str, str], list[FacilityEntry]]
    region_by_key: dict[str, Region]
    # every surface form that names a place (regions, facility towns): norm key -> display form
    place_keys: dict[str, str]
    province_abbrev: dict[str, str]  # norm key -> province name

    def lookup_facility(self, kind: str, city: str, specialty: str | None = None) -> FacilityEntry | None:
        return pick_facility(self.by_kind_city.get((kind, norm_key(city)), []), specialty)

    def province_of(self, place: str) -> str | None:
        r = self.region_by_key.get(norm_key(place))
        return r.province if r else None


def town_forms(city: str, aliases: list[str]) -> list[str]:
    """The town forms a facility is indexed under: its city, plus each alias with the kind and specialty
    words of a full-name alias stripped ("Lapas Narkotika Tuminting" -> "Tuminting")."""
    forms = [city]
    for a in aliases:
        words = a.split()
        if words and norm_key(words[0]) in KIND_WORDS:
            words = words[1:]
            while words and words[0].lower() in SPECIALTY_WORDS:
                words = words[1:]
            if words:
                forms.append(" ".join(words))
        else:
            forms.append(a)
    return forms


def _files(d: Path, stem: str) -> list[Path]:
    """`<stem>.csv` first (hand-checked seed), then `<stem>_*.csv` extensions in name order."""
    return [d / f"{stem}.csv", *sorted(p for p in d.glob(f"{stem}_*.csv"))]


def _split(s: str) -> list[str]:
    return [a.strip() for a in (s or "").split(";") if a.strip()]


@lru_cache(maxsize=4)
def load_registry(directory: str | None = None) -> Registry:
    """Read both CSVs once; a malformed line raises with its file and line number."""
    d = Path(directory) if directory else HERE
    regions: list[Region] = []
    for path in _files(d, "regions"):
        with open(path, encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                if not row.get("region") or not row.get("kind"):
                    raise ValueError(f"{path}:{i}: region and kind are required")
                regions.append(Region(row["region"], row["kind"], row["province"] or row["region"],
                                      _split(row.get("aliases", ""))))
    facilities: list[FacilityEntry] = []
    seen_ids: set[str] = set()
    for path in _files(d, "facilities"):
        with open(path, encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                if not row.get("facility_id") or row.get("kind") not in set(KIND_WORDS.values()):
                    raise ValueError(f"{path}:{i}: facility_id and a valid kind are required")
                if row["facility_id"] in seen_ids:
                    continue  # the seed file wins over the extension files
                seen_ids.add(row["facility_id"])
                facilities.append(FacilityEntry(row["facility_id"], row["kind"], row.get("class") or None,
                                                row.get("specialty") or None, row["name"], row["city"],
                                                row.get("province") or None, _split(row.get("aliases", ""))))
    region_by_key: dict[str, Region] = {}
    place_keys: dict[str, str] = {}
    abbrev: dict[str, str] = {}
    for r in regions:
        for form in [r.name, *r.aliases]:
            k = norm_key(form)
            # a kota and a kabupaten share names (Kota/Kabupaten Malang): the first wins, same province
            region_by_key.setdefault(k, r)
            place_keys.setdefault(k, form)
            if r.kind == "province":
                abbrev.setdefault(k, r.province)
    by_kind_city: dict[tuple[str, str], list[FacilityEntry]] = {}
    for f in facilities:
        for i, form in enumerate(town_forms(f.city, f.aliases)):
            by_kind_city.setdefault((f.kind, norm_key(form)), []).append(f)
            if i == 0 or form in f.aliases:  # the town and its spellings, not "Lapas Tuminting"
                place_keys.setdefault(norm_key(form), form)
    return Registry(facilities, regions, by_kind_city, region_by_key, place_keys, abbrev)


def pick_facility(cands: list[FacilityEntry], specialty: str | None = None) -> FacilityEntry | None:
    """Of the registered facilities of one kind in one town, the one with the specialty the text names
    ("Lapas Perempuan"), else the general one: a town's plain "Lapas" is its general prison."""
    if not cands:
        return None
    if specialty:
        for c in cands:
            if c.specialty == specialty:
                return c
    plain = [c for c in cands if not c.specialty]
    return (plain or cands)[0]
