"""Official forms from the seventh and ninth fresh rounds, on synthetic sentences (fictional names): office words
after a title that are no names (a regency's secretariat, a post grade, "Internal" and directorate acronyms), a
title acronym quoted as the speaker, a class numeral glued to the town, and an official of the regional
secretariat, who belongs to the local government."""

from __future__ import annotations

from tests.test_nlp_officials_5 import people


def test_secretariat_after_a_title_is_no_name(analyzer):
    got = people(analyzer, "Rapat di Lapas Cilacap dihadiri Asisten II Setda, Camat Kroya dan Kapolsek Kroya.")
    assert not any("Setda" in n for n in got)


def test_post_grade_after_a_title_is_no_name(analyzer):
    got = people(analyzer, "Kepala Kantor Wilayah Kemenkumham Jambi, Hendra Kusuma, dan Pimti Pratama Kanwil "
                           "Kemenkumham Jambi meninjau Lapas Jambi.")
    assert "Hendra Kusuma" in got and not any("Pimti" in n for n in got)


def test_directorate_acronym_in_brackets_before_the_name(analyzer):
    got = people(analyzer, "Pemindahan napi dari Lapas Sampit dipimpin langsung oleh Direktur Kepatuhan Internal "
                           "(Dirpatnal), Bambang Wiyono, dan tim.")
    assert "Bambang Wiyono" in got and not any("Internal" in n for n in got)


def test_title_acronym_quoted_as_speaker_is_no_name(analyzer):
    got = people(analyzer, "\"Warga binaan Lapas Sampit harus jera,\" ucap Sesditjenpas. Pelatihan berjalan lancar.")
    assert "Sesditjenpas" not in got


def test_class_glued_to_the_town(analyzer):
    got = people(analyzer, "Kepala Rumah Tahanan Negara Kelas IIBSelong Timur, Bambang Wiyono, berkunjung ke "
                           "Lapas Sumbawa.")
    assert "Bambang Wiyono" in got and not any(n.startswith("IIB") for n in got)


def test_secretariat_official_belongs_to_the_local_government(analyzer):
    got = people(analyzer, "Lapas Cilacap membahas kerja sama dengan Pemerintah Kabupaten Cilacap pada Selasa (3/2). "
                           "Rapat dipimpin Kepala Bagian Kerja Sama Setda Kabupaten Cilacap, Ibu Ratna Dewanti.")
    assert got["Ratna Dewanti"].organization == "Pemerintah Kabupaten Cilacap"


def test_seized_goods_in_a_division_title_are_no_name(analyzer):
    got = people(analyzer, "Razia di Lapas Ternate digelar Jumat. \"Petugas menerima arahan,\" ujar Kepala Bidang "
                           "Keamanan dan Pengelolaan Basan Baran Kanwil Kemenkumham Malut, Hendra Kusuma di Ternate, "
                           "Jumat.")
    assert "Hendra Kusuma" in got and "Basan Baran" not in got


def test_body_ending_in_an_english_head_noun_is_no_name(analyzer):
    got = people(analyzer, "Kepala LPKA Muara Bulian, Bambang Wiyono menandatangani MoU dengan Direktur Karunia "
                           "Global School, Ratna Dewanti di aula.")
    assert "Ratna Dewanti" in got and not any("Karunia" in n for n in got)
    got = people(analyzer, "Roti yang diberi nama oleh Kakanwil Kemenkumham Sumbar “Rangkiang Bakery” ini dijual di "
                           "Lapas Padang.")
    assert not any("Rangkiang" in n for n in got)


def test_town_with_a_dropped_letter_is_no_name(analyzer):
    got = people(analyzer, "Penggeledahan dipimpin langsung Kepala Divisi Pemasyarakatan Nusa Tenggra Timur, Budi "
                           "Santoso, dan Kalapas Kupang.")
    assert "Budi Santoso" in got and "Tenggra" not in got
    got = people(analyzer, "Kadivpas Aceh Hendra Kusuma bersama tim Kanwil dan Kalapas Kelas II A Lhokseumwe, "
                           "memperlihatkan hasil razia.")
    assert "Lhokseumwe" not in got


def test_name_glued_to_the_next_word_is_one_person(analyzer):
    got = people(analyzer, "Menteri Imigrasi dan Pemasyarakatan (Imipas) Budi Santosomenyerahkan makan siang kepada "
                           "warga binaan di Lapas Semarang. Menteri Imipas Budi Santoso lalu berkeliling Lapas Semarang.")
    assert list(got) == ["Budi Santoso"] and "Budi Santosomenyerahkan" not in got["Budi Santoso"].aliases


def test_degree_glued_after_the_comma(analyzer):
    got = people(analyzer, "Perekaman KTP di Lapas Palu, Senin (3/4). Kepala Dinas Dukcapil Kota Palu Hendrawati,S.E "
                           "mengatakan perekaman lancar.")
    assert "Hendrawati" in got


def test_police_chief_title_in_camel_case(analyzer):
    got = people(analyzer, "Kalapas Pematangsiantar berkunjung Kamis (3/10). Kedatangan disambut oleh KaPolres "
                           "Simalungun, Budi Santoso Sembiring.")
    assert "Budi Santoso Sembiring" in got


def test_acting_head_written_before_the_facility(analyzer):
    got = people(analyzer, "Seorang warga binaan dirawat di klinik, menurut Pelaksana Tugas (Plt) LPP Kelas II-A Kerobokan "
                           "Ni Made Sriwati kepada wartawan, Senin (3/4).")
    assert "Ni Made Sriwati" in got


def test_head_of_the_bare_regional_office(analyzer):
    got = people(analyzer, "Kanwil Ditjenpas NTT menggeledah Lapas Kupang, Senin (3/4). Kegiatan ini dipimpin langsung "
                           "Kepala Kanwil, Budi Santoso Achjar, didampingi petugas.")
    assert got["Budi Santoso Achjar"].organization == "Kanwil Ditjenpas NTT"


def test_police_chief_and_section_heads_belong_to_their_unit(analyzer):
    got = people(analyzer, "Kapolri Budi Santoso meninjau Lapas Tegal, Senin (3/4). Hadir pula jajaran Polri.")
    assert got["Budi Santoso"].organization == "Polri"
    got = people(analyzer, "Razia di Lapas Mataram, Senin (3/4). Polresta Mataram menerjunkan personel. "
                           "Kasatresnarkoba, Kompol Hendra Kusuma, memimpin tes urine.")
    assert got["Hendra Kusuma"].organization == "Polresta Mataram"


def test_common_first_name_after_the_bare_regional_office(analyzer):
    got = people(analyzer, "Kanwil Ditjenpas Sulteng berkomitmen. Komitmen ini ditegaskan lewat kunjungan kerja Kepala "
                           "Kanwil, Bagus Santoso, ke Lapas Kolonodale, Sabtu (7/6/2025).")
    assert got["Bagus Santoso"].organization == "Kanwil Ditjenpas Sulteng"
