"""Partnership rules of session 3 (nlp/partnerships.py), on short synthetic sentences in the style of the press
(fictional names): bodies alike in name but of another seat or number, more signers of one agreement, commissions
named by number only, joint teams ("personel gabungan"), monitoring visits, the companions of a visit, one-word
partner names written with their seat, and the faster sentence splitter.
"""

from __future__ import annotations

import re

from nlp.partnerships import _kind_in, _last_token, _sentences, extract_partnerships
from tests.test_partnerships_more import analysis, pairs

SAMPANG = ("Rutan Kelas IIB Sampang", "rutan-sampang", ["Rutan Kelas IIB Sampang", "Rutan Sampang"])
BAWASLU_RI = ("Bawaslu RI", "election_body", "election:bawaslu:national", ["Bawaslu RI"])
BAWASLU_JATIM = ("Bawaslu Jawa Timur", "election_body", "election:bawaslu:jawa timur", ["Bawaslu Jawa Timur"])
KOTABARU = ("Lapas Kelas IIA Kotabaru", "lapas-kotabaru", ["Lapas Kelas IIA Kotabaru", "Lapas Kotabaru"])


def test_bodies_of_other_seats_are_not_merged():
    text = ("Pada Sabtu (7/6) Rutan Kelas IIB Sampang dikunjungi dua anggota Bawaslu RI bersama staf Bawaslu Jawa "
            "Timur. Rombongan meninjau TPS khusus.")
    out = extract_partnerships(text, analysis(text, [SAMPANG], [BAWASLU_RI, BAWASLU_JATIM]))
    assert pairs(out) == {("Rutan Kelas IIB Sampang", "Bawaslu RI"), ("Rutan Kelas IIB Sampang", "Bawaslu Jawa Timur")}


def test_numbered_schools_are_separate_partners():
    schools = [(f"SMAN {n} Kotabaru", "education", f"education:{n} kotabaru", [f"SMAN {n} Kotabaru"]) for n in (2, 5)]
    text = ("Lapas Kelas IIA Kotabaru menandatangani perjanjian kerja sama dengan SMAN 2 Kotabaru dan "
            "SMAN 5 Kotabaru, Senin (2/6).")
    out = extract_partnerships(text, analysis(text, [KOTABARU], schools))
    assert {p[1] for p in pairs(out)} == {"SMAN 2 Kotabaru", "SMAN 5 Kotabaru"}


def test_more_signers_of_the_same_agreement():
    orgs = [("Dinas Sosial Kotabaru", "local_government", "dinas:sosial@kotabaru", ["Dinas Sosial Kotabaru"]),
            ("Politeknik Harapan Kotabaru", "education", "education:harapan kotabaru", ["Politeknik Harapan Kotabaru"]),
            ("Yayasan Cahaya Pagi", "civil", "civil:cahaya pagi", ["Yayasan Cahaya Pagi"])]
    text = ("Lapas Kelas IIA Kotabaru menggelar penandatanganan perjanjian kerja sama dengan 12 mitra, Rabu (4/6). "
            "Penandatanganan itu dihadiri Dinas Sosial Kotabaru. "
            "Selain itu, penandatanganan perjanjian ini juga dilakukan oleh Politeknik Harapan Kotabaru dan "
            "Yayasan Cahaya Pagi.")
    got = {p[1] for p in pairs(extract_partnerships(text, analysis(text, [KOTABARU], orgs)))}
    assert {"Politeknik Harapan Kotabaru", "Yayasan Cahaya Pagi"} <= got


def test_outside_signers_without_an_anaphor_stay_outside():
    orgs = [("Pemerintah Indonesia", "other", "government:indonesia", ["Pemerintah Indonesia"]),
            ("Pemerintah Australia", "other", "government:australia", ["Pemerintah Australia"])]
    text = ("Lapas Kelas IIA Kotabaru menerima dua narapidana pindahan. "
            "Pemerintah Indonesia dan Pemerintah Australia menandatangani kesepakatan pemindahan narapidana.")
    assert extract_partnerships(text, analysis(text, [KOTABARU], orgs)) == []


def test_commission_named_by_its_number_only():
    dpr = ("DPR", "legislature", "dpr:ri", ["DPR"])
    text = ("Anggota DPR meninjau sejumlah daerah pekan ini. "
            "Tim Kunjungan Kerja Komisi III meninjau blok hunian Lapas Kelas IIA Kotabaru, Senin (2/6).")
    out = extract_partnerships(text, analysis(text, [KOTABARU], [dpr]))
    assert pairs(out) == {("Lapas Kelas IIA Kotabaru", "Komisi III DPR")}
    assert out[0].kind == "visit"


def test_commission_mentions_join_the_named_commission():
    komisi = ("Komisi XIII DPR RI", "legislature", "dpr:komisi:xiii", ["Komisi XIII DPR RI"])
    text = ("Komisi XIII DPR RI tiba di Kotabaru, Selasa (3/6). "
            "Selanjutnya, rombongan Komisi XIII menggelar rapat dengan Lapas Kelas IIA Kotabaru.")
    out = extract_partnerships(text, analysis(text, [KOTABARU], [komisi]))
    assert pairs(out) == {("Lapas Kelas IIA Kotabaru", "Komisi XIII DPR RI")}


def test_a_joint_team_of_personnel_is_a_joint_operation():
    assert _kind_in("Sebanyak 300 personel gabungan menyisir blok hunian") == "joint_operation"
    kodim = ("Kodim 1234 Kotabaru", "military", "military:kodim:1234", ["Kodim 1234 Kotabaru"])
    polres = ("Polres Kotabaru", "police", "police:polres:kotabaru", ["Polres Kotabaru"])
    text = ("Pengamanan Lapas Kelas IIA Kotabaru diperketat, Kamis (5/6). Ratusan personel gabungan dikerahkan, "
            "termasuk dari Polres Kotabaru dan Kodim 1234 Kotabaru.")
    out = extract_partnerships(text, analysis(text, [KOTABARU], [polres, kodim]))
    assert {p[1] for p in pairs(out)} == {"Polres Kotabaru", "Kodim 1234 Kotabaru"}


def test_monitoring_by_an_election_body_is_a_visit():
    assert _kind_in("Anggota Bawaslu melakukan pemantauan ke Rutan Sampang") == "visit"
    bawaslu = ("Bawaslu Sampang", "election_body", "election:bawaslu:sampang", ["Bawaslu Sampang"])
    text = "Anggota Bawaslu Sampang melakukan pemantauan ke Rutan Kelas IIB Sampang, Rabu (14/2)."
    out = extract_partnerships(text, analysis(text, [SAMPANG], [bawaslu]))
    assert pairs(out) == {("Rutan Kelas IIB Sampang", "Bawaslu Sampang")} and out[0].kind == "visit"


def test_companions_of_a_visit_are_partners_of_the_visited_unit():
    orgs = [("KPU Madura", "election_body", "election:kpu:madura", ["KPU Madura"]),
            ("Bawaslu Sampang", "election_body", "election:bawaslu:sampang", ["Bawaslu Sampang"]),
            ("Panwascam Camplong", "election_body", "election:panwascam:camplong", ["Panwascam Camplong"])]
    text = ("Komisioner KPU Madura melakukan kunjungan ke Rutan Kelas IIB Sampang, Sabtu (7/6). "
            "Mereka didampingi oleh Ketua Bawaslu Sampang Andi Wirawan dan Ketua Panwascam Camplong Budi Laksono.")
    got = pairs(extract_partnerships(text, analysis(text, [SAMPANG], orgs)))
    assert got == {("Rutan Kelas IIB Sampang", o[0]) for o in orgs}


def test_companions_need_an_event_just_before():
    bawaslu = ("Bawaslu Sampang", "election_body", "election:bawaslu:sampang", ["Bawaslu Sampang"])
    text = ("Rutan Kelas IIB Sampang menyiapkan TPS khusus bagi warga binaan. Jumlah pemilih tercatat 300 orang. "
            "Ketua Bawaslu Sampang Andi Wirawan didampingi stafnya berada di kantornya.")
    assert extract_partnerships(text, analysis(text, [SAMPANG], [bawaslu])) == []


def test_one_word_partner_takes_the_seat_written_after_it():
    dpr = ("DPR", "legislature", "dpr:ri", ["DPR"])
    text = ("Gubernur didampingi Ketua DPR Provinsi Papua Selatan Markus Aib melakukan kunjungan ke "
            "Lapas Kelas IIA Kotabaru, Senin (2/6).")
    out = extract_partnerships(text, analysis(text, [KOTABARU], [dpr]))
    assert pairs(out) == {("Lapas Kelas IIA Kotabaru", "DPR Provinsi Papua Selatan")}


def _old_sentences(text: str) -> list[tuple[int, int]]:
    """The splitter as it was before the backward scan (regex search from the sentence start)."""
    from nlp.partnerships import _ABBREV, _SENT_END

    last = re.compile(r"([\w.]+)[.!?]*$")
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            tok = last.search(text, start, m.start() + 1)
            token = tok.group(1).strip(".") if tok else ""
            if token.lower().replace(".", "") in _ABBREV or len(token) == 1 or ("." in token and len(token) <= 6):
                continue
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def test_sentence_splitter_keeps_its_cuts():
    texts = ["Kepala BNNK Kotabaru, AKBP Rudi Santoso, S.H., M.H. hadir. Razia digelar di blok A.",
             "Kombes Pol. Hadi menyerahkan bantuan! Kalapas (Dr. Sinta) menerimanya?\" ujarnya. Selesai.",
             "Acara dibuka KH. Ahmad. Lalu (Polres). Lalu S.Sos. juga hadir... Akhirnya selesai.",
             "Tanpa titik di akhir", "", "   .  ", "Ia berkata: 'Ya.' Kemudian pulang."]
    for t in texts:
        assert _sentences(t) == _old_sentences(t)
    assert _last_token("Kombes Pol.", 0, 11) == "Pol"
    assert _last_token("gelar S.H.", 0, 10) == "S.H"


# --- partners the organisation stage now reads (nlp/organizations.py, session 3) ---

def _analyze(text: str):
    from datetime import date

    from nlp.analyze import Analyzer
    from nlp.records import ArticleText

    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = Analyzer.load()
    return _ANALYZER.analyze(ArticleText(id="t", text=text, title=None, published=date(2025, 6, 3)))


_ANALYZER = None


def test_partners_named_as_acronym_school_forum_and_post_are_read():
    text = ("Kotabaru - Unsoed menandatangani nota kesepahaman dengan Lapas Kelas IIA Purwokerto, Senin (2/6). "
            "Turut hadir Forkopimda Banyumas, guru MTs Miftahul Ulum dan SMP Negeri 4 Purwokerto. "
            "Dirjen Imigrasi Kementerian Hukum dan HAM, Rudi Hartawan, melakukan kunjungan kerja ke Lapas Purwokerto.")
    a = _analyze(text)
    found = {o.name for o in a.organizations}
    assert {"Unsoed", "Forkopimda Banyumas", "MTs Miftahul Ulum", "SMP Negeri 4 Purwokerto", "Dirjen Imigrasi"} <= found
    partners = {p.parties[1] for p in a.partnerships}
    assert {"Unsoed", "Forkopimda Banyumas", "Dirjen Imigrasi"} <= partners
    assert not any("Kementerian Hukum" in p.parties[0] and p.parties[1] == "Dirjen Imigrasi" for p in a.partnerships)


def test_forum_without_a_place_is_no_organisation():
    a = _analyze("Kalapas Purwokerto menunggu arahan pusat dan forkopimda soal jadwal kunjungan keluarga.")
    assert not any("orkopimda" in o.name for o in a.organizations)


def test_ministry_name_with_commas_is_not_split_into_partners():
    from nlp.partnerships import _split_enumeration

    name = "Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan"
    assert _split_enumeration(name) == [name]
    assert _split_enumeration("Dinas Kominfo, Dinkes, dan Dinsos") == ["Dinas Kominfo", "Dinkes", "Dinsos"]


def test_acting_post_abbreviation_does_not_end_the_attendance_list():
    text = ("Rapat koordinasi digelar Kanwil Ditjenpas Kalimantan Selatan di Banjarbaru, Rabu (2/7). Turut hadir "
            "Kepala BNN Kalsel, Plt. Kepala Dinas Kesehatan Kalsel, serta perwakilan BLK Kalsel.")
    a = _analyze(text)
    partners = {p.parties[1] for p in a.partnerships}
    assert {"Dinas Kesehatan Kalsel", "BLK Kalsel"} <= partners


def test_a_parliament_plenary_is_no_meeting_with_the_unit():
    text = ("Kanwil Kemenkumham Kaltim mencatat lapas di Kaltim melebihi kapasitas. Pada rapat paripurna DPRD Kaltim, "
            "seorang anggota dewan menagih janji Gubernur Kaltim untuk membangun lapas baru.")
    a = _analyze(text)
    assert not any(p.parties[1].startswith("DPRD") for p in a.partnerships)
