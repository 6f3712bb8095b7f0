"""Partnership rules of session 4, round 2 (nlp/partnerships.py), on short synthetic sentences in the style of the
press (fictional names and places): who acts when the ministry, a quote or an opening clause names a unit, which
bodies are the hierarchy's own, and how a facility is named. Each rule has a guard for the look-alike that keeps
its pair.
"""

from __future__ import annotations

from nlp.partnerships import extract_partnerships
from tests.test_partnerships_more import analysis, pairs

RAWA = ("Lapas Kelas IIB Rawasari", "lapas-rawasari", ["Lapas Kelas IIB Rawasari", "Lapas Rawasari"])
RUTAN = ("Rutan Kelas IIB Lembahhijau", "rutan-lembahhijau", ["Rutan Kelas IIB Lembahhijau", "Rutan Lembahhijau"])
# the registry's name of a facility the article calls by another place
NARKOTIKA = ("Lapas Narkotika Kelas IIA Sukamaju", "lapas-narkotika-sukamaju",
             ["Lembaga Pemasyarakatan (Lapas) Narkotika Kelas IIA Rawasari", "Lapas Narkotika Rawasari"])
LPKA = ("LPKA Kelas II Rawasari", "lpka-rawasari", ["LPKA Kelas II Rawasari", "LPKA Rawasari"])
KANWIL = ("Kanwil Ditjenpas Nusa Selatan", "corrections_office", "corrections_office:nusa-selatan",
          ["Kanwil Ditjenpas Nusa Selatan"])
KAKANWIL = ("Kanwil Ditjenpas Nusa Selatan", "corrections_office", "corrections_office:nusa-selatan",
            ["Kakanwil Ditjenpas Nusa Selatan"])
MINISTRY = ("Kementerian Hukum dan HAM (Kemenkumham)", "ministry", "kemenkumham",
            ["Kementerian Hukum dan HAM (Kemenkumham)", "Kementerian Hukum dan HAM"])
MENTERI = ("Menteri Imigrasi dan Pemasyarakatan", "ministry", "kemenimipas", ["Menteri Imigrasi dan Pemasyarakatan"])
BNNK = ("BNNK Rawasari", "bnn", "bnn:local:rawasari", ["BNNK Rawasari"])
DINSOS = ("Dinas Sosial Kabupaten Rawasari", "local_government", "dinas:sosial@rawasari", ["Dinas Sosial Kabupaten Rawasari"])
POLRES = ("Polres Rawasari", "police", "police:polres:rawasari", ["Polres Rawasari"])
POLSEK = ("Polsek Lembahhijau", "police", "police:polsek:lembahhijau", ["Polsek Lembahhijau"])
KOMISI = ("Komisi XIII DPR RI", "legislature", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])
SATOPS = ("Satuan Operasional (Satops)", "other", "acr:satops", ["Satuan Operasional (Satops)"])
KOPERASI = ("Koperasi Pengayoman", "other", "acr:koperasi", ["Koperasi Pengayoman"])
PERTANAHAN = ("Kantor Pertanahan Rawasari", "other", "bpn:rawasari", ["Kantor Pertanahan Rawasari"])
BUPATI = ("Bupati Rawasari", "local_government", "local_government:regency:rawasari", ["Bupati Rawasari"])
STAF = ("Kantor Staf Presiden (KSP)", "other", "acr:ksp", ["Kantor Staf Presiden (KSP)"])


def test_a_sentence_without_the_facility_names_it_as_the_article_does():
    text = ("Program rehabilitasi dibuka di Lembaga Pemasyarakatan (Lapas) Narkotika Kelas IIA Rawasari, Senin (2/6). "
            "Hadir pula Kasi Rehabilitasi BNNK Rawasari serta perwakilan Dinas Sosial Kabupaten Rawasari.")
    out = extract_partnerships(text, analysis(text, [NARKOTIKA], [BNNK, DINSOS]))
    name = "Lembaga Pemasyarakatan (Lapas) Narkotika Kelas IIA Rawasari"
    assert pairs(out) == {(name, "BNNK Rawasari"), (name, "Dinas Sosial Kabupaten Rawasari")}


def test_the_hierarchys_own_team_and_cooperative_are_no_partners():
    text = ("Tes urine dipimpin petugas LPKA Kelas II Rawasari yang bekerja sama dengan Tim Satuan Operasional "
            "(Satops) Patnal.")
    assert extract_partnerships(text, analysis(text, [LPKA], [SATOPS])) == []
    text = "Lahan eks LPKA Kelas II Rawasari akan dimanfaatkan dengan melibatkan Koperasi Pengayoman."
    assert extract_partnerships(text, analysis(text, [LPKA], [KOPERASI])) == []
    # an outside body in the same wording keeps its pair
    text = "Tes urine dipimpin petugas LPKA Kelas II Rawasari yang bekerja sama dengan BNNK Rawasari."
    assert pairs(extract_partnerships(text, analysis(text, [LPKA], [BNNK]))) == {("LPKA Kelas II Rawasari", "BNNK Rawasari")}


def test_the_ministry_that_sent_the_kits_is_not_the_tester():
    text = ("Lapas Kelas IIB Rawasari rutin menggelar tes urine bagi warga binaan. Timnya menerima alat tes urine dari "
            "Kementerian Hukum dan HAM (Kemenkumham). Dalam tes urine tersebut, selain tenaga medis lapas, mereka "
            "juga bekerja sama dengan BNNK Rawasari.")
    out = extract_partnerships(text, analysis(text, [RAWA], [MINISTRY, BNNK]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "BNNK Rawasari")}


def test_a_facility_quoted_by_the_minister_is_the_matter_not_the_party():
    text = ("Menteri Imigrasi dan Pemasyarakatan Budi Santosa memaparkan data hunian. \"Yang paling padat Lapas Kelas "
            "IIB Rawasari, hunian 600 persen,\" kata Budi Santosa dalam rapat bersama Komisi XIII DPR RI di Senayan.")
    a = analysis(text, [RAWA], [MENTERI, KOMISI],
                 [("Budi Santosa", "Menteri Imigrasi dan Pemasyarakatan", "kemenimipas")])
    assert pairs(extract_partnerships(text, a)) == {("Menteri Imigrasi dan Pemasyarakatan", "Komisi XIII DPR RI")}
    # the facility's head speaking of his own facility at the meeting stays its party
    text = ("\"Hunian Lapas Kelas IIB Rawasari sudah 600 persen,\" kata Kalapas dalam rapat bersama Komisi XIII DPR RI.")
    assert pairs(extract_partnerships(text, analysis(text, [RAWA], [KOMISI]))) == {
        ("Lapas Kelas IIB Rawasari", "Komisi XIII DPR RI")}


def test_the_stop_before_in_an_opening_clause_is_no_host():
    text = ("Kakanwil Ditjenpas Nusa Selatan melakukan kunjungan kerja ke Lapas Kelas IIB Rawasari, Senin (2/6). Usai "
            "mengunjungi Lapas Rawasari, Kakanwil selanjutnya bertolak menuju Kantor Pertanahan Rawasari.")
    out = extract_partnerships(text, analysis(text, [RAWA], [KANWIL, PERTANAHAN]))
    assert ("Lapas Kelas IIB Rawasari", "Kantor Pertanahan Rawasari") not in pairs(out)
    # a clause that names the partner too is the event itself
    text = "Usai rapat bersama Bupati Rawasari, Kalapas meninjau Lapas Kelas IIB Rawasari bersama Bupati Rawasari."
    assert pairs(extract_partnerships(text, analysis(text, [RAWA], [BUPATI]))) == {
        ("Lapas Kelas IIB Rawasari", "Bupati Rawasari")}


def test_the_ministry_that_ordered_a_raid_is_no_raider():
    text = ("Razia gabungan digelar di Rutan Kelas IIB Lembahhijau, Kamis (8/4). Menurutnya, razia yang melibatkan "
            "Polsek Lembahhijau itu merupakan perintah dari pusat, baik Kementerian Hukum dan HAM (Kemenkumham) "
            "maupun BNNK Rawasari.")
    out = extract_partnerships(text, analysis(text, [RUTAN], [MINISTRY, POLSEK, BNNK]))
    assert not any(u.startswith("Kementerian") for u, _ in pairs(out))
    assert ("Rutan Kelas IIB Lembahhijau", "Polsek Lembahhijau") in pairs(out)


def test_the_ministry_acting_through_a_facility_is_no_party():
    # the facility itself is not recognised: no pair rather than one of the ministry
    text = ("Kementerian Hukum dan HAM melalui Lembaga Pemasyarakatan Kelas IIA melakukan penandatanganan kerja sama "
            "dengan Polres Rawasari.")
    assert extract_partnerships(text, analysis(text, [], [MINISTRY, POLRES])) == []
    text = ("Kementerian Hukum dan HAM melalui Lapas Kelas IIB Rawasari melakukan penandatanganan kerja sama "
            "dengan Polres Rawasari.")
    assert pairs(extract_partnerships(text, analysis(text, [RAWA], [MINISTRY, POLRES]))) == {
        ("Lapas Kelas IIB Rawasari", "Polres Rawasari")}


def test_a_visit_goes_on_while_the_party_is_called_rombongan():
    visit = "Kantor Staf Presiden (KSP) melakukan kunjungan ke Lapas Kelas IIB Rawasari, Rabu (9/7)."
    rooms = ["dapur", "bengkel", "klinik", "masjid", "perpustakaan", "aula", "kebun", "lapangan", "gereja", "salon"]
    middle = " ".join(f"Rombongan itu kemudian melihat {room}." for room in rooms)
    talk = "Kakanwil Ditjenpas Nusa Selatan memaparkan kondisi umum pemasyarakatan di wilayahnya."
    text = " ".join([visit, middle, talk])
    out = pairs(extract_partnerships(text, analysis(text, [RAWA], [STAF, KAKANWIL])))
    assert ("Kanwil Ditjenpas Nusa Selatan", "Kantor Staf Presiden (KSP)") in out
    # without the visitor named in between, the talk is too far from the visit
    middle = " ".join(f"Warga binaan menunjukkan {room}." for room in rooms)
    text = " ".join([visit, middle, talk])
    out = pairs(extract_partnerships(text, analysis(text, [RAWA], [STAF, KAKANWIL])))
    assert ("Kanwil Ditjenpas Nusa Selatan", "Kantor Staf Presiden (KSP)") not in out


def test_an_opening_clause_that_tells_the_event_keeps_its_pair():
    text = ("Usai penandatanganan nota kesepahaman dengan Lapas Kelas IIB Rawasari, Bupati Rawasari meninjau dapur "
            "warga binaan.")
    assert pairs(extract_partnerships(text, analysis(text, [RAWA], [BUPATI]))) == {
        ("Lapas Kelas IIB Rawasari", "Bupati Rawasari")}
