"""Officials and organisations that the title walk alone missed, on synthetic sentences in the style of the
press: quoted speakers without a title, ranks before common-word names, unit words of police sections,
lists of agencies, and teaser lines that link other stories."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.analyze import Analyzer
from nlp.records import ArticleText


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def run(analyzer, text):
    return analyzer.analyze(ArticleText(id="t", text=text, title=None, published=date(2025, 2, 11)))


def names(a) -> set[str]:
    return {p.name for p in a.officials}


def test_quoted_speaker_without_title_is_an_official(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Banyuwangi menggelar razia kamar hunian bersama petugas. \"Kami tidak "
                      "memberi ruang bagi narkoba di dalam lapas,\" tegas Wahyu Pranoto Sugiharto. Razia berjalan "
                      "lancar hingga siang.")
    assert "Wahyu Pranoto Sugiharto" in names(a)


def test_quoted_inmate_or_relative_is_not_an_official(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Banyuwangi menggelar kunjungan keluarga. \"Saya senang bisa bertemu anak "
                      "saya,\" ujar Sulastri, istri salah satu narapidana. \"Terima kasih,\" kata Joko, warga binaan "
                      "Lapas Banyuwangi.")
    assert not names(a) & {"Sulastri", "Joko"}


def test_speaker_stops_at_sentence_end(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Banyuwangi membuka lahan asimilasi. \"Kegiatan ini rutin,\" jelas Hartono. "
                      "Seusai kegiatan, warga binaan kembali ke blok.")
    assert "Hartono" in names(a)
    assert not any("Seusai" in n for n in names(a))


def test_rank_then_common_word_name(analyzer):
    a = run(analyzer, "Kalapas Kelas IIA Kalianda bersama Kepala BNNK Lampung Selatan, AKBP. Ikhlas, memantau tes "
                      "urine di Lapas Kalianda.")
    assert "Ikhlas" in names(a)


def test_common_word_first_name_after_the_unit(analyzer):
    a = run(analyzer, "Tes urine dipimpin Kepala BNNK Purbalingga Bagus Wicaksono SKom di Rutan Purbalingga.")
    assert "Bagus Wicaksono" in names(a)


def test_police_section_words_are_not_names(analyzer):
    a = run(analyzer, "Hadir dalam kegiatan di Lapas Ambarawa antara lain Kapolres Semarang, Kabag Ops, Kasat "
                      "Intelkam, serta pejabat Polres Semarang.")
    assert not any(w in n for n in names(a) for w in ("Ops", "Intelkam", "Kabag"))


def test_numeral_ends_the_unit_and_rank_opens_the_name(analyzer):
    a = run(analyzer, "Ia menyebut Kepala Subdirektorat III Direktorat Reserse Narkoba Polda Aceh Kompol Rizal "
                      "Hamdani turut memeriksa Lapas Lhokseumawe.")
    assert "Rizal Hamdani" in names(a)
    assert not any("III" in n or "Subdirektorat" in n for n in names(a))


def test_misspelt_later_mention_joins_the_official(analyzer):
    a = run(analyzer, "Kepala Lapas Kelas IIA Manado, Lumaksono, menerima kunjungan. \"Kami tetap waspada,\" "
                      "jelas Lomaksono.")
    assert [p.name for p in a.officials] == ["Lumaksono"]


def test_list_of_agencies_is_split(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Kotabumi menandatangani perjanjian kerja sama dengan Dinas Kominfo, Dinkes, "
                    "Pertanian, DLH, dan Dinsos untuk pembinaan warga binaan.")
    orgs = [o.name for o in a.organizations]
    assert not any("," in n for n in orgs)
    assert any(n.startswith("Dinas Kominfo") for n in orgs)
    assert "Pertanian" in orgs
    assert len([n for n in orgs if n in ("Dinkes", "DLH", "Dinsos") or "Sosial" in n or "Kesehatan" in n]) >= 3


def test_teaser_line_organisations_are_ignored(analyzer):
    a = run(analyzer, "Petugas Lapas Kelas IIA Kendari menggelar razia kamar hunian.\nBaca juga: Polda Lampung "
                      "Kejar Tahanan Kabur\nRazia menemukan dua telepon genggam.")
    assert not any("Polda" in o.name for o in a.organizations)


def test_military_long_form_with_acronym_is_one_unit_not_a_person(analyzer):
    a = run(analyzer, "Patroli di Lapas Pangkalpinang dibantu anggota Komando Rayon Militer (Koramil) Tamansari "
                      "setiap malam.")
    assert not names(a)
    assert any("Koramil" in o.name or "Komando Rayon Militer" in o.name for o in a.organizations)


def test_name_between_unit_and_speech_verb(analyzer):
    a = run(analyzer, "Sementara itu, pihak Lapas Kelas IIA Gorontalo Rahmat Karundeng menyampaikan komitmen "
                      "mendukung program pemerintah daerah.")
    assert "Rahmat Karundeng" in names(a)
    off = next(p for p in a.officials if p.name == "Rahmat Karundeng")
    assert off.organization and "Gorontalo" in off.organization


def test_name_after_unit_needs_a_speech_verb(analyzer):
    a = run(analyzer, "Petugas Lapas Kelas IIA Gorontalo Menggelar Razia di blok hunian pada Senin malam.")
    assert not names(a)


def test_name_written_before_its_title(analyzer):
    a = run(analyzer, "Kepala Lapas Kelas IIB Banjarbaru, Amico, dalam kunjungannya didampingi Heri Santoso Kabag "
                      "Umum Pemerintah Kota Banjarbaru.")
    assert "Heri Santoso" in names(a)


def test_person_glued_to_bnn_acronym_is_not_a_region(analyzer):
    a = run(analyzer, "Badan Narkotika Nasional Provinsi (BNNP) Sumatera Barat bekerja sama dengan Lapas Kelas IIA "
                      "Padang. Hadir Kabid Rehabilitasi BNNP Josrijal.")
    assert "Josrijal" in names(a)
    assert not any("Josrijal" in o.name for o in a.organizations)
    assert len([o for o in a.organizations if o.kind == "bnn"]) == 1
