"""Behaviour of the rule stages of nlp/ on synthetic sentences written in the style of the press.

Each test names a hard case from the annotation guidelines (shared/eval/GUIDELINES.md).
"""

from __future__ import annotations

from datetime import date

import pytest

from nlp.analyze import Analyzer
from nlp.dates import event_date, find_dates, resolve_dm
from nlp.records import ArticleText


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def run(analyzer, text, title=None, published=date(2025, 2, 11)):
    return analyzer.analyze(ArticleText(id="t", text=text, title=title, published=published))


# --- facilities -------------------------------------------------------------------------------

def test_facility_surface_forms_join_one_facility(analyzer):
    a = run(analyzer, "Lembaga Pemasyarakatan (Lapas) Kelas IIA Banyuwangi menggelar tes urine. Petugas Lapas "
                      "Banyuwangi bersama tim memeriksa kamar hunian. Kegiatan di lapas tersebut berjalan lancar.")
    assert [(f.kind, f.city, f.facility_id) for f in a.facilities] == [("lapas", "Banyuwangi", "lapas-banyuwangi")]
    assert a.facilities[0].facility_class == "IIA"
    assert a.facilities[0].province == "Jawa Timur"


def test_specialty_class_and_ocr_variants(analyzer):
    a = run(analyzer, "Petugas Lapas Narkotika Kelas IlA Samarinda menggagalkan penyelundupan. Rutan Kelas I Depok "
                      "dan LPKA Kelas I Tangerang ikut apel.")
    got = {(f.kind, f.city) for f in a.facilities}
    assert got == {("lapas", "Samarinda"), ("rutan", "Depok"), ("lpka", "Tangerang")}
    sam = next(f for f in a.facilities if f.city == "Samarinda")
    assert sam.specialty == "narkotika" and sam.facility_class == "IIA"


def test_unregistered_facility_is_kept_and_flagged(analyzer):
    a = run(analyzer, "Warga binaan Rutan Kelas IIB Tanjungsari mengikuti pelatihan.")
    assert len(a.facilities) == 1
    f = a.facilities[0]
    assert (f.kind, f.city, f.registered, f.facility_id) == ("rutan", "Tanjungsari", False, None)


def test_police_and_kpk_detention_units_are_not_facilities(analyzer):
    a = run(analyzer, "Tersangka kini ditahan di Rutan KPK, sementara rekannya di Rutan Polda Metro Jaya.")
    assert a.facilities == []


def test_cabang_rutan_bapas_rupbasan(analyzer):
    a = run(analyzer, "Cabang Rutan Dabosingkep, Bapas Kelas I Makassar dan Rumah Penyimpanan Benda Sitaan Negara "
                      "(Rupbasan) Kupang menerima kunjungan.")
    assert {(f.kind, f.city) for f in a.facilities} == {("cabang_rutan", "Dabosingkep"), ("bapas", "Makassar"),
                                                        ("rupbasan", "Kupang")}


# --- organisations ---------------------------------------------------------------------------

def test_kanwil_kemenkumham_and_ditjenpas_are_one_regional_office(analyzer):
    a = run(analyzer, "Kanwil Kemenkumham Jatim menggelar rapat. Kini Kantor Wilayah Direktorat Jenderal "
                      "Pemasyarakatan Jawa Timur memimpin. Kanwil Ditjenpas Jawa Timur juga hadir.")
    offices = [o for o in a.organizations if o.kind == "corrections_office" and o.level == "province"]
    assert len(offices) == 1
    assert offices[0].org_id == "corrections_office:jawa-timur"


def test_bnn_acronym_and_expansion_merge(analyzer):
    a = run(analyzer, "Badan Narkotika Nasional Kabupaten (BNNK) Banyuwangi melakukan tes urine. Kepala BNNK "
                      "Banyuwangi, Kombes Pol. Faisol Wahyudi, memimpin. Tim BNNK juga memeriksa petugas.")
    bnn = [o for o in a.organizations if o.kind == "bnn"]
    assert len(bnn) == 1 and bnn[0].org_id == "bnn:local:banyuwangi"


def test_bnn_kota_and_bnnk_same_unit_and_bare_bnn_joins(analyzer):
    a = run(analyzer, "Petugas BNN Kota Prabumulih dan BNNK Prabumulih memeriksa urine. BNN juga memberi sosialisasi.")
    bnn = [o for o in a.organizations if o.kind == "bnn"]
    assert len(bnn) == 1 and "BNN" in bnn[0].aliases


def test_organisation_kinds(analyzer):
    a = run(analyzer, "Apel diikuti Polres Badung, Kodim 1611/Badung, Kejari Denpasar, KPU Provinsi Bali, "
                      "Ombudsman RI Perwakilan Bali dan Pemerintah Kabupaten Badung.")
    kinds = {o.kind for o in a.organizations}
    assert {"police", "military", "prosecutor", "election_body", "ombudsman", "local_government"} <= kinds


# --- officials -------------------------------------------------------------------------------

def test_title_then_name_with_rank_and_degrees(analyzer):
    a = run(analyzer, "Kepala BNNK Banyuwangi, Kombes Pol. Faisol Wahyudi, S.H., M.H., memberikan materi. "
                      "\"Kami siap,\" kata Faisol.")
    p = next(p for p in a.officials if "Faisol" in p.name)
    assert p.name == "Faisol Wahyudi"
    assert p.rank and "Kombes" in p.rank
    assert "S.H." in p.degrees
    assert "Faisol" in p.aliases
    assert p.organization and "BNNK Banyuwangi" in p.organization


def test_name_then_title_and_facility_head(analyzer):
    a = run(analyzer, "Lapas Kelas IIB Tegal menggelar ujian. Haryono, Kepala Lapas Kelas IIB Tegal, "
                      "mengapresiasi panitia.")
    p = next(p for p in a.officials if p.name == "Haryono")
    assert p.organization and "Tegal" in p.organization


def test_kalapas_title_resolves_to_article_facility(analyzer):
    a = run(analyzer, "Sebanyak 20 warga binaan Lapas Kelas IIA Kupang mengikuti tes urine. Kalapas Mochamad "
                      "Sutopo mengatakan kegiatan rutin.")
    p = next(p for p in a.officials if "Sutopo" in p.name)
    assert p.organization and "Kupang" in p.organization


def test_inmates_and_initials_are_never_officials(analyzer):
    a = run(analyzer, "Narapidana berinisial AS (34) kedapatan membawa ponsel. Tersangka Budi Santoso ditahan. "
                      "Kepala Rutan Kelas I Depok, Hendra Gunawan, menyerahkan AS ke polisi.")
    names = {p.name for p in a.officials}
    assert "Hendra Gunawan" in names
    assert not any(n in names for n in ("AS", "Budi Santoso"))


def test_kakanwil_belongs_to_regional_office(analyzer):
    a = run(analyzer, "Kakanwil Kemenkumham Sumsel, Dr. Ilham Djaya, meninjau Lapas Kelas I Palembang.")
    p = next(p for p in a.officials if "Ilham" in p.name)
    assert p.name == "Ilham Djaya" and "Dr" in p.honorifics
    assert p.organization_id == "corrections_office:sumatera-selatan"


def test_title_phrase_words_before_the_name_are_skipped(analyzer):
    a = run(analyzer, "Kegiatan dipantau Kasi Giatja Lapas Kelas IIA Jember Dwi Achmad Sarifudin bersama petugas. "
                      "Kasubdit Siber Ditreskrimsus Polda Jawa Timur AKBP Andi Wijaya, mengatakan hal itu.")
    names = {p.name for p in a.officials}
    assert "Dwi Achmad Sarifudin" in names and "Andi Wijaya" in names
    assert not names & {"Giatja", "Siber"}


def test_headline_lines_are_not_read_for_people(analyzer):
    a = run(analyzer, "Berita Terkait\nKalapas Paparkan Infrastruktur Melalui Kunker Anggota DPRD\n"
                      "Kepala Lapas Kelas IIB Nunukan, Budi Santoso, menerima rombongan.", title="Judul Berita")
    assert [p.name for p in a.officials] == ["Budi Santoso"]


def test_former_office_holders_are_not_officials(analyzer):
    a = run(analyzer, "Warga binaan Lapas Kelas I Sukamiskin, mantan Ketua DPR RI Setya Novanto, bebas bersyarat. "
                      "Kepala Lapas Kelas I Sukamiskin, Wahid Husen, membenarkan.")
    assert {p.name for p in a.officials} == {"Wahid Husen"}


# --- dates -----------------------------------------------------------------------------------

def test_weekday_forms_resolved_day_first():
    pub = date(2025, 2, 13)
    got = {d.text: d.date for d in find_dates("Senin (10/2/2025), Rabu (12/2), Selasa (03/06/2025) dan "
                                              "Senin 2 Desember 2024.", pub)}
    assert got["Senin (10/2/2025)"] == date(2025, 2, 10)
    assert got["Rabu (12/2)"] == date(2025, 2, 12)
    assert got["Selasa (03/06/2025)"] == date(2025, 6, 3)
    assert got["Senin 2 Desember 2024"] == date(2024, 12, 2)


def test_weekday_picks_year_around_new_year():
    # published in early January: "Kamis (28/12)" is last year's 28 December (a Thursday in 2023)
    d, ok = resolve_dm(28, 12, None, 3, date(2024, 1, 3))
    assert d == date(2023, 12, 28) and ok is True


def test_weekday_mismatch_is_flagged():
    d, ok = resolve_dm(10, 2, 2025, 2, None)  # 10 Feb 2025 is a Monday, not a Wednesday
    assert d == date(2025, 2, 10) and ok is False


def test_relative_and_event_date():
    text = "Kemarin petugas razia. Kegiatan digelar pada Rabu (12/2) di aula, dilanjutkan Jumat (14/2)."
    ds = find_dates(text, date(2025, 2, 13))
    assert any(d.text.lower() == "kemarin" and d.date == date(2025, 2, 12) for d in ds)
    assert event_date(ds, text) == date(2025, 2, 12)


def test_no_publication_date_no_year_stays_unresolved():
    ds = find_dates("Kegiatan pada Rabu (29/12) berjalan lancar.", None)
    assert ds and ds[0].date is None
    assert event_date(ds, "") is None


def test_no_break_spaces_read_as_spaces_and_offsets_stay(analyzer):
    """Some CMSs write &nbsp; between words: the rules read it as a space, and mention offsets still point into
    the text as stored (one character replaced by one)."""
    plain = ("Kepala Lapas Kelas IIA Banyuwangi, Mochamad Mukaffi, menerima kunjungan BNNK Banyuwangi untuk tes urine "
             "pada Senin (10/2/2025).")
    nbsp = plain.replace(" ", "\u00a0")
    a = analyzer.analyze(ArticleText("p", plain, None, date(2025, 2, 11)))
    b = analyzer.analyze(ArticleText("n", nbsp, None, date(2025, 2, 11)))
    assert [f.name for f in b.facilities] == [f.name for f in a.facilities] == ["Lapas Kelas IIA Banyuwangi"]
    assert [o.name for o in b.organizations] == [o.name for o in a.organizations]
    assert [x.name for x in b.officials] == ["Mochamad Mukaffi"]
    assert [p.parties for p in b.partnerships] == [p.parties for p in a.partnerships] and b.partnerships
    assert b.event_date == date(2025, 2, 10)
    m = b.facilities[0].mentions[0]
    assert nbsp[m.start:m.end].replace("\u00a0", " ") == m.text.replace("\u00a0", " ")
