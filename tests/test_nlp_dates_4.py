"""Event-date rules from the r8 fresh-gold round, on synthetic press-style Indonesian text (fictional places and
names, no real article text): a weekday whose date carries a digit typo that another date of the text corrects,
and an incident recalled under "Sebelumnya," that does not displace the day a source was quoted."""

from datetime import date

from tests.test_nlp_dates_3 import ev


def test_weekday_typo_in_the_month_is_corrected_by_a_written_date():
    # 24/06/2018 is a Sunday; 24 April 2018, written further down, is the Tuesday the weekday names
    text = ("Penghargaan diserahkan langsung oleh Menteri kepada Lapas Sukamaju, Selasa (24/06/2018) lalu, "
            "dalam acara festival di Jakarta.\n\n"
            "\"Pada tanggal 24 April 2018 kami menerima penghargaan itu,\" kata Kalapas Sukamaju, Budi Lestiono.")
    assert ev(text, date(2018, 6, 24)) == date(2018, 4, 24)


def test_weekday_typo_in_the_day_is_corrected_by_a_later_weekday_date():
    # 24/11/2022 is a Thursday; the report's own Tuesday is 29/11
    text = ("Bapas Sukamaju membimbing klien pemasyarakatan yang menjalani pembebasan bersyarat, Selasa (24/11/2022).\n"
            "Selasa (29/11), klien datang ke ruang layanan Bapas Sukamaju untuk melakukan wajib lapor.")
    assert ev(text, date(2022, 11, 24)) == date(2022, 11, 29)


def test_wrong_weekday_without_a_fitting_date_keeps_the_written_date():
    # writers err on weekdays more often than on dates: nothing in the text names the Tuesday
    text = ("Lapas Sukamaju menggelar tes urine bagi petugas, Selasa (24/11/2022).\n"
            "Kegiatan berlanjut dengan penyuluhan pada 2 Desember 2022.")
    assert ev(text, date(2022, 11, 24)) == date(2022, 11, 24)


_QUOTE = ("\"Di Rutan Sukamaju ada enam orang yang ditahan karena narkoba,\" ujar Karutan Sukamaju, Dedi Harsono, "
          "saat ditemui di rumahnya, Kamis 7 April 2022.\n")
_ARREST = ("Tim Satresnarkoba Polres Sukamaju berhasil membekuk seorang kurir sabu asal Kota Larantuka.\n"
           "Penangkapan di pelabuhan Sukamaju, Rabu tanggal 6 April 2022 sekitar pukul 12.00 wita.\n")


def test_incident_recalled_under_sebelumnya_does_not_displace_the_quote():
    text = _QUOTE + "Sebelumnya, " + _ARREST
    assert ev(text, date(2022, 4, 8)) == date(2022, 4, 7)


def test_incident_told_after_a_quote_still_dates_the_report():
    # without "Sebelumnya," the incident the day before the quote is the story's event
    text = _QUOTE + _ARREST
    assert ev(text, date(2022, 4, 8)) == date(2022, 4, 6)


def test_teaser_between_sebelumnya_and_the_incident_is_skipped():
    text = _QUOTE + "Sebelumnya, " + _ARREST.replace("\n", "\nBaca juga: Pasar Murah Digelar di Alun-alun\n", 1)
    assert ev(text, date(2022, 4, 8)) == date(2022, 4, 7)


def test_a_bare_weekday_is_no_evidence_of_a_typo():
    # 16/6/2024 is a Sunday; the bare "Senin" later on is dated from its context, not written: the date stands
    text = ("Bupati Sukamaju memuji Kalapas Sukamaju usai meninjau pelatihan las di lapas, Senin pagi.\n"
            "\"Pelatihannya tertata rapi,\" kata Bupati usai meninjau Lapas Sukamaju itu, Senin, (16/6/2024).")
    assert ev(text, None) == date(2024, 6, 16)
