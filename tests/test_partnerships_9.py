"""Partnership rule of session 7 (nlp/partnerships.py): a facility named inside a joint team's member list works
with every outside member of that list, as a regional office in the same list already did. Short synthetic
sentences in the style of the press (fictional names). The test fails on the session-6 rules and carries a guard:
a facility that is only the raid's location keeps its old pairs.
"""

from __future__ import annotations

from nlp.partnerships import _host_of_guests, extract_partnerships
from nlp.records import Analysis, Facility, Mention, Partnership
from tests.test_partnerships_more import KANWIL, KODIM, POLRES, analysis, pairs

JEMBER = ("Lapas Kelas IIA Jember", "lapas-jember", ["Lapas Kelas IIA Jember", "Lapas Jember"])
BNNK = ("BNNK Jember", "bnn", "bnn:local:jember", ["BNNK Jember"])


def test_a_facility_in_the_team_list_works_with_every_member():
    text = ("Petugas gabungan terdiri dari Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Timur, BNNK Jember, "
            "Kodim 0824 Jember, Polres Jember, dan Lapas Jember. Razia menyasar telepon genggam, Rabu (5/3).")
    kanwil = (KANWIL[0], KANWIL[1], KANWIL[2], [*KANWIL[3], "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Timur"])
    out = extract_partnerships(text, analysis(text, [JEMBER], [kanwil, BNNK, KODIM, POLRES]))
    got = pairs(out)
    for partner in ("BNNK Jember", "Kodim 0824 Jember", "Polres Jember"):
        assert ("Lapas Kelas IIA Jember", partner) in got
    assert all(p.kind == "joint_operation" for p in out)


def test_a_raided_facility_after_the_list_keeps_its_pairs():
    text = ("Tim gabungan dari BNNK Jember dan Polres Jember menggeledah Lapas Jember, Rabu (5/3). "
            "Petugas menemukan dua telepon genggam.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [BNNK, POLRES]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "BNNK Jember"), ("Lapas Kelas IIA Jember", "Polres Jember")}


def test_the_services_own_polytechnic_is_no_partner():
    poltek = ("Politeknik Ilmu Pemasyarakatan", "education", "education:politeknik ilmu pemasyarakatan",
              ["Politeknik Ilmu Pemasyarakatan", "Poltekip"])
    text = ("Lapas Jember menggelar tes urine bersama BNNK Jember dan taruna Politeknik Ilmu Pemasyarakatan, "
            "Kamis (6/3). Seluruh hasil negatif.")
    out = extract_partnerships(text, analysis(text, [JEMBER], [BNNK, poltek]))
    assert pairs(out) == {("Lapas Kelas IIA Jember", "BNNK Jember")}


def test_units_in_a_guest_list_leave_the_guests_to_the_host():
    """_host_of_guests on the rules' pairs: a guest sentence listing the Kanwil and a Bapas beside the outside
    guests keeps only the pairs of the article's main facility; the Bapas's agreement elsewhere stays."""
    guests = "Hadir pula Kakanwil Jatim, Kepala Bapas Jember, Ketua DPRD Jember, hingga perwakilan BNNK Jember."
    mou = "Penandatanganan MoU antara Pemkab Jember, Lapas Jember dan Bapas Jember."
    rules = [Partnership((u, g), "attendance", evidence=guests, party_ids=(uid, gid))
             for u, uid in [("Lapas Jember", "lapas-jember"), ("Bapas Jember", "bapas-jember"),
                            ("Kanwil Ditjenpas Jawa Timur", "corrections_office:jawa-timur")]
             for g, gid in [("DPRD Jember", "dprd"), ("BNNK Jember", "bnnk")]]
    rules.append(Partnership(("Bapas Jember", "Pemkab Jember"), "agreement", evidence=mou,
                             party_ids=("bapas-jember", "pemkab")))
    a = Analysis(id="t", facilities=[
        Facility("Lapas Jember", "lapas", facility_id="lapas-jember", mentions=[Mention("Lapas Jember", 0, 12, "FAC")] * 3),
        Facility("Bapas Jember", "bapas", facility_id="bapas-jember", mentions=[Mention("Bapas Jember", 0, 12, "FAC")])])
    kept = _host_of_guests(rules, a)
    assert sorted(p.parties for p in kept) == [("Bapas Jember", "Pemkab Jember"), ("Lapas Jember", "BNNK Jember"),
                                               ("Lapas Jember", "DPRD Jember")]
    # two facilities named equally often: no main facility, nothing dropped
    a.facilities[0].mentions = a.facilities[0].mentions[:1]
    assert len(_host_of_guests(rules, a)) == len(rules)


def test_a_partner_present_only_through_its_official_in_an_antara_sentence():
    """Session 8: the 'antara' check looked for the partner's own name in the sentence and crashed (min() of
    nothing) when only its official was named there, losing the article's partnerships."""
    from nlp.analyze import Analyzer
    from nlp.records import ArticleText

    text = ("Kepala Dinas Sosial Kabupaten Sukamaju, Budi Santoso, berkunjung ke Lapas Kelas IIA Sukamaju pada Senin "
            "(10/2/2025). Penandatanganan kerja sama antara kedua pihak disaksikan Budi Santoso di aula Lapas.")
    a = Analyzer.load().analyze(ArticleText("t", text, "", None))
    out = extract_partnerships(text, a)
    assert ("Lapas Kelas IIA Sukamaju", "Dinas Sosial") in pairs(out)
