"""Officials forms from the eighth fresh round, on synthetic sentences (fictional names): ranks in capitals and
"(Purn)", a leader named after "dipimpin" with or without a rank, a name written before its title with no comma,
a unit word ("Pascasarjana") in the title phrase, lower-case "presiden", a short form of the first name, the
bracketed short title after "Mantan ...", a capitalised paragraph that is a sentence, and ranked officers, who
never belong to a corrections facility."""

from __future__ import annotations

from nlp.records import ArticleText


def people(analyzer, text: str):
    a = analyzer.analyze(ArticleText("t", text, None, None))
    return {p.name: p for p in a.officials}


def test_capitalised_ranks_after_dipimpin(analyzer):
    got = people(analyzer, "Polisi menyisir pagar Lapas Sorong. Tim gabungan Polres Sorong dipimpin IPTU Harun "
                           "dan IPTU Beni Lalita untuk memeriksa lokasi.")
    assert {"Harun", "Beni Lalita"} <= set(got)


def test_rank_is_not_part_of_a_led_by_name(analyzer):
    got = people(analyzer, "Polisi menyisir pagar Lapas Sorong. Tim gabungan dipimpin Iptu Harun Wibisono dan "
                           "Iptu Beni Lalita memeriksa lokasi.")
    assert "Harun Wibisono" in got and not any(n.startswith("Iptu") for n in got)


def test_retired_rank_before_name(analyzer):
    got = people(analyzer, "Memasuki Lapas Sorong, Mayjen TNI (Purn) Darius Makatita yang memimpin rombongan "
                           "langsung disambut petugas.")
    assert "Darius Makatita" in got


def test_one_word_leader_of_a_facility(analyzer):
    got = people(analyzer, "Penghuni terus bertambah. Diketahui, Lapas Kelas IIA Sorong yang dipimpin Herwanto "
                           "tersebut dihuni 900 warga binaan.")
    assert got["Herwanto"].organization is not None


def test_name_before_title_without_comma(analyzer):
    got = people(analyzer, "Penghuni berdesakan. Hal itu disampaikan oleh Darmono Kepala Lapas Kelas IIB Sorong, "
                           "Selasa (3/4).")
    assert "Sorong" in (got["Darmono"].organization or "")
    got = people(analyzer, "Wartawan tidak bisa bertemu dengan Heri Susanto Kepala Kanwil Kemenkumham Papua Barat "
                           "karena ada kegiatan lain.")
    assert "Kanwil" in (got["Heri Susanto"].organization or "")


def test_unit_word_in_title_phrase_is_not_a_name(analyzer):
    got = people(analyzer, "Acara di Lapas Sorong dihadiri Wakil Direktur Pascasarjana Prof. Dr. Syamsudin, M.A., "
                           "serta warga binaan.")
    assert "Syamsudin" in got and "Pascasarjana" not in got


def test_lower_case_presiden(analyzer):
    got = people(analyzer, "Kalapas Sorong menegaskan, berkenaan dengan pungli, ini merupakan perintah dari "
                           "presiden Jokowi untuk diberantas.")
    assert "Jokowi" in got


def test_short_first_name_joins_the_full_name(analyzer):
    got = people(analyzer, "Kepala Rutan Sorong, Antonius Wera menyampaikan ada empat napi. \"Ada empat,\" ujar "
                           "Anton kepada wartawan.")
    assert set(got) == {"Antonius Wera"} and "Anton" in got["Antonius Wera"].aliases


def test_bracketed_short_title_after_mantan(analyzer):
    got = people(analyzer, "Gubernur bertemu Mantan Sekretaris Daerah (Sekda) Kabupaten Sleman, Adi Wibowo di Lapas "
                           "Sorong.")
    assert "Adi Wibowo" not in got


def test_capitalised_sentence_paragraph_is_searched(analyzer):
    got = people(analyzer, "Lapas Sorong menggelar acara bersama kampus.\n\nKepala Lapas Kelas IIA Sorong diwakili "
                           "Kepala Bidang Pembinaan Narapidana, Rahmat Hidayat.\n\nAcara berjalan lancar.")
    assert "Rahmat Hidayat" in got


def test_glued_byline_is_not_a_name(analyzer):
    got = people(analyzer, "Kanwil Kemenkumham Sumbar menggelar razia di Lapas Sorong. Semua tindakan dilakukan "
                           "secara profesional, tegas Kakanwil Hendra.**rdk/Yusra Wandi")
    assert "Wandi" not in got and "Yusra Wandi" not in got


def test_ranked_officer_does_not_belong_to_the_facility(analyzer):
    got = people(analyzer, "Polda Papua menerima laporan. Tim dipimpin AKP Rudi Manalu berkoordinasi dengan "
                           "pengelola Lapas Sorong.")
    assert "Lapas" not in (got["Rudi Manalu"].organization or "")


def test_honorific_before_a_one_word_leader(analyzer):
    got = people(analyzer, "PKBM Cahaya Ilmu Kota Tegal yang dipimpin Dr Marwoto, M.Pd bekerja sama dengan Lapas "
                           "Tegal.")
    assert "Marwoto" in got and "PKBM" in (got["Marwoto"].organization or "")


def test_section_of_the_regional_office(analyzer):
    got = people(analyzer, "Kakanwil Kemenkumham Aceh, Budi Santoso, meninjau Lapas Lhokseumawe. Turut hadir Kadiv "
                           "Pemasyarakatan, Rudi Hartanto; Kabag Program dan Humas, Wahyudin.")
    assert "kanwil" in (got["Wahyudin"].organization or "").lower()
    got = people(analyzer, "Kakanwil Ditjenpas Papua, Budi Santoso meninjau Lapas Kelas IIA Sorong. Didampingi oleh "
                           "Kepala Bidang Bimbingan Kemasyarakatan, Erwin, ia melihat program ketahanan pangan.")
    assert "kanwil" in (got["Erwin"].organization or "").lower()


def test_camat_place_then_haji(analyzer):
    got = people(analyzer, "Hadir Kepala Lapas Kelas IIA Sorong Budi Santoso, S.Sos.; Camat Kalimandi H. Ridwan, S.Pd., "
                           "M.Si; serta jajaran.")
    assert got["Ridwan"].organization == "Camat Kalimandi"


def test_ketua_umum_heads_the_body_named_first(analyzer):
    got = people(analyzer, "Palu — Ketua Umum Laskar Tadulako, Ahmad Rifai, melakukan kunjungan ke Lapas Kelas IIA "
                           "Palu. Ketua Umum Laskar Tadulako menegaskan pentingnya kolaborasi.")
    assert "Ahmad Rifai" in got and "Laskar Tadulako" not in got


def test_upper_case_plt_before_the_title(analyzer):
    got = people(analyzer, "Kami datang ke Kanwil Kemenkumham Papua. Kami diarahkan bertemu pejabat lainnya yaitu "
                           "Sumadi, PLT Kabid Keamanan Kanwil Kemenkumham Papua karena kepala sedang keluar.")
    assert "Sumadi" in got


def test_ministry_with_a_region_is_the_regional_office(analyzer):
    got = people(analyzer, "Kami datang ke Kanwil Kemenkumham Papua untuk klarifikasi. Kami diarahkan bertemu Sumadi, "
                           "Plt Kabid Keamanan Menkumham Papua karena kepala sedang keluar. Kanwil Kemenkumham Papua "
                           "berjanji menindaklanjuti.")
    assert got["Sumadi"].organization == "Kanwil Kemenkumham Papua"
