"""Event-date rules from the blind rounds 7 and 9, on synthetic press-style Indonesian text (fictional places and
names, no real article text): a month number that slipped, "Sebelumnya" before a "... lalu" event and in hard-wrapped
paragraphs, an arrest quoted two weeks later, and an undated look back at the year just ended."""

from datetime import date

from tests.test_nlp_dates_3 import ev

# --- a year-less weekday date whose month number slipped --------------------------------------------------------

def test_month_slip_moves_a_wrong_weekday_date_to_the_publication_month():
    # 5 January 2019 was a Saturday; Tuesday 5 February 2019 is the publication day itself
    text = ("Petugas Lapas Sukamaju menggagalkan penyelundupan sabu yang dilempar dari luar tembok.\n"
            "Barang itu ditemukan di halaman Lapas Sukamaju sekitar pukul 09.00 WIB, Selasa (5/1).")
    assert ev(text, date(2019, 2, 5)) == date(2019, 2, 5)


def test_wrong_weekday_with_no_slipped_month_near_the_publication_keeps_the_date():
    # 20 January 2019 was a Sunday; 20 February lies after the report, 20 December far before it
    text = "Lapas Sukamaju menggelar tes urine bagi seluruh petugas, Selasa (20/1)."
    assert ev(text, date(2019, 2, 5)) == date(2019, 1, 20)


def test_month_slip_leaves_a_fitting_weekday_alone():
    text = "Lapas Sukamaju menggelar tes urine bagi seluruh petugas, Sabtu (5/1)."
    assert ev(text, date(2019, 2, 5)) == date(2019, 1, 5)


# --- "Sebelumnya" before an earlier event the quote follows ----------------------------------------------------

_REMISSION = ("Sebanyak 40 narapidana Lapas Sukamaju menerima remisi khusus Natal.\n"
              "\"Remisi ini bentuk penghargaan bagi warga binaan yang berkelakuan baik,\" kata Kalapas Sukamaju, "
              "Andi Wibisono, saat dikonfirmasi, Senin (25/12).\n")


def test_earlier_celebration_under_sebelumnya_with_lalu_leaves_the_quoted_day():
    text = _REMISSION + "Sebelumnya, warga binaan merayakan Natal di aula Lapas Sukamaju, Selasa (19/12/2023) lalu.\n"
    assert ev(text, date(2023, 12, 19)) == date(2023, 12, 25)


def test_sebelumnya_opening_a_hard_wrapped_sentence_counts():
    text = (_REMISSION + "Sebelumnya\nwarga binaan yang beragama Kristen merayakan Natal di\ngedung aula\n"
            "Lapas Sukamaju, Selasa (19/12/2023) lalu.\n")
    assert ev(text, date(2023, 12, 19)) == date(2023, 12, 25)


def test_earlier_day_with_lalu_without_sebelumnya_still_dates_the_report():
    text = _REMISSION + "Warga binaan juga merayakan Natal di aula Lapas Sukamaju, Selasa (19/12/2023) lalu.\n"
    assert ev(text, date(2023, 12, 19)) == date(2023, 12, 19)


# --- an arrest quoted two weeks later --------------------------------------------------------------------------

def _arrest(day: int) -> str:
    return ("\"Dia baru keluar dari lapas, sudah mau coba lagi,\" ujar Kapolsek Sukamaju Iptu Rudi Hartawan dalam "
            "keterangannya, Jumat (30/5/2025).\n"
            f"RS ditangkap di rumah kontrakannya di Kampung Sukasari, Kecamatan Cibeber, Kota Sukamaju, {day}.\n")


def test_arrest_two_weeks_before_the_quote_is_the_event():
    assert ev(_arrest("Jumat (16/5/2025)"), date(2025, 5, 30)) == date(2025, 5, 16)


def test_arrest_a_month_before_the_quote_leaves_the_quoted_day():
    assert ev(_arrest("Rabu (30/4/2025)"), date(2025, 5, 30)) == date(2025, 5, 30)


# --- an undated look back at the year just ended ---------------------------------------------------------------

_REVIEW = ("Sebanyak 40 narapidana terorisme berikrar setia kepada NKRI sepanjang tahun 2021, terbanyak dari "
           "Lapas Sukamaju.\n\"Kami berharap ikrar ini menjadi awal yang baik,\" kata Kabag Humas Ditjenpas, "
           "Rina Sulastri, dalam keterangan, {}.\n")


def test_year_review_without_publication_date_is_dated_in_the_next_january():
    # 1 January 2021 was a Friday, 1 January 2022 a Saturday
    assert ev(_REVIEW.format("Sabtu (1/1)"), None) == date(2022, 1, 1)


def test_year_after_the_written_one_is_only_taken_in_january():
    # 5 March 2021 was a Friday, 5 March 2022 a Saturday: outside January the year stays open
    assert ev(_REVIEW.format("Sabtu (5/3)"), None) is None
