"""Facility forms of session 5, on synthetic sentences (fictional people): "Pemasyarakatan" misspelt in the long
head ("Lembaga Permasyarakatan (LP) X") and a bare class numeral written with a hyphen ("Lapas II-B X")."""

from __future__ import annotations

from tests.test_nlp_facilities_6 import facs


def test_misspelt_long_head_with_acronym():
    got = facs("Seorang narapidana Lembaga Permasyarakatan (LP) Tegal mendapat remisi, Senin.")
    assert [f.facility_id for f in got] == ["lapas-tegal"]


def test_misspelt_long_head_with_class():
    got = facs("Bupati meninjau Lembaga Permasyarakatan (Lapas) Kelas II B Sragen pada Rabu pagi.")
    assert [f.facility_id for f in got] == ["lapas-sragen"]


def test_bare_class_with_a_hyphen():
    got = facs("Dua lapas lolos verifikasi, yakni Lapas II-B Tegal dan Lapas Kelas IIA Cibinong.")
    assert sorted(f.facility_id for f in got) == ["lapas-cibinong", "lapas-tegal"]
