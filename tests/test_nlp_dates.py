"""Event-date choice on synthetic press-release style text (no real article text).

Each test pins one error class seen on annotated articles: statement dates before the event, multi-day
events, a weekday that disagrees with the date, time-of-day words, typos in the year, page stamps and
"Baca juga" lines of other stories.
"""

from datetime import date

from nlp.dates import event_date, find_dates


def ev(text: str, pub: date | None) -> date | None:
    return event_date(find_dates(text, pub), text)


def test_weekday_with_time_of_day_before_bracket():
    text = "Petugas gabungan menggeledah kamar hunian Lapas Kelas IIA Sukamaju, Selasa malam (19/4)."
    assert ev(text, date(2022, 4, 20)) == date(2022, 4, 19)


def test_year_typo_without_separator():
    text = "Petugas Rutan Sukamaju menggagalkan penyelundupan sabu, Selasa (11/112025). Barang bukti disita."
    assert ev(text, None) == date(2025, 11, 11)


def test_tahun_between_month_and_year():
    text = "Sebanyak 120 warga binaan Lapas Sukamaju mendapat remisi 17 Agustus tahun 2021 dari pemerintah."
    assert ev(text, None) == date(2021, 8, 17)


def test_multi_day_event_takes_first_day():
    text = "Anak binaan LPKA Sukamaju akan mengikuti ujian nasional pada 25 hingga 28 Maret 2019 di sekolah."
    assert ev(text, date(2019, 3, 20)) == date(2019, 3, 25)
    assert ev("Pameran digelar 3-5 Juni 2024 di Jakarta.", None) == date(2024, 6, 3)


def test_range_start_with_wrong_weekday_takes_year_from_range_end():
    # 28/2/2024 was a Wednesday, yet the written date is what annotators keep
    text = ("Produk warga binaan dipamerkan pada Expo 2024 di Jakarta mulai Kamis (28/2) hingga Minggu (3/3). "
            "Pengunjung ramai.")
    assert ev(text, None) == date(2024, 2, 28)


def test_unresolvable_weekday_without_range_stays_unresolved():
    text = "Ratusan tahanan kabur dari Rutan Sukamaju, Kamis (29/11). Kejadian serupa pernah terjadi Mei 2017."
    assert ev(text, None) is None


def test_statement_date_yields_to_explicit_earlier_event():
    text = ('"Kami terus memindahkan narapidana berisiko tinggi," kata Kepala Divisi Budi Santoso, di Medan, '
            "Senin (13/11). Pemindahan dilakukan pada Jumat (10/11) lalu ke Lapas Sukamaju.")
    assert ev(text, date(2023, 11, 13)) == date(2023, 11, 10)


def test_statement_date_kept_when_other_date_is_background():
    text = ('"Layanan kunjungan dibuka mulai hari ini," kata Kalapas Sukamaju, Selasa (1/4/2025). '
            "Hari raya jatuh pada Senin 31 Maret 2025 sesuai kalender.")
    assert ev(text, date(2025, 4, 2)) == date(2025, 4, 1)


def test_page_stamp_and_read_more_lines_are_skipped():
    text = ("Petugas Lapas Sukamaju razia kamar hunian\n24 Januari 2024 | 03.09 WIB\n"
            "Baca juga: Napi kabur pada Rabu (3/1/2024) ditangkap\n"
            "Petugas Lapas Sukamaju menggelar razia kamar hunian pada Senin (22/1/2024).")
    assert ev(text, date(2024, 1, 24)) == date(2024, 1, 22)


def test_inline_read_more_is_skipped():
    text = ("Lapas Sukamaju menggelar tes urine. Baca juga: Razia digelar Rabu (3/1/2024) di Rutan Kota "
            "Petugas gabungan dari Badan Narkotika Nasional Kabupaten Sukamaju memeriksa urine lima puluh "
            "pegawai dan seratus warga binaan pada Senin (22/1/2024).")
    assert ev(text, date(2024, 1, 24)) == date(2024, 1, 22)


def test_written_full_date_wins_over_wrong_weekday():
    text = "Penandatanganan nota kesepahaman berlangsung Senin (12/2/2025) di aula Lapas Sukamaju."
    assert ev(text, date(2025, 2, 13)) == date(2025, 2, 12)


def test_fraction_is_not_a_date():
    assert ev("Dua per tiga masa pidana atau 2/3 telah dijalani.", date(2025, 1, 1)) is None
