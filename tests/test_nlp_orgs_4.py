"""Partner organisations of prisons that the entity stage used to miss, on synthetic sentences (fictional names,
real places): media by brand, bank branches and state firms, insurers' branches, mass and religious bodies,
hospitals named after a doctor, courts with their class, Koramil numbers, village governments, small firms."""

import pytest

import nlp.organizations as om
from nlp.organizations import find_hits, resolve
from tests.test_nlp_orgs_3 import names


@pytest.mark.parametrize("text, name, kind", [
    # media named by brand, acting in the story
    ("Kalapas menjadi narasumber dialog interaktif di RRI Jember, Rabu.", "RRI Jember", "media"),
    ("Lapas menandatangani PKS dengan LPP TVRI Jawa Timur soal siaran.", "TVRI Jawa Timur", "media"),
    ("Kalapas menyambut kunjungan Radar Banyuwangi di aula.", "Radar Banyuwangi", "media"),
    ("Perjalanan Jawa Pos Radar Bali menuju lapas cukup panjang.", "Jawa Pos Radar Bali", "media"),
    # banks, state firms, small firms
    ("Petugas Bank BRI Unit Genteng membuka rekening warga binaan.", "Bank BRI Unit Genteng", "company"),
    ("Tabungan dibuka bersama BNI Cabang Jember di lapas.", "BNI Cabang Jember", "company"),
    ("Bantuan CSR dari Pertamina disalurkan ke rutan.", "Pertamina", "company"),
    ("Produk sandal dipasarkan lewat UD Sumber Rejeki.", "UD Sumber Rejeki", "company"),
    ("BPJS Kesehatan Cabang Jember mendata warga binaan.", "BPJS Kesehatan Cabang Jember", "health"),
    # NGOs, mass and religious bodies
    ("Bakti sosial digelar Komunitas Peduli Sesama di lapas.", "Komunitas Peduli Sesama", "other"),
    ("Misa Natal dipimpin pastor dari Gereja Santo Yosef.", "Gereja Santo Yosef", "other"),
    ("Pengajian diisi oleh PCNU Banyuwangi setiap Kamis.", "PCNU Banyuwangi", "other"),
    ("Pelatihan batik oleh Dekranasda Kabupaten Jember.", "Dekranasda Kabupaten Jember", "other"),
    ("Penyuluhan dari Lembaga Bantuan Hukum (LBH) Ansor Banyuwangi.", "Lembaga Bantuan Hukum (LBH) Ansor Banyuwangi",
     "other"),
    ("Ketua KUA Kecamatan Genteng menikahkan warga binaan.", "KUA Kecamatan Genteng", "ministry"),
    ("Bibit diberikan Kelompok Tani Subur Makmur kepada lapas.", "Kelompok Tani Subur Makmur", "other"),
    ("Lapas bermitra dengan UMKM Dapur Sehat untuk roti.", "UMKM Dapur Sehat", "other"),
    # health, schools, courts, military, villages
    ("Dokter RSUD dr. R. Soedjono Selong memeriksa napi.", "RSUD dr. R. Soedjono Selong", "health"),
    ("Psikiater dari RSJ Menur memberi konseling.", "RSJ Menur", "health"),
    ("Guru SMK Muhammadiyah 2 Genteng mengajar di LPKA.", "SMK Muhammadiyah 2 Genteng", "education"),
    ("Lapas menggandeng Institut Agama Islam Negeri (IAIN) Kudus.", "Institut Agama Islam Negeri (IAIN) Kudus",
     "education"),
    ("Lapas menggandeng Universitas 17 Agustus 1945 Surabaya.", "Universitas 17 Agustus 1945 Surabaya", "education"),
    ("Ketua Pengadilan Negeri Kelas IA Khusus Padang hadir.", "Pengadilan Negeri Kelas IA Khusus Padang", "court"),
    ("Danramil dari Koramil 0825-03/Genteng hadir.", "Koramil 0825-03/Genteng", "military"),
    ("Pemerintah Desa Sumberrejo menerima klien asimilasi.", "Pemerintah Desa Sumberrejo", "local_government"),
    ("Pelatihan las oleh BPVP Bandung Barat.", "BPVP Bandung Barat", "local_government"),
    ("Kepala Rumah Detensi Imigrasi (Rudenim) Surabaya berkunjung.", "Rumah Detensi Imigrasi (Rudenim) Surabaya",
     "ministry"),
    ("Rombongan Direktur Jenderal Imigrasi meninjau lapas.", "Direktur Jenderal Imigrasi", "ministry"),
    ("Lapas menjalin kerja sama dengan kantor berita Antara di Jember.", "kantor berita Antara", "media"),
    ("Ia akan berkoordinasi dengan PKK dalam pembinaan warga binaan.", "PKK", "other"),
    ("Nama petugas disetorkan ke PPS (Panitia Pemungutan Suara).", "PPS (Panitia Pemungutan Suara)", "election_body"),
    ("Razia gabungan Polres Jember, BNNK dan Pemda, Sabtu dini hari.", "Pemda", "local_government"),
])
def test_partner_families(reg, text, name, kind):
    assert names(text, reg).get(name) == kind


def test_lower_case_post_names_its_office(reg):
    """"didampingi wakil bupati Nunukan": the regency government, written with a lower-case post."""
    text = "Gubernur berkunjung ke lapas didampingi wakil bupati Nunukan."
    assert "bupati Nunukan" in names(text, reg)


def test_acronym_of_a_common_noun_is_no_body(reg):
    text = "Setiap pemerintah daerah (Pemda) diminta menyiapkan rehabilitasi."
    assert "Pemda" not in names(text, reg)


def test_lookarounds_give_no_triggers():
    """A word only inside a lookahead ("Balai(?!\\s+Pemasyarakatan)") never starts a match, so it is no trigger."""
    assert om._triggers(r"Balai(?!\s+(?:Pemasyarakatan|Kota))\s+X", "k") == ("Balai",)
    assert om._triggers(r"Bank\s+Y(?#notrig)(?:\s+(?:Cabang|Unit)\s+Z)?", "k") == ("Bank",)


@pytest.mark.parametrize("text", [
    '"Kami siap," kata Kalapas kepada Radar Jember, Senin.',  # the outlet reporting, not acting
    "Laporan Wartawan Tribun Jember, Andi Wirawan",  # a byline
    "JEMBER, Jawa Pos - Lapas Jember menggelar razia.",  # a dateline
    "Hal itu disampaikan Kalapas, dilansir dari TVRI Jember.",  # a quote credit
    "Lapas Jember kini punya taman baca (Radar Jember/Andi).",  # a photo credit
])
def test_media_as_source_is_no_actor(reg, text):
    assert not any(k == "media" for k in names(text, reg).values())


@pytest.mark.parametrize("text", [
    "Produk dijual melalui Koperasi Pegawai Lapas Jember.",  # the prison's own cooperative
    "Pelaku UMKM Kabupaten Jember diajak pameran.",  # a sector, no one firm
    "Lulusan SMA sederajat dan SMA Paket C dapat mendaftar.",  # a school level, no school
])
def test_generic_phrases_are_no_partner(reg, text):
    assert not any(n.startswith(("Koperasi", "UMKM", "SMA")) for n in names(text, reg))


@pytest.mark.parametrize("text, n", [
    # one body written in full with its acronym, then by the acronym with its branch
    ("Lapas bekerja sama dengan Bank Rakyat Indonesia (BRI) Cabang Jember. Kepala BRI Cabang Jember hadir.", 1),
    ("Lapas menggandeng Kantor Kementerian Agama (Kemenag) Kabupaten Jember. Kemenag Jember mengirim penyuluh.", 1),
    ("Badan Amil Zakat Nasional (Baznas) Kabupaten Jember membantu. Baznas Jember menyerahkan zakat.", 1),
    ("Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan hadir. BPJS Kesehatan mendata napi.", 1),
    ("Pelatihan di Balai Latihan Kerja (BLK) Kabupaten Jember. Instruktur BLK Jember mengajar las.", 1),
    # two bodies of one family stay two
    ("BPJS Kesehatan dan BPJS Ketenagakerjaan hadir.", 2),
    ("Bank BRI dan Bank Mandiri membuka layanan.", 2),
])
def test_one_body_two_spellings(reg, text, n):
    assert len(resolve(find_hits(text, reg), text, reg)) == n


def test_triggers_keep_every_new_family(reg, monkeypatch):
    """Skipping a family whose trigger words are absent must not lose a match of it."""
    text = ("Radar Jember dan Jawa Pos Radar Bali hadir bersama RRI Jember, PCNU Banyuwangi, KUA Kecamatan Genteng, "
            "Pemdes Kradenan, UD Sumber Rejeki, BRI Unit Genteng, Rudenim Surabaya dan Wamenkumham.")
    with_triggers = [(h.start, h.end, h.key) for h in find_hits(text, reg)]
    monkeypatch.setattr(om, "_USE_TRIGGERS", False)
    assert [(h.start, h.end, h.key) for h in find_hits(text, reg)] == with_triggers
    assert len(with_triggers) == 10
