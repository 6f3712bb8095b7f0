"""Organisation forms from the tenth fresh round and the families that recur across the development gold, on
synthetic sentences (fictional people, real places): the regional office by its province alone, the ministry's
inspectorate, election committees, parliament commissions written without the house, bare commission acronyms
beside their local unit, and the headlines of other stories that pages list under the article."""

from nlp.organizations import display_name, find_hits, resolve


def orgs(text: str, reg, body_start: int = 0, headlines=None):
    return resolve(find_hits(text, reg, None, body_start, headlines), text, reg)


def names(text: str, reg) -> list[str]:
    return [display_name(o) for o in orgs(text, reg)]


def test_regional_office_by_its_province_alone(reg):
    got = orgs("Hunian Lapas Dumai (Kanwil Riau) melebihi daya tampung. Kadivpas Kanwil Jawa Barat ikut memantau.",
               reg)
    offices = {o.org_id for o in got if o.kind == "corrections_office"}
    assert offices == {"corrections_office:riau", "corrections_office:jawa-barat"}


def test_regional_office_by_a_town_is_no_office(reg):
    got = orgs("Pegawai Kanwil Sleman menghadiri rapat di aula.", reg)
    assert not [o for o in got if o.kind == "corrections_office"]


def test_regional_offices_listed_by_province(reg):
    got = orgs("Pengawalan melibatkan petugas kanwil Sumatera Barat, Bengkulu, Lampung dan Banten menuju Nusakambangan.",
               reg)
    assert {display_name(o) for o in got if o.kind == "corrections_office"} == {
        "kanwil Sumatera Barat", "kanwil Bengkulu", "kanwil Lampung", "kanwil Banten"}


def test_regional_office_spelling_variants(reg):
    for text in ("Kepala Divisi Pemasyarakatan Kanwilkum HAM Provinsi Jambi, Rudi Hartono, menjelaskan.",
                 "Kepala Kanwil DITJEN PAS Sulbar, Made Sutama, menjelaskan.",
                 "Lapas Pekalongan Kanwil kemenkumham Jawa Tengah menerima kunjungan.",
                 "Alat tes itu difasilitasi Kantor Wilayah (Kanwil) hukum dan HAM (Kumham) Provinsi Jambi."):
        assert [o for o in orgs(text, reg) if o.kind == "corrections_office" and o.region], text


def test_ministry_inspectorate_is_a_body(reg):
    got = orgs("Lapas Ambarawa dikunjungi Inspektorat Jenderal Kemenkumham pada Senin. Inspektur Jenderal (Irjen) "
               "Kementerian Hukum dan HAM, Joko Santoso, menilai dapur.", reg)
    assert [o for o in got if o.org_id == "itjen"]
    assert not [o for o in got if o.org_id == "kemenkumham"]


def test_inspector_general_rank_is_no_inspectorate(reg):
    got = orgs("Hal itu dibenarkan Deputi Pemberantasan BNN, Inspektur Jenderal Budi Santosa.", reg)
    assert not [o for o in got if o.org_id == "itjen"]


def test_ministry_name_with_misspelt_corrections_word(reg):
    text = ("Direktur Jenderal Permasyarakatan Kementerian Imigrasi dan Permasyarakatan (Dirjenpas Kemenimipas), "
            "Hadi Santoso, menegaskan hal itu.")
    got = [o for o in orgs(text, reg) if o.org_id == "kemenimipas"]
    assert got and "Kementerian Imigrasi dan Permasyarakatan" in got[0].aliases


def test_subdistrict_election_supervisors(reg):
    text = ("Bawaslu Kota Blitar meminta Panitia Pengawas Pemilu Kecamatan mengawasi TPS di lapas. Panwaslu Kecamatan "
            "pun bersiaga.")
    got = [display_name(o) for o in orgs(text, reg) if o.org_id.startswith("election:panwaslu")]
    assert got == ["Panitia Pengawas Pemilu Kecamatan"]


def test_polling_committee_but_not_its_definition(reg):
    assert [o for o in orgs("Warga binaan dipanggil satu per satu oleh petugas KPPS di Lapas Serang.", reg)
            if o.org_id.startswith("election:kpps")]
    for text in ("Anggota Kelompok Penyelenggara Pemungutan Suara (KPPS) berasal dari pegawai Rutan Pati.",
                 "Petugas pengamanan yang menjadi bagian KPPS berasal dari Rutan Pati.",
                 "Petugas di luar KPPS dilarang mendekati TPS khusus Rutan Pati."):
        assert not [o for o in orgs(text, reg) if o.org_id.startswith("election:kpps")], text


def test_parliament_commission_without_the_house(reg):
    got = orgs("Rombongan Komisi III meninjau blok hunian Lapas Kelas IIA Ambon, Selasa.", reg)
    assert [o.org_id for o in got] == ["dpr:komisi:iii"]
    got = orgs("Komisi Hukum DPR menilai Lapas Cipinang penuh. Anggota DPR Komisi XIII juga hadir.", reg)
    assert {o.org_id for o in got} == {"dpr:komisi:iii", "dpr:komisi:xiii"}


def test_regional_council_commission_is_not_the_dpr(reg):
    got = orgs("Ketua Komisi I DPRD Kaltara menemui Kalapas. Komisi I akan memanggil dinas terkait.", reg)
    assert not [o for o in got if o.org_id.startswith("dpr:komisi")]


def test_papuan_provincial_house(reg):
    got = orgs("Turut hadir Ketua DPR Provinsi (DPRP) Papua Selatan, Yosep Gebze, dan Wakil Ketua DPRP Papua Selatan.",
               reg)
    assert [o.org_id for o in got if o.org_id.startswith("dpr:")] == ["dpr:papua selatan"]


def test_health_insurer_in_lower_case(reg):
    got = orgs("Warga binaan didaftarkan pada program BPJS kesehatan gratis oleh pemerintah.", reg)
    assert [display_name(o) for o in got] == ["BPJS kesehatan"]


def test_bare_commission_is_the_one_local_commission(reg):
    got = orgs("KPU Kota Malang menetapkan TPS khusus di Lapas Lowokwaru. Ketua KPU menyebut 900 pemilih.", reg)
    assert [o.org_id for o in got] == ["election:kpu:malang"] or len(got) == 1
    got = orgs("KPU Kota Malang mengikuti keputusan KPU RI soal TPS khusus.", reg)
    assert len([o for o in got if o.kind == "election_body"]) == 2


def test_police_squad_acronym_is_no_body_of_its_own(reg):
    text = "Barang bukti diserahkan ke Satuan Reserse (Satres) Narkoba Polresta Padang untuk diselidiki."
    got = orgs(text, reg)
    assert [o.org_id for o in got] == ["police:polres:padang"]


def test_unit_named_only_in_its_heads_post(reg):
    got = orgs("Kakanwil Kemenkumham Maluku Utara, Rahmat Hidayat, mengatakan jajaran Kemenkumham siaga.", reg)
    office = [o for o in got if o.kind == "corrections_office"]
    assert office and display_name(office[0]) == "Kakanwil Kemenkumham Maluku Utara"


def test_corrections_bodies_in_lower_or_upper_case(reg):
    for text, oid in (("Razia itu tindak lanjut arahan dari ditjen pemasyarakatan pusat.", "ditjenpas"),
                      ("Pascakerusuhan, Ditjen lapas memindahkan sebagian napi.", "ditjenpas"),
                      ("Hal itu berlaku di semua lingkup kementrian hukum dan HAM.", "kemenkumham"),
                      ("Sinergi antara KEMENKUMHAM dengan Polres Pematangsiantar terus dijaga.", "kemenkumham")):
        assert [o for o in orgs(text, reg) if o.org_id == oid], text


def test_national_police_and_bare_resort_command(reg):
    got = orgs("Razia itu wujud kerja sama Kementerian Imipas dengan Kepolisian RI.", reg)
    assert [o for o in got if o.org_id == "police:polri"]
    got = orgs("Personel gabungan dari unsur TNI, yakni Korem dan Kodim, turut berjaga.", reg)
    assert [o for o in got if o.org_id.startswith("military:korem")]


def test_headlines_of_other_stories_are_skipped(reg):
    from nlp.analyze import headline_spans

    text = ("Lapas Kelas IIA Palu menggelar bakti sosial bersama warga sekitar pada Sabtu. Kepala Lapas menyebut "
            "kegiatan itu rutin digelar setiap bulan untuk mempererat hubungan dengan masyarakat sekitar lapas. "
            "Kegiatan diikuti pegawai dan warga binaan yang telah menjalani asimilasi serta keluarga mereka, "
            "kata dia.\n"
            "Pemkot Donggala Gandeng Yayasan Sehat Gelar Operasi Katarak Gratis\n"
            "Siswa Madrasah Palu Juara Lomba Pidato Tingkat Nasional\n")
    got = orgs(text, reg, 0, headline_spans(text, 0))
    assert not [o for o in got if o.kind == "local_government"]


def test_state_firm_office_named_by_its_town(reg):
    got = orgs("Penghargaan diberikan kepada Bank BRI, PLN Pasir Pengaraian, dan Dinas Damkar, Polres Rohul.", reg)
    got_names = {display_name(o) for o in got}
    assert {"PLN Pasir Pengaraian", "Dinas Damkar", "Polres Rohul"} <= got_names


def test_directorate_ends_before_its_directorate_general(reg):
    text = "Pengawalan dilakukan petugas Direktorat Pengamanan Intelijen dan Kepatuhan Internal Ditjenpas."
    assert "Direktorat Pengamanan Intelijen dan Kepatuhan Internal" in names(text, reg)


def test_immigration_office_and_village_partner(reg):
    got = names("Hadir Kepala Kantor Wilayah Imigrasi Sulawesi Utara, Ridwan Saleh, dalam upacara.", reg)
    assert "Kantor Wilayah Imigrasi Sulawesi Utara" in got
    got = names("Posyandu lansia digelar bersama pihak Kelurahan Liliba setiap bulan.", reg)
    assert "Kelurahan Liliba" in got


def test_one_body_written_two_ways(reg):
    # the insurer's and the election watchdog's long names as the press shortens or misspells them
    got = orgs("Lapas Garut bekerja sama dengan Badan Penyelenggaraan Jaminan Sosial (BPJS) Kesehatan Cabang Garut.",
               reg)
    assert len(got) == 1 and got[0].org_id.startswith("bpjs")
    got = orgs("Badan Pengawas Pemilu (Bawaslu) memantau TPS di Rutan Pati. Bawaslu menemukan kekurangan.", reg)
    assert [o.org_id for o in got] == ["election:bawaslu:national"]
    # the port police station named once with its town and once without
    got = orgs("Satres Narkoba Polres Pelabuhan Bitung menangkap kurir. Tim Polres Pelabuhan, kata dia, masih bekerja.",
               reg)
    assert [o.org_id for o in got if o.kind == "police"] == ["police:polres:bitung"]


def test_law_ministry_spellings(reg):
    text = "Kantor Wilayah Kementerian Hukum dan hak Asasi Manusia (Kanwil Kemenkumham) Kaltara mencatat 900 napi."
    assert [o.org_id for o in orgs(text, reg)] == ["corrections_office:kalimantan-utara"]
    text = "Kepala Kantor Wilayah Kementerian Hukum dan Hak Azasi Manusia Provinsi Gorontalo hadir."
    assert [o.org_id for o in orgs(text, reg)] == ["corrections_office:gorontalo"]
    got = orgs("Kami berharap Kementerian Hukum memperhatikan lapas ini. Kemenkumham sudah menerima laporan.", reg)
    assert [o.org_id for o in got] == ["kemenkumham"]


def test_ministry_written_out_before_its_acronym(reg):
    got = orgs("Pemulangan dibahas dengan Kementerian Luar Negeri (Kemenlu). Kemenlu menyiapkan dokumen.", reg)
    assert [display_name(o) for o in got] == ["Kementerian Luar Negeri (Kemenlu)"]


def test_ballots_a_voter_marks_are_no_bodies(reg):
    text = ("Di TPS Lapas Sleman, surat suara hijau untuk memilih anggota DPR RI dan kuning untuk memilih anggota "
            "DPD RI. Sebagian warga binaan hanya bisa mencoblos calon DPR provinsi, DPR RI hingga presiden.")
    assert not [o for o in orgs(text, reg) if o.org_id.startswith(("dpr", "dpd"))]
    assert [o.org_id for o in orgs("Anggota DPR RI Budi Santoso meninjau Lapas Sleman.", reg)] == ["dpr:ri"]


def test_city_government_and_its_mayor_are_one_body(reg):
    got = orgs("Program itu didukung Pemda Kota Tasikmalaya. Wakil Walikota Tasikmalaya meninjau kandang domba.", reg)
    assert [display_name(o) for o in got] == ["Pemda Kota Tasikmalaya"]


def test_election_watchdog_in_lower_case_but_not_its_web_address(reg):
    got = orgs("Kami berkoordinasi dengan disdukcapil, KPU dan bawaslu. Hak pilih napi tidak dicabut.", reg)
    assert [o for o in got if o.org_id.startswith("election:bawaslu")]
    assert not orgs("Sumber: kotablitar.bawaslu.go.id - pengawasan di lapas diperketat", reg)


def test_regional_leaders_forum_by_its_other_name(reg):
    got = names("Bupati bersama anggota Forum Koordinasi Pimpinan Daerah Kabupaten Tabalong mengunjungi lapas.", reg)
    assert "Forum Koordinasi Pimpinan Daerah Kabupaten Tabalong" in got


def test_national_agencies_by_acronym(reg):
    got = names("Deradikalisasi napiter di Lapas Pasir Putih dibantu BNPT, Densus 88, hingga BIN.", reg)
    assert {"BNPT", "BIN"} <= set(got)
    assert "KASN" in names("Pelanggaran netralitas ASN lapas akan diteruskan ke KASN.", reg)
    assert not names("BINAAN : jamaah masjid lapas mengaji bersama.", reg)
    assert not names("Terpidana ANDI BIN LATIF dipindahkan ke Lapas Batu.", reg)


def test_council_with_its_place_left_out(reg):
    got = orgs("Acara dihadiri perwakilan Ketua DPRD, Kepala Kanwil Ditjenpas Jambi dan Dandim 0415.", reg)
    assert [display_name(o) for o in got if o.org_id.startswith("local_government:dprd")] == ["DPRD"]
    got = orgs("DPRD Kaltim mendukung rencana itu. DPRD bersama Pemprov Kaltim menyiapkan lahan.", reg)
    assert len([o for o in got if o.org_id.startswith("local_government:dprd")]) == 1
    got = orgs("Warga binaan itu hanya punya hak suara untuk DPRD kabupaten dan Anggota DPRD Provinsi.", reg)
    assert not [o for o in got if o.org_id.startswith("local_government:dprd")]


def test_hospital_abbreviated_with_a_dot(reg):
    assert "RS. Tingkat IV DKT Kediri" in names("Vaksinasi WBP digelar bersama RS. Tingkat IV DKT Kediri.", reg)
    assert not names("Petugas memeriksa napi berinisial RS. Ia mengaku menyimpan sabu.", reg)


def test_dinas_name_stops_before_its_heads_name(reg):
    # the comma list of a Dinas subject must not swallow the post holder written in apposition
    assert names("Kepala Dinas Perhubungan, Yohanes Sitompul, mengatakan bus tahanan sudah siap.", reg) == [
        "Dinas Perhubungan"]
    assert names("Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga, Rahmat Hidayat, membuka pameran.",
                 reg) == ["Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga"]


def test_dinas_subject_list_is_kept_whole(reg):
    assert names("Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga, mengatakan lomba digelar di lapas.",
                 reg) == ["Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga"]
