"""Facility forms from the eighth fresh round, on synthetic sentences (fictional people): the town word written
in lower case after the class ("Kelas II A kota X"), and the narcotics prison of Jambi province known by the
province's name."""

from __future__ import annotations

from nlp.facilities import find_mentions, resolve
from nlp.registry import load_registry


def facs(text: str):
    reg = load_registry()
    return resolve(find_mentions(text, reg), text, reg, lambda pos: "")[0]


def test_lower_case_kota_before_the_town():
    (f,) = facs("Penandatanganan digelar. Kalapas Kelas II A kota Lubuklinggau Rudi Hartanto membuka acara.")
    assert f.facility_id == "lapas-lubuklinggau"


def test_lower_case_kota_after_the_kind():
    (f,) = facs("Bantuan diserahkan kepada Lapas kota Sorong oleh pemerintah daerah.")
    assert f.facility_id == "lapas-sorong"


def test_narcotics_prison_named_by_the_province():
    fs = facs("Petugas Lapas Narkotika Jambi menggeledah kamar. Kalapas Kelas IIB Muara Sabak, Dedi Kurnia, "
              "memimpin razia.")
    assert [f.facility_id for f in fs] == ["lapas-muara-sabak"]


def test_general_prison_of_jambi_is_unchanged():
    (f,) = facs("Petugas Lapas Kelas IIA Jambi menggeledah kamar hunian.")
    assert f.facility_id == "lapas-jambi"
