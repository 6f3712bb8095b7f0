"""Officials and the unit they belong to, on synthetic sentences in the style of the press: abbreviated
titles ("Ka Kanwil"), a seat inside the title phrase ("Kasi ... di Lapas X, Nama"), offices that are their own
organisation ("Direktur Instrumen HAM"), the unit written right before a quoted speaker, several corrections
offices or facilities in one article, place words after Camat/Lurah, bodies and degrees that read as names."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.analyze import Analyzer
from nlp.records import ArticleText

LEAD = "Kegiatan berlangsung pada Senin (10/2/2025) dan diikuti jajaran. "


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def run(analyzer, text):
    return analyzer.analyze(ArticleText(id="t", text=LEAD + text, title=None, published=date(2025, 2, 11)))


def people(a) -> dict[str, object]:
    return {p.name: p for p in a.officials}


def test_abbreviated_title_ka_kanwil(analyzer):
    a = run(analyzer, "Di pameran itu, Plt. Ka Kanwil Kemenkumham Jateng Hantor Situmorang menunjukkan kerajinan "
                      "narapidana Lapas Semarang kepada tamu.")
    p = people(a)["Hantor Situmorang"]
    assert p.title == "Kepala"
    assert "Kanwil" in (p.organization or "")


def test_seat_inside_title_phrase(analyzer):
    a = run(analyzer, "Pendapat serupa datang dari Kasi Administrasi Kamtib di Lapas Pemuda Kelas IIA Tangerang, Rizal "
                      "Fadli Saputra. Ia menyebut pemeriksaan kamar dilakukan berkala.")
    p = people(a)["Rizal Fadli Saputra"]
    assert "Tangerang" in (p.organization or "")


def test_office_without_unit_is_its_own_organisation(analyzer):
    a = run(analyzer, "Menurut Direktur Pembinaan Narapidana dan Anak Binaan, Erwedi Supriyatno, pameran produk "
                      "warga binaan penting bagi pembinaan.")
    assert people(a)["Erwedi Supriyatno"].organization == "Direktur Pembinaan Narapidana dan Anak Binaan"


def test_unit_written_before_a_titleless_speaker(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Kediri menggelar perekaman KTP. Terpisah, Divisi Perencanaan Data KPU Kota "
                      "Kediri, Nasrudin, menyebut ada 660 warga binaan masuk DPT. \"Kalau DPT ada 660,\" jelas "
                      "Nasrudin.")
    assert people(a)["Nasrudin"].organization == "KPU Kota Kediri"


def test_division_head_belongs_to_the_regional_office_named_before(analyzer):
    a = run(analyzer, "Sekretaris Direktorat Jenderal Pemasyarakatan (Sesditjenpas), Supriyanto, datang meninjau. "
                      "Pada acara itu tampak Kepala Kantor Wilayah Kementerian Hukum dan HAM Riau, Budi Argap "
                      "Situngkir, beserta Kepala Divisi Administrasi Johan Manurung.")
    assert "Riau" in (people(a)["Johan Manurung"].organization or "")


def test_town_after_a_bare_kind_word_picks_the_facility(analyzer):
    a = run(analyzer, "Lapas Kelas IIA Banyuwangi menerima studi tiru dari Lapas Kelas IIB Bojonegoro. Kunjungan "
                      "dipimpin Kepala Lapas (Kalapas) Bojonegoro, Hari Winarca, bersama tim Zona Integritas.")
    p = people(a)["Hari Winarca"]
    assert "Bojonegoro" in (p.organization or "")


def test_staff_post_belongs_to_the_facility_of_the_story(analyzer):
    a = run(analyzer, "Sebanyak 23 napi Lapas Kelas I Semarang mendapat pembebasan bersyarat. Mereka dipantau tim "
                      "yang dipimpin oleh Kabid Pembinaan, Akhmad Herriansyah.")
    assert "Semarang" in (people(a)["Akhmad Herriansyah"].organization or "")


def test_police_section_post_is_not_the_facility(analyzer):
    a = run(analyzer, "Razia digelar di Lapas Kelas IIA Pekanbaru. Kapolda melalui Kabid Humas Kombes Pol Nandang "
                      "Mukmin Wijaya membenarkan hasilnya.")
    p = people(a)["Nandang Mukmin Wijaya"]
    assert "Pekanbaru" not in (p.organization or "")


def test_title_word_inside_a_field_of_office(analyzer):
    a = run(analyzer, "Pada Kamis pagi, jajaran Lapas Kelas I Makassar menyambut Deputi Bidang Koordinator Imigrasi dan "
                      "Pemasyarakatan, I Nyoman Gede Surya Mataram.")
    p = next(p for p in a.officials if "Nyoman" in p.name)
    assert p.organization == "Deputi Bidang Koordinator Imigrasi dan Pemasyarakatan"


def test_place_after_camat_and_lurah_is_not_a_name(analyzer):
    a = run(analyzer, "Acara dihadiri Kepala Lapas Kelas IIA Manado, Marulye Simbolon, juga Camat Wori, Tommy Levi dan "
                      "Lurah Pandu, bersama tokoh agama.")
    names = set(people(a))
    assert "Tommy Levi" in names
    assert not names & {"Wori", "Pandu"}


def test_bodies_inside_title_phrases_are_not_names(analyzer):
    a = run(analyzer, "Razia di Lapas Kelas IIA Banyuwangi disorot. \"Ini harus dibenahi,\" tegas Ketua Presidium "
                      "IPW, Neta S Pane. Rombongan terdiri atas Ketua Tim dan anggota Pokja Zona Integritas.")
    names = set(people(a))
    assert "Neta S Pane" in names
    assert not any("Presidium" in n or "Pokja" in n for n in names)


def test_degrees_and_abbreviated_first_names(analyzer):
    a = run(analyzer, "Hadir Kalapas Bengkulu, Drs Rudy Charles Gill Bc Ip, serta Ketua Bawaslu Kota Bengkulu, Muh. "
                      "Zainal Asnun, dalam apel netralitas.")
    names = set(people(a))
    assert "Rudy Charles Gill" in names
    assert "Muh. Zainal Asnun" in names


def test_acronym_at_sentence_end_closes_the_title_phrase(analyzer):
    a = run(analyzer, "\"Kami menyita 17 ponsel,\" kata Syamsuddin Kepala Divisi Pemasyarakatan DKI. Darmawan "
                      "Siregar, Kepala Kantor Wilayah Kemenkumham DKI Jakarta, menyatakan mendukung langkah itu.")
    p = people(a)
    assert p["Syamsuddin"].title == "Kepala Divisi Pemasyarakatan"
    assert p["Darmawan Siregar"].title == "Kepala Kantor Wilayah"


def test_facility_shown_by_its_name_not_its_heads_title(analyzer):
    a = run(analyzer, "Kalapas Kelas II B Sintang, Toro Wiyarto mengatakan pelatihan kemandirian berjalan lancar.")
    org = people(a)["Toro Wiyarto"].organization or ""
    assert "Sintang" in org and not org.startswith("Kalapas")


def test_town_words_and_patients_are_not_officials(analyzer):
    a = run(analyzer, "Kepada wartawan, Teguh Imanto, Kepala Lapas Papakelan Tondano, mengatakan Lapas Tondano aman. "
                      "Pasien Fuad Amin dirawat di klinik.")
    names = set(people(a))
    assert "Teguh Imanto" in names
    assert not any("Tondano" in n or "Fuad" in n for n in names)


def test_headline_line_is_not_part_of_a_name(analyzer):
    a = run(analyzer, "Rutan Cipinang Lakukan Tes Swab Antigen\nTonny Nainggolan selaku Kepala Lapas Kelas I "
                      "Cipinang menyampaikan tes berjalan lancar.")
    assert "Tonny Nainggolan" in people(a)


def test_deputy_ambassador_and_sentence_opening_verb(analyzer):
    a = run(analyzer, "Wakil Dubes Inggris untuk Indonesia, Matthew Downing memastikan proses hukum berjalan. "
                      "Dibeberkan, Koordinator Divisi Hukum Bawaslu Kota Bengkulu, Leka Yunita Sari menjelaskan "
                      "jumlah TPS khusus di Lapas Kelas IIA Bengkulu.")
    names = set(people(a))
    assert {"Matthew Downing", "Leka Yunita Sari"} <= names
    assert "Dibeberkan" not in names


def test_university_after_rektor_and_headline_verb_are_not_names(analyzer):
    a = run(analyzer, "Rektor Unila diwakili Wakil Dekan Fakultas Hukum, Dr. Ahmad Irzal Fardiansyah, hadir di Lapas "
                      "Kelas I Bandar Lampung. Dirjenpas Tinjau 3 Lapas Baru di Nusakambangan bersama rombongan.")
    names = set(people(a))
    assert "Ahmad Irzal Fardiansyah" in names
    assert not names & {"Unila", "Tinjau"}


def test_teaser_line_of_another_story_is_skipped(analyzer):
    a = run(analyzer, "Kalapas Kelas IIB Muara Sabak, Muda Husni memimpin razia kamar hunian.\nBACA JUGA: Apakah "
                      "Petugas Haji Daerah Dihapus?\nRazia berjalan lancar.")
    names = set(people(a))
    assert "Muda Husni" in names
    assert "Dihapus" not in names


def test_balinese_prefix_stays_in_the_name(analyzer):
    a = run(analyzer, "PASI Intel Kodim 1306/Kota Palu, I Wayan Sudana, menambahkan bahwa TNI mendukung razia di Lapas "
                      "Kelas IIA Palu.")
    assert "I Wayan Sudana" in people(a)


def test_abbreviated_titles_and_sections_are_not_names(analyzer):
    a = run(analyzer, "Razia di Lapas Kelas I Makassar digelar bersama Satres Narkoba Polres Gowa. Lapas, lanjut Wabup, "
                      "bukan tempat penyiksaan. \"Kami siap,\" ujar Kakanwilkumham Sulsel, Liberti Sitinjak. Ketua "
                      "Karang Taruna Makassar, Muhammad Zulkifli hadir bersama Ketua DPRD Gowa Dt. Parmato Alam.")
    names = set(people(a))
    assert {"Liberti Sitinjak", "Muhammad Zulkifli", "Parmato Alam"} <= names
    assert not any(n.startswith(("Satres", "Wabup", "Kakanwil", "Karang", "Dt")) for n in names)


def test_spelled_out_ranks_honorifics_and_verbs(analyzer):
    a = run(analyzer, "Razia gabungan digelar di Lapas Kelas IIA Nusakambangan. Kapolres Cilacap Ajun Komisaris Besar "
                      "Handoko mengatakan operasi sukses. Koordinator Pembimbing Rohani Islam Lapas Nusakambangan, Kiai "
                      "Hasan Makarim, berpendapat sama. Hadir pula PNYD (Pegawai Negeri yang Dipekerjakan) dari Polri.")
    names = set(people(a))
    assert {"Handoko", "Hasan Makarim"} <= names
    assert not any(n.startswith(("Ajun", "Kiai", "Dipekerjakan")) for n in names)


def test_speaker_on_behalf_of_a_unit_and_in_an_office_release(analyzer):
    a = run(analyzer, "Rapat digelar di Kantor Wilayah Kemenkumham Gorontalo bersama Lapas Kelas IIA Gorontalo. "
                      "\"Sinergi harus terbangun,\" ungkap Chandra mewakili pihak Kantor Wilayah Kemenkumham Gorontalo.")
    assert "Kantor Wilayah" in (people(a)["Chandra"].organization or "")
    b = run(analyzer, "Rapat koordinasi digelar Kanwil Kemenkumham DKI Jakarta. \"Kami netral,\" tegas Ibnu Chuldun. "
                      "Kanwil Kemenkumham DKI Jakarta juga mendata warga binaan pemilih.")
    assert "Kanwil Kemenkumham DKI Jakarta" == people(b)["Ibnu Chuldun"].organization


# --- second round: cues without a title beside the name, and non-officials ---------------------------------------

def test_delegation_leader_after_dipimpin_oleh(analyzer):
    a = run(analyzer, "Rombongan Kanwil Kemenkumham Sulawesi Selatan yang dipimpin oleh Rahmat Santoso tiba di Lapas "
                      "Permisan Nusakambangan.")
    assert "Rahmat Santoso" in people(a)


def test_speech_verb_then_unit_then_name(analyzer):
    a = run(analyzer, "\u201cKami ingin lapas ini bersih dari narkoba,\u201d tambah Kanwil Kementerian Hukum dan HAM "
                      "Kalsel, Imam Wicaksono. Razia digelar di Lapas Banjarmasin.")
    assert "Imam Wicaksono" in people(a)


def test_parliament_members_listed_with_their_party(analyzer):
    a = run(analyzer, "Rombongan Komisi III DPR RI meninjau Lapas Kerobokan. Hadir Daeng Firmansyah (Fraksi PAN), "
                      "Supratno (Fraksi Gerindra), dan Akbar Halim (Fraksi Nasdem).")
    p = people(a)
    assert {"Daeng Firmansyah", "Supratno", "Akbar Halim"} <= set(p)
    assert "Komisi III" in (p["Supratno"].organization or "")


def test_initials_of_first_names_and_middle_h(analyzer):
    a = run(analyzer, "Hadir Kepala Kantor Wilayah Ditjenpas Papua, S.E.G. Yohanis, dan Wakil Bupati Muaro Jambi, "
                      "Junaidi H. Mahir, di Lapas Jambi.")
    names = set(people(a))
    assert any(n.endswith("Yohanis") and n.startswith("S.E.G.") for n in names)
    assert "Junaidi H. Mahir" in names and "Mahir" not in names


def test_one_word_name_after_the_comma_closing_the_title(analyzer):
    a = run(analyzer, "\u201cTidak ada hape,\u201d kata Kadiv Pemasyarakatan Kanwil Kemenkumham Sultra, Muslim. Sidak "
                      "digelar di Lapas Kendari.")
    assert "Muslim" in people(a)


def test_field_in_lower_case_after_bidang(analyzer):
    a = run(analyzer, "Koordinator bidang pencegahan BNN Kabupaten Bekasi Jumarwan menambahkan tidak ada temuan di "
                      "Lapas Bekasi.")
    assert "Jumarwan" in people(a)


def test_street_named_after_an_office_holder_is_no_official(analyzer):
    a = run(analyzer, "Kakanwil mengunjungi Lapas Kediri di Jalan Jaksa Agung Suprapto, Mojoroto.")
    assert "Suprapto" not in " ".join(people(a))


def test_arrested_head_and_netizen_are_no_officials(analyzer):
    a = run(analyzer, "Penangkapan Kepala Rutan Purworejo, Cahyo Satriyanto oleh BNN mengejutkan. Ada juga netizen "
                      "yang berkomentar. \u201cMakin hebat saja,\u201d kata Malik Abdul.")
    names = " ".join(people(a))
    assert "Satriyanto" not in names and "Malik" not in names


def test_office_misspelt_before_dan_is_no_name(analyzer):
    a = run(analyzer, "Mereka menantang Menteri Imgrasi dan pemasyarakatan untuk tes urine pegawai Lapas Cipinang.")
    assert "Imgrasi" not in people(a)


def test_rank_before_name_and_named_staff(analyzer):
    a = run(analyzer, "Blok E Lapas Banjarbaru diperiksa. Iptu Mahmuda kanit satwa Polda Kalsel mengatakan anjing "
                      "pelacak agresif. Petugas staf bimbingan kerja bernama Suhardi melihat bungkusan itu.")
    p = people(a)
    assert "Mahmuda" in p and "Suhardi" in p
    assert "Polda" in (p["Mahmuda"].organization or "")


def test_short_title_in_brackets_then_name_and_list_of_divisions(analyzer):
    a = run(analyzer, "Menteri imigrasi pemasyarakatan (Menimipas) Agus Andrianto menegaskan instruksinya. Didampingi "
                      "Kepala Divisi Administrasi Hajrianor dan Kepala Divisi Pemasyarakatan Supriyanto, ia ke Lapas "
                      "Banjarmasin.")
    p = people(a)
    assert "Agus Andrianto" in p and "Hajrianor" in p and "Supriyanto" in p


def test_ranked_officer_who_is_the_suspect_is_no_official(analyzer):
    a = run(analyzer, "Seorang oknum anggota Polres Jember berpangkat Bripka Dodi Santoso ditangkap saat menyelundupkan "
                      "sabu ke Lapas Jember.")
    assert "Dodi Santoso" not in people(a)
