"""Organisation rules beyond the basics: spellings of the regional office, posts versus bodies, one body
written two ways, kinds of institution that are no body, ranks and credits that are no actor.

Synthetic sentences in the style of Indonesian corrections press releases.
"""

from __future__ import annotations

from datetime import date

import pytest

from nlp.analyze import Analyzer
from nlp.organizations import _abbreviates
from nlp.records import ArticleText


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def orgs(analyzer, text, title=None):
    a = analyzer.analyze(ArticleText(id="t", text=text, title=title, published=date(2025, 2, 11)))
    return a.organizations


def names(os_):
    return [o.name for o in os_]


def test_rank_with_tni_is_no_organisation(analyzer):
    os_ = orgs(analyzer, "Gubernur Sulawesi Tenggara, Mayjen TNI (Purn) Andi Sumangerukka, menyerahkan remisi di "
                         "Lapas Kelas IIA Kendari. Hadir pula Danrem 143/HO, Brigadir Jenderal TNI Yusuf Ali.")
    assert "TNI" not in names(os_)
    os2 = orgs(analyzer, "Razia di Lapas Kelas IIA Kendari melibatkan personel TNI dan Polri.")
    assert "TNI" in names(os2)


def test_bare_dpr_joins_its_commission(analyzer):
    os_ = orgs(analyzer, "Komisi XIII DPR RI melakukan kunjungan kerja ke Lapas Kelas I Medan. Kalapas berharap "
                         "dukungan anggaran dari DPR RI untuk pembinaan warga binaan.")
    dpr = [o for o in os_ if "DPR" in o.name]
    assert len(dpr) == 1 and dpr[0].name == "Komisi XIII DPR RI"


def test_ballot_list_names_no_regional_parliament(analyzer):
    os_ = orgs(analyzer, "Perekaman KTP-el warga binaan Lapas Kelas IIB Tebing Tinggi untuk Pemilihan Presiden, "
                         "DPR RI, DPRD Provinsi, DPD dan DPRD Kabupaten/Kota.")
    assert not [o for o in os_ if o.name.startswith("DPRD")]


def test_ministry_with_province_is_the_regional_office(analyzer):
    os_ = orgs(analyzer, "Kementerian Hukum dan HAM Lampung mengakui Lapas di Lampung kelebihan kapasitas. Kakanwil "
                         "Kemenkumham Lampung menyebut usulan sudah dikirim ke Kementerian Hukum dan HAM.")
    offices = [o for o in os_ if o.kind == "corrections_office"]
    assert len(offices) == 1 and offices[0].org_id == "corrections_office:lampung"
    assert [o for o in os_ if o.kind == "ministry" and o.name == "Kementerian Hukum dan HAM"]


@pytest.mark.parametrize("text", ["Tim Kanwil Kemkumham Papua memeriksa Lapas Kelas IIA Abepura.",
                                  "Kepala Divisi Pemasyarakatan Kanwil Kumham Papua memeriksa Lapas Kelas IIA Abepura.",
                                  "Petugas kantor wilayah Kementrian Hukum dan HAM Papua memeriksa Lapas Kelas IIA "
                                  "Abepura."])
def test_spellings_of_the_regional_office(analyzer, text):
    os_ = orgs(analyzer, text)
    assert [o.org_id for o in os_ if o.kind == "corrections_office"] == ["corrections_office:papua"]


def test_ditjenpas_with_its_ministry_is_one_body_but_a_post_is_not(analyzer):
    os_ = orgs(analyzer, "Jumlah itu melampaui target Direktorat Jenderal Pemasyarakatan Kementerian Hukum dan Hak "
                         "Asasi Manusia (Ditjenpas Kemenkumham) tahun ini.")
    assert len(os_) == 1 and os_[0].org_id == "ditjenpas"
    os2 = orgs(analyzer, "Kunjungan Dirjen Pemasyarakatan Kementerian Hukum dan HAM ke Lapas Kelas I Cirebon.")
    assert {o.org_id for o in os2} == {"ditjenpas", "kemenkumham"}


def test_name_of_the_body_beats_the_post(analyzer):
    os_ = orgs(analyzer, "Remisi diberikan oleh Kementerian Hukum dan HAM (Kemenkumham). Aturannya ada dalam "
                         "Peraturan Menteri Hukum dan Hak Asasi Manusia yang mengatur syarat pemberian remisi.")
    kem = [o for o in os_ if o.org_id == "kemenkumham"]
    assert kem and kem[0].name == "Kementerian Hukum dan HAM (Kemenkumham)"


def test_brimob_units(analyzer):
    os_ = orgs(analyzer, "Lapas Kelas IIA Musi Rawas dijaga Brimob Polda Sumsel Batalion B Pelopor dan Polres Mura. "
                         "\"Kami menghubungi Polres, Kodim, dan Brimob,\" kata Kalapas.")
    brimob = [o for o in os_ if o.org_id == "police:brimob"]
    assert len(brimob) == 1 and brimob[0].name == "Brimob Polda Sumsel Batalion B Pelopor"
    assert "Polda Sumsel" not in names(os_)
    polres = [o for o in os_ if o.org_id.startswith("police:polres")]
    assert len(polres) == 1 and "Polres" in polres[0].aliases


def test_bare_unit_word_without_a_named_unit(analyzer):
    os_ = orgs(analyzer, "Petugas Lapas Kelas IIA Jambi sudah melaporkan temuan sabu ke Polres. Tim gabungan Rutan, "
                         "Polres, dan Kodim memburu napi yang kabur.")
    assert {"Polres", "Kodim"} <= set(names(os_))
    os2 = orgs(analyzer, "Lapas Kelas IIA Gorontalo menampung tahanan dari empat Polres di provinsi itu.")
    assert "Polres" not in names(os2)


def test_bare_bnnp_without_unit_and_acronym_of_misspelt_name(analyzer):
    os_ = orgs(analyzer, "Razia di Lapas Kelas IIA Padang melibatkan instansi luar dari polisi, TNI dan BNNP.")
    assert "BNNP" in names(os_)
    os2 = orgs(analyzer, "Kepala Badan Narkotika Provinsi (BNNP) Lampung menjelaskan metode rehabilitasi di Lapas "
                         "Narkotika Kelas IIA Bandar Lampung.")
    assert "BNNP" not in names(os2)


def test_national_governments(analyzer):
    os_ = orgs(analyzer, "Pemerintah Indonesia dan Pemerintah Inggris menandatangani pengaturan praktis pemindahan "
                         "narapidana dari Lapas Kelas IIA Kerobokan.")
    assert {"Pemerintah Indonesia", "Pemerintah Inggris"} <= set(names(os_))
    os2 = orgs(analyzer, "Remisi diberikan sesuai Peraturan Pemerintah Nomor 99 Tahun 2012 di Lapas Kelas IIA Kerobokan.")
    assert not [o for o in os2 if o.org_id.startswith("government")]


def test_photo_credit_is_no_actor(analyzer):
    os_ = orgs(analyzer, "Barang bukti sabu di Lapas Kelas I Malang (Foto: Polda Jateng). Petugas menyerahkan barang "
                         "bukti ke Satresnarkoba Polresta Malang Kota.")
    assert not [o for o in os_ if "Jateng" in o.name]
    assert [o for o in os_ if "Polresta Malang" in o.name]


def test_dinas_name_ends_at_its_place_and_synonyms_join(analyzer):
    os_ = orgs(analyzer, "Lapas Kelas IIB Lamongan bekerja sama dengan Dinas Tenaga Kerja Kabupaten Lamongan. Kepala "
                       "Dinas Ketenagakerjaan Lamongan, Zamroni, mendukung. Disnaker Lamongan menyiapkan instruktur.")
    dinas = [o for o in os_ if o.org_id.startswith("dinas:")]
    assert len(dinas) == 1
    assert all("Zamroni" not in a for a in dinas[0].aliases)


def test_syllable_acronym_of_a_dinas_joins_it(analyzer):
    os_ = orgs(analyzer, "Dinas Kearsipan dan Perpustakaan Jawa Tengah mengunjungi Lapas Kelas IIA Permisan. "
                         "Rombongan Dinas Arpus Jateng melihat galeri karya warga binaan.")
    assert len([o for o in os_ if o.org_id.startswith("dinas:")]) == 1
    assert _abbreviates("dukcapil", ["kependudukan", "pencatatan", "sipil"])
    assert not _abbreviates("sosial", ["kesehatan", "pendidikan"])


def test_acronym_of_a_school_joins_its_expansion(analyzer):
    os_ = orgs(analyzer, "LPKA Kelas II Palu membentuk Pusat Kegiatan Belajar Masyarakat (PKBM) Anak Mandiri. "
                         "PKBM Anak Mandiri membuka kelas paket A. Program PKBM Mandiri memberi ruang belajar.")
    assert len([o for o in os_ if "PKBM" in " ".join(o.aliases)]) == 1


def test_kind_of_institution_is_no_body(analyzer):
    os_ = orgs(analyzer, "Bengkel kerja Lapas Kelas IIA Jember akan diubah menjadi Lembaga Pelatihan Kerja (LPK). "
                         "Anak binaan setara Sekolah Dasar (SD) ikut kejar paket.")
    assert not [o for o in os_ if o.org_id in ("acr:lpk", "acr:sd")]


def test_bare_kemenag_joins_its_local_office(analyzer):
    os_ = orgs(analyzer, "Penyuluh Kantor Kemenag Lampura memberi pembinaan rohani di Lapas Kelas IIA Kotabumi. "
                         "Kemenag juga mengirim guru mengaji.")
    kemenag = [o for o in os_ if "Kemenag" in " ".join(o.aliases)]
    assert len(kemenag) == 1


def test_list_of_dinas_names_each_body_once(analyzer):
    os_ = orgs(analyzer, "Pelatihan di Lapas Kelas IIB Kuala Tungkal melibatkan Dinas Perikanan, Dinas Tanaman Pangan dan "
                         "Hortikultura, Dinas Perkebunan dan Peternakan, Dinas Kesehatan, serta Dinas Tenaga Kerja.")
    got = sorted(o.name for o in os_ if o.kind == "local_government")
    assert got == ["Dinas Kesehatan", "Dinas Perikanan", "Dinas Perkebunan dan Peternakan",
                   "Dinas Tanaman Pangan dan Hortikultura", "Dinas Tenaga Kerja"]


def test_balai_is_an_agency_but_not_a_building(analyzer):
    os_ = orgs(analyzer, "Lapas Kelas IIA Kupang merangkul Balai Latihan Kerja Kupang untuk pelatihan las.")
    assert any(o.name.startswith("Balai Latihan Kerja") for o in os_)
    os2 = orgs(analyzer, "Rapat digelar di Balai Kota Kupang bersama Kalapas Kelas IIA Kupang.")
    assert not any(o.name.startswith("Balai") for o in os2)


def test_former_post_and_street_name_are_no_actor(analyzer):
    os_ = orgs(analyzer, "Di TPS khusus Lapas Kelas I Sukamiskin, Mantan Menteri ESDM, Jero Wacik, dan mantan Panitera "
                         "PN Jakarta Utara ikut mencoblos. Lapas itu dulu berdiri di Jalan Puskesmas Labuhan Ruku.")
    assert not [o for o in os_ if o.kind in ("ministry", "court", "health")]


def test_school_named_after_a_ministry_and_bare_faculty(analyzer):
    os_ = orgs(analyzer, "Lapas Kelas I Bandar Lampung meneken MoU dengan Politeknik Kesehatan Kemenkes Tanjung Karang. "
                         "Wakil Dekan Fakultas Hukum hadir.")
    assert names(os_) == ["Politeknik Kesehatan Kemenkes Tanjung Karang"]


def test_hospital_long_and_short_forms_join(analyzer):
    os_ = orgs(analyzer, "Napi Lapas Kelas IIB Blitar melahirkan di Rumah Sakit Umum Daerah (RSUD) Mardi Waluyo Kota "
                         "Blitar. Kini ibu dan bayinya masih di RSUD Mardi Waluyo Blitar.")
    assert len([o for o in os_ if o.kind == "health"]) == 1


def test_same_dinas_subject_in_two_places_is_two_offices(analyzer):
    os_ = orgs(analyzer, "LPKA Kelas II Yogyakarta berkoordinasi dengan Dinas Pendidikan, Pemuda dan Olahraga "
                         "(Disdikpora) Gunungkidul. Dua anak diantar petugas Disdikpora Kota Yogyakarta.")
    assert len([o for o in os_ if o.org_id.startswith("dinas:")]) == 2


def test_bare_pemprov_stands_for_the_local_government(analyzer):
    os_ = orgs(analyzer, "Kakanwil Kemenkumham Papua Barat menyebut Pemprov sudah siapkan lahan untuk Lapas baru.")
    assert "Pemprov" in names(os_)


def test_bare_kemenkumham_beside_a_2025_office_is_the_ministry(analyzer):
    os_ = orgs(analyzer, "Kanwil Ditjenpas Kalbar menyerahkan remisi sesuai aturan teknis Kemenkumham.")
    assert "Kemenkumham" in names(os_)
    os2 = orgs(analyzer, "Kanwil Kemenkumham Sulsel memeriksa petugas. Kemenkumham masih mengusut kasus itu.")
    assert len(os2) == 1


@pytest.mark.parametrize("text,oid", [
    ("Kunjungan menteri Imigrasi dan Pemasyarakatan ke Lapas Kelas I Cipinang.", "kemenimipas"),
    ("Menimipas meninjau Lapas Kelas I Cipinang.", "kemenimipas"),
    ("Razia ini sesuai arahan Direktoral Jenderal Kemasyarakatan di Lapas Kelas IIA Ternate.", "ditjenpas"),
    ("Ditjen Pemasyaraktan memeriksa Lapas Kelas IIA Ternate.", "ditjenpas"),
])
def test_misspelt_ministry_and_directorate(analyzer, text, oid):
    assert [o.org_id for o in orgs(analyzer, text)] == [oid]


def test_party_of_a_politician_and_bare_bpjs(analyzer):
    os_ = orgs(analyzer, "Lapas Kelas IIA Bengkulu bekerja sama dengan BPJS. Politisi PAN itu memuji layanan lapas.")
    assert {"BPJS", "PAN"} <= set(names(os_))


def test_ditjenpas_with_a_province_is_the_regional_office(analyzer):
    os_ = orgs(analyzer, "Remisi diumumkan Ditjenpas Aceh. Usulan dikirim ke Direktur Jenderal Pemasyarakatan di Jakarta.")
    assert {o.org_id for o in os_} == {"corrections_office:aceh", "ditjenpas"}


def test_misspelt_place_joins_the_unit(analyzer):
    os_ = orgs(analyzer, "Ganja dari Lapas Narkotika Kelas IIA Jayapura diserahkan ke Badan Narkotika Nasional (BNN) "
                         "Kabupaten Jayapura, lalu dibakar di halaman Kantor BNN Kabupaten Jayapur.")
    assert len([o for o in os_ if o.kind == "bnn"]) == 1


def test_directorate_named_as_a_body_but_not_a_police_directorate(analyzer):
    os_ = orgs(analyzer, "Direktorat Pengamanan dan Intelijen (Dir Pam Intel) menggerebek Lapas Kelas I Medan. Petugas "
                         "berkoordinasi dengan Direktorat Reserse Narkoba Polda Jabar.")
    assert set(names(os_)) == {"Direktorat Pengamanan dan Intelijen (Dir Pam Intel)", "Polda Jabar"}


def test_customs_military_police_and_commissions(analyzer):
    os_ = orgs(analyzer, "Polres Bireuen dan Kanwil Direktorat Jenderal Bea Cukai Aceh menggagalkan penyelundupan sabu "
                         "ke Lapas Kelas IIA Lhokseumawe. Tim gabungan Sub Denpom ikut razia. Komnas Perempuan dan "
                         "Komisi Yudisial (KY) memantau.")
    got = {o.org_id for o in os_}
    assert {"customs@aceh", "commission:komnas perempuan", "commission:komisi yudisial"} <= got
    assert "Sub Denpom" in names(os_)


def test_ballots_of_an_election_are_no_bodies_but_dpd_is(analyzer):
    os_ = orgs(analyzer, "Warga binaan Lapas Kelas IIA Kerobokan mencoblos surat suara Presiden, DPR RI, DPD, DPRD "
                         "Provinsi dan DPRD Kabupaten/Kota di TPS khusus.")
    assert not [o for o in os_ if o.org_id.startswith(("dpr", "dpd")) or "DPRD" in o.name]
    os2 = orgs(analyzer, "Anggota DPD RI asal Bali meminta Lapas Kelas IIA Kerobokan dipindahkan.")
    assert names(os2) == ["DPD RI"]


def test_two_real_places_sharing_a_prefix_stay_apart(analyzer):
    os_ = orgs(analyzer, "Napi Lapas Kelas IIB Sampang dijemput Polres Bangka dan Polres Bangkalan.")
    assert len([o for o in os_ if o.kind == "police"]) == 2


def test_old_ministry_name_and_hyphenated_acronym(analyzer):
    os_ = orgs(analyzer, "Kepala Kantor Wilayah (Kanwil) Depkumham DKI Jakarta meninjau Rutan Kelas I Cipinang. "
                         "Program ini kerja sama Kemenkum-Ham dan Departemen Hukum dan HAM.")
    got = {o.org_id for o in os_}
    assert "corrections_office:dki-jakarta" in got
    assert "kemenkumham" in got


def test_ditjen_lapas_and_its_ministry_acronym(analyzer):
    os_ = orgs(analyzer, "Sidak dilakukan Direktorat Jenderal Pemasyarakatan Kementerian Hukum dan HAM (Kemenkumham) di "
                         "Lapas Kelas IIA Cirebon. Direktorat Jenderal (Dirjen) Lapas Kemkumham menurunkan tim.")
    got = {o.org_id for o in os_}
    assert {"ditjenpas", "kemenkumham"} <= got


def test_bnn_with_a_place_and_no_level_word(analyzer):
    os_ = orgs(analyzer, "Barang bukti sabu dari Lapas Kelas IIA Bekasi diserahkan ke BNN Jabar. Petugas BNN "
                         "memeriksa kurir itu.")
    bnn = [o for o in os_ if o.kind == "bnn"]
    assert [o.org_id for o in bnn] == ["bnn:province:jawa barat"]
    assert "BNN" in bnn[0].aliases


def test_polres_kota_is_its_own_unit(analyzer):
    os_ = orgs(analyzer, "Napi Lapas Kelas IIA Cirebon ditangkap Polres Cirebon dan Polres Cirebon Kota pekan lalu.")
    assert len([o for o in os_ if o.kind == "police"]) == 2


def test_panwaslu_dukcapil_pesantren_skb(analyzer):
    os_ = orgs(analyzer, "Panwaslu Kota Serang mengawasi TPS di Lapas Kelas IIA Serang. Dukcapil Sragen merekam KTP "
                         "warga binaan. Santri Pesantren Al Hikmah dan Sanggar Kegiatan Belajar Banyuasin ikut hadir.")
    got = " | ".join(names(os_))
    for want in ("Panwaslu Kota Serang", "Dukcapil Sragen", "Pesantren Al Hikmah", "Sanggar Kegiatan Belajar Banyuasin"):
        assert want in got


def test_fraksi_as_body_but_not_as_affiliation_tag(analyzer):
    os_ = orgs(analyzer, "Fraksi Partai Demokrat meminta Lapas Kelas I Cipinang dibenahi. Anggota Komisi III, Budi "
                         "Santoso (Fraksi PAN), ikut meninjau.")
    got = names(os_)
    assert "Fraksi Partai Demokrat" in got
    assert "Fraksi PAN" not in got


def test_trigger_prefilter_and_word_boundary_are_exact():
    from nlp import organizations as om

    # the one-pass finder sees the same trigger words as a substring test of each ("Polres" in "Polresta")
    words = {w for c in om._compiled() for w in c[5]}
    for text in ("Kapolresta Barelang dan Kakanwil Kemenkumham Riau", "Pemerintah Kota dan politikus PDI-P",
                 "BNNK Sleman, BNNP DIY, Kanwilpas, Dirjenpas, Kemenimipas"):
        assert om._present_triggers(text) == {w for w in words if w in text}
    # a family name glued inside a word is no match
    hits = om.find_hits("xPolres Badung hadir. Polres Badung juga.")
    assert [h.text for h in hits] == ["Polres Badung"] and hits[0].start > 10


def test_menu_of_other_headlines_is_skipped_and_police_centres_found(analyzer):
    text = ("- Polsek Bengkong Gelar Jumat Curhat Bersama Warga\n- Pemkab Magelang Resmikan Pasar Baru Hari Ini\n"
            "- Kader Partai Kompak Hadiri Acara di Hambalang\n"
            "Barang bukti dari Lapas Kelas IIA Batam diperiksa Puslabfor Polri. Anggota Jamaah Ansarut Daulah (JAD) "
            "ikut dibina.")
    got = names(orgs(analyzer, text))
    assert "Puslabfor Polri" in got and "Jamaah Ansarut Daulah (JAD)" in got
    assert not [n for n in got if "Bengkong" in n or "Magelang" in n]
