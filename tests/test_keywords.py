"""Keyword relevance scorer: corrections news scores high, police/KPK detention news low."""

from __future__ import annotations

from nlp.keywords import RELEVANCE_THRESHOLD, keyword_relevance


def test_corrections_press_release_is_relevant():
    score = keyword_relevance(
        "Lapas Banyuwangi Gelar Razia Kamar Hunian",
        "Petugas Lapas Kelas IIA Banyuwangi menggeledah kamar hunian warga binaan. Kalapas memimpin razia.",
    )
    assert score >= RELEVANCE_THRESHOLD
    assert 0.0 <= score <= 1.0


def test_bapas_and_lpka_count():
    assert keyword_relevance("Bapas Kupang dampingi klien", "Pembimbing kemasyarakatan Bapas Kupang "
                             "mendampingi anak binaan LPKA dalam sidang.") >= RELEVANCE_THRESHOLD


def test_detention_at_kpk_or_polda_rutan_alone_scores_low():
    text = ("Penyidik KPK menahan tersangka kasus suap proyek jalan. Tersangka ditahan di Rutan KPK selama "
            "20 hari pertama. Tersangka lain ditahan di Rutan Polda Metro Jaya.")
    score = keyword_relevance("KPK Tahan Tersangka Suap Proyek Jalan", text)
    assert score < RELEVANCE_THRESHOLD / 2


def test_off_topic_scores_zero():
    assert keyword_relevance("Harga cabai naik", "Harga cabai rawit di pasar tradisional naik dua kali lipat.") == 0.0
    assert keyword_relevance(None, None) == 0.0


def test_title_weighs_more_than_body():
    body = "Kegiatan itu juga dihadiri perwakilan lapas setempat."
    assert keyword_relevance("Lapas", body) > keyword_relevance("Kegiatan", body)
