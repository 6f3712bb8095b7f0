"""Official forms of session 7 on synthetic sentences (fictional names): a post whose phrase ends in the body
it belongs to, by a written form of that body or by the acronym its full name gives in brackets, files the
official under that body; an acronym written before its bracketed full name ("UM (Universitas Negeri Malang)")
is one of the body's names."""

from __future__ import annotations

from nlp.records import ArticleText
from tests.test_nlp_officials_5 import people


def test_post_phrase_ending_in_the_bracketed_acronym(analyzer):
    got = people(analyzer, "Gerakan Anti Narkoba (Granat) Sulsel mendesak pemeriksaan di Lapas Bulukumba. "
                           "\"Kami minta razia rutin,\" kata Wakil Ketua GRANAT, Andi Mappasessu, Kamis (20/3/2025).")
    assert got["Andi Mappasessu"].organization == "Gerakan Anti Narkoba (Granat) Sulsel"


def test_post_phrase_ending_in_a_ministry_acronym(analyzer):
    got = people(analyzer, "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak mendukung LPKA Kutoarjo. "
                           "Deputi Bidang Perlindungan Khusus Anak KemenPPPA Sulastri Wening menegaskan hal itu.")
    assert got["Sulastri Wening"].organization == "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"


def test_acronym_before_the_bracketed_name_is_an_alias(analyzer):
    text = ("Rektor UNR, Prof. Dr. Bagus Wicaksana, dan Kepala Lapas Kelas I Malang menandatangani nota kesepahaman. "
            "UNR (Universitas Nusa Raya) menyiapkan kelas hukum bagi warga binaan.")
    a = analyzer.analyze(ArticleText("t", text, None, None))
    unr = next(o for o in a.organizations if o.name == "Universitas Nusa Raya")
    assert "UNR" in unr.aliases
    assert {p.name: p for p in a.officials}["Bagus Wicaksana"].organization == "Universitas Nusa Raya"
