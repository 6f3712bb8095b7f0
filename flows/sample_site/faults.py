"""Fixed bodies for the sample site's fault endpoints (/fault/...): what real sites get wrong.

Why separate: these pages exist to make the fetcher and the flow fail in every documented
way; keeping them apart from the news content keeps the demo sources clean (the faults are
only reached through `write_sample_sources(..., faults=True)` or directly by tests).
"""

from __future__ import annotations

# A Windows-1252 page: curly quotes, an en dash and an e-acute are bytes 0x93/0x94/0x96/0xe9,
# which are invalid UTF-8; a fetcher that guesses UTF-8 produces replacement characters.
CP1252_TITLE = "Kalapas Sorong: “Tidak Ada Toleransi bagi Narkoba” – Razia Malam Hari"
CP1252_TEXT = (
    "Kepala Lapas Kelas IIB Sorong, Frans Kambuaya, menegaskan komitmennya memberantas narkoba. "
    "“Tidak ada toleransi bagi petugas maupun warga binaan yang terlibat,” ujarnya usai razia "
    "kamar hunian – yang juga diikuti personel Polres Sorong Kota – Kamis (6/3/2025) malam. "
    "Razia menemukan dua ponsel dan satu alat pemanas air; seluruhnya dicatat dalam berita acara "
    "dan dimusnahkan di halaman lapas, disaksikan tim dari BNNK Sorong dan pengelola kafé binaan."
)


def cp1252_page(declare: str) -> tuple[bytes, str]:
    """(body, content-type) for a cp1252 page declared in the header, in a meta tag or nowhere."""
    meta = '<meta charset="windows-1252">' if declare == "meta" else ""
    html = (f"<!DOCTYPE html><html lang=\"id\"><head>{meta}<title>{CP1252_TITLE}</title></head><body>"
            f"<article><h1>{CP1252_TITLE}</h1>" + "".join(f"<p>{CP1252_TEXT}</p>" for _ in range(3))
            + "</article><footer>© 2025 Papua Barat Daya Pos</footer></body></html>")
    ctype = "text/html; charset=windows-1252" if declare == "header" else "text/html"
    return html.encode("cp1252"), ctype


MALFORMED_HTML = """<html><head><title>Lapas Sorong Gelar Donor Darah</title>
<body><div class="content"><h1>Lapas Sorong Gelar Donor Darah Bersama PMI
<div class=meta>Penulis: Redaksi <span>Jumat (7/3/2025)</div></span>
<p>Lapas Kelas IIB Sorong bersama Palang Merah Indonesia (PMI) Kota Sorong menggelar kegiatan donor darah
yang diikuti petugas dan keluarga warga binaan, Jumat (7/3/2025).
<p>Kepala Lapas Sorong, Frans Kambuaya, mengatakan kegiatan ini merupakan bentuk kepedulian sosial petugas
pemasyarakatan kepada masyarakat <b>sekaligus mempererat sinergi dengan PMI.</i>
<table><tr><td>Sebanyak 57 kantong darah berhasil dikumpulkan dalam kegiatan tersebut.
<p>Ketua PMI Kota Sorong berharap kegiatan serupa dapat digelar rutin setiap tiga bulan.</td></div></div></div>
<footer>&copy 2025 Papua Barat Daya Pos</body>
"""

# Minimal valid-looking PDF header and a tiny JPEG-like payload: enough for content sniffing.
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"

HUGE_PARAGRAPH = (
    "<p>Daftar lampiran data warga binaan pemasyarakatan per blok hunian, diperbarui setiap hari "
    "oleh petugas registrasi. Data ini hanya contoh untuk menguji batas ukuran halaman.</p>\n"
)


def broken_feed(base: str, good: list[str]) -> bytes:
    """An RSS feed with broken entries between good ones: no link, bad URLs, unescaped markup.

    `good` are two real article URLs; a parser that tolerates the rest keeps both.
    """
    first, second = good[0], good[1]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed Rusak</title><link>{base}/</link><description>Feed dengan entri rusak</description>
<item><title>Entri baik pertama</title><link>{first}</link><pubDate>Mon, 10 Feb 2025 08:00:00 +0700</pubDate></item>
<item><title>Entri tanpa tautan</title><description>Tidak ada elemen link di sini.</description></item>
<item><title>Entri dengan tautan rusak</title><link>htp:/alamat rusak</link></item>
<item><title>Entri javascript</title><link>javascript:alert(1)</link></item>
<item><title>Entri dengan & tanpa escape <b>tebal</title><link></link></item>
<item><title>Entri baik kedua</title><link>{second}</link></item>
</channel></rss>
""".encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
<!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&ext;</title><link>http://127.0.0.1/&lol9;</link></item>
</channel></rss>
"""
