"""Officials forms from the fifth blind round, on synthetic sentences (fictional names): Kasubbid and
lower-case staff titles, the prosecutors' assistants (Aspidum, Aspidsus), "Pimpinan" of a body, and a post
followed only by common words ("Ketua panitia"), which names no organisation."""

from __future__ import annotations

import pytest

from nlp.analyze import Analyzer
from nlp.records import ArticleText

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer.load(ROOT / "models")


def officials(analyzer, text: str) -> dict[str, tuple[str, str | None]]:
    a = analyzer.analyze(ArticleText("t", text, None, None))
    return {p.name: (p.title, p.organization) for p in a.officials}


def test_kasubbid_with_office_and_name(analyzer):
    got = officials(analyzer, "Turut hadir Kasubbid Bimbingan Kanwil Kemenkumham Kaltim Rudi Santoso dan warga.")
    assert got.get("Rudi Santoso") == ("Kasubbid", "Kanwil Kemenkumham Kaltim")


def test_lower_case_staff_title(analyzer):
    got = officials(analyzer, "Pengarahan dilakukan oleh kasubsi Registrasi Lapas Permisan Joko Prasetyo kepada napi.")
    assert got.get("Joko Prasetyo", ("", ""))[0] == "kasubsi"


def test_prosecutors_assistant(analyzer):
    got = officials(analyzer, "Kepala Rupbasan Sukamaju menerima kunjungan Aspidum Kejati Sumsel Dr Hendra Wijaya.")
    assert got.get("Hendra Wijaya") == ("Aspidum", "Kejati Sumsel")


def test_pimpinan_of_a_named_body(analyzer):
    got = officials(analyzer, "Apresiasi disampaikan Pimpinan Panti Asuhan Harapan, Bambang Suryono, di Bapas Sukamaju.")
    assert got.get("Bambang Suryono") == ("Pimpinan", "Panti Asuhan Harapan")


def test_pimpinan_inside_a_longer_post_is_not_the_title(analyzer):
    got = officials(analyzer, "Ketua Umum Pimpinan Pusat Muhammadiyah Ahmad Fauzi hadir di Lapas Sukamaju.")
    assert got.get("Ahmad Fauzi", ("",))[0] != "Pimpinan"


def test_post_with_common_words_names_no_organisation(analyzer):
    got = officials(analyzer, "Ketua panitia Ninu Halim mengatakan lomba digelar sepekan di LPKA Sukamaju.")
    assert got.get("Ninu Halim") == ("Ketua", None)
