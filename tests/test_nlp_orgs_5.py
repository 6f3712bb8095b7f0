"""Organisation spellings and merges seen on fresh articles (round 2), on synthetic sentences (fictional people,
real places): BNN units whose level comes from the place or is written twice, the national BNN named beside a
unit, lower-case and shortened unit names ("polda NTT", "Pemko", "Tanjab Barat"), the Kanwil written as
"Ditjen PAS <place>", military units by number, faculties before a dean's title, one-letter typos."""

from nlp.organizations import drop_title_only, find_hits, resolve


def orgs(text: str, reg):
    return resolve(find_hits(text, reg), text, reg)


def aliases(text: str, reg) -> list[list[str]]:
    return [o.aliases for o in orgs(text, reg)]


def test_bnn_with_plain_acronym_takes_its_level_from_the_place(reg):
    text = ("Dua kurir ditangkap Badan Narkotika Nasional (BNN) Kalbar di Sintang. Kepala BNN Kalbar, Brigjen Pol "
            "Rudi Hartawan, menyebut kurir itu disuruh seorang napi.")
    bnn = [o for o in orgs(text, reg) if o.kind == "bnn"]
    assert len(bnn) == 1 and bnn[0].level == "province"


def test_bnn_level_written_twice_keeps_the_place(reg):
    text = "Razia digelar Badan Narkotika Nasional Provinsi (BNNP) Provinsi Sumatera Barat bersama petugas rutan."
    bnn = [o for o in orgs(text, reg) if o.kind == "bnn"]
    assert [o.region for o in bnn] == ["Sumatera Barat"]


def test_bnn_place_cut_at_a_line_end_is_no_place(reg):
    text = ("Tim dari Badan Narkotika Nasional Provinsi (BNNP) Daerah Istimewa\nPenulis: Sari\n"
            "Tim Badan Narkotika Nasional Provinsi (BNNP) Daerah Istimewa Yogyakarta menemukan lipstik.")
    names = [o.name for o in orgs(text, reg) if o.kind == "bnn"]
    assert len(names) == 1 and names[0].endswith("Yogyakarta")


def test_bnn_province_without_place_joins_the_provincial_unit(reg):
    text = ("Razia dilakukan petugas Badan Narkotika Nasional Provinsi (BNNP), dan Kanwil Kemenkumham Bengkulu. "
            "Kepala BNNP Bengkulu, Brigjen Pol Anton Saragih, memberi keterangan.")
    bnn = [o for o in orgs(text, reg) if o.kind == "bnn"]
    assert len(bnn) == 1 and "BNNP Bengkulu" in bnn[0].aliases
    assert "Badan Narkotika Nasional Provinsi (BNNP)" in bnn[0].aliases


def test_national_bnn_named_beside_a_unit_keeps_bare_bnn(reg):
    text = ("Seorang napi diamankan Badan Narkotika Nasional (BNN) karena mengendalikan sabu. Napi itu dibawa oleh "
            "BNN untuk diperiksa. Kabid Berantas BNNP Jambi, Kombes Pol Hadi Susanto, membenarkan.")
    by_id = {o.org_id: o.aliases for o in orgs(text, reg) if o.kind == "bnn"}
    assert "BNN" in by_id["bnn:national"]
    assert any("BNNP Jambi" in a and "BNN" not in a for a in by_id.values())


def test_lower_case_polda_with_a_place(reg):
    text = "Tim Satuan reskrim narkoba polda NTT membekuk seorang kurir di Maumere."
    assert any(o.org_id == "police:polda:nusa tenggara timur" for o in orgs(text, reg))


def test_kemenkumham_propinsi_is_the_regional_office(reg):
    text = ("Belum ada tindakan dari Kemenkumham Propinsi Jawa Timur soal laporan itu. Kanwil Kemenkumham Jatim "
            "berjanji menindaklanjuti.")
    offices = [o for o in orgs(text, reg) if o.kind == "corrections_office"]
    assert len(offices) == 1 and "Kemenkumham Propinsi Jawa Timur" in offices[0].aliases


def test_ditjen_pas_with_a_place_is_the_regional_office(reg):
    text = ("Kanwil Ditjen PAS Sumatera Barat meneken kerja sama dengan Pemko Padang. Ditjen PAS Sumbar menambahkan, "
            "klien akan dibimbing.")
    ids = {o.org_id for o in orgs(text, reg)}
    assert "ditjenpas" not in ids and "corrections_office:sumatera-barat" in ids


def test_brimobda_and_military_police_in_full(reg):
    text = ("Razia dibantu lima orang dari Sat Brimobda Sulsel dan dua petugas dari Detasemen Polisi Militer "
            "(Denpom) XIV/4 ke blok hunian.")
    found = [a for al in aliases(text, reg) for a in al]
    assert "Sat Brimobda Sulsel" in found
    assert "Detasemen Polisi Militer (Denpom) XIV/4" in found


def test_kodim_named_with_and_without_its_town_is_one_unit(reg):
    text = ("Lapas bekerja sama dengan Kodim 0612 TSM dan Polres Tasikmalaya. Bila ada gangguan, Kodim 0612 "
            "siap membantu.")
    kodim = [o for o in orgs(text, reg) if o.kind == "military"]
    assert len(kodim) == 1


def test_provincial_parliament_of_papua_written_with_provinsi(reg):
    text = "Gubernur didampingi Ketua DPR Provinsi Papua Selatan meninjau lapas."
    assert any("DPR Provinsi Papua Selatan" in a for a in aliases(text, reg))


def test_menteri_imipas_in_capitals_is_the_ministry(reg):
    text = ("Program Akselerasi Menteri Imigrasi dan Pemasyarakatan (IMIPAS) berjalan di lapas. Ini aksi nyata "
            "program Menteri IMIPAS.")
    minis = [o for o in orgs(text, reg) if o.org_id == "kemenimipas"]
    assert len(minis) == 1 and "Menteri IMIPAS" in minis[0].aliases


def test_title_holder_working_with_the_prison_is_kept(reg):
    text = "Razia itu bekerja dengan BNNK Agam, Polres Agam dan Dandim 0304 Agam setiap bulan."
    kept = drop_title_only(resolve(find_hits(text, reg), text, reg, sentence_of=lambda i: text), [])
    assert any(o.kind == "military" for o in kept)


def test_pemko_and_lower_case_city_government(reg):
    text = ("Lapas menandatangani kesepakatan dengan pemerintah kota Prabumulih. Hadir pula undangan dari Pemko "
            "Payakumbuh.")
    ids = {o.org_id for o in orgs(text, reg)}
    assert {"local_government:city:prabumulih", "local_government:city:payakumbuh"} <= ids


def test_disparpora_and_blh_are_agencies(reg):
    text = "Grup randai dibina bersama Disparpora Kota Solok, pelatihan batako bersama BLH."
    kinds = [o.kind for o in orgs(text, reg)]
    assert kinds.count("local_government") == 2


def test_short_dinas_name_joins_its_full_name(reg):
    text = ("MoU diteken bersama Kepala Dinas Perpustakaan dan Kearsipan Kota Metro. Dengan dukungan Dinas "
            "Perpustakaan, pembinaan lebih utuh.")
    dinas = [o for o in orgs(text, reg) if o.org_id.startswith("dinas:")]
    assert len(dinas) == 1 and "Dinas Perpustakaan" in dinas[0].aliases


def test_faculty_name_stops_before_the_deans_title(reg):
    text = ("MoU diteken dengan Fakultas Hukum UNIMED dan Pascasarjana UNIMED. Hadir Dekan Fakultas Hukum Prof. Dr. "
            "Budi Santoso dan Wakil Direktur Pascasarjana Dr. Rina Lubis.")
    names = sorted(o.name for o in orgs(text, reg))
    assert names == ["Fakultas Hukum UNIMED", "Pascasarjana UNIMED"]


def test_graduate_school_is_not_its_university(reg):
    text = "Lapas meneken MoU dengan Unila dan Pascasarjana Unila."
    assert len(orgs(text, reg)) == 2


def test_town_police_station_named_two_ways(reg):
    text = "Kasus dilimpahkan ke Kepolisian Resor Kota Yogyakarta. Pihak Polresta Yogya lalu memeriksa saksi."
    police = [o for o in orgs(text, reg) if o.kind == "police"]
    assert len(police) == 1


def test_one_letter_typo_joins_the_body(reg):
    text = ("Lapas bekerja sama dengan Yayasan Cahaya Harapan Bangsa. Ketua Yayasan Cahaya Harapan Bangsa hadir. "
            "Warga binaan dibina di Yayasan Cahaya Harapan Bengsa.")
    civil = [o for o in orgs(text, reg) if o.org_id.startswith("civil:")]
    assert len(civil) == 1


def test_regency_shortened_by_syllables_joins_the_full_name(reg):
    text = ("Lapas Teken MoU dengan Pemkab Tanjab Timur. Nota kesepahaman diteken antara Lapas dan Pemerintah "
            "Kabupaten (Pemkab) Tanjung Jabung Timur.")
    gov = [o for o in orgs(text, reg) if o.kind == "local_government"]
    assert len(gov) == 1 and "Pemkab Tanjab Timur" in gov[0].aliases


def test_internal_compliance_squad_is_a_corrections_body(reg):
    text = ("Satuan Operasional Kepatuhan Internal Pemasyarakatan (Satops Patnal) Kanwil Ditjenpas Jambi memeriksa "
            "petugas rutan. Tim Satops Patnal juga memeriksa CCTV.")
    sat = [o for o in orgs(text, reg) if o.org_id == "satops_patnal"]
    assert len(sat) == 1 and sat[0].kind == "corrections_office" and "Satops Patnal" in sat[0].aliases
