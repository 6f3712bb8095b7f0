"""Facility forms of session 5, cycle 2, on synthetic sentences: a class written as a fraction ("Kelas II/A"),
two heads sharing one town ("Lapas dan Rutan X"), and the other prisons of a town ("Lapas Perempuan X" beside
"Lapas Kelas I X", "Rutan Perempuan Kelas IIB X" beside "Rutan Kelas IIA X") that the short-form rules must not
fold together."""

from __future__ import annotations

from tests.test_nlp_facilities_6 import facs


def test_class_written_as_a_fraction():
    got = facs("Menurut Kepala Lapas kelas II/A Manado Budiman, remisi diusulkan bagi 300 narapidana.")
    assert [f.facility_id for f in got] == ["lapas-manado"]


def test_two_heads_share_the_town_after_the_second():
    got = facs("Tim gabungan BNNK Kendari merazia Lapas dan Rutan Kelas IIA Kendari, Jumat (6/12) malam.")
    assert sorted(f.facility_id for f in got) == ["lapas-kendari", "rutan-kendari"]


def test_general_prison_after_the_womens_prison_of_the_town():
    got = facs("Kakanwil memantau layanan kunjungan di Lapas Perempuan Semarang, kemudian Lapas Kelas I Semarang "
               "dan Rutan Kelas I Semarang.")
    assert sorted(f.facility_id for f in got) == ["lapas-perempuan-semarang", "lapas-semarang", "rutan-semarang"]


def test_womens_remand_centre_after_the_town_remand_centre():
    got = facs("Kakanwil lalu mengunjungi Rutan Kelas IIA Pontianak dan Rutan Perempuan Kelas IIB Pontianak.")
    assert len([f for f in got if f.kind == "rutan"]) == 2


def test_two_kinds_written_for_one_unit_take_the_kind_the_registry_has():
    """"Rutan/LP Sialang Bungkuk": the registry has a Rutan there (Pekanbaru's) and no Lapas: one facility."""
    got = facs("Petugas Rutan/LP Sialang Bungkuk menggagalkan penyelundupan sabu di pintu depan, Senin (3/2).")
    assert [f.facility_id for f in got] == ["rutan-pekanbaru"]
