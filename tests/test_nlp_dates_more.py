"""More event-date rules on synthetic press-style Indonesian text (no real article text).

Each test pins one general error class: words of a sentence mistaken for a byline, photo captions, a quoted
day ahead of the event it reports, history years before the publication, posting stamps without a clock,
document dates, "Seperti diberitakan sebelumnya" recalls, and date forms the finder used to miss.
"""

from datetime import date

from nlp.dates import event_date, find_dates


def ev(text: str, pub: date | None) -> date | None:
    return event_date(find_dates(text, pub), text)


def dates_of(text: str, pub: date | None) -> dict[str, date | None]:
    return {d.text: d.date for d in find_dates(text, pub)}


# --- lines that are not the story ---------------------------------------------------------------------

def test_sentence_starting_with_sumber_is_not_a_credit_line():
    text = ("Dugaan pungli kamar di Rutan Sukamaju mencuat.\n"
            "Sumber kami, seorang istri tahanan, kepada wartawan, Selasa (14/3/2023) siang, mengaku membayar.")
    assert ev(text, date(2023, 3, 14)) == date(2023, 3, 14)


def test_credit_line_with_colon_is_skipped():
    text = ("Petugas Lapas Sukamaju menggelar razia kamar hunian pada Senin (13/3/2023).\n"
            "Sumber: Humas Lapas Sukamaju, Rabu (15/3/2023)")
    assert ev(text, date(2023, 3, 15)) == date(2023, 3, 13)


def test_photo_caption_date_yields_to_the_story():
    text = ("Suasana Rutan Kelas IIA Sukamaju di Kota Sukamaju, Rabu (17/3/2021). (ANTARA/Budi Santoso)\n"
            "Empat tahanan Rutan Sukamaju kabur melalui plafon kamar mandi pada Senin (15/3/2021) dini hari.")
    assert ev(text, date(2021, 3, 17)) == date(2021, 3, 15)


def test_photo_credit_opening_the_line_marks_a_caption():
    text = ("sukamajuID/Budi Santoso Suasana Rutan Sukamaju, Rabu (17/3/2021).\n"
            "Empat tahanan Rutan Sukamaju kabur melalui plafon kamar mandi, Senin (15/3/2021).")
    assert ev(text, date(2021, 3, 17)) == date(2021, 3, 15)


def test_caption_date_used_when_the_story_dates_nothing():
    text = ("Warga binaan Lapas Sukamaju mengikuti pelatihan las, Kamis (9/10/2025). (Foto: Humas Lapas)\n"
            "Pelatihan diikuti dua puluh warga binaan dan berlangsung selama sepekan.")
    assert ev(text, date(2025, 10, 10)) == date(2025, 10, 9)


def test_posting_stamp_line_without_clock_is_not_the_event():
    text = ("DPRD Dukung Relokasi Lapas\n\nSelasa, 17 Agustus 2021 53\n"
            "Wakil Ketua DPRD menghadiri penyerahan remisi di Lapas Sukamaju kemarin.")
    assert ev(text, date(2021, 8, 17)) == date(2021, 8, 16)


def test_date_alone_on_a_line_that_ends_a_broken_sentence_is_not_a_stamp():
    text = ("Anak binaan tetap didaftarkan ujian, jelas Kasubsi Pendidikan di LPKA Sukamaju,\n"
            "Selasa (2/5/2017).\nSebelumnya sekolah telah berkoordinasi dengan dinas pendidikan.")
    assert ev(text, None) == date(2017, 5, 2)


def test_document_dates_are_not_events():
    text = ("Berdasarkan Surat Keputusan Menteri Nomor PAS-1423 tanggal 15 Agustus 2025, mantan pejabat itu "
            "dikeluarkan dari Lapas Sukamaju pada 16 Agustus 2025. Denda dibayar sesuai surat keterangan "
            "No.B/1177/Eks.02.03/11/08/2025 tanggal 14 Agustus 2025.")
    assert ev(text, date(2025, 8, 19)) == date(2025, 8, 16)


def test_document_code_is_not_a_date():
    assert dates_of("sesuai surat Nomor: PAS-PK.02.10.01-1147 tahun 2021 tentang langkah", None) == {}


def test_recalled_earlier_report_yields_to_the_new_statement():
    text = ("BNN Sukamaju minta penjagaan lapas diperketat.\n"
            "Seperti diberitakan sebelumnya, seorang pembesuk ditangkap sipir Lapas Sukamaju karena menyelundupkan "
            "pil koplo hari Kamis (18/8/2022) kemarin.\n"
            "\"Pengawasan harus ditingkatkan,\" kata Kepala BNN saat dikonfirmasi, Jumat (19/8/2022).")
    assert ev(text, date(2022, 8, 19)) == date(2022, 8, 19)


# --- which dated mention is the event -----------------------------------------------------------------

def test_quoted_day_yields_to_the_event_reported_within_the_week_before():
    text = ("\"Ada tuntutan warga binaan,\" kata Kakanwil Budi Santoso saat dihubungi, Selasa (11/3/2025). "
            "Sebanyak 50 narapidana Lapas Sukamaju melarikan diri, Senin (10/3/2025) menjelang berbuka puasa.")
    assert ev(text, date(2025, 3, 11)) == date(2025, 3, 10)


def test_quoted_day_yields_to_a_later_full_date_of_the_event():
    text = ("\"Semua sudah sesuai aturan,\" kata Kakanwil, Minggu (17/8). Ia menjelaskan aturan pembebasan. "
            "Mantan pejabat itu resmi keluar dari Lapas Sukamaju pada 16 Agustus 2025 siang.")
    assert ev(text, date(2025, 8, 19)) == date(2025, 8, 16)


def test_quoted_day_kept_when_the_earlier_day_is_weeks_back():
    text = ("\"Petugas kami periksa,\" kata Kakanwil, Jumat (3/5/2019). "
            "Peristiwa kekerasan itu terjadi pada Kamis (28/3/2019) di dermaga.")
    assert ev(text, date(2019, 5, 3)) == date(2019, 5, 3)


def test_history_years_before_publication_yields_to_the_recent_date():
    text = ("Mantan ketua DPR itu resmi bebas bersyarat dari Lapas Sukamaju pada 16 Agustus 2025. "
            "Penetapan tersangka pertama dibatalkan hakim praperadilan, Jumat (29/9/2017). "
            "KPK kemudian menahannya pada Jumat 17 November 2017.")
    assert ev(text, date(2025, 8, 16)) == date(2025, 8, 16)


def test_only_a_quote_near_publication_keeps_the_reported_old_event():
    text = ("Kalapas Sukamaju menuturkan, peristiwa itu terjadi pada Kamis 14 Januari 2016 pagi. "
            "\"Kami langsung periksa,\" ujar Kalapas di Jakarta, Sabtu (25/2/2017).")
    assert ev(text, date(2017, 2, 25)) == date(2016, 1, 14)


def test_publication_date_can_be_passed_explicitly():
    text = ("Napi Lapas Sukamaju bebas pada 16 Agustus 2025. "
            "Ia ditahan sejak Jumat (29/9/2017).")
    dms = [d for d in find_dates(text, date(2025, 8, 16))]  # a plain list no longer carries the date
    assert event_date(dms, text) == date(2017, 9, 29)
    assert event_date(dms, text, date(2025, 8, 16)) == date(2025, 8, 16)


# --- date forms -----------------------------------------------------------------------------------------

def test_bare_weekday_after_a_comma_resolves_against_publication():
    text = "Sebanyak 97 warga binaan Lapas Sukamaju menerima remisi Natal di gereja lapas, Senin."
    assert ev(text, date(2023, 12, 26)) == date(2023, 12, 25)
    assert dates_of("kata Kalapas kepada Antara di Sukamaju, Minggu, mengatakan", date(2025, 6, 12)) == {
        "Minggu": date(2025, 6, 8)}


def test_weekday_with_a_stray_full_stop_before_the_bracket():
    assert dates_of("pemusnahan barang bukti di Lapas Sukamaju, Senin. (22/08).", date(2022, 8, 23)) == {
        "Senin. (22/08)": date(2022, 8, 22)}


def test_weekday_range_with_day_range_takes_the_first_day():
    got = dates_of("Layanan dibuka selama dua hari, Senin – Selasa (9-10/6/2025).", None)
    assert list(got.values()) == [date(2025, 6, 9)]


def test_relative_word_between_weekday_and_date():
    assert ev("Ujian dimulai Senin mendatang (25/3) di LPKA Sukamaju.", date(2019, 3, 23)) == date(2019, 3, 25)
    text = "Gempa mengguncang kota, Jumat pekan lalu, 28 September 2018. Penghuni rutan menemui keluarga."
    assert ev(text, date(2018, 10, 1)) == date(2018, 9, 28)


def test_typographic_apostrophe_in_jumat_names_the_weekday():
    got = find_dates("Razia digelar Jum’at (14/2/2025) malam di Lapas Sukamaju.", date(2025, 2, 15))
    assert [(d.date, d.weekday_ok) for d in got] == [(date(2025, 2, 14), True)]


def test_quoted_day_inside_a_facility_is_the_visit_itself():
    text = ("\"Kapasitasnya 1.500, tapi dihuni hampir 3.000,\" ujar anggota DPR Budi Santoso di Rutan Sukamaju, "
            "Jakarta Pusat pada Kamis, 14 November 2024. Tujuh tahanan kabur pada Selasa, 12 November 2024 dini hari.")
    assert ev(text, date(2024, 11, 14)) == date(2024, 11, 14)


def test_undated_past_contract_does_not_outrank_the_quoted_day():
    text = ("\"Kita percepat, tambah tenaga kerja,\" ujar Kakanwil Budi Santoso, Jumat (06/09/2019). "
            "Pembangunan lapas yang kontraknya diteken 5 Juli 2019 lalu ini terhambat kontur lahan.")
    assert ev(text, date(2019, 9, 6)) == date(2019, 9, 6)


def test_year_less_dates_are_not_history_when_the_publication_date_is_off():
    # the publication date was read from a deadline in the text; the event's own date has no year written
    text = ("Kepala Lapas Sukamaju di Aceh Besar, Senin (6/4), mengatakan 23 narapidana dibebaskan. Mereka telah "
            "menjalani dua pertiga masa pidana terhitung hingga 31 Desember 2020.")
    assert ev(text, date(2020, 12, 31)) == date(2020, 4, 6)


def test_years_before_1990_are_real_years():
    assert dates_of("berdasarkan Peraturan Menteri Kehakiman tertanggal 2 Mei 1987 nomor 3", date(2023, 12, 4)) == {
        "2 Mei 1987": date(1987, 5, 2)}


def test_two_digit_month_is_not_a_two_digit_year():
    # "(04/05)" with a wrong weekday is a slip, not a dated event of May: the later consistent date wins
    text = ("Demikian disampaikan Kapolsek Sukamaju, Minggu (04/05) terkait penggerebekan di Lapas Sukamaju. "
            "\"Barang bukti kami sita,\" kata Kapolsek, Minggu (04/09).")
    assert ev(text, date(2016, 9, 5)) == date(2016, 9, 4)


def test_bare_agency_credit_closes_a_caption():
    text = ("Petugas menyemprot disinfektan di pintu masuk Rutan Sukamaju, Rabu, 18 Maret 2020. ANTARA\n"
            "\"Pungli itu mengikuti pola lama,\" kata Ketua Dewan Pengawas saat ditemui di Jakarta, "
            "Kamis, 18 Januari 2024.")
    assert ev(text, date(2024, 1, 24)) == date(2024, 1, 18)


def test_caption_kept_when_the_story_date_contradicts_its_weekday():
    text = ("Kebakaran blok hunian Lapas Sukamaju, Selasa (26/3/2024) Foto: Dok. Polresta Sukamaju\n"
            "Blok hunian Lapas Sukamaju terbakar pada Selasa (28/3) pukul 16.30 WITA.")
    assert ev(text, date(2024, 3, 26)) == date(2024, 3, 26)


def test_weekday_does_not_move_a_date_a_year_away_from_publication():
    got = find_dates("Blok hunian terbakar pada Selasa (28/3) sore.", date(2024, 3, 26))
    assert [(d.date, d.weekday_ok) for d in got] == [(date(2024, 3, 28), False)]
    # ... unless the text writes that year itself (the publication date may be the one that is off)
    got = find_dates("Kunjungan Lebaran dipantau Kamis (11/4). Hari pertama 10 April 2024 ramai.", date(2023, 4, 13))
    assert got[0].date == date(2024, 4, 11) and got[0].weekday_ok is True


def test_posting_stamp_preferred_over_an_old_decree_when_nothing_else_is_dated():
    text = ("Bapas Sukamaju Ramai Pengunjung\n4 Desember 2023   14:24\n"
            "Bapas Sukamaju berdiri berdasarkan Peraturan Menteri tertanggal 2 Mei 1987 dan melayani klien.")
    assert ev(text, date(2023, 12, 4)) == date(2023, 12, 4)


def test_future_year_with_wrong_weekday_is_a_year_slip():
    got = find_dates("Razia digelar Senin (6/10/2026) malam di Lapas Sukamaju.", date(2025, 10, 8))
    assert [(d.date, d.weekday_ok) for d in got] == [(date(2025, 10, 6), True)]
    # a past year is kept as written, as annotators do
    got = find_dates("Peristiwa terjadi pada Sabtu 14 Januari 2016 pagi.", date(2017, 2, 25))
    assert [(d.date, d.weekday_ok) for d in got] == [(date(2016, 1, 14), False)]


def test_pada_tanggal_after_a_circular_dates_the_event():
    text = ("Sesuai surat edaran Dirjen, razia serentak di Lapas Sukamaju dilaksanakan pada tanggal 10 Februari 2025. "
            "Razia berikutnya dijadwalkan 3 Maret 2025.")
    assert ev(text, date(2025, 2, 11)) == date(2025, 2, 10)


def test_relative_word_before_a_bracketed_day_and_month():
    assert dates_of("Pembangunan masih berjalan hingga kemarin (23/8) di Lapas Sukamaju.", date(2020, 8, 24)) == {
        "kemarin (23/8)": date(2020, 8, 23)}


# --- second round: page stamps, datelines, forecasts, quotes, holidays ---------------------------------

def test_header_line_hari_ini_is_a_page_stamp():
    text = ("• Hari ini : Rabu, 24 Januari 2018\n\nLapas Sukamaju Digeledah\n\n"
            "SUKAMAJU - Lapas Sukamaju digeledah tim gabungan, Rabu malam (2/8) hingga Kamis dini hari.")
    assert ev(text, date(2018, 1, 24)) == date(2017, 8, 2)
    # without a publication date the weekday takes the year next to the stamp's
    assert ev(text, None) == date(2017, 8, 2)


def test_dateline_of_a_release_is_not_the_event():
    text = ("Sukamaju, 17 Maret 2025 - Seorang warga binaan Lapas Sukamaju melahirkan bayi kembar.\n"
            "Kejadian ini berlangsung pada tanggal 9 Maret 2025 di RSUD Sukamaju.")
    assert ev(text, date(2025, 3, 17)) == date(2025, 3, 9)
    # alone, the dateline still dates the report
    assert ev("Sukamaju, 17 Maret 2025 - Lapas Sukamaju menerima kunjungan keluarga.", None) == date(2025, 3, 17)


def test_forecast_date_and_stamp_with_seconds():
    text = ("TVRI Sukamaju • Sosial 06 Maret 2024 JAM 06:00:00 WIB\n\n"
            "Kunjungan ke Lapas Sukamaju naik dan diperkirakan akan mencapai puncaknya pada Jumat 8 Maret 2024.")
    assert ev(text, date(2024, 3, 6)) == date(2024, 3, 6)


def test_incident_time_in_a_quote_beats_the_day_the_facility_spoke():
    text = ("Lapas Sukamaju angkat bicara soal kematian seorang warga binaan, Selasa (11/3/2025).\n"
            "\u201cSenin (10/3/2025) dini hari petugas segera membawanya ke klinik lalu ke rumah sakit,\u201d ungkap dia.")
    assert ev(text, date(2025, 3, 11)) == date(2025, 3, 10)


def test_weekday_of_last_week_in_a_quote_before_the_speech_date():
    text = ("\"Hasilnya, Jumat pekan lalu anggota saya menangkap tangan petugas rutan,\" kata Kapolres, "
            "Selasa, 8 November 2016.")
    assert ev(text, date(2016, 11, 8)) == date(2016, 11, 4)
    assert ev(text, None) == date(2016, 11, 4)  # resolved against the written date
    # a recalled "Kamis pekan lalu" after the quoted day does not replace it
    text = ("\"Tamu belum bisa diterima,\" kata Kalapas kepada wartawan, Senin (3/12/2018).\n"
            "Sebelumnya 113 napi Lapas Sukamaju meloloskan diri, Kamis pekan lalu.")
    assert ev(text, date(2018, 12, 3)) == date(2018, 12, 3)


def test_independence_anniversary_gives_the_year():
    text = "Sebanyak 260 napi Lapas Sukamaju mendapat remisi HUT ke-77 Kemerdekaan RI. Bupati hadir Rabu (17/8)."
    assert ev(text, None) == date(2022, 8, 17)


def test_undated_holiday_remission_is_dated_by_the_holiday():
    assert ev("Sebanyak 51 narapidana menerima remisi khusus Natal 2021 di Lapas Sukamaju.", None) == date(2021, 12, 25)
    assert ev("Warga binaan Lapas Sukamaju menerima remisi pada HUT RI ke-80.", None) == date(2025, 8, 17)
    assert ev("Lapas Sukamaju menggelar ibadah Natal 2021.", None) is None  # no remission: no holiday date


def test_caption_opened_by_a_capitalised_credit():
    text = ("IST SUASANA HARU. Keluarga mengunjungi warga binaan Lapas Sukamaju, Kamis (11/4).\n"
            "Para warga binaan dikunjungi keluarga dalam momen Lebaran, Rabu (10/4), sejak pagi.")
    assert ev(text, date(2024, 4, 13)) == date(2024, 4, 10)


def test_lead_sentence_event_date_beats_a_later_speech_date():
    text = ("Sukamaju - Sebanyak 30 anak binaan LPKA Sukamaju siap mengikuti ujian nasional pada 25 hingga 28 Maret "
            "2019 di aula lembaga itu. Persiapan sudah rampung.\n"
            "\"Ini kedua kalinya kami melaksanakan ujian,\" kata Kasi Pembinaan saat ditemui, Sabtu (23/3).")
    assert ev(text, date(2019, 3, 23)) == date(2019, 3, 25)


def test_two_days_joined_by_dan_are_a_range():
    assert dates_of("Pameran karya warga binaan digelar pada 10 dan 11 April 2024 di Lapas Sukamaju.",
                    date(2024, 4, 13)) == {"10 dan 11 April 2024": date(2024, 4, 10)}


def test_dateline_with_province_and_sekira_pukul_incident():
    text = ("Sukamaju, NTT, 17 Maret 2025 - Petugas Rutan Sukamaju menggagalkan penyelundupan sabu.\n"
            "Upaya itu terungkap pada 15 Maret 2025 saat pemeriksaan barang titipan.")
    assert ev(text, date(2025, 3, 17)) == date(2025, 3, 15)
    text = ("\"Kami sudah koordinasi dengan polres,\" kata Karutan Sukamaju saat dikonfirmasi, Rabu (12/6/2024).\n"
            "Pada Senin (10/6/2024) sekira pukul 02.00 WIT, dua tahanan menjebol plafon kamar mandi.")
    assert ev(text, date(2024, 6, 12)) == date(2024, 6, 10)


def test_undated_weekday_date_takes_the_latest_fitting_year():
    text = "Petugas Lapas Sukamaju menggelar upacara pada Selasa (17/8) pagi."
    got = {d.text: d.date for d in find_dates(text, None, latest=date(2026, 11, 23))}
    assert got["Selasa (17/8)"] == date(2021, 8, 17)  # 17 August was a Tuesday in 2021 (and 2010, 2027)
    # never a day after `latest`: the Tuesday of 2021 lies a day past it, so 2010's is taken
    got = {d.text: d.date for d in find_dates(text, None, latest=date(2021, 8, 16))}
    assert got["Selasa (17/8)"] == date(2010, 8, 17)
    # without `latest` (the CLI's published-date parser) nothing is guessed
    assert {d.text: d.date for d in find_dates(text, None)}["Selasa (17/8)"] is None


def test_undated_weekday_date_keeps_a_year_the_text_writes():
    text = "Razia digelar Rabu (5/6) malam di Rutan Sukamaju. Sepanjang 2019 ada tiga razia."
    got = {d.text: d.date for d in find_dates(text, None, latest=date(2026, 11, 23))}
    assert got["Rabu (5/6)"] == date(2019, 6, 5)  # 2024's 5 June was a Wednesday too, but the text says 2019
