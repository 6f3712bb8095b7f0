"""Partnership rules of session 4, round 3 (nlp/partnerships.py), on short synthetic sentences in the style of the
press (fictional names and places): family visits are no visits, urging and orders are no events, a generic word
names the unit of its kind, a unit's partners listed as its "mitra kerja" belong to it, two forces side by side are
two partners, and a trigger word inside a partner's name is no event. Each rule has a guard for the look-alike
that keeps its pair.
"""

from __future__ import annotations

from nlp.partnerships import extract_partnerships
from tests.test_partnerships_more import analysis, pairs

SARI = ("Lapas Kelas IIB Tanjungsari", "lapas-tanjungsari", ["Lapas Kelas IIB Tanjungsari", "Lapas Tanjungsari"])
LPKA = ("LPKA Kelas II Tanjungsari", "lpka-tanjungsari", ["LPKA Kelas II Tanjungsari", "LPKA Tanjungsari"])
KANWIL = ("Kanwil Ditjenpas Nusa Barat", "corrections_office", "corrections_office:nusa-barat",
          ["Kanwil Ditjenpas Nusa Barat"])
MINISTRY = ("Kementerian Hukum dan HAM (Kemenkumham)", "ministry", "kemenkumham",
            ["Kementerian Hukum dan HAM (Kemenkumham)"])
PEMKOT = ("Pemerintah Kota Tanjungsari", "local_government", "local_government:city:tanjungsari",
          ["Pemerintah Kota Tanjungsari"])
WALIKOTA = ("Wali Kota Tanjungsari", "local_government", "local_government:city:tanjungsari#wk",
            ["Wali Kota Tanjungsari"])
KPU = ("KPU Kota Tanjungsari", "election", "kpu:tanjungsari", ["KPU Kota Tanjungsari"])
BPJS = ("BPJS Kesehatan", "other", "acr:bpjs", ["BPJS Kesehatan"])
BNNP = ("BNNP Nusa Barat", "bnn", "bnn:province:nusa-barat", ["BNNP Nusa Barat"])
POLRES = ("Polres Tanjungsari", "police", "police:polres:tanjungsari", ["Polres Tanjungsari"])
KEJARI = ("Kejaksaan Negeri Tanjungsari", "prosecutor", "kejari:tanjungsari", ["Kejaksaan Negeri Tanjungsari"])
TNI = ("TNI", "military", "military:tni", ["TNI"])
POLRI = ("Polri", "police", "police:polri", ["Polri"])
YAYASAN = ("Yayasan Rehabilitasi Cahaya Harapan", "ngo", "ngo:cahaya-harapan", ["Yayasan Rehabilitasi Cahaya Harapan"])
PUSKESMAS = ("Puskesmas Sukadana", "health", "health:puskesmas:sukadana", ["Puskesmas Sukadana"])


def test_family_visits_opened_or_closed_are_no_visit():
    text = ("Pemerintah Kota Tanjungsari meniadakan kunjungan di Lapas Kelas IIB Tanjungsari selama masa pandemi. "
            "Layanan kunjungan keluarga di Lapas Tanjungsari diganti panggilan video.")
    out = extract_partnerships(text, analysis(text, [SARI], [PEMKOT]))
    assert pairs(out) == set()
    # guard: a working visit of the city's head is still a visit
    text = "Wali Kota Tanjungsari melakukan kunjungan kerja ke Lapas Kelas IIB Tanjungsari, Senin (2/6)."
    out = extract_partnerships(text, analysis(text, [SARI], [WALIKOTA]))
    assert pairs(out) == {("Lapas Kelas IIB Tanjungsari", "Wali Kota Tanjungsari")}


def test_orders_in_the_imperative_and_urging_are_no_event():
    text = ("Kakanwil meninjau kesiapan Lapas Kelas IIB Tanjungsari, Senin (2/6). “Koordinasikan dengan KPU Kota "
            "Tanjungsari untuk menyiapkan TPS khusus di dalam Lapas,” ujarnya.")
    out = extract_partnerships(text, analysis(text, [SARI], [KPU]))
    assert pairs(out) == set()
    text = ("Kanwil Ditjenpas Nusa Barat mendorong seluruh Kepala Lapas dan Rutan agar menjalin sinergi dengan "
            "BPJS Kesehatan dalam pemenuhan hak kesehatan warga binaan.")
    out = extract_partnerships(text, analysis(text, [], [KANWIL, BPJS]))
    assert pairs(out) == set()
    # guard: coordination that was done is an event
    text = "Kanwil Ditjenpas Nusa Barat telah berkoordinasi dengan BPJS Kesehatan soal jaminan kesehatan warga binaan."
    out = extract_partnerships(text, analysis(text, [], [KANWIL, BPJS]))
    assert pairs(out) == {("Kanwil Ditjenpas Nusa Barat", "BPJS Kesehatan")}


def test_a_superior_order_from_the_ministry_makes_it_no_party():
    text = ("Tim gabungan BNNP Nusa Barat dan Polres Tanjungsari menggelar razia di Lapas Kelas IIB Tanjungsari. "
            "Menurutnya, razia itu bagian dari perintah atasan dari pusat, baik Kementerian Hukum dan HAM "
            "(Kemenkumham) maupun BNNP Nusa Barat.")
    out = extract_partnerships(text, analysis(text, [SARI], [MINISTRY, BNNP, POLRES]))
    assert not any(p.parties[0].startswith("Kementerian") for p in out)
    assert ("Lapas Kelas IIB Tanjungsari", "BNNP Nusa Barat") in pairs(out)


def test_a_generic_word_names_the_unit_of_its_kind():
    text = ("Sebanyak 300 warga binaan Lapas Kelas IIB Tanjungsari mengikuti pemilu, sedangkan di LPKA Kelas II "
            "Tanjungsari 20 anak binaan. Selain diawasi oleh petugas lapas, ada juga anggota TNI dan Polri.")
    out = extract_partnerships(text, analysis(text, [SARI, LPKA], [TNI, POLRI]))
    assert pairs(out) == {("Lapas Kelas IIB Tanjungsari", "TNI"), ("Lapas Kelas IIB Tanjungsari", "Polri")}
    text = ("Petugas menemukan dua ponsel di Lapas Kelas IIB Tanjungsari. Kanwil Ditjenpas Nusa Barat memimpin "
            "pemeriksaan itu. Inspeksi dilakukan Kanwil dengan melibatkan BNNP Nusa Barat.")
    out = extract_partnerships(text, analysis(text, [SARI], [KANWIL, BNNP]))
    assert pairs(out) == {("Kanwil Ditjenpas Nusa Barat", "BNNP Nusa Barat")}


def test_the_partners_listed_as_a_units_mitra_kerja_are_its_own():
    text = ("Pada kesempatan tersebut, Kanwil Ditjenpas Nusa Barat memberikan penghargaan kepada mitra kerja Lapas "
            "Kelas IIB Tanjungsari, di antaranya Polres Tanjungsari dan Kejaksaan Negeri Tanjungsari.")
    out = extract_partnerships(text, analysis(text, [SARI], [KANWIL, POLRES, KEJARI]))
    assert pairs(out) == {("Lapas Kelas IIB Tanjungsari", "Polres Tanjungsari"),
                          ("Lapas Kelas IIB Tanjungsari", "Kejaksaan Negeri Tanjungsari")}


def test_two_forces_side_by_side_are_two_partners():
    text = ("Razia kamar hunian Lapas Kelas IIB Tanjungsari digelar Selasa (3/6). Sidak itu juga diikuti dari TNI "
            "Polri dan BNNP Nusa Barat.")
    out = extract_partnerships(text, analysis(text, [SARI], [TNI, POLRI, BNNP]))
    assert {p[1] for p in pairs(out)} == {"TNI", "Polri", "BNNP Nusa Barat"}


def test_a_trigger_inside_a_partners_name_is_no_event():
    text = ("Lapas Kelas IIB Tanjungsari menandatangani perjanjian kerja sama dengan pihak terkait, Rabu (4/6). "
            "Untuk itu, pihaknya bekerja sama dengan dua institusi. Meliputi Yayasan Rehabilitasi Cahaya Harapan dan "
            "Puskesmas Sukadana.")
    out = extract_partnerships(text, analysis(text, [SARI], [YAYASAN, PUSKESMAS]))
    assert pairs(out) == {("Lapas Kelas IIB Tanjungsari", "Yayasan Rehabilitasi Cahaya Harapan"),
                          ("Lapas Kelas IIB Tanjungsari", "Puskesmas Sukadana")}
    assert {p.kind for p in out} == {"agreement"}


KPK = ("Komisi Pemberantasan Korupsi (KPK)", "other", "acr:kpk", ["Komisi Pemberantasan Korupsi (KPK)", "KPK"])


def test_a_corruption_case_against_the_units_staff_is_no_joint_work():
    text = ("Kepala Lapas Kelas IIB Tanjungsari terjaring operasi tangkap tangan Komisi Pemberantasan Korupsi (KPK), "
            "Rabu (4/6). Sebelumnya KPK telah melakukan serangkaian penyelidikan terkait kasus suap sel mewah.")
    out = extract_partnerships(text, analysis(text, [SARI], [KPK]))
    assert pairs(out) == set()
    # guard: an investigation by the police with the facility's staff stays joint work
    text = ("Petugas Lapas Kelas IIB Tanjungsari menemukan paket sabu di blok hunian, Rabu (4/6). Polres Tanjungsari "
            "melakukan penyelidikan bersama petugas lapas.")
    out = extract_partnerships(text, analysis(text, [SARI], [POLRES]))
    assert pairs(out) == {("Lapas Kelas IIB Tanjungsari", "Polres Tanjungsari")}
