"""Official forms of session 5, on synthetic sentences (fictional names): an honorific between the unit and the
name, a page cut off inside the last sentence, reporter initials glued to the last name, a quoted official who
opens a sentence ("Menurut X," / "X menjelaskan"), a nickname cut from the full name, hard-wrapped lines, the
staff of a regional office head, a programme's instructor, "dari <unit>" after a name, a cut-off word at the end
of the text and the "Kapalas" typo."""

from __future__ import annotations

from tests.test_nlp_officials_5 import people


def test_lower_case_honorific_between_unit_and_name(analyzer):
    got = people(analyzer, "Tes urine digelar di Lapas Sorong. Kepala Poliklinik Lapas Kelas IIB Sorong dr. Wulan "
                           "Pratiwi Lestari menegaskan pemeriksaan dilakukan mendadak.")
    assert "Wulan Pratiwi Lestari" in got


def test_doctor_title_between_body_and_name(analyzer):
    got = people(analyzer, "Kerja sama ditandatangani di Lapas Sorong. Pimpinan PSDKU Universitas Papua Dr. Yosep "
                           "Ramandei menyatakan Lapas Sorong mitra pertama.")
    assert got["Yosep Ramandei"].organization == "Universitas Papua"


def test_cut_off_last_sentence_is_no_headline(analyzer):
    got = people(analyzer, "Pembebasan bersyarat diberikan kepada 20 klien Bapas Kelas II Sorong pada Senin (3/2).\n"
                           "Sementara itu, Kepala Bapas Kelas II Sorong, Hendra Wiguna, melalui Kepala Seksi "
                           "Bimbingan Klien, Rudi Santosa, menga")
    assert {"Hendra Wiguna", "Rudi Santosa"} <= set(got)


def test_reporter_initials_glued_after_the_name(analyzer):
    got = people(analyzer, "Tim Komisi III meninjau Lapas Sorong pada Senin (3/2).\nPeninjauan didampingi oleh "
                           "Kalapas Kelas IIB Sorong, Bapak Darmawan.(rdk)")
    assert "Darmawan" in got


def test_menurut_name_opens_a_sentence(analyzer):
    got = people(analyzer, "Pemilih di Lapas Sorong terdaftar 400 orang. Menurut Sutarjo, hak pilih warga "
                           "binaan tetap dijamin.")
    assert "Sutarjo" in got


def test_name_then_speech_verb_opens_a_sentence(analyzer):
    got = people(analyzer, "Razia digelar di Lapas Sorong pada Senin (3/2).\nHermansyah menerangkan petugas "
                           "menyita dua ponsel dari kamar hunian.")
    assert "Hermansyah" in got


def test_pronoun_then_speech_verb_is_no_name(analyzer):
    got = people(analyzer, "Razia digelar di Lapas Sorong pada Senin (3/2).\nIa menerangkan petugas menyita dua "
                           "ponsel. Kalapas menjelaskan razia rutin.")
    assert not got


def test_nickname_of_a_speaker_joins_the_full_name(analyzer):
    got = people(analyzer, "Kepala Lapas Sorong, Wahyudi Santoso, memimpin razia pada Senin (3/2). \"Razia akan "
                           "rutin digelar,\" kata Yudi.")
    assert set(got) == {"Wahyudi Santoso"}


def test_hard_wrapped_list_of_guests(analyzer):
    got = people(analyzer, "Gubernur meninjau Lapas Kelas IIB Sorong bersama rombongan pada Rabu\n"
                           "(9/4/2025) dan disambut petugas yang berjaga di pintu utama lapas.\n"
                           "Turut hadir dalam kunjungan itu Bupati Sorong Markus Wanggai, Wakil Bupati Sorong\n"
                           "Yohanis Kambu, Ketua DPRD Sorong Petrus Rumbiak, serta para kepala dinas\n"
                           "dan pejabat lingkup pemerintah kabupaten yang ikut dalam\n"
                           "rombongan gubernur.")
    assert {"Markus Wanggai", "Yohanis Kambu", "Petrus Rumbiak"} <= set(got)


def test_staff_of_the_regional_office_head(analyzer):
    got = people(analyzer, "Kanwil Ditjenpas Papua Barat meninjau Lapas Sorong pada Senin (3/2). Kegiatan dipimpin "
                           "Kepala Kanwil, Samuel Rumere, didampingi Kabag TU dan Umum, Lukas Wamafma.")
    assert "Kanwil" in (got["Lukas Wamafma"].organization or "")


def test_instructor_of_a_programme(analyzer):
    got = people(analyzer, "Pelatihan menjahit digelar di Aula LPKA Sorong dengan instruktur Maria Kambu yang telah "
                           "berpengalaman.")
    assert "Maria Kambu" in got


def test_unit_after_dari(analyzer):
    got = people(analyzer, "Salat Jumat di Lapas Sorong diimami Ustadz Abdul Rahim Hasibuan, S.Ag dari Kementerian "
                           "Agama Kabupaten Sorong.")
    assert "Kementerian Agama" in (got["Abdul Rahim Hasibuan"].organization or "")


def test_word_cut_at_the_end_of_the_text_is_no_name(analyzer):
    got = people(analyzer, "Hasil tes urine diserahkan kepada Kepala Lapas Kelas IIB Sorong. Kegia")
    assert not got


def test_kapalas_typo_is_a_title(analyzer):
    got = people(analyzer, "Lapas Sorong menerima 40 tahanan baru. \"Datanya sudah ada,\" imbuh Kapalas Sorong "
                           "Yohanes Mambor saat ditemui, Sabtu (25/2).")
    assert set(got) == {"Yohanes Mambor"} and "Lapas" in (got["Yohanes Mambor"].organization or "")


def test_lower_case_word_of_an_organisation_between_title_and_name(analyzer):
    got = people(analyzer, "Lapas Sorong menerima kunjungan dari Kepala Badan Litbang Kementerian Hukum dan HAM RI "
                           "Ratna Sari Dewi. Kunjungan berlangsung dua jam.")
    assert "Ratna Sari Dewi" in got


def test_capitalised_line_closed_by_a_full_stop_is_a_sentence(analyzer):
    got = people(analyzer, "Komisi III meninjau Lapas Sorong pada Selasa (27/2/2018).\n"
                           "Tim Kunjungan Kerja Komisi III DPR RI dipimpin Wakil Ketua Komisi III DPR RI Yakobus Rumbewas.\n"
                           "Rombongan juga meninjau dapur lapas.")
    assert "Yakobus Rumbewas" in got


def test_director_of_a_corrections_directorate_belongs_to_the_ditjenpas(analyzer):
    got = people(analyzer, "Direktorat Jenderal Pemasyarakatan (Ditjenpas) meninjau Lapas Sorong pada Senin (3/2). "
                           "Rombongan terdiri dari Direktur Pengamanan dan Intelijen Daniel Rumbiak dan staf.")
    assert "Direktorat Jenderal Pemasyarakatan" in (got["Daniel Rumbiak"].organization or "")


def test_balinese_name_after_a_rank(analyzer):
    got = people(analyzer, "Napi Lapas Kerobokan dipindahkan pada Senin (3/2). KBO Sabhara Polres Badung Iptu I "
                           "Nyoman Sutrisna, memerintahkan anggotanya mengawal para napi.")
    assert "I Nyoman Sutrisna" in got and got["I Nyoman Sutrisna"].organization == "Polres Badung"


def test_regional_secretary_serves_the_executive_not_the_dprd(analyzer):
    got = people(analyzer, "Upacara di Lapas Sorong dihadiri Pemprov Papua Barat Daya, Ketua DPRD Papua Barat Daya "
                           "serta Sekda Yohanes Kambuaya.")
    assert got["Yohanes Kambuaya"].organization == "Pemprov Papua Barat Daya"


def test_governor_serves_the_province(analyzer):
    got = people(analyzer, "Upacara di Lapas Sorong dihadiri Pemprov Papua Barat Daya, Pemkab Sorong dan Gubernur "
                           "Elisa Kambu.")
    assert got["Elisa Kambu"].organization == "Pemprov Papua Barat Daya"


def test_head_of_government_acts_for_the_named_government(analyzer):
    got = people(analyzer, "Pemerintah Indonesia dan Pemerintah Australia menandatangani pemindahan dua narapidana "
                           "dari Lapas Kerobokan. Perdana Menteri Australia, Daniel Morrow, berterima kasih kepada "
                           "Presiden Bambang Sutejo.")
    assert got["Daniel Morrow"].organization == "Pemerintah Australia"
    assert got["Bambang Sutejo"].organization == "Pemerintah Indonesia"


def test_office_a_title_heads_is_the_body(analyzer):
    got = people(analyzer, "Rombongan Lapas Sorong berkunjung ke kantor Kadis Tenaga Kerja dan Transmigrasi, Yulius "
                           "Wanma, pada Senin (3/2).")
    assert got["Yulius Wanma"].organization == "Dinas Tenaga Kerja dan Transmigrasi"


def test_head_of_an_outside_office_is_not_the_facilitys(analyzer):
    got = people(analyzer, "Gubernur meninjau Lapas Kelas IIB Sorong bersama rombongan pada Rabu\n"
                           "(9/4/2025) dan disambut petugas yang berjaga di pintu utama lapas.\n"
                           "Turut hadir dalam kunjungan itu Bupati Sorong Markus Wanggai, Kepala Dinas Pertambangan "
                           "dan ESDM Provinsi Papua\nBarat Daya Yohanis Kambu, serta para kepala dinas\n"
                           "dan pejabat lingkup pemerintah kabupaten yang ikut dalam\nrombongan gubernur.")
    assert (got["Yohanis Kambu"].organization or "").startswith("Dinas Pertambangan")


def test_members_listed_after_antara_lain(analyzer):
    got = people(analyzer, "Menteri meninjau Lapas Sorong didampingi sejumlah anggota DPR Komisi XIII, antara lain "
                           "Yakobus Rumbewas dan staf.")
    assert "Yakobus Rumbewas" in got
