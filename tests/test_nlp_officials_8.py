"""Official forms of session 5, cycle 2, on synthetic sentences (fictional names): a local government's portfolios
in a list of guests ("Asisten Pemerintahan dan Kesra", "Kadis Kominfo", "Kadinsos"), a page's staff credit after
a cut-off title, a Papuan surname that reads like the title "Karo" (Kepala Biro), and the region written after
the bracketed acronym of the directorate ("... (Ditjenpas) Maluku"), which makes it the regional office."""

from __future__ import annotations

from tests.test_nlp_officials_5 import people


def test_portfolios_in_a_guest_list_are_no_names(analyzer):
    got = people(analyzer, "Peresmian dihadiri Wakil Bupati Blora, Jajaran Bapas Kelas II Pati, Asisten "
                           "Pemerintahan dan Kesra, Kadis Kominfo, Kabag Hukum dan undangan lainnya.")
    assert not {"Kesra", "Kominfo"} & set(got)


def test_social_affairs_head_abbreviation_is_a_title(analyzer):
    got = people(analyzer, "Peresmian dihadiri Sekda Blora, Kadis Perkim, Kadinsos, Kabag Hukum dan undangan "
                           "lainnya di Bapas Kelas II Pati.")
    assert "Kadinsos" not in got


def test_staff_credit_after_a_cut_title(analyzer):
    got = people(analyzer, "Kericuhan terjadi di Lapas Sorong, Kamis (21/4) malam. Kabag\n\n\nRedaktur & Reporter : "
                           "Tim Redaksi")
    assert "Redaktur" not in got


def test_papuan_surname_is_no_bureau_title(analyzer):
    got = people(analyzer, "Lima napi Lapas Wamena yang kabur yakni Yonas Wenda, Lukas Karoba, Demas Tabuni, dan "
                           "Pilemon Tabuni.")
    assert not got


def test_region_after_the_acronym_bracket_names_the_regional_office(analyzer):
    got = people(analyzer, "Pelatihan dibuka di Lapas Ambon, disaksikan Kepala Kantor Wilayah (Kakanwil) DIrektorat "
                           "Jenderal PEmasyarakatan (Ditjenpas) Maluku, Harun Wibisono, dan mitra kerja.\n"
                           "Kakanwil Ditjenpas Maluku, Harun Wibisono, menegaskan pentingnya kolaborasi.")
    assert "Maluku" in (got["Harun Wibisono"].organization or "")
