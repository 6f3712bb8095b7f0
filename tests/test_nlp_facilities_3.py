"""Facility forms from the fifth blind round, on synthetic sentences (fictional people): the "LLP" acronym of a
women's prison, the "Rumah Tanahanan" typo, a facility known by its neighbourhood (Jambula = Lapas Ternate), and
an open prison beside the ordinary one in the same town."""

from __future__ import annotations

from nlp.facilities import find_mentions, resolve
from nlp.registry import load_registry


def facs(text: str):
    reg = load_registry()
    return resolve(find_mentions(text, reg), text, reg, lambda pos: "")[0]


def test_llp_is_a_womens_prison():
    (f,) = facs("Hari ini LLP Kelas IIB Bengkulu menerima kunjungan tim dari Jakarta.")
    assert (f.kind, f.city) == ("lapas", "Bengkulu")


def test_tanahanan_typo_is_a_rutan():
    (f,) = facs("Ia pindahan dari Rumah Tanahanan (Rutan) Salemba sejak awal tahun.")
    assert f.kind == "rutan" and f.facility_id == "rutan-salemba"


def test_neighbourhood_name_joins_the_registered_facility():
    fs = facs("Petugas memeriksa kamar di Lapas Jambula. Kepala Lapas Ternate, Budi Santoso, memimpin razia.")
    assert [f.facility_id for f in fs] == ["lapas-ternate"]


def test_open_prison_stays_apart_from_the_ordinary_one():
    fs = facs("Hadir Kepala Lapas Waikabubak Andi Lukito serta Kepala Lapas Terbuka Waikabubak Rudi Hartono.")
    assert sorted(f.facility_id or "" for f in fs) == ["lapas-terbuka-waikabubak", "lapas-waikabubak"]
