"""Organisation families from the fifth blind round, on synthetic sentences (fictional names): companies
written "CV", orphanages and training institutes, the PKK movement, vocational training centres by acronym,
BNN with a lower-case level word, and regional offices written with a typo or as "Kanwil Hukum dan HAM"."""

import pytest

from nlp.organizations import find_hits, resolve
from nlp.registry import load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def names(text: str, reg) -> dict[str, str]:
    return {o.name: o.kind for o in resolve(find_hits(text, reg), text, reg)}


@pytest.mark.parametrize("text, name, kind", [
    ("Lapas Sukamaju bekerja sama dengan CV Mitra Sentosa dalam pelatihan las.", "CV Mitra Sentosa", "company"),
    ("Santunan diberikan kepada Panti Asuhan Harapan Bunda di Sukamaju.", "Panti Asuhan Harapan Bunda", "other"),
    ("Pelatihan tata rias oleh LKP Cantika Mandiri bagi anak binaan.", "LKP Cantika Mandiri", "other"),
    ("Sertifikat diterbitkan Lembaga Pelatihan Kerja Karya Utama.", "Lembaga Pelatihan Kerja Karya Utama", "other"),
    ("Ketua Tim Penggerak PKK Kabupaten Gorontalo hadir di lapas.", "Tim Penggerak PKK Kabupaten Gorontalo", "other"),
    ("Warga binaan dilatih di BLK Kotabaru selama sepekan.", "BLK Kotabaru", "local_government"),
    ("Razia melibatkan anggota BNN kota Lubuk Linggau dan Kodim.", "BNN kota Lubuk Linggau", "bnn"),
    ("Kepala Kanwil Hukum dan HAM Provinsi Bali meninjau rutan.", "Kanwil Hukum dan HAM Provinsi Bali",
     "corrections_office"),
    ("Kasubbid Kanwil Kemenkumam Kaltim turut hadir.", "Kanwil Kemenkumam Kaltim", "corrections_office"),
])
def test_new_families(reg, text, name, kind):
    assert names(text, reg).get(name) == kind


@pytest.mark.parametrize("text", [
    "Lulusan LPK Pemerintah dan swasta diminta mendaftar.",  # a generic phrase, not a named institute
    "Pelatihan di BLK Lapas terus berjalan.",  # no place: the lapas' own workshop
])
def test_generic_phrases_are_not_organisations(reg, text):
    assert not any(n.startswith(("LPK", "BLK")) for n in names(text, reg))
