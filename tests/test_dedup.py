"""De-duplication: content hashes and MinHash/LSH story clustering on synthetic press releases."""

from __future__ import annotations

from flows import dedup

RELEASE = (
    "Lapas Kelas IIA Banyuwangi menggelar razia gabungan kamar hunian warga binaan pada Selasa (03/06/2025) "
    "malam. Razia melibatkan petugas pengamanan lapas bersama personel Polresta Banyuwangi dan BNNK Banyuwangi. "
    "Kalapas Banyuwangi, Mochamad Mukaffi, mengatakan razia dilakukan secara rutin untuk memastikan tidak ada "
    "barang terlarang yang masuk ke dalam blok hunian. Petugas memeriksa setiap sudut kamar, lemari dan tas "
    "milik warga binaan. Dari hasil penggeledahan, petugas menemukan sejumlah barang yang tidak sesuai "
    "ketentuan seperti korek api, kabel, gunting kuku dan sendok yang telah diasah. Seluruh barang tersebut "
    "langsung dimusnahkan di halaman kantor. Tidak ditemukan telepon genggam maupun narkoba dalam razia kali "
    "ini. Selain razia, petugas BNNK Banyuwangi juga melakukan tes urine secara acak kepada dua puluh warga "
    "binaan dan sepuluh petugas, dan seluruhnya dinyatakan negatif. Mukaffi menegaskan komitmen jajarannya "
    "untuk mewujudkan lapas yang bersih dari handphone, pungutan liar dan narkoba sesuai program Zero Halinar "
    "yang dicanangkan Direktorat Jenderal Pemasyarakatan. Ia juga berterima kasih atas sinergi aparat penegak "
    "hukum di Banyuwangi yang selama ini mendukung tugas pengamanan di lapas."
)

# The same release as a second outlet prints it: dateline, a rewritten lead, a trimmed ending.
SYNDICATED = (
    "BANYUWANGI, Kabar Timur - Jajaran Lapas Banyuwangi bersama aparat gabungan menggeledah kamar hunian warga "
    "binaan pada Selasa malam. Razia melibatkan petugas pengamanan lapas bersama personel Polresta Banyuwangi "
    "dan BNNK Banyuwangi. Kalapas Banyuwangi, Mochamad Mukaffi, mengatakan razia dilakukan secara rutin untuk "
    "memastikan tidak ada barang terlarang yang masuk ke dalam blok hunian. Petugas memeriksa setiap sudut "
    "kamar, lemari dan tas milik warga binaan. Dari hasil penggeledahan, petugas menemukan sejumlah barang yang "
    "tidak sesuai ketentuan seperti korek api, kabel, gunting kuku dan sendok yang telah diasah. Seluruh barang "
    "tersebut langsung dimusnahkan di halaman kantor. Tidak ditemukan telepon genggam maupun narkoba dalam "
    "razia kali ini. Selain razia, petugas BNNK Banyuwangi juga melakukan tes urine secara acak kepada dua "
    "puluh warga binaan dan sepuluh petugas, dan seluruhnya dinyatakan negatif. (ant/red)"
)

# A different event at the same facility, written from the same press office template.
DISTINCT = (
    "Sebanyak 412 warga binaan Lapas Kelas IIA Banyuwangi menerima remisi umum pada peringatan Hari "
    "Kemerdekaan, Minggu (17/08/2025). Dari jumlah itu, sembilan orang langsung bebas setelah masa pidananya "
    "habis. Kalapas Banyuwangi, Mochamad Mukaffi, mengatakan remisi merupakan hak warga binaan yang "
    "berkelakuan baik dan aktif mengikuti program pembinaan kepribadian maupun kemandirian. Penyerahan surat "
    "keputusan remisi dilakukan secara simbolis oleh Bupati Banyuwangi dalam upacara di lapangan lapas. "
    "Bupati berpesan agar warga binaan yang bebas kembali ke keluarga dan tidak mengulangi perbuatannya. "
    "Mukaffi menegaskan komitmen jajarannya untuk mewujudkan lapas yang bersih dari handphone, pungutan liar "
    "dan narkoba sesuai program Zero Halinar yang dicanangkan Direktorat Jenderal Pemasyarakatan."
)

OTHER_RAZIA = (
    "Rutan Kelas IIB Situbondo menggelar penggeledahan kamar hunian pada Kamis (12/06/2025) dini hari. Kepala "
    "Rutan Situbondo, Andi Prasetyo, memimpin langsung kegiatan yang diikuti dua belas petugas regu jaga. "
    "Petugas menyisir kamar satu per satu dan memeriksa barang bawaan tahanan. Hasilnya, petugas menyita "
    "beberapa benda tajam, kabel listrik rakitan dan pemantik api. Andi menyebut penggeledahan mendadak "
    "seperti ini akan terus dilakukan untuk mencegah gangguan keamanan dan ketertiban di rutan."
)


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert dedup.content_hash("Razia  kamar, hunian!") == dedup.content_hash("razia kamar hunian")
    assert dedup.content_hash("Razia kamar hunian") != dedup.content_hash("Razia kamar tahanan")


def test_signature_round_trip():
    sig = dedup.minhash(RELEASE)
    back = dedup.from_bytes(dedup.signature_bytes(sig))
    assert back.jaccard(sig) == 1.0
    assert len(dedup.signature_bytes(sig)) in (dedup.NUM_PERM * 4, dedup.NUM_PERM * 8)


def test_similarity_gap_between_syndicated_and_distinct():
    base = dedup.minhash(RELEASE)
    syndicated = base.jaccard(dedup.minhash(SYNDICATED))
    distinct = base.jaccard(dedup.minhash(DISTINCT))
    assert syndicated >= dedup.MATCH_THRESHOLD + 0.1, syndicated
    assert distinct <= dedup.MATCH_THRESHOLD - 0.2, distinct


def test_story_index_groups_syndicated_copies_only():
    index = dedup.StoryIndex()
    a = index.assign("a1", dedup.minhash(RELEASE))
    b = index.assign("b1", dedup.minhash(SYNDICATED))
    c = index.assign("c1", dedup.minhash(DISTINCT))
    d = index.assign("d1", dedup.minhash(OTHER_RAZIA))
    assert a.story_id == "s-a1" and a.matched is None
    assert b.story_id == "s-a1" and b.matched == "a1"
    assert c.story_id == "s-c1"
    assert d.story_id == "s-d1"
    # assigning an indexed article again keeps its story
    assert index.assign("b1", dedup.minhash(SYNDICATED)).story_id == "s-a1"


def test_story_index_is_incremental_from_stored_rows():
    first = dedup.StoryIndex()
    story = first.assign("a1", dedup.minhash(RELEASE)).story_id
    rows = [("a1", story, dedup.signature_bytes(dedup.minhash(RELEASE))), ("x", None, None)]
    second = dedup.StoryIndex.from_rows(rows)
    assert len(second) == 1
    assert second.assign("b1", dedup.minhash(SYNDICATED)).story_id == story
    assert second.assign("c1", dedup.minhash(DISTINCT)).story_id == "s-c1"


def test_short_and_empty_texts_do_not_crash():
    index = dedup.StoryIndex()
    assert index.assign("e", dedup.minhash("")).story_id == "s-e"
    assert index.assign("f", dedup.minhash("razia lapas")).story_id == "s-f"
