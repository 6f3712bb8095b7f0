"""Facility finder (nlp/facilities.py) on the surface forms that the blind development articles showed it
missing or splitting: synthetic sentences in the style of the press, run through the rule stage only."""

from __future__ import annotations

from nlp.facilities import find_mentions, resolve
from nlp.registry import load_registry


def facs(text: str):
    reg = load_registry()
    found, _ = resolve(find_mentions(text, reg), text, reg)
    return found


def kinds_cities(text: str) -> set[tuple[str, str]]:
    return {(f.kind, f.city) for f in facs(text)}


def test_teaser_lines_of_other_stories_are_skipped():
    text = ("Petugas Lapas Kelas IIA Padang menggelar razia kamar hunian, Rabu.\n\n"
            "Baca juga: Dua napi Lapas Kelas IIB Tanjung Pandan kabur dari tahanan\n"
            "BACA JUGA:Rutan Kelas I Samarinda Kecolongan, Napi Bawa Ponsel\n"
            "Kegiatan itu diikuti seluruh petugas.")
    assert kinds_cities(text) == {("lapas", "Padang")}


def test_title_of_head_in_another_district_does_not_join_the_previous_facility():
    text = ("Rencana pemindahan napi ke Lapas Bentiring dibahas. Kepala Lembaga Pemasyarakatan Klas II A Malabero, "
            "Bengkulu, mengatakan Lapas Malabero sudah lama kelebihan kapasitas.")
    assert {f.city for f in facs(text) if f.kind == "lapas"} == {"Bentiring", "Malabero"}


def test_spelling_variant_written_before_the_registered_name_is_folded():
    text = ("Napi Lapas Pemuda Tengerang mengikuti pelatihan. Kalapas Pemuda Tangerang membuka kegiatan di "
            "Lapas Pemuda Kelas IIA Tangerang.")
    found = facs(text)
    assert len(found) == 1 and found[0].facility_id == "lapas-pemuda-tangerang"
    assert "Lapas Pemuda Tengerang" in found[0].aliases


def test_different_specialties_in_one_town_stay_apart():
    text = ("Lembaga Pemasyarakatan (Lapas) Narkotika Kelas IIA Jakarta meraih penghargaan, begitu pula "
            "Lapas Perempuan Kelas IIA Jakarta.")
    assert len(facs(text)) == 2


def test_town_written_with_or_without_its_space():
    found = facs("Petugas Lapas Kelas IIB Telukkuantan dan Lapas Pasirputih Nusakambangan menggelar razia.")
    assert {f.facility_id for f in found} == {"lapas-teluk-kuantan", "lapas-pasir-putih"}


def test_head_title_in_another_region_is_not_the_previous_facility():
    text = "Napi Lapas Muaro Padang dipindahkan. Kalapas Narkoba Lubuk Linggau menerima mereka."
    assert len(facs(text)) == 2


def test_specialty_prison_named_by_its_province_is_the_provinces_one():
    text = "Bandar narkoba di Lapas Narkotika Bali dipindahkan. Kalapas Narkotika Bangli menyerahkan mereka."
    found = facs(text)
    assert len(found) == 1 and found[0].facility_id == "lapas-narkotika-bangli"


def test_province_name_joins_the_articles_one_facility_there():
    text = ("Lembaga Pemasyarakatan Narkotika Kelas IIA, Way Hui menggelar tes urine. Lapas Lampung "
            "itu juga menggelar razia.")
    found = facs(text)
    assert len(found) == 1 and found[0].city == "Way Hui"


def test_security_level_words_glued_heads_acronyms_and_nya():
    assert kinds_cities("Tiga unit baru: Lapas Maximum Security Terorisme Ngaseman dan Lapas Minimum Security "
                        "Nirbaya.") == {("lapas", "Ngaseman"), ("lapas", "Nirbaya")}
    found = facs("Sebanyak 20 napi LapasPerempuan Kelas IIA Kerobokan ikut senam.")
    assert [(f.kind, f.city, f.specialty) for f in found] == [("lapas", "Kerobokan", "perempuan")]
    assert kinds_cities("Lembaga Pemasyarakatan Narkotika ((Lapastik) Bangli menerima kiriman napi. "
                        "Lapastik Bangli berada di Desa Tiga.") == {("lapas", "Bangli")}
    assert kinds_cities("Daerah yang belum ada Lapas Narkobanya menitipkan napi ke Lapas Kendari.") == {
        ("lapas", "Kendari")}


def test_town_after_comma_lower_case_and_di():
    assert kinds_cities("Petugas Lapas Kelas IIA, Samarinda menggagalkan penyelundupan sabu.") == {
        ("lapas", "Samarinda")}
    assert kinds_cities("Menteri menanggapi kerusuhan di lapas muara beliti pekan lalu.") == {
        ("lapas", "Muara Beliti")}
    assert kinds_cities("Saat gempa, Lembaga Pembinaan Khusus Anak di Palu dihuni 29 anak.") == {("lpka", "Palu")}
    # the town's prisons in general, not one facility
    assert kinds_cities("Komisi XIII menyoroti overkapasitas Lapas di Balikpapan.") == set()
    assert kinds_cities("Remisi diberikan kepada warga binaan di lapas, rutan, dan LPKA di Palu.") == set()


def test_second_place_after_di_names_the_same_facility():
    text = ("Jaringan itu dikendalikan dari Lembaga Pemasyarakatan (Lapas) kelas II A Lubuklinggau di Muara "
            "Beliti, Musi Rawas. Warga binaan di Lapas Muara Beliti sudah melebihi kapasitas.")
    assert len([f for f in facs(text) if f.kind == "lapas"]) == 1


def test_person_name_and_cut_text_are_not_towns():
    assert kinds_cities("Dokter Klinik Lapas Sri Yolanda Djafar memeriksa petugas Lapas Gorontalo.") == {
        ("lapas", "Gorontalo")}
    assert kinds_cities("Lapas Kelas II B Singaraja dihuni 187 orang.\nSelanjutnya, Rutan Kelas II B Klun") == {
        ("lapas", "Singaraja")}


def test_former_juvenile_prison_name_and_facility_without_town():
    assert kinds_cities("Lapas Anak Blitar menggelar wisuda anak binaan.") == {("lpka", "Blitar")}
    text = ("Tim memeriksa Lapas Kelas IIA Bengkulu. Pemeriksaan juga dilakukan di Lembaga Pembinaan "
            "Khusus Anak (LPKA) dan Lapas Perempuan.")
    assert kinds_cities(text) == {("lapas", "Bengkulu"), ("lpka", "Bengkulu")} or {
        (f.kind, f.facility_id) for f in facs(text)} >= {("lpka", "lpka-bengkulu"),
                                                        ("lapas", "lapas-perempuan-bengkulu")}


def test_branch_remand_centre_but_not_another_agencys_branch():
    assert kinds_cities("Kepala Rutan Cabang Lhoksukon, Effendi, memperketat pemeriksaan.") == {
        ("cabang_rutan", "Lhoksukon")}
    assert kinds_cities("Ia ditahan di Rutan Cabang KPK dan kemudian di Rutan Kelas I Jakarta Timur Cabang KPK.") == set()


def test_headline_words_and_officers_names_after_the_head_are_not_towns():
    assert kinds_cities("Kepala Kesatuan Pengamanan Lapas Raja Muhammad Ismael melapor ke Kepala Lapas Padang.") == {
        ("lapas", "Padang")}
    assert kinds_cities("Angka Hunian Lapas Meningkat Tajam Jelang Lebaran\n\nPetugas Lapas Kupang bersiaga.") == {
        ("lapas", "Kupang")}
    assert kinds_cities("Napi Banceuy dipindahkan ke Lapas Kebon Waru.") == {("lapas", "Kebon Waru")}


def test_province_only_name_is_not_one_facility_and_specific_word_wins_over_khusus():
    assert kinds_cities("Kunjungan keluarga di lapas Jawa Barat dibuka kembali saat Lebaran.") == set()
    found = facs("Lembaga Pemasyarakatan Khusus Narkotika Kelas IIA Karang Intan menggelar tes urine.")
    assert [f.facility_id for f in found] == ["lapas-narkotika-karang-intan"]
    assert kinds_cities("Lapas Khusus Anak Kendari menggelar upacara.") == {("lpka", "Kendari")}


def test_teaser_marker_alone_takes_a_headline_but_not_the_body_line_after_it():
    text = ("Razia digelar di Lapas Kelas IIA Padang.\nBaca juga:\nDua Napi Lapas Kelas IIB Bangko Kabur\n"
            "Baca Juga\nSementara itu, Kalapas Banyuwangi menyebut Lapas Banyuwangi bebas narkoba.\n")
    assert kinds_cities(text) == {("lapas", "Padang"), ("lapas", "Banyuwangi")}


def test_class_spellings_kota_in_a_town_name_and_split_town_names():
    found = facs("Petugas TPS di Lapas Narkotika Kelas Dua A Cirebon dan Lapas Klass II.B Sorong bersiaga.")
    assert {(f.city, f.facility_class) for f in found} >= {("Cirebon", "IIA"), ("Sorong", "IIB")}
    assert kinds_cities("Kepala Rutan Kelas II B Kota Agung, Akhmad, menjelaskan.") == {("rutan", "Kota Agung")}
    assert [f.facility_id for f in facs("Dari 600 warga binaan di Lapas Tulung Agung, 19 orang sakit.")] == [
        "lapas-tulungagung"]
    assert kinds_cities("Kasubsi Kamtib Lapas Rosmita meminta pengunjung membawa identitas.") == set()
    assert kinds_cities("Sebanyak 30 anak binaan di LPKA Pria Tangerang siap mengikuti ujian.") == {
        ("lpka", "Tangerang")}


# --- second round ----------------------------------------------------------------------------------------------

def test_bulleted_headline_of_another_story_is_skipped():
    text = ("Lapas Kelas IIB Sintang melatih 65 warga binaan, Jumat.\n"
            "\u2022 Tokoh Masyarakat Harap Inovasi Lapas Singkawang Dapat Diikuti Instansi Lain\n"
            "Pelatihan berlangsung dua hari.")
    assert kinds_cities(text) == {("lapas", "Sintang")}


def test_headline_short_form_joins_the_one_specialty_facility():
    text = ("Narapidana Lapas Tangerang Dipindahkan ke Nusakambangan\n\n"
            "Lembaga Pemasyarakatan (Lapas) Pemuda Kelas IIA Tangerang memindahkan 59 narapidana.")
    assert len(facs(text)) == 1


def test_body_short_form_beside_specialty_facility_stays_apart():
    text = "Data kapasitas: 1. Lapas Palu berisi 581 orang. 2. Lapas Perempuan Palu berisi 84 orang."
    assert len(facs(text)) == 2


def test_local_name_after_atau_or_begitulah_is_the_same_facility():
    text = ("Lembaga Pemasyarakatan (Lapas) Kelas 2A Cirebon atau Lapas Gintung bereaksi. Petugas di Lapas Narkotika "
            "Gintung hanya 123 orang.")
    assert len(facs(text)) == 1
    text2 = ("Suasana di Lapas Kelas IIA Bengkulu tampak berbeda. Lapas Bentiring, begitulah masyarakat Bengkulu "
             "menyebut lapas itu.")
    assert len(facs(text2)) == 1


def test_lower_case_lapas_is_the_rutan_of_that_town():
    text = ("Polisi merazia Rumah Tahanan Lhoksukon, Selasa. \u201cKami temukan ponsel,\u201d ujar Deden di lapas "
            "Lhoksukon.")
    assert {f.kind for f in facs(text)} == {"rutan"}


def test_named_security_prison_on_an_island():
    text = "Sebanyak 59 napi dipindahkan ke Lapas Super Maksimum Security di Nusakambangan, Rabu."
    assert ("lapas", "Nusakambangan") in kinds_cities(text)
    generic = "Napi akan dipindahkan ke Lembaga Pemasyarakatan (Lapas) khusus di Pulau Nusakambangan."
    assert facs(generic) == []


def test_directorate_old_name_is_no_facility():
    text = ("\u201cSituasi terkendali,\u201d kata Direktur Jenderal Lembaga Pemasyarakatan (Dirjen Lapas) Handoyo. "
            "Kapasitas Lapas Palopo adalah 250 orang.")
    fs = facs(text)
    assert [f.city for f in fs] == ["Palopo"]
    assert all("Jenderal" not in a for a in fs[0].aliases)
