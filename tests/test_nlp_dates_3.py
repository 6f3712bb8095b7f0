"""Event-date rules from the fifth blind round, on synthetic press-style Indonesian text (fictional places and
names, no real article text): a month number slipped after the publication, URL years for undated pages,
broadcast dates, people placed in a photo, seizures as events, and a full date the report looks back to."""

from datetime import date

from nlp.dates import event_date, find_dates, url_years


def ev(text: str, pub: date | None, url: str | None = None) -> date | None:
    return event_date(find_dates(text, pub, url), text)


def test_month_slip_after_publication_is_read_by_the_weekday():
    # 17/5/2025 is a Saturday and lies after the report; 17/4/2025 is the Thursday before it
    text = "Petugas gabungan menggeledah kamar hunian Rutan Sukamaju, Kamis malam (17/5/2025)."
    assert ev(text, date(2025, 4, 18)) == date(2025, 4, 17)


def test_written_date_after_publication_without_a_fitting_month_stays():
    # Sunday 1/6/2025 fits neither May nor July: the written date is kept
    text = "Lapas Sukamaju menggelar lomba pada Minggu (1/6/2025)."
    assert ev(text, date(2025, 5, 20)) == date(2025, 6, 1)


def test_url_year_dates_a_page_without_publication_date():
    text = "Lapas Sukamaju menggelar rapat koordinasi pada Rabu (2/7) di Banjarbaru."
    assert ev(text, None) is None
    assert ev(text, None, "https://warta.example/2025/07/rapat-koordinasi") == date(2025, 7, 2)


def test_url_year_does_not_override_a_publication_date():
    text = "Kanwil Ditjenpas Kalimantan Raya menggelar rapat koordinasi pada Rabu (2/7) di Banjarbaru."
    assert ev(text, date(2025, 7, 3), "https://warta.example/2019/07/x") == date(2025, 7, 2)


def test_url_years_shapes():
    assert url_years("https://a.example/2025/07/judul") == [2025]
    assert url_years("https://a.example/18/01/2023/judul") == [2023]
    assert url_years("https://a.example/read-20250702-judul") == [2025]
    assert url_years("https://a.example/berita/105465/judul") == []
    assert url_years(None) == []


def test_broadcast_date_yields_to_the_incident_it_reports():
    text = ("Dalam tayangan televisi lokal, Selasa dini hari (13/8/2013), keributan yang terjadi pada Senin "
            "12 Agustus 2013 petang di Lapas Sukamaju membuat polisi datang.")
    assert ev(text, date(2013, 8, 13)) == date(2013, 8, 12)


def test_person_placed_in_photo_marks_a_caption():
    text = ("Kakanwil Ditjenpas Sulawesi Raya, Budi Hartawan (tengah), Senin (3/4) saat memberi penjelasan.\n"
            "Dua petugas jaga diperiksa setelah penggeledahan Lapas Sukamaju oleh tim gabungan, Sabtu (1/4) dini hari. "
            "Hal itu dipastikan Budi Hartawan, Senin (3/4).")
    assert ev(text, date(2017, 4, 4)) == date(2017, 4, 1)


def test_seizure_day_after_the_quote_is_the_event():
    text = ("\"Kami mendukung penuh,\" ujar Kalapas Sukamaju, Rina Astuti, Selasa (11/11).\n"
            "Barang bukti sabu yang disita BNNP Sukamaju, Senin (10/11/2025), diduga milik jaringan napi.")
    assert ev(text, date(2025, 11, 11)) == date(2025, 11, 10)


def test_full_date_looked_back_to_beats_the_press_statement():
    text = ("Dua warga binaan Lapas Sukamaju terlibat penyelundupan sabu yang diungkap BNNP pada 8 Maret 2021 lalu.\n"
            "\"Kami menangkap empat orang,\" ujar Kepala BNNP dalam keterangan persnya, Rabu (14/4/2021).")
    assert ev(text, date(2021, 4, 14)) == date(2021, 3, 8)


def test_old_full_date_looked_back_to_does_not_beat_the_statement():
    # a year back is background, not the report's event
    text = ("Kasus serupa pernah terjadi pada 8 Maret 2020 lalu di Lapas Sukamaju.\n"
            "Razia digelar petugas, kata Kalapas Rina Astuti, Rabu (14/4/2021).")
    assert ev(text, date(2021, 4, 14)) == date(2021, 4, 14)


def test_two_digit_year_url_path():
    assert url_years("https://warta.example/berita/17/05/29/abc-judul") == [2017]
    text = "Kalapas Sukamaju memimpin apel pada Senin (29/5) pagi."
    assert ev(text, None, "https://warta.example/berita/17/05/29/abc-judul") == date(2017, 5, 29)


def test_office_names_of_the_new_ministry_date_a_page_without_any_year():
    text = "Kanwil Ditjenpas Kalimantan Raya menggelar rapat koordinasi pada Rabu (2/7) di Banjarbaru."
    assert ev(text, None) == date(2025, 7, 2)  # 2/7 is a Wednesday in 2025 (not in 2024 or 2026)
    old = "Kanwil Kemenkumham Kalimantan Raya menggelar rapat koordinasi pada Rabu (2/7) di Banjarbaru."
    assert ev(old, None) is None  # the old name spans 2008-2024: no year is safe
