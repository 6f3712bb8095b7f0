"""Extraction: text and metadata from synthetic Indonesian news pages, canonical URLs, dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from flows.extract import canonicalize_url, clean_author, extract, outlet_of

PARAS = [
    "Lembaga Pemasyarakatan (Lapas) Kelas IIA Kupang menggelar kegiatan pembinaan kemandirian bagi warga "
    "binaan berupa pelatihan pertukangan kayu selama dua pekan.",
    "Kepala Lapas Kupang mengatakan pelatihan ini membekali warga binaan dengan keterampilan yang dapat "
    "digunakan setelah mereka bebas dan kembali ke tengah masyarakat.",
    "Sebanyak tiga puluh warga binaan mengikuti pelatihan yang dibimbing instruktur dari balai latihan kerja "
    "setempat. Hasil karya mereka nantinya dipamerkan dalam pameran produk pemasyarakatan.",
]


def page(*, head: str = "", byline: str = "", footer: str = "© 2024 Kabar Nusa. Hak cipta dilindungi.",
         title: str = "Warga Binaan Lapas Kupang Ikuti Pelatihan Pertukangan") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title} - Kabar Nusa</title>{head}
</head><body><header><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a> <a href="/hukum">Hukum</a></nav>
</header><main><article><h1>{title}</h1>{byline}<div class="content">{body}</div>
<div class="baca-juga">Baca juga: <a href="/x">Harga cabai naik di pasar</a></div></article></main>
<aside><h3>Terpopuler</h3><ul><li><a href="/a">Banjir di Kota Kupang</a></li></ul></aside>
<footer>{footer}</footer></body></html>"""


def test_main_text_and_metadata():
    html = page(
        head='<meta property="article:published_time" content="2025-02-10T09:30:00+08:00">'
             '<meta name="author" content="Yohanes Bria"><meta property="og:site_name" content="Kabar Nusa">',
    )
    a = extract(html, "https://www.kabarnusa.example/daerah/2025/02/10/pelatihan-lapas-kupang")
    assert a is not None
    assert a.title == "Warga Binaan Lapas Kupang Ikuti Pelatihan Pertukangan"
    assert "pelatihan pertukangan kayu" in a.text
    assert "Terpopuler" not in a.text and "Beranda" not in a.text and "© 2024" not in a.text
    assert a.published == datetime(2025, 2, 10, 9, 30)
    assert a.author == "Yohanes Bria"
    assert a.sitename == "Kabar Nusa"
    assert a.language == "id"
    assert a.outlet == "kabarnusa.example"
    assert a.n_words > 40


def test_indonesian_byline_date_with_hour():
    html = page(byline='<div class="date">Senin, 10 Februari 2025 | 14:05 WIB</div>')
    a = extract(html, "https://kabarnusa.example/read/pelatihan-lapas-kupang")
    assert a is not None and a.published == datetime(2025, 2, 10, 14, 5)


def test_undated_page_does_not_get_the_copyright_year():
    html = page(footer="Copyright © 2024 Kabar Nusa. All rights reserved.")
    a = extract(html, "https://kabarnusa.example/read/pelatihan-lapas-kupang")
    assert a is not None
    assert a.published is None


def test_canonical_link_on_same_site_wins_and_cross_site_is_ignored():
    same = page(head='<link rel="canonical" href="https://kabarnusa.example/read/123/pelatihan?utm_source=wa">')
    a = extract(same, "https://m.kabarnusa.example/amp/read/123/pelatihan")
    assert a is not None and a.canonical_url == "https://kabarnusa.example/read/123/pelatihan"
    cross = page(head='<link rel="canonical" href="https://kantorberita.example/berita/999">')
    b = extract(cross, "https://kabarnusa.example/read/123/pelatihan")
    assert b is not None and b.canonical_url == "https://kabarnusa.example/read/123/pelatihan"
    assert b.outlet == "kabarnusa.example"


@pytest.mark.parametrize(
    "variant",
    [
        "https://kabarnusa.example/read/123/pelatihan",
        "https://KabarNusa.example/read/123/pelatihan?utm_source=fb&utm_medium=social",
        "https://kabarnusa.example/read/123/pelatihan?fbclid=IwAR0abc",
        "https://m.kabarnusa.example/read/123/pelatihan",
        "https://mobile.kabarnusa.example/read/123/pelatihan#komentar",
        "https://kabarnusa.example/read/123/pelatihan/amp",
        "https://kabarnusa.example/amp/read/123/pelatihan",
        "https://kabarnusa.example/read/123/pelatihan?amp=1",
        "https://amp.kabarnusa.example/read/123/pelatihan",
    ],
)
def test_url_variants_map_to_one_canonical(variant):
    assert canonicalize_url(variant) == "https://kabarnusa.example/read/123/pelatihan"


def test_meaningful_query_parameters_survive():
    assert canonicalize_url("https://kabarnusa.example/berita?id=42&utm_campaign=x") == \
        "https://kabarnusa.example/berita?id=42"
    assert canonicalize_url("http://127.0.0.1:8123/artikel/1.html") == "http://127.0.0.1:8123/artikel/1.html"
    assert outlet_of("https://www.kabarnusa.example/x") == "kabarnusa.example"


@pytest.mark.parametrize("html", ["", "   ", "<html><body><p>Halaman tidak ditemukan</p></body></html>",
                                  "\x00\x01 not html at all <<<<", b"<html><body><div><p>pendek</p></div></body></html>"])
def test_pages_without_article_text_give_none(html):
    assert extract(html, "https://kabarnusa.example/x") is None


def test_malformed_html_still_extracts():
    html = page().replace("</p>", "").replace("</div>", "").replace("</article>", "<td></tr>")
    a = extract(html, "https://kabarnusa.example/read/123/pelatihan")
    assert a is not None and "pelatihan pertukangan kayu" in a.text


def test_author_cleanup():
    assert clean_author("Oleh Rina Wulandari; Selasa") == "Rina Wulandari"
    assert clean_author("Reporter: Andi; Editor: Budi") == "Andi; Budi"
    assert clean_author(None) is None


def test_outlets_on_a_loopback_mirror_are_told_apart():
    html = page(head='<meta property="og:site_name" content="Kabar Nusa">')
    a = extract(html, "http://127.0.0.1:8377/kabarnusa/regional/2025/02/10/pelatihan-lapas-kupang")
    assert a is not None and a.outlet == "Kabar Nusa"
    b = extract(page(), "http://127.0.0.1:8377/warta/berita/1/pelatihan-lapas-kupang")
    assert b is not None and b.outlet == "127.0.0.1/warta"
    # a canonical link to another outlet of the same mirror is a syndication link, not this page's URL
    c = extract(page(head='<link rel="canonical" href="http://127.0.0.1:8377/suarapas/artikel/x.html">'),
                "http://127.0.0.1:8377/warta/berita/1/pelatihan-lapas-kupang")
    assert c is not None and c.canonical_url == "http://127.0.0.1:8377/warta/berita/1/pelatihan-lapas-kupang"


def test_bytes_follow_the_declared_charset():
    body = ("<html><head><meta charset='iso-8859-1'><title>Razia</title></head><body><article><p>"
            + "Kafe binaan Lapas Kelas IIA Sukamaju menjual kopi \"Caf\xe9 Harapan\" buatan warga binaan. " * 4
            + "</p></article></body></html>").encode("latin-1")
    art = extract(body, "https://contoh.id/berita/kafe")
    assert art is not None and "Café Harapan" in art.text and "\ufffd" not in art.text


def test_a_story_laid_out_in_a_table_is_read_without_cell_borders():
    rows = ["Petugas Lapas Kelas IIA Sukamaju menggelar razia kamar hunian pada Senin malam.",
            "Razia dipimpin Kepala Pengamanan Lapas bersama regu jaga dan anggota Polres Sukamaju.",
            "Dalam razia itu petugas menemukan dua telepon genggam dan satu pengisi daya.",
            "Barang temuan dimusnahkan di halaman lapas disaksikan perwakilan warga binaan."]
    html = ("<html><head><title>Razia Lapas Sukamaju</title></head><body><table>"
            + "".join(f"<tr><td>{r}</td></tr>" for r in rows) + "</table></body></html>")
    art = extract(html, "https://contoh.id/berita/razia")
    assert art is not None and all(r in art.text for r in rows)
    assert "|" not in art.text
