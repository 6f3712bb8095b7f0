"""Facility forms from the seventh and ninth fresh rounds, on synthetic sentences (fictional people): links to
other stories listed after the article as dashed Title Case headlines name no facility of the article, while a
dashed list of the article's own points still does."""

from __future__ import annotations

from nlp.facilities import find_mentions, resolve
from nlp.registry import load_registry


def facs(text: str):
    reg = load_registry()
    return resolve(find_mentions(text, reg), text, reg, lambda pos: "")[0]


def test_dashed_related_headlines_name_no_facility():
    text = ("Petugas Lapas Tegal menyita dua telepon genggam dalam razia kamar hunian.\n"
            "- Puluhan Napi Lapas Ambarawa Terima Remisi Natal, Tiga Langsung Bebas\n"
            "- Dua Tahanan Kabur dari Rutan Pati, Satu Sudah Ditangkap\n"
            "- Mahasiswa Ditangkap Saat Selundupkan Sabu ke Lapas\n")
    assert [f.facility_id for f in facs(text)] == ["lapas-tegal"]


def test_dashed_list_of_the_articles_points_keeps_its_facilities():
    text = ("Kegiatan hari ini meliputi:\n- penyuluhan hukum di Lapas Tegal bagi warga binaan baru;\n"
            "- tes urine bagi petugas Rutan Pati;\n- senam pagi bersama di halaman kantor.\n")
    assert len(facs(text)) == 2


def test_a_dashed_table_of_facilities_with_counts_is_the_articles_own():
    from nlp.facilities import _teaser_spans

    text = ("Bapas Kelas I Sukamaju menerima klien dari sejumlah UPT:\n- Lapas Kelas IIA Sukamaju: 30 klien\n"
            "- Lapas Kelas IIB Rawasari: 12 klien\n- Rutan Kelas IIB Lembahhijau: 4 klien\nSemua klien wajib lapor.")
    assert _teaser_spans(text) == []
