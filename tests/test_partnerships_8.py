"""Partnership rules of session 5, cycle 2 (nlp/partnerships.py), on short synthetic sentences in the style of the
press (fictional names and places): the hunt for escaped inmates is the forces' own work, not a joint operation
with the facility they escaped from. The test fails on the rules as they were before cycle 2 and carries a guard
for the look-alike (a joint raid) that keeps its old output.
"""

from __future__ import annotations

from nlp.partnerships import extract_partnerships
from tests.test_partnerships_more import analysis, pairs

WANGI = ("Lapas Kelas IIA Kaliwangi", "lapas-kaliwangi", ["Lapas Kelas IIA Kaliwangi", "Lapas Kaliwangi"])
POLRES = ("Polres Kaliwangi", "police", "police:polres:kaliwangi", ["Polres Kaliwangi"])


def test_the_hunt_for_escaped_inmates_is_no_joint_operation():
    text = ("Lapas Kelas IIA Kaliwangi memperketat penjagaan blok hunian. \"Sampai sekarang empat napi yang kabur "
            "sejak Senin masih dalam pengejaran personel Polres Kaliwangi,\" kata Kalapas Kaliwangi, Selasa (4/3).")
    out = extract_partnerships(text, analysis(text, [WANGI], [POLRES]))
    assert ("Lapas Kelas IIA Kaliwangi", "Polres Kaliwangi") not in pairs(out)
    # guard: a raid of the facility with the police, with no escape in the sentence, stays a joint operation
    text = ("Lapas Kelas IIA Kaliwangi menggelar razia kamar hunian bersama personel Polres Kaliwangi, Selasa (4/3). "
            "Petugas menemukan dua telepon genggam.")
    out = extract_partnerships(text, analysis(text, [WANGI], [POLRES]))
    assert ("Lapas Kelas IIA Kaliwangi", "Polres Kaliwangi") in pairs(out)



def test_offices_of_two_sectors_with_alike_names_are_two_partners():
    """"Dinas Pertanian" / "Dinas Perikanan" share most of their letters; two offices, two pairs. A typo of one
    sector ("Pendidikkan") is still that office."""
    from nlp.partnerships import _same_name

    assert not _same_name("Dinas Pertanian", "Dinas Perikanan")
    assert not _same_name("Dinas Pertanian Kabupaten Kaliwangi", "Dinas Perikanan Kabupaten Kaliwangi")
    assert _same_name("Dinas Pendidikan", "Dinas Pendidikkan Kaliwangi")
    assert _same_name("Dinas Tenaga Kerja", "Dinas Ketenagakerjaan Kaliwangi")
    tani = ("Dinas Pertanian", "dinas", None, ["Dinas Pertanian"])
    ikan = ("Dinas Perikanan", "dinas", None, ["Dinas Perikanan"])
    text = ("Lapas Kelas IIA Kaliwangi menandatangani perjanjian kerja sama dengan Dinas Pertanian dan Dinas Perikanan "
            "untuk pelatihan warga binaan, Rabu (5/3).")
    got = pairs(extract_partnerships(text, analysis(text, [WANGI], [tani, ikan])))
    assert {("Lapas Kelas IIA Kaliwangi", "Dinas Pertanian"), ("Lapas Kelas IIA Kaliwangi", "Dinas Perikanan")} <= got
