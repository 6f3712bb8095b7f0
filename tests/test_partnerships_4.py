"""Partnership rules of session 4 (nlp/partnerships.py): wordings of joint work that carry no classic trigger,
on short synthetic sentences in the style of the press (fictional names and places). Each pattern has a guard
next to it for the look-alike sentence that must stay without a pair.
"""

from __future__ import annotations

from nlp.partnerships import _kind_in, extract_partnerships
from tests.test_partnerships_more import analysis, pairs

RAWA = ("Lapas Kelas IIB Rawasari", "lapas-rawasari", ["Lapas Kelas IIB Rawasari", "Lapas Rawasari"])
RUTAN = ("Rutan Kelas IIB Lembahhijau", "rutan-lembahhijau", ["Rutan Kelas IIB Lembahhijau", "Rutan Lembahhijau"])
KANWIL = ("Kanwil Ditjenpas Nusa Selatan", "corrections_office", "corrections_office:nusa-selatan",
          ["Kanwil Ditjenpas Nusa Selatan", "Kanwil Kementerian Hukum dan HAM"])
POLRES = ("Polres Rawasari", "police", "police:polres:rawasari", ["Polres Rawasari"])
KODIM = ("Kodim 1799 Rawasari", "military", "military:kodim:1799", ["Kodim 1799 Rawasari"])
DINKOP = ("Dinas Koperasi Kabupaten Rawasari", "local_government", "dinas:koperasi@rawasari",
          ["Dinas Koperasi Kabupaten Rawasari"])
KPU = ("KPU Rawasari", "election_body", "election:kpu:rawasari", ["KPU Rawasari", "KPU"])
TNI = ("TNI", "military", "military:tni", ["TNI"])
KOMISI = ("Komisi XIII DPR RI", "legislature", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])
GUBERNUR = ("Gubernur Nusa Selatan", "local_government", "local_government:province:nusa-selatan",
            ["Gubernur Nusa Selatan"])
KEJARI = ("Kejaksaan Negeri Rawasari", "prosecutor", "prosecutor:kejari:rawasari", ["Kejaksaan Negeri Rawasari"])


def test_every_item_of_a_list_after_antara_is_a_side():
    text = ("Langkah itu diwujudkan melalui penandatanganan perjanjian kerja sama antara Lapas Kelas IIB Rawasari, "
            "Polres Rawasari, dan Kodim 1799 Rawasari, Senin (2/6).")
    out = extract_partnerships(text, analysis(text, [RAWA], [POLRES, KODIM]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "Polres Rawasari"),
                          ("Lapas Kelas IIB Rawasari", "Kodim 1799 Rawasari")}


def test_listed_raid_team_still_acts_together():
    # a joint team's list pairs its corrections office with the outside members (session 5: the guideline's joint
    # raid), and the raided facility with them as before; a plain subject list without "gabungan" does not
    text = ("Petugas gabungan dari Kanwil Ditjenpas Nusa Selatan, Polres Rawasari dan Kodim 1799 Rawasari "
            "menggeledah kamar hunian Lapas Kelas IIB Rawasari, Selasa (3/6).")
    out = extract_partnerships(text, analysis(text, [RAWA], [KANWIL, POLRES, KODIM]))
    assert ("Kanwil Ditjenpas Nusa Selatan", "Polres Rawasari") in pairs(out)
    assert ("Lapas Kelas IIB Rawasari", "Polres Rawasari") in pairs(out)
    text = ("Kanwil Ditjenpas Nusa Selatan, Polres Rawasari dan Kodim 1799 Rawasari menggeledah kamar hunian Lapas "
            "Kelas IIB Rawasari, Selasa (3/6).")
    out = extract_partnerships(text, analysis(text, [RAWA], [KANWIL, POLRES, KODIM]))
    assert ("Kanwil Ditjenpas Nusa Selatan", "Polres Rawasari") not in pairs(out)


def test_event_organised_by_an_outside_body():
    text = ("Warga binaan Lapas Kelas IIB Rawasari mengikuti pameran produk yang diselenggarakan oleh Dinas Koperasi "
            "Kabupaten Rawasari, Kamis (5/6).")
    out = extract_partnerships(text, analysis(text, [RAWA], [DINKOP]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "Dinas Koperasi Kabupaten Rawasari")}
    assert out[0].kind == "program"


def test_new_trigger_words_and_their_limits():
    assert _kind_in("Lapas itu mengandeng berbagai pihak") == "program"  # the common misspelling
    assert _kind_in("memiliki sertifikat kesepahaman dengan BNNK") == "agreement"
    assert _kind_in("situasi di lapas masih disiagakan satu pleton polisi") == "joint_operation"
    assert _kind_in("rombongan menyempatkan diri melihat lebih dekat kondisi lapas") == "visit"
    assert _kind_in("Di hadapan rombongan komisi, Kakanwil memaparkan") == "meeting"
    assert _kind_in("anak berhadapan dengan hukum") is None
    assert _kind_in("di hadapan penyidik ia mengaku") is None
    assert _kind_in("kondisi lapas dalam pengawasan ketat aparat keamanan") == "joint_operation"
    assert _kind_in("Komisi sepakat membenahi pengawasan lapas") is None  # oversight, no joint work
    assert _kind_in("warga binaan menyalurkan hak pilihnya") is None


def test_speaker_of_an_outside_body_at_the_facility():
    text = ("Jumlah pemilih di lapas terus diperbarui, ucap Ketua KPU Rawasari Budi Santosa kepada wartawan di "
            "Lapas Kelas IIB Rawasari, Kamis (17/1).")
    out = extract_partnerships(text, analysis(text, [RAWA], [KPU]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "KPU Rawasari")}
    assert out[0].kind == "visit"


def test_the_matter_of_a_statement_is_no_place_of_its_speaker():
    text = ("Kepala Seksi Intelijen Kejaksaan Negeri Rawasari mengatakan bahwa penitipan terdakwa di "
            "Rutan Kelas IIB Lembahhijau sudah selesai.")
    out = extract_partnerships(text, analysis(text, [RUTAN], [KEJARI]))
    assert out == []


def test_guest_speaking_at_a_ceremony_held_at_the_facility():
    text = ("Hal itu disampaikan Gubernur Nusa Selatan pada kegiatan pemberian remisi yang digelar di Aula "
            "Lapas Kelas IIB Rawasari, Minggu (17/8).")
    out = extract_partnerships(text, analysis(text, [RAWA], [GUBERNUR]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "Gubernur Nusa Selatan")}
    assert out[0].kind == "attendance"


def test_unsaid_subject_of_a_joint_step_in_a_one_facility_article():
    text = ("Rutan Kelas IIB Lembahhijau memperketat penjagaan usai kericuhan, Rabu (4/6). "
            "Langkah cepat turut ditempuh melalui koordinasi intensif dengan TNI dan Polres Rawasari.")
    out = extract_partnerships(text, analysis(text, [RUTAN], [TNI, POLRES]))
    assert pairs(out) == {("Rutan Kelas IIB Lembahhijau", "TNI"), ("Rutan Kelas IIB Lembahhijau", "Polres Rawasari")}


def test_unsaid_subject_needs_a_single_facility():
    text = ("Rutan Kelas IIB Lembahhijau dan Lapas Kelas IIB Rawasari memperketat penjagaan, Rabu (4/6). "
            "Langkah cepat turut ditempuh melalui koordinasi intensif dengan Polres Rawasari.")
    out = extract_partnerships(text, analysis(text, [RUTAN, RAWA], [POLRES]))
    assert out == []


def test_outside_body_celebrating_with_inmates():
    text = ("Gubernur Nusa Selatan menggelar buka puasa bersama dengan warga binaan Lapas Kelas IIB Rawasari, "
            "Sabtu (1/6).")
    out = extract_partnerships(text, analysis(text, [RAWA], [GUBERNUR]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "Gubernur Nusa Selatan")}


def test_office_head_among_guests_of_an_event_at_the_facility():
    text = ("Lapas Kelas IIB Rawasari merayakan hari jadinya yang kedua, Jumat (6/6). "
            "Pada perayaan yang digelar di halaman Lapas tersebut, Bupati Rawasari, dan Kepala "
            "Kanwil Ditjenpas Nusa Selatan serta Kepala Kejaksaan Negeri Rawasari bernyanyi bersama warga binaan.")
    out = extract_partnerships(text, analysis(text, [RAWA], [KANWIL, KEJARI]))
    assert ("Lapas Kelas IIB Rawasari", "Kejaksaan Negeri Rawasari") in pairs(out)
    assert ("Kanwil Ditjenpas Nusa Selatan", "Kejaksaan Negeri Rawasari") not in pairs(out)


def test_speaking_before_a_visiting_commission():
    text = ("Di hadapan rombongan Komisi XIII DPR RI, Kepala Kanwil Ditjenpas Nusa Selatan memaparkan kondisi hunian "
            "yang melebihi kapasitas.")
    out = extract_partnerships(text, analysis(text, [], [KANWIL, KOMISI]))
    assert pairs(out) == {("Kanwil Ditjenpas Nusa Selatan", "Komisi XIII DPR RI")}


def test_outside_bodies_at_an_event_in_the_facility_named_by_kind():
    text = ("Lapas Kelas IIB Rawasari menggelar penggeledahan kamar hunian, Selasa (3/6). "
            "Nampak petugas dari Polres Rawasari dan Kodim 1799 Rawasari melaksanakan apel di halaman Lapas.")
    out = extract_partnerships(text, analysis(text, [RAWA], [POLRES, KODIM]))
    assert pairs(out) == {("Lapas Kelas IIB Rawasari", "Polres Rawasari"),
                          ("Lapas Kelas IIB Rawasari", "Kodim 1799 Rawasari")}


def test_help_and_support_words():
    assert _kind_in("terima kasih kepada TNI-Polri yang membantu pengamanan") == "program"
    assert _kind_in("lapas akan sepenuhnya mendukung proses hukum yang dijalankan BNNP") == "program"
    assert _kind_in("kami sudah mengajukan data ke KPU dan Dinas Dukcapil") == "meeting"
    assert _kind_in("kuasa hukum mengajukan uji materi ke Mahkamah Konstitusi") is None
    assert _kind_in("upaya penggagalan tidak lepas dari informasi dari pihak kepolisian") == "joint_operation"
    assert _kind_in("peredaran itu tidak terlepas dari keterlibatan oknum") is None
    assert _kind_in("napi yang ditangkap dan menyerahkan diri ada 107 orang") is None


RADAR = ("Radar Rawasari", "media", "media:radar-rawasari", ["Radar Rawasari"])
RRI = ("RRI Rawasari", "media", "media:rri-rawasari", ["RRI Rawasari"])


def test_a_reporter_at_work_is_no_partner_but_an_outlet_signing_is():
    text = ("Pintu penjagaan berlapis dilalui sebelum Radar Rawasari bertemu dengan Kalapas Kelas IIB Rawasari "
            "di aula Lapas Kelas IIB Rawasari, Senin (2/6).")
    assert not pairs(extract_partnerships(text, analysis(text, [RAWA], [RADAR])))
    text = "Lapas Kelas IIB Rawasari dan RRI Rawasari menandatangani nota kesepahaman, Senin (2/6)."
    assert pairs(extract_partnerships(text, analysis(text, [RAWA], [RRI]))) == {
        ("Lapas Kelas IIB Rawasari", "RRI Rawasari")}


def test_immigration_directorate_is_no_partner_of_its_own_ministry():
    kem = ("Kementerian Imigrasi dan Pemasyarakatan", "corrections_office", "kemenimipas:national",
           ["Kementerian Imigrasi dan Pemasyarakatan"])
    dirjen = ("Direktur Jenderal Imigrasi", "ministry", "ditjen:imigrasi", ["Direktur Jenderal Imigrasi"])
    text = ("Kementerian Imigrasi dan Pemasyarakatan menggelar rapat koordinasi bersama Direktur Jenderal Imigrasi "
            "di Jakarta, Senin (2/6).")
    assert not pairs(extract_partnerships(text, analysis(text, [], [kem, dirjen])))
