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

