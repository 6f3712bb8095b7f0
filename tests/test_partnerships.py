"""Partnership rules (nlp/partnerships.py) on synthetic sentences written in the style of the press.

Most tests build the `Analysis` by hand (entities with their mention offsets), so they test the pair
rules alone and stay fast; the last one runs the whole Analyzer to check the wiring in nlp/analyze.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from nlp.partnerships import KIND_ORDER, _kind_in, _sentences, extract_partnerships
from nlp.records import Analysis, ArticleText, Facility, Mention, Organization


def _mentions(text: str, forms: list[str], label: str) -> list[Mention]:
    out = []
    for form in forms:
        i = text.find(form)
        while i != -1:
            out.append(Mention(form, i, i + len(form), label))
            i = text.find(form, i + 1)
    return out


def analysis(text: str, facilities=(), orgs=(), event=date(2025, 6, 3)) -> Analysis:
    """facilities: (name, facility_id, [surface forms]); orgs: (name, kind, org_id, [surface forms])."""
    a = Analysis(id="t", relevant=True, event_date=event)
    for name, fid, forms in facilities:
        kind = name.split()[0].lower()
        a.facilities.append(Facility(name=name, kind=kind, facility_id=fid, aliases=list(forms),
                                     mentions=_mentions(text, forms, "FACILITY")))
    for name, kind, oid, forms in orgs:
        a.organizations.append(Organization(name=name, kind=kind, org_id=oid, aliases=list(forms),
                                            mentions=_mentions(text, forms, "ORG")))
    return a


def pairs(result) -> set[tuple[str, str]]:
    return {p.parties for p in result}


LAPAS = ("Lapas Kelas IIA Banyuwangi", "lapas-banyuwangi", ["Lapas Kelas IIA Banyuwangi", "Lapas Banyuwangi"])
KANWIL = ("Kanwil Ditjenpas Jawa Timur", "corrections_office", "corrections_office:jawa-timur",
          ["Kanwil Ditjenpas Jawa Timur", "Kanwil Ditjenpas Jatim"])
DITJENPAS = ("Ditjenpas", "corrections_office", "ditjenpas", ["Ditjenpas", "Direktorat Jenderal Pemasyarakatan"])
BNNK = ("BNNK Banyuwangi", "bnn", "bnn:regency:banyuwangi", ["BNNK Banyuwangi", "BNN Kabupaten Banyuwangi"])


def test_visit_with_direction_partner_to_unit():
    text = ("Komisi XIII DPR RI Kunjungi Lapas Banyuwangi\n\nKomisi XIII DPR RI melakukan kunjungan kerja ke "
            "Lapas Kelas IIA Banyuwangi, Jumat (11/4). Rombongan disambut Kalapas di aula.")
    a = analysis(text, [LAPAS], [("Komisi XIII DPR RI", "other", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])])
    out = extract_partnerships(text, a)
    assert pairs(out) == {("Lapas Kelas IIA Banyuwangi", "Komisi XIII DPR RI")}
    assert out[0].kind == "visit"
    assert out[0].direction == "partner->unit"
    assert out[0].date == date(2025, 6, 3)
    assert "Komisi XIII DPR RI" in out[0].evidence and "Lapas" in out[0].evidence


def test_visit_by_the_unit_to_the_partner():
    text = "Kalapas Banyuwangi beserta jajaran melakukan kunjungan ke Polresta Banyuwangi untuk silaturahmi."
    a = analysis(text, [("Lapas Kelas IIA Banyuwangi", "lapas-banyuwangi", ["Lapas Banyuwangi", "Kalapas Banyuwangi"])],
                 [("Polresta Banyuwangi", "police", "police:polresta:banyuwangi", ["Polresta Banyuwangi"])])
    out = extract_partnerships(text, a)
    assert [(p.kind, p.direction) for p in out] == [("visit", "unit->partner")]


def test_mou_with_several_partners_listed_after_the_agreement_sentence():
    text = ("Lapas Banyuwangi Teken PKS dengan Mitra\n\n"
            "Lapas Kelas IIA Banyuwangi menandatangani Perjanjian Kerja Sama (PKS) dengan sejumlah mitra, "
            "Kamis (12/6). Mitra kerja yang turut menandatangani adalah Dinas Kesehatan Banyuwangi, "
            "Universitas Blambangan dan PT Sumber Rejeki. Selain itu juga Yayasan Cahaya Hati, Balai Latihan "
            "Kerja Banyuwangi, serta Baznas Banyuwangi.")
    partners = [("Dinas Kesehatan Banyuwangi", "local_government", "dinas:kesehatan banyuwangi",
                 ["Dinas Kesehatan Banyuwangi"]),
                ("Universitas Blambangan", "education", "education:blambangan", ["Universitas Blambangan"]),
                ("PT Sumber Rejeki", "company", "company:sumber rejeki", ["PT Sumber Rejeki"]),
                ("Yayasan Cahaya Hati", "other", "civil:cahaya hati", ["Yayasan Cahaya Hati"]),
                ("Balai Latihan Kerja Banyuwangi", "other", "blk:banyuwangi", ["Balai Latihan Kerja Banyuwangi"]),
                ("Baznas Banyuwangi", "other", "baznas:banyuwangi", ["Baznas Banyuwangi"])]
    out = extract_partnerships(text, analysis(text, [LAPAS], partners))
    assert pairs(out) == {("Lapas Kelas IIA Banyuwangi", p[0]) for p in partners}
    assert {p.kind for p in out} == {"agreement"}


def test_partners_merged_into_one_entity_are_split_back():
    text = "Lapas Kelas IIA Banyuwangi menandatangani MoU dengan Dinas Kominfo, Dinkes, DLH, dan Dinsos."
    a = analysis(text, [LAPAS], [("Dinas Kominfo, Dinkes, DLH, dan Dinsos", "local_government", "dinas:x",
                                  ["Dinas Kominfo, Dinkes, DLH, dan Dinsos"])])
    got = {p for _, p in pairs(extract_partnerships(text, a))}
    assert got == {"Dinas Kominfo", "Dinkes", "DLH", "Dinsos"}


def test_one_office_with_a_comma_in_its_name_is_not_split():
    text = "LPKA Kelas II Yogyakarta berkoordinasi dengan Dinas Pendidikan, Pemuda dan Olahraga Gunungkidul."
    a = analysis(text, [("LPKA Kelas II Yogyakarta", "lpka-yogyakarta", ["LPKA Kelas II Yogyakarta"])],
                 [("Dinas Pendidikan, Pemuda dan Olahraga Gunungkidul", "local_government", "dinas:dikpora",
                   ["Dinas Pendidikan, Pemuda dan Olahraga Gunungkidul"])])
    assert pairs(extract_partnerships(text, a)) == {
        ("LPKA Kelas II Yogyakarta", "Dinas Pendidikan, Pemuda dan Olahraga Gunungkidul")}


def test_joint_urine_test_with_bnnk():
    text = ("Petugas Lapas Banyuwangi Jalani Tes Urine\n\nLapas Kelas IIA Banyuwangi bersama BNNK Banyuwangi "
            "menggelar tes urine bagi seluruh petugas dan warga binaan, Selasa (03/06/2025).")
    out = extract_partnerships(text, analysis(text, [LAPAS], [BNNK]))
    assert [(p.parties, p.kind) for p in out] == [(("Lapas Kelas IIA Banyuwangi", "BNNK Banyuwangi"),
                                                   "joint_operation")]


def test_foiled_smuggling_handed_to_police_is_a_joint_operation_with_the_police_unit():
    text = ("Petugas Lapas Banyuwangi menggagalkan penyelundupan sabu. Barang bukti kemudian diserahkan "
            "Kalapas kepada Satresnarkoba Polresta Banyuwangi untuk penyelidikan.")
    a = analysis(text, [LAPAS], [("Satresnarkoba", "other", "acr:satresnarkoba", ["Satresnarkoba"]),
                                 ("Polresta Banyuwangi", "police", "police:polresta:banyuwangi",
                                  ["Polresta Banyuwangi"])])
    out = extract_partnerships(text, a)
    assert [(p.parties, p.kind) for p in out] == [(("Lapas Kelas IIA Banyuwangi",
                                                    "Satresnarkoba Polresta Banyuwangi"), "joint_operation")]


def test_attendance_list():
    text = ("Lapas Kelas IIA Banyuwangi menggelar upacara pemberian remisi, Minggu (17/8). Turut hadir Bupati "
            "Banyuwangi, Dandim 0825 Banyuwangi, dan Kapolresta Banyuwangi.")
    a = analysis(text, [LAPAS], [("Bupati Banyuwangi", "local_government", "local_government:regency:banyuwangi",
                                  ["Bupati Banyuwangi"]),
                                 ("Kodim 0825 Banyuwangi", "military", "military:kodim:0825", ["Dandim 0825 Banyuwangi"]),
                                 ("Polresta Banyuwangi", "police", "police:polresta:banyuwangi",
                                  ["Kapolresta Banyuwangi"])])
    out = extract_partnerships(text, a)
    assert {p for _, p in pairs(out)} == {"Bupati Banyuwangi", "Kodim 0825 Banyuwangi", "Polresta Banyuwangi"}
    assert {p.kind for p in out} == {"attendance"}


def test_kanwil_and_facility_are_not_partners():
    text = ("Kakanwil Ditjenpas Jatim melakukan kunjungan kerja ke Lapas Kelas IIA Banyuwangi dan rapat "
            "koordinasi dengan Kanwil Ditjenpas Jawa Timur.")
    assert extract_partnerships(text, analysis(text, [LAPAS], [KANWIL])) == []


def test_ditjenpas_and_ministry_are_never_partners_of_a_facility():
    text = ("Direktorat Jenderal Pemasyarakatan dan Kementerian Imigrasi dan Pemasyarakatan melakukan "
            "kunjungan ke Lapas Kelas IIA Banyuwangi serta rapat koordinasi dengan Ditjenpas.")
    orgs = [DITJENPAS, ("Kementerian Imigrasi dan Pemasyarakatan", "ministry", "kemenimipas",
                        ["Kementerian Imigrasi dan Pemasyarakatan"])]
    assert extract_partnerships(text, analysis(text, [LAPAS], orgs)) == []


def test_sentence_without_a_unit_goes_to_the_most_recent_unit():
    text = ("Lapas Kelas IIA Banyuwangi menggelar apel pagi. Sementara itu, Kepala Kanwil Ditjenpas Jatim "
            "meninjau blok hunian. Dalam kunjungan itu, petugas berdiskusi dengan BNNK Banyuwangi.")
    out = extract_partnerships(text, analysis(text, [LAPAS], [KANWIL, BNNK]))
    assert pairs(out) == {("Kanwil Ditjenpas Jawa Timur", "BNNK Banyuwangi")}


def test_joint_team_pairs_the_raided_unit_and_the_office_in_the_team():
    # a joint raid (guideline): the raided facility and the corrections office of the team work with each outside
    # member; the outside members are no partners of each other
    text = ("Aparat gabungan dari Kanwil Ditjenpas Jawa Timur, TNI, Polri dan BNNK Banyuwangi melakukan "
            "penggeledahan di Lapas Kelas IIA Banyuwangi.")
    orgs = [KANWIL, ("TNI", "military", "military:tni", ["TNI"]), ("Polri", "police", "police:polri", ["Polri"]),
            BNNK]
    got = pairs(extract_partnerships(text, analysis(text, [LAPAS], orgs)))
    assert got == {(u, p) for u in ("Lapas Kelas IIA Banyuwangi", "Kanwil Ditjenpas Jawa Timur")
                   for p in ("TNI", "Polri", "BNNK Banyuwangi")}


def test_advice_to_coordinate_is_not_a_partnership():
    text = ("Kalapas Banyuwangi meminta seluruh petugas Lapas Kelas IIA Banyuwangi agar tingkatkan koordinasi "
            "dengan TNI dan Polri menjelang Lebaran.")
    orgs = [("TNI", "military", "military:tni", ["TNI"]), ("Polri", "police", "police:polri", ["Polri"])]
    assert extract_partnerships(text, analysis(text, [LAPAS], orgs)) == []


def test_read_also_links_are_not_evidence():
    text = ("Lapas Kelas IIA Banyuwangi menggelar pameran karya warga binaan.\n"
            "Baca juga: Tes Urine Dadakan, BNNK Banyuwangi Datangi Lapas Banyuwangi")
    assert extract_partnerships(text, analysis(text, [LAPAS], [BNNK])) == []


def test_one_pair_per_organisation_with_the_most_specific_kind():
    text = ("Lapas Kelas IIA Banyuwangi menjalin sinergi dengan BNNK Banyuwangi. Lapas Banyuwangi dan BNNK "
            "Banyuwangi lalu menandatangani nota kesepahaman. Lapas Banyuwangi dan BNN Kabupaten Banyuwangi "
            "juga menggelar sosialisasi.")
    out = extract_partnerships(text, analysis(text, [LAPAS], [BNNK]))
    assert len(out) == 1 and out[0].kind == "agreement"
    assert "nota kesepahaman" in out[0].evidence


def test_trigger_kinds_and_sentence_splitting():
    assert _kind_in("Penandatanganan nota kesepahaman antara kedua pihak") == "agreement"
    assert _kind_in("Tim gabungan menggelar razia kamar hunian") == "joint_operation"
    assert _kind_in("MA mengabulkan peninjauan kembali yang diajukan terpidana") is None
    assert _kind_in("Turut hadir Wakil Bupati") == "attendance"
    assert set(KIND_ORDER) == {"visit", "meeting", "agreement", "joint_operation", "program", "attendance"}
    text = "Kepala BNNK, Kombes Pol. Faisol Wahyudi, S.H. hadir. Acara selesai."
    assert [text[s:e].strip() for s, e in _sentences(text)] == [
        "Kepala BNNK, Kombes Pol. Faisol Wahyudi, S.H. hadir.", "Acara selesai."]


def test_event_referred_back_and_ranks_are_no_partners():
    text = ("Gubernur Jawa Timur melakukan kunjungan kerja ke Lapas Kelas IIA Banyuwangi, Jumat (28/3). Dalam "
            "kunjungan tersebut, Gubernur didampingi Ketua DPRD Jawa Timur dan Danrem 083, Brigadir Jenderal TNI "
            "Budi Santoso.")
    orgs = [("Gubernur Jawa Timur", "local_government", "local_government:province:jawa timur", ["Gubernur Jawa Timur"]),
            ("DPRD Jawa Timur", "other", "dprd:jawa timur", ["DPRD Jawa Timur"]),
            ("Korem 083", "military", "military:korem:083", ["Danrem 083"]),
            ("TNI", "military", "military:tni", ["TNI"])]
    got = {p for _, p in pairs(extract_partnerships(text, analysis(text, [LAPAS], orgs)))}
    assert got == {"Gubernur Jawa Timur", "DPRD Jawa Timur", "Korem 083"}


def test_the_unit_speaking_and_the_partner_speaking():
    text = ("Lapas Kelas IIA Banyuwangi menggagalkan penyelundupan sabu. Setelah itu pihaknya langsung berkoordinasi "
            "dengan Polresta Banyuwangi. Sementara itu, Kepala Dinas Sosial Banyuwangi menyampaikan komitmen "
            "pihaknya untuk mendukung kolaborasi.")
    orgs = [("Polresta Banyuwangi", "police", "police:polresta:banyuwangi", ["Polresta Banyuwangi"]),
            ("Dinas Sosial Banyuwangi", "local_government", "dinas:sosial banyuwangi", ["Dinas Sosial Banyuwangi"])]
    assert pairs(extract_partnerships(text, analysis(text, [LAPAS], orgs))) == {
        ("Lapas Kelas IIA Banyuwangi", "Polresta Banyuwangi")}


def test_pair_named_after_antara_and_an_agreement_between_outsiders():
    text = ("Kepala Kanwil Ditjenpas Jawa Timur mengapresiasi sinergi antara Lapas Kelas IIA Banyuwangi dan "
            "BNNK Banyuwangi. Di tempat lain, Kejaksaan Negeri Banyuwangi menandatangani MoU bersama pemda.")
    orgs = [KANWIL, BNNK, ("Kejaksaan Negeri Banyuwangi", "prosecutor", "prosecutor:kejari:banyuwangi",
                           ["Kejaksaan Negeri Banyuwangi"])]
    assert pairs(extract_partnerships(text, analysis(text, [LAPAS], orgs))) == {
        ("Lapas Kelas IIA Banyuwangi", "BNNK Banyuwangi")}


def test_a_kind_of_institution_is_not_a_named_partner():
    text = "Empat anak binaan LPKA Kelas II Yogyakarta mengikuti ujian Sekolah Menengah Pertama (SMP)."
    a = analysis(text, [("LPKA Kelas II Yogyakarta", "lpka-yogyakarta", ["LPKA Kelas II Yogyakarta"])],
                 [("Sekolah Menengah Pertama (SMP)", "education", "acr:smp", ["Sekolah Menengah Pertama (SMP)"])])
    assert extract_partnerships(text, a) == []


def test_no_partner_no_pairs_and_bad_input_is_harmless():
    text = "Lapas Kelas IIA Banyuwangi menggelar kunjungan keluarga bagi warga binaan."
    assert extract_partnerships(text, analysis(text, [LAPAS], [])) == []
    assert extract_partnerships("", Analysis(id="empty")) == []


KEMENKUMHAM = ("Kementerian Hukum dan HAM", "ministry", "kemenkumham", ["Kementerian Hukum dan HAM"])
POLDA = ("Polda Jatim", "police", "police:polda:jatim", ["Polda Jatim"])


def test_staff_reporting_a_find_goes_to_the_facility_not_the_ministry():
    text = ("Petugas Lapas Kelas IIA Banyuwangi menemukan paket sabu di dekat tembok. \"Temuan itu janggal,\" "
            "ujar Kepala Divisi Pemasyarakatan Kementerian Hukum dan HAM Jatim. Petugas langsung berkoordinasi "
            "dengan Ditresnarkoba Polda Jatim untuk penyelidikan. Temuan tersebut kemudian dilaporkan ke "
            "Polda Jatim.")
    a = analysis(text, [LAPAS], [KEMENKUMHAM, POLDA])
    assert pairs(extract_partnerships(text, a)) == {("Lapas Kelas IIA Banyuwangi", "Polda Jatim")}


def test_find_reported_to_police_without_naming_the_unit():
    text = ("Lapas Kelas IIA Banyuwangi menggagalkan upaya penyelundupan sabu dalam bola tenis. "
            "Barang bukti kemudian dilaporkan ke Polresta Banyuwangi.")
    a = analysis(text, [LAPAS], [("Polresta Banyuwangi", "police", "police:polres:banyuwangi",
                                  ["Polresta Banyuwangi"])])
    # the second sentence names no unit: the unit that found the package reports it
    out = extract_partnerships(text, a)
    assert pairs(out) == {("Lapas Kelas IIA Banyuwangi", "Polresta Banyuwangi")}
    assert out[0].kind == "joint_operation"


def test_bare_agencies_missed_by_the_entity_stage_are_found():
    text = ("Dua narapidana kabur dari Lapas Kelas IIA Banyuwangi. \"Tim gabungan dari Lapas, Polres, dan Kodim "
            "masih memburu satu orang lagi,\" ujar Kalapas. Pemindahan dikawal personel Brimob bersenjata.")
    out = extract_partnerships(text, analysis(text, [LAPAS], []))
    assert pairs(out) >= {("Lapas Kelas IIA Banyuwangi", "Polres"), ("Lapas Kelas IIA Banyuwangi", "Kodim")}
    assert all(p.kind == "joint_operation" for p in out)
    # the unit is itself an item of the team and the only unit named: paired with each other item
    text3 = "Tim gabungan dari Lapas Banyuwangi, Polres Banyuwangi, dan Kodim 0825 memburu dua napi yang kabur."
    a3 = analysis(text3, [LAPAS], [("Polres Banyuwangi", "police", "police:polres:banyuwangi", ["Polres Banyuwangi"])])
    assert pairs(extract_partnerships(text3, a3)) == {("Lapas Kelas IIA Banyuwangi", "Polres Banyuwangi"),
                                                      ("Lapas Kelas IIA Banyuwangi", "Kodim 0825")}
    # inside an extracted entity ("Polres Banyuwangi") the bare word is no second party
    text2 = "Lapas Kelas IIA Banyuwangi menggelar razia bersama Polres Banyuwangi."
    a2 = analysis(text2, [LAPAS], [("Polres Banyuwangi", "police", "police:polres:banyuwangi", ["Polres Banyuwangi"])])
    assert pairs(extract_partnerships(text2, a2)) == {("Lapas Kelas IIA Banyuwangi", "Polres Banyuwangi")}


def test_a_unit_among_the_guests_is_not_the_host():
    text = ("Program rehabilitasi diresmikan di Lapas Banyuwangi dan dihadiri oleh Kepala Divisi Pemasyarakatan "
            "Kanwil Ditjenpas Jatim, Budi Santoso, dan Kabid Rehabilitasi BNNK Banyuwangi.")
    out = extract_partnerships(text, analysis(text, [LAPAS], [KANWIL, BNNK]))
    assert pairs(out) == {("Lapas Kelas IIA Banyuwangi", "BNNK Banyuwangi")}


def test_one_facility_under_two_names_gives_one_pair():
    text = ("LPKA Bandar Lampung menerima kunjungan KPAI. Rombongan KPAI meninjau ruang kelas. "
            "[caption] kunjungan KPAI ke LPKA Lampung[/caption]")
    a = analysis(text, [("LPKA Bandar Lampung", None, ["LPKA Bandar Lampung"]),
                        ("LPKA Lampung", None, ["LPKA Lampung"])],
                 [("Komisi Perlindungan Anak Indonesia (KPAI)", "other", "acr:kpai", ["KPAI"])])
    assert pairs(extract_partnerships(text, a)) == {("LPKA Bandar Lampung", "Komisi Perlindungan Anak Indonesia (KPAI)")}


def test_corps_name_is_the_local_body_and_internal_team_is_no_party():
    text = ("Rutan Kelas IIA Palu memeriksa blok hunian. Pemeriksaan melibatkan Tim Satuan "
            "Operasional Kepatuhan Internal (Satopspatnal), anggota Kodim 1306/Kota Palu dan unsur TNI.")
    a = analysis(text, [("Rutan Kelas IIA Palu", None, ["Rutan Kelas IIA Palu"])],
                 [("Satuan Operasional Kepatuhan Internal (Satopspatnal)", "other", "acr:satopspatnal",
                   ["Satuan Operasional Kepatuhan Internal (Satopspatnal)"]),
                  ("Kodim 1306/Kota Palu", "military", "military:kodim:1306", ["Kodim 1306/Kota Palu"]),
                  ("TNI", "military", "military:tni", ["TNI"])])
    assert pairs(extract_partnerships(text, a)) == {("Rutan Kelas IIA Palu", "Kodim 1306/Kota Palu")}


def test_ministry_named_as_parent_or_legal_basis_is_no_party():
    text = ("Gubernur Kaltara mengunjungi Lapas Banyuwangi. Dalam kunjungannya, Gubernur menyampaikan bahwa Lapas "
            "Banyuwangi merupakan instansi vertikal di bawah Kementerian Hukum dan HAM, namun Pemprov Kaltara siap "
            "membantu.")
    a = analysis(text, [LAPAS], [KEMENKUMHAM, ("Pemprov Kaltara", "local_government", "local_government:kaltara",
                                                ["Pemprov Kaltara"])])
    assert pairs(extract_partnerships(text, a)) == {("Lapas Kelas IIA Banyuwangi", "Pemprov Kaltara")}


def test_enumerated_offices_keep_a_two_part_portfolio_together():
    text = ("Terima kasih untuk Dinas Tanaman Pangan, Hortikultura dan Perkebunan, Balai Latihan Kerja "
            "Banyuwangi atas pelatihan bertani bagi warga binaan Lapas Banyuwangi.")
    merged = "Dinas Tanaman Pangan, Hortikultura dan Perkebunan, Balai Latihan Kerja Banyuwangi"
    a = analysis(text, [LAPAS], [(merged, "local_government", "dinas:pangan", [merged])])
    assert pairs(extract_partnerships(text, a)) == {
        ("Lapas Kelas IIA Banyuwangi", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan"),
        ("Lapas Kelas IIA Banyuwangi", "Balai Latihan Kerja Banyuwangi")}


def test_kanwil_of_another_ministry_is_no_generic_unit():
    text = ("Lapas Kelas IIA Banyuwangi menggelar razia kamar. Sebelumnya, tim gabungan Polda Jatim dan Kanwil "
            "Direktorat Jenderal Bea Cukai Jatim menggagalkan penyelundupan sabu di pelabuhan.")
    a = analysis(text, [LAPAS], [POLDA])
    assert extract_partnerships(text, a) == []


@pytest.fixture(scope="module")
def analyzer():
    from nlp.analyze import Analyzer

    return Analyzer.load()


def test_analyzer_fills_partnerships(analyzer):
    art = ArticleText(id="e2e", title="Lapas Banyuwangi Gelar Tes Urine Bersama BNNK Banyuwangi",
                      text="Lapas Kelas IIA Banyuwangi bersama BNNK Banyuwangi menggelar tes urine bagi petugas, "
                           "Selasa (03/06/2025).", published=date(2025, 6, 4))
    out = analyzer.analyze(art)
    assert [p.kind for p in out.partnerships] == ["joint_operation"]
    assert out.to_json()["partnerships"][0]["parties"][1].startswith("BNNK")
